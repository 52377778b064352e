"""The recruiter's first day: a role, a new candidate with a CV, the board, and English."""

import pytest

from tests.e2e.conftest import log_in, use_language
from tests.screening.cvfiles import make_cv, make_pdf

pytestmark = pytest.mark.e2e


def test_it_takes_a_candidate_from_cv_to_interview(page, tmp_path):
    cv_file = tmp_path / "noor-bakker-cv.pdf"
    cv_file.write_bytes(make_pdf(make_cv("nl", seed=99).paragraphs))
    log_in(page, "recruiter@demo.searchlight.local")

    page.goto("/roles")
    page.get_by_role("link", name="Machine Learning Engineer").first.click()
    page.get_by_text("Bouwt, traint en onderhoudt modellen").first.wait_for()

    page.goto("/candidates/new")
    page.locator("#f-full_name").fill("Noor Bakker")
    page.locator("#f-email").fill("noor.bakker@example.nl")
    page.locator("#f-cv").set_input_files(str(cv_file))
    page.locator("form.candidate-form button[type=submit]").click()
    page.get_by_role("heading", name="Noor Bakker").wait_for()
    page.get_by_text("noor-bakker-cv.pdf").first.wait_for()

    page.locator("#role-select").select_option("ml-engineer")
    page.locator("#role-select").locator("xpath=ancestor::form").locator("button").click()
    page.goto("/board/ml-engineer")
    card = page.locator(".kanban-card", has_text="Noor Bakker")
    assert card.locator("xpath=ancestor::section").get_attribute("data-stage") == "applied"

    # By mouse: drag the card onto the "screened" column.
    card.drag_to(page.locator('.kanban-column[data-stage="screened"]'),
                 source_position={"x": 4, "y": 4})  # the card itself, not its form
    page.locator('.kanban-column[data-stage="screened"] .kanban-card',
                 has_text="Noor Bakker").wait_for()

    # By keyboard: choose the interview stage in the card's own form and press Enter.
    card = page.locator(".kanban-card", has_text="Noor Bakker")
    stage = card.locator("select[name=stage]")
    stage.focus()
    stage.select_option("interview")
    card.locator("button[type=submit]").press("Enter")
    page.locator('.kanban-column[data-stage="interview"] .kanban-card',
                 has_text="Noor Bakker").wait_for()
    page.reload()
    moved = page.locator(".kanban-card", has_text="Noor Bakker")
    assert moved.locator("xpath=ancestor::section").get_attribute("data-stage") == "interview"

    use_language(page, "en")
    page.wait_for_load_state()
    page.get_by_role("heading", name="Interview").first.wait_for()
    assert page.locator("html").get_attribute("lang") == "en"
