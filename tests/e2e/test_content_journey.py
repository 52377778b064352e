"""The recruiter's content journey in Chromium, in Dutch and offline: generate a vacancy text
for the ML Engineer, see an inclusive-language finding marked with its suggestion, edit and
approve the text, and download the role card PDF."""

import pypdfium2 as pdfium
import pytest

from tests.e2e.conftest import log_in, use_language

pytestmark = pytest.mark.e2e


def test_it_generates_checks_edits_approves_and_downloads_the_role_card(page):
    log_in(page, "recruiter@demo.searchlight.local")
    use_language(page, "nl")
    page.goto("/content")
    page.select_option("#generate-role", "ml-engineer")
    page.select_option("#generate-kind", "vacancy")
    page.select_option("#generate-language", "nl")
    page.get_by_role("button", name="Concept genereren").click()
    page.wait_for_url("**/content/texts/*")
    assert page.locator("#engine").inner_text() == "offline"

    mark = page.locator("#preview mark.finding-age").first
    assert "jong en dynamisch team" in mark.inner_text()
    assert "een gemotiveerd team" in mark.get_attribute("title")
    findings = page.locator("#findings-heading + ol.findings")
    assert "een gemotiveerd team" in findings.inner_text()
    page.locator("#preview mark.finding-age + a.finding-ref").first.focus()  # keyboard
    assert "Leeftijd" in page.evaluate("document.activeElement.getAttribute('aria-label')")

    body = page.locator("#body")
    body.fill(body.input_value().replace("Een jong en dynamisch team", "Een betrokken team"))
    page.locator("#change_note").fill("Inclusiever: geen leeftijd")
    page.get_by_role("button", name="Opslaan als nieuwe versie").click()
    page.wait_for_url("**saved=2")
    assert page.locator("#preview mark.finding-age").count() == 0
    assert "Een betrokken team" in page.locator("#preview").inner_text()

    page.locator("#approve").click()
    page.wait_for_load_state()
    assert "Goedgekeurd" in page.locator("h1").inner_text()

    with page.expect_download() as download_info:
        page.locator("#role-card-link").click()
    download = download_info.value
    assert download.suggested_filename == "functiekaart-ml-engineer-nl.pdf"
    document = pdfium.PdfDocument(download.path())
    text = "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    assert "Functiekaart" in text and "Machine Learning Engineer" in text
    assert "SEARCH-profiel" in text and "Wervingsproces" in text


def test_it_fits_the_editor_on_a_phone(page):
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, "recruiter@demo.searchlight.local")
    page.goto("/content/check")
    page.locator("#check-text").fill("Wij zoeken een digital native voor ons jonge team (m/v).")
    page.locator("form.panel button.primary").click()
    page.locator("#preview mark.finding").first.wait_for()
    assert page.locator("#preview mark.finding").count() == 3
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.goto("/content")
    page.select_option("#generate-role", "prompt-engineer")
    page.select_option("#generate-kind", "social")
    page.locator("#generate-heading + p + form button.primary").click()
    page.wait_for_url("**/content/texts/*")
    assert "LinkedIn" in page.locator("#preview").inner_text()
    for url in (page.url, "/content", "/content/organisation", "/content/intake"):
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, url
