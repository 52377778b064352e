"""Gap analysis, the personal plan (CLI and page) and the editable course catalogue."""

import json

import pytest
from typer.testing import CliRunner

from searchlight.cli import build_app
from searchlight.config import get_settings
from searchlight.errors import Forbidden, InvalidInput
from searchlight.reskilling import development, plans
from searchlight.reskilling.models import Course
from tests.factories import log_in


def _sign_off(db, enrolment, charlie, bob, rating):  # type: ignore[no-untyped-def]
    item = development.add_evidence(
        db_session=db, actor=charlie, enrolment=enrolment, kind="repository", title="Demo",
        url="https://git.example.org/demo",
        milestone_id=enrolment.cohort.programme.milestones[1].id, settings=get_settings())
    development.review_evidence(db_session=db, reviewer=bob, evidence=item, rating=rating,
                                comment="")


def test_it_finds_the_gaps_against_a_role_and_proposes_courses(db, enrolment, charlie, bob):
    before = plans.build_plan(db_session=db, employee=charlie, role_key="prompt-engineer")
    assert before["target_level"] == 75
    assert {g["dimension"] for g in before["gaps"]} == {
        "skills", "experience", "attitude", "results", "cognitive", "habits"}
    assert all(g["gap"] == 75 and g["known"] is False for g in before["gaps"])
    skills = next(g for g in before["gaps"] if g["dimension"] == "skills")
    # The prompt engineer asks for prompting, RAG and embeddings: those courses come first.
    assert skills["courses"][:2] == ["rag-in-practice", "prompt-engineering"]
    priorities = [g["priority"] for g in before["gaps"]]
    assert priorities == sorted(priorities, reverse=True)
    # Month 2 of programme 4 (demo + walkthrough) trains results, skills and cognitive.
    assert [a["month"] for a in skills["assignments"]] == [2]
    _sign_off(db, enrolment, charlie, bob, rating=5)  # results, skills, cognitive → 100
    after = plans.build_plan(db_session=db, employee=charlie, role_key="prompt-engineer")
    closed = {g["dimension"]: g for g in after["gaps"]}
    assert closed["skills"]["current"] == 100 and closed["skills"]["gap"] == 0
    assert closed["skills"]["courses"] == [] and closed["attitude"]["gap"] == 75
    assert after["totals"]["courses_without_cost"] == len(after["courses"])


def test_the_cli_prints_the_plan_as_json(db, enrolment, charlie):
    db.commit()
    result = CliRunner().invoke(build_app(), ["reskilling", "plan", "--employee", charlie.email,
                                              "--role", "ai-maintenance-engineer",
                                              "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["employee"] == charlie.email
    assert document["role"]["key"] == "ai-maintenance-engineer"
    assert document["gaps"][0]["dimension"] == "skills"  # the heaviest weight (0.3)
    table = CliRunner().invoke(build_app(), ["reskilling", "plan", "--employee", charlie.email,
                                             "--role", "ai-maintenance-engineer"])
    assert table.exit_code == 0 and "skills" in table.stdout
    missing = CliRunner().invoke(build_app(), ["reskilling", "plan", "--employee",
                                               "nobody@example.org", "--role", "x"])
    assert missing.exit_code == 1 and "No active user" in missing.stderr


def test_the_lead_saves_the_plan_into_the_programme(client, db, enrolment, charlie, bob, eve):
    with pytest.raises(Forbidden):
        plans.save_plan(db_session=db, actor=charlie, enrolment=enrolment,
                        role_key="prompt-engineer")
    as_bob = log_in(client, db, bob)
    saved = as_bob.post(f"/development/enrolments/{enrolment.id}/plan",
                        data={"role": "prompt-engineer"}, follow_redirects=False)
    assert saved.status_code == 303
    db.refresh(enrolment)
    assert enrolment.target_role_key == "prompt-engineer"
    assert enrolment.plan["role"]["version"] == 1 and enrolment.plan["saved_by"] == bob.email
    page = log_in(client, db, charlie).get("/development").text
    assert "Personal plan" in page and "RAG in Practice" in page
    assert log_in(client, db, eve).post(f"/development/enrolments/{enrolment.id}/plan",
                                        data={"role": "prompt-engineer"}).status_code == 403


def test_the_ld_lead_edits_the_course_catalogue(client, db, plan, lena, charlie):
    as_lena = log_in(client, db, lena)
    page = as_lena.get("/reskilling/courses")
    assert page.status_code == 200 and "LangChain Bootcamp" in page.text
    course = db.query(Course).filter_by(key="langchain-bootcamp").one()
    saved = as_lena.post(f"/reskilling/courses/{course.id}", data={
        "title": "LangChain Bootcamp", "provider": "LangChain", "language": "en",
        "cost_eur": "450", "hours": "24", "dimensions": ["skills", "results"],
        "skills": "langchain ai-agents", "is_active": "1"}, follow_redirects=False)
    assert saved.status_code == 303
    db.refresh(course)
    assert (course.cost_eur, course.hours, course.skills) == (450, 24, ["langchain",
                                                                         "ai-agents"])
    created = as_lena.post("/reskilling/courses", data={
        "key": "eu-ai-act-basics", "title": "EU AI Act basics", "provider": "ICTRecht",
        "language": "nl", "dimensions": ["experience"], "is_active": "1"},
        follow_redirects=False)
    assert created.status_code == 303
    bad = as_lena.post(f"/reskilling/courses/{course.id}", data={
        "title": "x", "provider": "y", "language": "de", "dimensions": ["skills"]})
    assert bad.status_code == 422
    assert log_in(client, db, charlie).get("/reskilling/courses").status_code == 403


def test_a_course_needs_known_dimensions(db, plan, lena):
    with pytest.raises(InvalidInput):
        plans.create_course(db_session=db, actor=lena, key="x", data={
            "title": "x", "provider": "y", "language": "en", "dimensions": "luck"})
