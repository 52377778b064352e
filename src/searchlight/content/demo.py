"""Demo organisation facts (fictional). Left alone once a recruiter has saved their own.

The Dutch benefits keep one phrase a real recruiter might write ("een jong en dynamisch team"),
so the demo shows the inclusive-language check at work on the first generated text."""

from sqlalchemy.orm import Session

from searchlight.content import service
from searchlight.content.models import OrganisationFacts
from searchlight.content.schemas import OrganisationIn

DEMO = OrganisationIn(
    name="Polderzekerheid",
    sector_nl="verzekeringen", sector_en="insurance",
    about_nl="Polderzekerheid is een verzekeraar in Utrecht die AI-first wordt: we bouwen "
             "AI-toepassingen voor schadeafhandeling en klantcontact.",
    about_en="Polderzekerheid is an insurer in Utrecht that is becoming AI-first: we build AI "
             "applications for claims handling and customer contact.",
    benefits_nl="Een jong en dynamisch team\n32 tot 40 uur per week, hybride werken\n"
                "Opleidingsbudget van 3.000 euro per jaar",
    benefits_en="A collaborative team\n32 to 40 hours a week, hybrid working\n"
                "A learning budget of 3,000 euro a year",
    tone_nl="Direct, warm en zonder jargon; we zeggen je.",
    tone_en="Direct, warm and free of jargon.",
    apply_nl="", apply_en="",
)


def load(*, db_session: Session) -> None:
    if db_session.get(OrganisationFacts, service.ORGANISATION_ID) is None:
        service.update_organisation(db_session=db_session, actor=None, data=DEMO)
