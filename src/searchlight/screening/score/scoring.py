"""Score a CV's evidence against a SEARCH profile. Pure code: the same input gives the same score.

Every profile item is matched against every passage with two signals, the multilingual embedding
(meaning, across Dutch and English) and exact terms (names of tools, compounds). An item's strength
is its best passage; a dimension with no passage above the evidence floor is *unknown*, never zero.

The arithmetic works on many CVs at once (a re-rank scores a pool of thousands with a few array
operations), and one CV is scored as a pool of one, so both give the same numbers.
"""

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

import numpy as np

from searchlight.screening.score.cues import CUE_DIMENSIONS, concept_cues, topic_words
from searchlight.screening.score.evidence import Passage
from searchlight.screening.score.stance import STANCES, stance_weight
from searchlight.screening.score.terms import (
    STOPWORDS,
    LexicalIndex,
    Phrase,
    TermPool,
    phrase,
    squashed,
    stems,
)

DIMENSIONS = ("skills", "experience", "attitude", "results", "cognitive", "habits")
ENGINE_VERSION = "search-cues-5"

# Cosine of the multilingual encoder mapped onto 0..1: unrelated phrases sit below about 0.45
# (short clauses drift that high), a phrase and its translation from about 0.85 up.
COSINE_FLOOR, COSINE_FULL = 0.45, 0.85
# Meaning alone never proves an item as firmly as the item's own words do.
SEMANTIC_CEILING = 0.9
EVIDENCE_FLOOR = 0.30  # weaker matches are not quoted and cannot make a dimension known (chosen
# by 5-fold cross-validation in bench/evidence.py)
MATCHED = 0.60  # an item counts as covered (and a must-have as present) from here
# A job counts towards an item's years when one of its passages shows the item this strongly
# (after its stance: selling or teaching the item is not doing it). Chosen in bench/evidence.py.
JOB_MATCH = 0.60
QUOTES_PER_ITEM = 2
# An attitude or a way of thinking shown in everyday wording (`cues.CONCEPT_CUES`) rather than
# by the item's own name, and a results item's subject in a passage that states an outcome
# (stance "achieved"): evidence, weaker than the item's name. Chosen in bench/evidence.py.
CUE_WEIGHT = 0.5
OUTCOME_WEIGHT = 0.6
# Unit vectors are stored as int8 (x 127) and queries put on a 2**-16 grid, so every product is an
# integer and every dot product too: |query| * |unit| <= 2**16 * 139 < 2**24 (Cauchy-Schwarz, unit
# rows), which float32 holds exactly whatever the order of summing. A CV thus gets the same
# cosines alone and inside a pool of thousands, whatever BLAS does; the grid moves a cosine by
# some 1e-5, against 3e-3 for the int8 storage.
UNIT_SCALE, QUERY_GRID = 127.0, 2.0**16
_BLOCK = 4096  # units converted to float32 at a time (8 MB)


@dataclass(frozen=True)
class ItemSpec:
    dimension: str
    index: int
    text_nl: str
    text_en: str
    must_have: bool = False
    min_years: int | None = None
    synonyms: tuple[str, ...] = ()
    concepts: tuple[str, ...] = ()  # the taxonomy keys the item links (its `skills`)

    @cached_property
    def phrasings(self) -> tuple[str, ...]:
        """The item in its own words, compared by meaning; the number of years is checked
        against dated jobs instead."""
        return self._clean((self.text_nl, self.text_en))

    @cached_property
    def queries(self) -> tuple[str, ...]:
        """Every name to look for word for word: the item and its skills' synonyms (which are
        too varied to compare by meaning without drifting to neighbouring topics)."""
        return self._clean((self.text_nl, self.text_en, *self.synonyms))

    @cached_property
    def cues(self) -> tuple[str, ...]:
        """Everyday wording of an attitude or a way of thinking (`cues.CONCEPT_CUES`)."""
        return concept_cues(self.concepts) if self.dimension in CUE_DIMENSIONS else ()

    @cached_property
    def topics(self) -> tuple[str, ...]:
        """A results item's subject as single words: an outcome about one of them shows it."""
        if self.dimension != "results":
            return ()
        return topic_words((*self._clean((self.text_nl, self.text_en)),
                            *concept_cues(self.concepts)))

    @cached_property
    def term_stems(self) -> frozenset[str]:
        """Every stem that scoring the item looks up in a CV (its names, cues and subject): a
        pool read from storage needs the passages of these."""
        found = {stem for query in self.queries for options in phrase(query).word_stems
                 for stem in options}
        found.update(stem for cue in self.cues for options in cue_phrase(cue).word_stems
                     for stem in options)
        found.update(stem for word in self.topics for stem in stems(word))
        return frozenset(found)

    @cached_property
    def signature(self) -> str:
        """Everything that decides the item's strength in a CV; equal signatures give equal
        strengths, so a re-rank reuses them (must-have only changes what a weak item means)."""
        content = repr((ENGINE_VERSION, self.dimension, self.queries, self.min_years, self.cues,
                        self.topics))
        return hashlib.sha1(content.encode(), usedforsecurity=False).hexdigest()[:16]

    def _clean(self, texts: tuple[str, ...]) -> tuple[str, ...]:
        cleaned = (_YEARS.sub(" ", t).strip(" -,") if self.min_years else t for t in texts)
        return tuple(dict.fromkeys(t for t in cleaned if t))


def items_key(signatures: Iterable[str]) -> str:
    """One short key for the items a result measured, in the order it lists them: a re-rank
    after a weights-only edit copies a result through when its key is one the new version
    gives (a column compare, where reading each stored result's item keys cost a JSON parse)."""
    joined = ",".join(signatures)
    return hashlib.sha1(joined.encode(), usedforsecurity=False).hexdigest()[:16]


def input_hash(profile_hash: str, document_id: int) -> str:
    """What a result was scored from: the version's profile and the CV's document (PostgreSQL's
    weights-only re-rank computes the same in SQL, `reweigh._in_sql`)."""
    return hashlib.sha256(f"{profile_hash}:{document_id}".encode()).hexdigest()


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    section: str
    strength: float
    stance: str = "doing"  # see stance.py: only doing, achieved and listed reach the floor


@dataclass(frozen=True)
class ItemResult:
    spec: ItemSpec
    strength: float
    quotes: tuple[Quote, ...]

    @property
    def matched(self) -> bool:
        return self.strength >= MATCHED


@dataclass(frozen=True)
class DimensionResult:
    key: str
    weight: float
    score: float | None  # None = unknown: the CV holds no evidence for this dimension
    items: tuple[ItemResult, ...]


@dataclass(frozen=True)
class Score:
    overall: float | None
    coverage: float
    dimensions: dict[str, DimensionResult]
    needs_human_check: bool
    reasons: tuple[str, ...] = field(default=())


_YEARS = re.compile(r"\d+\s*(?:[-–+]\s*\d*\s*)?(?:jaar|years?|yrs?)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]|]+|\s[-–—/]\s")
# Redaction placeholders and dates say nothing about a skill; alone they match anything a bit.
_NOISE = re.compile(r"\[[A-Z_]+\]|\b(?:19|20)\d\d(?:[-/.]\d{1,2})?\b")


def _is_phrase(clause: str) -> bool:
    """Clauses of two words or more: single words are left to exact-term matching, because a
    lone word's vector lands near unrelated short labels."""
    return len(re.findall(r"[^\W\d_]{2,}", clause)) >= 2


def embedding_units(passages: Sequence[Passage]) -> tuple[list[str], np.ndarray]:
    """Each passage and, when it has several, its clauses: a short item meets the few words
    that mention it instead of drowning in a long sentence. Returns texts and their passage."""
    texts: list[str] = []
    owners: list[int] = []
    for index, passage in enumerate(passages):
        text = _NOISE.sub(" ", passage.text)
        if not re.search(r"[^\W\d_]{2,}", text):
            continue  # nothing but placeholders and numbers: nothing to mean
        clauses = [c.strip() for c in _CLAUSE_BREAK.split(text) if _is_phrase(c)]
        for unit in dict.fromkeys([text, *(clauses if len(clauses) > 1 else [])]):
            texts.append(unit)
            owners.append(index)
    return texts, np.array(owners, dtype=np.int32)


def quantise(vectors: np.ndarray) -> np.ndarray:
    """Unit vectors as int8 (x 127): a quarter of float32, cosines off by well under 0.01."""
    return np.clip(np.rint(vectors * UNIT_SCALE), -127, 127).astype(np.int8)


_STANCE_CODE: dict[str, int] = {stance: code for code, stance in enumerate(STANCES)}
JobSpan = tuple[int, int, int, int]  # start and end day (date ordinals), passages [first, end)


class PoolCv(NamedTuple):
    """What a pool needs of one CV besides vectors and words. `stances` and `jobs` are None for
    analyses stored before they existed: then only the skills section counts as a list, and the
    whole dated work history counts for every item's years."""

    sections: Sequence[str]
    dated: Sequence[int]  # passages naming a work period
    years: float | None  # dated work in all, None when the CV dates no job
    stances: Sequence[str] | None = None
    jobs: Sequence[Sequence[int]] | None = None  # JobSpan of each dated job


@dataclass(frozen=True)
class PassagePool:
    """The passages of many CVs, numbered one after the other, and what scoring needs to know of
    them besides their vectors and their words."""

    starts: np.ndarray  # (cvs + 1,) number of each CV's first passage, then the total
    stances: np.ndarray  # (passages,) code of each passage's stance (see `stance.STANCES`)
    dated: np.ndarray  # (passages,) bool: names a work period
    total_years: np.ndarray  # (cvs,) years of dated work, NaN when the CV dates no job
    job_known: np.ndarray  # (cvs,) bool: the CV's jobs are stored with their passages
    jobs: np.ndarray  # (jobs, 5) int64: CV, start day, end day, first passage, end passage

    @classmethod
    def of(cls, cvs: Sequence[PoolCv]) -> "PassagePool":
        starts = np.concatenate(([0], np.cumsum([len(cv.sections) for cv in cvs])))
        starts = starts.astype(np.int64)
        stances = np.array([
            _STANCE_CODE.get(stance, 0) for cv in cvs for stance in (
                cv.stances if cv.stances is not None and len(cv.stances) == len(cv.sections)
                else ["listed" if section == "skills" else "doing" for section in cv.sections])
        ], dtype=np.int64)
        dated = np.zeros(int(starts[-1]), dtype=bool)
        dated[[start + i for start, cv in zip(starts[:-1], cvs, strict=True)
               for i in cv.dated]] = True
        years = np.array([np.nan if cv.years is None else cv.years for cv in cvs],
                         dtype=np.float64)
        job_known = np.array([cv.jobs is not None for cv in cvs], dtype=bool)
        jobs = np.array([(number, job[0], job[1], start + job[2], start + job[3])
                         for number, (start, cv) in enumerate(zip(starts[:-1], cvs, strict=True))
                         for job in (cv.jobs or ()) if 0 <= job[2] < job[3]],
                        dtype=np.int64).reshape(-1, 5)
        return cls(starts, stances, dated, years, job_known, jobs)

    def best_per_cv(self, values: np.ndarray) -> np.ndarray:
        """The highest of each CV's passage values; 0 for a CV without passages."""
        best = np.zeros(len(self.starts) - 1)
        holding = np.diff(self.starts) > 0
        if holding.any():
            best[holding] = np.maximum.reduceat(values, self.starts[:-1][holding])
        return best

    def matching_jobs(self, strengths: np.ndarray) -> np.ndarray:
        """(jobs,) bool: the jobs with a passage that shows the item (`JOB_MATCH`)."""
        if not len(self.jobs):
            return np.zeros(0, dtype=bool)
        padded = np.append(strengths, 0.0)  # an end may be the very last passage
        bounds = np.empty(2 * len(self.jobs), dtype=np.int64)
        bounds[0::2], bounds[1::2] = self.jobs[:, 3], self.jobs[:, 4]
        best = np.maximum.reduceat(padded, bounds)[0::2]
        return np.asarray(best >= JOB_MATCH)

    def years_of(self, jobs: np.ndarray) -> np.ndarray:
        """(cvs,) years covered by the chosen jobs, overlapping jobs counted once."""
        years = np.zeros(len(self.starts) - 1)
        chosen = self.jobs[jobs]
        for cv in np.unique(chosen[:, 0]).tolist():
            spans = sorted(chosen[chosen[:, 0] == cv][:, 1:3].tolist())
            days, (current_start, current_end) = 0, spans[0]
            for start, end in spans[1:]:
                if start > current_end:
                    days += current_end - current_start
                    current_start, current_end = start, end
                else:
                    current_end = max(current_end, end)
            years[cv] = round((days + current_end - current_start) / 365.25, 1)
        return years


@dataclass(frozen=True)
class CvEvidence:
    """What scoring needs of one CV: passages, unit vectors of their embedding units (see
    `embedding_units`, in passage order), and years of work."""

    passages: tuple[Passage, ...]
    unit_vectors: np.ndarray  # units x dim: L2-normalised, or already `quantise`d (int8)
    unit_owners: np.ndarray  # passage index of each unit
    total_years: float | None
    dated_passages: tuple[int, ...] = ()  # passages naming a work period, quoted for years
    stances: tuple[str, ...] | None = None  # per passage (None: stored before stances)
    jobs: tuple[JobSpan, ...] | None = None  # dated jobs and their passages

    def lexical(self) -> LexicalIndex:
        return LexicalIndex.build([p.text for p in self.passages])

    def pool(self) -> PassagePool:
        return PassagePool.of([PoolCv([p.section for p in self.passages], self.dated_passages,
                                      self.total_years, self.stances, self.jobs)])

    def units(self) -> np.ndarray:
        vectors = self.unit_vectors
        return vectors if vectors.dtype == np.int8 else quantise(vectors)


def stance_table(weights: dict[str, float] | None = None) -> dict[str, np.ndarray]:
    """Per dimension, the evidence weight of each stance code (`stance.stance_weight`, or these
    weights instead: the benchmark tries others)."""
    return {dimension: np.array([stance_weight(stance, dimension, weights) for stance in STANCES])
            for dimension in DIMENSIONS}


_STANCE_WEIGHTS = stance_table()


def passage_cosines(
    units: np.ndarray, unit_passages: np.ndarray, queries: Sequence[np.ndarray], out: np.ndarray
) -> None:
    """Raise `out[passage, item]` to the cosine of the item's closest phrasing (`queries[item]`,
    float rows) with the passage's closest unit (`units`, int8 rows from `quantise`)."""
    phrased = [i for i, q in enumerate(queries) if len(q)]  # an item may be all years, no words
    if not phrased or not len(units):
        return
    grid = np.rint(np.concatenate([queries[i] for i in phrased]).astype(np.float64) * QUERY_GRID)
    grid_t = np.ascontiguousarray(grid.T, dtype=np.float32)
    firsts = np.cumsum([0] + [len(queries[i]) for i in phrased[:-1]])
    for start in range(0, len(units), _BLOCK):
        dots = units[start:start + _BLOCK].astype(np.float32) @ grid_t
        best = np.maximum.reduceat(dots, firsts, axis=1).astype(np.float64) / (
            UNIT_SCALE * QUERY_GRID)
        rows = unit_passages[start:start + _BLOCK]
        for column, item in enumerate(phrased):
            np.maximum.at(out[:, item], rows, best[:, column])


def passage_signals(
    spec: ItemSpec, cosines: np.ndarray, terms: TermPool, pool: PassagePool
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per passage, before stance: the item's match by meaning or by its names, whether a cue
    of the item is in it, and whether it states an outcome about the item's subject."""
    exact = np.zeros(len(cosines), dtype=bool)
    for query in spec.queries:
        exact |= terms.passages_with(phrase(query))
    scaled = (cosines - COSINE_FLOOR) / (COSINE_FULL - COSINE_FLOOR)
    named = np.maximum(SEMANTIC_CEILING * np.clip(scaled, 0.0, 1.0), exact)
    cued = np.zeros(len(cosines), dtype=bool)
    for cue in spec.cues:
        cued |= terms.passages_with(cue_phrase(cue))
    outcome = np.zeros(len(cosines), dtype=bool)
    if spec.topics:
        for word in spec.topics:
            for stem in stems(word):
                outcome |= terms.holding(stem)
        outcome &= pool.stances == _STANCE_CODE["achieved"]
    return named, cued, outcome


def passage_strengths(
    spec: ItemSpec, cosines: np.ndarray, terms: TermPool, pool: PassagePool,
    stance_weights: dict[str, np.ndarray] | None = None,
) -> np.ndarray:
    """Strength of the item in each passage: the best of its phrasings, by meaning or by terms
    (all content words of one of its names in the passage counts as full evidence), or, weaker,
    its everyday wording (`CUE_WEIGHT`) or an outcome about its subject (`OUTCOME_WEIGHT`)."""
    named, cued, outcome = passage_signals(spec, cosines, terms, pool)
    strengths = np.maximum(np.maximum(named, CUE_WEIGHT * cued), OUTCOME_WEIGHT * outcome)
    # Only doing is full evidence: a bare list shows a skill a little (and an attitude or a
    # result not at all); selling, teaching, working near or aspiring to it hardly (stance.py).
    table = _STANCE_WEIGHTS if stance_weights is None else stance_weights
    return np.asarray(strengths * table[spec.dimension][pool.stances])


def cue_phrase(cue: str) -> Phrase:
    """A cue's words, in any order; a cue with stopwords ("van voor tot achter", "pak het
    aan") only as written, since its content words alone say something else."""
    if any(word in STOPWORDS for word in re.findall(r"\w+", cue.lower())):
        return Phrase((), squashed(cue))
    found = phrase(cue)
    # One word is looked up by its stems only: written together with its neighbours it turns
    # up inside other words ("orde" in "voor de dbt").
    return Phrase(found.word_stems, "") if len(found.word_stems) == 1 else found


def item_years(
    spec: ItemSpec, strengths: np.ndarray, pool: PassagePool
) -> tuple[np.ndarray, np.ndarray]:
    """Per CV, the share of the item's minimum years that its dated work shows (NaN where years
    do not count: no minimum, or no dated job), and per passage whether it dates a counted job.
    Only the jobs whose own passages show the item count; for analyses stored before jobs were
    kept with their passages, all dated work counts, as it did then."""
    count = len(pool.total_years)
    if not spec.min_years:
        return np.full(count, np.nan), np.zeros(len(pool.stances), dtype=bool)
    years = pool.total_years
    old = (pool.best_per_cv(pool.dated) > 0) & ~np.isnan(years) & (years != 0) & ~pool.job_known
    share = np.where(old, np.minimum(1.0, years / max(spec.min_years, 1)), np.nan)
    quoted = pool.dated & np.repeat(old, np.diff(pool.starts))
    if len(pool.jobs):
        matching = pool.matching_jobs(strengths)
        dated_cvs = np.zeros(count, dtype=bool)
        dated_cvs[pool.jobs[:, 0]] = True
        by_jobs = pool.job_known & dated_cvs
        share = np.where(by_jobs, np.minimum(1.0, pool.years_of(matching) / spec.min_years),
                         share)
        quoted[pool.jobs[matching, 3]] = True
    return share, quoted


def item_scores(
    spec: ItemSpec, strengths: np.ndarray, pool: PassagePool
) -> tuple[np.ndarray, np.ndarray]:
    """Each CV's strength for the item (its best passage) and whether it holds evidence enough
    to quote. "5+ years of ML": half the years of the jobs that show ML against the minimum,
    half the topic, and those jobs are evidence too."""
    best = pool.best_per_cv(strengths)
    share, _ = item_years(spec, strengths, pool)
    by_years = ~np.isnan(share)
    strength = np.where(by_years, 0.5 * share + 0.5 * best, best)
    evidence = np.where(by_years, np.maximum(share, best), best)
    return np.round(strength, 3), evidence >= EVIDENCE_FLOOR


@dataclass(frozen=True)
class PoolScores:
    """Scores of many CVs against one profile, from their item strengths; NaN means unknown."""

    overall: np.ndarray
    coverage: np.ndarray
    dimensions: dict[str, np.ndarray]
    missing: np.ndarray  # (cvs, items): a must-have the CV does not show

    @property
    def needs_human_check(self) -> np.ndarray:
        return np.logical_or.reduce(self.missing, axis=1)


def aggregate(
    items: Sequence[ItemSpec], weights: dict[str, float], strengths: np.ndarray,
    evidenced: np.ndarray,
) -> PoolScores:
    """Dimension scores (the mean item strength, unknown without evidence), coverage (the
    weight share of the profile's dimensions that the CV gives evidence for) and the headline:
    the known dimensions' scores weighted over the *whole* profile, i.e. the score where known
    times coverage. An unknown dimension stays unknown (None, asked about in the interview); it
    adds nothing to the headline, so a CV with evidence for one dimension out of six cannot
    look like a strong fit. Sums run item by item, in profile order, so a CV's numbers do not
    depend on its pool."""
    count = len(strengths)
    known_weight, weighted = np.zeros(count), np.zeros(count)
    profiled = {item.dimension for item in items}
    dimensions = {}
    for key in DIMENSIONS:
        columns = [i for i, item in enumerate(items) if item.dimension == key]
        score = np.full(count, np.nan)
        if columns:
            total = strengths[:, columns[0]].copy()
            for column in columns[1:]:
                total += strengths[:, column]
            known = evidenced[:, columns].any(axis=1)
            score = np.where(known, np.round(100.0 * total / len(columns), 1), np.nan)
        dimensions[key] = score
        weight = weights.get(key, 1.0)
        if weight > 0:
            counted = ~np.isnan(score)
            weighted += np.where(counted, score * weight, 0.0)
            known_weight += np.where(counted, weight, 0.0)
    total_weight = sum(max(weights.get(key, 1.0), 0.0) for key in DIMENSIONS if key in profiled)
    if total_weight > 0:
        overall = np.where(known_weight > 0, np.round(weighted / total_weight, 1), np.nan)
        coverage = np.round(known_weight / total_weight, 3)
    else:
        overall, coverage = np.full(count, np.nan), np.zeros(count)
    must = np.array([item.must_have for item in items], dtype=bool)
    return PoolScores(overall, coverage, dimensions, (strengths < MATCHED) & must)


def must_have_reasons(items: Sequence[ItemSpec]) -> list[tuple[int, str]]:
    """Each must-have, dimension by dimension, with why a CV that does not show it needs a
    human check (`PoolScores.missing` tells which CVs)."""
    order = sorted(range(len(items)), key=lambda i: DIMENSIONS.index(items[i].dimension))
    return [(i, f"must-have not evidenced: {items[i].text_en}") for i in order
            if items[i].must_have]


def _quotes(cv: CvEvidence, strengths: np.ndarray) -> tuple[Quote, ...]:
    quotes: dict[str, Quote] = {}
    for i in np.argsort(-strengths, kind="stable"):
        if strengths[i] < EVIDENCE_FLOOR or len(quotes) == QUOTES_PER_ITEM:
            break
        passage = cv.passages[i]
        stance = cv.stances[i] if cv.stances and i < len(cv.stances) else (
            "listed" if passage.section == "skills" else "doing")
        quotes.setdefault(passage.text, Quote(passage.text, passage.start, passage.end,
                                              passage.section, round(float(strengths[i]), 3),
                                              stance))
    return tuple(quotes.values())


def score_cv(
    items: Sequence[ItemSpec], item_vectors: Sequence[np.ndarray], weights: dict[str, float],
    cv: CvEvidence,
) -> Score:
    """Score one CV, with the quotes behind every item: a pool of one, so exactly what a
    re-rank computes. `item_vectors[i]` holds the unit vectors of `items[i].phrasings`."""
    pool, terms = cv.pool(), TermPool.of([cv.lexical()])
    cosines = np.full((len(cv.passages), len(items)), -1.0)
    passage_cosines(cv.units(), cv.unit_owners, item_vectors, cosines)
    strengths, evidenced = np.zeros((1, len(items))), np.zeros((1, len(items)), dtype=bool)
    results = []
    for i, spec in enumerate(items):
        per_passage = passage_strengths(spec, cosines[:, i], terms, pool)
        strength, evidence = item_scores(spec, per_passage, pool)
        strengths[0, i], evidenced[0, i] = strength[0], evidence[0]
        shares, quoted = item_years(spec, per_passage, pool)
        if not np.isnan(share := shares[0]):  # the jobs that count are quoted for the years
            per_passage = np.where(quoted, np.maximum(per_passage, share), per_passage)
        quotes = _quotes(cv, per_passage) if evidence[0] else ()
        results.append(ItemResult(spec, float(strength[0]), quotes))
    scores = aggregate(items, weights, strengths, evidenced)
    dimensions = {
        key: DimensionResult(key, weights.get(key, 1.0), _number(scores.dimensions[key][0]),
                             tuple(r for r in results if r.spec.dimension == key))
        for key in DIMENSIONS
    }
    return Score(_number(scores.overall[0]), float(scores.coverage[0]), dimensions,
                 needs_human_check=bool(scores.needs_human_check[0]),
                 reasons=tuple(text for i, text in must_have_reasons(items)
                               if scores.missing[0, i]))


def _number(value: float) -> float | None:
    return None if np.isnan(value) else float(value)
