"""Ranking metrics as the benchmarks define them: R-Precision@K, reciprocal rank, average precision.

Each takes one ranked list (best first) and the set of relevant items; average them yourself.
`query_folds` splits queries for k-fold cross-validation.
"""

import random
from collections.abc import Collection, Hashable, Sequence


def r_precision_at_k(ranked: Sequence[Hashable], relevant: Collection[Hashable], k: int) -> float:
    """Hits in the top `k` divided by min(k, |relevant|), so a query with one gold label can
    still score 1.0 at k=5 (Decorte et al.'s RP@K)."""
    if not relevant:
        raise ValueError("R-Precision needs at least one relevant item")
    hits = sum(1 for item in ranked[:k] if item in relevant)
    return hits / min(k, len(relevant))


def reciprocal_rank(ranked: Sequence[Hashable], relevant: Collection[Hashable]) -> float:
    for position, item in enumerate(ranked, start=1):
        if item in relevant:
            return 1.0 / position
    return 0.0


def average_precision(ranked: Sequence[Hashable], relevant: Collection[Hashable]) -> float:
    """Mean of precision at each relevant item's rank; relevant items never retrieved count 0."""
    if not relevant:
        raise ValueError("average precision needs at least one relevant item")
    hits = 0
    total = 0.0
    for position, item in enumerate(ranked, start=1):
        if item in relevant:
            hits += 1
            total += hits / position
    return total / len(relevant)


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def query_folds(count: int, folds: int, *, seed: int) -> list[list[int]]:
    """Query numbers 0..count-1 shuffled with `seed` and dealt into `folds` folds.

    Every query lands in exactly one fold, fold sizes differ by at most one, each fold is sorted,
    and the same arguments always give the same folds (no global random state is touched).
    """
    if not 2 <= folds <= count:
        raise ValueError(f"need 2 <= folds <= count, got {folds} folds for {count} queries")
    order = list(range(count))
    # a seeded generator makes the folds reproducible; nothing here is secret
    random.Random(seed).shuffle(order)  # nosec B311
    return [sorted(order[fold::folds]) for fold in range(folds)]
