"""Ranking metrics against values worked out by hand."""

import pytest

from searchlight.matching.metrics import (
    average_precision,
    mean,
    r_precision_at_k,
    reciprocal_rank,
)

RANKED = ["a", "b", "c", "d", "e", "f"]


def test_it_divides_r_precision_by_the_smaller_of_k_and_the_gold_count():
    # one gold label found at rank 3: 1 hit / min(5, 1)
    assert r_precision_at_k(RANKED, {"c"}, 5) == 1.0
    # two of three gold labels in the top 5: 2 / min(5, 3)
    assert r_precision_at_k(RANKED, {"b", "e", "z"}, 5) == pytest.approx(2 / 3)
    # seven gold labels, two in the top 5: 2 / min(5, 7)
    assert r_precision_at_k(RANKED, {"a", "f", "x", "y", "z", "v", "w"}, 5) == pytest.approx(0.2)


def test_it_takes_the_reciprocal_of_the_first_relevant_rank():
    assert reciprocal_rank(RANKED, {"c", "e"}) == pytest.approx(1 / 3)
    assert reciprocal_rank(RANKED, {"z"}) == 0.0


def test_it_averages_precision_over_all_relevant_items():
    # hits at ranks 1 and 3: (1/1 + 2/3) / 2; a relevant item never retrieved counts zero
    assert average_precision(RANKED, {"a", "c"}) == pytest.approx((1 + 2 / 3) / 2)
    assert average_precision(RANKED, {"a", "c", "z"}) == pytest.approx((1 + 2 / 3) / 3)
    assert average_precision(RANKED, {"b"}) == pytest.approx(0.5)


def test_it_refuses_queries_without_relevant_items():
    with pytest.raises(ValueError):
        r_precision_at_k(RANKED, set(), 5)
    with pytest.raises(ValueError):
        average_precision(RANKED, set())


def test_it_means_nothing_as_zero():
    assert mean([]) == 0.0
    assert mean([1.0, 0.5]) == 0.75
