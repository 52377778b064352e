import numpy as np
import pytest
from tests.screening.factories import evidence_of

from searchlight.matching.embedder import default_embedder
from searchlight.screening.score.questions import interview_questions
from searchlight.screening.score.scoring import (
    CvEvidence,
    ItemSpec,
    PassagePool,
    PoolCv,
    item_scores,
    passage_cosines,
    passage_strengths,
    score_cv,
)
from searchlight.screening.score.terms import TermPool

WEIGHTS = {"skills": 3, "experience": 2, "attitude": 1, "results": 2, "cognitive": 1, "habits": 1}
ITEMS = [
    ItemSpec("skills", 0, "Python", "Python"),
    ItemSpec("skills", 1, "PyTorch", "PyTorch", must_have=True),
    ItemSpec("skills", 2, "vectordatabases", "vector databases"),
    # With some of the synonyms the taxonomy gives these items in the seed role
    # (machine-learning, model-deployment).
    ItemSpec("experience", 0, "2-4 jaar hands-on ML", "2-4 years hands-on ML", min_years=2,
             synonyms=("ML", "machine learning")),
    ItemSpec("results", 0, "Productiemodellen", "Models in production",
             synonyms=("bracht naar productie", "took to production")),
    ItemSpec("cognitive", 0, "Wiskundig inzicht", "Mathematical insight"),
    ItemSpec("habits", 0, "Notebooks", "Notebooks"),
]
DUTCH_CV = """Werkervaring
ML Engineer, Acme Verzekeringen (jan 2019 - heden)
- Bouwde een fraudedetectiemodel in PyTorch en bracht het naar productie.
- Zette vectordatabases (Qdrant) in voor semantisch zoeken.
- Analyses in Python in Jupyter notebooks.
"""
ENGLISH_CV = """Experience
ML Engineer, Acme Insurance (Jan 2019 - present)
- Built a fraud detection model in PyTorch and took it to production.
- Used vector databases (Qdrant) for semantic search.
- Analysis in Python in Jupyter notebooks.
"""


def _evidence(cv_text: str) -> CvEvidence:
    return evidence_of(cv_text)


def _vectors(items):  # type: ignore[no-untyped-def]
    return [default_embedder().encode(list(item.phrasings)) for item in items]


def _score(cv_text: str, items=ITEMS):  # type: ignore[no-untyped-def]
    return score_cv(items, _vectors(items), WEIGHTS, _evidence(cv_text))


def test_it_scores_a_dutch_cv_as_well_as_an_english_one():
    dutch, english = _score(DUTCH_CV), _score(ENGLISH_CV)
    assert dutch.overall is not None and english.overall is not None
    assert dutch.overall > 70 and english.overall > 70
    assert abs(dutch.overall - english.overall) <= 10


def test_it_gives_the_same_score_for_the_same_input():
    assert _score(DUTCH_CV) == _score(DUTCH_CV)


def test_it_leaves_a_dimension_without_evidence_unknown_and_asks_about_it():
    score = _score(DUTCH_CV)
    assert score.dimensions["cognitive"].score is None
    assert score.dimensions["attitude"].score is None  # no items, no evidence: never zero
    assert score.coverage < 1.0
    questions = interview_questions(score)
    assert any(q.dimension == "cognitive" and "‘Wiskundig inzicht’" in q.text_nl for q in questions)


def test_it_quotes_the_passages_behind_every_matched_item():
    score = _score(DUTCH_CV)
    items = {item.spec.text_en: item for d in score.dimensions.values() for item in d.items}
    assert {"Python", "PyTorch", "vector databases", "Notebooks"} <= {
        name for name, item in items.items() if item.matched}
    for item in items.values():
        if item.matched:
            assert item.quotes, item.spec.text_en  # no score without the evidence behind it
        for quote in item.quotes:
            assert DUTCH_CV[quote.start:quote.end] == quote.text  # really in the input
    assert "PyTorch" in items["PyTorch"].quotes[0].text
    assert "vectordatabases" in items["vector databases"].quotes[0].text


def test_it_asks_a_human_when_a_must_have_is_missing():
    score = _score(DUTCH_CV.replace("PyTorch", "scikit-learn"))
    assert score.needs_human_check
    assert any("PyTorch" in reason for reason in score.reasons)


def test_it_does_not_reward_repeating_a_keyword():
    stuffed = DUTCH_CV + "\n" + "PyTorch " * 60
    assert _score(stuffed).overall == pytest.approx(_score(DUTCH_CV).overall, abs=0.5)


def test_it_weights_the_headline_over_the_whole_profile_and_keeps_unknown_unknown():
    score = _score(DUTCH_CV)
    known = {k: d for k, d in score.dimensions.items() if d.score is not None}
    profiled = {item.dimension for item in ITEMS}  # attitude has no items: not in the profile
    assert "cognitive" in profiled and "cognitive" not in known
    assert score.dimensions["cognitive"].score is None  # unknown, never zero
    expected = sum(d.score * WEIGHTS[k] for k, d in known.items()) / sum(
        WEIGHTS[k] for k in profiled)
    assert score.overall == pytest.approx(expected, abs=0.05)
    coverage = sum(WEIGHTS[k] for k in known) / sum(WEIGHTS[k] for k in profiled)
    assert np.isclose(score.coverage, coverage, atol=0.001)
    # The headline is the score where known times coverage: never above either.
    where_known = sum(d.score * WEIGHTS[k] for k, d in known.items()) / sum(
        WEIGHTS[k] for k in known)
    assert score.overall == pytest.approx(where_known * coverage, abs=0.05)


def test_it_keeps_an_unrelated_cv_with_one_known_dimension_low():
    chef = """Profile
Creative head chef who runs a calm kitchen.

Work experience
Head Chef, Trattoria Sole (2016 - present)
- Designed seasonal menus and led a kitchen team of nine.
- Kept jupyter notebooks of every recipe experiment.
"""
    score = _score(chef)
    assert score.dimensions["habits"].score is not None  # the notebooks are evidence
    assert score.dimensions["skills"].score is None
    assert score.overall is not None and score.overall <= 15
    assert score.coverage <= 0.15


def test_it_measures_a_cv_in_a_pool_exactly_as_alone():
    cvs = [_evidence(DUTCH_CV), _evidence(""), _evidence(ENGLISH_CV + "Python, Docker, SQL\n")]
    pool = PassagePool.of([PoolCv([p.section for p in cv.passages], cv.dated_passages,
                                  cv.total_years, cv.stances, cv.jobs) for cv in cvs])
    terms = TermPool.of([cv.lexical() for cv in cvs])
    cosines = np.full((int(pool.starts[-1]), len(ITEMS)), -1.0)
    owners = np.concatenate([cv.unit_owners + start
                             for cv, start in zip(cvs, pool.starts[:-1], strict=True)])
    passage_cosines(np.concatenate([cv.units() for cv in cvs if len(cv.unit_owners)]), owners,
                    _vectors(ITEMS), cosines)
    for column, spec in enumerate(ITEMS):
        strengths, evidenced = item_scores(
            spec, passage_strengths(spec, cosines[:, column], terms, pool), pool)
        alone = [score_cv(ITEMS, _vectors(ITEMS), WEIGHTS, cv) for cv in cvs]
        for row, score in enumerate(alone):
            item = next(i for d in score.dimensions.values() for i in d.items if i.spec == spec)
            assert (strengths[row], evidenced[row]) == (item.strength, bool(item.quotes))
