"""Demo self-identification answers for the demo applications, so the auditor's report has
something to show. Fictional people, fixed answers (no randomness): safe to run twice."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.candidates.models import Application
from searchlight.fairness.models import SelfId

# (gender, age band, migration background); None = prefer not to say
ANSWERS = (
    ("woman", "25_34", "none"), ("man", "35_44", "second_generation"),
    ("man", "25_34", "none"), ("woman", "45_54", "first_generation"),
    ("non_binary", "under_25", None), ("man", "25_34", "first_generation"),
    (None, "35_44", "none"), ("woman", "35_44", "none"), ("man", "55_plus", None),
)


def load(*, db_session: Session) -> None:
    answered = set(db_session.scalars(select(SelfId.application_id)))
    applications = db_session.scalars(select(Application).order_by(Application.id)).all()
    for index, application in enumerate(applications):
        if application.id in answered or application.stage_key == "sourced":
            continue  # a sourced person never applied, so was never asked
        gender, age_band, migration = ANSWERS[index % len(ANSWERS)]
        created = application.created_at.date() if application.created_at else date.today()
        db_session.add(SelfId(
            application_id=application.id, role_id=application.role_id,
            month=date(created.year, created.month, 1),
            answers={"gender": gender, "age_band": age_band, "migration": migration}))
    db_session.flush()
