import re
from datetime import timedelta

from sqlalchemy import select

from searchlight.auth.models import ApiToken, UserSession
from searchlight.deps import SESSION_COOKIE
from searchlight.governance.models import AuditEntry
from tests.factories import PASSWORD


def _login_form_token(client) -> str:  # type: ignore[no-untyped-def]
    page = client.get("/login")
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert match
    return match.group(1)


def test_it_redirects_anonymous_visitors_to_login(client):
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/"


def test_it_logs_in_with_the_right_password(client, db, alice):
    token = _login_form_token(client)
    response = client.post("/login", data={"email": "ALICE@example.org", "password": PASSWORD,
                                           "csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    home = client.get("/")
    assert "Welcome, Alice" in home.text


def test_it_refuses_a_wrong_password(client, alice):
    token = _login_form_token(client)
    response = client.post("/login", data={"email": alice.email, "password": "nope-nope",
                                           "csrf_token": token})
    assert response.status_code == 401
    assert "not correct" in response.text
    assert SESSION_COOKIE not in client.cookies


def test_it_refuses_a_login_without_the_form_token(client, alice):
    response = client.post("/login", data={"email": alice.email, "password": PASSWORD,
                                           "csrf_token": "forged"})
    assert response.status_code == 403


def test_it_gives_a_new_session_id_at_every_login(client, db, alice):
    ids = set()
    for _ in range(2):
        client.cookies.clear()
        token = _login_form_token(client)
        client.post("/login", data={"email": alice.email, "password": PASSWORD,
                                    "csrf_token": token})
        ids.add(client.cookies[SESSION_COOKIE])
    assert len(ids) == 2


def test_it_ends_the_session_at_logout(as_alice, db):
    response = as_alice.post("/logout", follow_redirects=False)
    assert response.status_code == 303
    assert db.scalar(select(UserSession).where(UserSession.user_id == as_alice.user.id)) is None
    assert as_alice.client.get("/", follow_redirects=False).status_code == 303


def test_it_refuses_a_form_post_without_csrf_token_and_audits_it(as_alice, db):
    response = as_alice.client.post("/logout", data={"csrf_token": "wrong"})
    assert response.status_code == 403
    refusal = db.scalars(select(AuditEntry).where(AuditEntry.action == "access.denied")).one()
    assert refusal.actor_id == as_alice.user.id


def test_it_expires_idle_sessions(as_alice, db):
    from datetime import timedelta

    record = db.scalar(select(UserSession).where(UserSession.user_id == as_alice.user.id))
    record.last_seen_at = record.last_seen_at - timedelta(hours=5)
    db.commit()
    assert as_alice.client.get("/", follow_redirects=False).status_code == 303


def test_it_switches_language_and_remembers_it_per_user(as_alice, db):
    as_alice.post("/locale", data={"locale": "nl", "next": "/"})
    db.refresh(as_alice.user)
    assert as_alice.user.locale == "nl"
    assert "Welkom, Alice" in as_alice.client.get("/").text


def test_it_accepts_an_api_token_and_skips_csrf_for_it(client, db, alice):
    from searchlight.auth.service import create_api_token

    token = create_api_token(db_session=db, user=alice, name="ats-sync")
    db.commit()
    client.cookies.clear()
    bearer = {"Authorization": f"Bearer {token}"}
    response = client.get("/", headers=bearer, follow_redirects=False)
    assert response.status_code == 200 and "Welcome, Alice" in response.text
    changed = client.post("/locale", data={"locale": "nl"}, headers=bearer,
                          follow_redirects=False)
    assert changed.status_code == 303  # no CSRF token: browsers never send a bearer token
    db.refresh(alice)
    assert alice.locale == "nl"
    refused = client.get("/", headers={"Authorization": "Bearer sl_nope"},
                         follow_redirects=False)
    assert refused.status_code == 303 and refused.headers["location"].startswith("/login")
    bad = client.get("/api/openapi.json", headers={"Authorization": "Bearer sl_nope"})
    assert bad.status_code == 200  # the schema itself is public


def test_it_notes_when_an_api_token_was_used_at_most_once_a_minute(client, db, alice):
    from searchlight.auth.service import create_api_token

    token = create_api_token(db_session=db, user=alice, name="ats-sync")
    db.commit()
    client.cookies.clear()
    bearer = {"Authorization": f"Bearer {token}"}
    record = db.scalars(select(ApiToken)).one()
    assert record.last_used_at is None
    assert client.get("/api/candidates", headers=bearer).status_code == 200
    db.refresh(record)
    first = record.last_used_at
    assert first is not None
    assert client.get("/api/candidates", headers=bearer).status_code == 200
    db.refresh(record)
    assert record.last_used_at == first  # a read a moment later writes nothing
    record.last_used_at = first - timedelta(minutes=2)
    db.commit()
    assert client.get("/api/candidates", headers=bearer).status_code == 200
    db.refresh(record)
    assert record.last_used_at > first - timedelta(minutes=1)


def test_it_protects_every_route_that_changes_data_against_csrf(app, as_alice, db):
    from fastapi.routing import APIRoute

    from searchlight.deps import UNSAFE_METHODS

    def routes(of):  # type: ignore[no-untyped-def]
        for route in of:
            nested = getattr(route, "original_router", None)  # an included router
            yield from routes(nested.routes) if nested is not None else [route]

    checked = 0
    for route in routes(app.routes):
        if not isinstance(route, APIRoute) or route.path == "/login":
            continue  # the log-in form has its own token (there is no session yet)
        path = re.sub(r"\{[^}]+\}", "1", route.path)
        for method in sorted(route.methods & UNSAFE_METHODS):
            response = as_alice.client.request(method, path, data={"csrf_token": "forged"},
                                               follow_redirects=False)
            assert response.status_code == 403, (method, route.path)
            checked += 1
    assert checked >= 20
    refusals = db.scalars(select(AuditEntry).where(AuditEntry.action == "access.denied")).all()
    assert {entry.target_id for entry in refusals} == {"csrf"}


def test_it_renders_a_not_found_page_for_a_logged_in_user(as_alice):
    response = as_alice.get("/roles/no-such-role")
    assert response.status_code == 404
    assert "Alice" in response.text  # the header still knows who is logged in


def test_it_answers_json_for_api_errors(as_alice):
    response = as_alice.get("/api/roles/no-such-role")
    assert response.status_code in (401, 404)
    assert response.headers["content-type"].startswith("application/json")
