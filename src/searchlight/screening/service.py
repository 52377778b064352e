"""Screening with the database: ingest CVs once, score them per role version, rank, re-rank."""

import hashlib
import json
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import numpy as np
from sqlalchemy import Connection, Select, func, insert, select
from sqlalchemy.orm import Session
from threadpoolctl import threadpool_limits

from searchlight.anonymise import Entity
from searchlight.auth.access import allowed
from searchlight.auth.models import User
from searchlight.candidates.documents import store_document
from searchlight.candidates.identity import mark_pseudonymous
from searchlight.candidates.models import Document
from searchlight.candidates.schemas import CandidateIn
from searchlight.candidates.service import create_candidate
from searchlight.config import Settings
from searchlight.crm.models import Source
from searchlight.crm.sources import ensure_default_sources
from searchlight.db import utcnow
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent
from searchlight.matching.embedder import Embedder
from searchlight.roles.models import Role, RoleVersion
from searchlight.screening.models import CvAnalysis, CvTerm, ScreeningResult
from searchlight.screening.read.document import ExtractedDocument, ExtractionError
from searchlight.screening.score.evidence import Passage
from searchlight.screening.score.explanation import Explanation, explanation_of
from searchlight.screening.score.preparation import AnalysedCv, item_vectors, profile_items, read_cv
from searchlight.screening.score.scoring import (
    DIMENSIONS,
    ENGINE_VERSION,
    CvEvidence,
    ItemSpec,
    PassagePool,
    PoolCv,
    PoolScores,
    Score,
    input_hash,
    item_scores,
    items_key,
    must_have_reasons,
    passage_cosines,
    passage_strengths,
    quantise,
    score_cv,
)
from searchlight.screening.score.skills_found import SkillMatcher
from searchlight.screening.score.terms import LexicalIndex, TermPool
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


# A candidate who entered through screening is kept for a procedure of about two months plus
# the four weeks the Dutch DPA allows after it ends; a recruiter can extend it with consent.
SCREENED_KEEP_FOR = timedelta(weeks=12)
SCREENING_SOURCE = "cv-upload"


def _identity_from(text: str, entities: tuple[Entity, ...], actor: User | None) -> CandidateIn:
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
        source=SCREENING_SOURCE,
        owner_id=actor.id if actor is not None and allowed(actor, "candidates:write") else None,
        consent_expires_on=utcnow().date() + SCREENED_KEEP_FOR,
    )


def _analysis_row(document: Document, extracted: ExtractedDocument, analysed: AnalysedCv,
                  lexical: LexicalIndex, embedder: Embedder) -> CvAnalysis:
    passages = analysed.evidence.passages
    return CvAnalysis(
        document=document, redacted_text=analysed.redaction.text,
        language=extracted.language, passages=[[p.text, p.start, p.end, p.section]
                                               for p in passages],
        passage_sections=[p.section for p in passages], squashed=lexical.flat,
        unit_owners=analysed.cv.unit_owners.tolist(),
        unit_vectors=quantise(analysed.cv.unit_vectors).tobytes(),
        dated_passages=list(analysed.cv.dated_passages), total_years=analysed.cv.total_years,
        passage_stances=list(analysed.cv.stances or ()),
        jobs=[list(job) for job in analysed.cv.jobs or ()],
        years_by_sector=analysed.sectors, sections=list(analysed.evidence.sections_found),
        flags=[{"code": f.code, "message": f.message, "evidence": f.evidence}
               for f in extracted.flags],
        entities=[{"type": e.type, "start": e.start, "end": e.end}
                  for e in analysed.redaction.entities],
        skills=[{"key": s.key, "label": s.label, "passages": list(s.passages)}
                for s in analysed.skills],
        embedder=f"{embedder.name}/{embedder.version}",
    )


def _store_terms(db_session: Session, analysis: CvAnalysis, lexical: LexicalIndex) -> None:
    rows = [{"analysis_id": analysis.id, "term": term, "passages": passages}
            for term, passages in lexical.term_rows()]
    if rows:
        db_session.execute(insert(CvTerm), rows)


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
    candidate = None
    if document.candidate_id is None:
        identity = _identity_from(extracted.text, analysed.redaction.entities, actor)
        if db_session.info.get("screening_source"):
            pass  # seen by an earlier file of the chunk
        elif db_session.scalar(select(Source.id).where(Source.key == SCREENING_SOURCE)) is None:
            ensure_default_sources(db_session=db_session)
        else:
            db_session.info["screening_source"] = True
        candidate = create_candidate(db_session=db_session, actor=actor, data=identity)
        document.candidate_id = candidate.id
    document.text, document.language = extracted.text, extracted.language
    document.flags = {"flags": [f.code for f in extracted.flags]}
    lexical = analysed.cv.lexical()
    analysis = _analysis_row(document, extracted, analysed, lexical, embedder)
    db_session.add(analysis)
    db_session.flush()
    if candidate is not None:  # entered through screening: pseudonymous until revealed
        mark_pseudonymous(db_session=db_session, candidate=candidate, number=analysis.id)
    _store_terms(db_session, analysis, lexical)
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "cv.analysed", "document", document.id,
        {"language": extracted.language, "flags": [f.code for f in extracted.flags],
         "redacted_entities": len(analysed.redaction.entities), "embedder": analysis.embedder}))
    return Ingested(filename, analysis)


def _units(blob: bytes, count: int) -> np.ndarray:
    """Stored unit vectors (int8, see scoring.quantise) as a units x dim matrix."""
    units = np.frombuffer(blob, dtype=np.int8)
    return units.reshape(count, -1) if count else units.reshape(0, 0)


def cv_evidence(analysis: CvAnalysis) -> CvEvidence:
    passages = tuple(Passage._make(passage) for passage in analysis.passages)
    return CvEvidence(passages, _units(analysis.unit_vectors, len(analysis.unit_owners)),
                      np.array(analysis.unit_owners, dtype=np.int64), analysis.total_years,
                      tuple(analysis.dated_passages),
                      None if analysis.passage_stances is None else tuple(analysis.passage_stances),
                      None if analysis.jobs is None else tuple(
                          (job[0], job[1], job[2], job[3]) for job in analysis.jobs))


def score_values(score: Score, *, scorer: RoleScorer, document_id: int) -> dict[str, Any]:
    """The columns of a ScreeningResult that a score decides."""
    return {
        "overall": score.overall, "coverage": score.coverage,
        "needs_human_check": score.needs_human_check,
        "dimensions": {key: {"score": d.score, "weight": d.weight}
                       for key, d in score.dimensions.items()},
        "item_strengths": {r.spec.signature: [r.strength, bool(r.quotes)]
                           for d in score.dimensions.values() for r in d.items},
        "items_key": items_key(r.spec.signature for d in score.dimensions.values()
                               for r in d.items),
        "reasons": list(score.reasons), "engine_version": ENGINE_VERSION, "scored_at": utcnow(),
        "input_hash": input_hash(scorer.profile_hash, document_id),
    }


def pool_values(
    scores: PoolScores, strengths: np.ndarray, evidenced: np.ndarray, *, scorer: RoleScorer,
    document_ids: Sequence[int],
) -> list[dict[str, Any]]:
    """`score_values` of many CVs at once, from `scoring.aggregate`."""
    weights = [scorer.weights.get(key, 1.0) for key in DIMENSIONS]
    dimension_scores = zip(*(_numbers(scores.dimensions[key]) for key in DIMENSIONS), strict=True)
    signatures = [item.signature for item in scorer.items]
    key = items_key(signatures)
    must_haves = must_have_reasons(scorer.items)
    missing: list[list[bool]] = scores.missing.tolist()
    needs_check: list[bool] = scores.needs_human_check.tolist()
    scored_at = utcnow()
    rows = []
    for cv, (overall, coverage, dimensions, cv_strengths, cv_evidenced) in enumerate(zip(
            _numbers(scores.overall), scores.coverage.tolist(), dimension_scores,
            strengths.tolist(), evidenced.tolist(), strict=True)):
        rows.append({
            "overall": overall, "coverage": coverage, "needs_human_check": needs_check[cv],
            "dimensions": {key: {"score": score, "weight": weight} for key, score, weight
                           in zip(DIMENSIONS, dimensions, weights, strict=True)},
            "item_strengths": {signature: [strength, proven] for signature, strength, proven
                               in zip(signatures, cv_strengths, cv_evidenced, strict=True)},
            "items_key": key,
            "reasons": [text for i, text in must_haves if missing[cv][i]],
            "engine_version": ENGINE_VERSION, "scored_at": scored_at,
            "input_hash": input_hash(scorer.profile_hash, document_ids[cv]),
        })
    return rows


def _numbers(values: np.ndarray) -> list[float | None]:
    return [None if value != value else value for value in values.tolist()]  # NaN: unknown


_CHUNK = 500  # CVs read at a time: their unit vectors take some 15 MB


def measure_items(
    *, db_session: Session, analysis_ids: Sequence[int], items: Sequence[ItemSpec],
    vectors: Sequence[np.ndarray],
) -> tuple[np.ndarray, np.ndarray]:
    """Strength of each item in each of these analysed CVs, and whether it is evidenced: what
    `score_cv` finds, for a whole pool at once from the stored passages, vectors and terms.
    Returns two (CVs x items) arrays, rows in the order of `analysis_ids`."""
    ordered = sorted(analysis_ids)
    cosines, cvs, flats = _pool_cosines(db_session, ordered, vectors)
    pool = PassagePool.of(cvs)
    terms = TermPool(_term_masks(db_session, ordered, items), flats, pool.starts)
    strengths = np.zeros((len(ordered), len(items)))
    evidenced = np.zeros((len(ordered), len(items)), dtype=bool)
    for column, spec in enumerate(items):
        per_passage = passage_strengths(spec, cosines[:, column], terms, pool)
        strengths[:, column], evidenced[:, column] = item_scores(spec, per_passage, pool)
    back = np.searchsorted(ordered, analysis_ids)
    return strengths[back], evidenced[back]


def _pool_cosines(
    db_session: Session, ordered: Sequence[int], vectors: Sequence[np.ndarray]
) -> tuple[np.ndarray, list[PoolCv], list[str]]:
    """Best cosine of each item with each passage of these CVs (passages numbered one CV after
    the other), read a chunk of CVs at a time; with what else scoring needs of the CVs."""
    connection = db_session.connection()  # Core rows: no ORM bookkeeping for thousands of rows
    cosines = [np.zeros((0, len(vectors)))]
    cvs: list[PoolCv] = []
    flats: list[str] = []
    # One BLAS thread, as for the encoder: many mid-sized products, on a busy server.
    with threadpool_limits(1, user_api="blas"):
        for start in range(0, len(ordered), _CHUNK):
            rows = _fetch(connection, select(
                CvAnalysis.unit_vectors, CvAnalysis.unit_owners, CvAnalysis.passage_sections,
                CvAnalysis.dated_passages, CvAnalysis.total_years, CvAnalysis.squashed,
                CvAnalysis.passage_stances, CvAnalysis.jobs,
            ).where(CvAnalysis.id.in_(ordered[start:start + _CHUNK])).order_by(CvAnalysis.id))
            layout = [PoolCv(sections, dated, years, stances, jobs)
                      for _, _, sections, dated, years, _, stances, jobs in rows]
            starts = PassagePool.of(layout).starts
            owners = np.concatenate([np.zeros(0, np.int64), *(
                np.add(row[1], first, dtype=np.int64)
                for row, first in zip(rows, starts[:-1], strict=True))])
            found = np.full((int(starts[-1]), len(vectors)), -1.0)
            units = _units(b"".join(row[0] for row in rows), len(owners))
            passage_cosines(units, owners, vectors, found)
            cosines.append(found)
            cvs.extend(layout)
            flats.extend(row[5] for row in rows)
    return np.concatenate(cosines), cvs, flats


def _fetch(connection: Connection, statement: Select[Any]) -> Sequence[Sequence[Any]]:
    """All rows of a query. On PostgreSQL in psycopg's binary format: bytea then arrives as
    bytes, not as hex text of twice the size, which made reading a pool's vectors 3x slower."""
    if connection.dialect.name != "postgresql":
        return connection.execute(statement).all()
    compiled = statement.compile(connection, compile_kwargs={"render_postcompile": True})
    with connection.connection.dbapi_connection.cursor(binary=True) as cursor:  # type: ignore[union-attr]
        cursor.execute(str(compiled), compiled.params)
        return cursor.fetchall()


def _term_masks(
    db_session: Session, ordered: Sequence[int], items: Sequence[ItemSpec]
) -> dict[str, dict[int, int]]:
    """The passage masks of the items' stems in these CVs (by position in `ordered`)."""
    wanted = sorted({stem for item in items for stem in item.term_stems})
    position = {analysis_id: index for index, analysis_id in enumerate(ordered)}
    masks: dict[str, dict[int, int]] = {}
    for start in range(0, len(wanted), _CHUNK):
        for analysis_id, term, passages in db_session.connection().execute(select(
                CvTerm.analysis_id, CvTerm.term, CvTerm.passages,
        ).where(CvTerm.term.in_(wanted[start:start + _CHUNK]))).tuples().all():
            if (cv := position.get(analysis_id)) is not None:
                masks.setdefault(term, {})[cv] = int(passages, 16)
    return masks


def explain(*, db_session: Session, result: ScreeningResult, embedder: Embedder) -> Explanation:
    version = db_session.get_one(RoleVersion, result.role_version_id)
    scorer = scorer_for(db_session=db_session, version=version, embedder=embedder)
    score = score_cv(scorer.items, scorer.vectors, scorer.weights, cv_evidence(result.analysis))
    return explanation_of(score)


def score_analysis(
    *, db_session: Session, analysis: CvAnalysis, role: Role, version: RoleVersion,
    scorer: RoleScorer, candidate_id: int | None, new: bool = False,
) -> ScreeningResult:
    """Score (or re-score) one analysed CV against a role version; `new`: the analysis was
    just stored, so it has no result yet."""
    score = score_cv(scorer.items, scorer.vectors, scorer.weights, cv_evidence(analysis))
    result = None if new else db_session.scalar(select(ScreeningResult).where(
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
