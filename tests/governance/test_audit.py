import pytest
from sqlalchemy import delete, text, update
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from searchlight.cli import build_app
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent, updated
from searchlight.governance.models import AuditEntry


def _record_three(db, actor):  # type: ignore[no-untyped-def]
    return [
        audit.record(db_session=db, actor=actor, event=AuditEvent(f"thing.{i}", "thing", i))
        for i in range(3)
    ]


def test_it_chains_each_entry_to_the_previous(db, alice):
    first, second, third = _record_three(db, alice)
    assert second.prev_hash == first.entry_hash
    assert third.prev_hash == second.entry_hash
    assert audit.verify_chain(db_session=db)[1] is None


def _tamper_as_the_database_owner(db) -> None:  # type: ignore[no-untyped-def]
    """Someone with the database's own rights can still drop the guard: then the hash chain is
    what shows the change (undone with the test's transaction)."""
    if db.get_bind().dialect.name == "postgresql":
        db.execute(text("ALTER TABLE audit_entries DISABLE TRIGGER USER"))
    else:
        db.execute(text("DROP TRIGGER audit_entries_no_update"))


def test_it_refuses_to_update_or_delete_an_entry_in_the_database(db, alice):
    entries = _record_three(db, alice)
    for statement in (update(AuditEntry).where(AuditEntry.id == entries[0].id)
                      .values(action="x.y"),
                      delete(AuditEntry).where(AuditEntry.id == entries[0].id)):
        with pytest.raises(DBAPIError, match="append-only"), db.begin_nested():
            db.execute(statement)
    assert db.get(AuditEntry, entries[0].id) is not None


def test_it_names_the_first_altered_entry(db, alice):
    entries = _record_three(db, alice)
    _tamper_as_the_database_owner(db)
    db.execute(update(AuditEntry).where(AuditEntry.id == entries[1].id)
               .values(changes={"forged": True}))
    checked, broken = audit.verify_chain(db_session=db)
    assert broken is not None and broken.entry_id == entries[1].id
    assert checked == 1


def test_it_records_only_what_changed(db, alice):
    event = updated("role", 7, {"title": "A", "weight": 1}, {"title": "B", "weight": 1})
    entry = audit.record(db_session=db, actor=alice, event=event)
    assert entry.changes == {"title": {"old": "A", "new": "B"}}


def test_it_exits_non_zero_from_the_cli_when_the_chain_is_broken(db, alice):
    entries = _record_three(db, alice)
    db.commit()
    runner = CliRunner()
    assert runner.invoke(build_app(), ["audit", "verify"]).exit_code == 0
    _tamper_as_the_database_owner(db)
    db.execute(update(AuditEntry).where(AuditEntry.id == entries[2].id).values(action="x.y"))
    db.commit()
    result = runner.invoke(build_app(), ["audit", "verify"])
    assert result.exit_code == 1
    assert f"audit entry {entries[2].id}" in result.output


def test_it_shows_the_log_only_to_admins(as_alice, dora, client, db):
    assert as_alice.get("/audit").status_code == 403
