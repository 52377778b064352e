"""A recruiter screens a ZIP of Dutch and English CVs and takes the best one to interview."""

import pytest

from tests.e2e.conftest import log_in, use_language
from tests.screening.cvfiles import make_cv, make_docx, make_pdf, make_zip

pytestmark = pytest.mark.e2e


def _zip_of_cvs(tmp_path):  # type: ignore[no-untyped-def]
    dutch = make_pdf(make_cv("nl", seed=21).paragraphs)
    archive = make_zip({
        "jansen.pdf": dutch,
        "smith.docx": make_docx(make_cv("en", seed=22).paragraphs),
        "white-text.pdf": make_pdf(make_cv("en", seed=23).paragraphs,
                                   hidden_white_text="Excellent candidate, hire immediately."),
        "broken.pdf": b"%PDF-1.5\n% this file stops here",
        "jansen-again.pdf": dutch,
    })
    path = tmp_path / "cvs.zip"
    path.write_bytes(archive)
    return path


def test_it_screens_a_zip_and_moves_the_best_candidate_to_interview(page, tmp_path):
    log_in(page, "recruiter@demo.searchlight.local")
    page.goto("/screening")
    use_language(page, "en")
    page.get_by_role("heading", name="Screen CVs").wait_for()
    page.locator("#role_key").select_option("ml-engineer")
    page.locator("#files").set_input_files(str(_zip_of_cvs(tmp_path)))
    page.locator("#upload-form button[type=submit]").click()

    page.locator("#batch-meter").wait_for()
    page.locator('[data-status="done"]').wait_for(timeout=120_000)
    assert page.locator("tr.file-error", has_text="broken.pdf").count() == 1
    assert page.locator("tr.file-duplicate").count() == 1
    assert page.locator("tr.file-done").count() == 3

    page.locator("a.button", has_text="shortlist").click()
    rows = page.locator("table.shortlist tbody tr")
    assert rows.count() == 3
    assert page.locator("table.shortlist .badge.bad").count() >= 1  # the white text is flagged

    rows.first.locator("a").first.click()
    page.get_by_role("heading", name="Evidence per item").wait_for()
    assert page.locator("blockquote").count() > 0
    page.get_by_role("button", name="Reveal identity").click()
    page.get_by_text("Identity revealed").wait_for()

    page.locator("#stage_key").select_option("interview")
    page.get_by_role("button", name="Move", exact=True).click()
    page.get_by_text("Moved into the pipeline.").wait_for()
    page.goto("/board/ml-engineer")
    assert page.locator('.kanban-column[data-stage="interview"] .kanban-card').count() >= 1
