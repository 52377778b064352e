"""The JSON API with bearer tokens: candidates, applications, stages and moves."""

import pytest
from sqlalchemy import select

from searchlight.auth.service import create_api_token
from searchlight.crm.sources import ensure_default_sources
from searchlight.governance.models import AuditEntry
from tests.candidates.factories import apply, make_candidate, make_role


@pytest.fixture
def api(client, db, alice):  # type: ignore[no-untyped-def]
    ensure_default_sources(db_session=db)
    make_role(db, "ml-engineer")
    token = create_api_token(db_session=db, user=alice, name="ats-sync")
    db.commit()
    client.headers["Authorization"] = f"Bearer {token}"
    return client


def test_it_creates_reads_and_patches_a_candidate(api, db):
    created = api.post("/api/candidates", json={
        "full_name": "Sanne Bakker", "email": "sanne@example.org", "source": "stormai",
        "legal_basis": "consent", "consent_given_on": "2026-01-15", "tags": ["RAG"]})
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["source"] == {"key": "stormai", "name": "StormAI", "kind": "agency"}
    assert body["consent_expires_on"] == "2027-01-15"  # one year of consent by default
    assert body["tags"] == ["rag"] and body["applications"] == []
    candidate_id = body["id"]
    patched = api.patch(f"/api/candidates/{candidate_id}", json={"location": "Rotterdam"})
    assert patched.status_code == 200
    assert patched.json()["location"] == "Rotterdam"
    assert patched.json()["email"] == "sanne@example.org"
    fetched = api.get(f"/api/candidates/{candidate_id}").json()
    assert fetched["location"] == "Rotterdam" and fetched["likely_duplicates"] == []


def test_it_validates_input(api):
    bad = api.post("/api/candidates", json={"full_name": "", "email": "not-an-email"})
    assert bad.status_code == 422
    unknown = api.post("/api/candidates", json={"full_name": "X", "source": "myspace"})
    assert unknown.status_code == 422 and unknown.json()["message"] == "Unknown source."
    created = api.post("/api/candidates", json={"full_name": "Y"}).json()
    patch = api.patch(f"/api/candidates/{created['id']}", json={"email": "nope"})
    assert patch.status_code == 422
    assert patch.json()["detail"]["problems"][0]["field"] == "email"


def test_it_lists_with_filters_and_cursors(api, db):
    for number in range(3):
        make_candidate(db, f"Person {number}", source="github")
    make_candidate(db, "Other", source="linkedin")
    db.commit()
    page = api.get("/api/candidates", params={"source": "github", "sort": "name",
                                             "limit": 2}).json()
    assert [c["full_name"] for c in page["items"]] == ["Person 0", "Person 1"]
    assert page["total"] == 3 and page["total_capped_at"] == 10_000
    rest = api.get("/api/candidates", params={"source": "github", "sort": "name", "limit": 2,
                                             "after": page["next_cursor"]}).json()
    assert [c["full_name"] for c in rest["items"]] == ["Person 2"]
    assert rest["next_cursor"] is None


def test_it_applies_and_moves_through_the_api(api, db):
    candidate = make_candidate(db)
    db.commit()
    created = api.post(f"/api/candidates/{candidate.id}/applications",
                       json={"role_key": "ml-engineer", "stage": "sourced"})
    assert created.status_code == 201
    application = created.json()
    assert application["stage"] == "sourced" and application["role_version"] == 1
    stages = api.get("/api/roles/ml-engineer/stages").json()
    assert [s["key"] for s in stages][:3] == ["sourced", "applied", "screened"]
    refused = api.post(f"/api/applications/{application['id']}/stage", json={"stage": "rejected"})
    assert refused.status_code == 422
    moved = api.post(f"/api/applications/{application['id']}/stage",
                     json={"stage": "rejected", "reason": "Chose another offer."})
    assert moved.status_code == 200
    history = moved.json()["history"]
    assert [(h["from_stage"], h["to_stage"]) for h in history] == [
        (None, "sourced"), ("sourced", "rejected")]
    listed = api.get(f"/api/candidates/{candidate.id}/applications").json()
    assert listed[0]["stage"] == "rejected"
    entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "application.stage_moved"))
    assert entry.one().changes["reason"] == "Chose another offer."


def test_it_refuses_an_employee_token_and_a_bad_token(client, db, charlie):
    token = create_api_token(db_session=db, user=charlie, name="curious")
    db.commit()
    response = client.get("/api/candidates", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 403
    assert client.get("/api/candidates",
                      headers={"Authorization": "Bearer sl_nope"}).status_code == 401


def test_it_limits_a_hiring_manager_token_to_his_roles(client, db, bob):
    role = make_role(db, "ml-engineer", manager=bob)
    mine, other = make_candidate(db, "Mine"), make_candidate(db, "Other")
    application = apply(db, mine, role)
    token = create_api_token(db_session=db, user=bob, name="manager")
    db.commit()
    headers = {"Authorization": f"Bearer {token}"}
    names = [c["full_name"] for c in client.get("/api/candidates", headers=headers).json()["items"]]
    assert names == ["Mine"]
    assert client.get(f"/api/candidates/{other.id}", headers=headers).status_code == 403
    assert client.post(f"/api/applications/{application.id}/stage", headers=headers,
                       json={"stage": "interview"}).status_code == 200


def test_it_needs_csrf_for_cookie_api_calls(as_alice, db):
    as_alice.client.headers.pop("Authorization", None)
    response = as_alice.client.post("/api/candidates", json={"full_name": "No Token"})
    assert response.status_code == 403
    with_header = as_alice.client.post("/api/candidates", json={"full_name": "Header"},
                                       headers={"X-CSRF-Token": as_alice.csrf_token})
    assert with_header.status_code == 201


def test_it_documents_every_route_with_a_response_model(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/candidates", "/api/candidates/{candidate_id}",
                 "/api/candidates/{candidate_id}/applications", "/api/roles/{role_key}/stages",
                 "/api/applications/{application_id}/stage"):
        for operation in paths[path].values():
            success = next(code for code in operation["responses"] if code.startswith("2"))
            assert "schema" in operation["responses"][success]["content"]["application/json"]
