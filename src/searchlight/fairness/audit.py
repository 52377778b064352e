"""Bias audit by NYC Local Law 144's definitions (Rules of the City of New York, title 6, §5-300):

- selection rate: the share of a group that was selected (moved on, hired);
- scoring rate: the share of a group that scored above the median score of the whole sample;
- impact ratio: a group's rate divided by the rate of the most favoured group.

Every category column is reported on its own and every combination of two or more columns as an
intersection. A person whose value is empty in a column of a category is counted as unknown
there and left out of its rates. Groups under 2% of all people are flagged, not dropped, and
ratios under 0.8 (the four-fifths rule) are highlighted. The most favoured group is the one with
the highest rate, small groups included, so every ratio lies in [0, 1]; when every rate is 0 the
ratios are undefined (None).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from statistics import median

SMALL_GROUP_SHARE = 0.02
FOUR_FIFTHS = 0.8
JOIN = " × "


@dataclass(frozen=True)
class Person:
    """One row of decisions: the outcome, and the value of each category (None = unknown)."""

    categories: Mapping[str, str | None]
    selected: bool | None = None
    score: float | None = None


@dataclass(frozen=True)
class GroupRate:
    group: str
    n: int
    favourable: int  # selected, or scored above the median
    rate: float
    impact_ratio: float | None
    small: bool  # under 2% of all people: flagged, kept
    below_four_fifths: bool


@dataclass(frozen=True)
class CategoryReport:
    category: str  # "sex", or "sex × ethnicity" for an intersection
    columns: tuple[str, ...]
    unknown: int
    groups: list[GroupRate]


@dataclass(frozen=True)
class AuditReport:
    measure: str  # "selection" or "scoring"
    people: int
    median_score: float | None
    categories: list[CategoryReport] = field(default_factory=list)


def favourable_outcomes(people: Sequence[Person]) -> tuple[str, list[bool], float | None]:
    """Selected, or (when only scores are given) scored above the sample's median."""
    if people and all(p.selected is not None for p in people):
        return "selection", [bool(p.selected) for p in people], None
    scores = [p.score for p in people]
    if any(s is None for s in scores):
        raise ValueError("every person needs a selected value or every person a score")
    middle = median(s for s in scores if s is not None) if scores else 0.0
    return "scoring", [s is not None and s > middle for s in scores], float(middle)


def rates(
    outcomes: Sequence[bool], groups: Sequence[str | None], total: int
) -> tuple[int, list[GroupRate]]:
    """Rates per group (None = unknown, counted apart) with impact ratios against the top."""
    counts: dict[str, list[int]] = {}
    unknown = 0
    for outcome, group in zip(outcomes, groups, strict=True):
        if group is None:
            unknown += 1
            continue
        tally = counts.setdefault(group, [0, 0])
        tally[0] += 1
        tally[1] += int(outcome)
    raw = {group: favourable / n for group, (n, favourable) in counts.items()}
    best = max(raw.values(), default=0.0)
    result = []
    for group in sorted(counts):
        n, favourable = counts[group]
        ratio = raw[group] / best if best > 0 else None
        result.append(GroupRate(
            group=group, n=n, favourable=favourable, rate=raw[group], impact_ratio=ratio,
            small=total > 0 and n / total < SMALL_GROUP_SHARE,
            below_four_fifths=ratio is not None and ratio < FOUR_FIFTHS))
    return unknown, result


def audit(people: Sequence[Person], columns: Sequence[str]) -> AuditReport:
    """The full report: each column, then each intersection of two or more columns."""
    measure, outcomes, middle = favourable_outcomes(people)
    report = AuditReport(measure=measure, people=len(people), median_score=middle)
    for size in range(1, len(columns) + 1):
        for combo in combinations(columns, size):
            groups = [_group_of(person, combo) for person in people]
            unknown, group_rates = rates(outcomes, groups, len(people))
            report.categories.append(CategoryReport(
                category=JOIN.join(combo), columns=combo, unknown=unknown, groups=group_rates))
    return report


def _group_of(person: Person, columns: Sequence[str]) -> str | None:
    values = [person.categories.get(column) for column in columns]
    if any(value is None for value in values):
        return None
    return JOIN.join(value for value in values if value is not None)
