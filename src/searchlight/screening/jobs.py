"""Screening's background jobs: screening an uploaded batch, re-ranking a role's pool after its
profile changed, and the AI re-check of a shortlist's top (`rechecks`). All read what to do
from the database, so any worker, or a restart, goes on where a killed one stopped.

A batch is worked through in chunks of files, each analysed before anything is written (see
`_screen_chunk`). On PostgreSQL a chunk is claimed with `FOR UPDATE SKIP LOCKED` and stays
locked until its results are committed in the same transaction: two workers never take the
same file, and a worker that dies releases its chunk (its transaction is rolled back) for the
next one. A file's result and its "done" mark are one
commit, so no file is screened twice.
"""

import logging
import shutil
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import case, distinct, func, select, update
from sqlalchemy.orm import Session

from searchlight import jobs
from searchlight.auth.models import User
from searchlight.config import Settings, get_settings
from searchlight.db import transaction, utcnow
from searchlight.matching.embedder import Embedder, default_embedder
from searchlight.roles.models import Role, RoleVersion
from searchlight.screening.batches import FileReport, screen_one
from searchlight.screening.models import (
    BatchFile,
    RecheckEntry,
    RecheckRun,
    ScreeningBatch,
    ScreeningResult,
)
from searchlight.screening.ranking import current_version, rerank
from searchlight.screening.read.document import ExtractionError
from searchlight.screening.rechecks import check_entry
from searchlight.screening.score.preparation import read_cv
from searchlight.screening.service import (
    Prepared,
    known_analysis,
    scorer_for,
    skill_matcher,
)

log = logging.getLogger(__name__)

CHUNK = 8  # files claimed at a time: a killed worker loses at most this much work
MAX_SHARERS = 8  # workers that may share one batch


def copies_for(file_count: int) -> int:
    """How many jobs to defer for a new batch, so that several workers can share it."""
    return max(1, min(MAX_SHARERS, -(-file_count // CHUNK)))


@jobs.task("screening.screen_batch")
def screen_batch(batch_id: int) -> None:
    settings, embedder = get_settings(), default_embedder()
    with transaction() as db_session:
        db_session.execute(update(ScreeningBatch).where(
            ScreeningBatch.id == batch_id, ScreeningBatch.status == "pending")
            .values(status="running"))
    with transaction() as db_session:
        skill_matcher(db_session=db_session)  # loads the taxonomy on first use, briefly
    while _screen_chunk(batch_id, settings, embedder):
        pass
    _finish_if_done(batch_id, settings)


def _screen_chunk(batch_id: int, settings: Settings, embedder: Embedder) -> bool:
    """Claim, screen and commit one chunk of pending files; False when none is left.

    Every file is read and analysed before the first write, so the chunk's write transaction
    only stores: on SQLite (`jobs.one_writer`) a fresh transaction stores the files still
    pending, so requests never wait on the write lock while CVs are analysed. On PostgreSQL the
    claimed rows stay locked from claim to commit."""
    with transaction() as db_session:
        files = _claim(db_session, batch_id, None)
        if not files:
            return False
        analysed = _analyse(db_session, files, embedder)
        one_writer = jobs.one_writer(db_session)
        if not one_writer:
            spooled = _store_chunk(db_session, batch_id, files, analysed, settings, embedder)
    if one_writer:
        with transaction(writes=True) as db_session:
            files = _claim(db_session, batch_id, list(analysed))
            spooled = _store_chunk(db_session, batch_id, files, analysed, settings, embedder)
    for path in spooled:  # only once the results are committed
        Path(path).unlink(missing_ok=True)
    return True


def _claim(db_session: Session, batch_id: int, ids: list[int] | None) -> list[BatchFile]:
    """The batch's next pending files (or those of `ids` still pending), locked on PostgreSQL."""
    query = select(BatchFile).where(BatchFile.batch_id == batch_id,
                                    BatchFile.status == "pending")
    if ids is not None:
        query = query.where(BatchFile.id.in_(ids))
    return list(db_session.scalars(
        query.order_by(BatchFile.position).limit(CHUNK).with_for_update(skip_locked=True)))


class _Read(NamedTuple):
    """A spooled file as `_analyse` found it."""

    data: bytes | None  # None: reading it failed (`_screen_file` meets and reports that again)
    known: bool  # screened before (an earlier batch): scored again, counted as a duplicate
    prepared: Prepared | None  # None: left to `screen_one` (no content, known, or it failed)


def _analyse(db_session: Session, files: list[BatchFile],
             embedder: Embedder) -> dict[int, _Read]:
    """What each file says, worked out before anything is written (reads only); every claimed
    file has an entry. The role's scorer is made here too (item vectors, once per profile
    version)."""
    role = db_session.get_one(Role, db_session.get_one(ScreeningBatch, files[0].batch_id).role_id)
    scorer_for(db_session=db_session, version=current_version(db_session=db_session, role=role),
               embedder=embedder)
    skills = skill_matcher(db_session=db_session)
    analysed: dict[int, _Read] = {}
    for file in files:
        data: bytes | None = None
        known = False
        prepared: Prepared | None = None
        try:
            data = Path(file.spool_path).read_bytes() if file.spool_path else b""
            known = bool(data) and known_analysis(db_session=db_session, data=data) is not None
            if data and not known:
                prepared = read_cv(data, Path(file.filename).name, embedder=embedder,
                                   skills=skills)
        except ExtractionError as error:
            prepared = error
        except Exception:  # screen_one meets it again and reports it as this file's error
            log.exception("analysing file %s of batch %s failed", file.id, file.batch_id)
        analysed[file.id] = _Read(data, known, prepared)
    return analysed


def _store_chunk(
    db_session: Session, batch_id: int, files: list[BatchFile], analysed: dict[int, _Read],
    settings: Settings, embedder: Embedder,
) -> list[str]:
    """Store the analysed files with their results and "done" marks; the spool files to delete
    once this is committed."""
    spooled: list[str] = []
    batch = db_session.get_one(ScreeningBatch, batch_id)
    role = db_session.get_one(Role, batch.role_id)
    actor = db_session.get(User, batch.created_by_id) if batch.created_by_id else None
    seen = set(db_session.scalars(select(BatchFile.document_id).where(
        BatchFile.batch_id == batch_id, BatchFile.status == "done")))
    for file in files:
        report = _screen_file(db_session, file, role, actor, settings, embedder,
                              analysed[file.id])
        duplicate = report.status == "duplicate" or (
            report.document_id is not None and report.document_id in seen)
        file.status = "duplicate" if duplicate else (
            "done" if report.status == "screened" else "error")
        file.document_id = report.document_id
        file.error_code, file.error_message = report.error_code, report.error_message
        if file.spool_path:
            spooled.append(file.spool_path)
        file.spool_path = None
        seen.add(report.document_id)
        log.info("screened file %s of batch %s: %s", file.id, batch_id, file.status)
    return spooled


def _screen_file(
    db_session: Session, file: BatchFile, role: Role, actor: User | None, settings: Settings,
    embedder: Embedder, read: _Read,
) -> FileReport:
    try:
        data = read.data
        if data is None:  # reading failed in `_analyse`: again here, as this file's error
            data = Path(file.spool_path).read_bytes() if file.spool_path else b""
        if read.known:
            # screened before (an earlier batch): scored again, but counted as a duplicate
            with db_session.begin_nested():
                report = screen_one(db_session=db_session, source=file.filename, data=data,
                                    role=role, actor=actor, settings=settings, embedder=embedder)
            return replace(report, status="duplicate") if report.status == "screened" else report
        with db_session.begin_nested():  # a file that fails leaves the others in the chunk
            return screen_one(db_session=db_session, source=file.filename, data=data, role=role,
                              actor=actor, settings=settings, embedder=embedder,
                              prepared=read.prepared)
    except Exception as error:
        log.exception("screening file %s of batch %s failed", file.id, file.batch_id)
        return FileReport(file.filename, "error", error_code="internal",
                          error_message=type(error).__name__)


def _finish_if_done(batch_id: int, settings: Settings) -> None:
    with transaction() as db_session:
        pending = db_session.scalar(select(func.count()).where(
            BatchFile.batch_id == batch_id, BatchFile.status == "pending"))
        if pending:
            return  # another worker holds the rest and finishes the batch
        db_session.execute(update(ScreeningBatch).where(
            ScreeningBatch.id == batch_id, ScreeningBatch.status != "done")
            .values(status="done", finished_at=utcnow()))
    shutil.rmtree(settings.data_dir / "spool" / str(batch_id), ignore_errors=True)


@jobs.task("screening.rerank_role")
def rerank_role(role_id: int) -> None:
    """Score the role's pool against its current profile (after an edit)."""
    with transaction() as db_session:
        # One re-rank of a role at a time: the row lock makes a second one wait, then find
        # nothing left to do.
        db_session.execute(select(Role.id).where(Role.id == role_id).with_for_update())
        if (role := db_session.get(Role, role_id)) is not None:
            count = rerank(db_session=db_session, role=role, embedder=default_embedder())
            log.info("re-ranked %s CVs for role %s", count, role_id)


@jobs.task("screening.recheck_shortlist")
def recheck_shortlist(run_id: int) -> None:
    """Re-check a run's entries one commit at a time; the stop switch ends the run."""
    with transaction() as db_session:
        db_session.execute(update(RecheckRun).where(
            RecheckRun.id == run_id, RecheckRun.status == "pending").values(status="running"))
    while (outcome := _recheck_one(run_id)) == "checked":
        pass
    with transaction() as db_session:
        if outcome == "stopped":
            db_session.execute(update(RecheckEntry).where(
                RecheckEntry.run_id == run_id, RecheckEntry.status == "pending")
                .values(status="skipped"))
        pending = db_session.scalar(select(func.count()).where(
            RecheckEntry.run_id == run_id, RecheckEntry.status == "pending"))
        if not pending:
            db_session.execute(update(RecheckRun).where(
                RecheckRun.id == run_id, RecheckRun.status.in_(("pending", "running")))
                .values(status="stopped" if outcome == "stopped" else "done",
                        finished_at=utcnow()))


def _recheck_one(run_id: int) -> str:
    """Claim and check one pending entry: "checked" (go on), "stopped" or "none" left."""
    with transaction() as db_session:
        entry = db_session.scalar(
            select(RecheckEntry).where(RecheckEntry.run_id == run_id,
                                       RecheckEntry.status == "pending")
            .order_by(RecheckEntry.position).limit(1).with_for_update(skip_locked=True))
        if entry is None:
            return "none"
        run = db_session.get_one(RecheckRun, run_id)
        actor = db_session.get(User, run.requested_by_id) if run.requested_by_id else None
        checked = check_entry(db_session=db_session, entry=entry, actor=actor)
        log.info("re-checked entry %s of run %s: %s", entry.id, run_id, entry.status)
        return "stopped" if checked.outcome == "stopped" else "checked"


@jobs.finds_due_work
def due(db_session: Session) -> jobs.DueWork:
    """Unfinished batches and re-checks, and roles whose pool is not yet ranked against the
    current profile."""
    batches = db_session.scalars(select(ScreeningBatch.id).where(
        ScreeningBatch.status != "done").order_by(ScreeningBatch.id))
    work: jobs.DueWork = [("screening.screen_batch", {"batch_id": b}) for b in batches]
    work += [("screening.rerank_role", {"role_id": r}) for r in roles_to_rerank(db_session)]
    runs = db_session.scalars(select(RecheckRun.id).where(
        RecheckRun.status.in_(("pending", "running"))).order_by(RecheckRun.id))
    work += [("screening.recheck_shortlist", {"run_id": r}) for r in runs]
    return work


def roles_to_rerank(db_session: Session) -> list[int]:
    current = (RoleVersion.role_id == Role.id) & (RoleVersion.number == Role.current_version)
    counts = (select(ScreeningResult.role_id,
                     func.count(distinct(ScreeningResult.analysis_id)),
                     func.count(distinct(case((ScreeningResult.role_version_id == RoleVersion.id,
                                                ScreeningResult.analysis_id)))))
              .join(Role, Role.id == ScreeningResult.role_id).join(RoleVersion, current)
              .group_by(ScreeningResult.role_id))
    return [role_id for role_id, pool, ranked in db_session.execute(counts) if ranked < pool]


def unranked(*, db_session: Session, role: Role) -> int:
    """How many CVs of the role's pool still wait to be ranked against the current profile."""
    version = select(RoleVersion.id).where(RoleVersion.role_id == role.id,
                                           RoleVersion.number == role.current_version)
    pool = db_session.scalar(select(func.count(distinct(ScreeningResult.analysis_id))).where(
        ScreeningResult.role_id == role.id)) or 0
    ranked = db_session.scalar(select(func.count(distinct(ScreeningResult.analysis_id))).where(
        ScreeningResult.role_version_id.in_(version))) or 0
    return pool - ranked
