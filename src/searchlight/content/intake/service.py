"""Drafting needs the taxonomy's skill names; saving is the roles form's job, after a human."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.content.intake.draft import (
    IntakeAnswers,
    SkillNames,
    from_answers,
    from_vacancy_text,
)
from searchlight.taxonomy import service as taxonomy
from searchlight.taxonomy.models import Skill


def skill_names(*, db_session: Session) -> list[SkillNames]:
    """Built-in skills only: short, curated names link precisely (ESCO's long labels do not)."""
    own = set(db_session.scalars(select(Skill.key).where(Skill.source != "esco")))
    return [SkillNames(key, (label, *synonyms)) for key, label, synonyms in
            taxonomy.skill_index_entries(db_session=db_session) if key in own]


def draft_profile(
    *, db_session: Session, answers: IntakeAnswers | None = None, pasted: str = ""
) -> dict[str, Any]:
    skills = skill_names(db_session=db_session)
    if answers is not None:
        return from_answers(answers, skills)
    return from_vacancy_text(pasted, skills)
