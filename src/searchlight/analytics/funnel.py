"""Pure funnel arithmetic over application journeys; no database, easy to test and reuse.

A journey is one application: the stages it entered, in order, with the time of entry. A stage
counts as reached when the application entered it or any later stage of the funnel order, so a
candidate moved straight from "applied" to "interview" still passed "screened".
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Journey:
    role_key: str
    source: str  # the source's name, "" when unknown
    created_at: datetime
    moves: tuple[tuple[str, datetime], ...]  # (stage key, entered at), oldest first
    hired_stages: frozenset[str] = frozenset({"hired"})

    @property
    def hired_at(self) -> datetime | None:
        return next((at for stage, at in self.moves if stage in self.hired_stages), None)

    def furthest(self, order: Sequence[str]) -> int:
        """The position in `order` of the furthest stage entered, -1 when none."""
        positions = [order.index(stage) for stage, _ in self.moves if stage in order]
        return max(positions, default=-1)


@dataclass(frozen=True)
class StageStep:
    stage: str
    reached: int
    next_reached: int | None  # None for the last stage

    @property
    def conversion(self) -> float | None:
        """Share that went on to the next stage; None for the last stage or an empty stage."""
        if self.next_reached is None or not self.reached:
            return None
        return self.next_reached / self.reached

    @property
    def drop_off(self) -> int:
        return 0 if self.next_reached is None else self.reached - self.next_reached


def funnel(journeys: Iterable[Journey], order: Sequence[str]) -> list[StageStep]:
    furthest = [journey.furthest(order) for journey in journeys]
    reached = [sum(1 for f in furthest if f >= index) for index in range(len(order))]
    return [
        StageStep(stage, reached[i], reached[i + 1] if i + 1 < len(order) else None)
        for i, stage in enumerate(order)
    ]


@dataclass(frozen=True)
class StageTime:
    stage: str
    completed: int  # stays that ended with a move onwards
    median_days: float | None
    mean_days: float | None
    waiting_now: int  # applications in this stage at the moment
    waiting_median_days: float | None


def _days(start: datetime, end: datetime) -> float:
    return max((end - start).total_seconds(), 0.0) / 86400


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def _mean(values: list[float]) -> float | None:
    return round(statistics.fmean(values), 1) if values else None


def time_in_stage(journeys: Iterable[Journey], order: Sequence[str], *,
                  now: datetime, closed: Iterable[str] = ()) -> list[StageTime]:
    """Days spent per stage: finished stays, and the applications still waiting there."""
    finished: dict[str, list[float]] = {stage: [] for stage in order}
    waiting: dict[str, list[float]] = {stage: [] for stage in order}
    closing = set(closed)
    for journey in journeys:
        for (stage, entered), (_next, left) in zip(journey.moves, journey.moves[1:], strict=False):
            if stage in finished:
                finished[stage].append(_days(entered, left))
        if journey.moves:
            stage, entered = journey.moves[-1]
            if stage in waiting and stage not in closing:
                waiting[stage].append(_days(entered, now))
    return [
        StageTime(stage, len(finished[stage]), _median(finished[stage]), _mean(finished[stage]),
                  len(waiting[stage]), _median(waiting[stage]))
        for stage in order
    ]


@dataclass(frozen=True)
class HireTime:
    hires: int
    median_days: float | None
    mean_days: float | None


def time_to_hire(journeys: Iterable[Journey]) -> HireTime:
    days = [_days(journey.created_at, hired) for journey in journeys
            if (hired := journey.hired_at) is not None]
    return HireTime(len(days), _median(days), _mean(days))


@dataclass(frozen=True)
class SourceRow:
    source: str
    applicants: int
    screened: int
    interviewed: int
    hired: int
    cost_cents: int | None = None  # money entered for this source in the period, None: none

    @property
    def hire_rate(self) -> float | None:
        return self.hired / self.applicants if self.applicants else None

    @property
    def cost_per_hire_cents(self) -> int | None:
        """Cost divided by hires; None without a cost or without a hire (never "infinite")."""
        if self.cost_cents is None or not self.hired:
            return None
        return round(self.cost_cents / self.hired)


SOURCE_MILESTONES = ("screened", "interview", "hired")


def source_effectiveness(journeys: Iterable[Journey], order: Sequence[str],
                         costs: Mapping[str, int] | None = None) -> list[SourceRow]:
    """Per source: how many applied and how many of them reached screening, interview, hire,
    with the cost entered for it (`costs`: cents per source name). A source with a cost but no
    applicants still shows, so money spent without result is visible.
    Sources are sorted by hires, then applicants; the unknown source ("") comes last."""
    costs = costs or {}
    counts: dict[str, list[int]] = {}
    marks = [order.index(stage) if stage in order else None for stage in SOURCE_MILESTONES]
    for journey in journeys:
        row = counts.setdefault(journey.source, [0, 0, 0, 0])
        row[0] += 1
        furthest = journey.furthest(order)
        for slot, mark in enumerate(marks, start=1):
            if mark is not None and furthest >= mark:
                row[slot] += 1
    for source in costs:
        counts.setdefault(source, [0, 0, 0, 0])
    rows = [SourceRow(source, applied, screened, interviewed, hired, costs.get(source))
            for source, (applied, screened, interviewed, hired) in counts.items()]
    return sorted(rows, key=lambda r: (r.source == "", -r.hired, -r.applicants, r.source))
