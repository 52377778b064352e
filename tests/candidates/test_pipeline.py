"""Applications move through each role's stages: history, audit, the rejection rule, and the
kanban board with its keyboard and no-JavaScript paths."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from searchlight.candidates import pipeline
from searchlight.candidates.models import Application, StageChange
from searchlight.errors import Conflict, InvalidInput
from searchlight.governance.models import AuditEntry
from tests.candidates.factories import apply, make_candidate, make_role


@pytest.fixture
def application(db):  # type: ignore[no-untyped-def]
    role = make_role(db, "ml-engineer")
    role.current_version = 3
    candidate = make_candidate(db, "Jan de Vries", source="linkedin")
    return apply(db, candidate, role)


def _audit(db, action):  # type: ignore[no-untyped-def]
    return db.scalars(select(AuditEntry).where(AuditEntry.action == action)).all()


def test_it_records_the_role_version_and_first_stage_at_apply_time(db, application):
    assert application.role_version == 3
    assert application.stage_key == "applied"
    assert [(c.from_stage, c.to_stage) for c in application.changes] == [(None, "applied")]
    with pytest.raises(Conflict):
        apply(db, application.candidate, application.role)


def test_it_moves_with_history_and_audit(as_alice, db, application):
    db.commit()
    response = as_alice.post(f"/applications/{application.id}/stage",
                             data={"stage": "interview", "next": "/board/ml-engineer"},
                             follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/board/ml-engineer?moved={application.id}"
    db.refresh(application)
    assert application.stage_key == "interview"
    change = application.changes[-1]
    assert (change.from_stage, change.to_stage, change.actor_id) == (
        "applied", "interview", as_alice.user.id)
    entry = _audit(db, "application.stage_moved")[0]
    assert entry.changes["from"] == "applied" and entry.changes["to"] == "interview"
    assert entry.actor_id == as_alice.user.id
    board = as_alice.get(response.headers["location"])
    assert "Jan de Vries moved to Interview." in board.text
    assert 'role="status"' in board.text


def test_it_refuses_charlie_a_move_and_changes_nothing(as_charlie, db, application):
    db.commit()
    before = len(db.scalars(select(AuditEntry)).all())
    response = as_charlie.post(f"/applications/{application.id}/stage",
                               data={"stage": "offer"})
    assert response.status_code == 403
    db.refresh(application)
    assert application.stage_key == "applied"
    assert len(db.scalars(select(StageChange)).all()) == 1
    new_entries = db.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()[before:]
    assert [e.action for e in new_entries] == ["access.denied"]
    assert new_entries[0].target_id == "pipeline:move"


def test_it_needs_a_reason_to_reject(as_alice, db, application):
    db.commit()
    response = as_alice.post(f"/applications/{application.id}/stage",
                             data={"stage": "rejected", "reason": "  "})
    assert response.status_code == 422
    assert "Give a reason for the rejection." in response.text
    db.refresh(application)
    assert application.stage_key == "applied"
    assert _audit(db, "application.stage_moved") == []
    with pytest.raises(InvalidInput):
        pipeline.move_stage(db_session=db, actor=as_alice.user, application=application,
                            to_stage="rejected")
    change = pipeline.move_stage(db_session=db, actor=as_alice.user, application=application,
                                 to_stage="rejected", reason="No production ML experience.")
    assert change.reason == "No production ML experience."


def test_it_moves_by_htmx_and_returns_the_board_with_an_announcement(as_alice, db, application):
    db.commit()
    response = as_alice.post(f"/applications/{application.id}/stage",
                             data={"stage": "screened"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'data-announce="Jan de Vries moved to Screened."' in response.text
    assert f'id="card-{application.id}"' in response.text and "data-focus" in response.text


def test_it_shows_the_htmx_error_on_the_board(as_alice, db, application):
    db.commit()
    response = as_alice.post(f"/applications/{application.id}/stage",
                             data={"stage": "rejected"}, headers={"HX-Request": "true"})
    assert response.status_code == 422
    assert 'role="alert"' in response.text and "Give a reason" in response.text


def test_it_shows_a_refused_move_on_the_profile_when_it_came_from_there(
        as_alice, db, application):
    db.commit()
    response = as_alice.post(f"/applications/{application.id}/stage", data={
        "stage": "rejected", "next": f"/candidates/{application.candidate_id}"})
    assert response.status_code == 422
    assert f'id="move-error-{application.id}"' in response.text


def test_it_draws_the_board_with_counts_cards_and_keyboard_forms(as_alice, db, application):
    other = apply(db, make_candidate(db, "Eva Jansen"), application.role, stage="interview")
    other.stage_entered_at -= timedelta(days=4)
    db.commit()
    page = as_alice.get("/board/ml-engineer").text
    for name in ("Sourced", "Applied", "Screened", "Assessment", "Interview", "Offer", "Hired",
                 "Rejected", "Withdrawn"):
        assert name in page
    assert 'aria-label="1 candidate"' in page
    assert "LinkedIn" in page and "4 days in stage" in page
    assert 'draggable="true"' in page and "/static/kanban.js" in page
    assert f'<label class="visually-hidden" for="move-{other.id}">Move Eva Jansen to stage' in page


def test_it_shows_the_board_in_dutch(as_alice, db, application):
    as_alice.user.locale = "nl"
    db.commit()
    as_alice.client.cookies.set("searchlight_locale", "nl")
    page = as_alice.get("/board/ml-engineer").text
    assert "Gesolliciteerd" in page and "Afgewezen" in page


def test_it_lets_a_role_add_its_own_stage(as_alice, db, application):
    db.commit()
    response = as_alice.post("/board/ml-engineer/stages", data={
        "name_en": "Tech talk", "name_nl": "Techgesprek", "before": "offer"},
        follow_redirects=False)
    assert response.status_code == 303
    keys = [s.key for s in pipeline.stages_for_role(db_session=db, role=application.role)]
    assert keys.index("tech-talk") == keys.index("offer") - 1
    stages = as_alice.get("/api/roles/ml-engineer/stages").json()
    assert {"key": "tech-talk", "name_en": "Tech talk", "name_nl": "Techgesprek",
            "position": keys.index("tech-talk"), "kind": "open"} in stages
    moved = as_alice.post(f"/applications/{application.id}/stage", data={"stage": "tech-talk"},
                          follow_redirects=False)
    assert moved.status_code == 303


def test_it_lets_bob_move_candidates_of_his_own_role_only(as_bob, db, bob):
    mine = apply(db, make_candidate(db, "Mine"), make_role(db, "ml-engineer", manager=bob))
    theirs = apply(db, make_candidate(db, "Theirs"), make_role(db, "prompt-engineer"))
    db.commit()
    assert as_bob.post(f"/applications/{mine.id}/stage", data={"stage": "interview"},
                       follow_redirects=False).status_code == 303
    assert as_bob.post(f"/applications/{theirs.id}/stage",
                       data={"stage": "interview"}).status_code == 403
    db.refresh(theirs)
    assert theirs.stage_key == "applied"


def test_it_adds_a_candidate_to_a_pipeline_from_the_profile(as_alice, db):
    make_role(db, "prompt-engineer")
    candidate = make_candidate(db)
    db.commit()
    response = as_alice.post(f"/candidates/{candidate.id}/applications",
                             data={"role_key": "prompt-engineer"}, follow_redirects=False)
    assert response.status_code == 303
    application = db.scalars(select(Application)).one()
    assert application.stage_key == "applied" and application.created_by_id == as_alice.user.id
    page = as_alice.get(f"/candidates/{candidate.id}").text
    assert "Stage history" in page and "Prompt Engineer" in page
