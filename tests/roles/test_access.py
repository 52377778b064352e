from sqlalchemy import select

from searchlight.governance.models import AuditEntry
from tests.roles.conftest import form_fields


def test_it_lets_a_recruiter_see_and_edit_roles(as_alice, prompt_engineer):
    catalogue = as_alice.get("/roles")
    assert catalogue.status_code == 200
    assert "Prompt Engineer / AI Interaction Designer" in catalogue.text
    assert "New role" in catalogue.text
    page = as_alice.get("/roles/prompt-engineer")
    assert 'href="/roles/prompt-engineer/edit"' in page.text
    assert as_alice.get("/roles/prompt-engineer/edit").status_code == 200
    assert as_alice.get("/roles/new").status_code == 200


def test_it_lets_a_hiring_manager_read_but_not_edit(as_bob, prompt_engineer, db):
    assert as_bob.get("/roles").status_code == 200
    page = as_bob.get("/roles/prompt-engineer")
    assert page.status_code == 200 and "Edit role" not in page.text
    assert "New role" not in as_bob.get("/roles").text
    assert as_bob.get("/roles/prompt-engineer/edit").status_code == 403
    assert as_bob.get("/roles/new").status_code == 403
    posted = as_bob.post("/roles/prompt-engineer/edit",
                         data=form_fields(prompt_engineer.versions[0].profile))
    assert posted.status_code == 403
    db.refresh(prompt_engineer)
    assert prompt_engineer.current_version == 1


def test_it_refuses_employees_and_audits_the_refusal(as_charlie, prompt_engineer, db):
    for url in ("/roles", "/roles/prompt-engineer", "/roles/prompt-engineer/export.yaml",
                "/api/roles", "/api/roles/prompt-engineer"):
        assert as_charlie.get(url).status_code == 403, url
    refusals = db.scalars(select(AuditEntry).where(AuditEntry.action == "access.denied")
                          .order_by(AuditEntry.id)).all()
    assert refusals and all(r.actor_id == as_charlie.user.id for r in refusals)
    assert refusals[0].target_id == "roles:read"


def test_it_lets_an_admin_edit(as_dora, prompt_engineer):
    assert as_dora.get("/roles/prompt-engineer/edit").status_code == 200


def test_it_sends_anonymous_visitors_to_the_login_page(client, prompt_engineer):
    response = client.get("/roles", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


def test_it_archives_and_reactivates_a_role_with_an_audit_trail(as_alice, prompt_engineer, db):
    as_alice.post("/roles/prompt-engineer/status", data={"active": "0"})
    db.refresh(prompt_engineer)
    assert prompt_engineer.is_active is False
    assert "This role is archived" in as_alice.get("/roles/prompt-engineer").text
    assert "Archived" in as_alice.get("/roles").text
    as_alice.post("/roles/prompt-engineer/status", data={"active": "1"})
    db.refresh(prompt_engineer)
    assert prompt_engineer.is_active is True
    updates = select(AuditEntry.changes).where(AuditEntry.action == "role.updated").order_by(
        AuditEntry.id)
    changes = db.scalars(updates).all()
    assert changes == [{"is_active": {"old": True, "new": False}},
                       {"is_active": {"old": False, "new": True}}]


def test_it_refuses_archiving_to_a_hiring_manager(as_bob, prompt_engineer, db):
    assert as_bob.post("/roles/prompt-engineer/status", data={"active": "0"}).status_code == 403
