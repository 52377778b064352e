"""Navigation and the start page per role: each user sees only what they may open, a dashboard
of their own work, and a refused page says "no access" and why."""

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from searchlight import navigation
from searchlight.crm import service as crm_service
from searchlight.home import panels
from searchlight.screening.models import ScreeningBatch
from tests.candidates.factories import apply, make_candidate, make_role
from tests.factories import LoggedIn, log_in, make_user

NAV = re.compile(r'<nav aria-label="[^"]*">(.*?)</nav>', re.S)


def menu(page: str) -> list[str]:
    found = NAV.search(page)
    assert found, "the page has no main menu"
    return re.findall(r'<a href="([^"]+)"', found.group(1))


@pytest.fixture
def as_lena(client: TestClient, db: Session) -> LoggedIn:
    return log_in(client, db, make_user(db, "Lena", "ld_lead"))


@pytest.mark.parametrize("who", ["as_alice", "as_bob", "as_charlie", "as_dora", "as_lena"])
def test_it_opens_every_menu_entry_a_user_is_shown(request, db, who):  # type: ignore[no-untyped-def]
    user = request.getfixturevalue(who)
    home = user.get("/")
    assert home.status_code == 200
    links = menu(home.text)
    assert links, f"{who} has an empty menu"
    for link in links:
        response = user.get(link)
        assert response.status_code == 200, f"{who}: {link} gave {response.status_code}"


def test_it_shows_each_role_its_own_menu(as_alice, as_charlie, db, client):  # type: ignore[no-untyped-def]
    assert menu(as_charlie.get("/").text) == ["/skills", "/development"]
    dora = log_in(client, db, make_user(db, "Dora2", "admin"))
    admin_menu = menu(dora.get("/").text)
    assert "/audit" in admin_menu and "/admin/ai" in admin_menu
    recruiter = menu(log_in(client, db, as_alice.user).get("/").text)
    assert "/pools" in recruiter and "/audit" not in recruiter


def test_it_marks_the_current_page_in_the_menu(as_alice):  # type: ignore[no-untyped-def]
    page = as_alice.get("/candidates").text
    assert '<a href="/candidates" aria-current="page">' in page
    assert '<a href="/roles" aria-current="page">' not in page


def test_it_shows_the_recruiter_new_applications_stages_batches_and_pools(as_alice, db):  # type: ignore[no-untyped-def]
    role = make_role(db, "data-analyst")
    apply(db, make_candidate(db, "Jan de Vries"), role)
    apply(db, make_candidate(db, "Sanne Bakker"), role, stage="interview")
    pool = crm_service.create_pool(db_session=db, actor=as_alice.user, name="Later graag")
    crm_service.add_to_pool(db_session=db, actor=as_alice.user, pool=pool,
                            candidate=make_candidate(db, "Piet Peters"))
    db.add(ScreeningBatch(role_id=role.id, created_by_id=as_alice.user.id, status="running"))
    db.commit()
    page = as_alice.get("/").text
    assert "New applications" in page and "<strong>2</strong> applications" in page
    assert "Jan de Vries" in page and "Sanne Bakker" in page
    stages = dict(re.findall(r"<dt>([^<]+)</dt><dd>(\d+)</dd>", page))
    assert stages["Applied"] == "1" and stages["Interview"] == "1"
    assert 'href="/board/data-analyst"' in page and "2 applications" in page
    assert "Running screening batches" in page and "0 of 0 files read" in page
    assert 'href="/pools/' in page and "Later graag" in page and "1 candidate<" in page


def test_it_shows_the_hiring_manager_only_his_roles(as_bob, db):  # type: ignore[no-untyped-def]
    mine = make_role(db, "ml-engineer", manager=as_bob.user)
    other = make_role(db, "secret-role")
    apply(db, make_candidate(db, "Jan de Vries"), mine)
    apply(db, make_candidate(db, "Geheime Kandidaat"), other)
    db.commit()
    page = as_bob.get("/").text
    assert "Your roles" in page and 'href="/screening/roles/ml-engineer"' in page
    assert "secret-role" not in page and "Geheime Kandidaat" not in page
    assert "Jan de Vries" in page
    assert "Talent pools" not in page and "Running screening batches" not in page


def test_it_tells_a_hiring_manager_without_roles_what_to_do(as_bob):  # type: ignore[no-untyped-def]
    assert "Ask a recruiter to add you to a role" in as_bob.get("/").text


def test_it_shows_the_admin_users_audit_and_settings(as_dora, db, client):  # type: ignore[no-untyped-def]
    make_user(db, "Erik", "employee")
    db.commit()
    page = as_dora.get("/").text
    roles = dict(re.findall(r"<dt>([^<]+)</dt><dd>(\d+)</dd>", page))
    assert roles["employee"] == "1" and roles["admin"] == "1"
    assert "Audit log" in page and 'href="/admin/ai"' in page


@pytest.mark.parametrize("who", ["as_charlie", "as_lena"])
def test_it_gives_employees_and_ld_leads_a_page_of_what_is_coming(request, who):  # type: ignore[no-untyped-def]
    # Reskilling registers panels for both roles; without them the fallback shows.
    own = {key: panels._panels.pop(key) for key in list(panels._panels)
           if key.startswith("reskilling.")}
    try:
        page = request.getfixturevalue(who).get("/").text
    finally:
        panels._panels.update(own)
    assert "Your part of Searchlight is on its way" in page
    assert "New applications" not in page


def test_it_hides_the_coming_panel_once_a_domain_registers_one(as_charlie):  # type: ignore[no-untyped-def]
    panel = panels.Panel(key="test.own", template="home/_settings.html",
                         context=lambda **_: {}, roles=frozenset({"employee"}))
    panels.register(panel)
    try:
        page = as_charlie.get("/").text
    finally:
        panels._panels.pop("test.own")
    assert "Your part of Searchlight is on its way" not in page


def test_it_lets_a_domain_add_a_menu_entry_for_some_roles(as_charlie):  # type: ignore[no-untyped-def]
    navigation.register(navigation.Entry(path="/learning", label="Learning",
                                         roles=frozenset({"employee"}), order=55))
    try:
        assert menu(as_charlie.get("/").text) == ["/skills", "/development", "/learning"]
    finally:
        navigation._entries.pop("/learning")


def test_it_says_no_access_and_why_in_dutch(as_charlie, db):  # type: ignore[no-untyped-def]
    as_charlie.client.cookies.set("searchlight_locale", "nl")
    response = as_charlie.get("/candidates")
    assert response.status_code == 403
    assert "<h1>Geen toegang</h1>" in response.text
    assert "Er ging iets mis" not in response.text
    assert "medewerker" in response.text and "recruiter" in response.text


def test_it_says_why_when_the_item_is_someone_elses(as_bob, db):  # type: ignore[no-untyped-def]
    candidate = make_candidate(db, "Geheime Kandidaat")
    apply(db, candidate, make_role(db, "secret-role"))
    db.commit()
    response = as_bob.get(f"/candidates/{candidate.id}")
    assert response.status_code == 403
    assert "<h1>No access</h1>" in response.text
    assert "You can only see candidates for roles you manage." in response.text


def test_it_shows_a_dutch_page_for_an_unknown_address(as_alice):  # type: ignore[no-untyped-def]
    as_alice.client.cookies.set("searchlight_locale", "nl")
    response = as_alice.get("/bestaat-niet")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.text and "Not Found" not in response.text


def test_it_keeps_the_language_chosen_on_the_log_in_page(client, db):  # type: ignore[no-untyped-def]
    from tests.factories import PASSWORD

    user = make_user(db, "Nora", "recruiter", locale="nl")
    db.commit()
    page = client.post("/locale", data={"locale": "en", "next": "/login"})  # then shows /login
    token = client.cookies.get("searchlight_login_csrf")
    assert page.status_code == 200 and "Log in to Searchlight" in page.text and token
    response = client.post("/login", data={"email": user.email, "password": PASSWORD,
                                           "csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303
    home = client.get("/")
    assert '<html lang="en">' in home.text and "Welcome, Nora" in home.text
    db.refresh(user)
    assert user.locale == "en"


def test_it_tells_the_browser_not_to_keep_pages_with_personal_data(as_alice, db):  # type: ignore[no-untyped-def]
    candidate = make_candidate(db, "Jan de Vries", phone="06 12345678")
    db.commit()
    profile = as_alice.get(f"/candidates/{candidate.id}")
    assert "06 12345678" in profile.text
    assert profile.headers["cache-control"] == "no-store"
    assert as_alice.get("/api/candidates").headers["cache-control"] == "no-store"
    assert "no-store" not in as_alice.get("/static/app.css").headers.get("cache-control", "")


def test_it_lists_the_scorecards_a_hiring_manager_still_owes(as_bob, db):  # type: ignore[no-untyped-def]
    from searchlight.interviews import service as interviews
    from searchlight.interviews.schemas import ScorecardIn

    mine = make_role(db, "ml-engineer", manager=as_bob.user)
    other = make_role(db, "secret-role")
    waiting = apply(db, make_candidate(db, "Jan de Vries"), mine, stage="interview")
    done = apply(db, make_candidate(db, "Piet Klaar"), mine, stage="interview")
    apply(db, make_candidate(db, "Vroeg Stadium"), mine, stage="screened")
    apply(db, make_candidate(db, "Geheime Kandidaat"), other, stage="interview")
    interviews.submit_scorecard(db_session=db, actor=as_bob.user, candidate=done.candidate,
                                role=mine, data=ScorecardIn(ratings={"skills": 4},
                                                            recommendation="yes"))
    db.commit()
    page = as_bob.get("/").text
    panel = page.split('id="home-scorecards"')[1].split("</section>")[0]
    assert f'href="/candidates/{waiting.candidate_id}/interviews"' in panel
    assert "Jan de Vries" in panel
    assert "<strong>1</strong> candidate in the interview stage" in panel
    assert "Piet Klaar" not in panel and "Vroeg Stadium" not in panel
    assert "Geheime Kandidaat" not in page


def test_it_tells_a_hiring_manager_without_scorecards_due_what_will_appear(as_bob, db):  # type: ignore[no-untyped-def]
    make_role(db, "ml-engineer", manager=as_bob.user)
    db.commit()
    as_bob.client.cookies.set("searchlight_locale", "nl")
    page = as_bob.get("/").text
    assert "In te vullen scorekaarten" in page and "Er wachten geen scorekaarten op je" in page


def test_it_shows_no_scorecard_panel_to_recruiters_or_employees(as_alice, as_charlie):  # type: ignore[no-untyped-def]
    assert 'id="home-scorecards"' not in as_alice.get("/").text
    assert 'id="home-scorecards"' not in as_charlie.get("/").text
