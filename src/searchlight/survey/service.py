"""Invite to the survey (a single-use link by mail), answer it once, and read the results."""

from __future__ import annotations

import secrets
from datetime import date, datetime, timedelta

from sqlalchemy import and_, exists, select
from sqlalchemy.orm import Session

from searchlight.analytics.service import Period
from searchlight.auth.models import User
from searchlight.auth.service import token_hash
from searchlight.candidates.models import Application
from searchlight.candidates.pipeline import stages_for_role
from searchlight.comms.service import candidate_language
from searchlight.db import utcnow
from searchlight.errors import Conflict, InvalidInput, NotFound
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent
from searchlight.mail.service import queue_mail
from searchlight.roles.models import Role
from searchlight.survey.models import AUDIENCES, QUESTIONS, SurveyInvitation, SurveyResponse
from searchlight.survey.results import Answer, Summary, summarise

VALID_FOR = timedelta(days=30)
MAIL = {
    "en": ("How was your application procedure?",
           "Hello,\n\nThe procedure for {role} has ended. Would you tell us in four short "
           "questions how clear, fair and fast it was, and what you thought of our use of AI? "
           "Your answers are anonymous: we only see them together with others.\n\n{link}\n\n"
           "The link works once, for 30 days."),
    "nl": ("Hoe was je sollicitatieprocedure?",
           "Hallo,\n\nDe procedure voor {role} is afgerond. Wil je ons in vier korte vragen "
           "vertellen hoe duidelijk, eerlijk en snel die was, en wat je vond van ons gebruik "
           "van AI? Je antwoorden zijn anoniem: we zien ze alleen samen met die van "
           "anderen.\n\n{link}\n\nDe link werkt één keer, 30 dagen lang."),
}


def invite(*, db_session: Session, actor: User | None, application: Application, audience: str,
           base_url: str) -> tuple[SurveyInvitation, str]:
    """Mail a single-use survey link to the candidate or the role's hiring manager once the
    application's procedure has ended (hired, rejected or withdrawn). Returns the invitation
    and its token (only its hash is stored)."""
    if audience not in AUDIENCES:
        raise InvalidInput("Choose the candidate or the hiring manager.",
                           detail={"field": "audience"})
    kinds = {s.key: s.kind for s in stages_for_role(db_session=db_session,
                                                    role=application.role)}
    if kinds.get(application.stage_key) == "open":
        raise InvalidInput("The survey goes out when the procedure has ended.",
                           detail={"field": "stage"})
    if db_session.scalar(select(SurveyInvitation.id).where(
            SurveyInvitation.application_id == application.id,
            SurveyInvitation.audience == audience)):
        raise Conflict("The survey was already sent for this procedure.")
    if audience == "candidate":
        address = application.candidate.email
        language = candidate_language(db_session=db_session, candidate=application.candidate)
    else:
        manager = application.role.hiring_manager
        address = manager.email if manager else None
        language = manager.locale if manager and manager.locale in MAIL else "nl"
    if not address:
        raise InvalidInput("There is no e-mail address to send the survey to.",
                           detail={"field": "audience"})
    token = secrets.token_urlsafe(32)
    invitation = SurveyInvitation(
        token_hash=token_hash(token), application_id=application.id, role_id=application.role_id,
        audience=audience, language=language, expires_at=utcnow() + VALID_FOR)
    db_session.add(invitation)
    subject, body = MAIL[language]
    role = application.role.title(language)
    queue_mail(db_session, to=address, subject=subject, purpose=f"survey.{audience}",
               body=body.format(role=role, link=f"{base_url}/survey/{token}"),
               language=language)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "survey.invited", "application", application.id, {"audience": audience}))
    return invitation, token


SEND_WITHIN = timedelta(days=30)


def due_invitations(*, db_session: Session, after_days: int,
                    now: datetime) -> list[tuple[Application, str]]:
    """(application, audience) pairs whose survey is due: the procedure ended (a closed stage)
    at least `after_days` ago but within the 30 days after that, there is somebody with an
    e-mail address to ask, and nobody was invited yet. A read."""
    if after_days <= 0:
        return []
    latest = now - timedelta(days=after_days)
    earliest = latest - SEND_WITHIN
    ended = db_session.scalars(
        select(Application).join(Role, Role.id == Application.role_id)
        .where(Application.stage_entered_at <= latest, Application.stage_entered_at > earliest)
        .order_by(Application.id)).all()
    due: list[tuple[Application, str]] = []
    for application in ended:
        kinds = {s.key: s.kind for s in stages_for_role(db_session=db_session,
                                                        role=application.role)}
        if kinds.get(application.stage_key, "open") == "open":
            continue
        for audience in AUDIENCES:
            has_address = (application.candidate.email if audience == "candidate"
                           else application.role.hiring_manager is not None)
            invited = db_session.scalar(select(exists().where(and_(
                SurveyInvitation.application_id == application.id,
                SurveyInvitation.audience == audience))))
            if has_address and not invited:
                due.append((application, audience))
    return due


def send_due(*, db_session: Session, after_days: int, base_url: str, now: datetime) -> int:
    """Invite everybody whose survey is due; returns how many were invited."""
    sent = 0
    for application, audience in due_invitations(db_session=db_session, after_days=after_days,
                                                 now=now):
        invite(db_session=db_session, actor=None, application=application, audience=audience,
               base_url=base_url)
        sent += 1
    return sent


def invitation_by_token(*, db_session: Session, token: str) -> SurveyInvitation:
    found = db_session.scalar(select(SurveyInvitation).where(
        SurveyInvitation.token_hash == token_hash(token)))
    if found is None or found.expires_at < utcnow():
        raise NotFound("This survey link is not valid (any more).")
    return found


def _score(raw: str) -> int | None:
    if not raw:
        return None
    if raw not in {"1", "2", "3", "4", "5"}:
        raise InvalidInput("Choose a score from 1 to 5.", detail={"field": "score"})
    return int(raw)


def answer(*, db_session: Session, token: str, scores: dict[str, str]) -> None:
    """Store the answers without any link to the invitation, and use the link up."""
    invitation = invitation_by_token(db_session=db_session, token=token)
    if invitation.used_at is not None:
        raise Conflict("This survey was already filled in. Thank you!")
    values = {question: _score(scores.get(question, "")) for question in QUESTIONS}
    if all(value is None for value in values.values()):
        raise InvalidInput("Answer at least one question.", detail={"field": "score"})
    today = utcnow().date()
    db_session.add(SurveyResponse(role_id=invitation.role_id, audience=invitation.audience,
                                  month=date(today.year, today.month, 1), **values))
    invitation.used_at = utcnow()
    db_session.flush()


def results(*, db_session: Session, role_ids: list[int] | None,
            period: Period) -> tuple[list[Summary], list[Summary], dict[str, Role]]:
    """Summaries per role and per month for the roles in scope (None: all)."""
    query = select(SurveyResponse, Role).join(Role, Role.id == SurveyResponse.role_id)
    if role_ids is not None:
        query = query.where(SurveyResponse.role_id.in_(role_ids))
    if period.since:
        query = query.where(SurveyResponse.month >= period.since.replace(day=1))
    if period.until:
        query = query.where(SurveyResponse.month <= period.until)
    rows = db_session.execute(query).tuples().all()
    roles = {role.key: role for _, role in rows}

    def scores(response: SurveyResponse) -> list[int | None]:
        return [getattr(response, question) for question in QUESTIONS]

    per_role = summarise((Answer(role.key, scores(r)) for r, role in rows), len(QUESTIONS))
    per_month = summarise((Answer(r.month.strftime("%Y-%m"), scores(r)) for r, _ in rows),
                          len(QUESTIONS))
    return per_role, per_month, roles
