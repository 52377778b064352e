"""Applicants with self-identification answers, made through the real services."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.candidates.documents import store_document
from searchlight.candidates.models import Application
from searchlight.config import get_settings
from searchlight.fairness import service
from searchlight.fairness.models import SelfId
from searchlight.roles.models import Role, RoleVersion
from searchlight.screening.models import CvAnalysis, ScreeningResult
from tests.candidates.factories import apply, make_candidate


def answered(db: Session, role: Role, name: str, stage: str = "applied",
             **answers: str) -> tuple[Application, SelfId]:
    """An applicant at `stage` who filled in the form through a single-use link."""
    application = apply(db, make_candidate(db, name), role, stage)
    token = service.create_invitation(db_session=db, application=application, language="en")
    return application, service.answer(db_session=db, token=token, raw=answers)


def golden(db: Session, role: Role) -> None:
    """80 men of whom 48 reached "screened", 50 women of whom 21 did: ratio 0.42 / 0.60 = 0.70;
    and two applicants who preferred not to say."""
    for index in range(80):
        answered(db, role, f"Man {index}", "screened" if index < 48 else "applied",
                 gender="man", age_band="25_34" if index % 2 else "35_44")
    for index in range(50):
        answered(db, role, f"Woman {index}", "screened" if index < 21 else "applied",
                 gender="woman", age_band="25_34" if index % 2 else "35_44")
    for index in range(2):
        answered(db, role, f"Quiet {index}", "screened")


def scored(db: Session, application: Application, **scores: float) -> ScreeningResult:
    """A stored screening result for the application with these dimension scores (the report
    reads results; how the engine makes them is tested in tests/screening)."""
    document = store_document(db_session=db, data=f"cv {application.id}".encode(),
                              filename="cv.txt", candidate_id=application.candidate_id,
                              settings=get_settings())
    analysis = CvAnalysis(
        document_id=document.id, redacted_text="", language="en", passages=[],
        passage_sections=[], squashed="", unit_owners=[], unit_vectors=b"", dated_passages=[],
        total_years=None, passage_stances=[], jobs=[], years_by_sector={}, sections=[],
        flags=[], entities=[], skills=[], embedder="test")
    db.add(analysis)
    db.flush()
    version = db.scalars(select(RoleVersion).where(
        RoleVersion.role_id == application.role_id)).first()
    assert version is not None
    result = ScreeningResult(
        analysis_id=analysis.id, candidate_id=application.candidate_id,
        role_id=application.role_id, role_version_id=version.id,
        overall=scores.get("overall", sum(scores.values()) / max(len(scores), 1)),
        coverage=1.0, dimensions={k: {"score": v, "weight": 1.0} for k, v in scores.items()},
        item_strengths={}, reasons=[], engine_version="test", input_hash="0" * 64)
    db.add(result)
    db.flush()
    return result
