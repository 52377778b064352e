"""The grading job: every submission still "grading" gets its proposals. Reads what to do
from the database, so a restart or a second worker goes on where one stopped."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight import jobs
from searchlight.assessments.models import AssessmentInvitation, AssessmentSubmission
from searchlight.assessments.review import propose, store_proposals
from searchlight.assessments.service import hand_in_overdue, overdue_invitations
from searchlight.config import get_settings
from searchlight.db import COMMITS_BEFORE_SLOW_CALLS, transaction


@jobs.task("assessments.grade_submission")
def grade(submission_id: int) -> None:
    """Grade before writing: on PostgreSQL in one transaction that keeps the submission locked;
    on SQLite (one write lock for the whole database) the proposals are stored in a fresh,
    short transaction, see `jobs.one_writer`."""
    query = select(AssessmentSubmission).where(
        AssessmentSubmission.id == submission_id,
        AssessmentSubmission.status == "grading").with_for_update(skip_locked=True)
    with transaction() as db_session:
        if (submission := db_session.scalar(query)) is None:
            return
        if jobs.one_writer(db_session):
            # Proposing writes only the AI layer's record of each call: kept before the next
            # call, which then runs without holding the write lock.
            db_session.info[COMMITS_BEFORE_SLOW_CALLS] = True
        rows = propose(db_session=db_session, submission=submission)
        if not jobs.one_writer(db_session):
            store_proposals(db_session=db_session, submission=submission, rows=rows)
            return
    with transaction(writes=True) as db_session:
        if (submission := db_session.scalar(query)) is not None:
            store_proposals(db_session=db_session, submission=submission, rows=rows)


@jobs.finds_due_work
def due_grading(db_session: Session) -> jobs.DueWork:
    ids = db_session.scalars(select(AssessmentSubmission.id).where(
        AssessmentSubmission.status == "grading").order_by(AssessmentSubmission.id).limit(50))
    return [("assessments.grade_submission", {"submission_id": i}) for i in ids]


@jobs.task("assessments.hand_in_overdue")
def hand_in(invitation_id: int) -> None:
    """The time ran out and the candidate's page did not hand in: hand in the autosaved draft
    (a submit from the page at the same moment stores one hand-in, see service.submit)."""
    with transaction() as db_session:
        invitation = db_session.scalar(select(AssessmentInvitation).where(
            AssessmentInvitation.id == invitation_id).with_for_update(skip_locked=True))
        if invitation is not None and invitation.used_at is None:
            hand_in_overdue(db_session=db_session, invitation=invitation,
                            settings=get_settings())


@jobs.finds_due_work
def due_hand_ins(db_session: Session) -> jobs.DueWork:
    return [("assessments.hand_in_overdue", {"invitation_id": invitation.id})
            for invitation in overdue_invitations(db_session=db_session)]
