"""A read never writes: no page, download or HTMX fragment that a demo user (or a candidate on
the careers site) reaches by following links changes a row. The one deliberate exception, the
log-in session's touch (`auth.service.resolve_session`: last seen, at most once a minute), is
made just before each request here, so that it cannot hide another write.

Rows are counted on the suite's one connection (see `connection` in tests/conftest.py), which
every session of the app joins: on SQLite by the connection's change counter (which also counts
changes undone by a rolled-back savepoint and changes made by triggers), named per table by the
statements that made them; on PostgreSQL by the current transaction's per-table counts of
inserted, updated and deleted rows (`pg_stat_xact_user_tables`), aborted savepoints included."""

import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Connection, event, select, text, update
from sqlalchemy.orm import Session

from searchlight.auth.models import User, UserSession
from searchlight.candidates.models import Application
from searchlight.careers import service as careers
from searchlight.db import utcnow
from searchlight.deps import CurrentUser, DbSession
from searchlight.errors import DomainError
from searchlight.survey import service as survey
from searchlight.survey.models import AUDIENCES
from tests.factories import log_in
from tests.home.test_every_page import candidate_links
from tests.pagewalk import is_download, pattern, reads, walk

ROLES = ("recruiter", "hiring_manager", "ld_lead", "employee", "admin", "privacy_officer",
         "auditor")
# Tables a GET may change, and why. Nothing else may change, whatever the page.
EXCEPTIONS = {
    # Exports and downloads are rate-limited per user (ratelimit.EXPORT), and the counter must
    # hold across every worker, so the hit is counted in the database (ratelimit.py).
    "rate_counters": "an export or download counts against the user's export limit",
}
WRITE = re.compile(r'^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?'
                   r'|DELETE\s+FROM)\s+"?(\w+)', re.I)
UNNAMED = "(a statement that names no table)"
OUTSIDE = "(before any statement seen)"


@contextmanager
def row_changes(connection: Connection) -> Iterator[Callable[[], Counter[str]]]:
    """A function that tells how many rows each table has had changed on `connection` so far."""
    if connection.dialect.name == "postgresql":
        def pg_counts() -> Counter[str]:
            rows = connection.execute(text(
                "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_xact_user_tables"
                " WHERE n_tup_ins + n_tup_upd + n_tup_del > 0"))
            return Counter({table: changed for table, changed in rows})
        yield pg_counts
        return
    raw: Any = connection.connection.dbapi_connection
    named: Counter[str] = Counter()
    last = [OUTSIDE, raw.total_changes]  # the latest write statement's table; changes counted

    def count() -> None:
        # A statement's changes are counted when it ends: with RETURNING, only once its rows
        # have been read, after `execute` returned. They belong to the latest statement.
        named[last[0]] += raw.total_changes - last[1]
        last[1] = raw.total_changes

    def started(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        count()

    def finished(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        found = WRITE.match(statement)
        last[0] = found.group(1) if found else UNNAMED
        count()

    engine = connection.engine
    event.listen(engine, "before_cursor_execute", started)
    event.listen(engine, "after_cursor_execute", finished)

    def sqlite_counts() -> Counter[str]:
        count()
        return +named

    try:
        yield sqlite_counts
    finally:
        event.remove(engine, "before_cursor_execute", started)
        event.remove(engine, "after_cursor_execute", finished)


Writes = list[tuple[str, str, int, Counter[str]]]  # who, path, status, rows changed per table


def reader(client: TestClient, connection: Connection, counts: Callable[[], Counter[str]],
           writes: Writes, who: str) -> Callable[[str], tuple[int, str, str]]:
    """`fetch` for the page walk: one GET, with the rows it changed kept in `writes`."""

    def fetch(path: str) -> tuple[int, str, str]:
        # The session's touch now, so that the GET has no reason to make it.
        connection.execute(update(UserSession).values(last_seen_at=utcnow()))
        before = counts()
        response = client.get(path)
        if changed := counts() - before:
            writes.append((who, path, response.status_code, changed))
        kind = response.headers.get("content-type", "")
        return response.status_code, kind, response.text if "html" in kind else ""

    return fetch


def mailed_links(db: Session) -> list[str]:
    """Pages a candidate opens from a mail: an assignment, a chat interview, self-identification
    (as in the page walk), and the job alert's and the survey's links."""
    alert = careers.subscribe(db, email="ann@example.org", role_keys=["ml-engineer"], skills=[],
                              language="nl", base_url="http://testserver")
    links = candidate_links(db)  # commits
    return [*links, f"/careers/alerts/confirm/{alert.token}", f"/careers/alerts/stop/{alert.token}",
            survey_link(db)]


def survey_link(db: Session) -> str:
    """The link of a survey about an ended procedure. The hourly job may have invited some
    already (once per process, so not always in this test), so the test invites for itself."""
    for application in db.scalars(select(Application).order_by(Application.id)):
        for audience in AUDIENCES:
            try:
                _invitation, token = survey.invite(
                    db_session=db, actor=None, application=application, audience=audience,
                    base_url="http://testserver")
            except DomainError:  # still open, already invited, or nobody to ask
                continue
            db.commit()
            return f"/survey/{token}"
    raise AssertionError("the demo has no ended procedure left to survey")


def test_it_changes_no_row_on_any_page_a_user_reaches(client, world, db, eve, connection):  # type: ignore[no-untyped-def]
    """As each demo user, as the named users who own the world's cohort, evidence, transcript
    and texts, and as a candidate (the careers site and the links a candidate is mailed)."""
    mailed = mailed_links(db)
    demo_users = [db.scalar(select(User).where(User.role == role, User.is_demo)) for role in ROLES]
    named = [*world["users"].values(), eve]
    writes: Writes = []
    visited: list[str] = []
    with row_changes(connection) as counts:
        for user in [*demo_users, *named, None]:
            client.cookies.clear()
            if user is not None:  # a candidate is not logged in and starts at the careers site
                log_in(client, db, user)
            who = f"{user.role} {user.email}" if user else "candidate"
            fetch = reader(client, connection, counts, writes, who)
            pages = walk(fetch, start="/" if user else "/careers", limit=400, per_section=40,
                         also=reads)
            extra = [] if user else [(path, *fetch(path)) for path in mailed]
            visited += [path for path, *_ in [*pages, *extra]]
    wrote = [f"{who} GET {path} ({status}) changed {dict(changed)}"
             for who, path, status, changed in writes if set(changed) - set(EXCEPTIONS)]
    assert len(visited) > 150 and len({pattern(path) for path in visited}) > 80
    assert [path for path in visited if is_download(path)], "the walk reached no download"
    assert not wrote, f"{len(wrote)} reads wrote:\n" + "\n".join(wrote)
    used = {table for *_, changed in writes for table in changed}
    assert used >= set(EXCEPTIONS), f"no read needs the exception for {set(EXCEPTIONS) - used}"


def test_it_names_the_page_and_the_table_of_a_read_that_writes(app: FastAPI, db: Session,
                                                               connection: Connection,
                                                               alice: User) -> None:
    """The check can fail: a GET that changes the user's locale is caught, with its table."""

    @app.get("/probe/writes")
    def writes_on_read(user: CurrentUser, session: DbSession) -> dict[str, str]:
        session.execute(update(User).where(User.id == user.id).values(locale="nl"))
        return {}

    @app.get("/probe/reads")
    def only_reads(user: CurrentUser, session: DbSession) -> dict[str, str]:
        return {"locale": session.scalars(select(User.locale)).first() or ""}

    writes: Writes = []
    with TestClient(app, base_url="http://testserver") as client, \
            row_changes(connection) as counts:
        log_in(client, db, alice)
        fetch = reader(client, connection, counts, writes, "alice")
        fetch("/probe/reads")
        fetch("/probe/writes")
    assert [(path, dict(changed)) for _who, path, _status, changed in writes] == [
        ("/probe/writes", {"users": 1})]
