"""A screening-ready role (the Machine Learning Engineer of the handbook, with a profile), and a
CV text scored against items without the database."""

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from searchlight.matching.embedder import default_embedder
from searchlight.roles.models import Role, RoleVersion
from searchlight.screening.score.evidence import collect_evidence
from searchlight.screening.score.preparation import embed_evidence
from searchlight.screening.score.scoring import CvEvidence, ItemSpec, Score, score_cv


def evidence_of(text: str) -> CvEvidence:
    """As screening reads a CV (preparation.analyse), without the anonymiser."""
    return embed_evidence(collect_evidence(text), embedder=default_embedder())


def score_text(items: Sequence[ItemSpec], weights: Mapping[str, float], text: str) -> Score:
    vectors = [default_embedder().encode(list(item.phrasings)) for item in items]
    return score_cv(list(items), vectors, dict(weights), evidence_of(text))


def _item(nl: str, en: str, **extra: Any) -> dict[str, Any]:
    return {"text_nl": nl, "text_en": en, "must_have": False, "skills": [], "min_years": None,
            **extra}


ML_PROFILE: dict[str, Any] = {
    "key": "ml-engineer-test", "title_nl": "Machine Learning Engineer",
    "title_en": "Machine Learning Engineer",
    "jtbd_nl": "Bouwt, traint en onderhoudt modellen die autonoom functioneren.",
    "jtbd_en": "Builds, trains and maintains models that run autonomously.",
    "dimensions": [
        {"key": "skills", "weight": 3, "items": [
            _item("Python", "Python", must_have=True), _item("PyTorch", "PyTorch"),
            _item("Vectordatabases", "Vector databases")]},
        {"key": "experience", "weight": 2, "items": [
            _item("2-4 jaar hands-on ML", "2-4 years of hands-on ML", min_years=2)]},
        {"key": "attitude", "weight": 1, "items": [_item("Pragmatisch", "Pragmatic")]},
        {"key": "results", "weight": 2, "items": [
            _item("Modellen in productie", "Models in production")]},
        {"key": "cognitive", "weight": 1, "items": [
            _item("Wiskundig inzicht", "Mathematical insight")]},
        {"key": "habits", "weight": 1, "items": [
            _item("Codeerdiscipline: code reviews en tests", "Coding discipline: code reviews "
                  "and tests")]},
    ],
}


def make_role(db: Session, profile: dict[str, Any] = ML_PROFILE) -> Role:
    role = Role(key=profile["key"], title_nl=profile["title_nl"], title_en=profile["title_en"])
    role.versions.append(RoleVersion(number=1, profile=profile))
    db.add(role)
    db.flush()
    return role


def new_version(db: Session, role: Role, profile: dict[str, Any]) -> RoleVersion:
    version = RoleVersion(number=role.current_version + 1, profile=profile)
    role.versions.append(version)
    role.current_version = version.number
    db.flush()
    return version
