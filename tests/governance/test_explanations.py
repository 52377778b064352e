"""Explanations of decisions on a candidate and contests: alice (recruiter) sees and records
them, bob (hiring manager) decided the rejection and so may not review it, dora (admin) reviews,
charlie (employee) sees nothing."""

import pytest
from sqlalchemy import select

from searchlight.candidates import pipeline
from searchlight.config import get_settings
from searchlight.governance.models import AuditEntry, DecisionReview
from searchlight.screening.batches import create_batch
from searchlight.screening.jobs import screen_batch
from searchlight.screening.models import ScreeningResult
from tests.factories import log_in
from tests.screening.cvfiles import make_cv, make_pdf
from tests.screening.factories import ML_PROFILE, make_role

REASON = "Too little experience with models in production."


@pytest.fixture
def rejected(db, alice, bob):  # type: ignore[no-untyped-def]
    """A screened CV for bob's role, moved into the pipeline and rejected by bob."""
    role = make_role(db, {**ML_PROFILE, "key": "explained-role"})
    role.hiring_manager_id = bob.id
    batch = create_batch(db_session=db, role=role, actor=alice, settings=get_settings(),
                         uploads=[("cv.pdf", make_pdf(make_cv("en", seed=31).paragraphs))])
    db.commit()
    screen_batch(batch.id)
    result = db.scalars(select(ScreeningResult).where(ScreeningResult.role_id == role.id)).one()
    application = pipeline.apply_to_role(db_session=db, actor=alice, candidate=result.candidate,
                                         role=role, stage_key="applied")
    change = pipeline.move_stage(db_session=db, actor=bob, application=application,
                                 to_stage="rejected", reason=REASON)
    db.commit()
    return result, change


def test_it_explains_the_recommendation_and_the_rejection(as_alice, rejected):  # type: ignore[no-untyped-def]
    result, change = rejected
    page = as_alice.get(f"/candidates/{result.candidate_id}/explanation")
    assert page.status_code == 200
    for text in ("Screening recommendation", "Pipeline decision", "The role of AI",
                 "Criteria met", "Criteria missed", "Bob", REASON,
                 "No one yet: this is a recommendation, not a decision"):
        assert text in page.text
    found = as_alice.get(f"/api/candidates/{result.candidate_id}/explanation").json()
    by_kind = {item["decision"].split(":")[0]: item for item in found}
    stage, screening = by_kind["stage"], by_kind["screening"]
    assert stage["decision"] == f"stage:{change.id}" and stage["decided_by"] == "Bob"
    assert stage["reason"] == REASON and "Rejected" in stage["outcome"]
    assert screening["decided_by"] is None and "engine" in " ".join(screening["role_of_ai"])
    assert screening["criteria_met"] and all(c["evidence"] for c in screening["criteria_met"])
    assert screening["criteria_missed"]
    assert stage["criteria_met"] == screening["criteria_met"]  # what the decider had before them


def test_a_contest_starts_a_logged_re_review_by_someone_else(
        client, db, as_alice, alice, bob, dora, rejected):  # type: ignore[no-untyped-def]
    result, change = rejected
    candidate_id = result.candidate_id
    response = as_alice.post(f"/candidates/{candidate_id}/contests", data={
        "kind": "stage", "decision_id": str(change.id), "reason": "I have run models for years."},
        follow_redirects=False)
    assert response.status_code == 303
    review = db.scalars(select(DecisionReview)).one()
    assert (review.status, review.decision_kind, review.decision_id) == ("open", "stage", change.id)
    assert review.assigned_to_id == alice.id  # the candidate's owner, else who recorded it
    entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "decision.contested")).one()
    assert "years" not in str(entry.changes)  # the candidate's words stay out of the log
    home = as_alice.get("/")
    assert "Contested decisions" in home.text and f"#review-{review.id}" in home.text

    as_bob = log_in(client, db, bob)
    refused = as_bob.post(f"/reviews/{review.id}", data={"outcome": "Still no."})
    assert refused.status_code == 403  # bob decided: someone else looks again
    as_dora = log_in(client, db, dora)
    done = as_dora.post(f"/reviews/{review.id}", data={"outcome": "Experience confirmed.",
                                                       "changed": "yes"},
                        follow_redirects=False)
    assert done.status_code == 303
    db.refresh(review)
    assert (review.status, review.changed, review.reviewed_by_id) == ("done", True, dora.id)
    assert db.scalars(select(AuditEntry).where(AuditEntry.action == "decision.reviewed")).one()
    page = as_dora.get(f"/candidates/{candidate_id}/explanation")
    assert "Experience confirmed." in page.text and "decision changed" in page.text


def test_the_api_records_a_contest_and_refuses_unknown_decisions(as_alice, rejected):  # type: ignore[no-untyped-def]
    result, _change = rejected
    url = f"/api/candidates/{result.candidate_id}/contests"
    created = as_alice.post(url, json={"kind": "screening", "decision_id": result.id,
                                       "reason": "My CV was misread."})
    assert created.status_code == 201 and created.json()["status"] == "open"
    missing = as_alice.post(url, json={"kind": "stage", "decision_id": 999_999, "reason": "x"})
    assert missing.status_code == 404


def test_only_people_who_see_the_candidate_see_the_explanation(
        client, db, charlie, dora, rejected):  # type: ignore[no-untyped-def]
    result, _change = rejected
    url = f"/candidates/{result.candidate_id}/explanation"
    assert log_in(client, db, charlie).get(url).status_code == 403
    assert log_in(client, db, dora).get(url).status_code == 200
