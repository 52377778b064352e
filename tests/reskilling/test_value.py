"""Value: teams record a baseline and periodic measurements; the dashboard sets the saving
beside seed 001's 20-40% promise with the numbers behind it and an SVG chart."""

from datetime import date

import pytest
from sqlalchemy import select

from searchlight.errors import InvalidInput
from searchlight.reskilling import value
from searchlight.reskilling.models import Team, ValueMeasurement
from tests.factories import log_in


def _team(db, name: str) -> Team:  # type: ignore[no-untyped-def]
    return db.scalar(select(Team).where(Team.name == name))


def _record(db, actor, team, kind, on, hours, lead_time, total=10, by_ai=0):  # type: ignore[no-untyped-def]
    return value.record_measurement(
        db_session=db, actor=actor, team=team, kind=kind, measured_on=on,
        maintenance_hours=hours, incidents_total=total, incidents_by_ai=by_ai,
        lead_time_days=lead_time)


def test_it_computes_the_saving_against_the_baseline_and_the_promise(db, plan, lena):
    team = _team(db, "Legacy Polisadministratie")
    _record(db, lena, team, "baseline", date(2026, 1, 1), 200.0, 10.0)
    _record(db, lena, team, "periodic", date(2026, 2, 1), 190.0, 9.0, by_ai=2)
    assert value.team_value(db_session=db, team=team).verdict == "below"
    _record(db, lena, team, "periodic", date(2026, 3, 1), 150.0, 8.0, by_ai=5)
    result = value.team_value(db_session=db, team=team)
    assert result.latest is not None
    assert result.latest.hours_saving == pytest.approx(0.25)
    assert result.latest.lead_time_saving == pytest.approx(0.2)
    assert result.latest.ai_share == pytest.approx(0.5)
    assert result.verdict == "within"
    _record(db, lena, team, "periodic", date(2026, 4, 1), 100.0, 8.0)
    assert value.team_value(db_session=db, team=team).verdict == "above"
    chart = value.chart(value.team_value(db_session=db, team=team))
    assert chart is not None and len(chart.hours) == 4
    assert chart.band_top < chart.band_bottom < chart.zero_y  # 40% above 20% above 0


def test_it_refuses_impossible_measurements(db, plan, lena):
    team = _team(db, "Legacy Polisadministratie")
    with pytest.raises(InvalidInput, match="baseline first"):
        _record(db, lena, team, "periodic", date(2026, 2, 1), 190.0, 9.0)
    with pytest.raises(InvalidInput, match="more than the incidents"):
        _record(db, lena, team, "baseline", date(2026, 2, 1), 190.0, 9.0, total=3, by_ai=4)
    with pytest.raises(InvalidInput, match="negative"):
        _record(db, lena, team, "baseline", date(2026, 2, 1), -1.0, 9.0)


def test_it_loads_demo_numbers_within_the_promise(db, plan):
    result = value.team_value(db_session=db, team=_team(db, "Legacy Schadesystemen"))
    assert result.latest is not None
    assert result.latest.hours_saving == pytest.approx((320 - 250) / 320)
    assert result.verdict == "within"


def test_ld_records_a_measurement_and_the_dashboard_shows_it(client, db, plan, lena):
    team = _team(db, "Legacy Polisadministratie")
    as_lena = log_in(client, db, lena)
    for kind, on, hours in (("baseline", "2026-01-05", "200"), ("periodic", "2026-03-02", "140,0")):
        response = as_lena.post(f"/reskilling/teams/{team.id}/measurements", data={
            "kind": kind, "measured_on": on, "maintenance_hours": hours,
            "incidents_total": "20", "incidents_by_ai": "6", "lead_time_days": "10"},
            follow_redirects=False)
        assert response.status_code == 303, response.text
    page = as_lena.get("/reskilling/dashboard").text
    row = page.split(f'data-team="{team.id}"')[1].split("</tr>")[0]
    assert 'data-verdict="within"' in page.split(f'data-team="{team.id}"')[1][:40]
    assert "30%" in row and "6 / 20" in row
    assert 'class="value-chart"' in page and "20%" in page and "40%" in page


def test_only_ld_and_the_teams_lead_record_measurements(client, db, plan, lena, bob, alice,
                                                         charlie):
    team = _team(db, "Legacy Polisadministratie")
    team.lead_id = bob.id
    db.flush()
    form = {"kind": "baseline", "measured_on": "2026-01-05", "maintenance_hours": "100",
            "incidents_total": "5", "incidents_by_ai": "0", "lead_time_days": "4"}
    for user in (alice, charlie):
        assert log_in(client, db, user).post(f"/reskilling/teams/{team.id}/measurements",
                                             data=form).status_code == 403
    assert log_in(client, db, bob).post(f"/reskilling/teams/{team.id}/measurements", data=form,
                                        follow_redirects=False).status_code == 303
    other = _team(db, "Legacy Schadesystemen")
    assert log_in(client, db, bob).post(f"/reskilling/teams/{other.id}/measurements",
                                        data=form).status_code == 403
    rows = db.scalars(select(ValueMeasurement).where(ValueMeasurement.team_id == team.id)).all()
    assert [r.recorded_by_id for r in rows] == [bob.id]


def test_the_value_section_speaks_dutch_with_decimal_commas(client, db, plan):
    from tests.factories import make_user

    lotte = make_user(db, "Lotte", "ld_lead", locale="nl")
    as_lotte = log_in(client, db, lotte)
    as_lotte.client.cookies.set("searchlight_locale", "nl")
    page = as_lotte.get("/reskilling/dashboard").text
    assert "Waarde: tijdwinst tegenover de belofte" in page
    assert "Nulmeting" in page and "Binnen de belofte" in page
    assert "22%" in page  # (320 - 250) / 320 of the demo team
    assert "320,0 uur" in page  # its baseline hours, with a decimal comma


def test_it_gives_a_team_lead_a_page_to_record_and_follow_the_teams_value(client, db, plan, bob,
                                                                          alice, charlie):
    team = _team(db, "Legacy Polisadministratie")
    team.lead_id = bob.id
    other = _team(db, "Legacy Schadesystemen")
    db.flush()
    as_bob = log_in(client, db, bob)
    home = as_bob.get("/").text
    assert 'id="home-my-teams"' in home and f'href="/reskilling/teams/{team.id}"' in home
    assert f'href="/reskilling/teams/{other.id}"' not in home
    empty = as_bob.get(f"/reskilling/teams/{team.id}")
    assert empty.status_code == 200 and "No baseline yet" in empty.text
    assert f'action="/reskilling/teams/{team.id}/measurements"' in empty.text
    for kind, on, hours in (("baseline", "2026-01-05", "200"), ("periodic", "2026-03-02", "150")):
        response = as_bob.post(f"/reskilling/teams/{team.id}/measurements", data={
            "kind": kind, "measured_on": on, "maintenance_hours": hours,
            "incidents_total": "8", "incidents_by_ai": "2", "lead_time_days": "5"},
            follow_redirects=False)
        assert response.headers["location"] == f"/reskilling/teams/{team.id}?recorded=1"
    page = as_bob.get(f"/reskilling/teams/{team.id}?recorded=1").text
    assert "Measurement saved." in page and "25%" in page and "Within the promise" in page
    assert 'class="value-chart"' in page
    assert "time saved: 25%" in as_bob.get("/").text
    assert as_bob.get(f"/reskilling/teams/{other.id}").status_code == 403
    for user in (alice, charlie):
        assert log_in(client, db, user).get(f"/reskilling/teams/{team.id}").status_code == 403
        assert 'id="home-my-teams"' not in log_in(client, db, user).get("/").text
