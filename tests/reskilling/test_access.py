"""Who may see an employee's development data: the employee, their lead and L&D (and admin);
not a recruiter, not another employee, not another lead."""

import pytest

from searchlight.errors import Forbidden
from searchlight.reskilling import service
from searchlight.reskilling.models import Person


@pytest.fixture
def charlies_record(db, charlie, bob):  # type: ignore[no-untyped-def]
    person = Person(user_id=charlie.id, lead_id=bob.id)
    db.add(person)
    db.flush()
    return person


def test_it_lets_the_employee_their_lead_and_ld_see_the_record(
        db, charlies_record, charlie, bob, lena, dora):
    for user in (charlie, bob, lena, dora):
        found = service.get_person_for_user(db_session=db, user=user, user_id=charlie.id)
        assert found.user_id == charlie.id


def test_it_refuses_a_recruiter_another_employee_and_another_lead(
        db, charlies_record, charlie, alice, eve):
    from tests.factories import make_user

    other_lead = make_user(db, "Olaf", "hiring_manager")
    for user in (alice, eve, other_lead):
        with pytest.raises(Forbidden):
            service.get_person_for_user(db_session=db, user=user, user_id=charlie.id)
