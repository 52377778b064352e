"""Generated from the route table: a GET never changes the database, and every route that does
(POST/PUT/PATCH/DELETE) refuses a browser session that sends no CSRF token."""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, event, select

from searchlight.deps import UNSAFE_METHODS
from searchlight.governance.models import AuditEntry
from tests.core.routes import api_routes, fill, path_params
from tests.core.test_object_scope import KINDS, kind_of
from tests.factories import log_in

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b(?:\s+(?:INTO|FROM))?\s+\"?(\w+)", re.I)
# Writes a GET may make, and why.
ALLOWED_WRITES = {
    "user_sessions": "the idle timeout of the log-in session slides with every request",
    "rate_counters": "a rate limit counts the request (exports and downloads are limited)",
}


@contextmanager
def writes(engine: Engine) -> Iterator[list[str]]:
    seen: list[str] = []

    def listen(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if (found := WRITE.match(statement)) and found.group(2) not in ALLOWED_WRITES:
            seen.append(found.group(2))

    event.listen(engine, "before_cursor_execute", listen)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", listen)


def _path(route_path: str, world: dict[str, Any]) -> str:
    values = {p: world[KINDS[kind_of(route_path, p) or ""].value] for p in path_params(route_path)}
    return fill(route_path, values)


def test_no_get_route_changes_the_database(app, db, engine, world):  # type: ignore[no-untyped-def]
    problems, checked = [], 0
    for name in ("alice", "dora", "lena"):
        with TestClient(app, base_url="http://testserver") as browser:
            log_in(browser, db, world["users"][name])
            for route in api_routes(app):
                if "GET" not in route.methods or "token" in path_params(route.path):
                    continue
                with writes(engine) as seen:
                    response = browser.get(_path(route.path, world), follow_redirects=False)
                checked += 1
                if seen and response.status_code < 400:  # a refusal writes its audit entry
                    problems.append(f"{name} GET {route.path} wrote to {sorted(set(seen))}")
    assert checked > 100
    assert not problems, "\n".join(problems)


def test_every_state_change_refuses_a_session_without_a_csrf_token(app, db, world):  # type: ignore[no-untyped-def]
    checked = 0
    with TestClient(app, base_url="http://testserver") as browser:
        log_in(browser, db, world["users"]["dora"])
        for route in api_routes(app):
            if route.path == "/login":
                continue  # there is no session yet; the form has its own token
            path = _path(route.path, world) if path_params(route.path) else route.path
            for method in sorted(route.methods & UNSAFE_METHODS):
                response = browser.request(method, path, data={"note": "no token"},
                                           follow_redirects=False)
                assert response.status_code == 403, (method, route.path, response.status_code)
                checked += 1
    assert checked > 60
    refusals = db.scalars(select(AuditEntry).where(AuditEntry.action == "access.denied")).all()
    assert {entry.target_id for entry in refusals} == {"csrf"}
