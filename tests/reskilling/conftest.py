import pytest
from sqlalchemy.orm import Session

from searchlight.reskilling import demo as reskilling_demo
from searchlight.roles import demo as roles_demo
from searchlight.taxonomy import demo as taxonomy_demo


@pytest.fixture
def plan(db: Session) -> Session:
    """Seed 001 loaded: programmes, criteria, tracks with their roles, teams and courses."""
    taxonomy_demo.load(db_session=db)
    roles_demo.load(db_session=db)
    reskilling_demo.load(db_session=db)
    db.flush()
    return db


@pytest.fixture
def cohort(plan, db, lena):  # type: ignore[no-untyped-def]
    """A cohort of programme 4 that started six weeks ago: month 1 is due, month 2 not yet."""
    from datetime import date, timedelta

    from searchlight.reskilling import development, service

    programme = service.get_programme(db_session=db, key="p4")
    return development.create_cohort(
        db_session=db, actor=lena, programme=programme, variant_key="standard",
        name="Voorjaar", start_date=date.today() - timedelta(weeks=6))


@pytest.fixture
def enrolment(db, cohort, lena, charlie, bob):  # type: ignore[no-untyped-def]
    """Charlie (an employee) in the cohort, led by bob."""
    from searchlight.reskilling import development

    return development.enrol(db_session=db, actor=lena, cohort=cohort, user=charlie, lead=bob,
                             target_role_key="ai-product-builder")
