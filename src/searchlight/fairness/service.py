"""Self-identification: invite (a single-use link, only its hash stored), answer once, and
detach the answers from a person who is erased (their outcome frozen, the link cleared)."""

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from searchlight.auth.models import User
from searchlight.auth.service import token_hash
from searchlight.candidates.models import Application
from searchlight.db import utcnow
from searchlight.errors import Conflict, InvalidInput, NotFound
from searchlight.fairness.categories import CATEGORIES
from searchlight.fairness.models import SelfId, SelfIdInvitation
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent
from searchlight.i18n import N_
from searchlight.mail.service import queue_mail
from searchlight.screening.models import ScreeningResult

VALID_FOR = timedelta(days=30)
LANGUAGES = ("nl", "en")
MAIL = {
    "en": ("Help us check our selection for bias (voluntary)",
           "Hello,\n\nThank you for applying for {role}. We check our selection for bias, and for "
           "that we ask applicants, voluntarily, about their gender, age and migration "
           "background. Your answers are never used to assess you: nobody who decides on your "
           "application sees them, only an auditor sees totals. Every question has \"prefer not "
           "to say\".\n\n{link}\n\nThe link works once, for 30 days."),
    "nl": ("Help ons onze selectie op vooroordelen te controleren (vrijwillig)",
           "Hallo,\n\nDank je voor je sollicitatie voor {role}. We controleren onze selectie op "
           "vooroordelen en vragen sollicitanten daarvoor, vrijwillig, naar hun gender, leeftijd "
           "en migratieachtergrond. Je antwoorden worden nooit gebruikt om jou te beoordelen: "
           "niemand die over je sollicitatie beslist ziet ze, alleen een auditor ziet totalen. "
           "Bij elke vraag kun je \"zeg ik liever niet\" kiezen.\n\n{link}\n\n"
           "De link werkt één keer, 30 dagen lang."),
}


def create_invitation(*, db_session: Session, application: Application,
                      language: str) -> str:
    """A new single-use link for this application; returns the token (only its hash is
    stored). Used by the careers site's confirmation page and by `invite`."""
    token = secrets.token_urlsafe(32)
    db_session.add(SelfIdInvitation(
        token_hash=token_hash(token), application_id=application.id,
        language=language if language in LANGUAGES else "nl", expires_at=utcnow() + VALID_FOR))
    db_session.flush()
    return token


def has_answered(*, db_session: Session, application_id: int) -> bool:
    return db_session.scalar(select(SelfId.id).where(
        SelfId.application_id == application_id)) is not None


def invite(*, db_session: Session, actor: User, application: Application, language: str,
           base_url: str) -> SelfIdInvitation:
    """Mail the candidate a link to the voluntary form (a recruiter's action, audited)."""
    if has_answered(db_session=db_session, application_id=application.id):
        raise Conflict(N_("This candidate already filled in the form for this application."))
    address = application.candidate.email
    if not address:
        raise InvalidInput(N_("There is no e-mail address to send the form to."),
                           detail={"field": "application"})
    token = create_invitation(db_session=db_session, application=application, language=language)
    language = language if language in MAIL else "nl"
    subject, body = MAIL[language]
    queue_mail(db_session, to=address, subject=subject, purpose="fairness.self_id",
               body=body.format(role=application.role.title(language),
                                link=f"{base_url}/self-identification/{token}"),
               language=language)
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "fairness.self_id_invited", "application", application.id, {}))
    return invitation_by_token(db_session=db_session, token=token)


def invitation_by_token(*, db_session: Session, token: str) -> SelfIdInvitation:
    found = db_session.scalar(select(SelfIdInvitation).where(
        SelfIdInvitation.token_hash == token_hash(token)))
    if found is None or found.expires_at < utcnow():
        raise NotFound(N_("This link is not valid (any more)."))
    return found


def clean_answers(raw: dict[str, str]) -> dict[str, str | None]:
    """Only the offered answers; anything else (or nothing) is "prefer not to say" = None."""
    answers: dict[str, str | None] = {}
    for category in CATEGORIES:
        value = (raw.get(category.key) or "").strip()
        if value and value not in dict(category.options):
            raise InvalidInput(N_("Choose one of the answers offered."),
                               detail={"field": category.key})
        answers[category.key] = value or None
    return answers


def answer(*, db_session: Session, token: str, raw: dict[str, str]) -> SelfId:
    """Store the answers for the invitation's application, once, and use the link up. Not
    audited: the audit log is read by others than the auditor, and even "answered" is more
    than they need to know."""
    invitation = invitation_by_token(db_session=db_session, token=token)
    if invitation.used_at is not None or has_answered(
            db_session=db_session, application_id=invitation.application_id):
        raise Conflict(N_("This form was already filled in. Thank you!"))
    answers = clean_answers(raw)
    today = utcnow().date()
    row = SelfId(application_id=invitation.application_id,
                 role_id=invitation.application.role_id,
                 month=date(today.year, today.month, 1), answers=answers)
    db_session.add(row)
    invitation.used_at = utcnow()
    db_session.flush()
    return row


@dataclass(frozen=True)
class Outcome:
    stages_reached: frozenset[str]
    scores: dict[str, float | None]  # "overall" and each SEARCH dimension; absent: not screened


def _scores(result: ScreeningResult | None) -> dict[str, float | None]:
    if result is None:
        return {}
    scores: dict[str, float | None] = {"overall": result.overall}
    for key, value in (result.dimensions or {}).items():
        score = value.get("score") if isinstance(value, dict) else None
        scores[key] = float(score) if isinstance(score, int | float) else None
    return scores


def outcomes(*, db_session: Session, rows: Sequence[SelfId]) -> dict[int, Outcome]:
    """The outcome of each self-ID row (by its id): live from the application and its latest
    screening result while it is linked, frozen once it was detached."""
    linked = [row.application_id for row in rows if row.application_id is not None]
    applications = {application.id: application for application in db_session.scalars(
        select(Application).where(Application.id.in_(linked))
        .options(selectinload(Application.changes)))} if linked else {}
    latest: dict[tuple[int, int], ScreeningResult] = {}
    if applications:
        pairs = {(a.candidate_id, a.role_id) for a in applications.values()}
        for result in db_session.scalars(
                select(ScreeningResult).where(ScreeningResult.candidate_id.in_(
                    {c for c, _ in pairs})).order_by(ScreeningResult.id)):
            if result.candidate_id is not None:
                latest[(result.candidate_id, result.role_id)] = result  # the last one wins
    found: dict[int, Outcome] = {}
    for row in rows:
        application = applications.get(row.application_id or 0)
        if application is None:
            found[row.id] = Outcome(frozenset(row.stages_reached or ()),
                                    dict(row.scores or {}))
            continue
        reached = {change.to_stage for change in application.changes} | {application.stage_key}
        found[row.id] = Outcome(frozenset(reached), _scores(
            latest.get((application.candidate_id, application.role_id))))
    return found


def detach(*, db_session: Session, application_ids: Sequence[int]) -> int:
    """Before an erasure removes these applications: freeze each self-ID row's outcome into the
    row and clear its link, so it stays as an anonymous record (role, month, answers, outcome)
    and the audit's figures do not change. Returns how many rows were detached."""
    if not application_ids:
        return 0
    rows = list(db_session.scalars(select(SelfId).where(
        SelfId.application_id.in_(application_ids))))
    frozen = outcomes(db_session=db_session, rows=rows)
    for row in rows:
        row.stages_reached = sorted(frozen[row.id].stages_reached)
        row.scores = frozen[row.id].scores
        row.application_id = None
    db_session.flush()
    return len(rows)


def counts(*, db_session: Session) -> dict[str, Any]:
    """How many answers there are and for how many roles (the auditor's home panel)."""
    total, roles = db_session.execute(select(
        func.count(SelfId.id), func.count(func.distinct(SelfId.role_id)))).one()
    return {"answers": int(total), "roles": int(roles)}
