"""A visitor finds the ML Engineer vacancy on the public careers site, asks the assistant a
question and gets a quoted answer, applies with a PDF CV and consent; the recruiter sees the new
application screened on the board, and the funnel and the careers-site event counts moved."""

import csv
import io

import httpx
import pytest

from tests.e2e.conftest import VISITOR_AGENT, open_page, use_language
from tests.screening.cvfiles import make_cv, make_pdf

pytestmark = [pytest.mark.e2e, pytest.mark.runs_last]


def _event_totals(page) -> dict[str, int]:  # type: ignore[no-untyped-def]
    rows = page.request.get("/api/careers/events").json()
    totals: dict[str, int] = {}
    for row in rows:
        totals[row["event"]] = totals.get(row["event"], 0) + row["count"]
    return totals




def _funnel_applied(page) -> int:  # type: ignore[no-untyped-def]
    """How many ML Engineer applications reached "applied", from the funnel's CSV export."""
    rows = csv.reader(io.StringIO(page.request.get("/analytics/funnel.csv?role=ml-engineer")
                                  .text()))
    return next(int(row[1]) for row in rows if row and row[0] == "applied")


def test_it_takes_a_visitor_from_the_careers_site_to_a_screened_card_on_the_board(
        browser, live_server, tmp_path):  # type: ignore[no-untyped-def]
    # Nothing counted yet: the events endpoint needs a recruiter, so ask through one.
    recruiter_page = open_page(browser, live_server, email="recruiter@demo.searchlight.local",
                               locale="en-GB")
    before = _event_totals(recruiter_page)
    applied_before = _funnel_applied(recruiter_page)

    assert httpx.get(f"{live_server}/careers").status_code == 200  # no log-in needed
    page = open_page(browser, live_server, phone=True, locale="en-GB", user_agent=VISITOR_AGENT)
    page.goto("/careers")
    use_language(page, "en")
    page.get_by_role("heading", name="Working with us").wait_for()
    page.locator("#f-q").fill("machine learning")
    page.get_by_role("button", name="Show vacancies").click()
    page.get_by_role("link", name="Machine Learning Engineer").click()
    page.get_by_role("heading", name="Machine Learning Engineer", level=1).wait_for()

    page.locator("#f-question").fill("Which programming languages will I use?")
    page.get_by_role("button", name="Ask", exact=True).click()
    quote = page.locator("#assistant-answer blockquote")
    quote.wait_for(timeout=60_000)  # the first question loads the encoder in the server
    assert "Python" in quote.inner_text()
    assert "FAQ" in page.locator("#assistant-answer").inner_text()

    cv = tmp_path / "cv-careers.pdf"
    cv.write_bytes(make_pdf(make_cv("en", seed=61).paragraphs))
    page.locator("#f-full_name").fill("Robin Careers")
    page.locator("#f-email").fill("robin.careers@example.org")
    page.locator("#f-cv").set_input_files(str(cv))
    page.locator("#f-consent").check()
    page.get_by_role("button", name="Send application").click()
    page.get_by_role("heading", name="Thank you for applying").wait_for()

    recruiter_page.goto("/board/ml-engineer")
    card = recruiter_page.locator('.kanban-column[data-stage="applied"] .kanban-card',
                                  has_text="Careers site")
    card.first.wait_for()
    for _ in range(60):  # the screening job runs in the background
        if card.locator("[data-screened]").count():
            break
        recruiter_page.wait_for_timeout(1000)
        recruiter_page.reload()
    assert card.locator("[data-screened]").count() >= 1

    after = _event_totals(recruiter_page)
    for event in ("overview_view", "vacancy_view", "form_completed"):
        assert after.get(event, 0) > before.get(event, 0), event
    assert _funnel_applied(recruiter_page) == applied_before + 1
    assert not page.context.cookies()  # the careers site sets none
    page.context.close()
    recruiter_page.context.close()
