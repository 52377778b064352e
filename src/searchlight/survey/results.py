"""Survey results: averages per group, shown only from MIN_RESPONSES answers on, so a single
candidate's opinion can never be read off a small role."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

MIN_RESPONSES = 3


@dataclass(frozen=True)
class Answer:
    group: str  # a role key, or a month "2026-11"
    scores: Sequence[int | None]  # per question, in QUESTIONS order


@dataclass(frozen=True)
class Summary:
    group: str
    responses: int
    means: tuple[float | None, ...]  # None: hidden (too few answers) or nobody answered

    @property
    def shown(self) -> bool:
        return self.responses >= MIN_RESPONSES

    @property
    def overall(self) -> float | None:
        known = [m for m in self.means if m is not None]
        return round(statistics.fmean(known), 2) if known else None


def summarise(answers: Iterable[Answer], questions: int) -> list[Summary]:
    groups: dict[str, list[Sequence[int | None]]] = {}
    for answer in answers:
        groups.setdefault(answer.group, []).append(answer.scores)
    found = []
    for group, rows in sorted(groups.items()):
        means: list[float | None] = []
        for index in range(questions):
            values = [value for row in rows if (value := row[index]) is not None]
            hidden = len(rows) < MIN_RESPONSES or not values
            means.append(None if hidden else round(statistics.fmean(values), 2))
        found.append(Summary(group, len(rows), tuple(means)))
    return found
