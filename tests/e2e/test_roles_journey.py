"""The recruiter's journey in Chromium: edit a role with HTMX rows, save a version, read the diff;
and the live skill search, in Dutch."""

import pytest

from tests.e2e.conftest import log_in, use_language

pytestmark = pytest.mark.e2e


def test_it_edits_a_role_with_the_keyboard_and_shows_the_new_version(page):
    log_in(page, "recruiter@demo.searchlight.local")
    use_language(page, "nl")
    page.goto("/roles/ml-engineer/edit")
    page.locator("#f-results-add").click()
    new_row = page.locator("[name='results.items.1.text_nl']")
    new_row.wait_for()
    # Focus moves to the new row once HTMX has settled the swap.
    page.wait_for_function(
        "document.activeElement && document.activeElement.name === 'results.items.1.text_nl'")
    page.keyboard.type("Modellen met bewezen bedrijfswaarde")
    page.locator("[name='results.items.1.text_en']").fill("Models with proven business value")
    page.locator("[name='results.items.1.skills']").fill("model deployment, waardevalidatie")
    page.locator("#f-change_note").fill("Business value")
    page.locator("[name='results.items.1.skills']").press("Enter")
    page.wait_for_url("**/roles/ml-engineer?saved=2")
    assert "versie 2" in page.locator("[role=status]").first.inner_text()
    page.get_by_text("Wijzigingen t.o.v. v1").click()
    diff = page.locator("#diff")
    diff.get_by_text("Modellen met bewezen bedrijfswaarde").wait_for()
    assert "toegevoegd" in diff.inner_text()


def test_it_shows_validation_errors_after_an_htmx_save(page):
    log_in(page, "recruiter@demo.searchlight.local")
    use_language(page, "nl")
    page.goto("/roles/prompt-engineer/edit")
    page.locator("[name='skills.items.0.text_en']").fill("")
    page.locator("button.primary").click()
    summary = page.locator("[role=alert]")
    summary.wait_for()
    assert "Vul dit in." in summary.inner_text()
    assert page.evaluate("document.activeElement.getAttribute('role')") == "alert"
    assert page.url.endswith("/roles/prompt-engineer/edit")


def test_it_searches_skills_while_typing(page):
    log_in(page, "employee@demo.searchlight.local")
    use_language(page, "nl")
    page.goto("/skills")
    page.locator("#skill-q").type("multicultur")
    page.locator("#skill-results a", has_text="Multicultureel bewustzijn").wait_for()
    assert "q=multicultur" in page.url
