"""The JSON columns and bulk inserts of searchlight.db, on the test database (SQLite, or
PostgreSQL with TEST_DATABASE_URL, where a re-rank writes its rows by COPY): what goes in comes
back the same, whichever path wrote it."""

import copy
import math
from datetime import UTC, datetime

import numpy as np
import pytest
from sqlalchemy import insert, select, text

from searchlight.config import get_settings
from searchlight.db import insert_rows, json_dumps, json_loads
from searchlight.governance.models import AuditEntry
from searchlight.matching.embedder import default_embedder
from searchlight.screening.batches import screen_entries
from searchlight.screening.models import ScreeningResult
from searchlight.screening.ranking import rerank
from tests.screening.cvfiles import make_cv
from tests.screening.factories import make_role, new_version


def test_it_writes_json_fast_and_falls_back_for_what_orjson_refuses() -> None:
    assert json_loads(json_dumps({"a": [1, 2.5, None, True], 3: "x"})) == {
        "a": [1, 2.5, None, True], "3": "x"}
    assert json_loads(json_dumps({"s": np.float64(0.25), "v": np.array([1, 2])})) == {
        "s": 0.25, "v": [1, 2]}
    assert json_loads(json_dumps(2**70)) == 2**70  # too big for orjson: the standard library
    assert math.isnan(json_loads("[NaN]")[0])  # what the standard library may have stored


def test_it_bulk_inserts_rows_with_awkward_text_unchanged(db) -> None:  # type: ignore[no-untyped-def]
    role = make_role(db)
    entries = [(f"cv{i}.txt", make_cv("en", seed=i).text.encode()) for i in range(3)]
    list(screen_entries(entries, role_id=role.id, actor_id=None, settings=get_settings(),
                        embedder=default_embedder()))
    awkward = 'Kubernetes "K8s" \\ C:\\temp\ttab é 😀 \\N'
    profile = copy.deepcopy(role.versions[0].profile)
    profile["dimensions"][0]["items"].append(
        {"text_nl": awkward, "text_en": awkward, "must_have": True, "skills": [],
         "min_years": None})
    version = new_version(db, role, profile)
    assert rerank(db_session=db, role=role, embedder=default_embedder()) == 3
    rows = db.scalars(select(ScreeningResult).where(
        ScreeningResult.role_version_id == version.id)).all()
    assert len(rows) == 3
    assert all(any(awkward in reason for reason in row.reasons) for row in rows)
    assert all(row.revealed_at is None and row.scored_at.tzinfo is not None for row in rows)


def test_it_asks_for_columns_whose_defaults_a_bulk_insert_would_not_apply(db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="give"):
        insert_rows(connection=db.connection(), table=AuditEntry.__table__,
                    rows=[{"event": "x"}])


def test_it_stores_bulk_rows_exactly_as_the_orm_does(db) -> None:  # type: ignore[no-untyped-def]
    """Datetimes, JSON (a JSON null included) and text land in the same stored form."""
    table = AuditEntry.__table__
    when = datetime(2026, 12, 4, 10, 30, 15, 123456, tzinfo=UTC)
    row = {"occurred_at": when, "actor_id": None, "actor_label": "é \\N", "action": "x",
           "target_type": "t", "target_id": "1", "changes": {"a": [1.5, None], "b": "é"},
           "entry_hash": "h"}
    db.execute(insert(table), [row | {"prev_hash": "orm"}])
    insert_rows(connection=db.connection(), table=table, rows=[row | {"prev_hash": "bulk"}])
    stored = db.execute(text(
        "SELECT occurred_at, actor_id, actor_label, changes FROM audit_entries "
        "WHERE prev_hash IN ('orm', 'bulk') ORDER BY prev_hash DESC")).all()
    assert len(stored) == 2
    assert stored[0] == stored[1]
    read = db.scalars(select(AuditEntry).where(AuditEntry.prev_hash == "bulk")).one()
    assert read.occurred_at == when and read.changes == row["changes"]
