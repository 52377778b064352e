"""Invitations and the candidate's page behind the single-use link."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from searchlight.assessments import service
from searchlight.assessments.models import AssessmentInvitation, AssessmentSubmission
from searchlight.config import get_settings
from searchlight.errors import Forbidden, InvalidInput
from searchlight.governance.models import AuditEntry
from searchlight.mail.models import OutboxMessage
from tests.assessments.factories import GOOD_ANSWERS, challenge, invited, setting

FILES_CHALLENGE = """
key: files-test
title: Hand in a file
language: en
hand_in: [text, files]
questions:
  - key: q
    text: Explain your design.
    items:
      - key: design
        dimension: skills
        levels:
          - {level: 0, description: "Nothing."}
          - {level: 2, description: "A clear design."}
"""


def _form(answers: dict[str, str]) -> dict[str, str]:
    return {f"answer_{k}": v for k, v in answers.items()}


def test_it_lets_alice_invite_and_shows_the_link_once(db, as_alice, alice):
    role, candidate = setting(db)
    row = challenge(db)
    page = as_alice.get(f"/candidates/{candidate.id}/assessments")
    assert page.status_code == 200 and row.title in page.text
    response = as_alice.post(f"/candidates/{candidate.id}/assessments",
                             data={"challenge_id": row.id, "role_id": role.id, "hours": 48})
    assert response.status_code == 201
    link = response.text.split('id="assessment-link">')[1].split("<")[0]
    token = link.rsplit("/a/", 1)[1]
    invitation = db.scalar(select(AssessmentInvitation).where(
        AssessmentInvitation.candidate_id == candidate.id))
    assert invitation is not None and invitation.token_hash != token
    assert invitation.token_hash == service.token_hash(token)
    assert token not in as_alice.get(f"/candidates/{candidate.id}/assessments").text
    mail = db.scalar(select(OutboxMessage).where(
        OutboxMessage.purpose == "assessment_invitation"))
    assert mail is not None and link in mail.body and mail.to_address == candidate.email
    entry = db.scalar(select(AuditEntry).where(AuditEntry.target_type == "assessment_invitation"))
    assert entry is not None and token not in str(entry.changes)


def test_it_lets_bob_invite_only_for_his_own_roles_and_charlie_not(db, bob, charlie):
    _invitation, _token, candidate = invited(db, bob, manager=bob)
    other_role, other = setting(db, key="other-role", name="Piet Jansen")
    with pytest.raises(Forbidden):
        service.get_candidate_for_assessments(db_session=db, user=bob, candidate_id=other.id,
                                              permission="assessments:invite")
    with pytest.raises(Forbidden):
        service.get_candidate_for_assessments(db_session=db, user=charlie,
                                              candidate_id=candidate.id)
    with pytest.raises(InvalidInput):  # not one of bob's roles
        service.invite(db_session=db, actor=bob, candidate=candidate, challenge=challenge(db),
                       role=other_role)


def test_it_refuses_the_page_to_an_employee(db, alice, as_charlie):
    _invitation, _token, candidate = invited(db, alice)
    assert as_charlie.get(f"/candidates/{candidate.id}/assessments").status_code == 403


def test_it_refuses_the_pages_to_the_wrong_people(db, alice, bob, as_bob):
    invitation, _token, candidate = invited(db, alice)  # a role without a manager
    assert as_bob.get(f"/candidates/{candidate.id}/assessments").status_code == 403
    with pytest.raises(Forbidden):
        service.get_invitation_for_user(db_session=db, user=bob, invitation_id=invitation.id)
    assert as_bob.post(f"/candidates/{candidate.id}/assessments",
                       data={"challenge_id": invitation.challenge_id}).status_code == 403


def test_it_invites_from_the_roles_assessment_page(db, as_alice, alice):
    role, candidate = setting(db, key="prompt-engineer")
    row = challenge(db)
    page = as_alice.get(f"/roles/{role.key}/assessments")
    assert page.status_code == 200 and row.title in page.text
    response = as_alice.post(f"/roles/{role.key}/assessments",
                             data={"challenge_id": row.id, "candidate_id": candidate.id})
    assert response.status_code == 201 and "/a/" in response.text


def test_it_runs_the_candidate_page_without_an_account(db, client, alice):
    invitation, token, _candidate = invited(db, alice)
    page = client.get(f"/a/{token}")
    assert page.status_code == 200 and "How AI is used" in page.text
    assert client.post(f"/a/{token}/start", data={}).status_code == 422
    client.post(f"/a/{token}/start", data={"accept": "yes", "human_only": "yes"})
    db.refresh(invitation)
    assert invitation.notice_version == service.NOTICE_VERSION and invitation.human_only
    assert invitation.started_at is not None
    page = client.get(f"/a/{token}")
    assert 'id="timer"' in page.text and "/static/assessment.js" in page.text
    assert "<script>" not in page.text
    saved = client.post(f"/a/{token}/draft", data=_form({"1": "My first thoughts"}))
    assert saved.status_code == 200 and "Draft saved" in saved.text
    db.refresh(invitation)
    assert invitation.draft["1"] == "My first thoughts"
    assert "My first thoughts" in client.get(f"/a/{token}").text  # the draft comes back
    done = client.post(f"/a/{token}/submit", data=_form(GOOD_ANSWERS))
    assert done.status_code == 200 and "handed in" in done.text
    again = client.post(f"/a/{token}/submit", data=_form({"1": "changed"}))
    assert again.status_code == 200  # a double click: the first hand-in counts
    rows = list(db.scalars(select(AssessmentSubmission).where(
        AssessmentSubmission.invitation_id == invitation.id)))
    assert len(rows) == 1 and rows[0].answers["1"] == GOOD_ANSWERS["1"]
    assert rows[0].human_only and rows[0].notice_version == service.NOTICE_VERSION
    used = client.get(f"/a/{token}")
    assert used.status_code == 410 and "cannot be used again" in used.text


def test_it_stores_one_submission_on_a_double_submit(db, alice):
    invitation, _token, _candidate = invited(db, alice)
    service.accept_notice(db_session=db, invitation=invitation, human_only=False)
    first = service.submit(db_session=db, invitation=invitation, answers=GOOD_ANSWERS,
                           settings=get_settings())
    second = service.submit(db_session=db, invitation=invitation, answers={"1": "x"},
                            settings=get_settings())
    assert first.id == second.id
    assert db.scalar(select(AssessmentSubmission.answers).where(
        AssessmentSubmission.id == first.id))["1"] == GOOD_ANSWERS["1"]


def test_it_shows_clear_pages_for_expired_and_unknown_links_in_dutch(db, client, alice):
    invitation, token, _candidate = invited(db, alice)
    invitation.expires_at -= timedelta(days=10)
    db.flush()
    expired = client.get(f"/a/{token}", headers={"Accept-Language": "nl"})
    assert expired.status_code == 410 and "verlopen" in expired.text
    assert client.get(f"/a/{token}", headers={"Accept-Language": "en"}).status_code == 410
    unknown = client.get("/a/not-a-token")
    assert unknown.status_code == 404
    assert client.post(f"/a/{token}/draft", data={}).status_code == 404


def test_it_checks_uploaded_files_like_screening(db, client, alice):
    role, candidate = setting(db)
    service.import_text(db_session=db, actor=None, text=FILES_CHALLENGE, source="t.yaml")
    row = service.get_by_key(db_session=db, key="files-test")
    invitation, token = service.invite(db_session=db, actor=alice, candidate=candidate,
                                       challenge=row, role=role)
    client.post(f"/a/{token}/start", data={"accept": "yes"})
    bad = client.post(f"/a/{token}/submit", data={"answer_q": "See my file."},
                      files={"files": ("design.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")})
    assert bad.status_code == 422
    assert db.scalar(select(AssessmentSubmission).where(
        AssessmentSubmission.invitation_id == invitation.id)) is None
    good = client.post(f"/a/{token}/submit", data={"answer_q": "See my file."},
                       files={"files": ("design.md", b"# Design\n\nA queue and a worker.\n",
                                        "text/markdown")})
    assert good.status_code == 200
    submission = db.scalar(select(AssessmentSubmission).where(
        AssessmentSubmission.invitation_id == invitation.id))
    assert submission is not None and submission.files[0]["filename"] == "design.md"
