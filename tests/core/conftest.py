"""A world with one object of every kind, for the tests generated from the route table."""

import importlib
import importlib.util
from datetime import date

import pytest
from sqlalchemy import select

from searchlight.assessments import service as assessments
from searchlight.assessments.review import grade_submission
from searchlight.candidates.models import Application, Document
from searchlight.careers.models import FaqEntry
from searchlight.careers.service import current_notice
from searchlight.cli.demo import DEMO_DOMAINS, assign_demo_hiring_manager, load_demo_users
from searchlight.config import get_settings
from searchlight.content import service as content
from searchlight.crm.models import TalentPool
from searchlight.gdpr import ledger
from searchlight.gdpr import service as gdpr
from searchlight.governance import explanations
from searchlight.interviews import service as interviews
from searchlight.reskilling import development
from searchlight.reskilling import service as reskilling
from searchlight.reskilling.models import Course, Phase, Team
from searchlight.screening.models import (
    RecheckEntry,
    RecheckRun,
    ScreeningBatch,
    ScreeningResult,
)
from tests.home.test_every_page import screen_a_batch
from tests.interviews.factories import SRT


@pytest.fixture
def world(db, alice, bob, charlie, dora, lena, eve, client):  # type: ignore[no-untyped-def]
    """The demo data, one screened batch, a transcript and eve's development portfolio."""
    load_demo_users(db)
    for domain in DEMO_DOMAINS:
        if importlib.util.find_spec(f"searchlight.{domain}.demo") is not None:
            importlib.import_module(f"searchlight.{domain}.demo").load(db_session=db)
    assign_demo_hiring_manager(db)
    db.commit()
    screen_a_batch(client, db)
    client.cookies.clear()
    result = db.scalar(select(ScreeningResult).order_by(ScreeningResult.id))
    application = db.scalar(select(Application).where(
        Application.role_id == result.role_id).order_by(Application.id))
    candidate = application.candidate
    transcript = interviews.upload_transcript(db_session=db, actor=alice, candidate=candidate,
                                              data=SRT.encode(), filename="call.srt")
    programme = reskilling.get_programme(db_session=db, key="p4")
    cohort = development.create_cohort(db_session=db, actor=lena, programme=programme,
                                       variant_key="standard", name="Scope",
                                       start_date=date(2026, 9, 1))
    enrolment = development.enrol(db_session=db, actor=lena, cohort=cohort, user=eve, lead=lena)
    evidence = development.add_evidence(
        db_session=db, actor=eve, enrolment=enrolment, kind="screenshots", title="Canvas",
        file=("canvas.txt", b"A customer canvas."), milestone_id=programme.milestones[0].id,
        settings=get_settings())
    text = content.start_by_hand(db_session=db, actor=alice, role=application.role,
                                 kind="vacancy", language="nl")
    consent = gdpr.record_consent(db_session=db, actor=alice, candidate=candidate,
                                  scope="retention", notice=current_notice(db, "nl"))
    erasure = ledger.request_erasure(db_session=db, actor=dora, candidate=candidate)
    challenge = assessments.list_challenges(db_session=db)[0]
    invitation, _token = assessments.invite(db_session=db, actor=alice, candidate=candidate,
                                            challenge=challenge, role=application.role)
    assessments.accept_notice(db_session=db, invitation=invitation, human_only=True)
    submission = assessments.submit(db_session=db, invitation=invitation,
                                    answers={"1": "An answer."}, settings=get_settings())
    grade_submission(db_session=db, submission=submission)
    _candidate, [decision, *_] = explanations.explain_candidate(
        db_session=db, user=alice, candidate_id=candidate.id)
    review = explanations.start_review(db_session=db, actor=alice, candidate_id=candidate.id,
                                       kind=decision.kind, decision_id=decision.decision_id,
                                       reason="Please look again.")
    recheck = RecheckRun(role_id=result.role_id, requested_by_id=alice.id, status="done",
                         entries=[RecheckEntry(result_id=result.id, position=0,
                                               status="checked")])
    db.add(recheck)
    db.commit()
    return {
        "candidate_id": candidate.id,
        "recheck_id": recheck.id,
        "application_id": application.id,
        "document_id": db.scalar(select(Document.id).where(Document.candidate_id == candidate.id)
                                 .order_by(Document.id)),
        "role_id": application.role_id,
        "role_key": application.role.key,
        "pool_id": db.scalar(select(TalentPool.id).order_by(TalentPool.id)),
        "batch_id": db.scalar(select(ScreeningBatch.id).order_by(ScreeningBatch.id)),
        "result_id": result.id,
        "result_ids": list(db.scalars(select(ScreeningResult.id).where(
            ScreeningResult.role_id == result.role_id).order_by(ScreeningResult.id).limit(2))),
        "text_id": text.id,
        "transcript_id": transcript.id,
        "interview_evidence_id": transcript.evidence[0].id,
        "user_id": eve.id,
        "enrolment_id": enrolment.id,
        "evidence_id": evidence.id,
        "cohort_id": cohort.id,
        "team_id": db.scalar(select(Team.id).order_by(Team.id)),
        "programme_key": programme.key,
        "phase_id": db.scalar(select(Phase.id).order_by(Phase.id)),
        "milestone_id": programme.milestones[0].id,
        "course_id": db.scalar(select(Course.id).order_by(Course.id)),
        "entry_id": db.scalar(select(FaqEntry.id).order_by(FaqEntry.id)),
        "consent_id": consent.id,
        "erasure_id": erasure.id,
        "review_id": review.id,
        "number": 1,
        "skill_key": "python",
        "token": "not-a-real-token",
        "submission_id": submission.id,
        "challenge_id": submission.challenge_id,
        "proposal_id": submission.proposals[0].id,
        "users": {"alice": alice, "bob": bob, "charlie": charlie, "dora": dora, "lena": lena},
    }


