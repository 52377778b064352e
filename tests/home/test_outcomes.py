"""No silent or foreign outcomes: validation problems show on the page the user was on, in the
user's language, and counts use the right plural."""

import re

from sqlalchemy import select

from searchlight.jobs import run_due_work
from searchlight.screening.models import ScreeningResult
from tests.screening.cvfiles import make_cv, make_pdf, make_zip
from tests.screening.factories import make_role


def _screen(as_user, role, files):  # type: ignore[no-untyped-def]
    response = as_user.post("/screening/batches", data={"role_key": role.key},
                            files=[("files", ("cvs.zip", make_zip(files), "application/zip"))],
                            follow_redirects=False)
    assert response.status_code == 303
    run_due_work()
    return response.headers["location"]


def test_it_shows_a_bad_minimum_score_next_to_the_filter_in_dutch(as_alice, db):  # type: ignore[no-untyped-def]
    role = make_role(db)
    _screen(as_alice, role, {"a.pdf": make_pdf(make_cv("nl", seed=3).paragraphs)})
    as_alice.client.cookies.set("searchlight_locale", "nl")
    page = as_alice.get(f"/screening/roles/{role.key}", params={"min_score": "zestig"})
    assert page.status_code == 422
    assert "De minimumscore moet een getal van 0 tot en met 100 zijn" in page.text
    assert 'value="zestig"' in page.text and "Input should be" not in page.text
    assert page.text.count('href="/screening/results/') == 1  # the list is still there
    kept = as_alice.get(f"/screening/roles/{role.key}", params={"min_score": "0,5"})
    assert kept.status_code == 200 and 'value="0"' in kept.text


def test_it_asks_for_two_or_three_on_the_shortlist_when_one_is_ticked(as_alice, db):  # type: ignore[no-untyped-def]
    role = make_role(db)
    _screen(as_alice, role, {"a.pdf": make_pdf(make_cv("nl", seed=3).paragraphs),
                             "b.pdf": make_pdf(make_cv("en", seed=4).paragraphs)})
    first = db.scalars(select(ScreeningResult.id)).first()
    as_alice.client.cookies.set("searchlight_locale", "nl")
    page = as_alice.get(f"/screening/roles/{role.key}/compare", params={"ids": [first]})
    assert page.status_code == 422
    assert "Je hebt 1 kandidaat aangevinkt; vink er twee of drie aan" in page.text
    assert 'id="compare-form"' in page.text  # the shortlist itself, not an error page
    none = as_alice.get(f"/screening/roles/{role.key}/compare")
    assert none.status_code == 422 and "Je hebt 0 kandidaten aangevinkt" in none.text


def test_it_reports_file_problems_and_counts_in_dutch(as_alice, db):  # type: ignore[no-untyped-def]
    role = make_role(db)
    cv = make_pdf(make_cv("nl", seed=5).paragraphs)
    as_alice.client.cookies.set("searchlight_locale", "nl")
    batch = _screen(as_alice, role, {"a.pdf": cv, "kopie.pdf": cv, "leeg.pdf": b"",
                                     "stuk.pdf": b"%PDF-1.7\nniet echt"})
    page = as_alice.get(batch).text
    assert "leeg.pdf is leeg of bevat geen tekst." in page
    assert "stuk.pdf is beschadigd en kan niet worden geopend." in page
    assert "1 gescreend, 1 dubbel, 2 onleesbaar" in page
    assert "4 van 4 bestanden verwerkt" in page
    assert "is empty" not in page and "cannot be opened" not in page


def test_it_says_what_is_wrong_with_a_bad_address_value_in_dutch(as_alice):  # type: ignore[no-untyped-def]
    as_alice.client.cookies.set("searchlight_locale", "nl")
    page = as_alice.get("/screening/batches/abc")
    assert page.status_code == 422
    assert "vul een geheel getal in" in page.text and "Input should be" not in page.text


def test_it_says_nothing_changed_when_the_candidate_is_already_in_the_pipeline(as_alice, db):  # type: ignore[no-untyped-def]
    from searchlight.candidates.models import Application

    role = make_role(db)
    _screen(as_alice, role, {"a.pdf": make_pdf(make_cv("nl", seed=6).paragraphs)})
    result = db.scalars(select(ScreeningResult)).one()
    as_alice.client.cookies.set("searchlight_locale", "nl")
    first = as_alice.post(f"/screening/results/{result.id}/pipeline",
                          data={"stage_key": "interview"})
    assert "Fase: Gesprek." in first.text
    again = as_alice.post(f"/screening/results/{result.id}/pipeline",
                          data={"stage_key": "assessment"})
    assert "Er is niets veranderd: deze kandidaat staat al in de pipeline" in again.text
    assert "in de fase Gesprek" in again.text and "In de pipeline geplaatst" not in again.text
    stages = db.scalars(select(Application.stage_key)).all()
    assert stages == ["interview"]


def test_it_counts_a_cv_screened_in_an_earlier_batch_as_a_duplicate(as_alice, db):  # type: ignore[no-untyped-def]
    role = make_role(db)
    cv = make_pdf(make_cv("nl", seed=7).paragraphs)
    _screen(as_alice, role, {"a.pdf": cv})
    as_alice.client.cookies.set("searchlight_locale", "nl")
    again = as_alice.get(_screen(as_alice, role, {"a-opnieuw.pdf": cv})).text
    assert "0 gescreend, 1 dubbel, 0 onleesbaar" in again
    shortlist = as_alice.get(f"/screening/roles/{role.key}").text
    assert shortlist.count('href="/screening/results/') == 1  # one cv, one result


def test_it_gives_candidates_from_screening_a_source_owner_and_retention_date(as_alice, db):  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    from searchlight.candidates.models import Candidate

    role = make_role(db)
    _screen(as_alice, role, {"a.pdf": make_pdf(make_cv("nl", seed=8).paragraphs)})
    candidate = db.scalars(select(Candidate)).one()
    assert candidate.source is not None and candidate.source.key == "cv-upload"
    assert candidate.owner_id == as_alice.user.id
    assert candidate.legal_basis == "legitimate_interest"
    assert candidate.consent_expires_on is not None
    assert candidate.consent_expires_on - date.today() >= timedelta(weeks=11)


def test_it_asks_about_every_item_without_evidence_in_readable_dutch(as_alice, db):  # type: ignore[no-untyped-def]
    from searchlight.screening.score.scoring import MATCHED

    role = make_role(db)
    _screen(as_alice, role, {"a.pdf": make_pdf(make_cv("nl", seed=9).paragraphs)})
    result = db.scalars(select(ScreeningResult)).one()
    as_alice.client.cookies.set("searchlight_locale", "nl")
    page = as_alice.get(f"/screening/results/{result.id}").text
    unmatched = [s for s, _proven in result.item_strengths.values() if s < MATCHED]
    section = page.split("<h2>Interviewvragen</h2>")[1].split("</section>")[0]
    questions = re.findall(r"<li>(.*?)</li>", section, re.S)
    assert unmatched and len(questions) >= len(unmatched)
    assert all("‘" in q and "’" in q for q in questions)  # the item as the profile writes it
    assert "Het cv laat voor elk onderdeel" not in page and "Hoe pak je dit aan" not in page


def test_it_finds_a_skill_despite_a_typo_and_gives_no_command_line_advice(as_alice):  # type: ignore[no-untyped-def]
    as_alice.client.cookies.set("searchlight_locale", "nl")
    page = as_alice.get("/skills", params={"q": "pytorh"}).text
    assert "Er is geen vaardigheid die „pytorh” heet; deze lijken erop." in page
    assert 'href="/skills/pytorch"' in page
    nothing = as_alice.get("/skills", params={"q": "qqqzzzxxx"}).text
    assert "Vraag een beheerder" in nothing and "searchlight taxonomy" not in nothing
    exact = as_alice.get("/skills", params={"q": "pytorch"}).text
    assert "lijken erop" not in exact and 'href="/skills/pytorch"' in exact


def test_it_names_found_skills_in_the_readers_language(as_alice, db):  # type: ignore[no-untyped-def]
    from html import escape

    from searchlight.taxonomy.models import Skill

    role = make_role(db)
    _screen(as_alice, role, {"a.pdf": make_pdf(make_cv("en", seed=10).paragraphs)})
    result = db.scalars(select(ScreeningResult)).one()
    as_alice.client.cookies.set("searchlight_locale", "nl")
    page = as_alice.get(f"/screening/results/{result.id}").text
    skills = [db.scalar(select(Skill).where(Skill.key == s["key"]))
              for s in result.analysis.skills[:40]]
    differing = [s for s in skills if s is not None and s.label_nl != s.label_en]
    assert differing, "the test cv should name a skill whose Dutch name differs"
    for skill in differing:
        assert f">{escape(skill.label_nl)}</a>" in page
