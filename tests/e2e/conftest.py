"""Browser tests: the real app served by uvicorn in its own process on a fresh database (migrated
and loaded with demo data through the CLI, as `make run` does), driven by Debian's Chromium."""

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
SEARCHLIGHT = [sys.executable, "-m", "searchlight.cli"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fresh_database_url(tmp: Path, name: str = "e2e") -> str:
    """An empty database of its own for server or worker processes: a SQLite file in `tmp`, or
    `<test database>_<name>` made anew when TEST_DATABASE_URL is PostgreSQL."""
    base = os.environ.get("TEST_DATABASE_URL", "")
    if not base.startswith("postgresql"):
        return f"sqlite:///{tmp / f'{name}.sqlite3'}"
    url = make_url(base).set(database=f"{make_url(base).database}_{name}")
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{url.database}"'))
    admin.dispose()
    return url.render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: `make test` installs Debian's chromium package")
    tmp = tmp_path_factory.mktemp("e2e")
    env = {**os.environ, "DATABASE_URL": fresh_database_url(tmp), "SEARCHLIGHT_ENV": "development",
           "SEARCHLIGHT_DATA_DIR": str(tmp / "data"),
           # every journey comes from one address to one shared server: limits are tested apart
           **{f"SEARCHLIGHT_RATE_LIMIT_{name}": "10000"
              for name in ("LOGIN", "UPLOADS", "AI", "EXPORTS")}}
    for command in (["migrate"], ["demo", "load"]):
        subprocess.run([*SEARCHLIGHT, *command], env=env, check=True, capture_output=True)
    port = _free_port()
    log = (tmp / "server.log").open("w")
    server = subprocess.Popen([*SEARCHLIGHT, "serve", "--port", str(port)], env=env,
                              stdout=log, stderr=subprocess.STDOUT)
    # On SQLite the server runs the background jobs itself; PostgreSQL has worker processes.
    worker = None
    if env["DATABASE_URL"].startswith("postgresql"):
        worker = subprocess.Popen([*SEARCHLIGHT, "worker"], env=env, stdout=log,
                                  stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    _wait_until_up(base_url, server)
    yield base_url
    for process in (server, worker):
        if process is not None:
            process.terminate()
            process.wait(timeout=20)


def _wait_until_up(base_url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the server exited during start-up")
        try:
            httpx.get(f"{base_url}/login", timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("the server did not start within 30 s")


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=live_server, locale="nl-NL")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


PHONE = {"width": 390, "height": 844}
# A phone's browser, as the careers site's visitors use it (headless Chromium calls itself
# HeadlessChrome, which the site rightly counts as a bot).
VISITOR_AGENT = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                 "Chrome/124.0 Mobile Safari/537.36")


def open_page(browser, live_server: str, *, email: str = "", language: str = "",  # type: ignore[no-untyped-def]
              phone: bool = False, **options):
    """A page in a browser of its own (a new context): 390 px wide when `phone`, logged in as
    `email` when given, switched to `language` ("nl", "en") when given. `options` go to
    Playwright's new_context (a user agent, a locale)."""
    options.setdefault("locale", "en-GB" if language == "en" else "nl-NL")
    context = browser.new_context(base_url=live_server, **({"viewport": PHONE} if phone else {}),
                                  **options)
    context.set_default_timeout(15_000)
    page = context.new_page()
    if email:
        log_in(page, email)
    if language:
        use_language(page, language)
    return page


def log_in(page, email: str, password: str = "searchlight-demo") -> None:  # type: ignore[no-untyped-def]
    page.goto("/login")
    page.locator("#email").fill(email)
    page.locator("#password").fill(password)
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_url(lambda url: "/login" not in url)
    # The language a user picks is kept on their account, and journeys share the demo accounts
    # on one server: every journey starts in Dutch and switches itself when it wants English.
    use_language(page, "nl")


def add_candidate(page, full_name: str, email: str) -> str:  # type: ignore[no-untyped-def]
    """Create a candidate through the form, as a recruiter does; returns the new id."""
    page.goto("/candidates/new")
    page.locator("#f-full_name").fill(full_name)
    page.locator("#f-email").fill(email)
    page.locator("form.candidate-form button[type=submit]").click()
    page.get_by_role("heading", name=full_name).wait_for()
    return re.search(r"/candidates/(\d+)", page.url).group(1)  # type: ignore[union-attr,no-any-return]


def use_language(page, locale: str) -> None:  # type: ignore[no-untyped-def]
    """Switch the header's language select and wait for the reloaded page (no-op if already)."""
    if page.locator("html").get_attribute("lang") == locale:
        return
    select = page.locator("#locale-select")
    toggle = page.locator(".site-header .menu-toggle")
    if not select.is_visible() and toggle.is_visible():  # a phone: the language sits in the menu
        toggle.click()
    with page.expect_navigation():
        select.select_option(locale)
    assert page.locator("html").get_attribute("lang") == locale


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "runs_last: a journey that adds applicants to the demo roles, so it runs after "
        "the journeys that count a role's board or shortlist on the same server")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: item.get_closest_marker("runs_last") is not None)  # stable
