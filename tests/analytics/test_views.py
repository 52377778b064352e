"""Who sees which analytics: alice (recruiter) all roles, bob (hiring manager) his own roles,
charlie (employee) none; the CSV exports and the command line give the same numbers."""

import csv
import io
import json

from sqlalchemy import select
from typer.testing import CliRunner

from searchlight.candidates import pipeline
from searchlight.cli import build_app
from searchlight.governance.models import AuditEntry
from tests.candidates.factories import apply, make_candidate, make_role


def _pipeline(db, alice, bob):  # type: ignore[no-untyped-def]
    mine, other = make_role(db, "ml-engineer", manager=bob), make_role(db, "prompt-engineer")
    for index, stages in enumerate([["screened", "interview"], ["screened"], []]):
        application = apply(db, make_candidate(db, f"Person {index}", source="linkedin"), mine)
        for stage in stages:
            pipeline.move_stage(db_session=db, actor=alice, application=application,
                                to_stage=stage)
    apply(db, make_candidate(db, "Other Olga", source="xomnia"), other)
    db.commit()
    return mine, other


def test_it_shows_alice_the_funnel_of_every_role(as_alice, db, alice, bob):
    _pipeline(db, alice, bob)
    page = as_alice.get("/analytics")
    assert page.status_code == 200
    assert "Funnel" in page.text and "LinkedIn" in page.text and "Xomnia" in page.text
    rows = list(csv.reader(io.StringIO(as_alice.get("/analytics/funnel.csv").text)))
    reached = {row[0]: row[1] for row in rows[1:]}
    assert reached["applied"] == "4" and reached["screened"] == "2"
    assert reached["interview"] == "1"


def test_it_shows_bob_only_his_roles(as_bob, db, alice, bob):
    _, other = _pipeline(db, alice, bob)
    page = as_bob.get("/analytics")
    assert page.status_code == 200 and "Xomnia" not in page.text
    sources = list(csv.reader(io.StringIO(as_bob.get("/analytics/sources.csv").text)))
    assert [row[0] for row in sources[1:]] == ["LinkedIn"]
    assert as_bob.get("/analytics?role=ml-engineer").status_code == 200
    refused = as_bob.get(f"/analytics?role={other.key}")
    assert refused.status_code == 403
    assert db.scalars(select(AuditEntry).where(AuditEntry.action == "access.denied")).first()


def test_it_refuses_charlie(as_charlie):
    assert as_charlie.get("/analytics").status_code == 403
    assert as_charlie.get("/analytics/sources.csv").status_code == 403


def test_it_shows_a_clear_message_for_a_wrong_period(as_alice, db, alice, bob):
    _pipeline(db, alice, bob)
    page = as_alice.get("/analytics?since=2026-05-01&until=2026-01-01")
    assert page.status_code == 200 and "after its end" in page.text


def test_it_speaks_dutch(as_alice, db, alice, bob):
    _pipeline(db, alice, bob)
    page = as_alice.get("/analytics", headers={"Accept-Language": "nl"})
    assert "Recruitmentanalyse" in page.text and "Gescreend" in page.text


def test_it_prints_the_funnel_and_sources_as_json(db, alice, bob):
    _pipeline(db, alice, bob)
    runner = CliRunner()
    result = runner.invoke(build_app(), ["analytics", "funnel", "--role", "ml-engineer",
                                         "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    stages = {row["stage"]: row for row in data["stages"]}
    assert data["applications"] == 3 and stages["applied"]["reached"] == 3
    assert stages["applied"]["conversion"] == round(2 / 3, 4)
    sources = json.loads(runner.invoke(build_app(), ["analytics", "sources", "--format",
                                                     "json"]).stdout)
    assert {row["source"]: row["applicants"] for row in sources} == {"LinkedIn": 3, "Xomnia": 1}


def test_it_says_so_in_one_line_for_an_unknown_role(db):
    result = CliRunner().invoke(build_app(), ["analytics", "funnel", "--role", "nope"])
    assert result.exit_code == 1 and "Traceback" not in result.output
