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


@dataclass(frozen=True)
class Column:
    label: str
    value: float
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class ColumnChart:
    """A column chart as SVG geometry (viewBox units); the template draws it as rectangles
    and also prints the numbers as a table, so a screen reader never depends on the picture."""

    width: int
    height: int
    columns: list[Column]
    peak: float


def column_chart(pairs: list[tuple[str, float]], *, width: int = 600,
                 height: int = 140, gap: float = 0.2) -> ColumnChart:
    peak = max((value for _, value in pairs), default=0)
    if not pairs:
        return ColumnChart(width, height, [], 0)
    slot = width / len(pairs)
    bar = slot * (1 - gap)
    columns = []
    for index, (label, value) in enumerate(pairs):
        tall = height * value / peak if peak else 0
        columns.append(Column(label, value, round(index * slot + (slot - bar) / 2, 2),
                              round(height - tall, 2), round(bar, 2), round(tall, 2)))
    return ColumnChart(width, height, columns, peak)
