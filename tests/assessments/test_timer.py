"""When the time runs out: the page hands in by itself (what was typed, and the autosaved draft
for what was not), the server hands in the draft of a page that was closed, and the server
alone decides what is late. Also the copy button for the invitation link."""

import re
from datetime import timedelta

from sqlalchemy import select

from searchlight.assessments import service
from searchlight.assessments.jobs import due_hand_ins
from searchlight.assessments.models import AssessmentSubmission
from searchlight.config import get_settings
from searchlight.db import utcnow
from tests.assessments.factories import GOOD_ANSWERS, invited, setting
from tests.assessments.factories import challenge as library_challenge


def _started(db, alice, minutes_ago: float):  # type: ignore[no-untyped-def]
    invitation, token, _candidate = invited(db, alice)
    service.accept_notice(db_session=db, invitation=invitation, human_only=False)
    invitation.started_at = utcnow() - timedelta(minutes=minutes_ago)
    db.flush()
    return invitation, token


def _limit(invitation) -> int:  # type: ignore[no-untyped-def]
    minutes = service.document_of(invitation.challenge).time_limit_minutes
    assert minutes, "the library's prompt challenge has a time limit"
    return minutes


def test_it_takes_what_was_autosaved_when_the_page_hands_in_at_time_up(db, client, alice):
    invitation, token = _started(db, alice, minutes_ago=0)
    service.save_draft(db_session=db, invitation=invitation, answers={"1": GOOD_ANSWERS["1"]})
    db.commit()
    response = client.post(f"/a/{token}/submit",
                           data={"auto": "yes", "answer_1": "", "answer_2": "Half an answer"})
    assert response.status_code == 200 and "handed in" in response.text
    submission = db.scalar(select(AssessmentSubmission).where(
        AssessmentSubmission.invitation_id == invitation.id))
    assert submission is not None and not submission.late
    assert submission.answers == {"1": GOOD_ANSWERS["1"], "2": "Half an answer"}


def test_it_keeps_an_empty_hand_in_at_time_up_but_refuses_one_by_hand(db, client, alice):
    invitation, token = _started(db, alice, minutes_ago=0)
    db.commit()
    assert client.post(f"/a/{token}/submit", data={"answer_1": ""}).status_code == 422
    assert client.post(f"/a/{token}/submit", data={"auto": "yes"}).status_code == 200
    submission = service.submission_of(db_session=db, invitation=invitation)
    assert submission is not None and submission.answers == {"1": "", "2": ""}


def test_it_marks_a_hand_in_late_only_after_the_grace(db, client, alice):
    first, _token = _started(db, alice, minutes_ago=0)
    limit = _limit(first)
    within, within_token = _started(db, alice, minutes_ago=limit + 1)  # inside the 2-min grace
    after, after_token = _started(db, alice, minutes_ago=limit + 3)
    db.commit()
    for token in (within_token, after_token):
        client.post(f"/a/{token}/submit", data={"auto": "yes", "answer_1": "Done."})
    late = {invitation.id: service.submission_of(db_session=db, invitation=invitation).late
            for invitation in (within, after)}  # type: ignore[union-attr]
    assert late == {within.id: False, after.id: True}


def test_it_hands_in_the_draft_of_a_page_that_was_closed(db, alice):
    invitation, _token = _started(db, alice, minutes_ago=0)
    limit = _limit(invitation)
    service.save_draft(db_session=db, invitation=invitation, answers={"1": "Saved early."})
    running, _other = _started(db, alice, minutes_ago=1)  # still has time
    invitation.started_at = utcnow() - timedelta(minutes=limit + 3)
    invitation.draft_saved_at = invitation.started_at + timedelta(minutes=5)
    db.flush()
    due = due_hand_ins(db)
    assert due == [("assessments.hand_in_overdue", {"invitation_id": invitation.id})]
    submission = service.hand_in_overdue(db_session=db, invitation=invitation,
                                         settings=get_settings())
    assert submission.answers["1"] == "Saved early." and not submission.late
    assert invitation.used_at is not None and running.used_at is None
    assert due_hand_ins(db) == []
    again = service.submit(db_session=db, invitation=invitation, answers={"1": "later"},
                           settings=get_settings())
    assert again.id == submission.id  # the page's own hand-in afterwards stores nothing new


def test_it_offers_a_copy_button_with_a_script_file_and_an_announcement(db, as_alice):
    role, candidate = setting(db)
    row = library_challenge(db)
    page = as_alice.post(f"/candidates/{candidate.id}/assessments",
                         data={"challenge_id": row.id, "role_id": role.id})
    text = page.text
    assert re.search(r'<button type="button" data-copy="assessment-link" '
                     r'data-status="assessment-link-status"[^>]* hidden>Copy the link', text)
    assert 'id="assessment-link-status" role="status" aria-live="polite"' in text
    assert "Ctrl+C" in text  # the text fallback when the clipboard cannot be used
    assert '<script src="/static/copy.js" defer></script>' in text
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text)  # CSP: no inline script
    script = as_alice.get("/static/copy.js")
    assert script.status_code == 200 and "navigator.clipboard" in script.text
    assert "script-src 'self'" in page.headers.get("content-security-policy", "")


def test_it_refuses_an_autosave_after_the_time_limit_and_keeps_the_draft_saved_in_time(
        db, client, alice):
    invitation, token = _started(db, alice, minutes_ago=0)
    limit = _limit(invitation)
    client.post(f"/a/{token}/draft", data={"answer_1": "Saved in time."})
    db.refresh(invitation)
    saved_at = invitation.draft_saved_at
    assert invitation.draft["1"] == "Saved in time." and saved_at is not None
    # The clock moves on past the limit and the grace (everything stored moves back as much):
    # the page's late autosave is refused.
    moved = timedelta(minutes=limit + 3)
    invitation.started_at -= moved
    invitation.draft_saved_at = saved_at = saved_at - moved
    db.commit()
    late = client.post(f"/a/{token}/draft", data={"answer_1": "Typed after the time was up."},
                       headers={"HX-Request": "true"})
    assert late.status_code == 409 and "data-refused" in late.text
    assert "The time is up" in late.text or "De tijd is om" in late.text
    db.refresh(invitation)
    assert invitation.draft["1"] == "Saved in time." and invitation.draft_saved_at == saved_at
    # The server's own hand-in takes the draft saved in time, and it is not late.
    submission = service.hand_in_overdue(db_session=db, invitation=invitation,
                                         settings=get_settings())
    assert submission.answers["1"] == "Saved in time." and not submission.late


def test_it_still_takes_an_autosave_inside_the_grace(db, client, alice):
    invitation, token = _started(db, alice, minutes_ago=0)
    invitation.started_at = utcnow() - timedelta(minutes=_limit(invitation) + 1)
    db.commit()
    response = client.post(f"/a/{token}/draft", data={"answer_1": "Last sentence."})
    assert response.status_code == 200
    db.refresh(invitation)
    assert invitation.draft["1"] == "Last sentence."


def test_it_marks_a_hand_in_of_what_was_typed_after_the_time_late(db, client, alice):
    """The refused autosave's text still reaches the reviewer through a hand-in: marked late."""
    invitation, token = _started(db, alice, minutes_ago=0)
    invitation.started_at = utcnow() - timedelta(minutes=_limit(invitation) + 3)
    db.commit()
    assert client.post(f"/a/{token}/draft", data={"answer_1": "Late."}).status_code == 409
    client.post(f"/a/{token}/submit", data={"auto": "yes", "answer_1": "Late."})
    submission = service.submission_of(db_session=db, invitation=invitation)
    assert submission is not None and submission.late and submission.answers["1"] == "Late."
