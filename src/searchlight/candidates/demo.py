"""Fictional candidates for the six handbook roles: CVs (text and PDF), pipeline positions with
history, notes, tags, two talent pools and one likely-duplicate pair. Safe to run twice: a
candidate whose name and e-mail are already there is skipped."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from fpdf import FPDF
from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.auth.access import allowed
from searchlight.auth.models import User
from searchlight.candidates import pipeline, service
from searchlight.candidates.documents import store_document
from searchlight.candidates.models import Application, Candidate
from searchlight.candidates.schemas import CandidateIn
from searchlight.config import get_settings
from searchlight.crm import service as crm_service
from searchlight.crm.models import TalentPool
from searchlight.crm.sources import ensure_default_sources
from searchlight.db import utcnow
from searchlight.roles.models import Role

DEMO_RECRUITER = "recruiter@demo.searchlight.local"
STAGE_PATH = ("sourced", "applied", "screened", "assessment", "interview", "offer", "hired")
POOLS = (("Silver medallists",
          "Sterke finalisten die we bij de volgende vacature als eerste benaderen."),
         ("AI traineeship 2027", "Afgestudeerden en zij-instromers voor de AI-traineeship."))


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    location: str
    source: str
    role: str
    stage: str
    tags: tuple[str, ...]
    years: int
    dutch_cv: bool = False
    pool: str = ""
    note: str = ""


ROLE_CV = {
    "ai-solutions-architect": ("AI solutions architect", "ML infrastructure, MLOps, Azure ML, "
                               "Kubernetes, event-driven architecture, C4 documentation",
                               "Designed the AI platform behind 14 production models"),
    "ai-product-owner": ("AI product owner", "Agile, OKRs, product metrics, design thinking, "
                         "A/B testing, stakeholder management",
                         "Cut claim handling time by 23% with an AI triage feature"),
    "ml-engineer": ("Machine learning engineer", "Python, PyTorch, scikit-learn, Qdrant, "
                    "feature stores, Jupyter, pytest",
                    "Shipped a fraud model that runs autonomously on 2M transactions a day"),
    "prompt-engineer": ("Prompt engineer", "Prompt design, RAG, embeddings, LangChain, "
                        "evaluation sets, GPT-4o and Claude",
                        "Raised answer accuracy of a support assistant from 71% to 89%"),
    "mlops-engineer": ("MLOps engineer", "CI/CD, GitHub Actions, Kubernetes, MLflow, "
                       "Prometheus, Terraform, LLM serving with vLLM",
                       "Brought model deployment time from two weeks to one hour"),
    "ai-native-software-engineer": ("AI-native software engineer", "TypeScript, Python, "
                                    "LangChain agents, API chaining, FastAPI, tests",
                                    "Built an agent that drafts policy letters for 300 advisers"),
}

PEOPLE = (
    Person("Jan de Vries", "jan.devries@example.com", "Utrecht", "linkedin", "ml-engineer",
           "interview", ("python", "pytorch"), 4, True, note="Strong on PyTorch, asks about "
           "hybrid working."),
    Person("J. de Vries", "JAN.DEVRIES@example.com", "Utrecht", "careers-site", "mlops-engineer",
           "applied", ("python",), 4, True),
    Person("Sanne Bakker", "sanne.bakker@example.org", "Amsterdam", "stormai", "prompt-engineer",
           "offer", ("llm", "rag"), 3, pool="Silver medallists",
           note="Prompt challenge: best score this quarter."),
    Person("Emily Carter", "emily.carter@example.co.uk", "London (remote)", "turing-deel",
           "ai-solutions-architect", "assessment", ("architecture", "azure"), 9),
    Person("Daan Visser", "daan.visser@example.nl", "Rotterdam", "building-blocks",
           "ai-product-owner", "screened", ("insurance", "product"), 7, True),
    Person("Priya Raman", "priya.raman@example.com", "Eindhoven", "github", "ml-engineer",
           "assessment", ("python", "vector-db"), 3),
    Person("Lotte Jansen", "lotte.jansen@example.nl", "Den Bosch", "futurewhiz-talent",
           "ml-engineer", "sourced", ("graduate", "python"), 1, True,
           pool="AI traineeship 2027"),
    Person("Mohamed El Idrissi", "m.elidrissi@example.nl", "Den Haag", "referral",
           "mlops-engineer", "interview", ("kubernetes", "mlflow"), 5, True,
           note="Referred by the platform team; available from March."),
    Person("Tom Hendriks", "tom.hendriks@example.nl", "Nijmegen", "xomnia",
           "ai-solutions-architect", "hired", ("architecture", "mlops"), 11, True),
    Person("Grace Okafor", "grace.okafor@example.com", "Dublin (remote)", "remotebase-arc",
           "ai-native-software-engineer", "interview", ("agents", "typescript"), 5),
    Person("Bram Smit", "bram.smit@example.nl", "Groningen", "ai-communities",
           "prompt-engineer", "screened", ("llm", "evaluation"), 2, True),
    Person("Sophie Mulder", "sophie.mulder@example.nl", "Haarlem", "linkedin",
           "ai-product-owner", "rejected", ("product", "saas"), 6, True,
           pool="Silver medallists"),
    Person("Lucas Meijer", "lucas.meijer@example.nl", "Leiden", "github",
           "ai-native-software-engineer", "applied", ("agents", "python"), 3, True),
    Person("Hannah Schmidt", "hannah.schmidt@example.de", "Düsseldorf", "stormai",
           "prompt-engineer", "assessment", ("rag", "embeddings"), 4),
    Person("Kevin de Groot", "kevin.degroot@example.nl", "Breda", "careers-site",
           "mlops-engineer", "screened", ("ci-cd", "terraform"), 6, True),
    Person("Aisha Bello", "aisha.bello@example.com", "Amsterdam", "ai-communities",
           "ml-engineer", "applied", ("nlp", "python"), 2, pool="AI traineeship 2027"),
    Person("Ruben van Dijk", "ruben.vandijk@example.nl", "Zwolle", "linkedin",
           "ai-solutions-architect", "sourced", ("architecture", "gcp"), 8, True),
    Person("Olivia Brown", "olivia.brown@example.com", "Manchester (remote)", "turing-deel",
           "ai-product-owner", "interview", ("product", "metrics"), 8),
    Person("Femke de Boer", "femke.deboer@example.nl", "Amersfoort", "building-blocks",
           "ai-product-owner", "applied", ("insurance", "agile"), 5, True),
    Person("Mateo García", "mateo.garcia@example.es", "Barcelona (remote)", "remotebase-arc",
           "mlops-engineer", "offer", ("kubernetes", "llm-serving"), 7),
    Person("Noah Vermeulen", "noah.vermeulen@example.be", "Antwerpen", "github",
           "ai-native-software-engineer", "screened", ("fastapi", "agents"), 4, True),
    Person("Julia Kowalski", "julia.kowalski@example.pl", "Utrecht", "referral",
           "prompt-engineer", "withdrawn", ("llm",), 3),
    Person("Sem Bos", "sem.bos@example.nl", "Apeldoorn", "futurewhiz-talent", "ml-engineer",
           "screened", ("graduate", "pytorch"), 1, True, pool="AI traineeship 2027"),
    Person("Yara Haddad", "yara.haddad@example.com", "Rotterdam", "xomnia",
           "ai-solutions-architect", "interview", ("architecture", "security"), 10),
    Person("Thijs Koster", "thijs.koster@example.nl", "Enschede", "ai-communities",
           "ai-native-software-engineer", "assessment", ("langchain", "tests"), 3, True),
    Person("Chloe Martin", "chloe.martin@example.fr", "Lyon (remote)", "linkedin",
           "ml-engineer", "rejected", ("computer-vision",), 3),
    Person("Iris Peeters", "iris.peeters@example.nl", "Maastricht", "careers-site",
           "prompt-engineer", "applied", ("content", "llm"), 2, True),
    Person("Daniel Cohen", "daniel.cohen@example.com", "Tel Aviv (remote)", "stormai",
           "ai-native-software-engineer", "offer", ("agents", "typescript"), 6),
    Person("Eva van Leeuwen", "eva.vanleeuwen@example.nl", "Delft", "github", "mlops-engineer",
           "sourced", ("observability",), 4, True),
    Person("Liam O'Brien", "liam.obrien@example.ie", "Cork (remote)", "turing-deel",
           "ml-engineer", "interview", ("pytorch", "vector-db"), 5),
    Person("Fleur Willems", "fleur.willems@example.nl", "Tilburg", "building-blocks",
           "ai-product-owner", "assessment", ("insurance", "design-thinking"), 6, True),
    Person("Arjun Mehta", "arjun.mehta@example.com", "Amstelveen", "referral",
           "ai-solutions-architect", "screened", ("architecture", "mlops"), 12),
)

REJECTION_REASON = "Not enough hands-on production experience for this role right now."


def load(*, db_session: Session) -> None:
    ensure_default_sources(db_session=db_session)
    recruiter = db_session.scalar(select(User).where(User.email == DEMO_RECRUITER))
    mover = recruiter if recruiter and allowed(recruiter, "pipeline:move") else None
    roles = {role.key: role for role in db_session.scalars(select(Role))}
    pools = _pools(db_session, recruiter)
    for index, person in enumerate(PEOPLE):
        if _exists(db_session, person):
            continue
        candidate = _candidate(db_session, person, recruiter, index)
        role = roles.get(person.role)
        if role is not None:
            _place_in_pipeline(db_session, candidate, role, person, mover, index)
        if person.pool and recruiter and person.pool in pools:
            crm_service.add_to_pool(db_session=db_session, actor=recruiter,
                                    pool=pools[person.pool], candidate=candidate)
        if person.note and recruiter:
            crm_service.add_activity(db_session=db_session, actor=recruiter, candidate=candidate,
                                     kind="call", body=person.note,
                                     occurred_at=utcnow() - timedelta(days=index % 9 + 1))


def _exists(db_session: Session, person: Person) -> bool:
    found = db_session.scalar(select(Candidate.id).where(
        Candidate.full_name == person.name, Candidate.email_key == person.email.lower()))
    return found is not None


def _pools(db_session: Session, recruiter: User | None) -> dict[str, TalentPool]:
    found = {pool.name: pool for pool in db_session.scalars(select(TalentPool))}
    for name, description in POOLS:
        if name not in found and recruiter is not None:
            found[name] = crm_service.create_pool(db_session=db_session, actor=recruiter,
                                                  name=name, description=description)
    return found


def _candidate(db_session: Session, person: Person, owner: User | None, index: int) -> Candidate:
    given = (utcnow() - timedelta(days=20 + index * 3)).date()
    candidate = service.create_candidate(db_session=db_session, actor=None, data=CandidateIn(
        full_name=person.name, email=person.email, phone=f"+31 6 0000 {1000 + index * 37}",
        location=person.location, source=person.source, owner_id=owner.id if owner else None,
        legal_basis="consent" if index % 3 else "legitimate_interest", consent_given_on=given,
        tags=list(person.tags),
    ))
    text = cv_text(person)
    if index % 4 == 0:
        store_document(db_session=db_session, data=cv_pdf(text), filename=f"{_slug(person)}.pdf",
                       candidate_id=candidate.id, settings=get_settings())
    else:
        store_document(db_session=db_session, data=text.encode(), candidate_id=candidate.id,
                       filename=f"{_slug(person)}.txt", settings=get_settings())
    return candidate


def _slug(person: Person) -> str:
    return "cv-" + "-".join(service.search_tokens(person.name))


def _place_in_pipeline(db_session: Session, candidate: Candidate, role: Role, person: Person,
                       mover: User | None, index: int) -> None:
    """Walk the application along the stages up to the person's stage, dated in the past."""
    first = "sourced" if person.source not in ("careers-site", "referral") else "applied"
    application = pipeline.apply_to_role(db_session=db_session, actor=mover, candidate=candidate,
                                         role=role, stage_key=first)
    if mover is not None:
        for stage in _path(first, person.stage):
            reason = REJECTION_REASON if stage == "rejected" else ""
            pipeline.move_stage(db_session=db_session, actor=mover, application=application,
                                to_stage=stage, reason=reason)
    _backdate(application, start=utcnow() - timedelta(days=45 - index % 30))


def _path(first: str, target: str) -> list[str]:
    if target in ("rejected", "withdrawn"):
        return [STAGE_PATH[STAGE_PATH.index(first) + 1], target]
    return list(STAGE_PATH[STAGE_PATH.index(first) + 1:STAGE_PATH.index(target) + 1])


def _backdate(application: Application, *, start: datetime) -> None:
    step = max((utcnow() - start) / (len(application.changes) + 1), timedelta(hours=6))
    for number, change in enumerate(application.changes):
        change.moved_at = start + step * number
    application.created_at = start
    application.stage_entered_at = application.changes[-1].moved_at


def cv_text(person: Person) -> str:
    title, skills, result = ROLE_CV[person.role]
    if person.dutch_cv:
        return (f"{person.name}\n{title} — {person.location}\n{person.email}\n\n"
                f"Profiel\n{person.years} jaar ervaring als {title.lower()}, vooral in de "
                f"verzekerings- en SaaS-sector. Leergierig en gewend om eigenaarschap te nemen.\n\n"
                f"Werkervaring\n- {result}.\n- Documenteert ontwerpkeuzes en schrijft tests.\n\n"
                f"Vaardigheden\n{skills}\n\nOpleiding\nMSc Data Science, JADS Den Bosch\n")
    return (f"{person.name}\n{title} — {person.location}\n{person.email}\n\n"
            f"Profile\n{person.years} years of experience as {title.lower()} in SaaS and "
            f"financial services. Curious, pragmatic and used to owning outcomes.\n\n"
            f"Experience\n- {result}.\n- Writes design notes and automated tests.\n\n"
            f"Skills\n{skills}\n\nEducation\nDeepLearning.AI specialisations; BSc Computer "
            f"Science\n")


def cv_pdf(text: str) -> bytes:
    pdf = FPDF()
    pdf.set_creation_date(datetime(2026, 1, 1))  # fixed, so the same CV has the same hash
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    safe = text.replace("—", "-").encode("latin-1", "replace").decode("latin-1")
    pdf.multi_cell(0, 6, safe)
    return bytes(pdf.output())
