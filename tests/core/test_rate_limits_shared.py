"""Rate limits hold across processes: the counters are in the database, so two app instances
(two workers, two servers) that share one database share one limit. Runs on a database of its
own (not the rolled-back test transaction), on SQLite or on PostgreSQL."""

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from searchlight.config import get_settings
from searchlight.db import engine_for
from searchlight.main import create_app
from searchlight.migrate import upgrade
from tests.e2e.conftest import fresh_database_url

pytestmark = pytest.mark.slow


@pytest.fixture
def shared_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = fresh_database_url(tmp_path, "ratelimit")
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SEARCHLIGHT_RATE_LIMIT_LOGIN", "3")
    get_settings.cache_clear()
    upgrade(engine_for(url))
    yield url
    engine_for(url).dispose()
    monkeypatch.undo()
    get_settings.cache_clear()


def _attempt(client: TestClient) -> int:
    client.get("/login")
    token = client.cookies.get("searchlight_login_csrf")
    return client.post("/login", data={"email": "nobody@example.org", "password": "wrong",
                                       "csrf_token": token}, follow_redirects=False).status_code


def test_it_holds_a_limit_across_two_app_instances_on_one_database(shared_url: str) -> None:
    first, second = create_app(), create_app()
    with TestClient(first) as one, TestClient(second) as other:
        codes = [_attempt(client) for client in (one, other, one, other)]
    assert codes == [401, 401, 401, 429]  # three in all, whichever instance took them


_HAMMER = textwrap.dedent("""
    import sys, time
    from searchlight.db import open_session
    from searchlight.ratelimit import RateLimit

    limit = RateLimit("test.shared", limit=25, window=600)
    start = float(sys.argv[1])
    while time.time() < start:
        time.sleep(0.005)
    allowed = 0
    for _ in range(40):
        session = open_session()
        allowed += limit.allow(session, "address:203.0.113.9", now=start)
        session.close()
    print(allowed)
""")


def test_it_lets_two_processes_racing_for_one_limit_through_exactly_that_often(
        shared_url: str) -> None:
    import time

    start = str(time.time() + 3)  # both processes are ready by then and start together
    env = {**os.environ, "DATABASE_URL": shared_url}
    runs = [subprocess.Popen([sys.executable, "-c", _HAMMER, start], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outcomes = [run.communicate(timeout=120) for run in runs]
    assert all(run.returncode == 0 for run in runs), [err for _out, err in outcomes]
    allowed = [int(out) for out, _err in outcomes]
    assert sum(allowed) == 25, allowed  # 80 tries, 25 let through, none twice
