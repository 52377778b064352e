"""The careers site's service: published vacancies (approved text, or the role profile when no
text is approved), JSON-LD, applications, job alerts with double opt-in, and event counts."""

import json
import re
import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import PurePath
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from searchlight import jobs, ratelimit
from searchlight.candidates.documents import check_upload, clean_filename, store_document
from searchlight.candidates.models import Application, Candidate
from searchlight.candidates.pipeline import FIRST_STAGE, apply_to_role
from searchlight.candidates.schemas import CandidateIn
from searchlight.candidates.service import create_candidate
from searchlight.careers.models import (
    AlertSubscription,
    CareersApplication,
    EventCount,
    Notice,
    Posting,
)
from searchlight.config import Settings
from searchlight.content.models import ContentText, ContentVersion, OrganisationFacts
from searchlight.crm.sources import ensure_default_sources
from searchlight.db import utcnow
from searchlight.errors import Conflict, InvalidInput, NotFound
from searchlight.mail import queue_mail
from searchlight.roles.models import Role, RoleVersion
from searchlight.screening.models import BatchFile, ScreeningBatch

SOURCE_KEY = "careers-site"
VALID_FOR = timedelta(days=60)
EVENTS = (
    "landing_view", "overview_view", "vacancy_view", "alert_signup", "form_completed",
    "form_abandoned", "recruiter_contact", "engaged_time", "story_read", "scroll_depth",
)
# Only these values are ever stored as an event's detail: nothing a visitor typed.
FORM_FIELDS = ("full_name", "email", "phone", "cv", "consent", "human_only")
DETAILS = {
    "form_abandoned": FORM_FIELDS,
    "scroll_depth": ("25", "50", "75", "100"),
    "engaged_time": ("10s", "30s", "60s", "180s"),
    "story_read": ("blog", "testimonial"),
}
BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|curl|wget|python-requests|httpx|headless|lighthouse|preview|"
    r"facebookexternalhit|monitor|scan", re.IGNORECASE)
DEFAULT_NOTICE = {
    "en": "Searchlight's owner processes your application (your details, CV and answers) to "
          "assess it for this vacancy. The CV is read by software that removes personal data "
          "and compares the skills and experience to the role's profile; a recruiter always "
          "decides. You can ask for review by a person only. We keep your data for up to four "
          "weeks after the procedure ends, or a year with your consent. You may see, correct or "
          "delete your data at any time by asking the recruiter.",
    "nl": "De eigenaar van Searchlight verwerkt je sollicitatie (je gegevens, cv en antwoorden) "
          "om die voor deze vacature te beoordelen. Software leest het cv, haalt "
          "persoonsgegevens weg en vergelijkt vaardigheden en ervaring met het profiel van de "
          "rol; een recruiter beslist altijd. Je kunt vragen om beoordeling door alleen een "
          "mens. We bewaren je gegevens tot vier weken na de procedure, of een jaar met je "
          "toestemming. Je kunt je gegevens altijd inzien, laten verbeteren of laten "
          "verwijderen via de recruiter.",
}


@dataclass(frozen=True)
class Vacancy:
    posting: Posting
    role: Role
    title: str
    body: str
    language: str
    from_approved_text: bool  # False: written from the role profile
    skills: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.role.key


def _profile(db_session: Session, role: Role) -> dict[str, Any]:
    version = db_session.scalar(select(RoleVersion).where(
        RoleVersion.role_id == role.id, RoleVersion.number == role.current_version))
    return dict(version.profile) if version else {}


def _profile_text(profile: dict[str, Any], language: str) -> str:
    lines = [profile.get(f"jtbd_{language}", "")]
    for dimension in profile.get("dimensions", []):
        items = [item.get(f"text_{language}", "") for item in dimension.get("items", [])]
        if items:
            lines.append("\n".join(f"- {text}" for text in items if text))
    return "\n\n".join(line for line in lines if line)


def _approved(db_session: Session, role: Role, language: str) -> ContentVersion | None:
    text = db_session.scalar(select(ContentText).where(
        ContentText.role_id == role.id, ContentText.kind == "vacancy",
        ContentText.language == language, ContentText.approved_version.is_not(None)))
    if text is None:
        return None
    return db_session.scalar(select(ContentVersion).where(
        ContentVersion.text_id == text.id, ContentVersion.number == text.approved_version))


def vacancy(db_session: Session, posting: Posting, language: str) -> Vacancy:
    role = posting.role
    profile = _profile(db_session, role)
    skills = sorted({skill for dimension in profile.get("dimensions", [])
                     for item in dimension.get("items", []) for skill in item.get("skills", [])})
    approved = _approved(db_session, role, language)
    title = role.title_nl if language == "nl" else role.title_en
    if approved is not None:
        return Vacancy(posting, role, approved.title or title, approved.body, language, True,
                       skills)
    return Vacancy(posting, role, title, _profile_text(profile, language), language, False,
                   skills)


def open_postings(db_session: Session) -> list[Posting]:
    today = utcnow().date()
    return [posting for posting in db_session.scalars(
        select(Posting).join(Role).where(Posting.is_published.is_(True), Role.is_active.is_(True))
        .order_by(Role.title_en))
        if posting.valid_through is None or posting.valid_through >= today]


@dataclass(frozen=True)
class Filters:
    family: str = ""
    location: str = ""
    language: str = ""
    q: str = ""


def overview(db_session: Session, filters: Filters, language: str) -> list[Vacancy]:
    found = []
    words = filters.q.lower().split()
    for posting in open_postings(db_session):
        if filters.family and posting.family != filters.family:
            continue
        if filters.location and posting.location != filters.location:
            continue
        if filters.language and filters.language not in posting.languages:
            continue
        item = vacancy(db_session, posting, language)
        haystack = f"{item.title} {item.body} {' '.join(item.skills)}".lower()
        if all(word in haystack for word in words):
            found.append(item)
    return found


def facets(postings: list[Posting]) -> dict[str, list[str]]:
    return {"family": sorted({p.family for p in postings if p.family}),
            "location": sorted({p.location for p in postings if p.location}),
            "language": sorted({lang for p in postings for lang in p.languages})}


def posting_by_key(db_session: Session, key: str) -> Posting:
    posting = db_session.scalar(select(Posting).join(Role).where(
        Role.key == key, Posting.is_published.is_(True), Role.is_active.is_(True)))
    if posting is None or (posting.valid_through and posting.valid_through < utcnow().date()):
        raise NotFound("This vacancy is not open.")
    return posting


def job_posting(db_session: Session, item: Vacancy, base_url: str) -> dict[str, Any]:
    """schema.org JobPosting for search engines."""
    facts = db_session.get(OrganisationFacts, 1)
    organisation = (facts.name if facts and facts.name else "Searchlight")
    posting = item.posting
    valid = posting.valid_through or posting.date_posted + VALID_FOR
    return {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": item.title,
        "description": item.body,
        "datePosted": posting.date_posted.isoformat(),
        "validThrough": f"{valid.isoformat()}T23:59:59+00:00",
        "employmentType": posting.employment_type,
        "hiringOrganization": {"@type": "Organization", "name": organisation,
                               "sameAs": base_url.rstrip("/")},
        "jobLocation": {"@type": "Place", "address": {
            "@type": "PostalAddress", "addressLocality": posting.location or "",
            "addressCountry": posting.country}},
        "inLanguage": item.language,
        "url": f"{base_url.rstrip('/')}/careers/{item.key}",
        "identifier": {"@type": "PropertyValue", "name": organisation, "value": item.key},
    }


def json_ld(data: dict[str, Any]) -> str:
    """JSON safe inside a <script> element."""
    return (json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
            .replace(">", "\\u003e").replace("&", "\\u0026"))


# --- transparency notice -------------------------------------------------------------------

def shown_notice(db_session: Session, language: str) -> Notice:
    """The notice a page shows; the first version is only stored when someone applies under it,
    because a page view never writes."""
    notice = db_session.scalar(select(Notice).where(Notice.language == language)
                               .order_by(Notice.version.desc()).limit(1))
    return notice or Notice(version=1, language=language, body=DEFAULT_NOTICE[language])


def current_notice(db_session: Session, language: str) -> Notice:
    notice = db_session.scalar(select(Notice).where(Notice.language == language)
                               .order_by(Notice.version.desc()).limit(1))
    if notice is None:
        notice = Notice(version=1, language=language, body=DEFAULT_NOTICE[language])
        try:
            with db_session.begin_nested():
                db_session.add(notice)
        except IntegrityError:
            notice = db_session.scalars(select(Notice).where(
                Notice.language == language, Notice.version == 1)).one()
    return notice


# --- applications --------------------------------------------------------------------------

@dataclass(frozen=True)
class ApplicationForm:
    full_name: str
    email: str
    phone: str
    consent: bool
    notice_version: int
    human_only: bool
    language: str


def check_form(form: ApplicationForm) -> dict[str, str]:
    problems = {}
    if not form.full_name.strip():
        problems["full_name"] = "Fill in your name."
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", form.email.strip()):
        problems["email"] = "Fill in a valid e-mail address."
    if not form.consent:
        problems["consent"] = "Agree to the transparency notice to apply."
    return problems


def apply(
    db_session: Session, *, posting: Posting, form: ApplicationForm, cv: bytes, filename: str,
    settings: Settings,
) -> Application:
    """Create or update the candidate, put them at "applied" and queue screening (not when the
    applicant chose review by a person only): all in the
    caller's transaction, after the file passed the same checks as screening uploads (a file
    that fails leaves nothing behind)."""
    check_upload(data=cv, filename=filename, settings=settings)
    role = posting.role
    notice = current_notice(db_session, form.language)
    if form.notice_version != notice.version:
        raise InvalidInput("The transparency notice changed; read it again and agree.",
                           detail={"field": "consent"})
    email_key = form.email.strip().lower()
    today = utcnow().date()
    candidate = db_session.scalar(select(Candidate).where(Candidate.email_key == email_key)
                                  .order_by(Candidate.id).limit(1))
    if candidate is None:
        ensure_default_sources(db_session=db_session)
        candidate = create_candidate(db_session=db_session, actor=None, data=CandidateIn(
            full_name=form.full_name.strip()[:200], email=form.email.strip(),
            phone=form.phone.strip()[:50], source=SOURCE_KEY, legal_basis="consent",
            consent_given_on=today))
        db_session.flush()
    else:  # the same person applying again: the CRM record is updated, not doubled
        candidate.legal_basis, candidate.consent_given_on = "consent", today
        if form.phone.strip() and not candidate.phone:
            candidate.phone = form.phone.strip()[:50]
    if db_session.scalar(select(Application.id).where(
            Application.candidate_id == candidate.id, Application.role_id == role.id)):
        raise Conflict("You already applied for this vacancy; the recruiter has your application.")
    application = apply_to_role(db_session=db_session, actor=None, candidate=candidate,
                                role=role, stage_key=FIRST_STAGE)
    store_document(db_session=db_session, data=cv, filename=filename,
                   candidate_id=candidate.id, settings=settings)
    # Human-only review: the CV is kept for the recruiter, but no software scores it.
    batch = None if form.human_only else _screening_batch(
        db_session, role=role, cv=cv, filename=filename, settings=settings)
    db_session.add(CareersApplication(
        application_id=application.id, notice_version=notice.version, language=form.language,
        human_only_review=form.human_only, batch_id=batch.id if batch else None))
    db_session.flush()
    return application


def _screening_batch(db_session: Session, *, role: Role, cv: bytes, filename: str,
                     settings: Settings) -> ScreeningBatch:
    batch = ScreeningBatch(role_id=role.id, created_by_id=None)
    db_session.add(batch)
    db_session.flush()
    spool = settings.data_dir / "spool" / str(batch.id)
    spool.mkdir(parents=True, exist_ok=True)
    path = spool / "000000"
    path.write_bytes(cv)
    db_session.add(BatchFile(batch_id=batch.id, position=0, spool_path=str(path),
                             filename=clean_filename(PurePath(filename).name)[:255]))
    db_session.flush()
    jobs.defer(db_session=db_session, task_name="screening.screen_batch", batch_id=batch.id)
    return batch


# --- job alerts ------------------------------------------------------------------------------

def subscribe(db_session: Session, *, email: str, role_keys: list[str], skills: list[str],
              language: str, base_url: str) -> AlertSubscription:
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email.strip()):
        raise InvalidInput("Fill in a valid e-mail address.", detail={"field": "email"})
    skills = [s.strip()[:60] for s in skills if s.strip()][:10]
    known = set(db_session.scalars(select(Role.key).where(Role.key.in_(role_keys))))
    role_keys = [key for key in role_keys if key in known]
    if not role_keys and not skills:
        raise InvalidInput("Choose a vacancy or fill in a skill.", detail={"field": "roles"})
    alert = AlertSubscription(email=email.strip(), language=language, role_keys=role_keys,
                              skills=skills, token=secrets.token_urlsafe(32))
    db_session.add(alert)
    db_session.flush()
    link = f"{base_url.rstrip('/')}/careers/alerts/confirm/{alert.token}"
    if language == "nl":
        subject, body = ("Bevestig je vacaturemelding",
                         f"Open deze link om je vacaturemelding te bevestigen:\n\n{link}\n\n"
                         "Niet aangevraagd? Dan hoef je niets te doen; zonder bevestiging "
                         "sturen we niets.")
    else:
        subject, body = ("Confirm your job alert",
                         f"Open this link to confirm your job alert:\n\n{link}\n\n"
                         "Did not ask for it? Do nothing; without confirmation we send nothing.")
    queue_mail(db_session, to=alert.email, subject=subject, body=body,
               purpose="careers.alert_confirm", language=language)
    return alert


def alert_by_token(db_session: Session, token: str) -> AlertSubscription:
    alert = db_session.scalar(select(AlertSubscription).where(AlertSubscription.token == token))
    if alert is None:
        raise NotFound("This confirmation link is not valid (any more).")
    return alert


def confirm_alert(db_session: Session, token: str) -> AlertSubscription:
    alert = alert_by_token(db_session, token)
    if alert.confirmed_at is None:
        alert.confirmed_at = utcnow()
    return alert


def unsubscribe(db_session: Session, token: str) -> None:
    db_session.delete(alert_by_token(db_session, token))


# --- first-party events ------------------------------------------------------------------------

def is_bot(user_agent: str) -> bool:
    return not user_agent.strip() or bool(BOT_PATTERN.search(user_agent))


def record_event(db_session: Session, *, event: str, role_key: str = "", detail: str = "",
                 user_agent: str = "", day: date | None = None) -> bool:
    """Count one event for today; False (nothing stored) for bots and unknown values."""
    if event not in EVENTS or is_bot(user_agent):
        return False
    if detail not in DETAILS.get(event, ("",)):
        detail = ""
    if role_key and db_session.scalar(select(Role.id).where(Role.key == role_key)) is None:
        role_key = ""
    day = day or utcnow().date()
    key = {"day": day, "event": event, "role_key": role_key, "detail": detail}
    changed = db_session.execute(update(EventCount).filter_by(**key)
                                 .values(count=EventCount.count + 1)).rowcount  # type: ignore[attr-defined]
    if not changed:
        try:
            with db_session.begin_nested():
                db_session.add(EventCount(**key, count=1))
        except IntegrityError:  # another request made the row just now
            db_session.execute(update(EventCount).filter_by(**key)
                               .values(count=EventCount.count + 1))
    return True


def event_counts(db_session: Session, *, start: date | None = None, end: date | None = None,
                 role_key: str | None = None) -> list[dict[str, Any]]:
    """Counts per day, event, role and detail, for the analytics pages."""
    query = select(EventCount).order_by(EventCount.day, EventCount.event, EventCount.role_key)
    if start:
        query = query.where(EventCount.day >= start)
    if end:
        query = query.where(EventCount.day <= end)
    if role_key is not None:
        query = query.where(EventCount.role_key == role_key)
    return [{"day": row.day.isoformat(), "event": row.event, "role": row.role_key,
             "detail": row.detail, "count": row.count} for row in db_session.scalars(query)]


def totals(db_session: Session, **filters: Any) -> dict[str, int]:
    result: dict[str, int] = {}
    for row in event_counts(db_session, **filters):
        result[row["event"]] = result.get(row["event"], 0) + row["count"]
    return result


# --- rate limit ---------------------------------------------------------------------------

RateLimit = ratelimit.RateLimit  # per client address for the public site
