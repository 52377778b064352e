from datetime import date

import pytest

from searchlight.reskilling.calendar import date_milestones, date_phases

MONDAY = date(2027, 1, 4)
P4 = [(1, 0, 4), (2, 1, 4), (3, 2, 4)]


def test_it_dates_four_week_months_on_working_days():
    phases = date_phases(start=MONDAY, phases=P4)
    assert [(p.start, p.end) for p in phases] == [
        (date(2027, 1, 4), date(2027, 1, 29)), (date(2027, 2, 1), date(2027, 2, 26)),
        (date(2027, 3, 1), date(2027, 3, 26))]
    due = date_milestones(start=MONDAY, milestones=[(7, 1), (8, 3)])
    assert [(m.milestone_id, m.due) for m in due] == [(7, date(2027, 1, 29)),
                                                      (8, date(2027, 3, 26))]


def test_it_skips_holidays_and_weekends():
    due = date_milestones(start=MONDAY, milestones=[(1, 1)], holidays=[date(2027, 1, 6)])
    assert due[0].due == date(2027, 2, 1)
    saturday = date_milestones(start=date(2027, 1, 2), milestones=[(1, 1)])
    assert saturday[0].due == date(2027, 1, 29)


def test_it_stretches_the_calendar_for_part_time_work():
    due = date_milestones(start=MONDAY, milestones=[(1, 1)], part_time=0.8)
    assert due[0].due == date(2027, 2, 5)  # 20 / 0.8 = 25 working days
    phases = date_phases(start=MONDAY, phases=P4, part_time=0.5)
    assert phases[0].end == date(2027, 2, 26) and phases[1].start == date(2027, 3, 1)


def test_it_refuses_an_impossible_part_time_factor():
    with pytest.raises(ValueError):
        date_milestones(start=MONDAY, milestones=[(1, 1)], part_time=0)
    with pytest.raises(ValueError):
        date_phases(start=MONDAY, phases=P4, part_time=1.5)
