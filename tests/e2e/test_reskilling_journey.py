"""The reskilling journey in Chromium: the L&D lead enrols the demo employee in programme 4, the
employee uploads evidence for the month-1 milestone, their lead signs it off, and the cohort
dashboard and the employee's SEARCH radar move."""

from datetime import date

import pytest

from tests.e2e.conftest import open_page
from tests.screening.cvfiles import make_pdf

pytestmark = pytest.mark.e2e

EMPLOYEE = "employee@demo.searchlight.local"
LEAD = "manager@demo.searchlight.local"
LD = "ld@demo.searchlight.local"
COHORT = "E2E voorjaar"


def _as(browser, live_server, email):  # type: ignore[no-untyped-def]
    page = open_page(browser, live_server, email=email, language="en")
    return page.context, page


def _cohort_done(page) -> str:  # type: ignore[no-untyped-def]
    page.goto("/reskilling/dashboard")
    row = page.locator("table.cohort-progress tr", has_text=COHORT)
    return row.locator(".milestones-done").inner_text()


def test_enrol_upload_sign_off_and_see_progress(browser, live_server, tmp_path):  # type: ignore[no-untyped-def]
    ld_context, ld = _as(browser, live_server, LD)
    assert ld.locator('nav a[href="/reskilling"]').count() == 1
    ld.goto("/reskilling/cohorts")
    ld.select_option("#programme", "p4:standard")
    ld.locator("#name").fill(COHORT)
    ld.locator("#start_date").fill(date.today().isoformat())
    ld.get_by_role("button", name="Start cohort").click()
    ld.wait_for_url("**/reskilling/cohorts/*")
    ld.select_option("#employee", EMPLOYEE)
    ld.select_option("#lead", LEAD)
    ld.get_by_role("button", name="Enrol", exact=True).click()
    ld.wait_for_url("**enrolled=1")
    assert "Emre Medewerker" in ld.locator("#members-heading + table").inner_text()
    assert _cohort_done(ld) == "0 of 3"

    employee_context, employee = _as(browser, live_server, EMPLOYEE)
    employee.locator('nav a[href="/development"]').click()
    assert "Three-month preparation programme" in employee.locator("main").inner_text()
    assert employee.locator("polygon.radar-current").count() == 0
    evidence = tmp_path / "use-case-canvas.pdf"
    evidence.write_bytes(make_pdf(["AI use case canvas", "Claims triage with an agent."]))
    form = employee.locator("form[action$='/evidence']")
    form.locator("input[name=title]").fill("Use case canvas: claims triage")
    form.locator("select[name=kind]").select_option("prompt_library")
    form.locator("select[name=link]").select_option(label="Month 1 · AI use case canvas")
    form.locator("input[name=file]").set_input_files(str(evidence))
    form.locator("input[name=self_rating]").fill("3")
    form.locator("textarea[name=self_assessment]").fill("Three use cases, one worked out.")
    form.get_by_role("button", name="Add evidence").click()
    employee.wait_for_url("**added=1**")
    item = employee.locator("li.evidence", has_text="Use case canvas: claims triage")
    assert "waiting for review" in item.inner_text()
    assert "use-case-canvas.pdf" in item.inner_text()

    lead_context, lead = _as(browser, live_server, LEAD)
    panel = lead.locator("section.home-panel", has_text="People you lead")
    assert "Use case canvas: claims triage" in panel.inner_text()
    panel.get_by_role("link", name="Use case canvas: claims triage").click()
    review = lead.locator("li.evidence", has_text="Use case canvas: claims triage")
    review.locator("input[name=rating]").fill("4")
    review.locator("textarea[name=comment]").fill("Clear canvas; next time add the costs.")
    review.get_by_role("button", name="Sign off").click()
    lead.wait_for_load_state()
    assert "signed off" in lead.locator("li.evidence", has_text="claims triage").inner_text()

    assert _cohort_done(ld) == "1 of 3"
    employee.goto("/development")
    radar = employee.locator("polygon.radar-current")
    assert radar.count() == 1
    assert set(radar.get_attribute("points").split()) != {"130.0,130.0"}
    assert "Clear canvas; next time add the costs." in employee.locator("main").inner_text()
    for context in (ld_context, employee_context, lead_context):
        context.close()
