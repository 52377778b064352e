"""From development into recruitment. An employee applies for an internal role, or L&D moves a
trainee or scouting intern who finished their programme into a role's pipeline (seed 000,
recommendation 4). Either way the person becomes a candidate in that role's pipeline with their
evidence: a note on their timeline lists the portfolio (titles, kinds, ratings, links; no file
contents) and points to the development page, which the role's recruiters may then open.

Without such an application recruiters never see development data (`recruiter_may_see`)."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.auth.access import allowed
from searchlight.auth.models import User
from searchlight.candidates import pipeline
from searchlight.candidates import service as candidates
from searchlight.candidates.models import Application, Candidate
from searchlight.candidates.schemas import CandidateIn
from searchlight.crm import service as crm
from searchlight.errors import Forbidden, InvalidInput
from searchlight.governance import audit, events
from searchlight.reskilling.models import Enrolment, Evidence, Person

OUTSIDE_KINDS = ("trainee", "intern")
PERSON_KINDS = ("employee", *OUTSIDE_KINDS)


def _email_key(user: User) -> str:
    return user.email.strip().lower()


def applications_of(*, db_session: Session, user_id: int) -> list[Application]:
    """The applications of the candidate who is this employee (matched on e-mail address)."""
    user = db_session.get(User, user_id)
    if user is None:
        return []
    return list(db_session.scalars(
        select(Application).join(Candidate, Application.candidate_id == Candidate.id)
        .where(Candidate.email_key == _email_key(user)).order_by(Application.id)))


def recruiter_may_see(*, db_session: Session, user: User, owner_id: int) -> bool:
    """Once somebody applied for an internal role or was moved into a pipeline, recruiters (who
    see all candidates) and the hiring manager of a role applied for may read their development
    data; otherwise never."""
    if allowed(user, "development:read_all") or not allowed(user, "candidates:read"):
        return False
    applications = applications_of(db_session=db_session, user_id=owner_id)
    if allowed(user, "candidates:read_all"):
        return bool(applications)
    return any(a.role.hiring_manager_id == user.id for a in applications)


def _portfolio_note(db_session: Session, enrolment: Enrolment) -> str:
    programme = enrolment.cohort.programme
    items = db_session.scalars(select(Evidence).where(Evidence.enrolment_id == enrolment.id)
                               .order_by(Evidence.id))
    lines = [f"Development portfolio: programme {programme.number} ({programme.title_en}), "
             f"cohort {enrolment.cohort.name}. Full record: "
             f"/development/people/{enrolment.user_id}"]
    for item in items:
        rating = f", rated {item.rating}/5" if item.rating is not None else ""
        link = f" {item.url}" if item.url else ""
        lines.append(f"- {item.title} ({item.kind}, {item.status.replace('_', ' ')}{rating}){link}")
    if len(lines) == 1:
        lines.append("- no evidence yet")
    return "\n".join(lines)


def to_pipeline(
    *, db_session: Session, actor: User, enrolment: Enrolment, role_key: str
) -> Application:
    """The employee applies (for themselves), or L&D moves a trainee/intern on; the enrolment of
    a trainee or intern is then finished."""
    person = db_session.get(Person, enrolment.user_id)
    is_self = actor.id == enrolment.user_id
    if not is_self and not allowed(actor, "reskilling:manage"):
        raise Forbidden("Only the employee or L&D moves a development record into recruitment.",
                        permission="reskilling:manage", target=f"enrolment:{enrolment.id}")
    if not role_key.strip():
        raise InvalidInput("role: choose the role to apply for.")
    role = pipeline.role_by_key(db_session=db_session, key=role_key.strip())
    if not role.is_active:
        raise InvalidInput("role: this role is not open.")
    user = enrolment.user
    candidate = db_session.scalar(select(Candidate).where(Candidate.email_key == _email_key(user))
                                  .order_by(Candidate.id).limit(1))
    outside = person is not None and person.kind in OUTSIDE_KINDS
    if candidate is None:
        data = CandidateIn(full_name=user.full_name, email=user.email,
                           tags=[person.kind if outside and person else "internal"])
        candidate = candidates.create_candidate(db_session=db_session, actor=actor, data=data)
        db_session.flush()
    application = pipeline.apply_to_role(db_session=db_session, actor=actor, candidate=candidate,
                                         role=role)
    crm.add_activity(db_session=db_session, actor=actor, candidate=candidate, kind="note",
                     body=_portfolio_note(db_session, enrolment))
    if outside and not is_self:
        enrolment.status = "finished"
    audit.record(db_session=db_session, actor=actor, event=events.created(
        "reskilling_handover", enrolment.id, {"role": role.key, "application_id": application.id,
                                              "candidate_id": candidate.id,
                                              "kind": person.kind if person else "employee"}))
    db_session.flush()
    return application
