"""The restore drill: back up a real database and its files with the real commands, lose data,
restore, and find everything as it was (SQLite, or PostgreSQL when TEST_DATABASE_URL names one)."""

import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from searchlight.candidates.documents import document_path, store_document
from searchlight.candidates.models import Candidate
from searchlight.config import Settings
from searchlight.db import make_engine
from tests.candidates.factories import make_candidate, text_cv
from tests.e2e.conftest import fresh_database_url

pytestmark = pytest.mark.slow
SEARCHLIGHT = [sys.executable, "-m", "searchlight.cli"]


def _cli(env: dict[str, str], *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SEARCHLIGHT, *arguments], env=env, capture_output=True, text=True,
                          timeout=300)


def migrated_install(tmp_path: Path, name: str) -> tuple[dict[str, str], Engine, Settings]:
    """A fresh database migrated by the CLI: the CLI's environment, an engine and settings."""
    url = fresh_database_url(tmp_path, name)
    data_dir = tmp_path / "data"
    env = {**os.environ, "DATABASE_URL": url, "SEARCHLIGHT_ENV": "development",
           "SEARCHLIGHT_DATA_DIR": str(data_dir)}
    assert _cli(env, "migrate").returncode == 0
    return env, make_engine(url), Settings(database_url=url, data_dir=data_dir)


def test_it_restores_the_database_and_the_files_after_a_loss(tmp_path: Path) -> None:
    env, engine, settings = migrated_install(tmp_path, "backup")
    with Session(engine) as db:
        kept = make_candidate(db, "Fenna Backup")
        document = store_document(db_session=db, data=text_cv("Fenna Backup"),
                                  filename="fenna.txt", candidate_id=kept.id, settings=settings)
        stored = document_path(document, settings)
        kept_id = kept.id
        db.commit()
    assert stored.exists()

    archive = tmp_path / "backups" / "searchlight.tar.gz"
    made = _cli(env, "backup", str(archive))
    assert made.returncode == 0, made.stderr
    assert "1 files" in made.stderr
    with tarfile.open(archive) as contents:
        names = contents.getnames()
    assert "manifest.json" in names and any(n.startswith("files/documents/") for n in names)

    # The loss: the candidate deleted, the file gone, and a newer row that the restore undoes.
    with Session(engine) as db:
        db.delete(db.get_one(Candidate, kept_id))
        make_candidate(db, "Niet Bewaard")
        db.commit()
    stored.unlink()
    engine.dispose()

    put_back = _cli(env, "restore", str(archive), "--yes")
    assert put_back.returncode == 0, put_back.stderr
    with Session(engine) as db:
        names_now = set(db.scalars(select(Candidate.full_name)))
    assert names_now == {"Fenna Backup"}
    assert stored.read_bytes() == text_cv("Fenna Backup")
    assert _cli(env, "audit", "verify").returncode == 0
    engine.dispose()


def test_it_refuses_a_file_that_is_not_a_backup(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}",
           "SEARCHLIGHT_DATA_DIR": str(tmp_path / "data")}
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not an archive")
    done = _cli(env, "restore", str(junk), "--yes")
    assert done.returncode == 1
    message = " ".join(done.stderr.split())  # the console wraps long paths
    assert "is not a Searchlight backup" in message and "Traceback" not in done.stderr
