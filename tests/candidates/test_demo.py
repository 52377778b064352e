"""The demo loader fills the CRM once, with or without the handbook roles."""

from sqlalchemy import func, select

from searchlight.candidates import demo
from searchlight.candidates.models import Application, Candidate, Document, StageChange
from searchlight.cli.demo import load_demo_users
from searchlight.crm import demo as crm_demo
from searchlight.crm.models import Activity, PoolMember, Source, TalentPool
from tests.candidates.factories import make_role


def _count(db, model) -> int:  # type: ignore[no-untyped-def]
    return db.scalar(select(func.count()).select_from(model))


def test_it_loads_candidates_in_every_stage_of_the_six_roles_once(db):
    load_demo_users(db)
    for key in demo.ROLE_CV:
        make_role(db, key)
    crm_demo.load(db_session=db)
    demo.load(db_session=db)
    counts = {model: _count(db, model) for model in (
        Candidate, Document, Application, StageChange, Activity, PoolMember, TalentPool, Source)}
    assert counts[Candidate] == len(demo.PEOPLE) >= 30
    assert counts[Document] == len(demo.PEOPLE)
    assert counts[Application] == len(demo.PEOPLE)
    assert counts[TalentPool] == 2 and counts[PoolMember] >= 4 and counts[Activity] >= 3
    stages = set(db.scalars(select(Application.stage_key)))
    assert stages >= {"sourced", "applied", "screened", "assessment", "interview", "offer",
                      "hired", "rejected", "withdrawn"}
    rejected = db.scalars(select(StageChange).where(StageChange.to_stage == "rejected")).all()
    assert rejected and all(change.reason for change in rejected)
    pdfs = db.scalars(select(Document).where(Document.media_type == "application/pdf")).all()
    assert pdfs
    twins = db.scalars(select(Candidate).where(Candidate.email_key == "jan.devries@example.com"))
    assert len(twins.all()) == 2
    demo.load(db_session=db)
    crm_demo.load(db_session=db)
    assert {model: _count(db, model) for model in counts} == counts


def test_it_skips_applications_when_the_roles_are_missing(db):
    demo.load(db_session=db)
    assert _count(db, Candidate) == len(demo.PEOPLE)
    assert _count(db, Application) == 0
