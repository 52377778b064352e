"""Every page of every demo user, reached by following links, and the candidate's pages (the
careers site, an assignment and a chat interview from their links) at 390 px (a phone) and
1280 px (a laptop): no sideways page scroll, and on a laptop no box that scrolls sideways either
(the pipeline board fits). Screenshots of each page at 390 px go to
tests/e2e/artifacts/390/<role>/ (gitignored) for a human to look over."""

import re
from pathlib import Path

import pytest

from tests.e2e.conftest import log_in
from tests.pagewalk import is_download, walk
from tests.screening.cvfiles import make_cv, make_pdf, make_zip

pytestmark = pytest.mark.e2e

ARTIFACTS = Path(__file__).parent / "artifacts"
USERS = {
    "recruiter": "recruiter@demo.searchlight.local",
    "hiring_manager": "manager@demo.searchlight.local",
    "admin": "admin@demo.searchlight.local",
    "ld_lead": "ld@demo.searchlight.local",
    "employee": "employee@demo.searchlight.local",
    "privacy_officer": "privacy@demo.searchlight.local",
    "auditor": "auditor@demo.searchlight.local",
    "candidate": "",  # not logged in: starts at the careers site and opens the mailed links
}
# How far the page reaches beyond the window, and which elements stick out (for the report).
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && box.width > 0 && getComputedStyle(el).position !== 'fixed') {
      let inScroller = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (['auto', 'scroll', 'hidden'].includes(style.overflowX) && p.clientWidth <= width) {
          inScroller = true; break;
        }
      }
      if (!inScroller) wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
        (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''));
    }
  }
  const boxes = [];
  for (const el of document.querySelectorAll('main *')) {
    const style = getComputedStyle(el);
    if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1)
      boxes.push(el.tagName.toLowerCase() + '.' + (el.className || '').toString().split(' ')[0]);
  }
  return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5),
          boxes: boxes.slice(0, 5)};
}"""


def _screen_a_batch(browser, base_url, tmp_path):  # type: ignore[no-untyped-def]
    """Screening results exist, so their pages are walked too."""
    archive = tmp_path / "cvs.zip"
    archive.write_bytes(make_zip({"a.pdf": make_pdf(make_cv("nl", seed=31).paragraphs),
                                  "b.pdf": make_pdf(make_cv("en", seed=32).paragraphs),
                                  "leeg.pdf": b""}))
    context = browser.new_context(base_url=base_url, locale="nl-NL")
    page = context.new_page()
    log_in(page, USERS["recruiter"])
    page.goto("/screening")
    # Not ml-engineer: the screening journey counts that role's shortlist on the same server.
    page.locator("#role_key").select_option("ai-product-owner")
    page.locator("#files").set_input_files(str(archive))
    page.locator("#upload-form button[type=submit]").click()
    page.locator('[data-status="done"]').wait_for(timeout=120_000)
    context.close()


def _mailed_links(browser, base_url) -> list[str]:  # type: ignore[no-untyped-def]
    """An assignment link and a chat interview link, made by the recruiter as in their journeys."""
    context = browser.new_context(base_url=base_url, locale="nl-NL")
    page = context.new_page()
    log_in(page, USERS["recruiter"])
    page.goto("/board/ml-engineer")
    profile = page.locator(".kanban-card a").first.get_attribute("href")
    page.goto(f"{profile}/assessments")
    page.locator("#invite-challenge option[lang=nl]").first.wait_for(state="attached")
    value = page.locator("#invite-challenge option[lang=nl]").first.get_attribute("value")
    page.locator("#invite-challenge").select_option(value)
    page.locator("#invite-challenge").locator("xpath=ancestor::form").locator(
        "button[type=submit]").click()
    links = [page.locator("#assessment-link").inner_text().strip()]
    page.goto(f"{profile}/interviews")
    page.locator("form[action*='/chats/'] button[type=submit]").first.click()
    links.append(page.locator("#chat-link").inner_text().strip())
    context.close()
    return [link.removeprefix(base_url) for link in links]


def _slug(path: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"


def test_it_never_scrolls_sideways_on_a_phone_or_a_laptop(browser, live_server, tmp_path):  # type: ignore[no-untyped-def]
    _screen_a_batch(browser, live_server, tmp_path)
    mailed = _mailed_links(browser, live_server)
    problems: list[str] = []
    pages = 0
    for role, email in USERS.items():
        context = browser.new_context(base_url=live_server, locale="nl-NL",
                                      viewport={"width": 390, "height": 844})
        context.set_default_timeout(15_000)
        page = context.new_page()
        if email:
            log_in(page, email)
        shots = ARTIFACTS / "390" / role
        shots.mkdir(parents=True, exist_ok=True)

        def fetch(path, page=page, role=role, shots=shots):  # type: ignore[no-untyped-def]
            if is_download(path):
                return 200, "download", ""
            response = page.goto(path)
            status = response.status if response else 0
            for width in (390, 1280):
                page.set_viewport_size({"width": width, "height": 844 if width == 390 else 800})
                measured = page.evaluate(OVERFLOW)
                if measured["scroll"] > measured["width"] + 1:
                    problems.append(f"{role} {path} at {width}px: page is {measured['scroll']}px "
                                    f"wide; sticking out: {measured['wide']}")
                if width == 1280 and measured["boxes"]:
                    problems.append(f"{role} {path} at 1280px: scrolls sideways inside "
                                    f"{measured['boxes']}")
            page.set_viewport_size({"width": 390, "height": 844})
            page.screenshot(path=str(shots / f"{_slug(path)}.png"), full_page=True)
            return status, "text/html", page.content()

        start, extra = ("/careers", mailed) if not email else ("/", [])
        for path, status, _kind, _text in [*walk(fetch, start=start, limit=60, per_section=6),
                                           *[(path, *fetch(path)) for path in extra]]:
            pages += 1
            if status >= 400:
                problems.append(f"{role} {path}: status {status}")
        context.close()
    assert pages > 40
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def test_it_shows_an_upload_problem_next_to_the_field_on_the_same_page(page, tmp_path):  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, USERS["recruiter"])
    page.goto("/candidates")
    page.locator("table.candidate-table tbody a").first.click()
    page.locator("#document-input").wait_for()
    profile = page.url
    empty = tmp_path / "leeg.pdf"
    empty.write_bytes(b"")
    page.locator("#document-input").set_input_files(str(empty))
    page.locator("#documents button[type=submit]").click()
    error = page.locator("#document-error")
    error.wait_for()
    assert page.url == profile  # the address did not change
    assert "leeg" in error.inner_text().lower()
    box = error.bounding_box()
    assert box is not None and 0 <= box["y"] <= 844  # visible without scrolling


def test_it_folds_the_menu_under_a_button_a_keyboard_can_open_on_a_phone(page):  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, USERS["recruiter"])
    toggle = page.locator(".site-header .menu-toggle")
    menu = page.locator("#main-menu")
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    assert toggle.get_attribute("aria-controls") == "main-menu"
    assert not menu.is_visible() and not page.locator("#locale-select").is_visible()
    header = page.locator(".site-header").bounding_box()
    assert header is not None and header["height"] < 70  # a compact header: brand and button

    page.locator(".skip-link").focus()
    page.keyboard.press("Tab")  # the brand
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('menu-toggle')")
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert menu.get_by_role("link", name="Kandidaten").is_visible()
    assert page.locator("#locale-select").is_visible()  # language and log-out are in it too
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#main-menu') !== null")
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false" and not menu.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('menu-toggle')")

    toggle.click()
    with page.expect_navigation():
        menu.get_by_role("link", name="Kandidaten").click()
    assert page.url.endswith("/candidates")
    assert page.locator(".site-header .menu-toggle").get_attribute("aria-expanded") == "false"

    page.set_viewport_size({"width": 1280, "height": 800})  # a laptop: the menu is always shown
    assert not toggle.is_visible() and menu.is_visible()
