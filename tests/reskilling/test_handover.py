"""From development into recruitment: an employee applies for an internal role (and only then
may recruiters read their development page); a trainee or scouting intern who finished moves
into a role's pipeline with their evidence. Named users: charlie (the employee), bob (his lead),
lena (L&D), alice (a recruiter), eve (another employee)."""

from sqlalchemy import select

from searchlight.candidates.models import Application, Candidate
from searchlight.config import get_settings
from searchlight.crm.models import Activity
from searchlight.reskilling import development
from searchlight.reskilling.models import Enrolment, Person
from tests.factories import log_in, make_user


def _evidence(db, enrolment, charlie):  # type: ignore[no-untyped-def]
    return development.add_evidence(
        db_session=db, actor=charlie, enrolment=enrolment, kind="repository",
        title="Klantcanvas", url="https://git.example.org/canvas",
        milestone_id=enrolment.cohort.programme.milestones[0].id, settings=get_settings())


def test_the_recruiter_sees_development_only_after_the_employee_applies(
        client, db, enrolment, charlie, bob, lena, alice, eve):
    item = _evidence(db, enrolment, charlie)
    page = f"/development/people/{charlie.id}"
    assert log_in(client, db, alice).get(page).status_code == 403
    # Neither the lead nor a recruiter nor another employee applies on charlie's behalf.
    for user in (bob, alice, eve):
        assert log_in(client, db, user).post(
            f"/development/enrolments/{enrolment.id}/apply",
            data={"role": "ai-product-builder"}).status_code == 403
    response = log_in(client, db, charlie).post(
        f"/development/enrolments/{enrolment.id}/apply", data={"role": "ai-product-builder"},
        follow_redirects=False)
    assert response.status_code == 303, response.text
    candidate = db.scalar(select(Candidate).where(Candidate.email_key == charlie.email))
    [application] = db.scalars(select(Application).where(
        Application.candidate_id == candidate.id)).all()
    assert application.role.key == "ai-product-builder"
    note = db.scalar(select(Activity).where(Activity.candidate_id == candidate.id))
    assert "Klantcanvas" in note.body and f"/development/people/{charlie.id}" in note.body
    # Now the recruiter reads the page (with the evidence), but cannot review or add to it.
    as_alice = log_in(client, db, alice)
    read = as_alice.get(page)
    assert read.status_code == 200 and "Klantcanvas" in read.text
    assert as_alice.post(f"/development/evidence/{item.id}/review",
                         data={"rating": "5"}).status_code == 403
    assert as_alice.post(f"/development/enrolments/{enrolment.id}/evidence",
                         data={"kind": "repository", "title": "x",
                               "link": "criterion:1"}).status_code == 403
    # Another employee still gets nothing; the employee sees the application on their page.
    assert log_in(client, db, eve).get(page).status_code == 403
    mine = log_in(client, db, charlie).get("/development").text
    assert f'data-application="{application.id}"' in mine
    assert enrolment.status == "active"  # an employee keeps learning while applying


def test_a_trainee_from_outside_finishes_and_moves_into_the_pipeline(
        client, db, cohort, lena, bob, alice):
    tessa = make_user(db, "Tessa", "employee")
    as_lena = log_in(client, db, lena)
    response = as_lena.post(f"/reskilling/cohorts/{cohort.id}/enrol", data={
        "employee": tessa.email, "lead": bob.email, "kind": "trainee",
        "target_role": "ai-maintenance-engineer"}, follow_redirects=False)
    assert response.status_code == 303, response.text
    assert db.get(Person, tessa.id).kind == "trainee"
    enrolment = db.scalar(select(Enrolment).where(Enrolment.user_id == tessa.id))
    assert log_in(client, db, alice).get(
        f"/development/people/{tessa.id}").status_code == 403
    response = log_in(client, db, lena).post(
        f"/development/enrolments/{enrolment.id}/apply",
        data={"role": "ai-maintenance-engineer"}, follow_redirects=False)
    assert response.status_code == 303, response.text
    db.refresh(enrolment)
    assert enrolment.status == "finished"
    candidate = db.scalar(select(Candidate).where(Candidate.email_key == tessa.email))
    assert [t.name for t in candidate.tags] == ["trainee"]
    board = log_in(client, db, alice).get("/board/ai-maintenance-engineer")
    assert board.status_code == 200 and str(candidate.id) in board.text
    assert log_in(client, db, alice).get(
        f"/development/people/{tessa.id}").status_code == 200


def test_it_refuses_an_unknown_kind_of_participant(client, db, cohort, lena):
    tessa = make_user(db, "Tessa", "employee")
    response = log_in(client, db, lena).post(f"/reskilling/cohorts/{cohort.id}/enrol", data={
        "employee": tessa.email, "kind": "contractor"})
    assert response.status_code == 422


def test_the_roles_hiring_manager_reads_development_after_the_application_and_no_other(
        client, db, enrolment, charlie):
    from searchlight.roles.models import Role

    hanna = make_user(db, "Hanna", "hiring_manager")
    otto = make_user(db, "Otto", "hiring_manager")
    role = db.scalar(select(Role).where(Role.key == "ai-product-builder"))
    role.hiring_manager_id = hanna.id
    db.flush()
    page = f"/development/people/{charlie.id}"
    assert log_in(client, db, hanna).get(page).status_code == 403  # nothing applied yet
    assert log_in(client, db, charlie).post(
        f"/development/enrolments/{enrolment.id}/apply", data={"role": "ai-product-builder"},
        follow_redirects=False).status_code == 303
    assert log_in(client, db, hanna).get(page).status_code == 200
    assert log_in(client, db, otto).get(page).status_code == 403
    text = log_in(client, db, charlie).get("/development").text
    assert "recruiters and the role&#39;s hiring manager may read this page" in text
