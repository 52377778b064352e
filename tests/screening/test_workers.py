"""Real `searchlight worker` processes on a database of their own (SQLite file, or PostgreSQL when
TEST_DATABASE_URL names one): a worker killed with SIGKILL mid-batch loses nothing, and two
workers on one batch never analyse the same file."""

import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from tests.e2e.conftest import fresh_database_url
from tests.factories import make_user
from tests.screening.cvfiles import make_cv
from tests.screening.factories import make_role

from searchlight import jobs
from searchlight.config import Settings
from searchlight.db import make_engine
from searchlight.governance.models import AuditEntry
from searchlight.screening.batches import create_batch
from searchlight.screening.jobs import copies_for
from searchlight.screening.models import BatchFile, CvAnalysis, ScreeningBatch, ScreeningResult

pytestmark = pytest.mark.slow
SEARCHLIGHT = [sys.executable, "-m", "searchlight.cli"]
BASE_URL = os.environ.get("TEST_DATABASE_URL", "")
ON_POSTGRES = BASE_URL.startswith("postgresql")
_SCREENED = re.compile(r"screened file (\d+) of batch (\d+)")


@dataclass
class Place:
    url: str
    env: dict[str, str]
    settings: Settings
    engine: Engine
    logs: Path


@pytest.fixture
def place(tmp_path: Path) -> Iterator[Place]:
    url = fresh_database_url(tmp_path, "workers")
    env = {**os.environ, "DATABASE_URL": url, "SEARCHLIGHT_ENV": "development",
           "SEARCHLIGHT_DATA_DIR": str(tmp_path / "data")}
    subprocess.run([*SEARCHLIGHT, "migrate"], env=env, check=True, capture_output=True)
    engine = make_engine(url)
    yield Place(url, env, Settings(database_url=url, data_dir=tmp_path / "data"), engine,
                tmp_path)
    engine.dispose()


def _batch(place: Place, files: int) -> tuple[int, list[int]]:
    with Session(place.engine) as db:
        role = make_role(db)
        uploads = [(f"cv{i}.txt", make_cv("nl" if i % 2 else "en", seed=100 + i).text.encode())
                   for i in range(files)]
        batch = create_batch(db_session=db, role=role, actor=make_user(db, "Alice", "recruiter"),
                             uploads=uploads,
                             settings=place.settings)
        jobs.defer(db_session=db, task_name="screening.screen_batch", batch_id=batch.id,
                   copies=copies_for(files))
        db.commit()
        return batch.id, [f.id for f in batch.files]


def _start(place: Place, name: str) -> tuple[subprocess.Popen[bytes], Path]:
    log = place.logs / f"{name}.log"
    process = subprocess.Popen([*SEARCHLIGHT, "worker", "--name", name], env=place.env,
                               stdout=log.open("wb"), stderr=subprocess.STDOUT)
    return process, log


def _statuses(place: Place, batch_id: int) -> Counter[str]:
    with Session(place.engine) as db:
        return Counter(db.scalars(select(BatchFile.status).where(BatchFile.batch_id == batch_id)))


def _wait(place: Place, until, timeout: float = 240):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if until():
            return
        time.sleep(0.1)
    raise AssertionError("timed out")


def _batch_done(place: Place, batch_id: int) -> bool:
    with Session(place.engine) as db:
        return db.get_one(ScreeningBatch, batch_id).status == "done"


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _screened_once(place: Place, batch_id: int, files: int) -> None:
    with Session(place.engine) as db:
        statuses = Counter(db.scalars(select(BatchFile.status)
                                      .where(BatchFile.batch_id == batch_id)))
        errors = db.execute(select(BatchFile.error_code, BatchFile.error_message)
                            .where(BatchFile.batch_id == batch_id,
                                   BatchFile.status == "error")).all()
        assert statuses == {"done": files}, errors
        assert db.scalar(select(func.count()).select_from(CvAnalysis)) == files
        per_analysis = db.execute(select(ScreeningResult.analysis_id, func.count())
                                  .group_by(ScreeningResult.analysis_id)).all()
        assert len(per_analysis) == files and {n for _, n in per_analysis} == {1}
        analysed = db.scalar(select(func.count()).select_from(AuditEntry)
                             .where(AuditEntry.action == "cv.analysed"))
        assert analysed == files


def _screened_in(log: Path, batch_id: int) -> list[int]:
    return [int(file_id) for file_id, batch in _SCREENED.findall(log.read_text())
            if int(batch) == batch_id]


def test_it_loses_nothing_when_a_worker_is_killed_mid_batch(place):
    files = 32
    batch_id, file_ids = _batch(place, files)
    first, first_log = _start(place, "first")
    try:
        _wait(place, lambda: _statuses(place, batch_id)["done"] >= 1)
        first.send_signal(signal.SIGKILL)  # no clean-up of any kind
        first.wait()
    finally:
        _stop(first)
    left = _statuses(place, batch_id)["pending"]
    assert 0 < left < files, "the kill must land mid-batch"
    second, second_log = _start(place, "second")
    try:
        _wait(place, lambda: _batch_done(place, batch_id))
    finally:
        _stop(second)
    _screened_once(place, batch_id, files)
    committed_by_first = files - left
    assert len(_screened_in(second_log, batch_id)) == left
    assert len(_screened_in(first_log, batch_id)) >= committed_by_first


@pytest.mark.skipif(not ON_POSTGRES, reason="workers share a batch on PostgreSQL only")
def test_it_lets_two_workers_share_a_batch_without_analysing_a_file_twice(place):
    files = 48
    batch_id, file_ids = _batch(place, files)
    started = [_start(place, name) for name in ("left", "right")]
    try:
        _wait(place, lambda: _batch_done(place, batch_id))
    finally:
        for process, _log in started:
            _stop(process)
    _screened_once(place, batch_id, files)
    by_worker = [_screened_in(log, batch_id) for _process, log in started]
    everything = by_worker[0] + by_worker[1]
    assert sorted(everything) == sorted(file_ids)  # every file, none twice
    assert all(by_worker), "both workers took part"
