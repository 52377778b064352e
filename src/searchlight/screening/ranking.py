"""The shortlist: rank screened CVs for a role, re-rank after a profile edit, and the two human
actions on a result — revealing who it is and moving them into the pipeline."""

from dataclasses import dataclass
from functools import partial

from sqlalchemy import Select, func, insert, select
from sqlalchemy.orm import Session, load_only, selectinload

from searchlight.auth.access import require
from searchlight.auth.models import User
from searchlight.candidates.models import Application
from searchlight.candidates.pipeline import apply_to_role
from searchlight.db import utcnow
from searchlight.errors import NotFound
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent
from searchlight.matching.embedder import Embedder
from searchlight.roles.models import Role, RoleVersion
from searchlight.screening.models import CvAnalysis, ScreeningResult
from searchlight.screening.scoring import CvEvidence, score_cv
from searchlight.screening.service import cv_evidence, known_items, score_values, scorer_for


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
    stored: items the edit did not touch keep their measured strength and quotes, and only new
    or changed items are matched against the stored passages (no file is read again). Returns
    how many results were computed."""
    version = current_version(db_session=db_session, role=role)
    scorer = scorer_for(db_session=db_session, version=version, embedder=embedder)
    done = select(ScreeningResult.analysis_id).where(
        ScreeningResult.role_version_id == version.id)
    latest = (select(func.max(ScreeningResult.id))
              .where(ScreeningResult.role_id == role.id, ScreeningResult.analysis_id.not_in(done))
              .group_by(ScreeningResult.analysis_id))
    earlier = db_session.scalars(select(ScreeningResult).where(ScreeningResult.id.in_(latest))
                                 .options(load_only(ScreeningResult.analysis_id,
                                                    ScreeningResult.candidate_id,
                                                    ScreeningResult.dimensions))).all()
    wanted = {item.signature for item in scorer.items}
    known = {result.analysis_id: known_items(result) for result in earlier}
    analyses = _load_analyses(db_session, [a for a, k in known.items() if not wanted <= k.keys()])
    pool = select(ScreeningResult.analysis_id).where(ScreeningResult.id.in_(latest))
    documents = dict(db_session.execute(select(CvAnalysis.id, CvAnalysis.document_id).where(
        CvAnalysis.id.in_(pool))).tuples().all())
    rows = []
    for previous in earlier:
        analysis_id = previous.analysis_id
        load = partial(_evidence_of, analyses, analysis_id)
        score = score_cv(scorer.items, scorer.vectors, scorer.weights, load, known[analysis_id])
        rows.append({
            "analysis_id": analysis_id, "role_id": role.id, "role_version_id": version.id,
            "candidate_id": previous.candidate_id,
            **score_values(score, scorer=scorer, document_id=documents[analysis_id]),
        })
    if rows:  # one multi-row INSERT instead of thousands of unit-of-work objects
        db_session.execute(insert(ScreeningResult), rows)
    return len(rows)


def _evidence_of(analyses: dict[int, CvAnalysis], analysis_id: int) -> CvEvidence:
    return cv_evidence(analyses[analysis_id])


def _load_analyses(db_session: Session, ids: list[int]) -> dict[int, CvAnalysis]:
    loaded: dict[int, CvAnalysis] = {}
    for start in range(0, len(ids), 900):  # SQLite allows 999 bound parameters
        chunk = ids[start:start + 900]
        loaded.update((a.id, a) for a in db_session.scalars(
            select(CvAnalysis).where(CvAnalysis.id.in_(chunk)).options(load_only(
                CvAnalysis.passages, CvAnalysis.unit_owners, CvAnalysis.unit_vectors,
                CvAnalysis.total_years, CvAnalysis.dated_passages, CvAnalysis.lexicon))))
    return loaded


def get_result_for_user(*, db_session: Session, user: User, result_id: int) -> ScreeningResult:
    require(user, "screening:read", target=f"screening_result:{result_id}")
    result = db_session.get(ScreeningResult, result_id)
    if result is None:
        raise NotFound("This screening result does not exist.")
    return result


def reveal_identity(*, db_session: Session, user: User, result: ScreeningResult) -> None:
    """Showing who is behind a pseudonymised CV is a decision a named person takes, on record."""
    require(user, "identity:reveal", target=f"screening_result:{result.id}")
    if result.revealed_at is None:
        result.revealed_by_id, result.revealed_at = user.id, utcnow()
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
