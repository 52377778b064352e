"""The survey after a procedure: a single-use link by mail, anonymous answers, results per
role and per month next to the funnel, hidden below three answers. alice (recruiter) invites
and sees all roles, bob (hiring manager) sees his roles' results, charlie may not invite."""

import re

from sqlalchemy import select

from searchlight.candidates import pipeline
from searchlight.mail.models import OutboxMessage
from searchlight.survey.models import SurveyInvitation, SurveyResponse
from searchlight.survey.results import Answer, summarise
from tests.candidates.factories import apply, make_candidate, make_role


def test_it_hides_a_group_below_three_answers():
    rows = summarise([Answer("a", [5, 4, None, 2]), Answer("a", [3, 4, None, 4]),
                      Answer("a", [4, 4, None, 3]), Answer("b", [1, 1, 1, 1])], 4)
    assert rows[0].means == (4.0, 4.0, None, 3.0) and rows[0].overall == 3.67
    assert rows[1].shown is False and rows[1].means == (None, None, None, None)


def _ended(db, alice, bob, count=3):  # type: ignore[no-untyped-def]
    role = make_role(db, "ml-engineer", manager=bob)
    found = []
    for index in range(count):
        application = apply(db, make_candidate(db, f"Person {index}"), role)
        pipeline.move_stage(db_session=db, actor=alice, application=application,
                            to_stage="rejected", reason="Not enough MLOps experience.")
        found.append(application)
    open_one = apply(db, make_candidate(db, "Still Open"), role)
    db.commit()
    return role, found, open_one


def _invite(as_user, application):  # type: ignore[no-untyped-def]
    return as_user.post(f"/candidates/{application.candidate_id}/survey", data={
        "application": str(application.id), "audience": "candidate"}, follow_redirects=False)


def _link(db, application):  # type: ignore[no-untyped-def]
    body = db.scalars(select(OutboxMessage).where(
        OutboxMessage.to_address == application.candidate.email)).one().body
    return re.search(r"https?://[^/\s]+(/survey/\S+)", body).group(1)


def test_it_invites_once_and_takes_one_anonymous_answer(as_alice, client, db, alice, bob):
    role, ended, open_one = _ended(db, alice, bob)
    assert _invite(as_alice, ended[0]).status_code == 303
    assert _invite(as_alice, ended[0]).status_code == 409
    assert _invite(as_alice, open_one).status_code == 422
    link = _link(db, ended[0])
    invitation = db.scalars(select(SurveyInvitation)).one()
    assert link.split("/")[-1] not in invitation.token_hash  # only the hash is stored
    client.cookies.clear()  # the candidate has no account
    form = client.get(link)
    assert form.status_code == 200 and "Hoe duidelijk" in form.text  # the candidate's language
    done = client.post(link, data={"clarity": "4", "fairness": "5", "speed": "2",
                                   "ai_use": "3"})
    assert done.status_code == 200 and "zonder je naam" in done.text
    assert client.post(link, data={"clarity": "1"}).status_code == 409
    assert client.get(link).status_code == 410
    response = db.scalars(select(SurveyResponse)).one()
    assert (response.clarity, response.speed, response.role_id) == (4, 2, role.id)
    assert not hasattr(response, "invitation_id") and response.month.day == 1
    assert client.post("/survey/not-a-token", data={"clarity": "1"}).status_code == 404


def test_it_shows_results_next_to_the_funnel_from_three_answers(as_alice, client, db, alice,
                                                                 bob):
    _, ended, _ = _ended(db, alice, bob)
    links = []
    for application in ended:
        _invite(as_alice, application)
        links.append(_link(db, application))
    cookies = dict(client.cookies)
    client.cookies.clear()
    for link, score in zip(links[:2], ("4", "2"), strict=True):
        client.post(link, data={"clarity": score, "fairness": "4", "speed": "3", "ai_use": "5"})
    client.cookies.update(cookies)
    page = as_alice.get("/analytics?role=ml-engineer")
    assert "Candidate and hiring-manager experience" in page.text and "3.0" not in page.text
    client.cookies.clear()
    client.post(links[2], data={"clarity": "3", "fairness": "4", "speed": "3", "ai_use": "5"})
    client.cookies.update(cookies)
    page = as_alice.get("/analytics?role=ml-engineer", headers={"Accept-Language": "nl"})
    assert "Ervaring van kandidaten en hiring managers" in page.text and "3,0" in page.text


def test_it_refuses_charlie_an_invitation(as_charlie, db, alice, bob):
    _, ended, _ = _ended(db, alice, bob)
    assert _invite(as_charlie, ended[0]).status_code == 403
    assert db.scalars(select(SurveyInvitation)).first() is None


def test_it_sends_the_hiring_manager_his_own_link(as_alice, db, alice, bob):
    _, ended, _ = _ended(db, alice, bob)
    answer = as_alice.post(f"/candidates/{ended[0].candidate_id}/survey", data={
        "application": str(ended[0].id), "audience": "hiring_manager"}, follow_redirects=False)
    assert answer.status_code == 303
    message = db.scalars(select(OutboxMessage).where(OutboxMessage.to_address == bob.email)).one()
    assert message.purpose == "survey.hiring_manager" and "/survey/" in message.body
    invitation = db.scalars(select(SurveyInvitation)).one()
    assert invitation.audience == "hiring_manager" and invitation.language == bob.locale


def test_it_sends_the_survey_by_itself_days_after_the_procedure_ends_and_once(db, alice, bob):
    from datetime import timedelta

    from searchlight.db import utcnow
    from searchlight.survey.service import due_invitations, send_due

    role, ended, open_one = _ended(db, alice, bob, count=2)
    ended[0].candidate.email = None  # nobody to ask: only the hiring manager is invited
    now = utcnow()
    assert due_invitations(db_session=db, after_days=2, now=now) == []  # ended just now
    later = now + timedelta(days=2, hours=1)
    due = due_invitations(db_session=db, after_days=2, now=later)
    assert sorted((a.id, who) for a, who in due) == sorted(
        [(ended[0].id, "hiring_manager"), (ended[1].id, "candidate"),
         (ended[1].id, "hiring_manager")])
    assert all(a.id != open_one.id for a, _who in due)
    assert send_due(db_session=db, after_days=2, base_url="https://jobs.example.org",
                    now=later) == 3
    assert "https://jobs.example.org/survey/" in db.scalars(select(OutboxMessage).where(
        OutboxMessage.to_address == ended[1].candidate.email)).one().body
    assert send_due(db_session=db, after_days=2, base_url="https://x", now=later) == 0
    assert send_due(db_session=db, after_days=0, base_url="https://x", now=later) == 0
    too_late = now + timedelta(days=40)
    assert due_invitations(db_session=db, after_days=2, now=too_late) == []


def test_it_does_not_invite_twice_after_an_invitation_by_hand(as_alice, db, alice, bob):
    from datetime import timedelta

    from searchlight.db import utcnow
    from searchlight.survey.service import due_invitations

    _role, ended, _open = _ended(db, alice, bob, count=1)
    assert _invite(as_alice, ended[0]).status_code == 303
    due = due_invitations(db_session=db, after_days=2, now=utcnow() + timedelta(days=3))
    assert [who for _a, who in due] == ["hiring_manager"]
