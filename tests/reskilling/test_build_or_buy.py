"""Build or buy: for a role, employees on their way and screened external candidates side by side
on the same SEARCH scale, with expected time to readiness; only L&D (and admin) see it."""

from datetime import date

from sqlalchemy import select

from searchlight.config import get_settings
from searchlight.jobs import run_due_work
from searchlight.reskilling import buildbuy, development
from searchlight.screening.models import ScreeningResult
from tests.factories import log_in

NAME = "Ingeborg Vantongeren"
CV = f"""{NAME}
AI Product Builder
ingeborg@example.org

Experience
2019 - 2024 Product engineer at Coastline Freight
Built LLM features with Python, prompt engineering and retrieval (RAG); ran user tests and
evaluations of the assistants, shipped prototypes with Streamlit and worked with stakeholders.
"""


def _screen(client, db, alice) -> ScreeningResult:  # type: ignore[no-untyped-def]
    recruiter = log_in(client, db, alice)
    response = recruiter.post("/screening/batches", data={"role_key": "ai-product-builder"},
                              files=[("files", ("cv.txt", CV.encode(), "text/plain"))],
                              follow_redirects=False)
    assert response.status_code == 303, response.text
    run_due_work()
    return db.scalars(select(ScreeningResult)).one()


def test_it_sets_employees_beside_candidates_on_one_scale(client, db, enrolment, charlie, bob,
                                                           lena, alice):
    result = _screen(client, db, alice)
    found = buildbuy.compare(db_session=db, user=lena, role_key="ai-product-builder",
                             today=date.today())
    [employee] = found.internal
    [candidate] = found.external
    assert employee.user_id == charlie.id and employee.overall is None
    assert employee.gaps == len(found.weights)
    # Not at the level: ready when programme 4's calendar ends, some 6 weeks from now.
    assert employee.ready_by is not None and 1.0 < employee.months_to_ready < 2.5
    assert candidate.overall == result.overall and candidate.label == "#1"
    assert candidate.months_to_ready == (buildbuy.HIRING_MONTHS + buildbuy.PREPARATION_MONTHS
                                         if candidate.gaps else buildbuy.HIRING_MONTHS)
    # Signed-off evidence gives the employee scores on the same 0-100 scale.
    item = development.add_evidence(
        db_session=db, actor=charlie, enrolment=enrolment, kind="repository", title="Canvas",
        url="https://git.example.org/canvas",
        milestone_id=enrolment.cohort.programme.milestones[0].id, settings=get_settings())
    development.review_evidence(db_session=db, reviewer=bob, evidence=item, rating=5,
                                comment="ok")
    [employee] = buildbuy.compare(db_session=db, user=lena, role_key="ai-product-builder",
                                  today=date.today()).internal
    assert employee.overall is not None and 0 < employee.overall <= 100


def test_ld_sees_the_page_without_candidate_names_and_others_get_403(
        client, db, enrolment, charlie, bob, lena, alice, eve):
    _screen(client, db, alice)
    page = log_in(client, db, lena).get("/reskilling/roles/ai-product-builder/build-or-buy")
    assert page.status_code == 200
    assert page.text.count('data-kind="internal"') == 1
    assert page.text.count('data-kind="external"') == 1
    assert "Charlie" in page.text and "Candidate #1" in page.text
    assert "Ingeborg" not in page.text and "Vantongeren" not in page.text
    for user in (alice, bob, charlie, eve):
        response = log_in(client, db, user).get(
            "/reskilling/roles/ai-product-builder/build-or-buy")
        assert response.status_code == 403, user.full_name
    assert log_in(client, db, lena).get(
        "/reskilling/roles/no-such-role/build-or-buy").status_code == 404


def test_the_overview_links_each_track_role_to_build_or_buy(client, db, plan, lena):
    page = log_in(client, db, lena).get("/reskilling").text
    for key in ("ai-maintenance-engineer", "ai-product-builder", "migration-analyst"):
        assert f"/reskilling/roles/{key}/build-or-buy" in page


def test_the_page_speaks_dutch(client, db, enrolment):
    from tests.factories import make_user

    lotte = make_user(db, "Lotte", "ld_lead", locale="nl")
    as_lotte = log_in(client, db, lotte)
    as_lotte.client.cookies.set("searchlight_locale", "nl")
    page = as_lotte.get("/reskilling/roles/ai-product-builder/build-or-buy")
    assert page.status_code == 200
    assert "Opleiden of aantrekken" in page.text
    assert "Opleiden: medewerker in een programma" in page.text
