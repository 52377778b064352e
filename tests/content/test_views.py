"""The studio through the real HTTP stack: who may do what, the editor, compare, approve,
organisation facts, the check page and the role card download."""

import io

import pypdfium2 as pdfium
import pytest

from searchlight.content.models import ContentText
from tests.factories import log_in


@pytest.fixture
def as_alice(client, seeded, alice):  # type: ignore[no-untyped-def]
    return log_in(client, seeded, alice)


def _generate(as_user, kind="vacancy", language="nl"):  # type: ignore[no-untyped-def]
    return as_user.post("/content/generate", data={"role": "ml-engineer", "kind": kind,
                                                   "language": language},
                        follow_redirects=False)


def test_it_lets_a_recruiter_generate_and_see_findings_marked(as_alice, seeded):
    response = _generate(as_alice)
    assert response.status_code == 303
    page = as_alice.get(response.headers["location"])
    assert page.status_code == 200
    html = page.text
    assert 'id="engine">offline</span> <code>offline-templates-v1</code>' in html
    assert '<mark class="finding finding-age"' in html
    assert "jong en dynamisch team" in html and "een gemotiveerd team" in html
    assert "Flesch-Douma" in html


def test_it_saves_an_edit_compares_and_approves(as_alice, seeded):
    location = _generate(as_alice).headers["location"]
    text = seeded.query(ContentText).one()
    body = text.versions[0].body.replace("Een jong en dynamisch team", "Een betrokken team")
    saved = as_alice.post(location, data={"title": "Machine Learning Engineer", "body": body,
                                          "change_note": "inclusiever"},
                          follow_redirects=False)
    assert saved.status_code == 303 and "saved=2" in saved.headers["location"]
    page = as_alice.get(location).text
    assert "finding-age" not in page and "v2" in page
    diff = as_alice.get(f"{location}/diff?old=1&new=2").text
    assert "<del>" in diff and "Een betrokken team" in diff.split("<ins>")[1]
    approved = as_alice.post(f"{location}/approve", data={"version": "2"},
                             follow_redirects=False)
    assert approved.status_code == 303
    seeded.refresh(text)
    assert text.approved_version == 2


def test_it_keeps_what_was_typed_when_an_edit_is_refused(as_alice, seeded):
    location = _generate(as_alice).headers["location"]
    response = as_alice.post(location, data={"title": "", "body": "Mijn eigen tekst"})
    assert response.status_code == 422 and "Mijn eigen tekst" in response.text


def test_it_lets_a_hiring_manager_read_only_texts_of_their_roles(client, seeded, alice, bob,
                                                                  ml_engineer):
    as_alice = log_in(client, seeded, alice)
    location = _generate(as_alice).headers["location"]
    as_bob = log_in(client, seeded, bob)
    assert as_bob.get(location).status_code == 403
    ml_engineer.hiring_manager_id = bob.id
    seeded.commit()
    page = as_bob.get(location)
    assert page.status_code == 200 and 'name="body"' not in page.text
    assert _generate(as_bob).status_code == 403
    assert as_bob.post(location, data={"title": "x", "body": "y"}).status_code == 403
    assert as_bob.get("/content/roles/ml-engineer/card.pdf").status_code == 200
    assert as_bob.get("/content/roles/prompt-engineer/card.pdf").status_code == 403
    assert as_bob.get("/content/organisation").status_code == 403


def test_it_refuses_employees_everything(client, seeded, alice, charlie):
    as_alice = log_in(client, seeded, alice)
    location = _generate(as_alice).headers["location"]
    as_charlie = log_in(client, seeded, charlie)
    for url in ("/content", location, "/content/check", "/content/organisation",
                "/content/roles/ml-engineer/card.pdf", "/content/intake"):
        assert as_charlie.get(url).status_code == 403, url
    assert _generate(as_charlie).status_code == 403


def test_it_edits_the_organisation_facts_once(as_alice, seeded):
    page = as_alice.get("/content/organisation")
    assert "Polderzekerheid" in page.text
    fields = {"name": "Acme", "sector_nl": "energie", "sector_en": "energy",
              "benefits_nl": "Fietsplan\nPensioen", "benefits_en": "Bike plan"}
    assert as_alice.post("/content/organisation", data=fields,
                         follow_redirects=False).status_code == 303
    location = _generate(as_alice).headers["location"]
    html = as_alice.get(location).text
    assert "Bij Acme werken we aan de toekomst van energie." in html
    assert "- Fietsplan." in html and "- Pensioen." in html
    too_long = as_alice.post("/content/organisation", data={"name": "x" * 300})
    assert too_long.status_code == 422 and "x" * 300 in too_long.text


def test_it_checks_a_pasted_text(as_alice):
    response = as_alice.post("/content/check", data={"text": "Young team, native speaker.",
                                                     "language": "en"})
    assert response.status_code == 200
    assert response.text.count('<mark class="finding') == 2
    assert "fluent in English (C1)" in response.text
    escaped = as_alice.post("/content/check", data={"text": "<script>x</script> young",
                                                    "language": "en"})
    assert "<script>x" not in escaped.text and "&lt;script&gt;x" in escaped.text


def test_it_downloads_a_role_card_pdf_with_the_profile(as_alice):
    response = as_alice.get("/content/roles/ml-engineer/card.pdf?language=nl")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert "functiekaart-ml-engineer-nl.pdf" in response.headers["content-disposition"]
    document = pdfium.PdfDocument(io.BytesIO(response.content))
    text = "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    for expected in ("Functiekaart", "Machine Learning Engineer", "Job to be Done",
                     "Bouwt, traint en onderhoudt modellen", "SEARCH-profiel",
                     "Vaardigheden", "Gewicht 30%", "PyTorch [must-have]",
                     "Vector databases", "Focus in het gesprek", "Wervingsproces",
                     "Laat een verliesfunctie"):
        assert expected in text.replace("\r", "").replace("  ", " "), expected
    english = as_alice.get("/content/roles/ml-engineer/card.pdf?language=en")
    document = pdfium.PdfDocument(io.BytesIO(english.content))
    assert "Interview focus" in "".join(
        document[i].get_textpage().get_text_range() for i in range(len(document)))


def test_it_shows_an_empty_studio_with_what_to_do_next(as_alice):
    page = as_alice.get("/content")
    assert page.status_code == 200
    assert "No texts yet" in page.text and 'name="role"' in page.text


def test_it_starts_a_text_by_hand_from_the_section_headings(as_alice, seeded):
    response = as_alice.post("/content/generate", data={
        "role": "ml-engineer", "kind": "onboarding", "language": "en", "by_hand": "1"},
        follow_redirects=False)
    assert response.status_code == 303
    text = seeded.query(ContentText).one()
    version = text.versions[-1]
    assert (version.origin, version.engine_name) == ("manual", "manual")
    assert version.body.startswith("# Onboarding plan") and "## First day" in version.body
    assert "Welcome" not in version.body
    assert "started by hand" in as_alice.get(response.headers["location"]).text


def test_it_says_which_engine_writes_texts(as_alice):
    assert "offline (offline-templates-v1)" in as_alice.get("/content").text


def test_it_marks_texts_from_an_older_role_version(as_alice, seeded, ml_engineer, alice):
    from searchlight.roles import service as roles

    location = _generate(as_alice).headers["location"]
    assert "from an older role version" not in as_alice.get("/content").text
    profile = roles.profile_of(roles.get_current_version(db_session=seeded,
                                                         role_id=ml_engineer.id))
    roles.update_role(db_session=seeded, actor=alice, role=ml_engineer,
                      profile=profile.model_copy(update={"jtbd_nl": "Iets anders."}),
                      hiring_manager_id=None)
    seeded.commit()
    assert "from an older role version" in as_alice.get("/content").text
    assert "was made from version 1 of the role; the role is now at version 2" in \
        as_alice.get(location).text


def test_it_checks_text_through_the_json_api(as_alice, client, seeded, charlie):
    text = "Wij zoeken een digital native (m/v)."
    response = as_alice.post("/api/content/check", json={"text": text, "language": "nl"})
    assert response.status_code == 200
    findings = response.json()["findings"]
    assert [text[f["start"]:f["end"]] for f in findings] == ["digital native", "(m/v)"]
    assert response.json()["readability"]["method"] == "flesch-douma"
    bad = as_alice.post("/api/content/check", json={"text": text, "language": "de"})
    assert bad.status_code == 422
    as_charlie = log_in(client, seeded, charlie)
    assert as_charlie.post("/api/content/check",
                           json={"text": text, "language": "nl"}).status_code == 403
