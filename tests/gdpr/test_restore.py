"""An erasure survives a restore: the ledger is kept through it and applied again, so a person
erased after the backup was made is erased again from the restored database."""

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.candidates.documents import document_path, store_document
from searchlight.candidates.models import Candidate
from searchlight.config import Settings
from searchlight.gdpr.models import Erasure
from tests.candidates.factories import make_candidate, text_cv
from tests.governance.test_backup import _cli, migrated_install

pytestmark = pytest.mark.slow


def test_it_applies_the_erasure_ledger_again_after_a_restore(tmp_path: Path) -> None:
    env, engine, settings = migrated_install(tmp_path, "ledger")
    with Session(engine) as db:
        make_candidate(db, "Gerrit Gewist", email="gerrit@example.org")
        gone = make_candidate(db, "Bram Blijft", email="bram@example.org")
        stored = document_path(store_document(
            db_session=db, data=text_cv("Gerrit Gewist"), filename="gerrit.txt",
            candidate_id=gone.id - 1, settings=settings), settings)
        db.commit()
    archive = tmp_path / "backup.tar.gz"
    assert _cli(env, "backup", str(archive)).returncode == 0
    erased = _cli(env, "gdpr", "erase", "--email", "gerrit@example.org", "--yes")
    assert erased.returncode == 0, erased.stderr
    assert not stored.exists()
    engine.dispose()

    restored = _cli(env, "restore", str(archive), "--yes")
    assert restored.returncode == 0, restored.stderr
    assert "1 records erased since the backup" in restored.stderr
    with Session(engine) as db:
        assert set(db.scalars(select(Candidate.full_name))) == {"Bram Blijft"}
        assert db.scalar(select(Erasure.records).where(Erasure.status == "done")) == 1
    assert not stored.exists()  # the file the backup put back is removed again
    assert _cli(env, "audit", "verify").returncode == 0
    engine.dispose()


# A process that runs `searchlight gdpr erase` and dies at a chosen moment: right after the
# erasure committed (before the ledger file's `done` line), or before it committed.
_CRASH = """
import os, sys
from searchlight.gdpr import erasure, ledger
from searchlight.cli import build_app

moment = sys.argv[1]
if moment == "after-commit":
    ledger._after_outcome = lambda *args: None  # the hook that writes `done` never runs
    import searchlight.db as db
    real = db.transaction

    from contextlib import contextmanager

    @contextmanager
    def dies_after_commit():
        with real() as session:
            yield session
        os._exit(0)  # committed; the process dies before anything else

    import searchlight.cli.gdpr as gdpr_cli
    gdpr_cli.transaction = dies_after_commit
else:
    real_erase = erasure.erase_people

    def dies_before_commit(**kwargs):
        real_erase(**kwargs)
        os._exit(1)  # inside the transaction: nothing committed

    ledger.erase_people = dies_before_commit
build_app()(["gdpr", "erase", "--email", sys.argv[2], "--yes"])
"""


def _crash(env: dict[str, str], moment: str, email: str) -> None:
    import subprocess
    import sys

    subprocess.run([sys.executable, "-c", _CRASH, moment, email], env=env, timeout=300,
                   capture_output=True, text=True)


def _states(settings: Settings) -> list[str]:
    from searchlight.gdpr.ledger import read_file

    return [str(line.get("state")) for line in read_file(settings)]


@pytest.mark.parametrize("moment", ["after-commit", "before-commit"])
def test_it_keeps_a_crashed_erasure_right_through_a_restore(tmp_path: Path, moment: str) -> None:
    """Crash after the commit: the file holds only `pending`; the restore settles it against the
    database it replaces (the erasure is there: `done`) and erases the person again. Crash before
    the commit: nothing was erased, the restore settles it as `aborted` and erases no one."""
    env, engine, settings = migrated_install(tmp_path, "crash")
    with Session(engine) as db:
        make_candidate(db, "Gerrit Gewist", email="gerrit@example.org")
        make_candidate(db, "Bram Blijft", email="bram@example.org")
        db.commit()
    archive = tmp_path / "backup.tar.gz"
    assert _cli(env, "backup", str(archive)).returncode == 0
    _crash(env, moment, "gerrit@example.org")
    assert _states(settings) == ["pending"]
    with Session(engine) as db:
        committed = db.scalar(select(Candidate.id).where(
            Candidate.email == "gerrit@example.org")) is None
    assert committed == (moment == "after-commit")
    engine.dispose()

    restored = _cli(env, "restore", str(archive), "--yes")
    assert restored.returncode == 0, restored.stderr
    with Session(engine) as db:
        names = set(db.scalars(select(Candidate.full_name)))
        erasures = db.scalars(select(Erasure.status)).all()
    if moment == "after-commit":
        assert _states(settings) == ["pending", "done"]
        assert names == {"Bram Blijft"} and erasures == ["done"]
    else:
        assert _states(settings) == ["pending", "aborted"]
        assert names == {"Gerrit Gewist", "Bram Blijft"} and erasures == []
    assert _cli(env, "audit", "verify").returncode == 0
    engine.dispose()
