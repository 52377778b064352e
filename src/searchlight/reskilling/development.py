"""Development of one person: cohorts and enrolments, the dated calendar, evidence with
self-assessment and sign-off, milestone assessments, and the SEARCH profile they build (every
score keeps its provenance: milestone or evidence, reviewer, date). Keyword-only functions,
`db_session` first, never committing."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.auth.access import allowed, require
from searchlight.auth.models import User
from searchlight.auth.service import user_by_email
from searchlight.candidates.documents import check_upload, clean_filename
from searchlight.config import Settings
from searchlight.db import utcnow
from searchlight.errors import Conflict, Forbidden, InvalidInput, NotFound, PayloadTooLarge
from searchlight.governance import audit, events
from searchlight.reskilling import calendar, rubrics
from searchlight.reskilling.models import (
    Assessment,
    Cohort,
    Criterion,
    Enrolment,
    Evidence,
    Milestone,
    Person,
    Programme,
    SearchScore,
)
from searchlight.reskilling.seed import EVIDENCE_KINDS
from searchlight.reskilling.service import get_enrolment_for_user
from searchlight.roles.schemas import DIMENSION_KEYS
from searchlight.screening.read.document import ExtractionError, ExtractionLimits
from searchlight.screening.read.extract import extract_document
from searchlight.screening.read.filetypes import Kind, expected_kind, extension, sniff

LEAD_ROLES = frozenset({"hiring_manager", "ld_lead", "employee", "admin"})
LEARNER_ROLES = frozenset({"employee"})
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
               ".gif": "image/gif"}
MAX_TEXT = 4000

# --- cohorts and enrolments -----------------------------------------------------------------


def parse_holidays(text: str) -> list[date]:
    """Dates as YYYY-MM-DD, separated by commas, spaces or new lines."""
    found: list[date] = []
    for part in text.replace(",", " ").split():
        try:
            found.append(date.fromisoformat(part))
        except ValueError:
            raise InvalidInput(f"holidays: '{part[:20]}' is not a date like 2027-04-27.") from None
    return sorted(set(found))


def list_cohorts(*, db_session: Session) -> list[Cohort]:
    return list(db_session.scalars(select(Cohort).order_by(Cohort.start_date.desc(), Cohort.id)))


def get_cohort_for_user(*, db_session: Session, user: User, cohort_id: int) -> Cohort:
    """Cohorts (who is in which programme) are for the L&D lead and admin."""
    require(user, "reskilling:manage", target=f"cohort:{cohort_id}")
    cohort = db_session.get(Cohort, cohort_id)
    if cohort is None:
        raise NotFound("This cohort does not exist.")
    return cohort


def create_cohort(
    *, db_session: Session, actor: User, programme: Programme, variant_key: str, name: str,
    start_date: date, holidays: Iterable[date] = (),
) -> Cohort:
    name = name.strip()
    if not name:
        raise InvalidInput("name: give the cohort a name.")
    variant = next((v for v in programme.variants if v.key == variant_key), None)
    if variant is None:
        raise InvalidInput("variant: choose one of the programme's variants.")
    cohort = Cohort(programme_id=programme.id, variant_id=variant.id, name=name[:200],
                    start_date=start_date,
                    holidays=[d.isoformat() for d in sorted(set(holidays))],
                    created_by_id=actor.id)
    db_session.add(cohort)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=events.created(
        "reskilling_cohort", cohort.id, {
            "programme": programme.key, "variant": variant.key, "name": cohort.name,
            "start_date": start_date.isoformat()}))
    return cohort


def find_user(*, db_session: Session, email: str) -> User:
    user = user_by_email(db_session=db_session, email=email)
    if user is None or not user.is_active:
        raise InvalidInput(f"No active user with e-mail {email.strip()[:200]}.")
    return user


def set_person(
    *, db_session: Session, actor: User, user: User, lead: User | None,
    part_time_factor: float = 1.0, kind: str = "employee",
) -> Person:
    """Record (or update) who leads this person and how much they work."""
    try:
        calendar.check_part_time(part_time_factor)
    except ValueError as error:
        raise InvalidInput(f"part_time_factor: {error}.") from None
    if lead is not None and (lead.id == user.id or lead.role not in LEAD_ROLES
                             or not lead.is_active):
        raise InvalidInput("lead: choose another active colleague as the lead.")
    person = db_session.get(Person, user.id)
    before = None
    if person is None:
        person = Person(user_id=user.id)
        db_session.add(person)
    else:
        before = {"lead_id": person.lead_id, "part_time_factor": person.part_time_factor}
    person.lead_id = lead.id if lead else None
    person.part_time_factor = part_time_factor
    person.kind = kind
    db_session.flush()
    after = {"lead_id": person.lead_id, "part_time_factor": part_time_factor}
    event = (events.created("reskilling_person", user.id, after) if before is None
             else events.updated("reskilling_person", user.id, before, after))
    audit.record(db_session=db_session, actor=actor, event=event)
    return person


def enrol(
    *, db_session: Session, actor: User, cohort: Cohort, user: User, lead: User | None,
    part_time_factor: float = 1.0, target_role_key: str = "", kind: str = "employee",
) -> Enrolment:
    """`kind`: an employee, or a trainee or scouting intern from outside (with an employee
    account) who takes the same programme."""
    if kind not in ("employee", "trainee", "intern"):
        raise InvalidInput("kind: choose employee, trainee or intern.")
    if user.role not in LEARNER_ROLES:
        raise InvalidInput("employee: only employees take part in a reskilling programme.")
    if db_session.scalar(select(Enrolment.id).where(
            Enrolment.cohort_id == cohort.id, Enrolment.user_id == user.id)) is not None:
        raise Conflict(f"{user.email} is already in this cohort.")
    set_person(db_session=db_session, actor=actor, user=user, lead=lead,
               part_time_factor=part_time_factor, kind=kind)
    enrolment = Enrolment(cohort_id=cohort.id, user_id=user.id,
                          target_role_key=target_role_key.strip()[:80])
    db_session.add(enrolment)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=events.created(
        "reskilling_enrolment", enrolment.id, {"cohort_id": cohort.id, "user_id": user.id}))
    return enrolment


def enrolments_of(*, db_session: Session, user_id: int) -> list[Enrolment]:
    return list(db_session.scalars(select(Enrolment).where(Enrolment.user_id == user_id)
                                   .order_by(Enrolment.id)))


def learners(*, db_session: Session) -> list[User]:
    return list(db_session.scalars(select(User).where(
        User.role.in_(LEARNER_ROLES), User.is_active.is_(True)).order_by(User.full_name)))


def possible_leads(*, db_session: Session) -> list[User]:
    return list(db_session.scalars(select(User).where(
        User.role.in_(LEAD_ROLES), User.is_active.is_(True)).order_by(User.full_name)))


def people_led_by(*, db_session: Session, lead: User) -> list[Person]:
    return list(db_session.scalars(select(Person).where(Person.lead_id == lead.id)))


# --- the dated calendar ---------------------------------------------------------------------


@dataclass(frozen=True)
class MilestoneStatus:
    enrolment: Enrolment
    milestone: Milestone
    due: date
    assessment: Assessment | None
    signed_off_evidence: int = 0

    @property
    def state(self) -> str:
        """done (assessed, or its evidence signed off), missed (due and not done), or open."""
        if self.assessment is not None or self.signed_off_evidence:
            return "done"
        return "missed" if self.due < date.today() else "open"


def _holidays(cohort: Cohort) -> list[date]:
    return [date.fromisoformat(d) for d in cohort.holidays]


def _part_time(db_session: Session, user_id: int) -> float:
    person = db_session.get(Person, user_id)
    return person.part_time_factor if person else 1.0


def dated_phases(*, db_session: Session, enrolment: Enrolment) -> list[tuple[object, date, date]]:
    cohort = enrolment.cohort
    phases = cohort.variant.phases
    dated = calendar.date_phases(
        start=cohort.start_date, phases=[(p.id, p.position, p.weeks) for p in phases],
        holidays=_holidays(cohort), part_time=_part_time(db_session, enrolment.user_id))
    return [(phase, d.start, d.end) for phase, d in zip(phases, dated, strict=True)]


def milestone_statuses(*, db_session: Session, enrolment: Enrolment) -> list[MilestoneStatus]:
    cohort = enrolment.cohort
    milestones = cohort.programme.milestones
    dated = calendar.date_milestones(
        start=cohort.start_date, milestones=[(m.id, m.month) for m in milestones],
        holidays=_holidays(cohort), part_time=_part_time(db_session, enrolment.user_id))
    assessed = {a.milestone_id: a for a in db_session.scalars(
        select(Assessment).where(Assessment.enrolment_id == enrolment.id))}
    signed: dict[int, int] = {}
    for milestone_id in db_session.scalars(select(Evidence.milestone_id).where(
            Evidence.enrolment_id == enrolment.id, Evidence.status == "signed_off",
            Evidence.milestone_id.is_not(None))):
        if milestone_id is not None:
            signed[milestone_id] = signed.get(milestone_id, 0) + 1
    return [MilestoneStatus(enrolment, m, d.due, assessed.get(m.id), signed.get(m.id, 0))
            for m, d in zip(milestones, dated, strict=True)]


def upcoming(
    *, db_session: Session, user_ids: Iterable[int], today: date, days: int = 30,
) -> list[MilestoneStatus]:
    """Open milestones due within `days` and missed ones, soonest first (the reminders)."""
    found: list[MilestoneStatus] = []
    for user_id in user_ids:
        for enrolment in enrolments_of(db_session=db_session, user_id=user_id):
            if enrolment.status != "active":
                continue
            for status in milestone_statuses(db_session=db_session, enrolment=enrolment):
                if status.state != "done" and (status.due - today).days <= days:
                    found.append(status)
    return sorted(found, key=lambda s: s.due)


# --- evidence ---------------------------------------------------------------------------------


def get_evidence_for_user(*, db_session: Session, user: User, evidence_id: int) -> Evidence:
    evidence = db_session.get(Evidence, evidence_id)
    if evidence is None:
        require(user, "development:read", target=f"evidence:{evidence_id}")
        raise NotFound("This evidence does not exist.")
    get_enrolment_for_user(db_session=db_session, user=user, enrolment_id=evidence.enrolment_id)
    return evidence


def check_evidence_file(*, data: bytes, filename: str, settings: Settings) -> str:
    """The media type of an acceptable evidence file. Documents get the same checks as CVs
    (size, type, and the hostile-file checks of screening's reader); screenshots may be PNG,
    JPEG or GIF when their bytes say so."""
    suffix = extension(filename)
    if suffix in IMAGE_TYPES:
        if len(data) > settings.max_upload_bytes:
            raise PayloadTooLarge("The file is larger than the upload limit.",
                                  detail={"max_bytes": settings.max_upload_bytes,
                                          "size": len(data)})
        if sniff(data) is not Kind.IMAGE or expected_kind(filename) is not Kind.IMAGE:
            raise InvalidInput("This file is named like an image but is not one.")
        return IMAGE_TYPES[suffix]
    media_type = check_upload(data=data, filename=filename, settings=settings)
    try:
        extract_document(data, filename,
                         limits=ExtractionLimits(max_file_bytes=settings.max_upload_bytes))
    except ExtractionError as error:
        raise InvalidInput(f"The file was refused: {error.message}.",
                           detail={"code": error.code}) from None
    return media_type


def _rating(value: int | None, field: str) -> int | None:
    if value is not None and not 1 <= value <= 5:
        raise InvalidInput(f"{field}: a rating is from 1 to 5.")
    return value


def add_evidence(
    *, db_session: Session, actor: User, enrolment: Enrolment, kind: str, title: str,
    url: str = "", criterion_id: int | None = None, milestone_id: int | None = None,
    file: tuple[str, bytes] | None = None, self_rating: int | None = None,
    self_assessment: str = "", settings: Settings,
) -> Evidence:
    """The employee adds an item to their own portfolio; everything is checked first, so a
    refused item leaves nothing behind."""
    if actor.id != enrolment.user_id:
        raise Forbidden("Only the employee adds evidence to their portfolio.",
                        permission="development:evidence", target=f"enrolment:{enrolment.id}")
    if kind not in EVIDENCE_KINDS:
        raise InvalidInput("kind: choose one of the kinds of evidence.")
    title = title.strip()
    if not title:
        raise InvalidInput("title: say what this evidence is.")
    url = url.strip()
    if url and not url.startswith(("https://", "http://")):
        raise InvalidInput("url: a link starts with https://.")
    if not url and file is None:
        raise InvalidInput("Add a link or a file.")
    if (criterion_id is None) == (milestone_id is None):
        raise InvalidInput("Link the evidence to one criterion or one milestone.")
    if milestone_id is not None and milestone_id not in {
            m.id for m in enrolment.cohort.programme.milestones}:
        raise InvalidInput("milestone: choose a milestone of your programme.")
    if criterion_id is not None and db_session.get(Criterion, criterion_id) is None:
        raise InvalidInput("criterion: choose one of the six criteria.")
    evidence = Evidence(enrolment_id=enrolment.id, kind=kind, title=title[:300], url=url[:1000],
                        criterion_id=criterion_id, milestone_id=milestone_id,
                        self_rating=_rating(self_rating, "self_rating"),
                        self_assessment=self_assessment.strip()[:MAX_TEXT])
    if file is not None:
        name, data = file
        evidence.media_type = check_evidence_file(data=data, filename=name, settings=settings)
        evidence.file_name = clean_filename(name)
        evidence.file_size = len(data)
        evidence.content = data
    db_session.add(evidence)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=events.created(
        "reskilling_evidence", evidence.id, {"kind": kind, "enrolment_id": enrolment.id,
                                             # no file name: the chain holds no personal data
                                             "media_type": evidence.media_type,
                                             "size": len(file[1]) if file else 0}))
    return evidence


def may_review(*, user: User, person: Person | None, owner_id: int) -> bool:
    """The employee's lead, the L&D lead or an admin; never the employee themself."""
    if user.id == owner_id or not allowed(user, "development:review"):
        return False
    return allowed(user, "development:read_all") or (
        person is not None and person.lead_id == user.id)


def require_reviewer(db_session: Session, user: User, enrolment: Enrolment) -> None:
    person = db_session.get(Person, enrolment.user_id)
    if not may_review(user=user, person=person, owner_id=enrolment.user_id):
        raise Forbidden("Only the employee's lead or L&D signs this off.",
                        permission="development:review", target=f"enrolment:{enrolment.id}")


def _dimensions_of(evidence: Evidence) -> list[str]:
    if evidence.criterion is not None:
        return [d for d in evidence.criterion.dimensions if d in DIMENSION_KEYS]
    if evidence.milestone is not None:
        return list(dict.fromkeys(
            i.dimension for i in rubrics.rubric_for(evidence.milestone.form_kind)))
    return []


def review_evidence(
    *, db_session: Session, reviewer: User, evidence: Evidence, rating: int, comment: str,
    approve: bool = True,
) -> Evidence:
    """Sign off (or send back) an item with a 1-5 rating and a comment. A sign-off puts the
    rating on the SEARCH dimensions of its criterion or milestone, with provenance."""
    require_reviewer(db_session, reviewer, evidence.enrolment)
    if _rating(rating, "rating") is None:
        raise InvalidInput("rating: a rating is from 1 to 5.")
    before = {"status": evidence.status, "rating": evidence.rating}
    evidence.status = "signed_off" if approve else "changes_requested"
    evidence.rating = rating
    evidence.review_comment = comment.strip()[:MAX_TEXT]
    evidence.reviewer_id = reviewer.id
    evidence.reviewed_at = utcnow()
    db_session.flush()
    if approve:
        for dimension in _dimensions_of(evidence):
            db_session.add(SearchScore(
                user_id=evidence.enrolment.user_id, dimension=dimension,
                score=rubrics.to_percent(rating), source="evidence",
                milestone_id=evidence.milestone_id, evidence_id=evidence.id,
                reviewer_id=reviewer.id, recorded_at=evidence.reviewed_at))
    audit.record(db_session=db_session, actor=reviewer, event=events.updated(
        "reskilling_evidence", evidence.id, before,
        {"status": evidence.status, "rating": rating}))
    db_session.flush()
    return evidence


def evidence_of(*, db_session: Session, enrolment_id: int) -> list[Evidence]:
    return list(db_session.scalars(select(Evidence).where(Evidence.enrolment_id == enrolment_id)
                                   .order_by(Evidence.created_at.desc(), Evidence.id.desc())))


# --- milestone assessments and the SEARCH profile --------------------------------------------


def assess_milestone(
    *, db_session: Session, reviewer: User, enrolment: Enrolment, milestone: Milestone,
    scores: dict[str, int], comment: str, passed: bool,
) -> Assessment:
    require_reviewer(db_session, reviewer, enrolment)
    if milestone.programme_id != enrolment.cohort.programme_id:
        raise InvalidInput("milestone: this milestone is not part of the programme.")
    items = rubrics.rubric_for(milestone.form_kind)
    missing = [i.key for i in items if i.key not in scores]
    if missing:
        raise InvalidInput(f"Score every rubric item; missing: {', '.join(missing)}.")
    for item in items:
        _rating(scores[item.key], item.key)
    if db_session.scalar(select(Assessment.id).where(
            Assessment.enrolment_id == enrolment.id,
            Assessment.milestone_id == milestone.id)) is not None:
        raise Conflict("This milestone has already been assessed.")
    assessment = Assessment(enrolment_id=enrolment.id, milestone_id=milestone.id,
                            reviewer_id=reviewer.id, passed=passed,
                            scores={i.key: scores[i.key] for i in items},
                            comment=comment.strip()[:MAX_TEXT])
    db_session.add(assessment)
    db_session.flush()
    for dimension, score in rubrics.dimension_scores(items, assessment.scores).items():
        db_session.add(SearchScore(
            user_id=enrolment.user_id, dimension=dimension, score=score, source="milestone",
            milestone_id=milestone.id, assessment_id=assessment.id, reviewer_id=reviewer.id,
            recorded_at=assessment.assessed_at))
    audit.record(db_session=db_session, actor=reviewer, event=events.created(
        "reskilling_assessment", assessment.id, {"enrolment_id": enrolment.id,
                                                 "milestone_id": milestone.id,
                                                 "passed": passed}))
    db_session.flush()
    return assessment


def scores_of(*, db_session: Session, user_id: int) -> list[SearchScore]:
    return list(db_session.scalars(select(SearchScore).where(SearchScore.user_id == user_id)
                                   .order_by(SearchScore.recorded_at, SearchScore.id)))


def profile_at(scores: list[SearchScore], moment: datetime | None = None) -> dict[str, int | None]:
    """The SEARCH profile (latest score per dimension) as it stood at `moment`."""
    profile: dict[str, int | None] = dict.fromkeys(DIMENSION_KEYS)
    for score in scores:
        if moment is None or score.recorded_at <= moment:
            profile[score.dimension] = score.score
    return profile


def profile_history(scores: list[SearchScore]) -> list[tuple[datetime, dict[str, int | None]]]:
    """The profile after each moment something changed, oldest first."""
    moments = sorted({s.recorded_at for s in scores})
    return [(moment, profile_at(scores, moment)) for moment in moments]

