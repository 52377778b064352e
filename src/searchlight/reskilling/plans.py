"""Personal plans and the course catalogue: build the gap analysis for an employee and a target
role from stored data, keep the plan with the enrolment, and edit the catalogue."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.auth.models import User
from searchlight.db import utcnow
from searchlight.errors import Conflict, InvalidInput, NotFound
from searchlight.governance import audit, events
from searchlight.reskilling import development, gaps
from searchlight.reskilling.models import Course, Enrolment, Milestone
from searchlight.roles import service as roles
from searchlight.roles.schemas import DIMENSION_KEYS

LANGUAGES = ("nl", "en")


def list_courses(*, db_session: Session, include_inactive: bool = True) -> list[Course]:
    statement = select(Course).order_by(Course.title)
    if not include_inactive:
        statement = statement.where(Course.is_active.is_(True))
    return list(db_session.scalars(statement))


def _open_milestones(db_session: Session, user_id: int) -> list[Milestone]:
    found: list[Milestone] = []
    for enrolment in development.enrolments_of(db_session=db_session, user_id=user_id):
        found += [s.milestone for s in development.milestone_statuses(
            db_session=db_session, enrolment=enrolment) if s.state != "done"]
    return found


def build_plan(*, db_session: Session, employee: User, role_key: str) -> dict[str, Any]:
    """Gaps per dimension, proposed courses and assignments; reads only."""
    role = roles.get_by_key(db_session=db_session, key=role_key)
    version = roles.get_current_version(db_session=db_session, role_id=role.id)
    profile = roles.profile_of(version)
    current = development.profile_at(development.scores_of(db_session=db_session,
                                                           user_id=employee.id))
    found = gaps.analyse(current=current, role=profile,
                         courses=list_courses(db_session=db_session, include_inactive=False),
                         open_milestones=_open_milestones(db_session, employee.id))
    return gaps.plan_document(employee_email=employee.email, role_key=role.key,
                              role_version=version.number, title_nl=profile.title_nl,
                              title_en=profile.title_en, gaps=found)


def save_plan(*, db_session: Session, actor: User, enrolment: Enrolment,
              role_key: str) -> dict[str, Any]:
    """The plan becomes part of the employee's programme: kept with the enrolment, with the
    role version it was made against. For the employee's lead or L&D."""
    development.require_reviewer(db_session, actor, enrolment)
    plan = build_plan(db_session=db_session, employee=enrolment.user, role_key=role_key)
    plan["saved_at"] = utcnow().isoformat(timespec="seconds")
    plan["saved_by"] = actor.email
    before = {"target_role_key": enrolment.target_role_key}
    enrolment.plan = plan
    enrolment.target_role_key = role_key
    audit.record(db_session=db_session, actor=actor, event=events.updated(
        "reskilling_enrolment", enrolment.id, before,
        {"target_role_key": role_key, "plan_role_version": plan["role"]["version"]}))
    db_session.flush()
    return plan


def _number(value: str, field: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not value.isdigit() or int(value) > 1_000_000:
        raise InvalidInput(f"{field}: give a whole number (or leave it empty when unknown).")
    return int(value)


def _course_values(data: dict[str, str]) -> dict[str, Any]:
    title, provider = data.get("title", "").strip(), data.get("provider", "").strip()
    if not title or not provider:
        raise InvalidInput("title and provider: both are needed.")
    language = data.get("language", "").strip()
    if language not in LANGUAGES:
        raise InvalidInput("language: choose nl or en.")
    url = data.get("url", "").strip()
    if url and not url.startswith(("https://", "http://")):
        raise InvalidInput("url: a link starts with https://.")
    dimensions = [d for d in data.get("dimensions", "").replace(",", " ").split()]
    if not dimensions or any(d not in DIMENSION_KEYS for d in dimensions):
        raise InvalidInput(f"dimensions: choose from {', '.join(DIMENSION_KEYS)}.")
    return {"title": title[:300], "provider": provider[:200], "language": language,
            "cost_eur": _number(data.get("cost_eur", ""), "cost_eur"),
            "hours": _number(data.get("hours", ""), "hours"),
            "audience": data.get("audience", "").strip()[:200], "url": url[:1000],
            "dimensions": list(dict.fromkeys(dimensions)),
            "skills": [s for s in data.get("skills", "").replace(",", " ").split()][:20],
            "is_active": data.get("is_active", "1") == "1"}


def update_course(*, db_session: Session, actor: User, course: Course,
                  data: dict[str, str]) -> Course:
    values = _course_values(data)
    before = {k: getattr(course, k) for k in values}
    for name, value in values.items():
        setattr(course, name, value)
    audit.record(db_session=db_session, actor=actor,
                 event=events.updated("reskilling_course", course.id, before, values))
    db_session.flush()
    return course


def create_course(*, db_session: Session, actor: User, key: str,
                  data: dict[str, str]) -> Course:
    key = key.strip().lower()
    if not key or len(key) > 80 or not key.replace("-", "").isalnum():
        raise InvalidInput("key: letters, digits and dashes, like rag-in-practice.")
    if db_session.scalar(select(Course.id).where(Course.key == key)) is not None:
        raise Conflict(f"key: a course with key '{key}' already exists.")
    course = Course(key=key, **_course_values(data))
    db_session.add(course)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=events.created(
        "reskilling_course", course.id, {"key": key, "title": course.title}))
    return course


def get_course(*, db_session: Session, course_id: int) -> Course:
    course = db_session.get(Course, course_id)
    if course is None:
        raise NotFound("This course does not exist.")
    return course
