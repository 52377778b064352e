"""A candidate contests a decision (art. 22 GDPR, art. 86 AI Act): the admin rejects a candidate
of her own, the candidate asks the recruiter for the explanation and contests it, the recruiter
records the contest, finds the re-review waiting on his home page and decides it (he did not take
the decision), and the audit log holds both steps. Runs last: it adds an applicant to a role."""

import re

import pytest

from tests.e2e.conftest import open_page

pytestmark = [pytest.mark.e2e, pytest.mark.runs_last]


def test_it_explains_a_decision_and_logs_a_human_re_review_of_the_contest(  # type: ignore[no-untyped-def]
        browser, live_server):
    admin = open_page(browser, live_server, email="admin@demo.searchlight.local", language="en")
    admin.goto("/candidates/new")
    admin.locator("#f-full_name").fill("Cas Bezwaar")
    admin.locator("#f-email").fill("cas.bezwaar@example.org")
    admin.locator("#f-owner_id").select_option(label="Ruben Recruiter")
    admin.get_by_role("button", name="Save").click()
    admin.get_by_role("heading", name="Cas Bezwaar", level=1).wait_for()
    candidate_id = re.search(r"/candidates/(\d+)$", admin.url).group(1)  # type: ignore[union-attr]
    admin.locator("#role-select").select_option(index=0)
    applications = admin.get_by_role("region", name="Applications")
    applications.get_by_role("button", name="Add", exact=True).click()
    admin.locator("select[name=stage]").select_option("rejected")
    admin.locator("input[name=reason]").fill("Too little experience with MLOps")
    admin.get_by_role("button", name="Move", exact=True).click()
    admin.locator("table.history").filter(has_text="Too little experience").wait_for()

    recruiter = open_page(browser, live_server, email="recruiter@demo.searchlight.local",
                          language="en", phone=True)
    recruiter.goto(f"/candidates/{candidate_id}")
    recruiter.get_by_role("link", name="Decisions and explanations").click()
    decision = recruiter.locator("section.decision").filter(has_text="Pipeline decision").first
    facts = decision.locator("dl.facts").inner_text()
    assert "Ada Admin" in facts and "Too little experience with MLOps" in facts
    assert decision.get_by_role("heading", name="The role of AI").is_visible()

    decision.get_by_text("The candidate contests this decision").click()
    decision.get_by_label("What does the candidate contest?").fill(
        "My MLOps work at my last job was not looked at")
    decision.get_by_role("button", name="Start a human re-review").click()
    recruiter.get_by_text("A human re-review is open.").first.wait_for()

    recruiter.goto("/")
    panel = recruiter.locator("section.home-panel").filter(has_text="Contested decisions")
    panel.locator(f"a[href^='/candidates/{candidate_id}/explanation']").first.click()
    review = recruiter.locator("div[id^=review-]").filter(has_text="was not looked at")
    review.get_by_label("What did the re-review find?").fill(
        "Read the MLOps project again: the rejection stands")
    review.get_by_role("button", name="Finish the review").click()
    done = recruiter.locator("div[id^=review-]").filter(has_text="the rejection stands")
    done.wait_for()
    assert "decision kept" in done.inner_text()
    assert "A human re-review is open." not in done.inner_text()

    admin.goto("/audit?action=decision")
    log = admin.locator("main").inner_text()
    assert "decision.contested" in log and "decision.reviewed" in log
    assert "Ruben Recruiter" in log  # the audit page names the actor by the account's number
    admin.context.close()
    recruiter.context.close()
