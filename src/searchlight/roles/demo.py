"""The six roles of the recruitment handbook. Only missing roles are created, so running it
again never overwrites a recruiter's edits."""

from functools import lru_cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.roles import service
from searchlight.roles.models import Role
from searchlight.roles.schemas import RoleDocument
from searchlight.roles.yaml_io import parse_documents

SEED_FILE = Path(__file__).parent / "seed_roles.yaml"


@lru_cache
def seed_documents() -> tuple[RoleDocument, ...]:
    return tuple(parse_documents(SEED_FILE.read_text(encoding="utf-8"), source=SEED_FILE.name))


def load(*, db_session: Session) -> None:
    existing = set(db_session.scalars(select(Role.key)))
    for document in seed_documents():
        if document.key not in existing:
            service.create_role(db_session=db_session, actor=None, profile=document.profile(),
                                change_note="Recruitment handbook (seed)")
