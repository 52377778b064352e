"""Menu entries and home panels of reskilling for the employee, their lead and the L&D lead."""

import re

from searchlight.config import get_settings
from searchlight.reskilling import development
from tests.factories import log_in

NAV = re.compile(r'<nav aria-label="[^"]*">(.*?)</nav>', re.S)


def _menu(page: str) -> list[str]:
    found = NAV.search(page)
    assert found
    return re.findall(r'<a href="([^"]+)"', found.group(1))


def test_each_role_gets_its_own_reskilling_entry_and_panel(client, db, enrolment, charlie, bob,
                                                           lena, alice):
    milestone = enrolment.cohort.programme.milestones[0]
    development.add_evidence(db_session=db, actor=charlie, enrolment=enrolment,
                             kind="repository", title="Canvas repo",
                             url="https://git.example.org/canvas", milestone_id=milestone.id,
                             settings=get_settings())
    charlie_home = log_in(client, db, charlie).get("/").text
    assert "/development" in _menu(charlie_home) and "/reskilling" not in _menu(charlie_home)
    assert "Three-month preparation programme" in charlie_home
    assert "1 item waits for review" in charlie_home
    bob_home = log_in(client, db, bob).get("/").text
    assert "People you lead" in bob_home and "Canvas repo" in bob_home
    lena_home = log_in(client, db, lena).get("/").text
    assert "/reskilling" in _menu(lena_home)
    assert "To resolve" in lena_home
    assert 'home-count">1</span> person in a programme' in lena_home
    assert "missed milestone" in lena_home  # month 1 of a cohort that began six weeks ago
    alice_home = log_in(client, db, alice).get("/").text
    assert "People you lead" not in alice_home and "/development" not in _menu(alice_home)


def test_the_employee_panel_says_what_to_do_before_enrolment(client, db, plan, eve):
    page = log_in(client, db, eve).get("/").text
    assert "You are not enrolled in a programme yet" in page


def test_the_panel_is_in_dutch(client, db, enrolment, charlie):
    as_charlie = log_in(client, db, charlie)
    as_charlie.client.cookies.set("searchlight_locale", "nl")
    page = as_charlie.get("/").text
    assert "Mijn ontwikkeling" in page and "Voorbereidingsprogramma" in page
