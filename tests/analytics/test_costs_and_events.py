"""Cost per hire from costs entered on the sources page, and the careers-site events next to
the funnel: alice (recruiter) enters costs and sees everything, bob (hiring manager) only the
costs and events of his roles, charlie (employee) may not enter a cost."""

import csv
import io
import json
from datetime import date

from sqlalchemy import select
from typer.testing import CliRunner

from searchlight.candidates import pipeline
from searchlight.careers.service import record_event
from searchlight.cli import build_app
from searchlight.crm.models import SourceCost
from searchlight.governance.models import AuditEntry
from tests.candidates.factories import apply, make_candidate, make_role

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120"


def _hired(db, alice, bob):  # type: ignore[no-untyped-def]
    mine, other = make_role(db, "ml-engineer", manager=bob), make_role(db, "prompt-engineer")
    for index in range(2):
        application = apply(db, make_candidate(db, f"Hired {index}", source="xomnia"), mine)
        for stage in ("screened", "interview", "offer", "hired"):
            pipeline.move_stage(db_session=db, actor=alice, application=application,
                                to_stage=stage)
    apply(db, make_candidate(db, "Other Olga", source="linkedin"), other)
    db.commit()
    return mine, other


def test_it_lets_alice_enter_a_cost_and_shows_the_cost_per_hire(as_alice, db, alice, bob):
    mine, _ = _hired(db, alice, bob)
    today = date.today().isoformat()
    answer = as_alice.post("/sources/costs", data={
        "source": "xomnia", "amount": "7000,50", "spent_on": today, "role": str(mine.id),
        "note": "fee"}, follow_redirects=False)
    assert answer.status_code == 303
    cost = db.scalars(select(SourceCost)).one()
    assert cost.amount_cents == 700050 and cost.role_id == mine.id
    assert db.scalars(select(AuditEntry).where(AuditEntry.action == "source_cost.created")).one()
    assert "7,000.50" in as_alice.get("/sources").text
    rows = list(csv.reader(io.StringIO(as_alice.get("/analytics/sources.csv").text)))
    xomnia = next(row for row in rows if row[0] == "Xomnia")
    assert xomnia[4] == "2" and xomnia[6] == "7000.50" and xomnia[7] == "3500.25"
    page = as_alice.get("/analytics?role=ml-engineer")
    assert "3,500" in page.text
    result = CliRunner().invoke(build_app(), ["analytics", "sources", "--format", "json"])
    assert result.exit_code == 0, result.output
    row = next(r for r in json.loads(result.stdout) if r["source"] == "Xomnia")
    assert row["cost_per_hire_cents"] == 350025


def test_it_refuses_a_wrong_amount_with_a_clear_message(as_alice, db, alice, bob):
    _hired(db, alice, bob)
    page = as_alice.post("/sources/costs", data={"source": "xomnia", "amount": "1.500.000",
                                                 "spent_on": "2026-01-01", "role": ""})
    assert page.status_code == 422 and "for example 1500" in page.text
    assert db.scalars(select(SourceCost)).first() is None


def test_it_refuses_charlie_and_bob_a_cost_entry(as_charlie, db, alice, bob):
    _hired(db, alice, bob)
    data = {"source": "xomnia", "amount": "100", "spent_on": "2026-01-01", "role": ""}
    assert as_charlie.post("/sources/costs", data=data).status_code == 403
    assert db.scalars(select(SourceCost)).first() is None


def _events(db):  # type: ignore[no-untyped-def]
    for role_key in ("ml-engineer", "ml-engineer", "prompt-engineer", ""):
        record_event(db, event="vacancy_view", role_key=role_key, user_agent=BROWSER)
    record_event(db, event="landing_view", user_agent=BROWSER)
    record_event(db, event="vacancy_view", role_key="ml-engineer", user_agent="Googlebot/2.1")
    db.commit()


def _counts(logged_in, query=""):  # type: ignore[no-untyped-def]
    text = logged_in.get(f"/analytics/events.csv{query}").text
    return {row[0]: row[2] for row in csv.reader(io.StringIO(text))}


def test_it_shows_alice_every_careers_event_next_to_the_funnel(as_alice, db, alice, bob):
    _hired(db, alice, bob)
    _events(db)
    counts = _counts(as_alice)
    assert counts["vacancy_view"] == "4" and counts["landing_view"] == "1"
    assert _counts(as_alice, "?role=prompt-engineer")["vacancy_view"] == "1"
    assert _counts(as_alice, "?since=2020-01-01&until=2020-12-31")["vacancy_view"] == "0"
    page = as_alice.get("/analytics", headers={"Accept-Language": "nl"})
    assert "<svg" in page.text and "Vacatureweergaven" in page.text
    result = CliRunner().invoke(build_app(), ["analytics", "funnel", "--format", "json"])
    assert json.loads(result.stdout)["careers_events"]["vacancy_view"] == 4


def test_it_shows_bob_the_careers_events_of_his_roles_only(as_bob, db, alice, bob):
    _hired(db, alice, bob)
    _events(db)
    counts = _counts(as_bob)
    assert counts["vacancy_view"] == "2" and counts["landing_view"] == "0"
    assert as_bob.get("/analytics/events.csv?role=prompt-engineer").status_code == 403
