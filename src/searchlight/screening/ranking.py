"""The shortlist: rank screened CVs for a role, re-rank after a profile edit, and the two human
actions on a result — revealing who it is and moving them into the pipeline."""

from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

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
from searchlight.screening.service import score_analysis, scorer_for


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
    """Score every CV ever screened for this role against its current profile, from the stored
    analyses (no file is read again). Returns how many results were (re)computed."""
    version = current_version(db_session=db_session, role=role)
    scorer = scorer_for(db_session=db_session, version=version, embedder=embedder)
    done = select(ScreeningResult.analysis_id).where(
        ScreeningResult.role_version_id == version.id)
    pool = db_session.execute(
        select(ScreeningResult.analysis_id, ScreeningResult.candidate_id)
        .where(ScreeningResult.role_id == role.id, ScreeningResult.analysis_id.not_in(done))
        .distinct()).tuples().all()
    candidates = dict(pool)
    analyses = db_session.scalars(select(CvAnalysis).where(CvAnalysis.id.in_(candidates))
                                  .options(selectinload(CvAnalysis.document)))
    count = 0
    for analysis in analyses:
        score_analysis(db_session=db_session, analysis=analysis, role=role, version=version,
                       scorer=scorer, candidate_id=candidates[analysis.id])
        count += 1
    db_session.flush()
    return count


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
