"""Home panels of the reskilling domain: the employee's own path, the people a lead follows,
the teams a lead records value measurements for, and the L&D lead's overview. Reads only."""

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from searchlight.auth.models import User
from searchlight.reskilling import development, service, value
from searchlight.reskilling.models import Enrolment, Evidence, Team


def my_path(*, db_session: Session, user: User) -> dict[str, Any] | None:
    enrolments = development.enrolments_of(db_session=db_session, user_id=user.id)
    reminders = development.upcoming(db_session=db_session, user_ids=[user.id],
                                     today=date.today())
    waiting = db_session.scalar(select(func.count()).select_from(Evidence).join(Enrolment).where(
        Enrolment.user_id == user.id, Evidence.status == "submitted")) or 0
    return {"enrolments": enrolments, "reminders": reminders[:4], "waiting": waiting}


def my_people(*, db_session: Session, user: User) -> dict[str, Any] | None:
    led = development.people_led_by(db_session=db_session, lead=user)
    if not led:
        return None
    ids = [p.user_id for p in led]
    waiting = list(db_session.scalars(select(Evidence).join(Enrolment).where(
        Enrolment.user_id.in_(ids), Evidence.status == "submitted")
        .order_by(Evidence.created_at)))
    reminders = development.upcoming(db_session=db_session, user_ids=ids, today=date.today())
    return {"people": led, "waiting": waiting[:5], "waiting_count": len(waiting),
            "reminders": reminders[:5]}


def my_teams(*, db_session: Session, user: User) -> dict[str, Any] | None:
    """The teams `user` leads with their saving so far; hidden for everyone else."""
    teams = db_session.scalars(select(Team).where(Team.lead_id == user.id).order_by(Team.name))
    values = [value.team_value(db_session=db_session, team=team) for team in teams]
    return {"teams": values} if values else None


def ld_overview(*, db_session: Session, user: User) -> dict[str, Any] | None:
    programmes = service.list_programmes(db_session=db_session)
    cohorts = development.list_cohorts(db_session=db_session)
    people = sum(len(c.enrolments) for c in cohorts)
    missed = [s for s in development.upcoming(
        db_session=db_session,
        user_ids=sorted({e.user_id for c in cohorts for e in c.enrolments}),
        today=date.today(), days=0) if s.state == "missed"]
    return {"programmes": len(programmes),
            "to_resolve": [p for p in programmes if p.has_open_inconsistency],
            "cohorts": cohorts[:5], "cohort_count": len(cohorts), "people": people,
            "missed": missed[:5], "missed_count": len(missed)}
