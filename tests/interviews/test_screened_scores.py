"""The SEARCH picture and the interview kit read screening's dimension scores on their own
scale (0-100): a CV that scored 33 on skills shows "33/100", not "3300%", and is asked about."""

import re

from sqlalchemy import select

from searchlight.interviews import service
from searchlight.jobs import run_due_work
from searchlight.screening.models import ScreeningResult
from tests.screening.cvfiles import make_cv, make_pdf
from tests.screening.factories import make_role


def _screened(as_alice, db):  # type: ignore[no-untyped-def]
    role = make_role(db)
    cv = make_pdf(make_cv("en", seed=7).paragraphs)
    as_alice.post("/screening/batches", data={"role_key": role.key},
                  files=[("files", ("cv.pdf", cv, "application/pdf"))])
    run_due_work()
    result = db.scalar(select(ScreeningResult).where(ScreeningResult.role_id == role.id))
    assert result is not None and result.candidate is not None
    return role, result


def test_it_shows_screening_scores_out_of_100_in_the_search_picture(as_alice, db):  # type: ignore[no-untyped-def]
    _role, result = _screened(as_alice, db)
    page = as_alice.get(f"/candidates/{result.candidate_id}/search-picture")
    assert page.status_code == 200
    shown = re.findall(r'data-source="screening">Screening: ([^<(]+)', page.text)
    expected = ["?" if d["score"] is None else f"{round(d['score'])}/100"
                for d in result.dimensions.values()]
    assert sorted(s.strip() for s in shown) == sorted(expected)
    assert not re.search(r"Screening: \d{3,}%", page.text)


def test_it_asks_about_every_dimension_screening_found_weak_or_unknown(as_alice, db):  # type: ignore[no-untyped-def]
    role, result = _screened(as_alice, db)
    kit = service.build_kit(db_session=db, candidate=result.candidate, role=role)
    asked = {q.dimension: q.reason for q in kit}
    for key, values in result.dimensions.items():
        score = values["score"]
        if score is None:
            assert asked.get(key) == "unknown", key
        elif score < 50:
            assert asked.get(key) == "weak", key
        else:
            assert key not in asked, key
    assert any(values["score"] is not None and values["score"] < 50
               for values in result.dimensions.values())  # the case this test is about
