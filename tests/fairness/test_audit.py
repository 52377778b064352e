"""The bias audit's arithmetic: golden figures, properties that must always hold, and the same
rates as fairlearn's MetricFrame."""

import random

import pandas
import pytest
from fairlearn import metrics as fairlearn_metrics
from hypothesis import given, settings
from hypothesis import strategies as st

from searchlight.fairness.audit import Person, audit, rates


def _people(groups: dict[str, tuple[int, int]], column: str = "sex") -> list[Person]:
    people = []
    for group, (n, selected) in groups.items():
        people += [Person(categories={column: group}, selected=i < selected) for i in range(n)]
    return people


def test_it_gives_the_golden_impact_ratio():
    report = audit(_people({"male": (80, 48), "female": (50, 21)}), ["sex"])
    (category,) = report.categories
    by_group = {g.group: g for g in category.groups}
    assert by_group["male"].rate == pytest.approx(0.60)
    assert by_group["female"].rate == pytest.approx(0.42)
    assert by_group["male"].impact_ratio == pytest.approx(1.0)
    assert by_group["female"].impact_ratio == pytest.approx(0.70)
    assert by_group["female"].below_four_fifths and not by_group["male"].below_four_fifths
    assert (by_group["female"].n, by_group["female"].favourable) == (50, 21)


def test_it_counts_unknowns_apart_and_flags_small_groups_without_dropping_them():
    people = _people({"male": (60, 30), "female": (37, 20), "x": (1, 1)})
    people += [Person(categories={"sex": None}, selected=True) for _ in range(2)]
    (category,) = audit(people, ["sex"]).categories
    assert category.unknown == 2
    assert sum(g.n for g in category.groups) == 98
    small = {g.group for g in category.groups if g.small}
    assert small == {"x"}  # 1 of 100 people; kept in the report with its ratio
    assert next(g for g in category.groups if g.group == "x").impact_ratio == 1.0


def test_it_reports_every_intersection_and_unknown_in_any_part():
    people = [
        Person(categories={"sex": "f", "origin": "a"}, selected=True),
        Person(categories={"sex": "f", "origin": "b"}, selected=False),
        Person(categories={"sex": "m", "origin": "a"}, selected=True),
        Person(categories={"sex": "m", "origin": None}, selected=True),
    ]
    report = audit(people, ["sex", "origin"])
    assert [c.category for c in report.categories] == ["sex", "origin", "sex × origin"]
    both = report.categories[2]
    assert both.unknown == 1
    assert {g.group: g.rate for g in both.groups} == {"f × a": 1.0, "f × b": 0.0, "m × a": 1.0}


def test_it_uses_the_share_above_the_median_when_only_scores_are_given():
    people = [Person(categories={"g": "a"}, score=s) for s in (10, 20, 30, 40)]
    people += [Person(categories={"g": "b"}, score=s) for s in (1, 2, 3, 35)]
    report = audit(people, ["g"])
    assert report.measure == "scoring"
    assert report.median_score == pytest.approx(15.0)
    rates_by = {g.group: g.rate for g in report.categories[0].groups}
    assert rates_by == {"a": 0.75, "b": 0.25}
    assert report.categories[0].groups[1].impact_ratio == pytest.approx(1 / 3)


def test_it_leaves_ratios_undefined_when_nobody_was_selected():
    (category,) = audit(_people({"a": (5, 0), "b": (5, 0)}), ["sex"]).categories
    assert [g.impact_ratio for g in category.groups] == [None, None]
    assert not any(g.below_four_fifths for g in category.groups)


_rows = st.lists(st.tuples(st.sampled_from(["a", "b", "c", None]), st.booleans()),
                 min_size=1, max_size=200)


@settings(max_examples=200, deadline=None)
@given(_rows)
def test_it_keeps_ratios_between_zero_and_one_with_the_top_group_at_one(rows):
    unknown, groups = rates([s for _, s in rows], [g for g, _ in rows], len(rows))
    assert unknown == sum(1 for g, _ in rows if g is None)
    ratios = [g.impact_ratio for g in groups if g.impact_ratio is not None]
    assert all(0.0 <= r <= 1.0 for r in ratios)
    if any(g.rate > 0 for g in groups):
        assert max(ratios) == pytest.approx(1.0)
        top = max(groups, key=lambda g: g.rate)
        assert top.impact_ratio == pytest.approx(1.0)


@settings(max_examples=100, deadline=None)
@given(_rows, st.randoms(use_true_random=False))
def test_it_does_not_depend_on_row_order(rows, shuffler):
    shuffled = list(rows)
    shuffler.shuffle(shuffled)
    people = [Person(categories={"g": g}, selected=s) for g, s in rows]
    again = [Person(categories={"g": g}, selected=s) for g, s in shuffled]
    assert audit(people, ["g"]) == audit(again, ["g"])


def test_it_agrees_with_fairlearn_metricframe():
    """Mandatory: fairlearn is in the test extra (pyproject.toml), so this never skips."""
    generator = random.Random(7)
    groups = [generator.choice(["a", "b", "c"]) for _ in range(500)]
    selected = [generator.random() < {"a": 0.6, "b": 0.4, "c": 0.5}[g] for g in groups]
    frame = fairlearn_metrics.MetricFrame(
        metrics=fairlearn_metrics.selection_rate, y_true=pandas.Series(selected),
        y_pred=pandas.Series(selected), sensitive_features=pandas.Series(groups, name="g"))
    ours = {g.group: g for g in audit([Person(categories={"g": grp}, selected=s)
                                       for grp, s in zip(groups, selected, strict=True)],
                                      ["g"]).categories[0].groups}
    for group, value in frame.by_group.items():
        assert ours[group].rate == pytest.approx(value)
    assert min(g.impact_ratio or 0 for g in ours.values()) == pytest.approx(
        frame.ratio(method="between_groups"))
