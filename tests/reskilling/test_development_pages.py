"""The development pages over HTTP, with named users: charlie (the employee), bob (his lead),
lena (L&D), alice (a recruiter) and eve (another employee)."""

import pytest

from searchlight.reskilling import development
from tests.factories import log_in
from tests.screening.cvfiles import make_pdf


def _upload(client, enrolment, **extra):  # type: ignore[no-untyped-def]
    milestone = enrolment.cohort.programme.milestones[0]
    data = {"title": "AI use case canvas", "kind": "prompt_library",
            "link": f"milestone:{milestone.id}", "self_rating": "4",
            "self_assessment": "Shows three use cases.", **extra.pop("data", {})}
    return client.post(f"/development/enrolments/{enrolment.id}/evidence", data=data,
                       follow_redirects=False, **extra)


def test_the_employee_sees_their_plan_and_uploads_evidence(client, db, enrolment, charlie):
    as_charlie = log_in(client, db, charlie)
    page = as_charlie.get("/development")
    assert page.status_code == 200
    assert "Three-month preparation programme" in page.text
    assert "Meedraaien" not in page.text  # English page
    assert "AI use case canvas" in page.text and "missed" in page.text
    pdf = make_pdf(["Use case canvas", "Claims triage with an agent."])
    response = _upload(as_charlie, enrolment, files={"file": ("canvas.pdf", pdf,
                                                              "application/pdf")})
    assert response.status_code == 303, response.text[-2000:]
    items = development.evidence_of(db_session=db, enrolment_id=enrolment.id)
    assert [(i.file_name, i.self_rating) for i in items] == [("canvas.pdf", 4)]
    download = as_charlie.get(f"/development/evidence/{items[0].id}/file")
    assert download.content == pdf and "attachment" in download.headers["content-disposition"]


def test_a_refused_upload_says_why_and_keeps_nothing(client, db, enrolment, charlie):
    as_charlie = log_in(client, db, charlie)
    response = _upload(as_charlie, enrolment, files={"file": ("canvas.pdf", b"MZ\x90\x00exe",
                                                              "application/pdf")})
    assert response.status_code == 422
    assert development.evidence_of(db_session=db, enrolment_id=enrolment.id) == []


def test_the_lead_signs_off_and_the_radar_moves(client, db, enrolment, charlie, bob):
    as_charlie = log_in(client, db, charlie)
    _upload(as_charlie, enrolment, data={"url": "https://git.example.org/canvas"})
    item = development.evidence_of(db_session=db, enrolment_id=enrolment.id)[0]
    as_bob = log_in(client, db, bob)
    page = as_bob.get(f"/development/people/{charlie.id}")
    assert page.status_code == 200 and "Sign off" in page.text
    assert "radar-current" not in page.text
    signed = as_bob.post(f"/development/evidence/{item.id}/review",
                         data={"rating": "5", "comment": "Strong.", "decision": "sign_off"},
                         follow_redirects=False)
    assert signed.status_code == 303
    page = as_bob.get(f"/development/people/{charlie.id}")
    assert "radar-current" in page.text and "signed off" in page.text
    # Bob's own page lists the people he leads.
    assert "People you lead" in as_bob.get("/development").text


def test_the_lead_assesses_a_milestone_with_its_rubric(client, db, enrolment, charlie, bob):
    milestone = enrolment.cohort.programme.milestones[1]  # demo + walkthrough
    as_bob = log_in(client, db, bob)
    response = as_bob.post(
        f"/development/enrolments/{enrolment.id}/milestones/{milestone.id}/assess",
        data={"score_demo": "4", "score_prompts": "3", "score_reasoning": "5",
              "comment": "Nice demo.", "passed": "yes"}, follow_redirects=False)
    assert response.status_code == 303
    profile = development.profile_at(development.scores_of(db_session=db, user_id=charlie.id))
    assert (profile["results"], profile["skills"], profile["cognitive"]) == (75, 50, 100)
    as_charlie = log_in(client, db, charlie)
    assert "Nice demo." in as_charlie.get("/development").text


@pytest.mark.parametrize("who", ["alice", "eve"])
def test_others_get_403_on_an_employees_development(client, db, enrolment, charlie, who,
                                                    request):
    user = request.getfixturevalue(who)
    other = log_in(client, db, user)
    assert other.get(f"/development/people/{charlie.id}").status_code == 403
    item_page = _upload(log_in(client, db, charlie), enrolment,
                        data={"url": "https://example.org/x"})
    assert item_page.status_code == 303
    item = development.evidence_of(db_session=db, enrolment_id=enrolment.id)[0]
    other = log_in(client, db, user)
    assert other.post(f"/development/evidence/{item.id}/review",
                      data={"rating": "5", "decision": "sign_off"}).status_code == 403
    assert other.post(f"/development/enrolments/{enrolment.id}/evidence",
                      data={"title": "x", "kind": "repository", "url": "https://e.org",
                            "link": "criterion:1"}).status_code == 403


def test_ld_and_admin_see_it_and_the_recruiter_has_no_development_page(
        client, db, enrolment, charlie, lena, dora, alice):
    for user in (lena, dora):
        assert log_in(client, db, user).get(f"/development/people/{charlie.id}").status_code == 200
    assert log_in(client, db, alice).get("/development").status_code == 403


def test_the_ld_lead_starts_a_cohort_and_enrols(client, db, plan, lena, charlie, bob):
    as_lena = log_in(client, db, lena)
    assert "No cohorts yet" in as_lena.get("/reskilling/cohorts").text
    created = as_lena.post("/reskilling/cohorts", data={
        "programme": "p2:b", "name": "Najaar", "start_date": "2027-01-04",
        "holidays": "2027-04-27, 2027-05-05"}, follow_redirects=False)
    assert created.status_code == 303
    url = created.headers["location"]
    enrolled = as_lena.post(url + "/enrol", data={
        "employee": charlie.email, "lead": bob.email, "part_time_factor": "0.8",
        "target_role": "ai-maintenance-engineer"}, follow_redirects=False)
    assert enrolled.status_code == 303
    page = as_lena.get(url)
    assert "Charlie" in page.text and "Variant B" in page.text
    bad = as_lena.post("/reskilling/cohorts", data={
        "programme": "p2:b", "name": "x", "start_date": "2027-01-04", "holidays": "soon"})
    assert bad.status_code == 422
    enrolment = development.enrolments_of(db_session=db, user_id=charlie.id)[0]
    assert enrolment.cohort.holidays == ["2027-04-27", "2027-05-05"]
    assert log_in(client, db, charlie).get("/reskilling/cohorts").status_code == 403
