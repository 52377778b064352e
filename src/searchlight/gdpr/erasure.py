"""Carry out an erasure: every row that the rules in `coverage` tie to the people, their files,
and afterwards (`compact`) the freed space of the database, so that no trace is left.

A person is a candidate record, a user account (an employee: their development data), or both
(found by one e-mail address). A candidate record is removed. A user account is not removed but
anonymised and closed: its number is what audit entries (`actor_id`) and the work other people
did (created by, reviewed by: `STAFF` in `coverage`) refer to, and the employer must be able to
show that a decision was taken by an authorised person even after that person left. What goes:
the name, e-mail address and password, sessions and API tokens, and every row of their own
development data (SEARCH profile, evidence, assessments, learning plans, cohort memberships,
portfolio items) — the `EMPLOYEE` rules. What stays: the bare account number and its role.

Audit entries stay: they refer to people by number only (a pseudonymous reference once the
record is gone or anonymised), name their actor as `user:<number>`, and never hold names or
contact details (decision reasons are redacted of the person's known identifiers when they are
recorded).
"""

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, func, select, text, update
from sqlalchemy.orm import Session

from searchlight.auth.models import User
from searchlight.candidates.documents import documents_dir
from searchlight.candidates.models import Candidate, Document
from searchlight.config import Settings
from searchlight.db import Base
from searchlight.fairness.service import detach
from searchlight.gdpr.coverage import (
    detach_columns,
    email_columns,
    erase_children,
    unlink_columns,
)
from searchlight.models_registry import load_all_models
from searchlight.screening.models import BatchFile

log = logging.getLogger(__name__)
CHUNK = 500


@dataclass
class Erased:
    """What an erasure removed: row counts per table (no names, no ids) and files."""

    rows: dict[str, int] = field(default_factory=dict)
    files: int = 0

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _chunks(values: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(values), CHUNK):
        yield values[start:start + CHUNK]


ERASED_DOMAIN = "erased.invalid"


def erased_email(user_id: int) -> str:
    return f"erased-{user_id}@{ERASED_DOMAIN}"


def is_erased(user: User) -> bool:
    return user.email == erased_email(user.id)


def collect(db_session: Session, candidate_ids: Sequence[int],
            user_ids: Sequence[int] = ()) -> dict[str, set[Any]]:
    """Walk the erase rules from the candidates and user accounts down: the ids of every row to
    remove (or, for `users`, to anonymise), per table with an `id` column (tables keyed
    otherwise are removed by their column)."""
    load_all_models()  # a command may not have imported every domain's tables yet
    tables = Base.metadata.tables
    found: dict[str, set[Any]] = {"candidates": set(candidate_ids)}
    if user_ids:
        found["users"] = set(user_ids)
    queue = list(found)
    while queue:
        parent = queue.pop()
        parent_ids = sorted(found[parent])
        for table, column in erase_children(Base.metadata, parent):
            if "id" not in table.c:
                continue
            new: set[int] = set()
            for chunk in _chunks(parent_ids):
                new.update(db_session.scalars(select(table.c.id).where(column.in_(chunk))))
            new -= found.get(table.name, set())
            if new:
                found.setdefault(table.name, set()).update(new)
                queue.append(table.name)
    assert set(found) <= set(tables)
    return found


def _files(db_session: Session, found: dict[str, set[Any]], settings: Settings) -> list[Path]:
    paths = []
    for chunk in _chunks(sorted(found.get("documents", ()))):
        paths += [documents_dir(settings) / p for p in db_session.scalars(
            select(Document.storage_path).where(Document.id.in_(chunk)))]
    for chunk in _chunks(sorted(found.get("screening_batch_files", ()))):
        paths += [Path(p) for p in db_session.scalars(
            select(BatchFile.spool_path).where(BatchFile.id.in_(chunk))) if p]
    return paths


def erase_candidates(
    *, db_session: Session, candidate_ids: list[int], settings: Settings,
) -> Erased:
    """Remove the candidates and everything the rules tie to them, and their stored files."""
    return erase_people(db_session=db_session, candidate_ids=candidate_ids, user_ids=[],
                        settings=settings)


def _anonymise(db_session: Session, user_ids: Sequence[int]) -> int:
    """Close the accounts and remove what identifies the people; the numbers stay."""
    users = db_session.scalars(select(User).where(User.id.in_(user_ids))).all()
    for user in users:
        user.email, user.full_name = erased_email(user.id), f"#{user.id}"
        user.password_hash, user.is_active = "!", False
    return len(users)


def _detach(db_session: Session, found: dict[str, set[Any]]) -> None:
    """Anonymous aggregates stay: the bias audit's answers keep their frozen outcome and lose
    their link to the erased application (`DETACH` in `coverage`)."""
    detach(db_session=db_session, application_ids=sorted(found.get("applications", ())))
    for column in detach_columns(Base.metadata):  # any other DETACH reference: cleared
        for target in {fk.column.table.name for fk in column.foreign_keys}:
            for chunk in _chunks(sorted(found.get(target, ()))):
                db_session.execute(update(column.table).where(column.in_(chunk))
                                   .values({column.name: None}))


def erase_people(
    *, db_session: Session, candidate_ids: Sequence[int], user_ids: Sequence[int],
    settings: Settings,
) -> Erased:
    """Remove the candidates and the employees' development data with everything the rules tie
    to them, their stored files and the mail to their addresses; anonymise the accounts."""
    result = Erased()
    if not candidate_ids and not user_ids:
        return result
    emails = [e.lower() for e in db_session.scalars(select(Candidate.email).where(
        Candidate.id.in_(candidate_ids))) if e]
    emails += [e.lower() for e in db_session.scalars(select(User.email).where(
        User.id.in_(user_ids))) if e]
    for column in unlink_columns(Base.metadata):
        subject_ids = user_ids if "users" in {fk.column.table.name for fk in column.foreign_keys} \
            else candidate_ids
        if subject_ids:
            db_session.execute(update(column.table).where(column.in_(subject_ids))
                               .values({column.name: None}))
    found = collect(db_session, candidate_ids, user_ids)
    _detach(db_session, found)
    paths = _files(db_session, found, settings)
    # Tables without an id column (link tables, search terms) go by their column first.
    for name in list(found):
        for table, column in erase_children(Base.metadata, name):
            if "id" in table.c:
                continue
            for chunk in _chunks(sorted(found[name])):
                removed = db_session.execute(delete(table).where(column.in_(chunk))).rowcount  # type: ignore[attr-defined]
                result.rows[table.name] = result.rows.get(table.name, 0) + (removed or 0)
    for table in reversed(Base.metadata.sorted_tables):  # children before parents
        if table.name == "users":
            continue  # anonymised below, not removed
        ids = sorted(found.get(table.name, ()))
        for chunk in _chunks(ids):
            removed = db_session.execute(delete(table).where(table.c.id.in_(chunk))).rowcount  # type: ignore[attr-defined]
            result.rows[table.name] = result.rows.get(table.name, 0) + (removed or 0)
    for column in email_columns(Base.metadata):
        for chunk in _chunks(emails):  # type: ignore[arg-type]
            removed = db_session.execute(delete(column.table).where(
                func.lower(column).in_(chunk))).rowcount  # type: ignore[attr-defined]
            if removed:
                result.rows[column.table.name] = result.rows.get(column.table.name, 0) + removed
    if user_ids:
        result.rows["users"] = _anonymise(db_session, user_ids)
    db_session.flush()
    for path in paths:
        try:
            path.unlink()
            result.files += 1
        except FileNotFoundError:
            pass
    result.rows = {name: n for name, n in sorted(result.rows.items()) if n}
    return result


def compact(engine: Engine) -> None:
    """Leave no trace of deleted rows in the database files: on SQLite (secure_delete is on for
    every connection, so freed pages are zeroed) the write-ahead log is checkpointed and
    truncated and the file vacuumed; on PostgreSQL the tables are vacuumed in full (rewritten,
    the old files with the dead rows removed)."""
    if engine.dialect.name == "sqlite":
        # The raw connection is in autocommit mode (isolation_level None): VACUUM needs that.
        raw = engine.raw_connection()
        try:
            cursor = raw.cursor()
            for statement in ("PRAGMA wal_checkpoint(TRUNCATE)", "VACUUM",
                              "PRAGMA wal_checkpoint(TRUNCATE)"):
                cursor.execute(statement)
            cursor.close()
        finally:
            raw.close()
    elif engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection = connection.execution_options(isolation_level="AUTOCOMMIT")
            for table in Base.metadata.sorted_tables:
                connection.execute(text(f'VACUUM (FULL, ANALYZE) "{table.name}"'))
    else:  # pragma: no cover - only the two supported databases
        log.warning("no compaction for %s", engine.dialect.name)
