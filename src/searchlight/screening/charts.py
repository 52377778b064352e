"""Server-drawn SVG charts: no JavaScript library, readable by screen readers through a table."""

import math
from dataclasses import dataclass

from searchlight.screening.score.scoring import DIMENSIONS

RADAR_SIZE = 260
RADAR_RADIUS = 95


@dataclass(frozen=True)
class RadarAxis:
    key: str
    label: str
    x: float
    y: float
    label_x: float
    label_y: float


def _point(index: int, value: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / len(DIMENSIONS)
    radius = RADAR_RADIUS * max(0.0, min(value, 100.0)) / 100.0
    centre = RADAR_SIZE / 2
    return round(centre + radius * math.cos(angle), 1), round(centre + radius * math.sin(angle), 1)


def radar_axes(labels: dict[str, str]) -> list[RadarAxis]:
    axes = []
    for index, key in enumerate(DIMENSIONS):
        x, y = _point(index, 100)
        lx, ly = _point(index, 118)
        axes.append(RadarAxis(key, labels[key], x, y, lx, ly))
    return axes


def radar_polygon(values: dict[str, float | None]) -> str:
    """Points of a polygon; an unknown dimension sits at the centre (it is marked "?" too)."""
    return " ".join(f"{x},{y}" for x, y in (
        _point(index, values.get(key) or 0.0) for index, key in enumerate(DIMENSIONS)))


def rings() -> list[str]:
    return [radar_polygon(dict.fromkeys(DIMENSIONS, level)) for level in (25, 50, 75, 100)]


def profile_values(weights: dict[str, float]) -> dict[str, float | None]:
    """The profile drawn as relative importance: the heaviest dimension reaches the rim."""
    heaviest = max(weights.values(), default=0) or 1.0
    return {key: 100.0 * weights.get(key, 0.0) / heaviest for key in DIMENSIONS}
