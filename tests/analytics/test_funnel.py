"""The funnel arithmetic on journeys made by hand: reached, conversion, drop-off, times."""

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from searchlight.analytics import Journey, funnel, source_effectiveness, time_in_stage, time_to_hire

ORDER = ["applied", "screened", "interview", "offer", "hired"]
T0 = datetime(2026, 1, 1, tzinfo=UTC)


def journey(*stages: str, source: str = "LinkedIn", days: int = 2) -> Journey:
    moves = tuple((stage, T0 + timedelta(days=days * i)) for i, stage in enumerate(stages))
    return Journey(role_key="ml-engineer", source=source, created_at=T0, moves=moves)


def test_it_counts_a_skipped_stage_as_passed():
    steps = funnel([journey("applied", "interview")], ORDER)
    assert [s.reached for s in steps] == [1, 1, 1, 0, 0]


def test_it_computes_conversion_and_drop_off():
    journeys = [journey("applied"), journey("applied", "screened"),
                journey("applied", "screened", "interview", "rejected"),
                journey("applied", "screened", "interview", "offer", "hired")]
    steps = funnel(journeys, ORDER)
    assert [s.reached for s in steps] == [4, 3, 2, 1, 1]
    assert steps[0].conversion == 0.75 and steps[0].drop_off == 1
    assert steps[1].conversion == 2 / 3
    assert steps[-1].conversion is None and steps[-1].drop_off == 0


def test_it_measures_time_in_stage_and_those_still_waiting():
    journeys = [journey("applied", "screened", days=3), journey("applied", days=5)]
    times = {t.stage: t for t in time_in_stage(journeys, ORDER, now=T0 + timedelta(days=10))}
    assert times["applied"].completed == 1 and times["applied"].median_days == 3.0
    assert times["applied"].waiting_now == 1 and times["applied"].waiting_median_days == 10.0
    assert times["screened"].waiting_now == 1 and times["screened"].waiting_median_days == 7.0


def test_it_does_not_count_hired_people_as_waiting():
    times = {t.stage: t for t in time_in_stage([journey("applied", "hired")], ORDER,
                                                 now=T0 + timedelta(days=30), closed=["hired"])}
    assert times["hired"].waiting_now == 0


def test_it_measures_time_to_hire():
    hire = time_to_hire([journey("applied", "offer", "hired", days=10), journey("applied")])
    assert hire.hires == 1 and hire.median_days == 20.0


def test_it_ranks_sources_by_hires_and_puts_unknown_last():
    rows = source_effectiveness([
        journey("applied", source="LinkedIn"), journey("applied", "screened", source="LinkedIn"),
        journey("applied", "screened", "interview", "offer", "hired", source="Xomnia"),
        journey("applied", source=""),
    ], ORDER)
    assert [r.source for r in rows] == ["Xomnia", "LinkedIn", ""]
    linkedin = rows[1]
    assert (linkedin.applicants, linkedin.screened, linkedin.interviewed, linkedin.hired) == \
        (2, 1, 0, 0)
    assert rows[0].hire_rate == 1.0


paths = st.lists(st.lists(st.sampled_from([*ORDER, "rejected"]), min_size=1, max_size=6),
                 max_size=30)


@given(paths)
def test_it_never_lets_a_later_stage_have_more_than_an_earlier_one(stage_lists):
    steps = funnel([journey(*stages) for stages in stage_lists], ORDER)
    reached = [s.reached for s in steps]
    assert reached == sorted(reached, reverse=True)
    assert all(0 <= (s.conversion or 0) <= 1 for s in steps)


def test_it_divides_a_cost_by_the_hires_of_its_source():
    journeys = [journey("applied", "screened", "interview", "offer", "hired"),
                journey("applied", "screened", "interview", "offer", "hired"),
                journey("applied", source="GitHub")]
    rows = {r.source: r for r in source_effectiveness(
        journeys, ORDER, {"LinkedIn": 300000, "GitHub": 50000, "Xomnia": 900000})}
    assert rows["LinkedIn"].cost_per_hire_cents == 150000
    assert rows["GitHub"].cost_cents == 50000 and rows["GitHub"].cost_per_hire_cents is None
    assert rows["Xomnia"].applicants == 0 and rows["Xomnia"].cost_cents == 900000
    assert next(iter(rows.values())).source == "LinkedIn"
