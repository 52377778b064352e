"""Demo: the six seed roles published on the careers site, with a general and a role FAQ."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.careers.models import FaqEntry, Posting
from searchlight.roles.demo import seed_documents
from searchlight.roles.models import Role

FAMILIES = {
    "ai-solutions-architect": "Architecture", "ai-product-owner": "Product",
    "ml-engineer": "Engineering", "prompt-engineer": "Engineering",
    "mlops-engineer": "Engineering", "ai-native-software-engineer": "Engineering",
}
GENERAL_FAQ = (
    ("en", "What does the application process look like?",
     "After you apply, a recruiter reviews your CV within two weeks. Then there are two "
     "interviews: one with the team and one with the hiring manager, followed by an offer."),
    ("nl", "Hoe verloopt de sollicitatieprocedure?",
     "Na je sollicitatie bekijkt een recruiter je cv binnen twee weken. Daarna volgen twee "
     "gesprekken: een met het team en een met de manager, en dan een aanbod."),
    ("en", "Can I work from home?",
     "Yes: we work hybrid, usually two days a week at the office in Utrecht."),
    ("nl", "Kan ik thuiswerken?",
     "Ja: we werken hybride, meestal twee dagen per week op kantoor in Utrecht."),
)
ROLE_FAQ = {
    "ml-engineer": (
        ("en", "Which programming languages does the ML Engineer use?",
         "Mostly Python, with PyTorch for models and SQL for data; some infrastructure code."),
        ("nl", "Welke programmeertalen gebruikt de ML Engineer?",
         "Vooral Python, met PyTorch voor modellen en SQL voor data; wat infrastructuurcode."),
    ),
}


def load(*, db_session: Session) -> None:
    roles = {role.key: role for role in db_session.scalars(select(Role).where(
        Role.key.in_([document.key for document in seed_documents()])))}
    for key, role in roles.items():
        if db_session.scalar(select(Posting.id).where(Posting.role_id == role.id)) is None:
            db_session.add(Posting(role_id=role.id, family=FAMILIES.get(key, ""),
                                   location="Utrecht", country="NL", languages=["nl", "en"],
                                   employment_type="FULL_TIME"))
    if db_session.scalar(select(FaqEntry.id).limit(1)) is None:
        for position, (language, question, answer) in enumerate(GENERAL_FAQ):
            db_session.add(FaqEntry(role_id=None, language=language, question=question,
                                    answer=answer, position=position))
        for key, entries in ROLE_FAQ.items():
            if key in roles:
                for position, (language, question, answer) in enumerate(entries):
                    db_session.add(FaqEntry(role_id=roles[key].id, language=language,
                                            question=question, answer=answer,
                                            position=position))
    db_session.flush()
