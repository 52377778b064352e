from searchlight.interviews import service
from searchlight.interviews.schemas import ScorecardIn
from tests.interviews.factories import setting

FORM = {"rating_skills": "4", "rating_attitude": "3", "note_skills": "Solid Python.",
        "recommendation": "yes"}


def test_it_builds_a_kit_per_dimension_with_what_a_good_answer_shows(db, as_alice):
    role, candidate = setting(db)
    kit = service.build_kit(db_session=db, candidate=candidate, role=role)
    assert {q.dimension for q in kit} == {"skills", "experience", "attitude", "results",
                                          "cognitive", "habits"}  # no screening: all six
    assert any("PyTorch" in q.text_en for q in kit) and all(q.good_nl and q.good_en for q in kit)
    page = as_alice.get(f"/candidates/{candidate.id}/interviews")
    assert page.status_code == 200 and "A good answer shows" in page.text
    dutch = as_alice.get(f"/candidates/{candidate.id}/interviews",
                         headers={"Accept-Language": "nl"}, cookies={"locale": "nl"})
    assert "Interviewleidraad" in dutch.text


def test_it_hides_other_scorecards_until_you_submit_yours(db, as_alice, bob):
    role, candidate = setting(db, manager=bob)
    service.submit_scorecard(db_session=db, actor=bob, candidate=candidate, role=role,
                             data=ScorecardIn(ratings={"skills": 2}, recommendation="no"))
    before = as_alice.get(f"/candidates/{candidate.id}/interviews")
    assert bob.full_name not in before.text.split('id="kit-')[1]
    response = as_alice.post(f"/candidates/{candidate.id}/scorecards/{role.id}", data=FORM,
                             follow_redirects=False)
    assert response.status_code == 303
    after = as_alice.get(f"/candidates/{candidate.id}/interviews")
    assert bob.full_name in after.text and "Skills 2/5" in after.text
    again = as_alice.post(f"/candidates/{candidate.id}/scorecards/{role.id}", data=FORM,
                          follow_redirects=False)
    assert again.status_code == 409
    picture = as_alice.get(f"/candidates/{candidate.id}/search-picture")
    assert "Interview scorecards: 3.0/5" in picture.text


def test_it_refuses_a_hiring_manager_scorecards_for_other_roles(db, as_bob):
    role, candidate = setting(db)
    assert as_bob.get(f"/candidates/{candidate.id}/interviews").status_code == 403
    assert as_bob.post(f"/candidates/{candidate.id}/scorecards/{role.id}", data=FORM,
                       follow_redirects=False).status_code == 403


def test_it_refuses_an_employee_the_interview_page(db, as_charlie):
    _role, candidate = setting(db)
    assert as_charlie.get(f"/candidates/{candidate.id}/interviews").status_code == 403
    assert as_charlie.get(f"/candidates/{candidate.id}/search-picture").status_code == 403


def test_it_opens_the_search_picture_as_a_page_and_as_a_panel(db, as_alice):
    _role, candidate = setting(db)
    page = as_alice.get(f"/candidates/{candidate.id}/search-picture")
    assert page.text.lstrip().lower().startswith("<!doctype html>")  # the assessments page links it
    assert 'id="search-picture"' in page.text and f"/candidates/{candidate.id}\"" in page.text
    panel = as_alice.get(f"/candidates/{candidate.id}/search-picture",
                         headers={"HX-Request": "true"})
    assert panel.text.lstrip().startswith('<section class="panel" id="search-picture"')
