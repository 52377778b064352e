"""Value of the programme (seed 001 promises 20-40% measurable time saved on maintenance and
development): a team records a baseline and periodic measurements (hours on maintenance tasks,
incidents handled by AI, lead time); the saving is computed against the baseline and set beside
the promise, with the numbers behind it and a server-side SVG chart. Keyword-only functions,
`db_session` first, never committing."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.auth.access import allowed, require
from searchlight.auth.models import User
from searchlight.errors import Forbidden, InvalidInput, NotFound
from searchlight.governance import audit, events
from searchlight.reskilling.models import Team, ValueMeasurement

PROMISE_LOW = 0.20
PROMISE_HIGH = 0.40
KINDS = ("baseline", "periodic")


def get_team_for_user(*, db_session: Session, user: User, team_id: int) -> Team:
    """A team whose value measurements `user` may record: L&D (admin) or the team's lead."""
    team = db_session.get(Team, team_id)
    if allowed(user, "reskilling:manage"):
        if team is None:
            raise NotFound("This team does not exist.")
        return team
    if team is None or team.lead_id != user.id:
        require(user, "reskilling:manage", target=f"team:{team_id}")
        raise Forbidden("This team is not yours.", permission="reskilling:manage",
                        target=f"team:{team_id}")
    return team


def record_measurement(
    *, db_session: Session, actor: User, team: Team, kind: str, measured_on: date,
    maintenance_hours: float, incidents_total: int, incidents_by_ai: int,
    lead_time_days: float, note: str = "",
) -> ValueMeasurement:
    if kind not in KINDS:
        raise InvalidInput("kind: choose baseline or periodic.")
    if maintenance_hours < 0 or lead_time_days < 0 or incidents_total < 0 or incidents_by_ai < 0:
        raise InvalidInput("maintenance_hours: numbers cannot be negative.")
    if incidents_by_ai > incidents_total:
        raise InvalidInput("incidents_by_ai: cannot be more than the incidents in total.")
    if kind == "periodic" and baseline_of(db_session=db_session, team=team) is None:
        raise InvalidInput("kind: record the team's baseline first.")
    row = ValueMeasurement(team_id=team.id, kind=kind, measured_on=measured_on,
                           maintenance_hours=maintenance_hours, incidents_total=incidents_total,
                           incidents_by_ai=incidents_by_ai, lead_time_days=lead_time_days,
                           note=note.strip()[:2000], recorded_by_id=actor.id)
    db_session.add(row)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=events.created(
        "reskilling_measurement", row.id, {
            "team": team.id, "kind": kind, "measured_on": measured_on.isoformat(),
            "maintenance_hours": maintenance_hours, "incidents_total": incidents_total,
            "incidents_by_ai": incidents_by_ai, "lead_time_days": lead_time_days}))
    return row


def baseline_of(*, db_session: Session, team: Team) -> ValueMeasurement | None:
    """The team's latest baseline (a re-baselined team compares with the new one)."""
    return db_session.scalar(
        select(ValueMeasurement)
        .where(ValueMeasurement.team_id == team.id, ValueMeasurement.kind == "baseline")
        .order_by(ValueMeasurement.measured_on.desc(), ValueMeasurement.id.desc()).limit(1))


def _saving(before: float, after: float) -> float | None:
    return (before - after) / before if before > 0 else None


@dataclass(frozen=True)
class Point:
    measurement: ValueMeasurement
    hours_saving: float | None
    lead_time_saving: float | None

    @property
    def ai_share(self) -> float | None:
        m = self.measurement
        return m.incidents_by_ai / m.incidents_total if m.incidents_total else None


@dataclass(frozen=True)
class TeamValue:
    team: Team
    baseline: ValueMeasurement | None
    points: list[Point]

    @property
    def latest(self) -> Point | None:
        return self.points[-1] if self.points else None

    @property
    def verdict(self) -> str:
        """below / within / above the 20-40% promise, or none without a measurement."""
        latest = self.latest
        if latest is None or latest.hours_saving is None:
            return "none"
        if latest.hours_saving < PROMISE_LOW:
            return "below"
        return "within" if latest.hours_saving <= PROMISE_HIGH else "above"


def team_value(*, db_session: Session, team: Team) -> TeamValue:
    baseline = baseline_of(db_session=db_session, team=team)
    points: list[Point] = []
    if baseline is not None:
        rows = db_session.scalars(
            select(ValueMeasurement)
            .where(ValueMeasurement.team_id == team.id, ValueMeasurement.kind == "periodic",
                   ValueMeasurement.measured_on >= baseline.measured_on)
            .order_by(ValueMeasurement.measured_on, ValueMeasurement.id))
        points = [Point(row, _saving(baseline.maintenance_hours, row.maintenance_hours),
                        _saving(baseline.lead_time_days, row.lead_time_days)) for row in rows]
    return TeamValue(team=team, baseline=baseline, points=points)


def all_values(*, db_session: Session) -> list[TeamValue]:
    teams = db_session.scalars(select(Team).order_by(Team.track_key, Team.name))
    return [team_value(db_session=db_session, team=team) for team in teams]


@dataclass(frozen=True)
class Chart:
    """Geometry of a saving-over-time chart: the promise band, one polyline per measure."""

    width: int
    height: int
    band_top: float
    band_bottom: float
    zero_y: float
    hours: list[tuple[float, float, str, float]]  # x, y, date, saving
    lead_time: list[tuple[float, float, str, float]]
    y_ticks: list[tuple[float, str]]


def chart(value: TeamValue, *, width: int = 520, height: int = 200) -> Chart | None:
    if value.baseline is None or not value.points:
        return None
    left, right, top, bottom = 44, 12, 10, 24
    plot_w, plot_h = width - left - right, height - top - bottom
    lowest, highest = -0.2, 0.6
    for point in value.points:
        for saving in (point.hours_saving, point.lead_time_saving):
            if saving is not None:
                lowest, highest = min(lowest, saving), max(highest, saving)

    def y(share: float) -> float:
        return round(top + (highest - share) / (highest - lowest) * plot_h, 1)

    start = value.baseline.measured_on
    span = max(1, (value.points[-1].measurement.measured_on - start).days)

    def x(day: date) -> float:
        return round(left + (day - start).days / span * plot_w, 1)

    def line(attr: str) -> list[tuple[float, float, str, float]]:
        out = [(x(start), y(0.0), start.isoformat(), 0.0)]
        for point in value.points:
            saving = getattr(point, attr)
            if saving is not None:
                day = point.measurement.measured_on
                out.append((x(day), y(saving), day.isoformat(), saving))
        return out

    ticks = [(y(share / 10), f"{share * 10}%") for share in range(
        int(lowest * 10) if lowest * 10 == int(lowest * 10) else int(lowest * 10) - 1,
        int(highest * 10) + 1, 2)]
    return Chart(width=width, height=height, band_top=y(PROMISE_HIGH),
                 band_bottom=y(PROMISE_LOW), zero_y=y(0.0), hours=line("hours_saving"),
                 lead_time=line("lead_time_saving"), y_ticks=ticks)
