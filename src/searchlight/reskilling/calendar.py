"""Turn a programme template into dated phases and milestones.

The seed counts a programme month as four weeks (its phase tables: "Maand 1 · 4 weken"), so a
month is 20 working days. Weekends and the cohort's holidays are not working days, and a
part-time factor (0.8 = four days a week) stretches every period: month m ends after
ceil(20 · m / factor) working days from the start date."""

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

WORKING_DAYS_PER_WEEK = 5
WORKING_DAYS_PER_MONTH = 20


@dataclass(frozen=True)
class DatedPhase:
    phase_id: int
    position: int
    start: date
    end: date


@dataclass(frozen=True)
class DatedMilestone:
    milestone_id: int
    month: int
    due: date


def _is_working_day(day: date, holidays: frozenset[date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def _first_working_day(day: date, holidays: frozenset[date]) -> date:
    while not _is_working_day(day, holidays):
        day += timedelta(days=1)
    return day


def working_day(start: date, offset: int, holidays: frozenset[date]) -> date:
    """The date of working day number `offset` (1 = the first working day on/after start)."""
    day = _first_working_day(start, holidays)
    counted = 1
    while counted < offset:
        day += timedelta(days=1)
        if _is_working_day(day, holidays):
            counted += 1
    return day


def _days(work_days: float, part_time: float) -> int:
    return max(1, math.ceil(round(work_days / part_time, 6)))


def check_part_time(part_time: float) -> None:
    if not 0.2 <= part_time <= 1.0:
        raise ValueError("the part-time factor is between 0.2 (one day a week) and 1.0")


def date_phases(
    *, start: date, phases: Iterable[tuple[int, int, int]], holidays: Iterable[date] = (),
    part_time: float = 1.0,
) -> list[DatedPhase]:
    """`phases` are (phase_id, position, weeks) in order; each starts the working day after
    the previous one ends."""
    check_part_time(part_time)
    off = frozenset(holidays)
    dated: list[DatedPhase] = []
    done_weeks = 0
    for phase_id, position, weeks in phases:
        first = _days(done_weeks * WORKING_DAYS_PER_WEEK, part_time) + 1 if done_weeks else 1
        done_weeks += weeks
        last = _days(done_weeks * WORKING_DAYS_PER_WEEK, part_time)
        dated.append(DatedPhase(phase_id, position, working_day(start, first, off),
                                working_day(start, last, off)))
    return dated


def date_milestones(
    *, start: date, milestones: Iterable[tuple[int, int]], holidays: Iterable[date] = (),
    part_time: float = 1.0,
) -> list[DatedMilestone]:
    """`milestones` are (milestone_id, month); each is due on the last working day of its
    programme month."""
    check_part_time(part_time)
    off = frozenset(holidays)
    return [DatedMilestone(milestone_id, month, working_day(
        start, _days(month * WORKING_DAYS_PER_MONTH, part_time), off))
        for milestone_id, month in milestones]
