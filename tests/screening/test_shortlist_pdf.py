"""The shortlist PDF a recruiter hands to a hiring manager: every column on the page,
percentages, "?" for the unknown, a radar per candidate, the role version and the date."""

import io
import re
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
from tests.screening.cvfiles import make_cv, make_pdf, make_zip
from tests.screening.factories import make_role

from searchlight.jobs import run_due_work

OUT = Path(__file__).parents[1] / "e2e" / "artifacts"


DUTCH_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                "september", "oktober", "november", "december")
ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")


def _pages(data: bytes) -> list[tuple[str, float, float]]:
    document = pdfium.PdfDocument(io.BytesIO(data))
    pages = []
    for page in document:
        text = page.get_textpage()
        width, height = page.get_size()
        right = 0.0
        for index in range(text.count_rects()):
            right = max(right, text.get_rect(index)[2])
        pages.append((text.get_text_range(), width, right))
    return pages


def test_it_makes_a_shortlist_pdf_worth_handing_over(as_alice, db):  # type: ignore[no-untyped-def]
    role = make_role(db)
    archive = make_zip({f"cv{seed}.pdf": make_pdf(make_cv("nl" if seed % 2 else "en",
                                                          seed=seed).paragraphs)
                        for seed in range(40, 45)})
    as_alice.post("/screening/batches", data={"role_key": role.key},
                  files=[("files", ("cvs.zip", archive, "application/zip"))])
    run_due_work()
    as_alice.client.cookies.set("searchlight_locale", "nl")
    OUT.mkdir(parents=True, exist_ok=True)
    response = as_alice.get(f"/screening/roles/{role.key}/export.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    pages = _pages(response.content)
    first, width, right = pages[0]
    assert right <= width - 20, "a column runs off the page"  # 12 mm margin ≈ 34 pt
    assert "Rolprofielversie 1" in first
    today = date.today()
    assert f"{today.day} {DUTCH_MONTHS[today.month - 1]} {today.year}" in first  # 4 december 2026
    assert today.isoformat() not in first
    assert re.search(r"\b\d{1,3}%", first)  # coverage as a percentage, not 0.90
    assert "?" in first  # a dimension without evidence
    assert "Signalen" in first and "yes" not in first.split() and "no" not in first.split()
    (OUT / "shortlist.pdf").write_bytes(response.content)
    radar_pages = "".join(text for text, _w, _r in pages[1:])
    assert radar_pages.count("Kandidaat #") >= 5  # one radar per candidate


def test_it_writes_the_date_out_in_the_readers_language(as_alice, db):  # type: ignore[no-untyped-def]
    role = make_role(db)
    today = date.today()
    for locale, written in (("nl", f"{today.day} {DUTCH_MONTHS[today.month - 1]} {today.year}"),
                            ("en", f"{today.day} {ENGLISH_MONTHS[today.month - 1]} {today.year}")):
        as_alice.client.cookies.set("searchlight_locale", locale)
        response = as_alice.get(f"/screening/roles/{role.key}/export.pdf")
        assert response.status_code == 200
        first = _pages(response.content)[0][0]
        assert written in first, locale
        assert today.isoformat() not in first and today.strftime("%d-%m-%Y") not in first
