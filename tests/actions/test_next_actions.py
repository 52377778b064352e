"""Next best action: the rules on facts made by hand, and the suggestions of a real pipeline.
alice (recruiter) sees and decides on every role's suggestions, bob (hiring manager) only on his
roles', charlie (employee) gets none; decisions are recorded and hide a suggestion."""

import json
from datetime import timedelta

from sqlalchemy import select
from typer.testing import CliRunner

from searchlight.actions.models import ActionDecision
from searchlight.actions.suggest import (
    IdleChannel,
    Limits,
    PoolMatch,
    RoleFacts,
    Silent,
    Waiting,
    suggest,
)
from searchlight.cli import build_app
from searchlight.db import utcnow
from searchlight.governance.models import AuditEntry
from tests.candidates.factories import apply, make_candidate, make_role


def test_it_suggests_each_rule_with_its_reason():
    found = suggest(
        roles=[RoleFacts("ml", "ML Engineer", "high", ("Xomnia",), 2, 7),
               RoleFacts("pe", "Prompt Engineer", "low", (), 0)],
        waiting=[Waiting(1, 11, "Candidate #00001", "ml", "Interview", 9, 72.0),
                 Waiting(2, 12, "Candidate #00002", "ml", "Interview", 9, 40.0),
                 Waiting(3, 13, "Candidate #00003", "ml", "Interview", 2, 90.0)],
        silent=[Silent(1, 11, "Candidate #00001", "ml", 8, "2026-01-01T10:00")],
        idle=[IdleChannel("github", "GitHub", 45)],
        pool_matches=[PoolMatch(14, "Sanne", "Alumni", "pe", "Prompt Engineer", 65.0),
                      PoolMatch(15, "Kees", "Alumni", "pe", "Prompt Engineer", 30.0)],
        limits=Limits(wait_days=5, message_days=7))
    kinds = [s.kind for s in found]
    assert kinds == ["scarce_profile", "no_message", "waiting", "talent_pool_match",
                     "inclusive_language", "idle_channel"]
    texts = {s.kind: s.text() for s in found}
    assert "Xomnia" in texts["scarce_profile"] and "9 days" in texts["waiting"]
    assert "limit is 7" in texts["no_message"] and "GitHub" in texts["idle_channel"]
    assert "Sanne" in texts["talent_pool_match"] and "2 inclusive" in texts["inclusive_language"]


def _pipeline(db, bob):  # type: ignore[no-untyped-def]
    mine, other = make_role(db, "ml-engineer", manager=bob), make_role(db, "prompt-engineer")
    quiet = apply(db, make_candidate(db, "Quiet Quinten", source="github"), mine, "screened")
    theirs = apply(db, make_candidate(db, "Other Olga"), other, "screened")
    for application in (quiet, theirs):
        application.created_at = utcnow() - timedelta(days=10)
        application.candidate.created_at = utcnow() - timedelta(days=40)
    db.commit()
    return quiet, theirs




def test_it_lets_alice_see_decide_and_snooze(as_alice, db, alice, bob):
    quiet, _ = _pipeline(db, bob)
    page = as_alice.get("/next-actions")
    assert page.status_code == 200
    assert "Quiet Quinten has had no message for 10 days" in page.text
    assert "GitHub brought no applicants in 30 days" in page.text
    key = f"message:{quiet.id}:"
    full_key = next(k for k in _cli_keys() if k.startswith(key))
    answer = as_alice.post("/next-actions/decide", data={"key": full_key, "decision": "snoozed",
                                                         "days": "3"}, follow_redirects=False)
    assert answer.status_code == 303
    assert "Quiet Quinten has had no message" not in as_alice.get("/next-actions").text
    decision = db.scalars(select(ActionDecision)).one()
    assert decision.decision == "snoozed" and decision.user_id == alice.id
    assert db.scalars(select(AuditEntry).where(AuditEntry.action == "next_action.snoozed")).one()
    decision.snoozed_until = utcnow() - timedelta(minutes=1)  # the snooze has ended
    db.commit()
    assert "Quiet Quinten has had no message" in as_alice.get("/").text
    as_alice.post("/next-actions/decide", data={"key": full_key, "decision": "done"})
    assert full_key not in _cli_keys()


def test_it_follows_alices_own_limit(as_alice, db, alice, bob):
    _pipeline(db, bob)
    as_alice.post("/next-actions/limits", data={"wait_days": "5", "message_days": "14"})
    assert "has had no message" not in as_alice.get("/next-actions").text
    assert as_alice.post("/next-actions/limits", data={"wait_days": "0",
                                                       "message_days": "7"}).status_code == 422


def test_it_shows_bob_only_his_roles_and_refuses_a_decision_on_others(as_bob, db, alice, bob):
    _, theirs = _pipeline(db, bob)
    page = as_bob.get("/next-actions", headers={"Accept-Language": "nl"})
    assert "Quiet Quinten" in page.text and "Other Olga" not in page.text
    assert "GitHub" not in page.text  # channels are for recruiters
    assert "heeft al 10 dagen geen bericht gehad" in page.text
    other_key = next(k for k in _cli_keys() if k.startswith(f"message:{theirs.id}:"))
    answer = as_bob.post("/next-actions/decide", data={"key": other_key, "decision": "done"})
    assert answer.status_code == 404
    assert db.scalars(select(ActionDecision)).first() is None
    assert as_bob.get("/next-actions?role=prompt-engineer").status_code == 403


def test_it_refuses_charlie(as_charlie, db, alice, bob):
    _pipeline(db, bob)
    assert as_charlie.get("/next-actions").status_code == 403
    assert as_charlie.post("/next-actions/decide", data={"key": "x", "decision": "done"}
                           ).status_code == 403


def test_it_prints_the_suggestions_of_one_role_as_json(db, bob):
    _pipeline(db, bob)
    result = CliRunner().invoke(build_app(), ["next-actions", "--role", "ml-engineer",
                                              "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [row["kind"] for row in rows] == ["no_message"]
    assert rows[0]["values"]["candidate"] == "Quiet Quinten" and rows[0]["role"] == "ml-engineer"


def _cli_keys() -> list[str]:
    result = CliRunner().invoke(build_app(), ["next-actions", "--format", "json"])
    return [row["key"] for row in json.loads(result.stdout)]
