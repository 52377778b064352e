"""An erasure survives a restore: the ledger is kept through it and applied again, so a person
erased after the backup was made is erased again from the restored database."""

import os
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.candidates.documents import document_path, store_document
from searchlight.candidates.models import Candidate
from searchlight.config import Settings
from searchlight.db import make_engine
from searchlight.gdpr.models import Erasure
from tests.candidates.factories import make_candidate, text_cv
from tests.e2e.conftest import fresh_database_url
from tests.governance.test_backup import _cli

pytestmark = pytest.mark.slow


def test_it_applies_the_erasure_ledger_again_after_a_restore(tmp_path: Path) -> None:
    url = fresh_database_url(tmp_path, "ledger")
    data_dir = tmp_path / "data"
    env = {**os.environ, "DATABASE_URL": url, "SEARCHLIGHT_ENV": "development",
           "SEARCHLIGHT_DATA_DIR": str(data_dir)}
    assert _cli(env, "migrate").returncode == 0
    engine = make_engine(url)
    settings = Settings(database_url=url, data_dir=data_dir)
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
