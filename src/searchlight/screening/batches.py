"""Screening many files: expanding uploads, screening one file, a stream of files for the CLI
(each in its own transaction), and recording an uploaded batch for the job in `jobs.py`."""

import logging
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from searchlight.auth.models import User
from searchlight.config import Settings
from searchlight.db import open_session, transaction
from searchlight.errors import DomainError
from searchlight.matching.embedder import Embedder, UniversalSentenceEncoder
from searchlight.roles.models import Role, RoleVersion
from searchlight.screening.models import BatchFile, CvAnalysis, ScreeningBatch, ScreeningResult
from searchlight.screening.ranking import current_version
from searchlight.screening.read.archive import iter_archive
from searchlight.screening.read.document import ExtractionError
from searchlight.screening.score.preparation import read_cv
from searchlight.screening.score.skills_found import SkillMatcher
from searchlight.screening.service import (
    Prepared,
    RoleScorer,
    ingest,
    score_analysis,
    scorer_for,
    skill_matcher,
)

Entry = tuple[str, bytes | ExtractionError]
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileReport:
    source: str
    status: str  # "screened", "duplicate" (same file earlier in this batch) or "error"
    result_id: int | None = None
    document_id: int | None = None
    error_code: str | None = None
    error_message: str | None = None


def expand(name: str, data: bytes) -> Iterator[Entry]:
    """A ZIP becomes its members (checked for bombs before anything is unpacked)."""
    if name.lower().endswith(".zip"):
        try:
            yield from iter_archive(data, name)
        except ExtractionError as error:
            yield name, error
    else:
        yield name, data


def screen_one(
    *, db_session: Session, source: str, data: bytes, role: Role, actor: User | None,
    settings: Settings, embedder: Embedder, prepared: Prepared | None = None,
    ranking: tuple[RoleVersion, RoleScorer] | None = None,
) -> FileReport:
    """Ingest and score one file in the session's transaction. `ranking`: the role's current
    version and its scorer, when the caller already looked them up for several files."""
    ingested = ingest(db_session=db_session, data=data, filename=Path(source).name,
                      settings=settings, embedder=embedder, actor=actor, prepared=prepared)
    if ingested.error is not None or ingested.analysis is None:
        error = ingested.error
        return FileReport(source, "error", error_code=error.code if error else "unknown",
                          error_message=error.message if error else None)
    analysis = ingested.analysis
    version, scorer = ranking or _ranking(db_session, role, embedder)
    result = score_analysis(db_session=db_session, analysis=analysis, role=role, version=version,
                            scorer=scorer, candidate_id=analysis.document.candidate_id,
                            new=not ingested.duplicate)
    db_session.flush()
    return FileReport(source, "screened", result_id=result.id, document_id=analysis.document_id)


def _ranking(db_session: Session, role: Role, embedder: Embedder) -> tuple[RoleVersion, RoleScorer]:
    version = current_version(db_session=db_session, role=role)
    return version, scorer_for(db_session=db_session, version=version, embedder=embedder)


CHUNK = 8  # files stored per transaction: a hard crash loses at most this much work


def screen_entries(
    entries: Iterable[Entry], *, role_id: int, actor_id: int | None, settings: Settings,
    embedder: Embedder, workers: int = 1,
) -> Iterator[FileReport]:
    """Screen the entries and report on each once it is committed; the same content twice is
    reported once. Files are stored a chunk per transaction, each in a savepoint of its own (a
    file that fails is its own error line, never the batch's); when the input stops early (the
    operator pressed Ctrl-C), the files stored so far are committed first. With `workers` > 1,
    files are read and analysed in that many processes while this one stores the results in
    order."""
    seen: dict[int, str] = {}
    chunk: _Chunk | None = None
    try:
        for source, payload, prepared in prepare(entries, workers=workers):
            if isinstance(payload, ExtractionError):
                report = FileReport(source, "error", error_code=payload.code,
                                    error_message=payload.message)
            else:
                chunk = chunk or _Chunk(role_id, actor_id, embedder)
                report = chunk.store(source, payload, prepared, settings)
            if chunk is None:
                yield report
                continue
            chunk.reports.append(report)
            if len(chunk.reports) >= CHUNK:
                done, chunk = chunk, None
                yield from _deduplicated(done.commit(), seen)
    except BaseException:
        if chunk is not None:  # the input stopped early: keep the files stored so far
            chunk.commit()
        raise
    if chunk is not None:
        yield from _deduplicated(chunk.commit(), seen)


class _Chunk:
    """Files stored in one transaction, with what they share looked up once."""

    def __init__(self, role_id: int, actor_id: int | None, embedder: Embedder) -> None:
        self.session = open_session()
        self.role = self.session.get_one(Role, role_id)
        self.actor = self.session.get(User, actor_id) if actor_id else None
        self.embedder = embedder
        self.ranking = _ranking(self.session, self.role, embedder)
        self.reports: list[FileReport] = []

    def store(self, source: str, data: bytes, prepared: Prepared | None,
              settings: Settings) -> FileReport:
        try:
            with self.session.begin_nested():
                return screen_one(db_session=self.session, source=source, data=data,
                                  role=self.role, actor=self.actor, settings=settings,
                                  embedder=self.embedder, prepared=prepared,
                                  ranking=self.ranking)
        except Exception as error:  # one file's failure is its own error line
            log.exception("screening %s failed", Path(source).suffix or "a file")
            return FileReport(source, "error", error_code=getattr(error, "code", "internal"),
                              error_message=_message(error))

    def commit(self) -> list[FileReport]:
        try:
            self.session.commit()
        finally:
            self.session.close()
        return self.reports


def _deduplicated(reports: list[FileReport], seen: dict[int, str]) -> Iterator[FileReport]:
    for report in reports:
        if report.document_id is not None and report.document_id in seen:
            report = FileReport(report.source, "duplicate", report.result_id,
                                report.document_id, error_message=seen[report.document_id])
        elif report.document_id is not None:
            seen[report.document_id] = report.source
        yield report


def _message(error: Exception) -> str:
    """What to tell about a failed file: our own errors carry a message for people; anything
    else only its kind (its text may quote the CV)."""
    if isinstance(error, DomainError | ExtractionError):
        return str(error.message)
    return f"The file could not be screened ({type(error).__name__})."


_worker_embedder: Embedder | None = None
_worker_skills: SkillMatcher | None = None


def _start_worker(skills: SkillMatcher) -> None:
    global _worker_embedder, _worker_skills
    # One BLAS thread per process: the processes already use every core.
    _worker_embedder, _worker_skills = UniversalSentenceEncoder(threads=1), skills


def _read_in_worker(entry: tuple[str, bytes]) -> Prepared:
    assert _worker_embedder is not None
    try:
        return read_cv(entry[1], Path(entry[0]).name, embedder=_worker_embedder,
                       skills=_worker_skills)
    except ExtractionError as error:
        return error


def prepare(
    entries: Iterable[Entry], *, workers: int
) -> Iterator[tuple[str, bytes | ExtractionError, Prepared | None]]:
    """Entries with their analysis done ahead in worker processes (None: do it in place)."""
    if workers <= 1:
        yield from ((source, payload, None) for source, payload in entries)
        return
    entries = list(entries)
    readable = [(source, payload) for source, payload in entries if isinstance(payload, bytes)]
    with transaction() as db_session:
        skills = skill_matcher(db_session=db_session)
    context = multiprocessing.get_context("spawn")  # no fork: BLAS and PDFium hold threads
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                             initargs=(skills,)) as pool:
        results = pool.map(_read_in_worker, readable, chunksize=4)
        for source, payload in entries:
            yield source, payload, next(results) if isinstance(payload, bytes) else None


def default_workers(file_count: int, settings: Settings) -> int:
    """Worker processes for a batch: starting one costs a few seconds, so small batches stay
    in this process."""
    if settings.screening_workers:
        return settings.screening_workers
    return min(os.cpu_count() or 1, 4) if file_count >= 40 else 1


def create_batch(
    *, db_session: Session, role: Role, actor: User, uploads: Iterable[tuple[str, bytes]],
    settings: Settings,
) -> ScreeningBatch:
    """Spool the uploaded files to disk and record them; the `screening.screen_batch` job
    processes them."""
    batch = ScreeningBatch(role_id=role.id, created_by_id=actor.id)
    db_session.add(batch)
    db_session.flush()
    spool = settings.data_dir / "spool" / str(batch.id)
    spool.mkdir(parents=True, exist_ok=True)
    position = 0
    for name, data in uploads:
        for source, payload in expand(name, data):
            file = BatchFile(batch_id=batch.id, position=position, filename=source[:255])
            if isinstance(payload, ExtractionError):
                file.status, file.error_code = "error", payload.code
                file.error_message = payload.message
            else:
                path = spool / f"{position:06d}"
                path.write_bytes(payload)
                file.spool_path = str(path)
            db_session.add(file)
            position += 1
    db_session.flush()
    return batch


def progress(*, db_session: Session, batch: ScreeningBatch) -> dict[str, int]:
    counts = dict(db_session.execute(
        select(BatchFile.status, func.count()).where(BatchFile.batch_id == batch.id)
        .group_by(BatchFile.status)).tuples().all())
    total = sum(counts.values())
    return {"total": total, "pending": counts.get("pending", 0), "done": counts.get("done", 0),
            "duplicate": counts.get("duplicate", 0), "error": counts.get("error", 0),
            "processed": total - counts.get("pending", 0)}


def results_of(*, db_session: Session, batch: ScreeningBatch) -> list[ScreeningResult]:
    documents = select(BatchFile.document_id).where(BatchFile.batch_id == batch.id)
    return list(db_session.scalars(
        select(ScreeningResult).join(CvAnalysis)
        .where(ScreeningResult.role_id == batch.role_id, CvAnalysis.document_id.in_(documents))
        .order_by(ScreeningResult.overall.desc().nulls_last())))
