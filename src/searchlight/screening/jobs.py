"""Screening's background jobs: screening an uploaded batch, and re-ranking a role's pool after
its profile changed. Both read what to do from the database, so any worker, or a restart, goes
on where a killed one stopped.

A batch is worked through in chunks of files. On PostgreSQL a chunk is claimed with
`FOR UPDATE SKIP LOCKED` and stays locked until its results are committed in the same
transaction: two workers never take the same file, and a worker that dies releases its chunk
(its transaction is rolled back) for the next one. A file's result and its "done" mark are one
commit, so no file is screened twice.
"""

import logging
import shutil
from dataclasses import replace
from pathlib import Path

from sqlalchemy import case, distinct, func, select, update
from sqlalchemy.orm import Session

from searchlight import jobs
from searchlight.auth.models import User
from searchlight.config import Settings, get_settings
from searchlight.db import transaction, utcnow
from searchlight.matching.embedder import Embedder, default_embedder
from searchlight.roles.models import Role, RoleVersion
from searchlight.screening.batches import FileReport, screen_one
from searchlight.screening.models import BatchFile, ScreeningBatch, ScreeningResult
from searchlight.screening.ranking import rerank
from searchlight.screening.service import known_analysis, skill_matcher

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
    """Claim, screen and commit one chunk of pending files; False when none is left."""
    spooled: list[str] = []
    with transaction() as db_session:
        files = list(db_session.scalars(
            select(BatchFile).where(BatchFile.batch_id == batch_id, BatchFile.status == "pending")
            .order_by(BatchFile.position).limit(CHUNK).with_for_update(skip_locked=True)))
        if not files:
            return False
        batch = db_session.get_one(ScreeningBatch, batch_id)
        role = db_session.get_one(Role, batch.role_id)
        actor = db_session.get(User, batch.created_by_id) if batch.created_by_id else None
        seen = set(db_session.scalars(select(BatchFile.document_id).where(
            BatchFile.batch_id == batch_id, BatchFile.status == "done")))
        for file in files:
            report = _screen_file(db_session, file, role, actor, settings, embedder)
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
    for path in spooled:  # only once the results are committed
        Path(path).unlink(missing_ok=True)
    return True


def _screen_file(
    db_session: Session, file: BatchFile, role: Role, actor: User | None, settings: Settings,
    embedder: Embedder,
) -> FileReport:
    try:
        data = Path(file.spool_path).read_bytes() if file.spool_path else b""
        if data and known_analysis(db_session=db_session, data=data) is not None:
            # screened before (an earlier batch): scored again, but counted as a duplicate
            with db_session.begin_nested():
                report = screen_one(db_session=db_session, source=file.filename, data=data,
                                    role=role, actor=actor, settings=settings, embedder=embedder)
            return replace(report, status="duplicate") if report.status == "screened" else report
        with db_session.begin_nested():  # a file that fails leaves the others in the chunk
            return screen_one(db_session=db_session, source=file.filename, data=data, role=role,
                              actor=actor, settings=settings, embedder=embedder)
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


@jobs.finds_due_work
def due(db_session: Session) -> jobs.DueWork:
    """Unfinished batches, and roles whose pool is not yet ranked against the current profile."""
    batches = db_session.scalars(select(ScreeningBatch.id).where(
        ScreeningBatch.status != "done").order_by(ScreeningBatch.id))
    work: jobs.DueWork = [("screening.screen_batch", {"batch_id": b}) for b in batches]
    work += [("screening.rerank_role", {"role_id": r}) for r in roles_to_rerank(db_session)]
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
