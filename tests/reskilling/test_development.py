"""Cohorts, enrolment, evidence with sign-off, milestone assessments and the SEARCH profile."""

from datetime import date

import pytest
from sqlalchemy import func, select

from searchlight.config import get_settings
from searchlight.errors import Conflict, Forbidden, InvalidInput, PayloadTooLarge
from searchlight.reskilling import development
from searchlight.reskilling.models import Evidence, SearchScore
from tests.screening.cvfiles import add_xml_entities, make_docx, make_pdf


def _month1(enrolment):  # type: ignore[no-untyped-def]
    return enrolment.cohort.programme.milestones[0]


def test_it_dates_the_cohort_and_finds_missed_and_upcoming_milestones(db, enrolment):
    statuses = development.milestone_statuses(db_session=db, enrolment=enrolment)
    assert [s.milestone.month for s in statuses] == [1, 2, 3]
    # Six weeks in: month 1 (four weeks) is overdue, month 3 is still ahead.
    assert statuses[0].state == "missed" and statuses[2].state == "open"
    reminders = development.upcoming(db_session=db, user_ids=[enrolment.user_id],
                                     today=date.today(), days=400)
    assert [r.milestone.month for r in reminders] == [1, 2, 3]
    phases = development.dated_phases(db_session=db, enrolment=enrolment)
    assert phases[0][1] <= phases[0][2] < phases[1][1]


def test_it_refuses_to_enrol_twice_or_a_recruiter(db, cohort, enrolment, lena, alice, charlie):
    with pytest.raises(Conflict):
        development.enrol(db_session=db, actor=lena, cohort=cohort, user=charlie, lead=None)
    with pytest.raises(InvalidInput):
        development.enrol(db_session=db, actor=lena, cohort=cohort, user=alice, lead=None)


def test_it_keeps_a_pdf_and_a_link_as_evidence(db, enrolment, charlie):
    pdf = make_pdf(["Prompt library", "Twelve reusable prompts for claims triage."])
    item = development.add_evidence(
        db_session=db, actor=charlie, enrolment=enrolment, kind="prompt_library",
        title="Promptbibliotheek", milestone_id=_month1(enrolment).id,
        file=("prompts.pdf", pdf), self_rating=4, self_assessment="Works for triage.",
        settings=get_settings())
    assert (item.media_type, item.file_size, item.status) == ("application/pdf", len(pdf),
                                                              "submitted")


@pytest.mark.parametrize(("name", "data", "error"), [
    ("canvas.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 100, InvalidInput),  # named PDF, is an image
    ("screen.png", b"%PDF-1.7 not an image", InvalidInput),  # named image, is a PDF
    ("macro.docm", b"PK\x03\x04rest", InvalidInput),  # a type we do not take
    ("empty.txt", b"", InvalidInput),
])
def test_it_refuses_files_that_are_not_what_they_say(db, enrolment, charlie, name, data, error):
    with pytest.raises(error):
        development.add_evidence(
            db_session=db, actor=charlie, enrolment=enrolment, kind="screenshots", title="x",
            milestone_id=_month1(enrolment).id, file=(name, data), settings=get_settings())
    assert db.scalar(select(func.count()).select_from(Evidence)) == 0


def test_it_refuses_hostile_and_oversized_files(db, enrolment, charlie):
    hostile = add_xml_entities(make_docx(["Demo walkthrough"]))
    with pytest.raises(InvalidInput, match="refused"):
        development.add_evidence(
            db_session=db, actor=charlie, enrolment=enrolment, kind="demo_video", title="x",
            milestone_id=_month1(enrolment).id, file=("walkthrough.docx", hostile),
            settings=get_settings())
    big = get_settings().max_upload_bytes + 1
    with pytest.raises(PayloadTooLarge):
        development.add_evidence(
            db_session=db, actor=charlie, enrolment=enrolment, kind="screenshots", title="x",
            milestone_id=_month1(enrolment).id, file=("big.png", b"\x89PNG\r\n\x1a\n" + b"0" * big),
            settings=get_settings())
    assert db.scalar(select(func.count()).select_from(Evidence)) == 0


def test_it_lets_only_the_employee_add_evidence(db, enrolment, bob):
    with pytest.raises(Forbidden):
        development.add_evidence(
            db_session=db, actor=bob, enrolment=enrolment, kind="repository", title="x",
            url="https://example.org", milestone_id=_month1(enrolment).id,
            settings=get_settings())


def test_a_sign_off_moves_the_search_profile_with_provenance(db, enrolment, charlie, bob, eve):
    item = development.add_evidence(
        db_session=db, actor=charlie, enrolment=enrolment, kind="repository", title="Canvas",
        url="https://git.example.org/charlie/canvas", milestone_id=_month1(enrolment).id,
        settings=get_settings())
    assert development.profile_at(development.scores_of(db_session=db, user_id=charlie.id)) == {
        k: None for k in ("skills", "experience", "attitude", "results", "cognitive", "habits")}
    with pytest.raises(Forbidden):  # not charlie's lead
        development.review_evidence(db_session=db, reviewer=eve, evidence=item, rating=4,
                                    comment="")
    with pytest.raises(Forbidden):  # never your own
        development.review_evidence(db_session=db, reviewer=charlie, evidence=item, rating=5,
                                    comment="")
    development.review_evidence(db_session=db, reviewer=bob, evidence=item, rating=4,
                                comment="Clear canvas.")
    assert item.status == "signed_off" and item.reviewer_id == bob.id
    scores = development.scores_of(db_session=db, user_id=charlie.id)
    # Month 1 of programme 4 is a presentation: reasoning, context, feedback.
    assert {s.dimension for s in scores} == {"cognitive", "experience", "attitude"}
    assert all(s.score == 75 and s.reviewer_id == bob.id and s.evidence_id == item.id
               and s.milestone_id == _month1(enrolment).id for s in scores)


def test_a_milestone_assessment_scores_its_rubric(db, enrolment, lena, charlie):
    milestone = _month1(enrolment)
    with pytest.raises(InvalidInput, match="missing"):
        development.assess_milestone(db_session=db, reviewer=lena, enrolment=enrolment,
                                     milestone=milestone, scores={"reasoning": 5},
                                     comment="", passed=True)
    assessment = development.assess_milestone(
        db_session=db, reviewer=lena, enrolment=enrolment, milestone=milestone,
        scores={"reasoning": 5, "context": 3, "feedback": 1}, comment="Good start.", passed=True)
    profile = development.profile_at(development.scores_of(db_session=db, user_id=charlie.id))
    assert (profile["cognitive"], profile["experience"], profile["attitude"]) == (100, 50, 0)
    assert profile["skills"] is None
    rows = db.scalars(select(SearchScore).where(SearchScore.assessment_id == assessment.id))
    assert {(r.source, r.reviewer_id, r.milestone_id) for r in rows} == {
        ("milestone", lena.id, milestone.id)}
    statuses = development.milestone_statuses(db_session=db, enrolment=enrolment)
    assert statuses[0].state == "done"
    with pytest.raises(Conflict):
        development.assess_milestone(
            db_session=db, reviewer=lena, enrolment=enrolment, milestone=milestone,
            scores={"reasoning": 5, "context": 3, "feedback": 1}, comment="", passed=True)
