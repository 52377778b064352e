"""The administrator checks the AI layer, switches every AI feature off and on again, in Chromium
(also at phone width)."""

import pytest

from tests.e2e.conftest import log_in, use_language

pytestmark = pytest.mark.e2e


WIDER_THAN_PAGE = """() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  return [...document.querySelectorAll("main *")]
    .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest(".table-scroll"))
    .map(e => e.tagName + "." + e.className + ": " + (e.textContent || "").slice(0, 40));
}"""


def _no_sideways_scroll(page) -> bool:  # type: ignore[no-untyped-def]
    wider = page.evaluate(WIDER_THAN_PAGE)
    assert not wider, f"wider than the page: {wider}"
    return True


def test_it_lets_the_admin_test_and_stop_the_ai(page):
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, "admin@demo.searchlight.local")
    use_language(page, "en")
    page.goto("/admin/ai")
    page.get_by_role("heading", name="AI settings").wait_for()
    assert page.get_by_text("Offline engine (templates, no AI model)").is_visible()
    assert _no_sideways_scroll(page)

    page.get_by_role("button", name="Send a test call").click()
    page.locator("#trial-result", has_text="Answer from offline (offline-templates-v1)").wait_for()
    assert page.get_by_role("cell", name="llm.selftest").first.is_visible()
    assert _no_sideways_scroll(page)

    page.get_by_label("Reason (recorded in the audit log)").fill("Browser drill")
    page.get_by_role("button", name="Switch all AI features off").click()
    try:
        page.get_by_text("AI features are off").wait_for()
        assert page.get_by_text("Browser drill").is_visible()
        page.get_by_role("button", name="Send a test call").click()
        page.locator("#trial-result", has_text="manual path").wait_for()
    finally:
        page.goto("/admin/ai")
        if page.get_by_role("button", name="Switch AI features on").count():
            page.get_by_role("button", name="Switch AI features on").click()
    page.get_by_text("AI features are on").wait_for()

    use_language(page, "nl")
    page.get_by_role("heading", name="AI-instellingen").wait_for()
    assert _no_sideways_scroll(page)
