"""Screening with the database: ingest CVs once, score them per role version, rank, re-rank."""

import hashlib
import json
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from searchlight.auth.models import User
from searchlight.candidates.documents import store_document
from searchlight.candidates.models import Document
from searchlight.candidates.schemas import CandidateIn
from searchlight.candidates.service import create_candidate
from searchlight.config import Settings
from searchlight.db import utcnow
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent
from searchlight.matching.embedder import Embedder
from searchlight.roles.models import Role, RoleVersion
from searchlight.screening.anonymise import Entity
from searchlight.screening.evidence import Passage
from searchlight.screening.extract_types import ExtractedDocument, ExtractionError
from searchlight.screening.models import CvAnalysis, ScreeningResult
from searchlight.screening.pipeline import AnalysedCv, item_vectors, profile_items, read_cv
from searchlight.screening.questions import interview_questions
from searchlight.screening.scoring import (
    ENGINE_VERSION,
    CvEvidence,
    ItemSpec,
    Known,
    Quote,
    Score,
    score_cv,
)
from searchlight.screening.skills_found import SkillMatcher
from searchlight.screening.terms import LexicalIndex
from searchlight.taxonomy.models import Skill
from searchlight.taxonomy.service import skill_index_entries, skills_by_key


@dataclass(frozen=True)
class RoleScorer:
    items: list[ItemSpec]
    weights: dict[str, float]
    vectors: list[np.ndarray]
    profile_hash: str


_scorers: OrderedDict[tuple[str, str], RoleScorer] = OrderedDict()


def scorer_for(*, db_session: Session, version: RoleVersion, embedder: Embedder) -> RoleScorer:
    """Items of a role version with their vectors; computed once per version and process."""
    profile_hash = hashlib.sha256(
        json.dumps(version.profile, sort_keys=True).encode()).hexdigest()
    # Keyed by content, not id: ids are reused after a rollback or a restored backup.
    cache_key = (profile_hash, embedder.name)
    if cache_key in _scorers:
        _scorers.move_to_end(cache_key)
        return _scorers[cache_key]

    def synonyms(keys: Sequence[str]) -> tuple[str, ...]:
        skills = skills_by_key(db_session=db_session, keys=keys)
        names = [n for s in skills.values() for n in (s.label_nl, s.label_en, *s.synonyms("nl"),
                                                        *s.synonyms("en"))]
        return tuple(dict.fromkeys(n for n in names if n))

    items, weights = profile_items(version.profile, synonyms=synonyms)
    scorer = RoleScorer(items, weights, item_vectors(items, embedder), profile_hash)
    _scorers[cache_key] = scorer
    while len(_scorers) > 32:
        _scorers.popitem(last=False)
    return scorer


_matchers: dict[tuple[int, object], SkillMatcher] = {}


def skill_matcher(*, db_session: Session) -> SkillMatcher:
    """Technical and domain skills of the taxonomy (built-in and ESCO); soft skills are left to
    the profile items, since a single word like "practical" names no skill. Rebuilt when the
    taxonomy changes."""
    version = db_session.execute(
        select(func.count(), func.max(Skill.updated_at))).tuples().one()
    if version not in _matchers:
        soft = set(db_session.scalars(select(Skill.key).where(Skill.kind == "soft")))
        entries = skill_index_entries(db_session=db_session)
        _matchers.clear()
        _matchers[version] = SkillMatcher.build(e for e in entries if e[0] not in soft)
    return _matchers[version]


@dataclass(frozen=True)
class Ingested:
    filename: str
    analysis: CvAnalysis | None = None
    duplicate: bool = False
    error: ExtractionError | None = None


def _identity_from(text: str, entities: tuple[Entity, ...]) -> CandidateIn:
    """The person behind a CV as the anonymiser found them; kept on the candidate record and
    hidden from the first review until someone reveals it."""
    def first(kind: str) -> str | None:
        found = next((e for e in entities if e.type == kind), None)
        return " ".join(text[found.start:found.end].split()) if found else None

    email = first("EMAIL")
    return CandidateIn(
        full_name=(first("PERSON") or "Anonymous candidate")[:200],
        email=email if email and "@" in email else None, phone=(first("PHONE") or "")[:50],
        location=(first("LOCATION") or "")[:200], legal_basis="legitimate_interest",
    )


def _analysis_row(document: Document, extracted: ExtractedDocument, analysed: AnalysedCv,
                  embedder: Embedder) -> CvAnalysis:
    passages = [[p.text, p.start, p.end, p.section] for p in analysed.evidence.passages]
    return CvAnalysis(
        document_id=document.id, redacted_text=analysed.redaction.text,
        language=extracted.language, passages=passages,
        unit_owners=analysed.cv.unit_owners.tolist(),
        unit_vectors=quantise(analysed.cv.unit_vectors),
        dated_passages=list(analysed.cv.dated_passages), total_years=analysed.cv.total_years,
        years_by_sector=analysed.sectors, sections=list(analysed.evidence.sections_found),
        flags=[{"code": f.code, "message": f.message, "evidence": f.evidence}
               for f in extracted.flags],
        entities=[{"type": e.type, "start": e.start, "end": e.end}
                  for e in analysed.redaction.entities],
        skills=[{"key": s.key, "label": s.label, "passages": list(s.passages)}
                for s in analysed.skills],
        lexicon=analysed.cv.lexical().to_json(),
        embedder=f"{embedder.name}/{embedder.version}",
    )


Prepared = tuple[ExtractedDocument, AnalysedCv] | ExtractionError


def known_analysis(*, db_session: Session, data: bytes) -> CvAnalysis | None:
    content_hash = hashlib.sha256(data).hexdigest()
    return db_session.scalar(
        select(CvAnalysis).join(Document).where(Document.content_hash == content_hash))


def ingest(
    *, db_session: Session, data: bytes, filename: str, settings: Settings, embedder: Embedder,
    actor: User | None, prepared: Prepared | None = None,
) -> Ingested:
    """Read, neutralise, anonymise and analyse one CV (or take what a worker `prepared`); the
    same file twice is one document."""
    if (existing := known_analysis(db_session=db_session, data=data)) is not None:
        return Ingested(filename, existing, duplicate=True)
    if prepared is None:
        try:
            prepared = read_cv(data, filename, embedder=embedder,
                               skills=skill_matcher(db_session=db_session))
        except ExtractionError as error:
            prepared = error
    if isinstance(prepared, ExtractionError):
        return Ingested(filename, error=prepared)
    extracted, analysed = prepared
    document = store_document(db_session=db_session, data=data, filename=filename,
                              candidate_id=None, settings=settings)
    if document.candidate_id is None:
        identity = _identity_from(extracted.text, analysed.redaction.entities)
        candidate = create_candidate(db_session=db_session, actor=actor, data=identity)
        document.candidate_id = candidate.id
    document.text, document.language = extracted.text, extracted.language
    document.flags = {"flags": [f.code for f in extracted.flags]}
    analysis = _analysis_row(document, extracted, analysed, embedder)
    db_session.add(analysis)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "cv.analysed", "document", document.id,
        {"language": extracted.language, "flags": [f.code for f in extracted.flags],
         "redacted_entities": len(analysed.redaction.entities), "embedder": analysis.embedder}))
    return Ingested(filename, analysis)


def quantise(vectors: np.ndarray) -> bytes:
    """Unit vectors as int8: a quarter of float32, cosines off by well under 0.01."""
    return np.clip(np.rint(vectors * 127.0), -127, 127).astype(np.int8).tobytes()


def cv_evidence(analysis: CvAnalysis) -> CvEvidence:
    passages = tuple(Passage._make(passage) for passage in analysis.passages)
    vectors = np.frombuffer(analysis.unit_vectors, dtype=np.int8).reshape(
        len(analysis.unit_owners), -1).astype(np.float32) / 127.0 if analysis.unit_owners \
        else np.zeros((0, 512), np.float32)
    return CvEvidence(passages, vectors, np.array(analysis.unit_owners, dtype=np.int32),
                      analysis.total_years, tuple(analysis.dated_passages),
                      LexicalIndex.from_json(analysis.lexicon))


def _dimensions_json(score: Score) -> dict[str, object]:
    return {
        key: {"score": d.score, "weight": d.weight, "items": [{
            "text_nl": r.spec.text_nl, "text_en": r.spec.text_en, "must_have": r.spec.must_have,
            "strength": r.strength, "matched": r.matched, "signature": r.spec.signature,
            "quotes": [{"text": q.text, "start": q.start, "end": q.end, "section": q.section,
                        "strength": q.strength} for q in r.quotes],
        } for r in d.items]}
        for key, d in score.dimensions.items()
    }


def known_items(result: ScreeningResult | None) -> Known:
    """Item strengths and quotes of an earlier result, by item signature, for reuse."""
    if result is None:
        return {}
    return {
        item["signature"]: (item["strength"], tuple(
            Quote(q["text"], q["start"], q["end"], q["section"], q["strength"])
            for q in item["quotes"]))
        for dimension in result.dimensions.values() for item in dimension["items"]
        if "signature" in item
    }


def score_values(score: Score, *, scorer: RoleScorer, document_id: int) -> dict[str, Any]:
    """The columns of a ScreeningResult that a score decides."""
    return {
        "overall": score.overall, "coverage": score.coverage,
        "needs_human_check": score.needs_human_check, "dimensions": _dimensions_json(score),
        "reasons": list(score.reasons),
        "questions": [q.__dict__ for q in interview_questions(score)],
        "engine_version": ENGINE_VERSION, "scored_at": utcnow(),
        "input_hash": hashlib.sha256(f"{scorer.profile_hash}:{document_id}".encode()).hexdigest(),
    }


def score_analysis(
    *, db_session: Session, analysis: CvAnalysis, role: Role, version: RoleVersion,
    scorer: RoleScorer, candidate_id: int | None,
) -> ScreeningResult:
    """Score (or re-score) one analysed CV against a role version."""
    score = score_cv(scorer.items, scorer.vectors, scorer.weights, cv_evidence(analysis))
    result = db_session.scalar(select(ScreeningResult).where(
        ScreeningResult.analysis_id == analysis.id,
        ScreeningResult.role_version_id == version.id))
    if result is None:
        result = ScreeningResult(analysis_id=analysis.id, role_id=role.id,
                                 role_version_id=version.id, candidate_id=candidate_id)
        db_session.add(result)
    for column, value in score_values(score, scorer=scorer,
                                      document_id=analysis.document_id).items():
        setattr(result, column, value)
    return result
