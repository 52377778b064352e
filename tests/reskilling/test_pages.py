from searchlight.reskilling import service
from tests.factories import log_in


def test_it_shows_the_ld_lead_the_programmes_and_the_inconsistency(plan, client, db, lena):
    as_lena = log_in(client, db, lena)
    page = as_lena.get("/reskilling")
    assert page.status_code == 200
    assert "Three months to an AI role" in page.text and "To resolve" in page.text
    assert "AI Maintenance Engineer" in page.text and "Legacy Schadesystemen" in page.text
    detail = as_lena.get("/reskilling/programmes/p2")
    assert "Variant B (second phase table)" in detail.text
    assert "Closed-loop support" in detail.text or "closed-loop support" in detail.text
    p1 = as_lena.get("/reskilling/programmes/p1")
    assert "after the end of the programme" in p1.text and "Choose the duration" in p1.text


def test_it_shows_the_pages_in_dutch(plan, client, db, lena):
    lena.locale = "nl"
    as_lena = log_in(client, db, lena)
    page = as_lena.get("/reskilling/programmes/p1", headers={"Accept-Language": "nl"})
    assert "Meetmomenten" in page.text and "Zes maanden naar AI-rol" in page.text


def test_it_lets_the_ld_lead_edit_and_resolve(plan, client, db, lena):
    as_lena = log_in(client, db, lena)
    programme = service.get_programme(db_session=db, key="p1")
    milestone = programme.milestones[0]
    phase = programme.variants[0].phases[0]
    saved = as_lena.post("/reskilling/programmes/p1/milestones/" + str(milestone.id), data={
        "month": "1", "goal_nl": "Intake", "goal_en": "Intake", "form_nl": "Demo prompt + toets",
        "form_en": "Prompt demo + test"}, follow_redirects=False)
    assert saved.status_code == 303
    bad = as_lena.post(f"/reskilling/programmes/p1/phases/{phase.id}", data={
        "month_from": "2", "month_to": "1", "weeks": "4", "description_nl": "x",
        "description_en": "x"})
    assert bad.status_code == 422
    resolved = as_lena.post("/reskilling/programmes/p1/resolve", data={
        "duration_months": "6", "resolution": "Six months: prototype in 3, product in 6."},
        follow_redirects=False)
    assert resolved.status_code == 303
    db.expire_all()
    programme = service.get_programme(db_session=db, key="p1")
    assert programme.milestones[0].goal_en == "Intake"
    assert programme.variants[0].phases[0].month_to == 1
    assert programme.duration_months == 6 and not programme.has_open_inconsistency
    assert not any(m.beyond_duration for m in programme.milestones)
    edited = as_lena.post("/reskilling/programmes/p1", data={
        "title_nl": "Zes maanden", "title_en": "Six months", "summary_nl": "", "summary_en": "",
        "duration_months": "0"})
    assert edited.status_code == 422


def test_it_keeps_others_out_of_the_ld_pages(plan, client, db, alice, charlie):
    as_alice = log_in(client, db, alice)
    assert as_alice.get("/reskilling").status_code == 403
    assert as_alice.get("/reskilling/programmes/p4").status_code == 403
    as_charlie = log_in(client, db, charlie)
    assert as_charlie.get("/reskilling").status_code == 403
    # Templates are not personal: an employee may read what a programme asks.
    assert as_charlie.get("/reskilling/programmes/p4").status_code == 200
    refused = as_charlie.post("/reskilling/programmes/p4", data={
        "title_nl": "x", "title_en": "x", "duration_months": "3"})
    assert refused.status_code == 403
    assert service.get_programme(db_session=db, key="p4").title_nl != "x"
