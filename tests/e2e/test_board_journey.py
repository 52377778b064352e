"""The kanban board in Chromium: moving a card with the keyboard, by dragging (a rejection asks
for its reason first), and without JavaScript. Screen readers hear each result."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e
RECRUITER = "recruiter@demo.searchlight.local"
# Playwright's mouse drag is unreliable for HTML5 drag and drop in a scrolling board, so the
# events a browser fires for a drag are dispatched directly: the handlers are what is tested.
DRAG = """([cardId, stage]) => {
  const card = document.getElementById(cardId);
  const column = document.querySelector(`section[data-stage="${stage}"]`);
  const data = new DataTransfer();
  const fire = (target, type) => target.dispatchEvent(
    new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: data}));
  fire(card, "dragstart"); fire(column, "dragover"); fire(column, "drop"); fire(card, "dragend");
}"""


def _first_card(tab, stage: str):  # type: ignore[no-untyped-def]
    return tab.locator(f'section[data-stage="{stage}"] .kanban-card').first


def _live(tab) -> str:  # type: ignore[no-untyped-def]
    return tab.locator("#live-region").inner_text()


def test_it_moves_a_card_with_the_keyboard_and_announces_it(page):
    log_in(page, RECRUITER)
    page.goto("/board/ml-engineer")
    card = _first_card(page, "applied")
    card_id, name = card.get_attribute("id"), card.locator("a").first.inner_text()
    card.locator("select").focus()
    card.locator("select").select_option("screened")
    card.locator("button").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#live-region")).to_have_text(f"{name} verplaatst naar Gescreend.")
    assert page.evaluate("document.activeElement.id") == card_id
    assert name in page.locator('section[data-stage="screened"]').inner_text()


def test_it_asks_for_a_reason_when_a_card_is_dropped_on_rejected(page):
    log_in(page, RECRUITER)
    page.goto("/board/ml-engineer")
    card = _first_card(page, "interview")
    card_id, name = card.get_attribute("id"), card.locator("a").first.inner_text()
    page.evaluate(DRAG, [card_id, "rejected"])
    assert page.evaluate("document.activeElement.id") == f"reason-{card_id.split('-')[1]}"
    assert "reden nodig" in _live(page)
    assert name not in page.locator('section[data-stage="rejected"]').inner_text()
    page.keyboard.type("Looking for a more senior profile.")
    page.keyboard.press("Enter")
    expect(page.locator("#live-region")).to_have_text(f"{name} verplaatst naar Afgewezen.")
    assert name in page.locator('section[data-stage="rejected"]').inner_text()
    card = _first_card(page, "sourced")
    name = card.locator("a").first.inner_text()
    page.evaluate(DRAG, [card.get_attribute("id"), "applied"])
    page.locator('section[data-stage="applied"]', has_text=name).wait_for()


def test_it_moves_without_javascript(browser, live_server):  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    plain = context.new_page()
    log_in(plain, RECRUITER)
    plain.goto("/board/mlops-engineer")
    card = _first_card(plain, "screened")
    name = card.locator("a").first.inner_text()
    card.locator("select").select_option("assessment")
    card.locator("button").click()
    plain.wait_for_url("**/board/mlops-engineer?moved=*")
    assert plain.locator('[role="status"]').inner_text() == f"{name} verplaatst naar Assessment."
    context.close()


# Columns whose box reaches past the board's right edge, and how far the board scrolls inside.
FIT = """() => {
  const board = document.querySelector('.kanban');
  const right = board.getBoundingClientRect().right;
  const outside = [...board.querySelectorAll('.kanban-column')]
    .filter((column) => column.getBoundingClientRect().right > right + 1)
    .map((column) => column.dataset.stage);
  return {outside, inner: board.scrollWidth - board.clientWidth,
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth};
}"""


def test_it_shows_every_stage_without_sideways_scroll_on_a_laptop_and_a_phone(page):
    log_in(page, RECRUITER)
    page.goto("/board/ml-engineer")
    assert page.locator(".kanban-column").count() >= 9
    for width, height in ((1280, 800), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        assert page.evaluate(FIT) == {"outside": [], "inner": 0, "page": 0}, width
    page.set_viewport_size({"width": 1280, "height": 800})
    # One row on a laptop: every stage heading is on screen at once, empty stages as a strip.
    tops = page.eval_on_selector_all(".kanban-column",
                                     "cs => cs.map(c => c.getBoundingClientRect().top)")
    assert max(tops) - min(tops) < 2
    empty = page.locator(".kanban-column-empty").first
    assert empty.bounding_box()["width"] < 60  # type: ignore[index]
    full = page.locator(".kanban-column:not(.kanban-column-empty)").first
    assert full.bounding_box()["width"] > 110  # type: ignore[index]
