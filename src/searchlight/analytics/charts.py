"""Horizontal bar charts drawn on the server: each bar's width as a share of the largest."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    percent: float  # 0-100 of the widest bar


def bar_rows(pairs: list[tuple[str, float]]) -> list[Bar]:
    widest = max((value for _, value in pairs), default=0) or 1
    return [Bar(label, value, round(100 * value / widest, 1)) for label, value in pairs]
