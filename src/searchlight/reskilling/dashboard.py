"""The L&D dashboard: cohort progress against the 12-month goal, people at risk with the
reason, and a Gantt timeline per cohort drawn as server-side SVG geometry. Reads only."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from searchlight.i18n import N_
from searchlight.reskilling import calendar, development
from searchlight.reskilling.models import Cohort, Enrolment, Evidence, Milestone, Phase

GOAL_MONTHS = 12
NO_EVIDENCE_WEEKS = 4
DAYS_PER_MONTH = 30.44


@dataclass(frozen=True)
class PersonProgress:
    enrolment: Enrolment
    done: int
    total: int
    last_evidence: datetime | None
    reasons: tuple[str, ...]  # English message ids with {placeholders}; see `risk_text`
    reason_values: tuple[dict[str, str], ...]

    @property
    def share(self) -> float:
        return self.done / self.total if self.total else 0.0


@dataclass(frozen=True)
class CohortProgress:
    cohort: Cohort
    people: list[PersonProgress]
    months_elapsed: float
    done: int
    total: int

    @property
    def share_done(self) -> float:
        return self.done / self.total if self.total else 0.0

    @property
    def share_of_goal(self) -> float:
        """How much of the 12 months towards mid-level AI expert has passed."""
        return max(0.0, min(1.0, self.months_elapsed / GOAL_MONTHS))


@dataclass
class GanttBar:
    phase: Phase
    x: float
    width: float
    row: int
    start: date
    end: date


@dataclass
class GanttMarker:
    milestone: Milestone
    x: float
    row: int
    due: date


@dataclass
class Gantt:
    width: int
    height: int
    bars: list[GanttBar] = field(default_factory=list)
    markers: list[GanttMarker] = field(default_factory=list)
    today_x: float | None = None
    ticks: list[tuple[float, str]] = field(default_factory=list)


def _last_evidence(db_session: Session, enrolment_id: int) -> datetime | None:
    return db_session.scalar(select(func.max(Evidence.created_at)).where(
        Evidence.enrolment_id == enrolment_id))


def person_progress(
    *, db_session: Session, enrolment: Enrolment, today: date,
    no_evidence_weeks: int = NO_EVIDENCE_WEEKS,
) -> PersonProgress:
    statuses = development.milestone_statuses(db_session=db_session, enrolment=enrolment)
    reasons: list[str] = []
    values: list[dict[str, str]] = []
    for status in statuses:
        if status.state == "missed":
            reasons.append(N_("Missed milestone: {goal} (due {date})"))
            values.append({"goal_nl": status.milestone.goal_nl, "goal_en": status.milestone.goal_en,
                           "date": status.due.isoformat()})
    last = _last_evidence(db_session, enrolment.id)
    started = enrolment.cohort.start_date
    quiet_since = last.date() if last else started
    if (today - quiet_since).days >= 7 * no_evidence_weeks and today > started:
        reasons.append(N_("No evidence for {weeks} weeks") if last else
                       N_("No evidence since the start ({weeks} weeks)"))
        values.append({"weeks": str((today - quiet_since).days // 7)})
    return PersonProgress(enrolment, sum(1 for s in statuses if s.state == "done"),
                          len(statuses), last, tuple(reasons), tuple(values))


def cohort_progress(*, db_session: Session, cohort: Cohort, today: date) -> CohortProgress:
    people = [person_progress(db_session=db_session, enrolment=e, today=today)
              for e in cohort.enrolments if e.status == "active"]
    elapsed = max(0.0, (today - cohort.start_date).days / DAYS_PER_MONTH)
    return CohortProgress(cohort, people, round(elapsed, 1), sum(p.done for p in people),
                          sum(p.total for p in people))


def all_progress(*, db_session: Session, today: date) -> list[CohortProgress]:
    return [cohort_progress(db_session=db_session, cohort=c, today=today)
            for c in development.list_cohorts(db_session=db_session)]


def at_risk(progress: list[CohortProgress]) -> list[PersonProgress]:
    return [p for c in progress for p in c.people if p.reasons]


def risk_text(reason: str, values: dict[str, str], locale: str) -> tuple[str, dict[str, str]]:
    """The message id and its values in the reader's language."""
    shown = {k: v for k, v in values.items() if not k.startswith("goal_")}
    if "goal_en" in values:
        shown["goal"] = values["goal_en"] if locale == "en" else values["goal_nl"]
    return reason, shown


GANTT_LABEL = 190
GANTT_ROW = 26


def gantt(*, db_session: Session, cohort: Cohort, today: date, width: int = 760) -> Gantt:
    """Phases as bars and milestones as diamonds on one date axis (the cohort's calendar, for a
    full-time participant), with a line for today."""
    phases = cohort.variant.phases
    holidays = [date.fromisoformat(d) for d in cohort.holidays]
    dated = calendar.date_phases(start=cohort.start_date,
                                 phases=[(p.id, p.position, p.weeks) for p in phases],
                                 holidays=holidays)
    due = calendar.date_milestones(
        start=cohort.start_date,
        milestones=[(m.id, m.month) for m in cohort.programme.milestones], holidays=holidays)
    first = cohort.start_date
    last = max([d.end for d in dated] + [m.due for m in due] + [first + timedelta(days=1)])
    span = max(1, (last - first).days)
    plot = width - GANTT_LABEL - 10

    def x_of(day: date) -> float:
        return round(GANTT_LABEL + plot * (day - first).days / span, 1)

    chart = Gantt(width=width, height=GANTT_ROW * (len(phases) + 2) + 20)
    for row, (phase, span_of) in enumerate(zip(phases, dated, strict=True)):
        chart.bars.append(GanttBar(phase, x_of(span_of.start),
                                   max(2.0, x_of(span_of.end) - x_of(span_of.start)), row,
                                   span_of.start, span_of.end))
    milestone_row = len(phases)
    for milestone, dated_milestone in zip(cohort.programme.milestones, due, strict=True):
        chart.markers.append(GanttMarker(milestone, x_of(dated_milestone.due), milestone_row,
                                         dated_milestone.due))
    if first <= today <= last:
        chart.today_x = x_of(today)
    month = date(first.year, first.month, 1)
    while month <= last:
        if month >= first:
            chart.ticks.append((x_of(month), month.strftime("%Y-%m")))
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return chart

