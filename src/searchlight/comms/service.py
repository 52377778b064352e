"""The candidate's language, drafting a message (AI where configured, else the template) and
sending it after a person approved it: outbox, timeline, audit."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight import llm
from searchlight.auth.models import User
from searchlight.candidates.models import Application, Candidate, Document
from searchlight.careers.models import CareersApplication
from searchlight.comms.wording import KINDS, fill
from searchlight.config import get_settings
from searchlight.crm.models import Activity
from searchlight.errors import InvalidInput, NotFound
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent
from searchlight.mail.service import queue_mail
from searchlight.screening.models import CvAnalysis

LANGUAGES = ("nl", "en")


def candidate_language(*, db_session: Session, candidate: Candidate) -> str:
    """The language to write in: the careers form's language, else the CV's, else the
    organisation's default."""
    chosen = db_session.scalar(
        select(CareersApplication.language).join(
            Application, Application.id == CareersApplication.application_id)
        .where(Application.candidate_id == candidate.id)
        .order_by(CareersApplication.id.desc()))
    if chosen in LANGUAGES:
        return str(chosen)
    found = db_session.scalar(
        select(CvAnalysis.language).join(Document, Document.id == CvAnalysis.document_id)
        .where(Document.candidate_id == candidate.id, CvAnalysis.language.in_(LANGUAGES))
        .order_by(CvAnalysis.id.desc()))
    return str(found) if found else get_settings().default_locale


def application_of(*, db_session: Session, candidate: Candidate,
                   application_id: int) -> Application:
    application = db_session.get(Application, application_id)
    if application is None or application.candidate_id != candidate.id:
        raise NotFound("This application does not exist.")
    return application


@dataclass(frozen=True)
class Draft:
    subject: str
    body: str
    engine: str  # "offline" (the template) or the model that drafted it
    note: str = ""  # why the template is shown instead of the model's draft


def _check_identity(candidate: Candidate) -> None:
    if candidate.identity_hidden:
        raise InvalidInput("The candidate's identity is still hidden; reveal it (recorded) "
                           "before writing to them.", detail={"field": "identity"})


def _check(kind: str, language: str, reason: str) -> None:
    if kind not in KINDS or language not in LANGUAGES:
        raise InvalidInput("Choose a kind of message and a language from the list.",
                           detail={"field": "kind"})
    if kind == "rejection" and len(reason.strip()) < 10:
        raise InvalidInput("A rejection gives the candidate a kind and specific reason.",
                           detail={"field": "reason"})


def draft(*, db_session: Session, actor: User, candidate: Candidate, application: Application,
          kind: str, language: str, reason: str = "", when: str = "") -> Draft:
    """A draft for a person to edit: the AI layer improves the template where configured; the
    template itself when no model is configured, the AI is stopped or the model fails."""
    _check(kind, language, reason)
    _check_identity(candidate)
    role = application.role.title_nl if language == "nl" else application.role.title_en
    # The name stays out of the prompt: the model gets "{name}" and it is filled in after.
    template = fill(kind, language, name="{name}", role=role, sender=actor.full_name,
                    reason=reason, when=when)
    subject = template.subject
    try:
        result = llm.generate_text(
            db_session=db_session, task="comms.message", prompt="comms/message",
            variables={"kind": kind, "template": template.body}, language=language,
            offline=lambda: template.body, fallback_offline=True, actor=actor)
        body, engine, note = result.text, result.engine.name, ""
    except llm.AIError:
        body, engine = template.body, "offline"
        note = "The AI features are switched off; this is the template."
    if "{name}" not in body:
        body = template.body  # a model that dropped the greeting gets the template back
        note = note or "The model's draft missed the candidate's name; this is the template."
    return Draft(subject, body.replace("{name}", candidate.full_name), engine, note)


def send(*, db_session: Session, actor: User, candidate: Candidate, application: Application,
         kind: str, language: str, subject: str, body: str, approved: bool) -> Activity:
    """Queue the message a person approved and log it on the candidate's timeline."""
    if kind not in KINDS or language not in LANGUAGES:
        raise InvalidInput("Choose a kind of message and a language from the list.",
                           detail={"field": "kind"})
    _check_identity(candidate)
    if not approved:
        raise InvalidInput("Read the message and confirm that you approve it.",
                           detail={"field": "approved"})
    if not subject.strip() or not body.strip():
        raise InvalidInput("Give the message a subject and a text.", detail={"field": "body"})
    if not candidate.email:
        raise InvalidInput("This candidate has no e-mail address.", detail={"field": "email"})
    message = queue_mail(db_session, to=candidate.email, subject=subject.strip(),
                         body=body.strip(), purpose=f"comms.{kind}", language=language)
    activity = Activity(candidate_id=candidate.id, kind="email", author_id=actor.id,
                        body=f"{subject.strip()}\n\n{body.strip()}")
    db_session.add(activity)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "candidate.message_sent", "candidate", candidate.id,
        {"kind": kind, "language": language, "application_id": application.id,
         "outbox_id": message.id, "activity_id": activity.id}))
    return activity
