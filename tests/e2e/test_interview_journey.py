"""A chat interview through its single-use link on a phone, then the recruiter reviews the
evidence it produced."""

import re

import pytest

from tests.e2e.conftest import add_candidate, log_in, use_language

pytestmark = pytest.mark.e2e


def test_it_runs_a_chat_interview_to_its_end_and_the_recruiter_reviews_it(page, browser,
                                                                           live_server):
    log_in(page, "recruiter@demo.searchlight.local")
    use_language(page, "en")
    candidate_id = add_candidate(page, "Lotte Chat", "lotte.chat@example.nl")
    page.locator("#role-select").select_option("ml-engineer")
    page.locator("#role-select").locator("xpath=ancestor::form").locator("button").click()
    page.get_by_role("heading", name="SEARCH picture").wait_for()  # the panel loads by HTMX

    page.goto(f"/candidates/{candidate_id}/interviews")
    page.get_by_role("heading", name=re.compile("Interview guide")).first.wait_for()
    page.locator("select[name=language]").first.select_option("en")
    page.get_by_role("button", name="Create a chat interview link").first.click()
    link = page.locator("#chat-link").inner_text().strip()

    phone = browser.new_context(base_url=live_server, viewport={"width": 390, "height": 844},
                                locale="en-GB")
    candidate = phone.new_page()
    candidate.goto(link)
    candidate.get_by_role("heading", name="How AI is used").wait_for()
    candidate.get_by_label("I have read this and want to start.").check()
    candidate.get_by_role("button", name="Start the interview").press("Enter")
    answers = 0
    while candidate.locator("#chat-done").count() == 0:
        answers += 1
        assert answers <= 12, "the interview does not end"
        before = candidate.locator(".chat-turns li").count()
        box = candidate.get_by_label("Your answer")
        box.fill(f"In my last project I built a Python pipeline and measured a 20% gain "
                 f"({answers}).")
        candidate.get_by_role("button", name="Send").click()
        candidate.locator(".chat-turns li").nth(before + 1).or_(
            candidate.locator("#chat-done")).first.wait_for()
    assert answers == 6  # one question per SEARCH dimension, no follow-ups offline
    assert candidate.evaluate("document.documentElement.scrollWidth") <= 390
    phone.close()

    page.goto(f"/candidates/{candidate_id}/interviews")
    page.locator("#transcripts a", has_text="chat").first.click()
    page.get_by_role("heading", name="Evidence to review").wait_for()
    first = page.locator("#evidence li").first
    assert "20% gain" in first.inner_text()
    first.get_by_role("button", name="Confirm").click()
    page.locator("#evidence li").first.locator(".badge", has_text="confirmed").wait_for()
    page.goto(f"/candidates/{candidate_id}/search-picture")
    assert "Chat interview evidence" in page.content()
