"""Erasure leaves no trace: unique tokens seeded in every text column of every row tied to a
person (and in their stored file) are found in the database before, and nowhere afterwards —
for a person who is both a candidate and an employee (their development data, and the user
account, which stays anonymised under its number) —
not in the database file, the write-ahead log, freed pages or the file store (SQLite), not in
any table's data files (PostgreSQL, when its data directory is readable). The audit chain still
verifies. Runs the real commands on a database of its own."""

import os
import subprocess
import sys
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import text
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

from searchlight.auth.models import User
from searchlight.candidates import pipeline
from searchlight.candidates.documents import store_document
from searchlight.config import Settings
from searchlight.db import Base, make_engine, utcnow
from searchlight.gdpr.coverage import REMOVED, RULES, email_columns
from searchlight.gdpr.erasure import collect
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent
from searchlight.mail.models import OutboxMessage
from searchlight.models_registry import load_all_models
from searchlight.roles.models import RoleVersion
from tests.candidates.factories import make_candidate, make_role
from tests.e2e.conftest import fresh_database_url
from tests.factories import make_user

pytestmark = pytest.mark.slow
SEARCHLIGHT = [sys.executable, "-m", "searchlight.cli"]
_SKIP = ("storage_path", "spool_path", "stage_key", "from_stage", "to_stage")


def _cli(env: dict[str, str], *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SEARCHLIGHT, *arguments], env=env, capture_output=True, text=True,
                          timeout=300)


def _token() -> str:
    return "tok" + uuid.uuid4().hex[:16]


def _kind(column: sa.Column) -> Any:  # type: ignore[type-arg]
    kind = column.type
    return kind.impl if isinstance(kind, TypeDecorator) else kind


def _dummy(column: sa.Column, token: str) -> Any:  # type: ignore[type-arg]
    kind = _kind(column)
    if isinstance(kind, sa.JSON):
        return {"t": token}
    if isinstance(kind, sa.String):
        return token[: kind.length] if kind.length else token
    if isinstance(kind, sa.LargeBinary):
        return token.encode()
    if isinstance(kind, sa.Boolean):
        return False
    if isinstance(kind, sa.DateTime):
        return utcnow()
    if isinstance(kind, sa.Date):
        return date.today()
    if isinstance(kind, sa.Float | sa.Numeric):
        return 0.5
    return 1


def _seed_every_erased_table(db: Session, ids: dict[str, int]) -> list[str]:
    """One row in every table an erasure walks into that has none for this person yet, with
    foreign keys to this person's rows (or to the shared role, user and parents)."""
    erased = {"candidates"} | {key.split(".")[0] for key, rule in RULES.items()
                                if rule.kind in REMOVED}
    found = collect(db, [ids["candidates"]], [ids["users"]])
    seeded: list[str] = []
    for table in Base.metadata.sorted_tables:
        if table.name not in erased or found.get(table.name):
            if found.get(table.name):
                ids.setdefault(table.name, min(found[table.name]))
            continue
        values: dict[str, Any] = {}
        for column in table.columns:
            if column.primary_key and column.name == "id" and not isinstance(
                    _kind(column), sa.String):
                continue
            targets = [fk.column.table.name for fk in column.foreign_keys]
            if targets:
                target = targets[0]
                if target not in ids:
                    parent = Base.metadata.tables[target]
                    ids[target] = _insert(db, parent, ids)
                values[column.name] = ids[target]
            elif not column.nullable or column.default is None:
                token = _token()
                seeded.append(token)
                values[column.name] = _dummy(column, token)
        ids[table.name] = _insert_values(db, table, values)
    return seeded


def _insert(db: Session, table: sa.Table, ids: dict[str, int]) -> int:
    values: dict[str, Any] = {}
    for column in table.columns:
        if column.primary_key and column.name == "id":
            continue
        targets = [fk.column.table.name for fk in column.foreign_keys]
        if targets:
            if targets[0] not in ids:
                ids[targets[0]] = _insert(db, Base.metadata.tables[targets[0]], ids)
            values[column.name] = ids[targets[0]]
        elif not column.nullable:
            values[column.name] = _dummy(column, _token())
    return _insert_values(db, table, values)


def _insert_values(db: Session, table: sa.Table, values: dict[str, Any]) -> Any:
    result = db.execute(sa.insert(table).values(**values))
    if "id" not in table.c:
        return 0
    return result.inserted_primary_key[0]


WHERE: dict[str, str] = {}


def _fill_tokens(db: Session, candidate_id: int, user_id: int) -> list[str]:
    """Put a fresh token in every text column of every row tied to the person."""
    tokens = []
    for name, row_ids in collect(db, [candidate_id], [user_id]).items():
        if name == "users":
            continue  # name and e-mail hold tokens already; the role stays on purpose
        table = Base.metadata.tables[name]
        for column in table.columns:
            kind = _kind(column)
            if column.foreign_keys or column.primary_key or column.name in _SKIP or \
                    not isinstance(kind, sa.String | sa.JSON):
                continue
            if column.name in ("email", "email_key", "full_name", "name_key"):
                continue  # set by the service (the tokens are in them already)
            if isinstance(kind, sa.String) and kind.length and kind.length < 19:
                continue  # codes (a language, a kind): too short to hold a token
            for row_id in row_ids:
                token = _token()
                tokens.append(token)
                WHERE[token] = f"{name}.{column.name}"
                db.execute(sa.update(table).where(table.c.id == row_id)
                           .values({column.name: _dummy(column, token)}))
    return tokens


def _scan(paths: list[Path], tokens: list[str]) -> set[str]:
    found = set()
    for path in paths:
        if path.is_file():
            data = path.read_bytes()
            found |= {t for t in tokens if t.encode() in data}
    return found


def _postgres_files(engine: sa.Engine) -> list[Path] | None:
    with engine.connect() as connection:
        connection = connection.execution_options(isolation_level="AUTOCOMMIT")
        connection.execute(text("CHECKPOINT"))
        folder = Path(connection.execute(text("SHOW data_directory")).scalar_one())
        oid = connection.execute(text(
            "SELECT oid FROM pg_database WHERE datname = current_database()")).scalar_one()
    base = folder / "base" / str(oid)
    try:
        return [p for p in base.iterdir() if p.is_file()]
    except OSError:  # the server runs as another user on this machine
        return None


def test_it_leaves_no_trace_of_an_erased_person(tmp_path: Path) -> None:
    load_all_models()
    url = fresh_database_url(tmp_path, "erasure")
    data_dir = tmp_path / "data"
    env = {**os.environ, "DATABASE_URL": url, "SEARCHLIGHT_ENV": "development",
           "SEARCHLIGHT_DATA_DIR": str(data_dir)}
    assert _cli(env, "migrate").returncode == 0
    engine = make_engine(url)
    settings = Settings(database_url=url, data_dir=data_dir)
    name_token, email_token, cv_token = _token(), _token(), _token()
    email = f"{email_token}@example.org"
    with Session(engine) as db:
        officer = make_user(db, "Olaf", "admin")
        employee = make_user(db, f"Anna{name_token}", "employee")
        employee.email = email  # the candidate works here too
        role = make_role(db, "erasure-role")
        candidate = make_candidate(db, f"Anna {name_token}", email=email)
        audit.record(db_session=db, actor=employee, event=AuditEvent(
            "user.login", "user", employee.id))  # what the employee did stays, without them
        kept = make_candidate(db, "Karel Blijft")
        application = pipeline.apply_to_role(db_session=db, actor=officer, candidate=candidate,
                                             role=role, stage_key="applied")
        pipeline.move_stage(db_session=db, actor=officer, application=application,
                            to_stage="rejected", reason=f"Anna {name_token} lacks MLOps")
        store_document(db_session=db, data=f"Anna {name_token}\n{cv_token}\n".encode(),
                       filename=f"anna-{name_token}.txt", candidate_id=candidate.id,
                       settings=settings)
        db.add(OutboxMessage(to_address=email, subject="Hallo", body="Beste Anna",
                             purpose="test", language="nl"))
        db.flush()
        ids = {"candidates": candidate.id, "users": employee.id, "roles": role.id,
               "role_versions": db.scalars(sa.select(RoleVersion.id)).one()}
        seeded = _seed_every_erased_table(db, ids)
        for column in email_columns(Base.metadata):
            if column.table.name != "mail_outbox":
                _insert_values(db, column.table, {
                    c.name: (email if c is column else _dummy(c, _token()))
                    for c in column.table.columns
                    if not (c.primary_key and c.name == "id") and not c.nullable})
        filled = _fill_tokens(db, candidate.id, employee.id)
        employee_id = employee.id
        tokens = [name_token, email_token, cv_token, *seeded, *filled]
        kept_id = candidate.id, kept.id
        db.commit()
    engine.dispose()

    sqlite_files = ([Path(url.split("///", 1)[1] + suffix) for suffix in ("", "-wal", "-shm")]
                    if url.startswith("sqlite") else [])
    stored_files = [p for p in data_dir.rglob("*") if p.is_file()]
    exported = _cli(env, "gdpr", "export", "--email", email, "--format", "json")
    assert exported.returncode == 0, exported.stderr
    missing = [t for t in filled if t not in exported.stdout]
    assert name_token in exported.stdout
    assert all(WHERE[t].endswith((".token_hash", ".csrf_token")) for t in missing), \
        [WHERE[t] for t in missing]  # secrets are left out
    assert _scan(sqlite_files + stored_files, tokens)  # the scan does find them before

    erased = _cli(env, "gdpr", "erase", "--email", email, "--yes")
    assert erased.returncode == 0, erased.stderr

    files = sqlite_files + [p for p in data_dir.rglob("*") if p.is_file()]
    if url.startswith("postgresql"):
        files += _postgres_files(engine) or []
    left = _scan(files, tokens)
    assert not left, f"tokens left after erasure: {sorted(left)[:5]} of {len(left)}"
    with Session(engine) as db:
        for table in Base.metadata.sorted_tables:
            if table.name == "gdpr_erasures":
                continue
            flat = repr(db.execute(sa.select(table)).all())
            assert not [t for t in tokens if t in flat], table.name
        assert db.scalar(sa.select(sa.func.count()).select_from(
            Base.metadata.tables["candidates"])) >= 1  # the other person stays
        account = db.get_one(User, employee_id)  # kept for the audit log, anonymised and closed
        assert (account.full_name, account.is_active) == (f"#{employee_id}", False)
        for key, rule in RULES.items():
            table = Base.metadata.tables[key.split(".")[0]]
            column = table.c[key.split(".")[1]]
            if rule.kind in REMOVED and "users" in {fk.column.table.name
                                                    for fk in column.foreign_keys}:
                assert not db.scalar(sa.select(sa.func.count()).select_from(table).where(
                    column == employee_id)), key
    assert _cli(env, "audit", "verify").returncode == 0
    assert kept_id
    engine.dispose()
