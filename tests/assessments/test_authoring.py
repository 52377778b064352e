"""Writing challenges in the UI: the form, validation beside the field in English and Dutch,
versions when the rubric of a challenge in use changes, duplicate, archive, YAML import with
located errors and export (round trip), and who may do it (alice, bob for his roles only,
charlie never)."""

import pytest
from sqlalchemy import select

from searchlight.assessments import authoring, service
from searchlight.assessments.models import AssessmentChallenge
from searchlight.assessments.yaml_io import parse_challenge
from searchlight.errors import Forbidden
from searchlight.governance.models import AuditEntry
from tests.assessments.conftest import ISSUE_SHAPE
from tests.assessments.factories import GOOD_ANSWERS, challenge, invited
from tests.candidates.factories import make_role


def _form(**overrides: str) -> dict[str, str]:
    form = {
        "title": "Review a prompt", "language": "en", "role_keys": "prompt-lab",
        "instructions": "Read the prompt and improve it.", "time_limit_minutes": "30",
        "hand_in": "text",
        "questions.0.key": "1", "questions.0.text": "What is wrong with this prompt?",
        "questions.0.items.0.key": "diagnosis", "questions.0.items.0.dimension": "skills",
        "questions.0.items.0.weight": "1",
        "questions.0.items.0.reference_answers": "It has no audience.\n---\nIt has no format.",
        "questions.0.items.0.levels.0.level": "0",
        "questions.0.items.0.levels.0.description": "Finds nothing.",
        "questions.0.items.0.levels.0.examples": "",
        "questions.0.items.0.levels.1.level": "1",
        "questions.0.items.0.levels.1.description": "",
        "questions.0.items.0.levels.1.examples": "",
        "questions.0.items.0.levels.2.level": "2",
        "questions.0.items.0.levels.2.description": "Names the audience and the format.",
        "questions.0.items.0.levels.2.examples": "It lacks an audience.\n---\nNo format, no "
                                                 "audience.",
    }
    form.update(overrides)
    return form


@pytest.fixture
def lab(db, bob):  # type: ignore[no-untyped-def]
    """A role bob manages."""
    return make_role(db, "prompt-lab", manager=bob)


def _created(db) -> AssessmentChallenge:  # type: ignore[no-untyped-def]
    row = db.scalar(select(AssessmentChallenge).where(
        AssessmentChallenge.title == "Review a prompt"))
    assert row is not None
    return row


def test_it_lets_alice_write_a_challenge_with_a_rubric(db, as_alice, lab):
    page = as_alice.get("/assessments/challenges/new?role=prompt-lab")
    assert page.status_code == 200 and 'value="prompt-lab" checked' in page.text
    response = as_alice.post("/assessments/challenges/new", data=_form(),
                             follow_redirects=False)
    assert response.status_code == 303
    row = _created(db)
    assert row.key == "review-a-prompt-en" and row.role_keys == ["prompt-lab"]
    document = service.document_of(row)
    item = document.questions[0].items[0]
    assert [level.level for level in item.levels] == [0, 1, 2]
    assert item.levels[1].description == "" and item.levels[2].examples == [
        "It lacks an audience.", "No format, no audience."]
    assert item.reference_answers == ["It has no audience.", "It has no format."]
    assert document.time_limit_minutes == 30
    assert db.scalar(select(AuditEntry).where(AuditEntry.target_type == "assessment_challenge",
                                              AuditEntry.target_id == str(row.id)))
    shown = as_alice.get(response.headers["location"])
    assert "Names the audience and the format." in shown.text and "not described" in shown.text
    library = as_alice.get("/assessments/challenges")
    assert "Review a prompt" in library.text


def test_it_adds_and_removes_rows_without_saving(db, as_alice, lab):
    added = as_alice.post("/assessments/challenges/new",
                          data=_form(action="add-level:0:0"))
    assert added.status_code == 200 and 'name="questions.0.items.0.levels.3.level"' in added.text
    assert 'value="3"' in added.text  # the next level number
    removed = as_alice.post("/assessments/challenges/new",
                            data=_form(action="remove-item:0:0"))
    assert 'name="questions.0.items.0.key"' not in removed.text
    question = as_alice.post("/assessments/challenges/new", data=_form(action="add-question"))
    assert 'name="questions.1.text"' in question.text
    assert db.scalar(select(AssessmentChallenge.id)) is None


def test_it_shows_errors_beside_the_field_in_english_and_dutch(db, as_alice, lab):
    bad = _form(**{"questions.0.items.0.dimension": "",
                   "questions.0.items.0.levels.1.level": "2",
                   "questions.0.items.0.key": "two words", "time_limit_minutes": "0"})
    response = as_alice.post("/assessments/challenges/new", data=bad)
    assert response.status_code == 422
    text = response.text
    assert 'id="f-questions-0-items-0-dimension" name="questions.0.items.0.dimension"' in text
    assert 'id="f-questions-0-items-0-dimension-error"' in text
    assert "Choose one of the options." in text
    assert "Use letters, digits, dots, hyphens or underscores, without spaces." in text
    assert "Each level may be used only once." in text and "Use 1 or more." in text
    assert "Question 1, rubric item 1: SEARCH dimension" in text
    assert 'value="two words"' in text  # what was typed stays
    as_alice.client.cookies.set("searchlight_locale", "nl")
    dutch = as_alice.post("/assessments/challenges/new", data=bad).text
    assert "Kies een van de mogelijkheden." in dutch
    assert "Vraag 1, rubriekonderdeel 1: SEARCH-dimensie" in dutch
    assert db.scalar(select(AssessmentChallenge.id)) is None


def test_it_keeps_the_version_a_hand_in_was_made_with(db, alice, as_alice):
    invitation, token, _candidate = invited(db, alice)
    service.accept_notice(db_session=db, invitation=invitation, human_only=False)
    from searchlight.config import get_settings
    submission = service.submit(db_session=db, invitation=invitation, answers=GOOD_ANSWERS,
                                settings=get_settings())
    row = invitation.challenge
    before = service.document_of(row)
    # a title change alone keeps the version
    state_title = service.document_of(row).model_copy(update={"title": "Prompt A/B (2)"})
    result = authoring.update_challenge(db_session=db, actor=alice, row=row,
                                        challenge=state_title)
    assert result.status == "updated" and not result.new_version and row.version == 1
    changed = before.model_dump(mode="json")
    changed["title"] = "Prompt A/B (2)"
    changed["questions"][0]["items"][0]["levels"][0]["description"] = "Nothing useful."
    result = authoring.update_challenge(
        db_session=db, actor=alice, row=row,
        challenge=type(before).model_validate(changed))
    assert result.new_version and row.version == 2
    graded_with = service.document_for(db_session=db, submission=submission)
    assert graded_with.questions[0].items[0].levels[0].description == \
        before.questions[0].items[0].levels[0].description
    assert [v.version for v in service.versions_of(db_session=db, challenge=row)] == [2, 1]
    page = as_alice.get(f"/assessments/challenges/{row.id}/edit")
    assert "makes version 3" in page.text
    review = as_alice.get(f"/assessments/submissions/{submission.id}")
    assert "challenge version 1" in review.text and "Nothing useful." not in review.text


def test_it_duplicates_archives_and_restores_with_an_audit_trail(db, alice, as_alice):
    row = challenge(db)
    response = as_alice.post(f"/assessments/challenges/{row.id}/duplicate",
                             follow_redirects=False)
    copy = db.scalar(select(AssessmentChallenge).where(AssessmentChallenge.title.like("Copy of%")))
    assert copy is not None and response.headers["location"] == \
        f"/assessments/challenges/{copy.id}/edit"
    assert copy.key != row.key and copy.document["questions"] == row.document["questions"]
    as_alice.post(f"/assessments/challenges/{row.id}/archive", data={"archived": "yes"})
    db.refresh(row)
    assert not row.is_active
    assert row not in service.list_challenges(db_session=db)
    assert row.title in as_alice.get("/assessments/challenges?archived=1").text
    as_alice.post(f"/assessments/challenges/{row.id}/archive", data={"archived": "no"})
    db.refresh(row)
    assert row.is_active
    changes = [e.changes for e in db.scalars(select(AuditEntry).where(
        AuditEntry.target_type == "assessment_challenge", AuditEntry.target_id == str(row.id)))]
    assert any("archived" in str(c) for c in changes)
    assert db.scalar(select(AuditEntry).where(
        AuditEntry.target_type == "assessment_challenge_copy"))


def test_it_exports_yaml_that_imports_as_the_same_challenge(db, as_alice, lab):
    as_alice.post("/assessments/challenges/new", data=_form())
    row = _created(db)
    exported = as_alice.get(f"/assessments/challenges/{row.id}/export.yaml")
    assert exported.status_code == 200 and "attachment" in exported.headers[
        "content-disposition"]
    assert parse_challenge(exported.text) == service.document_of(row)
    before = dict(row.document)
    db.delete(row)
    db.flush()
    response = as_alice.post("/assessments/challenges/import", data={"text": exported.text},
                             follow_redirects=False)
    assert response.status_code == 303
    again = _created(db)
    assert again.document == before


def test_it_imports_a_file_in_the_ui_and_names_the_line_of_a_mistake(db, as_alice, alice):
    broken = ISSUE_SHAPE.replace("dimension: cognitive", "dimension: brains")
    response = as_alice.post("/assessments/challenges/import",
                             files={"file": ("cs-1.yaml", broken.encode(), "text/yaml")})
    assert response.status_code == 422
    line = next(n for n, text in enumerate(broken.splitlines(), 1) if "brains" in text)
    assert f"cs-1.yaml:{line}: questions[0].items[0].dimension: Choose one of the options." \
        in response.text.replace("&#39;", "'")
    assert db.scalar(select(AssessmentChallenge.id)) is None
    ok = as_alice.post("/assessments/challenges/import",
                       files={"file": ("cs-1.yaml", ISSUE_SHAPE.encode(), "text/yaml")},
                       follow_redirects=False)
    assert ok.status_code == 303
    assert service.get_by_key(db_session=db, key="cs-1").title == "Problem solving"


def test_it_lets_bob_author_for_his_own_roles_only(db, bob, as_bob, lab):
    make_role(db, "someone-else")
    assert as_bob.get("/assessments/challenges/new").status_code == 200
    refused = as_bob.post("/assessments/challenges/new",
                          data=_form(role_keys="someone-else"))
    assert refused.status_code == 422
    assert "You can only write challenges for roles you manage." in refused.text
    assert as_bob.post("/assessments/challenges/new", data=_form(),
                       follow_redirects=False).status_code == 303
    mine = _created(db)
    assert as_bob.get(f"/assessments/challenges/{mine.id}/edit").status_code == 200
    theirs = challenge(db)  # the library challenge of a role bob does not manage
    assert as_bob.get(f"/assessments/challenges/{theirs.id}/edit").status_code == 403
    assert as_bob.post(f"/assessments/challenges/{theirs.id}/archive").status_code == 403
    with pytest.raises(Forbidden):
        authoring.get_challenge_for_user(db_session=db, user=bob, challenge_id=theirs.id,
                                         permission=authoring.AUTHOR)
    other = ISSUE_SHAPE.replace("language: en", "language: en\nrole_keys: [someone-else]")
    assert as_bob.post("/assessments/challenges/import", data={"text": other}
                       ).status_code == 422
    assert db.scalar(select(AssessmentChallenge.id).where(AssessmentChallenge.key == "cs-1")) \
        is None


def test_it_refuses_charlie_everything(db, charlie, as_charlie):
    row = challenge(db)
    assert as_charlie.get("/assessments/challenges").status_code == 403
    assert as_charlie.get(f"/assessments/challenges/{row.id}").status_code == 403
    assert as_charlie.get("/assessments/challenges/new").status_code == 403
    assert as_charlie.post("/assessments/challenges/new", data=_form()).status_code == 403
    assert as_charlie.get(f"/assessments/challenges/{row.id}/export.yaml").status_code == 403
    with pytest.raises(Forbidden):
        authoring.get_challenge_for_user(db_session=db, user=charlie, challenge_id=row.id)
