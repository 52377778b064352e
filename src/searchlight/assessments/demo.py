"""The shipped challenge library (library/*.yaml): only missing challenges are created, so
running it again never overwrites a recruiter's edits."""

from functools import lru_cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.assessments import service
from searchlight.assessments.models import AssessmentChallenge
from searchlight.assessments.schemas import Challenge
from searchlight.assessments.yaml_io import parse_challenges

LIBRARY = Path(__file__).parent / "library"


@lru_cache
def library() -> tuple[Challenge, ...]:
    found: list[Challenge] = []
    for path in sorted(LIBRARY.glob("*.yaml")):
        found += parse_challenges(path.read_text(encoding="utf-8"), source=path.name)
    return tuple(found)


def load(*, db_session: Session) -> None:
    existing = set(db_session.scalars(select(AssessmentChallenge.key)))
    for challenge in library():
        if challenge.key not in existing:
            service.save_challenge(db_session=db_session, actor=None, challenge=challenge)
