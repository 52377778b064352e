"""The assessment journey: a recruiter invites a candidate of their own (no role, so no board
or shortlist counts change), the candidate does the prompt challenge through the single-use
link on a phone, the offline engine proposes levels with quotes, the reviewer overrides one
item with a reason and confirms the others, and the candidate's SEARCH picture shows it."""

import re
import time

import pytest

from tests.e2e.conftest import log_in, use_language

pytestmark = pytest.mark.e2e

ANSWERS = {
    "1": "I rewrote it as a system prompt that sets the role and the audience. It forbids "
         "promising payouts or decisions and requires the claim number. It limits the length "
         "and says what to do when information is missing.",
    "2": "I ran both prompts on the same fixed set of 50 test e-mails and scored every reply "
         "against explicit criteria: claim number present, no payout promise, length limit. "
         "B passed 46 and A 31; a paired test says the difference is not noise.",
}


def test_it_invites_grades_reviews_and_updates_the_search_picture(page, browser, live_server):
    log_in(page, "recruiter@demo.searchlight.local")
    use_language(page, "en")
    page.goto("/candidates/new")
    page.locator("#f-full_name").fill("Mila Assessment")
    page.locator("#f-email").fill("mila.assessment@example.nl")
    page.locator("form.candidate-form button[type=submit]").click()
    page.get_by_role("heading", name="Mila Assessment").wait_for()
    candidate_id = re.search(r"/candidates/(\d+)", page.url).group(1)  # type: ignore[union-attr]

    page.get_by_role("link", name="Assessments", exact=True).last.click()
    page.get_by_role("heading", name="Invite to an assignment").wait_for()
    label = page.locator("#invite-challenge option", has_text="pe-prompt-ab-en").inner_text()
    page.locator("#invite-challenge").select_option(label=label)
    page.get_by_role("button", name="Create the link").click()
    link = page.locator("#assessment-link").inner_text().strip()
    assert "/a/" in link

    phone = browser.new_context(base_url=live_server, viewport={"width": 390, "height": 844},
                                locale="en-GB")
    candidate = phone.new_page()
    candidate.goto(link)
    candidate.get_by_role("heading", name="How AI is used").wait_for()
    candidate.get_by_label("I have read how AI is used and want to start.").check()
    candidate.get_by_role("button", name="Start the assignment").press("Enter")
    candidate.locator("#timer").wait_for()
    assert "Time left" in candidate.locator("#timer").inner_text()
    for key, text in ANSWERS.items():
        candidate.locator(f"textarea[name=answer_{key}]").fill(text)
    candidate.locator("#save-status", has_text="Draft saved").wait_for()  # autosaved
    assert candidate.evaluate("document.documentElement.scrollWidth") <= 390
    candidate.get_by_role("button", name="Hand in").focus()
    candidate.keyboard.press("Enter")
    candidate.get_by_text("your answers were handed in").wait_for()
    candidate.goto(link)
    assert "cannot be used again" in candidate.content()
    phone.close()

    page.goto(f"/candidates/{candidate_id}/assessments")
    page.locator("a", has_text=re.compile("being graded|to review")).first.click()
    review_url = page.url
    deadline = time.monotonic() + 90
    while page.locator(".decide-form").count() == 0:  # the background job grades
        assert time.monotonic() < deadline, "the hand-in was not graded in time"
        time.sleep(1)
        page.goto(review_url)
    quotes = [q.inner_text() for q in page.locator("blockquote[data-quote]").all()]
    assert quotes and all(any(q in text for text in ANSWERS.values()) for q in quotes)
    assert "offline" in page.locator(".proposal").first.inner_text()

    proposal_ids = [p.get_attribute("id") for p in page.locator(".proposal").all()]
    first = page.locator(f"#{proposal_ids[0]}")
    select = first.locator("select[name=level]")
    proposed = select.input_value()
    options = [o.get_attribute("value") for o in select.locator("option").all()]
    other = next(value for value in reversed(options) if value != proposed)
    select.select_option(other)
    first.get_by_role("button", name="Save decision").click()
    assert "Say why you override" in page.content()  # a reason is required
    page.goto(review_url)
    first = page.locator(f"#{proposal_ids[0]}")
    first.locator("select[name=level]").select_option(other)
    first.locator("textarea[name=reason]").fill("The A/B test is stronger than proposed.")
    first.get_by_role("button", name="Save decision").click()
    page.locator(f"#{proposal_ids[0]} [data-final]").wait_for()
    for proposal_id in proposal_ids[1:]:
        page.locator(f"#{proposal_id}").get_by_role("button", name="Save decision").click()
        page.locator(f"#{proposal_id} [data-final]").wait_for()
    page.get_by_role("heading", name="Scores per SEARCH dimension").wait_for()
    assert page.locator(f"#{proposal_ids[0]} [data-final]").get_attribute("data-final") == other

    page.goto(f"/candidates/{candidate_id}")
    picture = page.locator("#search-picture [data-source=assessment]")
    picture.first.wait_for()
    assert "pe-prompt-ab-en" in picture.first.inner_text()
