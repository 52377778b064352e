"""The shortlist: rank screened CVs for a role, re-rank after a profile edit, and the two human
actions on a result — revealing who it is and moving them into the pipeline."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import Row, Select, Table, func, select
from sqlalchemy.orm import Session, selectinload

from searchlight.auth.access import require
from searchlight.auth.models import User
from searchlight.candidates.identity import reveal_identity as reveal_candidate
from searchlight.candidates.models import Application
from searchlight.candidates.pipeline import apply_to_role
from searchlight.db import insert_rows, utcnow
from searchlight.errors import NotFound
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent
from searchlight.matching.embedder import Embedder, default_embedder
from searchlight.roles.models import Role, RoleVersion
from searchlight.screening.models import CvAnalysis, ScreeningResult
from searchlight.screening.reweigh import reweigh_unchanged, scored_for
from searchlight.screening.score.scoring import aggregate
from searchlight.screening.service import (
    RoleScorer,
    explain,
    measure_items,
    pool_values,
    scorer_for,
)


@dataclass(frozen=True)
class ShortlistFilters:
    min_score: float | None = None
    needs_check: bool | None = None
    flagged: bool | None = None
    language: str | None = None


def current_version(*, db_session: Session, role: Role) -> RoleVersion:
    version = db_session.scalar(select(RoleVersion).where(
        RoleVersion.role_id == role.id, RoleVersion.number == role.current_version))
    if version is None:
        raise NotFound("This role has no profile yet.")
    return version


def _shortlist_query(
    version: RoleVersion, filters: ShortlistFilters
) -> Select[ScreeningResult]:
    query = (select(ScreeningResult).join(CvAnalysis)
             .where(ScreeningResult.role_version_id == version.id)
             .options(selectinload(ScreeningResult.analysis).load_only(
                 CvAnalysis.id, CvAnalysis.language, CvAnalysis.flags, CvAnalysis.document_id))
             .order_by(ScreeningResult.overall.desc().nulls_last(), ScreeningResult.id))
    if filters.min_score is not None:
        query = query.where(ScreeningResult.overall >= filters.min_score)
    if filters.needs_check is not None:
        query = query.where(ScreeningResult.needs_human_check.is_(filters.needs_check))
    if filters.language:
        query = query.where(CvAnalysis.language == filters.language)
    return query


def shortlist(
    *, db_session: Session, user: User, role: Role, filters: ShortlistFilters = ShortlistFilters(),
    limit: int = 200,
) -> list[ScreeningResult]:
    require(user, "screening:read", target=f"role:{role.key}")
    version = current_version(db_session=db_session, role=role)
    results = list(db_session.scalars(_shortlist_query(version, filters).limit(limit)))
    if filters.flagged is not None:
        results = [r for r in results if bool(r.analysis.flags) == filters.flagged]
    return results


def rerank(*, db_session: Session, role: Role, embedder: Embedder) -> int:
    """Score every CV ever screened for this role against its current profile, from what is
    stored: items the edit did not touch keep their measured strength, and only new or changed
    items are measured, in the whole pool at once (no file is read again). Returns how many
    results were computed."""
    version = current_version(db_session=db_session, role=role)
    scorer = scorer_for(db_session=db_session, version=version, embedder=embedder)
    with _collector_paused():
        return _rerank(db_session, role, version, scorer)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading and writing thousands of rows of small dicts and lists would make Python's cycle
    collector walk the whole heap again and again (a third of a re-rank); nothing here leaves
    cycles behind."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _rerank(db_session: Session, role: Role, version: RoleVersion, scorer: RoleScorer) -> int:
    db_session.flush()  # the reads and the insert below are Core: they do not flush by themselves
    reweighed = reweigh_unchanged(
        connection=db_session.connection(), role=role, version=version, items=scorer.items,
        weights=scorer.weights, profile_hash=scorer.profile_hash)
    earlier = _earlier_results(db_session, role, version)
    if not earlier:
        return reweighed
    strengths, evidenced, unknown = _reused(scorer, [row.item_strengths for row in earlier])
    cvs, items = np.flatnonzero(unknown.any(axis=1)), np.flatnonzero(unknown.any(axis=0))
    if cvs.size:
        measured, proven = measure_items(
            db_session=db_session, analysis_ids=[earlier[i].analysis_id for i in cvs],
            items=[scorer.items[i] for i in items], vectors=[scorer.vectors[i] for i in items])
        cells = np.ix_(cvs, items)
        strengths[cells] = np.where(unknown[cells], measured, strengths[cells])
        evidenced[cells] = np.where(unknown[cells], proven, evidenced[cells])
    scores = aggregate(scorer.items, scorer.weights, strengths, evidenced)
    rows = pool_values(scores, strengths, evidenced, scorer=scorer,
                       document_ids=[row.document_id for row in earlier])
    for row, previous in zip(rows, earlier, strict=True):
        row.update(analysis_id=previous.analysis_id, role_id=role.id,
                   role_version_id=version.id, candidate_id=previous.candidate_id)
    # No unit-of-work objects: COPY on PostgreSQL, one executemany elsewhere.
    insert_rows(connection=db_session.connection(), table=_RESULTS, rows=rows)
    return reweighed + len(rows)


_RESULTS: Table = ScreeningResult.__table__  # type: ignore[assignment]


def _earlier_results(db_session: Session, role: Role, version: RoleVersion) -> list[Row[Any]]:
    """The latest result of every CV screened for the role but not yet for this version."""
    latest = (select(func.max(ScreeningResult.id))
              .where(ScreeningResult.role_id == role.id,
                     ScreeningResult.analysis_id.not_in(scored_for(version)))
              .group_by(ScreeningResult.analysis_id))
    return list(db_session.connection().execute(
        select(ScreeningResult.analysis_id, ScreeningResult.candidate_id,
               ScreeningResult.item_strengths, CvAnalysis.document_id)
        .join(CvAnalysis, CvAnalysis.id == ScreeningResult.analysis_id)
        .where(ScreeningResult.id.in_(latest)).order_by(ScreeningResult.analysis_id)))


def _reused(
    scorer: RoleScorer, stored: list[dict[str, Any]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Strengths and evidence of the scorer's items measured before, by item signature, as
    (CVs x items) arrays, and which cells are unknown (new or changed items)."""
    signatures = [item.signature for item in scorer.items]
    cells = [[measured.get(signature, _UNKNOWN) for signature in signatures]
             for measured in stored]
    strengths = np.array([[cell[0] for cell in row] for row in cells], dtype=np.float64)
    evidenced = np.array([[cell[1] for cell in row] for row in cells], dtype=bool)
    unknown = np.isnan(strengths)
    strengths[unknown] = 0.0
    return strengths, evidenced, unknown


_UNKNOWN = (float("nan"), False)


def with_explanation(
    *, db_session: Session, result: ScreeningResult, embedder: Embedder | None = None
) -> ScreeningResult:
    """The result with its `explanation` (items, quotes, questions) set, for showing it."""
    result.explanation = explain(db_session=db_session, result=result,
                                 embedder=embedder or default_embedder())
    return result


def reveal_identity(*, db_session: Session, user: User, result: ScreeningResult) -> None:
    """Showing who is behind a pseudonymised CV is a decision a named person takes, on record."""
    require(user, "identity:reveal", target=f"screening_result:{result.id}")
    if result.revealed_at is None:
        result.revealed_by_id, result.revealed_at = user.id, utcnow()
    if result.candidate is not None:  # the candidate record shows who it is from now on, too
        reveal_candidate(db_session=db_session, actor=user, candidate=result.candidate,
                         reason="decision", target=f"screening_result:{result.id}")
    audit.record(db_session=db_session, actor=user, event=AuditEvent(
        "screening.identity_revealed", "screening_result", result.id,
        {"candidate_id": result.candidate_id}))


def move_to_pipeline(
    *, db_session: Session, user: User, result: ScreeningResult, role: Role, stage_key: str
) -> Application:
    require(user, "pipeline:move", target=f"screening_result:{result.id}")
    if result.candidate is None:
        raise NotFound("This CV has no candidate record.")
    existing = db_session.scalar(select(Application).where(
        Application.candidate_id == result.candidate_id, Application.role_id == role.id))
    if existing is not None:
        return existing
    application = apply_to_role(db_session=db_session, actor=user, candidate=result.candidate,
                                role=role, stage_key=stage_key)
    audit.record(db_session=db_session, actor=user, event=AuditEvent(
        "screening.moved_to_pipeline", "screening_result", result.id,
        {"application_id": application.id, "stage": stage_key, "score": result.overall}))
    return application
