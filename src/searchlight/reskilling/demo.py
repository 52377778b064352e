"""Seed 001 as demo data: programme templates, criteria, tracks with their SEARCH roles, teams
and the course catalogue. Only what is missing is created, so a second run changes nothing and
never overwrites the L&D lead's edits."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.auth.models import User
from searchlight.reskilling.models import (
    Course,
    Criterion,
    Milestone,
    Person,
    Phase,
    Programme,
    ProgrammeVariant,
    Team,
    Track,
    ValueMeasurement,
)
from searchlight.reskilling.seed import COURSES, CRITERIA, LEGACY_TEAMS, PROGRAMMES, ROLES, TRACKS
from searchlight.roles import service as roles
from searchlight.roles.models import Role
from searchlight.roles.schemas import RoleProfile

ROLE_NOTE = ("Track role of seed 001 (reskilling plan); the seed has no SEARCH profile for it, "
             "so this one is derived from the track comparison: review it.")


def _programmes(db_session: Session) -> None:
    existing = set(db_session.scalars(select(Programme.key)))
    for spec in PROGRAMMES:
        if spec["key"] in existing:
            continue
        programme = Programme(
            key=spec["key"], number=spec["number"], track=spec["track"],
            title_nl=spec["title_nl"], title_en=spec["title_en"],
            summary_nl=spec["summary_nl"], summary_en=spec["summary_en"],
            duration_months=spec["duration_months"],
            inconsistency_nl=spec.get("inconsistency_nl", ""),
            inconsistency_en=spec.get("inconsistency_en", ""))
        for position, variant_spec in enumerate(spec["variants"]):
            variant = ProgrammeVariant(key=variant_spec["key"], position=position,
                                       label_nl=variant_spec["label_nl"],
                                       label_en=variant_spec["label_en"])
            for index, row in enumerate(variant_spec["phases"]):
                note_nl, note_en = (row[7], row[8]) if len(row) > 7 else ("", "")
                variant.phases.append(Phase(
                    position=index, month_from=row[0], month_to=row[1], description_nl=row[2],
                    description_en=row[3], weeks=row[4], output_nl=row[5], output_en=row[6],
                    note_nl=note_nl, note_en=note_en))
            programme.variants.append(variant)
        for month, goal_nl, goal_en, form_nl, form_en, kind in spec["milestones"]:
            programme.milestones.append(Milestone(
                month=month, goal_nl=goal_nl, goal_en=goal_en, form_nl=form_nl, form_en=form_en,
                form_kind=kind, beyond_duration=month > spec["duration_months"]))
        db_session.add(programme)
    db_session.flush()


def _criteria(db_session: Session) -> None:
    existing = set(db_session.scalars(select(Criterion.key)))
    for position, spec in enumerate(CRITERIA):
        if spec["key"] not in existing:
            db_session.add(Criterion(position=position, **spec))


def _tracks_and_roles(db_session: Session) -> None:
    existing_roles = set(db_session.scalars(select(Role.key)))
    for spec in ROLES:
        if spec["key"] not in existing_roles:
            roles.create_role(db_session=db_session, actor=None,
                              profile=RoleProfile.model_validate(spec), change_note=ROLE_NOTE)
    existing = set(db_session.scalars(select(Track.key)))
    for spec in TRACKS:
        if spec["key"] not in existing:
            db_session.add(Track(**spec))
    names = set(db_session.scalars(select(Team.name)))
    for name, track, stage in LEGACY_TEAMS:
        if name not in names:
            db_session.add(Team(name=name, track_key=track, stage=stage,
                                stage_since=date(2026, 11, 1)))


def _courses(db_session: Session) -> None:
    existing = set(db_session.scalars(select(Course.key)))
    for spec in COURSES:
        if spec["key"] not in existing:
            db_session.add(Course(cost_eur=None, hours=None, url="", **spec))


DEMO_EMPLOYEE = "employee@demo.searchlight.local"
DEMO_LEAD = "manager@demo.searchlight.local"


def _demo_employee(db_session: Session) -> None:
    """The demo employee is in development, led by the demo hiring manager (their team lead)."""
    employee = db_session.scalar(select(User).where(User.email == DEMO_EMPLOYEE))
    if employee is None or db_session.get(Person, employee.id) is not None:
        return
    lead = db_session.scalar(select(User).where(User.email == DEMO_LEAD))
    team = db_session.scalar(select(Team).where(Team.name == "AI Dev Fabriek"))
    db_session.add(Person(user_id=employee.id, lead_id=lead.id if lead else None,
                          team_id=team.id if team else None))


# Made-up demo numbers for one track-A team (not in the seed): a baseline and two months after.
DEMO_MEASUREMENTS = [
    ("baseline", date(2026, 9, 1), 320.0, 40, 0, 12.0),
    ("periodic", date(2026, 10, 1), 290.0, 42, 8, 11.0),
    ("periodic", date(2026, 11, 1), 250.0, 38, 15, 9.0),
]


def _measurements(db_session: Session) -> None:
    team = db_session.scalar(select(Team).where(Team.name == "Legacy Schadesystemen"))
    if team is None or db_session.scalar(
            select(ValueMeasurement.id).where(ValueMeasurement.team_id == team.id).limit(1)):
        return
    for kind, on, hours, total, by_ai, lead_time in DEMO_MEASUREMENTS:
        db_session.add(ValueMeasurement(
            team_id=team.id, kind=kind, measured_on=on, maintenance_hours=hours,
            incidents_total=total, incidents_by_ai=by_ai, lead_time_days=lead_time,
            note="Demo"))


def load(*, db_session: Session) -> None:
    _programmes(db_session)
    _criteria(db_session)
    _tracks_and_roles(db_session)
    _courses(db_session)
    db_session.flush()
    _demo_employee(db_session)
    _measurements(db_session)
    db_session.flush()
