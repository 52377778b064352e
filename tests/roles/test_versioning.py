import copy
import re

from sqlalchemy import select

from searchlight.governance.models import AuditEntry
from searchlight.roles import service
from searchlight.roles.diff import diff_profiles
from tests.roles.conftest import form_fields


def _edited(profile: dict) -> dict:  # type: ignore[type-arg]
    changed = copy.deepcopy(profile)
    skills = changed["dimensions"][0]
    skills["weight"] = 0.4
    skills["items"].append({"text_nl": "LangChain", "text_en": "LangChain", "must_have": False,
                            "skills": ["langchain"]})
    return changed


def test_it_makes_a_new_version_for_every_edit_and_keeps_the_old_one(
    as_alice, prompt_engineer, db
):
    original = copy.deepcopy(prompt_engineer.versions[0].profile)
    response = as_alice.post("/roles/prompt-engineer/edit", follow_redirects=False,
                             data=form_fields(_edited(original), change_note="Add LangChain"))
    assert response.status_code == 303
    assert response.headers["location"].startswith("/roles/prompt-engineer?saved=2")

    db.refresh(prompt_engineer)
    assert prompt_engineer.current_version == 2
    current = service.get_current_version(db_session=db, role_id=prompt_engineer.id)
    assert current.number == 2 and current.change_note == "Add LangChain"
    assert current.created_by_id == as_alice.user.id
    profile = service.profile_of(current)
    assert profile.dimension("skills").weight == 0.4
    assert profile.dimension("skills").items[-1].skills == ["langchain"]
    first = service.get_version(db_session=db, role_id=prompt_engineer.id, number=1)
    assert first.profile == original

    actions = db.scalars(select(AuditEntry.action).where(
        AuditEntry.target_type == "role", AuditEntry.target_id == str(prompt_engineer.id))
        .order_by(AuditEntry.id)).all()
    assert actions == ["role.created", "role.updated"]
    update = db.scalars(select(AuditEntry).where(AuditEntry.action == "role.updated")).one()
    assert update.actor_id == as_alice.user.id
    assert update.changes["version"] == {"old": 1, "new": 2}
    assert update.changes["change_note"] == "Add LangChain"


def test_it_shows_the_version_history_and_the_differences(as_alice, prompt_engineer):
    as_alice.post("/roles/prompt-engineer/edit",
                  data=form_fields(_edited(prompt_engineer.versions[0].profile)))
    page = as_alice.get("/roles/prompt-engineer")
    assert "Version history" in page.text and "v2" in page.text and "v1" in page.text
    diff = as_alice.get("/roles/prompt-engineer/diff?old=1&new=2")
    assert diff.status_code == 200
    assert "added" in diff.text and "LangChain" in diff.text and "0.3" in diff.text
    partial = as_alice.get("/roles/prompt-engineer/diff?old=1&new=2",
                           headers={"HX-Request": "true"})
    assert "<html" not in partial.text and "LangChain" in partial.text
    old = as_alice.get("/roles/prompt-engineer?version=1")
    assert "You are looking at version 1" in old.text


def test_it_makes_no_version_when_nothing_changed(as_alice, prompt_engineer, db):
    profile = prompt_engineer.versions[0].profile
    as_alice.post("/roles/prompt-engineer/edit", data=form_fields(profile))
    db.refresh(prompt_engineer)
    assert prompt_engineer.current_version == 1


def test_it_assigns_a_hiring_manager_without_a_new_profile_version(
    as_alice, prompt_engineer, bob, charlie, db
):
    profile = prompt_engineer.versions[0].profile
    refused = as_alice.post("/roles/prompt-engineer/edit",
                            data=form_fields(profile, hiring_manager_id=str(charlie.id)))
    assert refused.status_code == 422
    as_alice.post("/roles/prompt-engineer/edit",
                  data=form_fields(profile, hiring_manager_id=str(bob.id)))
    db.refresh(prompt_engineer)
    assert prompt_engineer.hiring_manager_id == bob.id and prompt_engineer.current_version == 1
    entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "role.updated")).one()
    assert entry.changes == {"hiring_manager_id": {"old": None, "new": bob.id}}
    assert "Bob" in as_alice.get("/roles").text


def test_it_adds_and_removes_item_rows_without_saving(as_alice, prompt_engineer, db):
    fields = form_fields(prompt_engineer.versions[0].profile, action="add:results")
    added = as_alice.post("/roles/prompt-engineer/edit", data=fields)
    assert added.status_code == 200
    assert 'name="results.items.1.text_nl"' in added.text
    assert re.search(r'name="results.items.1.text_nl"[^>]*value=""[^>]*autofocus', added.text), \
        "the new row is empty and gets the focus"
    fields = form_fields(prompt_engineer.versions[0].profile, action="remove:skills:0")
    removed = as_alice.post("/roles/prompt-engineer/edit", data=fields,
                            headers={"HX-Request": "true"})
    assert "<html" not in removed.text, "HTMX gets just the form"
    assert 'value="Prompting"' not in removed.text and 'value="RAG"' in removed.text
    db.refresh(prompt_engineer)
    assert prompt_engineer.current_version == 1


def test_it_explains_what_is_wrong_and_keeps_the_input(as_alice, prompt_engineer, db):
    fields = form_fields(prompt_engineer.versions[0].profile, **{
        "skills.items.0.text_en": "", "skills.items.1.skills": "rag, underwater basket weaving",
        "habits.weight": "-1"})
    response = as_alice.post("/roles/prompt-engineer/edit", data=fields)
    assert response.status_code == 422
    assert "The role was not saved" in response.text
    assert "Unknown skill: underwater basket weaving" in response.text
    assert "Skills, item 1: English" in response.text and "Use 0 or more." in response.text
    assert 'aria-invalid="true"' in response.text
    db.refresh(prompt_engineer)
    assert prompt_engineer.current_version == 1


def test_it_creates_a_role_from_the_form_and_resolves_skill_names(as_alice, seeded, db):
    profile = copy.deepcopy(seeded.scalars(select(service.RoleVersion)).first().profile)
    profile.update(key="ai-trainer", title_nl="AI-trainer", title_en="AI trainer")
    profile["dimensions"][0]["items"] = [{"text_nl": "Veerkracht", "text_en": "Resilience",
                                          "skills": ["veerkracht", "K8s"]}]
    response = as_alice.post("/roles/new", data=form_fields(profile), follow_redirects=False)
    assert response.status_code == 303, response.text
    role = service.get_by_key(db_session=db, key="ai-trainer")
    skills = service.profile_of(role.versions[0]).dimension("skills").items[0].skills
    assert skills == ["resilience", "kubernetes"]
    again = as_alice.post("/roles/new", data=form_fields(profile))
    assert again.status_code == 422 and "already exists" in again.text


def test_it_diffs_profiles_item_by_item(prompt_engineer):
    from searchlight.roles.schemas import RoleProfile

    before = RoleProfile.model_validate(prompt_engineer.versions[0].profile)
    data = _edited(prompt_engineer.versions[0].profile)
    data["dimensions"][0]["items"][0]["must_have"] = False
    del data["dimensions"][1]["items"][1]
    changes = diff_profiles(before, RoleProfile.model_validate(data))
    summary = {(c.area, c.field, c.kind) for c in changes}
    assert summary == {("skills", "weight", "changed"), ("skills", "item", "added"),
                       ("skills", "item", "changed"), ("experience", "item", "removed")}


def test_it_warns_instead_of_overwriting_someone_elses_newer_version(as_alice, prompt_engineer, db):
    opened = prompt_engineer.versions[0].profile
    as_alice.post("/roles/prompt-engineer/edit", data=form_fields(_edited(opened)))
    stale = form_fields(opened, base_version="1", **{"jtbd_en": "Designs GPT interactions."})
    response = as_alice.post("/roles/prompt-engineer/edit", data=stale)
    assert response.status_code == 422 and "Someone else saved version 2" in response.text
    assert 'name="base_version" value="2"' in response.text
    again = as_alice.post("/roles/prompt-engineer/edit", follow_redirects=False,
                          data={**stale, "base_version": "2"})
    assert again.status_code == 303
    db.refresh(prompt_engineer)
    assert prompt_engineer.current_version == 3
