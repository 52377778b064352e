"""Read the application journeys a user may see, and turn them into the analytics report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from searchlight.analytics.funnel import (
    HireTime,
    Journey,
    SourceRow,
    StageStep,
    StageTime,
    funnel,
    source_effectiveness,
    time_in_stage,
    time_to_hire,
)
from searchlight.auth.access import allowed, require
from searchlight.auth.models import User
from searchlight.candidates.models import Application, Candidate
from searchlight.candidates.pipeline import DEFAULT_STAGES, role_by_key, stages_for_role
from searchlight.careers.service import EVENTS, event_counts
from searchlight.crm.service import source_costs
from searchlight.db import utcnow
from searchlight.errors import Forbidden, InvalidInput
from searchlight.roles.models import Role


@dataclass(frozen=True)
class Period:
    since: date | None = None
    until: date | None = None

    @classmethod
    def parse(cls, since: str | None, until: str | None) -> Period:
        try:
            start = date.fromisoformat(since) if since else None
            end = date.fromisoformat(until) if until else None
        except ValueError as error:
            raise InvalidInput("Give dates as YYYY-MM-DD.", detail={"field": "period"}) from error
        if start and end and start > end:
            raise InvalidInput("The start of the period is after its end.",
                               detail={"field": "period"})
        return cls(start, end)


@dataclass(frozen=True)
class StageLabel:
    key: str
    name_en: str
    name_nl: str

    def name(self, locale: str) -> str:
        return self.name_en if locale == "en" else self.name_nl


@dataclass(frozen=True)
class Report:
    role: Role | None
    period: Period
    stages: list[StageLabel]
    funnel: list[StageStep]
    times: list[StageTime]
    hire: HireTime
    sources: list[SourceRow]
    applications: int
    events: dict[str, int]  # careers-site event -> count in the period and scope
    events_per_day: list[tuple[date, int]]  # vacancy views per day, for the trend chart


def _default_order() -> list[StageLabel]:
    return [StageLabel(key, en, nl) for key, en, nl, kind in DEFAULT_STAGES
            if kind in ("open", "hired")]


def _role_order(db_session: Session, role: Role) -> list[StageLabel]:
    return [StageLabel(s.key, s.name_en, s.name_nl)
            for s in stages_for_role(db_session=db_session, role=role)
            if s.kind in ("open", "hired")]


def visible_role_ids(*, db_session: Session, user: User) -> list[int] | None:
    """None when the user may see every role; otherwise the roles they lead."""
    require(user, "analytics:read")
    if allowed(user, "candidates:read_all"):
        return None
    return list(db_session.scalars(select(Role.id).where(Role.hiring_manager_id == user.id)))


def may_read_role(user: User, role: Role) -> bool:
    """Whether the user may see the role's analytics (a page that links to them asks first)."""
    return allowed(user, "analytics:read") and (
        allowed(user, "candidates:read_all") or role.hiring_manager_id == user.id)


def get_role_for_user(*, db_session: Session, user: User, role_key: str) -> Role:
    """A role whose analytics the user may see: every role, or one they lead."""
    require(user, "analytics:read", target=f"role:{role_key}")
    role = role_by_key(db_session=db_session, key=role_key)
    if not may_read_role(user, role):
        raise Forbidden("You can only see analytics of roles you manage.",
                        permission="candidates:read_all", target=f"role:{role.key}")
    return role


def journeys(*, db_session: Session, role: Role | None, role_ids: list[int] | None,
             period: Period) -> list[Journey]:
    """Applications of one role, of `role_ids`, or of every role (both None)."""
    query = (select(Application)
             .options(selectinload(Application.changes),
                      selectinload(Application.candidate).selectinload(Candidate.source),
                      selectinload(Application.role)))
    if role is not None:
        query = query.where(Application.role_id == role.id)
    elif role_ids is not None:
        query = query.where(Application.role_id.in_(role_ids))
    if period.since:
        query = query.where(Application.created_at >= _start_of(period.since))
    if period.until:
        query = query.where(Application.created_at < _start_of(period.until, next_day=True))
    result = []
    for application in db_session.scalars(query.order_by(Application.id)):
        source = application.candidate.source
        result.append(Journey(
            role_key=application.role.key, source=source.name if source else "",
            created_at=application.created_at,
            moves=tuple((c.to_stage, c.moved_at) for c in application.changes)))
    return result


def _start_of(day: date, *, next_day: bool = False) -> datetime:
    return datetime.combine(day + timedelta(days=1) if next_day else day, time.min,
                            tzinfo=UTC)


def report(*, db_session: Session, user: User, role_key: str | None = None,
           period: Period | None = None) -> Report:
    """The report of one role the user may see, or of all the roles they may see."""
    if role_key:
        role = get_role_for_user(db_session=db_session, user=user, role_key=role_key)
        return build_report(db_session=db_session, role=role, period=period)
    scope = visible_role_ids(db_session=db_session, user=user)
    return build_report(db_session=db_session, role_ids=scope, period=period)


def build_report(*, db_session: Session, role: Role | None = None,
                 role_ids: list[int] | None = None, period: Period | None = None) -> Report:
    """The report without a user's scope: for the command line, which sees everything."""
    period = period or Period()
    stages = _role_order(db_session, role) if role else _default_order()
    order = [stage.key for stage in stages]
    found = journeys(db_session=db_session, role=role, role_ids=role_ids, period=period)
    cost_scope = [role.id] if role else role_ids
    costs = source_costs(db_session=db_session, since=period.since, until=period.until,
                         role_ids=cost_scope)
    events, per_day = _careers_events(db_session, role=role, role_ids=role_ids, period=period)
    return Report(
        role=role, period=period, stages=stages, funnel=funnel(found, order),
        times=time_in_stage(found, order, now=utcnow(), closed=("hired",)),
        hire=time_to_hire(found), sources=source_effectiveness(found, order, costs),
        applications=len(found), events=events, events_per_day=per_day)


def _careers_events(db_session: Session, *, role: Role | None, role_ids: list[int] | None,
                    period: Period) -> tuple[dict[str, int], list[tuple[date, int]]]:
    """The careers-site events of the scope: one role's, the led roles' (site-wide events such
    as landing views belong to no role, so a hiring manager sees only those of their roles),
    or all of them."""
    keys: set[str] | None = None
    if role is not None:
        keys = {role.key}
    elif role_ids is not None:
        keys = set(db_session.scalars(select(Role.key).where(Role.id.in_(role_ids))))
    totals = dict.fromkeys(EVENTS, 0)
    per_day: dict[date, int] = {}
    for row in event_counts(db_session, start=period.since, end=period.until):
        if keys is not None and row["role"] not in keys:
            continue
        totals[row["event"]] = totals.get(row["event"], 0) + row["count"]
        if row["event"] == "vacancy_view":
            day = date.fromisoformat(row["day"])
            per_day[day] = per_day.get(day, 0) + row["count"]
    return totals, sorted(per_day.items())


def visible_roles(*, db_session: Session, user: User) -> list[Role]:
    """The roles whose analytics the user may filter on."""
    scope = visible_role_ids(db_session=db_session, user=user)
    query = select(Role).order_by(Role.key)
    if scope is not None:
        query = query.where(Role.id.in_(scope))
    return list(db_session.scalars(query))
