"""Ranking metrics against values worked out by hand."""

import pytest

from searchlight.matching.metrics import (
    average_precision,
    mean,
    query_folds,
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


def test_it_deals_every_query_into_exactly_one_fold_of_near_equal_size():
    folds = query_folds(23, 5, seed=7)
    assert len(folds) == 5
    assert sorted(q for fold in folds for q in fold) == list(range(23))
    assert sorted(len(fold) for fold in folds) == [4, 4, 5, 5, 5]
    assert all(fold == sorted(fold) for fold in folds)


def test_it_gives_the_same_folds_for_the_same_seed_and_others_for_another():
    assert query_folds(50, 5, seed=7) == query_folds(50, 5, seed=7)
    assert query_folds(50, 5, seed=7) != query_folds(50, 5, seed=8)
    # shuffled, not dealt in order
    assert query_folds(50, 5, seed=7)[0] != list(range(0, 50, 5))


def test_it_refuses_fold_counts_that_cannot_split_the_queries():
    with pytest.raises(ValueError):
        query_folds(10, 1, seed=0)
    with pytest.raises(ValueError):
        query_folds(3, 4, seed=0)
