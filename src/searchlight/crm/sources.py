"""The sources registry starts with the channels and agencies of the recruitment handbook (seed
000). Loaded by code rather than a data migration, so a fresh production install gets them with
`searchlight candidates load-sources` and the demo loader reuses the same list."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from searchlight.crm.models import Source


@dataclass(frozen=True)
class SeedSource:
    key: str
    name: str
    kind: str
    language: str = ""
    specialisation_nl: str = ""
    specialisation_en: str = ""
    website: str = ""


DEFAULT_SOURCES = (
    SeedSource("linkedin", "LinkedIn", "channel", "Global", "Direct sourcing",
               "Direct sourcing", "https://www.linkedin.com"),
    SeedSource("github", "GitHub", "channel", "Global", "Direct sourcing via code en projecten",
               "Direct sourcing through code and projects", "https://github.com"),
    SeedSource("ai-communities", "AI communities", "channel", "Global",
               "Meetups, Hugging Face, Kaggle en Discord-communities",
               "Meetups, Hugging Face, Kaggle and Discord communities"),
    SeedSource("referral", "Referral", "channel", "", "Aanbeveling door een collega",
               "Recommended by a colleague"),
    SeedSource("careers-site", "Careers site", "channel", "", "Sollicitatie via de werkenbij-site",
               "Applied through the careers site"),
    SeedSource("cv-upload", "CV upload (screening)", "channel", "",
               "Cv geüpload door een recruiter om te screenen",
               "CV uploaded by a recruiter for screening"),
    SeedSource("xomnia", "Xomnia", "agency", "NL", "AI-consultancy + werving",
               "AI consultancy + recruitment", "https://www.xomnia.com"),
    SeedSource("futurewhiz-talent", "Futurewhiz Talent", "agency", "NL", "Academisch AI-talent",
               "Academic AI talent"),
    SeedSource("building-blocks", "Building Blocks", "agency", "NL", "AI voor verzekeringen",
               "AI for insurance"),
    SeedSource("stormai", "StormAI", "agency", "EN", "LLM/GenAI-specialisten",
               "LLM/GenAI specialists"),
    SeedSource("turing-deel", "Turing / Deel", "agency", "Global", "Remote AI-talent wereldwijd",
               "Remote AI talent worldwide", "https://www.turing.com"),
    SeedSource("remotebase-arc", "Remotebase / Arc.dev", "agency", "Global",
               "Top 1% engineers globaal", "Top 1% engineers globally", "https://arc.dev"),
)


def ensure_default_sources(*, db_session: Session) -> list[Source]:
    """Add the handbook's sources that are missing (by key); never changes edited ones.

    Safe when two workers do it at once: the loser's insert is undone in a savepoint and the
    winner's rows are used."""
    existing = set(db_session.scalars(select(Source.key)))
    added = [
        Source(key=seed.key, name=seed.name, kind=seed.kind, language=seed.language,
               specialisation_nl=seed.specialisation_nl,
               specialisation_en=seed.specialisation_en, website=seed.website)
        for seed in DEFAULT_SOURCES if seed.key not in existing
    ]
    if not added:
        return []
    try:
        with db_session.begin_nested():
            db_session.add_all(added)
    except IntegrityError:
        return []
    return added
