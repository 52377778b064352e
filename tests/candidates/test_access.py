"""Who sees which candidates: alice (recruiter) all of them, bob (hiring manager) only those who
applied to his roles, charlie (employee) none."""

from sqlalchemy import select

from searchlight.candidates.service import get_candidate_for_user
from searchlight.errors import Forbidden
from searchlight.governance.models import AuditEntry
from tests.candidates.factories import apply, make_candidate, make_role


def test_it_shows_alice_every_candidate_and_lets_her_edit(as_alice, db):
    candidate = make_candidate(db, "Jan de Vries", location="Utrecht")
    db.commit()
    assert "Jan de Vries" in as_alice.get("/candidates").text
    page = as_alice.get(f"/candidates/{candidate.id}")
    assert page.status_code == 200 and "Utrecht" in page.text
    response = as_alice.post(f"/candidates/{candidate.id}/edit",
                             data={"full_name": "Jan de Vries", "location": "Amersfoort"},
                             follow_redirects=False)
    assert response.status_code == 303
    db.refresh(candidate)
    assert candidate.location == "Amersfoort"
    entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "candidate.updated")).one()
    assert entry.changes["fields"] == ["email", "location"]
    assert "Amersfoort" not in str(entry.changes)  # personal data stays out of the audit log


def test_it_shows_bob_only_candidates_of_his_roles(as_bob, db, bob):
    mine, other = make_role(db, "ml-engineer", manager=bob), make_role(db, "prompt-engineer")
    visible = make_candidate(db, "Visible Vera")
    hidden = make_candidate(db, "Hidden Henk")
    unapplied = make_candidate(db, "Nobody Nina")
    apply(db, visible, mine)
    apply(db, hidden, other)
    db.commit()
    listing = as_bob.get("/candidates").text
    assert "Visible Vera" in listing
    assert "Hidden Henk" not in listing and "Nobody Nina" not in listing
    assert as_bob.get(f"/candidates/{visible.id}").status_code == 200
    assert as_bob.get(f"/candidates/{hidden.id}").status_code == 403
    assert as_bob.get(f"/candidates/{unapplied.id}").status_code == 403
    assert as_bob.get("/board/ml-engineer").status_code == 200
    assert as_bob.get("/board/prompt-engineer").status_code == 403


def test_it_does_not_let_bob_edit_candidates(as_bob, db, bob):
    candidate = make_candidate(db)
    apply(db, candidate, make_role(db, manager=bob))
    db.commit()
    assert as_bob.get(f"/candidates/{candidate.id}/edit").status_code == 403
    response = as_bob.post(f"/candidates/{candidate.id}/edit", data={"full_name": "Changed"})
    assert response.status_code == 403
    db.refresh(candidate)
    assert candidate.full_name == "Jan de Vries"


def test_it_refuses_charlie_any_candidate(as_charlie, db):
    candidate = make_candidate(db)
    db.commit()
    assert as_charlie.get("/candidates").status_code == 403
    assert as_charlie.get(f"/candidates/{candidate.id}").status_code == 403
    assert as_charlie.get("/board").status_code == 403
    refusals = db.scalars(select(AuditEntry).where(AuditEntry.action == "access.denied")).all()
    assert len(refusals) == 3


def test_it_checks_permission_before_looking_the_candidate_up(db, charlie):
    try:
        get_candidate_for_user(db_session=db, user=charlie, candidate_id=123456)
    except Forbidden as refusal:
        assert refusal.permission == "candidates:read"
    else:
        raise AssertionError("charlie must be refused")


def test_it_says_not_found_for_a_missing_candidate(as_alice):
    response = as_alice.get("/api/candidates/999999")
    assert response.status_code == 404 and response.json()["error"] == "not_found"
