"""The assessment journey: a recruiter invites a candidate of their own (no role, so no board
or shortlist counts change), the candidate does the prompt challenge through the single-use
link on a phone, the offline engine proposes levels with quotes, the reviewer overrides one
item with a reason and confirms the others, and the candidate's SEARCH picture shows it; a
recruiter writes a challenge in the UI; the page's timer hands in by itself when time is up."""

import re
import time

import pytest

from tests.e2e.conftest import add_candidate, log_in, use_language

pytestmark = pytest.mark.e2e

ANSWERS = {
    "1": "I rewrote it as a system prompt that sets the role and the audience. It forbids "
         "promising payouts or decisions and requires the claim number. It limits the length "
         "and says what to do when information is missing.",
    "2": "I ran both prompts on the same fixed set of 50 test e-mails and scored every reply "
         "against explicit criteria: claim number present, no payout promise, length limit. "
         "B passed 46 and A 31; a paired test says the difference is not noise.",
}


def _invite(page, challenge: str) -> str:  # type: ignore[no-untyped-def]
    """From the candidate's page: a link to the challenge whose option mentions `challenge`."""
    page.get_by_role("link", name="Assessments", exact=True).last.click()
    page.get_by_role("heading", name="Invite to an assignment").wait_for()
    label = page.locator("#invite-challenge option", has_text=challenge).inner_text()
    page.locator("#invite-challenge").select_option(label=label)
    page.get_by_role("button", name="Create the link").click()
    return page.locator("#assessment-link").inner_text().strip()  # type: ignore[no-any-return]


def test_it_invites_grades_reviews_and_updates_the_search_picture(page, browser, live_server):
    log_in(page, "recruiter@demo.searchlight.local")
    use_language(page, "en")
    candidate_id = add_candidate(page, "Mila Assessment", "mila.assessment@example.nl")

    link = _invite(page, "pe-prompt-ab-en")
    assert "/a/" in link

    phone = browser.new_context(base_url=live_server, viewport={"width": 390, "height": 844},
                                locale="en-GB")
    candidate = phone.new_page()
    candidate.goto(link)
    candidate.get_by_role("heading", name="How AI is used").wait_for()
    candidate.get_by_label("I have read how AI is used and want to start.").check()
    candidate.get_by_role("button", name="Start the assignment").press("Enter")
    candidate.locator("#timer", has_text="Time left").wait_for()  # the script took over
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


def test_it_lets_a_recruiter_write_a_challenge_that_a_candidate_completes(page, browser,
                                                                          live_server):
    """A recruiter writes a challenge with a rubric in the UI at phone width, by keyboard,
    invites a new candidate of their own (no role, no board counts change), copies the link,
    and the candidate hands in through it."""
    log_in(page, "recruiter@demo.searchlight.local")
    use_language(page, "en")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/assessments/challenges")
    page.get_by_role("link", name="New challenge", exact=True).click()
    page.get_by_label("Title", exact=True).fill("Explain a retry policy")
    page.get_by_label("Time limit in minutes (empty: no limit)").fill("20")
    page.get_by_label("Question text").fill("When should a client retry a failed request?")
    page.locator("#f-questions-0-items-0-key").fill("retries")
    page.locator("#f-questions-0-items-0-dimension").select_option("cognitive")
    page.get_by_label("Description of level 0").fill("Retries everything, or nothing.")
    page.get_by_role("button", name="Add a level").click()  # a row for level 4, by the server
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # the form too
    page.get_by_label("Description of level 4").fill(
        "Only idempotent requests, with backoff, jitter and a cap.")
    page.get_by_label("Title", exact=True).press("Enter")  # Enter in a field saves
    page.get_by_text("The challenge was saved.").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert "Only idempotent requests" in page.content()

    page.set_viewport_size({"width": 1280, "height": 900})
    add_candidate(page, "Sem Auteur", "sem.auteur@example.nl")
    link = _invite(page, "Explain a retry policy")
    page.get_by_role("button", name="Copy the link").click()
    status = page.locator("#assessment-link-status")
    status.filter(has_text=re.compile("copied|Ctrl\\+C")).wait_for()

    phone = browser.new_context(base_url=live_server, viewport={"width": 390, "height": 844},
                                locale="en-GB")
    candidate = phone.new_page()
    candidate.goto(link)
    candidate.get_by_label("I have read how AI is used and want to start.").check()
    candidate.get_by_role("button", name="Start the assignment").click()
    candidate.get_by_role("heading", name="Explain a retry policy").wait_for()
    candidate.get_by_label("When should a client retry a failed request?").fill(
        "Only idempotent requests, with exponential backoff, jitter and a maximum.")
    candidate.get_by_role("button", name="Hand in").click()
    candidate.get_by_text("your answers were handed in").wait_for()
    phone.close()


def test_it_hands_in_by_itself_when_the_time_is_up(page, browser, live_server):
    """The page's timer, in Chromium with the page's clock moved on: it announces that the time
    is up and hands in what was typed, also an answer that was never autosaved; the reviewer
    sees both answers. The server's clock did not move, so the hand-in is on time."""
    log_in(page, "recruiter@demo.searchlight.local")
    use_language(page, "en")
    candidate_id = add_candidate(page, "Tijn Timer", "tijn.timer@example.nl")
    link = _invite(page, "pe-prompt-ab-en")

    phone = browser.new_context(base_url=live_server, viewport={"width": 390, "height": 844},
                                locale="en-GB")
    phone.clock.install()  # the page's own clock, which this test moves on; time still flows
    candidate = phone.new_page()
    candidate.goto(link)
    candidate.get_by_label("I have read how AI is used and want to start.").check()
    candidate.get_by_role("button", name="Start the assignment").click()
    candidate.locator("#timer", has_text="Time left").wait_for()  # the script took over
    candidate.locator("textarea[name=answer_1]").fill(ANSWERS["1"])
    candidate.locator("#save-status", has_text="Draft saved").wait_for()
    unsaved = "Typed in the last second: B also kept every reply under 120 words."
    candidate.evaluate("text => { document.querySelector('textarea[name=answer_2]').value = "
                       "text; }", unsaved)  # no input event: never autosaved
    candidate.clock.fast_forward("02:00:00")  # longer than any library challenge's limit
    candidate.locator("#timer.timer-up").wait_for()
    assert "time is up" in candidate.locator("#timer-alert").inner_text()  # read out
    candidate.clock.run_for(2_000)  # the announcement's pause before the hand-in
    candidate.get_by_text("your answers were handed in").wait_for()
    phone.close()

    page.goto(f"/candidates/{candidate_id}/assessments")
    page.locator("a", has_text=re.compile("being graded|to review")).first.click()
    review_url, deadline = page.url, time.monotonic() + 90
    while page.locator(".decide-form").count() == 0:  # let the grading job finish, so it
        assert time.monotonic() < deadline, "not graded in time"  # holds no lock in the
        time.sleep(1)  # next journey on SQLite
        page.goto(review_url)
    answers = page.locator(".answer-text").all_inner_texts()
    assert ANSWERS["1"] in answers and unsaved in answers
    assert "after the time limit" not in page.content()  # the server decides: on time
