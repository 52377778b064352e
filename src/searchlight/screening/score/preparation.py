"""From an extracted document to scoring input, and from a role profile to scoring items.

Pure functions: no database. The order matters and is the product's promise: tricks are
neutralised first, then identities are redacted, and only then is anything read for evidence."""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from searchlight.anonymise import KnownIdentity, Redaction, anonymise
from searchlight.matching.embedder import Embedder
from searchlight.screening.read.document import ExtractedDocument, Flag
from searchlight.screening.read.extract import extract_document
from searchlight.screening.score.evidence import Evidence, collect_evidence, years_by_sector
from searchlight.screening.score.scoring import (
    DIMENSIONS,
    CvEvidence,
    ItemSpec,
    JobSpan,
    embedding_units,
)
from searchlight.screening.score.skills_found import FoundSkill, SkillMatcher

TRICK_FLAGS = frozenset({"hidden_text", "tiny_text", "off_page_text", "prompt_injection"})


@dataclass(frozen=True)
class AnalysedCv:
    language: str
    redaction: Redaction
    evidence: Evidence
    cv: CvEvidence
    flags: tuple[Flag, ...]
    skills: tuple[FoundSkill, ...] = ()

    @property
    def sectors(self) -> dict[str, float]:
        return years_by_sector(self.evidence.periods)


def neutralise(text: str, document: ExtractedDocument) -> str:
    """Blank out hidden text and instructions aimed at an AI, keeping every offset in place, so
    neither can be matched as evidence (they are still shown to the recruiter as flags)."""
    blanked = text
    tricks = [*document.hidden_spans, *(
        flag.evidence for flag in document.flags
        if flag.code in TRICK_FLAGS and flag.evidence
    )]
    for trick in tricks:
        blanked = re.sub(re.escape(trick), lambda m: " " * len(m.group()), blanked)
    return blanked


def dated_passage_indexes(evidence: Evidence) -> tuple[int, ...]:
    contexts = [period.context for period in evidence.periods]
    return tuple(
        index for index, passage in enumerate(evidence.passages)
        if any(passage.text in context or context in passage.text for context in contexts)
    )


def job_spans(evidence: Evidence) -> tuple[JobSpan, ...]:
    """Each dated job as (start day, end day, first passage, end passage)."""
    return tuple((period.start.toordinal(), period.end.toordinal(), period.first_passage,
                  period.end_passage) for period in evidence.periods
                 if 0 <= period.first_passage < period.end_passage)


def embed_evidence(evidence: Evidence, *, embedder: Embedder) -> CvEvidence:
    """What the scorer needs of a CV's evidence: its passages with their unit vectors, years,
    dated passages, stances and jobs."""
    texts, owners = embedding_units(evidence.passages)
    return CvEvidence(
        passages=evidence.passages, unit_vectors=embedder.encode(texts), unit_owners=owners,
        total_years=evidence.total_years if evidence.periods else None,
        dated_passages=dated_passage_indexes(evidence), stances=evidence.stances,
        jobs=job_spans(evidence),
    )


def analyse(
    document: ExtractedDocument, *, embedder: Embedder, known: KnownIdentity | None = None,
    skills: SkillMatcher | None = None,
) -> AnalysedCv:
    language = document.language if document.language in ("nl", "en") else None
    redaction = anonymise(neutralise(document.text, document), known=known, language=language)
    evidence = collect_evidence(redaction.text)
    cv = embed_evidence(evidence, embedder=embedder)
    found = tuple(skills.find(evidence.passages)) if skills else ()
    return AnalysedCv(document.language, redaction, evidence, cv, document.flags, found)


def read_cv(
    data: bytes, filename: str, *, embedder: Embedder, skills: SkillMatcher | None = None
) -> tuple[ExtractedDocument, AnalysedCv]:
    """Everything screening learns from a file without the database (so it can run in a worker
    process). Raises ExtractionError for a file that cannot be read."""
    extracted = extract_document(data, filename)
    return extracted, analyse(extracted, embedder=embedder, skills=skills)


SynonymLookup = Callable[[Sequence[str]], tuple[str, ...]]


def profile_items(
    profile: dict[str, object], *, synonyms: SynonymLookup
) -> tuple[list[ItemSpec], dict[str, float]]:
    """Scoring items and dimension weights from a role version's profile snapshot."""
    items: list[ItemSpec] = []
    weights: dict[str, float] = {}
    dimensions = profile.get("dimensions", [])
    assert isinstance(dimensions, list)
    for dimension in dimensions:
        key = dimension["key"]
        if key not in DIMENSIONS:
            continue
        weights[key] = float(dimension.get("weight", 1.0))
        for index, item in enumerate(dimension.get("items", [])):
            items.append(ItemSpec(
                dimension=key, index=index, text_nl=item.get("text_nl", ""),
                text_en=item.get("text_en", ""), must_have=bool(item.get("must_have")),
                min_years=item.get("min_years"), synonyms=synonyms(item.get("skills", [])),
                concepts=tuple(item.get("skills", [])),
            ))
    return items, weights


def item_vectors(items: Sequence[ItemSpec], embedder: Embedder) -> list[np.ndarray]:
    phrasings = [list(item.phrasings) for item in items]
    flat = embedder.encode([q for group in phrasings for q in group])
    vectors, cursor = [], 0
    for group in phrasings:
        vectors.append(flat[cursor:cursor + len(group)])
        cursor += len(group)
    return vectors
