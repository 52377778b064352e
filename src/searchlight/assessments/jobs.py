"""The grading job: every submission still "grading" gets its proposals. Reads what to do
from the database, so a restart or a second worker goes on where one stopped."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight import jobs
from searchlight.assessments.models import AssessmentSubmission
from searchlight.assessments.review import grade_submission
from searchlight.db import transaction


@jobs.task("assessments.grade_submission")
def grade(submission_id: int) -> None:
    with transaction() as db_session:
        submission = db_session.scalar(select(AssessmentSubmission).where(
            AssessmentSubmission.id == submission_id).with_for_update(skip_locked=True))
        if submission is not None:
            grade_submission(db_session=db_session, submission=submission)


@jobs.finds_due_work
def due_grading(db_session: Session) -> jobs.DueWork:
    ids = db_session.scalars(select(AssessmentSubmission.id).where(
        AssessmentSubmission.status == "grading").order_by(AssessmentSubmission.id).limit(50))
    return [("assessments.grade_submission", {"submission_id": i}) for i in ids]
