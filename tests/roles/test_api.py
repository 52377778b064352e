import copy

import pytest
from sqlalchemy import select

from searchlight.auth.service import create_api_token
from searchlight.governance.models import AuditEntry


@pytest.fixture
def alice_token(db, alice):  # type: ignore[no-untyped-def]
    token = create_api_token(db_session=db, user=alice, name="ats")
    db.commit()
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def bob_token(db, bob):  # type: ignore[no-untyped-def]
    token = create_api_token(db_session=db, user=bob, name="ats")
    db.commit()
    return {"Authorization": f"Bearer {token}"}


def _document(profile, **changes):  # type: ignore[no-untyped-def]
    document = copy.deepcopy(profile)
    document.update(changes)
    return document


def test_it_lists_and_shows_roles_over_the_api(client, seeded, alice_token):
    listing = client.get("/api/roles", headers=alice_token)
    assert listing.status_code == 200
    summary = {r["key"]: r for r in listing.json()}["prompt-engineer"]
    assert summary["version"] == 1 and summary["items"] == 12 and summary["must_haves"] == 2
    role = client.get("/api/roles/prompt-engineer", headers=alice_token).json()
    assert role["profile"]["jtbd_nl"] == "Ontwerpt optimale GPT-interacties en semantic pipelines."
    assert [d["key"] for d in role["profile"]["dimensions"]][0] == "skills"
    assert role["versions"][0]["number"] == 1
    version = client.get("/api/roles/prompt-engineer/versions/1", headers=alice_token).json()
    assert version["profile"] == role["profile"] and version["role_key"] == "prompt-engineer"
    missing = client.get("/api/roles/prompt-engineer/versions/9", headers=alice_token)
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"


def test_it_creates_and_updates_roles_over_the_api(client, prompt_engineer, alice_token, bob, db):
    profile = prompt_engineer.versions[0].profile
    created = client.post("/api/roles", headers=alice_token, json=_document(
        profile, key="prompt-lead", title_en="Prompt Lead", hiring_manager=bob.email))
    assert created.status_code == 201, created.text
    assert created.json()["version"] == 1 and created.json()["hiring_manager"] == bob.email

    changed = _document(profile, key="prompt-lead", title_en="Lead Prompt Engineer",
                        change_note="Rename")
    updated = client.put("/api/roles/prompt-lead", headers=alice_token, json=changed)
    assert updated.status_code == 200
    body = updated.json()
    assert body["version"] == 2 and body["title_en"] == "Lead Prompt Engineer"
    assert [v["number"] for v in body["versions"]] == [2, 1]
    assert body["versions"][0]["created_by"] == "alice@example.org"
    assert body["hiring_manager"] is None, "PUT replaces: no hiring manager in the body is none"
    same = client.put("/api/roles/prompt-lead", headers=alice_token, json=changed)
    assert same.json()["version"] == 2
    actions = db.scalars(select(AuditEntry.action).where(AuditEntry.actor_id.is_not(None))
                         .order_by(AuditEntry.id)).all()
    assert actions == ["role.created", "role.updated"]


def test_it_validates_api_input(client, prompt_engineer, alice_token):
    profile = prompt_engineer.versions[0].profile
    broken = _document(profile, dimensions=profile["dimensions"][:5])
    response = client.put("/api/roles/prompt-engineer", headers=alice_token, json=broken)
    assert response.status_code == 422
    assert "missing: habits" in response.text
    mismatch = client.put("/api/roles/prompt-engineer", headers=alice_token,
                          json=_document(profile, key="other-key"))
    assert mismatch.status_code == 422
    duplicate = client.post("/api/roles", headers=alice_token, json=profile)
    assert duplicate.status_code == 409


def test_it_lets_hiring_managers_read_but_not_write_over_the_api(
    client, prompt_engineer, bob_token
):
    assert client.get("/api/roles/prompt-engineer", headers=bob_token).status_code == 200
    profile = prompt_engineer.versions[0].profile
    assert client.put("/api/roles/prompt-engineer", headers=bob_token,
                      json=profile).status_code == 403
    assert client.post("/api/roles", headers=bob_token,
                       json=_document(profile, key="x-role")).status_code == 403


def test_it_requires_a_valid_token(client, seeded):
    assert client.get("/api/roles").status_code == 401
    bad = client.get("/api/roles", headers={"Authorization": "Bearer sl_wrong"})
    assert bad.status_code == 401


def test_it_needs_the_csrf_header_for_cookie_authenticated_writes(as_alice, prompt_engineer):
    profile = prompt_engineer.versions[0].profile
    without = as_alice.client.put("/api/roles/prompt-engineer", json=profile)
    assert without.status_code == 403


def test_it_searches_skills_over_the_api(client, db, alice_token):
    found = client.get("/api/skills", params={"q": "veerkracht"}, headers=alice_token).json()
    assert found["total"] >= 1
    assert found["items"][0]["key"] == "resilience"
    assert "stressbestendigheid" in found["items"][0]["synonyms_nl"]
    english = client.get("/api/skills?q=vector%20database&page_size=5", headers=alice_token).json()
    assert english["items"][0]["key"] == "vector-databases" and english["page_size"] == 5
    one = client.get("/api/skills/kubernetes", headers=alice_token).json()
    assert "K8s" in one["synonyms_en"]


def test_it_documents_the_api_in_openapi(client):
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/roles", "/api/roles/{key}", "/api/roles/{key}/versions/{number}",
                 "/api/skills"):
        assert path in spec["paths"]
    assert {"post", "get"} <= set(spec["paths"]["/api/roles"])
    assert "put" in spec["paths"]["/api/roles/{key}"]
    schemas = spec["components"]["schemas"]
    assert {"RoleProfile", "Dimension", "ProfileItem", "RoleOut", "SkillPage"} <= set(schemas)
    assert "/roles/{key}/edit" not in spec["paths"]
