"""Agreement between two graders on integer levels: quadratic weighted kappa (Cohen 1968, the
ASAP-SAS metric) and exact agreement."""

from collections.abc import Sequence

import numpy as np


def quadratic_weighted_kappa(
    first: Sequence[int], second: Sequence[int], *, lowest: int | None = None,
    highest: int | None = None,
) -> float:
    """1 is perfect agreement, 0 is what chance gives, below 0 worse than chance. When both
    graders give one and the same level to everything, agreement is perfect (1.0)."""
    if len(first) != len(second):
        raise ValueError("both graders must grade the same answers")
    if not first:
        raise ValueError("no grades to compare")
    lowest = min(*first, *second) if lowest is None else lowest
    highest = max(*first, *second) if highest is None else highest
    size = highest - lowest + 1
    observed = np.zeros((size, size))
    for a, b in zip(first, second, strict=True):
        observed[a - lowest, b - lowest] += 1
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0)) / len(first)
    grid = np.arange(size)
    weights = (grid[:, None] - grid[None, :]) ** 2 / max((size - 1) ** 2, 1)
    denominator = float((weights * expected).sum())
    if denominator == 0.0:
        return 1.0 if float((weights * observed).sum()) == 0.0 else 0.0
    return 1.0 - float((weights * observed).sum()) / denominator


def exact_agreement(first: Sequence[int], second: Sequence[int]) -> float:
    if len(first) != len(second) or not first:
        raise ValueError("both graders must grade the same, non-empty list of answers")
    return sum(a == b for a, b in zip(first, second, strict=True)) / len(first)
