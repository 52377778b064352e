"""Two transactions recording audit entries at once, on PostgreSQL (where an advisory lock held
to the end of the transaction keeps the chain in order): the second waits for the first to
commit, and the first may go on recording meanwhile. A process-wide Python lock taken around
each entry used to deadlock them for good: the waiting one held it while the first needed it
for its next entry (a hand-in hung while a grading job recorded its steps)."""

import os
import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from searchlight.governance import audit
from searchlight.governance.events import created
from searchlight.migrate import upgrade
from tests.e2e.conftest import fresh_database_url

pytestmark = pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql"),
    reason="the chain's advisory lock is PostgreSQL's; SQLite has one writer at a time")


def _entry(n: int):  # type: ignore[no-untyped-def]
    return created("note", n, {"n": n})


def test_it_lets_a_transaction_record_again_while_another_waits_for_the_chain(
        tmp_path: Path) -> None:
    engine = create_engine(fresh_database_url(tmp_path, "auditlock"))
    upgrade(engine)
    first = Session(engine)
    try:
        audit.record(db_session=first, actor=None, event=_entry(1))  # holds the chain's lock

        def other() -> None:
            with Session(engine) as second, second.begin():
                audit.record(db_session=second, actor=None, event=_entry(2))

        waiting = threading.Thread(target=other, daemon=True)
        waiting.start()
        waiting.join(timeout=1)
        assert waiting.is_alive()  # waits for the first transaction, as it should

        again = threading.Thread(target=lambda: audit.record(
            db_session=first, actor=None, event=_entry(3)), daemon=True)
        again.start()
        again.join(timeout=10)
        assert not again.is_alive(), "the first transaction could not record its next entry"
        first.commit()
        waiting.join(timeout=10)
        assert not waiting.is_alive()
    finally:
        first.rollback()
        first.close()
    with Session(engine) as reader:
        checked, broken = audit.verify_chain(db_session=reader)
    engine.dispose()
    assert (checked, broken) == (3, None)
