"""Test data for candidates and the CRM: roles (made directly, as the roles domain stores them),
candidates through the real service, and real files (a text CV and a small PDF)."""

from typing import Any

from fpdf import FPDF
from sqlalchemy.orm import Session

from searchlight.auth.models import User
from searchlight.candidates import pipeline, service
from searchlight.candidates.models import Application, Candidate
from searchlight.candidates.schemas import CandidateIn
from searchlight.crm.sources import ensure_default_sources
from searchlight.roles.models import Role, RoleVersion
from tests.screening.cvfiles import FIXED_CREATION_DATE


def make_role(db: Session, key: str = "ml-engineer", *, manager: User | None = None) -> Role:
    role = Role(key=key, title_en=key.replace("-", " ").title(),
                title_nl=key.replace("-", " ").title() + " (nl)",
                hiring_manager_id=manager.id if manager else None, current_version=1)
    db.add(role)
    db.flush()
    db.add(RoleVersion(role_id=role.id, number=1, profile={"jtbd": "Build models."}))
    db.flush()
    return role


def make_candidate(db: Session, name: str = "Jan de Vries", **values: Any) -> Candidate:
    if values.get("source"):
        ensure_default_sources(db_session=db)
    values.setdefault("email", name.lower().replace(" ", ".") + "@example.org")
    return service.create_candidate(db_session=db, actor=None,
                                    data=CandidateIn(full_name=name, **values))


def apply(db: Session, candidate: Candidate, role: Role, stage: str | None = None) -> Application:
    return pipeline.apply_to_role(db_session=db, actor=None, candidate=candidate, role=role,
                                  stage_key=stage)


def text_cv(name: str = "Jan de Vries") -> bytes:
    return (f"{name}\nMachine learning engineer, Utrecht\n\nExperience\n"
            "2021-2025 ML engineer at Verzekeraar NL: PyTorch models in production.\n").encode()


def pdf_cv(name: str = "Sanne Bakker") -> bytes:
    pdf = FPDF()
    pdf.set_creation_date(FIXED_CREATION_DATE)  # same text, same bytes
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, f"{name}\nPrompt engineer\nRAG pipelines, embeddings, A/B tests.")
    return bytes(pdf.output())
