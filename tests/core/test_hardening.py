"""Rate limits (429), security headers, and a production start that refuses default secrets."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from searchlight import ratelimit
from searchlight.config import get_settings
from searchlight.main import CONTENT_SECURITY_POLICY
from tests.core.routes import api_routes
from tests.factories import PASSWORD, log_in

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "searchlight"


@pytest.fixture
def low_limits(monkeypatch):  # type: ignore[no-untyped-def]
    for name in ("LOGIN", "UPLOADS", "AI", "EXPORTS"):
        monkeypatch.setenv(f"SEARCHLIGHT_RATE_LIMIT_{name}", "2")
    get_settings.cache_clear()
    yield
    monkeypatch.undo()
    get_settings.cache_clear()


def test_it_limits_log_in_attempts_per_address_and_account(client, db, alice, low_limits):  # type: ignore[no-untyped-def]
    def attempt(email: str, password: str = "wrong"):  # type: ignore[no-untyped-def]
        token = client.get("/login").cookies.get("searchlight_login_csrf") or client.cookies.get(
            "searchlight_login_csrf")
        return client.post("/login", data={"email": email, "password": password,
                                           "csrf_token": token}, follow_redirects=False)

    assert [attempt(alice.email).status_code for _ in range(2)] == [401, 401]
    refused = attempt(alice.email, PASSWORD)  # even the right password waits now
    assert refused.status_code == 429
    assert "Too many requests" in refused.text
    assert attempt("someone@example.org").status_code == 401  # another account is not blocked


def test_it_puts_uploads_ai_and_exports_in_a_bucket(app):  # type: ignore[no-untyped-def]
    buckets: dict[str, set[str]] = {}
    for route in api_routes(app):
        for method in route.methods:
            if bucket := ratelimit.bucket_of(method, route):
                buckets.setdefault(bucket.name, set()).add(f"{method} {route.path}")
        if ratelimit.takes_a_file(route):
            assert f"POST {route.path}" in buckets["upload"]
    paths = {path for found in buckets.values() for path in found}
    for method, path in ratelimit.AI_ROUTES | ratelimit.FORM_UPLOADS:
        assert f"{method} {path}" in paths, f"{path} is no longer a route: update ratelimit.py"
    assert "POST /screening/batches" in buckets["upload"]
    assert "GET /screening/roles/{role_key}/export.csv" in buckets["export"]
    assert "POST /content/generate" in buckets["ai"]
    assert "POST /candidates/{candidate_id:int}/messages/draft" in buckets["ai"]
    assert buckets["login"] == {"POST /login"}


def test_it_refuses_the_third_export_and_counts_per_user(app, db, alice, dora, low_limits):  # type: ignore[no-untyped-def]
    with TestClient(app) as one, TestClient(app) as other:
        as_alice, as_dora = log_in(one, db, alice), log_in(other, db, dora)
        codes = [as_alice.get("/roles/export.yaml").status_code for _ in range(3)]
        assert codes == [200, 200, 429]
        assert as_dora.get("/roles/export.yaml").status_code == 200
        api = as_alice.get("/roles/export.yaml", headers={"Accept": "application/json"})
        assert api.status_code == 429 and api.json()["error"] == "too_many_requests"


def test_it_refuses_the_third_upload(as_alice, db, low_limits):  # type: ignore[no-untyped-def]
    from tests.candidates.factories import make_candidate, text_cv

    candidate = make_candidate(db)
    db.commit()
    codes = [as_alice.post(f"/candidates/{candidate.id}/documents",
                           files={"document": ("cv.txt", text_cv(), "text/plain")},
                           follow_redirects=False).status_code for _ in range(3)]
    assert codes == [303, 303, 429]


def test_it_refuses_the_third_ai_call(as_alice, low_limits):  # type: ignore[no-untyped-def]
    codes = [as_alice.post("/content/generate", data={}).status_code for _ in range(3)]
    assert codes[-1] == 429 and 429 not in codes[:2]


def test_it_sends_the_security_headers(client, as_alice):  # type: ignore[no-untyped-def]
    page = as_alice.get("/")
    assert page.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self';" in CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["cache-control"] == "no-store"
    assert "strict-transport-security" not in page.headers  # plain http in development
    secure = TestClient(client.app, base_url="https://testserver")
    assert "max-age=" in secure.get("/login").headers["strict-transport-security"]


def test_no_template_has_inline_script():
    script = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
    handler = re.compile(r"\son[a-z]+\s*=", re.I)
    for template in PACKAGE.rglob("templates/**/*.html"):
        text = template.read_text()
        for attributes, body in script.findall(text):
            if "application/ld+json" in attributes:
                continue  # data for search engines, never executed
            assert "src=" in attributes and not body.strip(), f"inline script in {template}"
        assert not handler.search(text), f"an event-handler attribute in {template}"


def test_production_refuses_to_start_with_default_secrets(tmp_path):
    env = {"SEARCHLIGHT_ENV": "production", "PATH": "/usr/bin:/bin",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'p.sqlite3'}"}
    started = subprocess.run(
        [sys.executable, "-c", "from searchlight.main import create_app; create_app()"],
        env=env, capture_output=True, text=True, check=False)
    assert started.returncode != 0
    assert "SEARCHLIGHT_SECRET_KEY" in started.stderr


def test_it_refuses_a_null_character_in_the_address_with_a_clear_error(as_alice):  # type: ignore[no-untyped-def]
    for path in ("/api/careers/events?role=%00", "/api/candidates?stage=a%00b"):
        response = as_alice.get(path)
        assert response.status_code == 422, path
        assert response.json()["error"] == "invalid_input"


def test_it_refuses_a_null_character_in_candidate_text(as_alice):  # type: ignore[no-untyped-def]
    response = as_alice.post("/api/candidates", json={"full_name": "Jan\x00"})
    assert response.status_code == 422 and response.json()["error"] == "invalid_input"
