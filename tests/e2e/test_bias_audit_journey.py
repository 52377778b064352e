"""An applicant on the careers site answers the voluntary self-identification questions from
the confirmation page (at 390 px); the auditor opens the bias audit from the menu and sees the
answer counted, with n and the impact ratios, on a phone too; a recruiter is refused."""

import pytest

from tests.e2e.conftest import PHONE, VISITOR_AGENT, open_page, use_language
from tests.screening.cvfiles import make_cv, make_pdf

pytestmark = [pytest.mark.e2e, pytest.mark.runs_last]
REPORT = "/fairness?role=ml-engineer&measure=stage:screened"


def _answers(page) -> int:  # type: ignore[no-untyped-def]
    page.goto(REPORT)
    return int(page.locator("[data-answers]").inner_text())


def test_it_counts_a_candidates_voluntary_answers_for_the_auditor_only(
        browser, live_server, tmp_path):  # type: ignore[no-untyped-def]
    audit_page = open_page(browser, live_server, email="auditor@demo.searchlight.local",
                           phone=True)
    before = _answers(audit_page)

    page = open_page(browser, live_server, phone=True, locale="en-GB", user_agent=VISITOR_AGENT)
    page.goto("/careers/ml-engineer")
    use_language(page, "en")
    cv = tmp_path / "cv-bias.pdf"
    cv.write_bytes(make_pdf(make_cv("en", seed=67).paragraphs))
    page.locator("#f-full_name").fill("Kim Selfid")
    page.locator("#f-email").fill("kim.selfid@example.org")
    page.locator("#f-cv").set_input_files(str(cv))
    page.locator("#f-consent").check()
    # The page's measurement posts events as it scrolls; on SQLite a write at the same moment
    # as the application can hit "database is locked", so let them all arrive first.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    # The server's background screening may be loading the encoder: give the answer time.
    page.get_by_role("button", name="Send application").click(timeout=90_000)
    page.get_by_role("heading", name="Thank you for applying").wait_for(timeout=90_000)
    page.get_by_role("link", name="Answer the voluntary questions").click()
    page.get_by_role("heading", name="Voluntary questions for our bias check").wait_for()
    assert "never used to assess or score you" in page.content()
    assert page.get_by_role("radio", name="Prefer not to say").count() == 3
    page.get_by_role("radio", name="Woman").check()
    page.get_by_role("radio", name="25 to 34").check()
    page.get_by_role("button", name="Send my answers").click()
    page.get_by_role("status").filter(has_text="only counted in totals").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.context.close()

    audit_page.goto("/")
    audit_page.get_by_role("link", name="Bias-audit").first.click()
    audit_page.get_by_role("heading", name="Bias-audit", level=1).wait_for()
    audit_page.select_option("#f-role", "ml-engineer")
    audit_page.select_option("#f-measure", "stage:screened")
    audit_page.get_by_role("button", name="Tonen").click()
    audit_page.wait_for_url("**measure=stage%3Ascreened**")
    assert int(audit_page.locator("[data-answers]").inner_text()) == before + 1
    gender = audit_page.locator("section.audit-category").first
    assert gender.get_by_role("heading", name="Gender").count() == 1
    woman = gender.locator("tr", has=audit_page.get_by_role("rowheader", name="Vrouw"))
    assert int(woman.locator("td").first.inner_text()) >= 1  # n
    assert "personen vergeleken" in gender.inner_text() or "persoon vergeleken" in \
        gender.inner_text()
    assert audit_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    download = audit_page.request.get("/fairness/report.csv?role=ml-engineer")
    assert download.ok and "stage:screened,selection,gender,woman," in download.text()
    audit_page.context.close()

    recruiter_page = open_page(browser, live_server, email="recruiter@demo.searchlight.local")
    assert recruiter_page.get_by_role("link", name="Bias-audit").count() == 0
    refused = recruiter_page.goto(REPORT)
    assert refused is not None and refused.status == 403
    assert recruiter_page.request.get("/fairness/report.csv?role=ml-engineer").status == 403
    recruiter_page.context.close()
