"""Gather the facts behind next best action for the roles a user may see, and record
decisions. A read never writes: suggestions are computed on every request."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from searchlight.actions.models import DECISIONS, ActionDecision, ActionLimits
from searchlight.actions.suggest import (
    IdleChannel,
    Limits,
    PoolMatch,
    RoleFacts,
    Silent,
    Suggestion,
    Waiting,
    suggest,
)
from searchlight.analytics import service as analytics
from searchlight.analytics.scarcity import service as scarcity
from searchlight.auth.access import allowed, require
from searchlight.auth.models import User
from searchlight.candidates.models import Application, Candidate
from searchlight.candidates.pipeline import stages_for_role
from searchlight.content.inclusive import check_text
from searchlight.content.models import ContentText, ContentVersion
from searchlight.crm.models import Activity, PoolMember, Source, TalentPool
from searchlight.db import utcnow
from searchlight.errors import InvalidInput, NotFound
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent
from searchlight.i18n import current_locale
from searchlight.roles.models import Role
from searchlight.screening.models import ScreeningResult

NEW_ROLE_DAYS = 30
MAX_SNOOZE_DAYS = 60


def limits_for(*, db_session: Session, user: User) -> Limits:
    found = db_session.get(ActionLimits, user.id)
    if found is None:
        return Limits()
    return Limits(wait_days=found.wait_days, message_days=found.message_days)


def set_limits(*, db_session: Session, user: User, wait_days: int, message_days: int) -> None:
    require(user, "analytics:read")
    if not (1 <= wait_days <= 90 and 1 <= message_days <= 90):
        raise InvalidInput("Give a number of days from 1 to 90.", detail={"field": "limits"})
    found = db_session.get(ActionLimits, user.id)
    if found is None:
        db_session.add(ActionLimits(user_id=user.id, wait_days=wait_days,
                                    message_days=message_days))
    else:
        found.wait_days, found.message_days = wait_days, message_days
    db_session.flush()


def _scope(db_session: Session, user: User, role_key: str | None) -> list[Role]:
    if role_key:
        return [analytics.get_role_for_user(db_session=db_session, user=user, role_key=role_key)]
    ids = analytics.visible_role_ids(db_session=db_session, user=user)
    query = select(Role).where(Role.is_active).order_by(Role.key)
    if ids is not None:
        query = query.where(Role.id.in_(ids))
    return list(db_session.scalars(query))


def _role_facts(db_session: Session, role: Role, locale: str) -> RoleFacts:
    bench = scarcity.benchmark(db_session=db_session, role=role)
    agencies = tuple(row.name for row in sorted(bench.sources, key=lambda r: r.kind != "agency"))
    findings, text_id = 0, None
    texts = db_session.scalars(select(ContentText).where(
        ContentText.role_id == role.id, ContentText.kind == "vacancy").order_by(ContentText.id))
    for text in texts:
        version = db_session.scalar(select(ContentVersion).where(
            ContentVersion.text_id == text.id, ContentVersion.number == text.current_version))
        if version is not None:
            count = len(check_text(version.body, language=text.language))
            if count and text_id is None:
                text_id = text.id
            findings += count
    return RoleFacts(role.key, role.title(locale), bench.result.level, agencies, findings,
                     text_id)


def _open_applications(db_session: Session, role: Role) -> tuple[list[Application], dict[str, str]]:
    stages = stages_for_role(db_session=db_session, role=role)
    locale = current_locale.get()
    names = {s.key: (s.name_en if locale == "en" else s.name_nl) for s in stages
             if s.kind == "open" and s.key != "sourced"}
    apps = list(db_session.scalars(select(Application).options(
        selectinload(Application.candidate)).where(
        Application.role_id == role.id, Application.stage_key.in_(names))))
    return apps, names


def _best_scores(db_session: Session, role: Role) -> dict[int, float]:
    rows = db_session.execute(select(ScreeningResult.candidate_id,
                                     func.max(ScreeningResult.overall))
                              .where(ScreeningResult.role_id == role.id,
                                     ScreeningResult.candidate_id.is_not(None))
                              .group_by(ScreeningResult.candidate_id)).tuples()
    return {candidate: score for candidate, score in rows if candidate and score is not None}


def _last_messages(db_session: Session, candidate_ids: list[int]) -> dict[int, datetime]:
    if not candidate_ids:
        return {}
    rows = db_session.execute(select(Activity.candidate_id, func.max(Activity.occurred_at))
                              .where(Activity.candidate_id.in_(candidate_ids),
                                     Activity.kind == "email")
                              .group_by(Activity.candidate_id)).tuples()
    return {candidate: last for candidate, last in rows if last is not None}


def _people(db_session: Session, roles: list[Role]) -> tuple[list[Waiting], list[Silent]]:
    now = utcnow()
    waiting: list[Waiting] = []
    silent: list[Silent] = []
    for role in roles:
        apps, names = _open_applications(db_session, role)
        scores = _best_scores(db_session, role)
        last = _last_messages(db_session, [a.candidate_id for a in apps])
        for app in apps:
            candidate = app.candidate
            waiting.append(Waiting(app.id, candidate.id, candidate.display_name, role.key,
                                   names[app.stage_key], (now - app.stage_entered_at).days,
                                   scores.get(candidate.id)))
            since = last.get(candidate.id) or app.created_at
            silent.append(Silent(app.id, candidate.id, candidate.display_name, role.key,
                                 (now - since).days, since.isoformat(timespec="minutes")))
    return waiting, silent


def _idle_channels(db_session: Session, days: int) -> list[IdleChannel]:
    rows = db_session.execute(select(Source.key, Source.name, func.max(Candidate.created_at))
                              .join(Candidate, Candidate.source_id == Source.id)
                              .where(Source.kind == "channel", Source.is_active)
                              .group_by(Source.key, Source.name)).tuples()
    now = utcnow()
    return [IdleChannel(key, name, (now - last).days) for key, name, last in rows
            if last is not None and (now - last).days >= days]


def _pool_matches(db_session: Session, roles: list[Role], strong: float) -> list[PoolMatch]:
    cutoff = utcnow() - timedelta(days=NEW_ROLE_DAYS)
    found: list[PoolMatch] = []
    locale = current_locale.get()
    for role in roles:
        if role.created_at < cutoff:
            continue
        applied = select(Application.candidate_id).where(Application.role_id == role.id)
        rows = db_session.execute(
            select(Candidate, TalentPool.name, func.max(ScreeningResult.overall))
            .join(PoolMember, PoolMember.candidate_id == Candidate.id)
            .join(TalentPool, TalentPool.id == PoolMember.pool_id)
            .join(ScreeningResult, ScreeningResult.candidate_id == Candidate.id)
            .where(ScreeningResult.role_id == role.id, ScreeningResult.overall >= strong,
                   Candidate.id.not_in(applied))
            .group_by(Candidate.id, TalentPool.name)).tuples()
        for candidate, pool, score in rows:
            found.append(PoolMatch(candidate.id, candidate.display_name, pool, role.key,
                                   role.title(locale), float(score or 0)))
    return found


def _hidden(db_session: Session, keys: list[str]) -> set[str]:
    """Keys whose latest decision is done, dismissed, or a snooze that has not ended."""
    if not keys:
        return set()
    now = utcnow()
    latest: dict[str, ActionDecision] = {}
    for decision in db_session.scalars(select(ActionDecision).where(
            ActionDecision.action_key.in_(keys)).order_by(ActionDecision.decided_at,
                                                          ActionDecision.id)):
        latest[decision.action_key] = decision
    return {key for key, d in latest.items()
            if d.decision != "snoozed" or (d.snoozed_until and d.snoozed_until > now)}


def suggestions_for(*, db_session: Session, user: User,
                    role_key: str | None = None) -> list[Suggestion]:
    """The open suggestions for `user` (all roles they may see, or one), best first."""
    require(user, "analytics:read")
    roles = _scope(db_session, user, role_key)
    return collect(db_session=db_session, roles=roles,
                   limits=limits_for(db_session=db_session, user=user),
                   channels=role_key is None and allowed(user, "candidates:read_all"))


def collect(*, db_session: Session, roles: list[Role], limits: Limits,
            channels: bool) -> list[Suggestion]:
    """The open suggestions for `roles` (and idle channels when `channels`), without a user's
    scope: the caller decided what may be seen (the command line sees everything)."""
    if not roles and not channels:
        return []
    locale = current_locale.get()
    waiting, silent = _people(db_session, roles)
    idle = _idle_channels(db_session, limits.idle_days) if channels else []
    found = suggest(roles=[_role_facts(db_session, role, locale) for role in roles],
                    waiting=waiting, silent=silent, idle=idle,
                    pool_matches=_pool_matches(db_session, roles, limits.strong_score),
                    limits=limits)
    hidden = _hidden(db_session, [s.key for s in found])
    return [s for s in found if s.key not in hidden]


def has_roles(*, db_session: Session, user: User) -> bool:
    return bool(_scope(db_session, user, None))


def get_suggestion_for_user(*, db_session: Session, user: User, key: str) -> Suggestion:
    """A suggestion the user sees right now; anything else is not theirs to decide on."""
    for suggestion in suggestions_for(db_session=db_session, user=user):
        if suggestion.key == key:
            return suggestion
    raise NotFound("This suggestion is no longer open.")


def decide(*, db_session: Session, user: User, key: str, decision: str,
           snooze_days: int = 1) -> ActionDecision:
    if decision not in DECISIONS:
        raise InvalidInput("Choose done, snooze or dismiss.", detail={"field": "decision"})
    suggestion = get_suggestion_for_user(db_session=db_session, user=user, key=key)
    until = None
    if decision == "snoozed":
        if not 1 <= snooze_days <= MAX_SNOOZE_DAYS:
            raise InvalidInput("Snooze for 1 to 60 days.", detail={"field": "days"})
        until = utcnow() + timedelta(days=snooze_days)
    record = ActionDecision(action_key=key, kind=suggestion.kind, role_key=suggestion.role_key,
                            decision=decision, snoozed_until=until, user_id=user.id)
    db_session.add(record)
    db_session.flush()
    audit.record(db_session=db_session, actor=user, event=AuditEvent(
        f"next_action.{decision}", "next_action", record.id,
        {"key": key, "kind": suggestion.kind, "role": suggestion.role_key,
         "until": until.isoformat() if until else None}))
    return record
