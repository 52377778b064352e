"""A weights-only edit re-ranks in one INSERT … SELECT (`screening/reweigh.py`): on SQLite and on
PostgreSQL (TEST_DATABASE_URL) it must write exactly what the full re-rank writes from the stored
item strengths, ties in the rounding included, and leave to the full re-rank every result whose
items or must-haves differ."""

import copy
import random
from typing import Any

import numpy as np
import pytest
from sqlalchemy import delete, select
from tests.screening.cvfiles import make_cv
from tests.screening.factories import make_role, new_version

from searchlight.candidates.models import Document
from searchlight.config import get_settings
from searchlight.db import json_dumps
from searchlight.matching.embedder import default_embedder
from searchlight.roles.models import Role, RoleVersion
from searchlight.screening import ranking
from searchlight.screening.batches import screen_entries
from searchlight.screening.models import CvAnalysis, ScreeningResult
from searchlight.screening.score.scoring import aggregate, items_key
from searchlight.screening.service import pool_values, scorer_for

_COPIED = ("redacted_text", "language", "passages", "passage_sections", "squashed",
           "unit_owners", "unit_vectors", "dated_passages", "total_years", "years_by_sector",
           "passage_stances", "jobs", "sections", "flags", "entities", "skills", "embedder")
_COMPARED = ("candidate_id", "role_id", "overall", "coverage", "needs_human_check",
             "dimensions", "item_strengths", "reasons", "engine_version", "input_hash")


def _pool(db, role: Role, size: int) -> None:  # type: ignore[no-untyped-def]
    """Three screened CVs, and `size` more whose stored results have random item strengths
    (multiples of 0.1 as well as arbitrary ones, so that the rounding meets exact ties), written
    by the full re-rank's own arithmetic for the role's first version."""
    list(screen_entries([(f"cv{i}.txt", make_cv("en" if i % 2 else "nl", seed=90 + i)
                          .text.encode()) for i in range(3)], role_id=role.id, actor_id=None,
                        settings=get_settings(), embedder=default_embedder()))
    source = db.scalars(select(CvAnalysis)).first()
    version = role.versions[0]
    scorer = scorer_for(db_session=db, version=version, embedder=default_embedder())
    generator = random.Random(5)
    analyses = []
    for n in range(size):
        document = Document(content_hash=f"{n:064x}", filename=f"copy-{n}.txt",
                            media_type="text/plain", size=1, storage_path="-")
        db.add(document)
        db.flush()
        analysis = CvAnalysis(**{c: getattr(source, c) for c in _COPIED},
                              document_id=document.id)
        db.add(analysis)
        analyses.append(analysis)
    db.flush()
    shape = (size, len(scorer.items))
    strengths = np.array([[generator.choice((round(generator.random(), 3), generator.randint(
        0, 10) / 10)) for _ in range(shape[1])] for _ in range(size)])
    evidenced = np.array([[generator.random() < 0.8 for _ in range(shape[1])]
                          for _ in range(size)])
    scores = aggregate(scorer.items, scorer.weights, strengths, evidenced)
    for analysis, row in zip(analyses, pool_values(
            scores, strengths, evidenced, scorer=scorer,
            document_ids=[a.document_id for a in analyses]), strict=True):
        db.add(ScreeningResult(**row, analysis_id=analysis.id, role_id=role.id,
                               role_version_id=version.id))
    db.flush()


def _reweighed(db, role: Role, change: Any) -> RoleVersion:  # type: ignore[no-untyped-def]
    profile = copy.deepcopy(role.versions[-1].profile)
    change(profile)
    return new_version(db, role, profile)


def _written(db, version: RoleVersion) -> dict[int, list[str]]:  # type: ignore[no-untyped-def]
    """The stored columns of the version's results, as JSON text: 2 and 2.0 differ."""
    db.expire_all()
    return {r.analysis_id: [json_dumps(getattr(r, c)) for c in _COMPARED]
            for r in db.scalars(select(ScreeningResult).where(
                ScreeningResult.role_version_id == version.id))}


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many results each re-rank wrote by the weights-only path."""
    counts: list[int] = []
    original = ranking.reweigh_unchanged

    def counting(**arguments: Any) -> int:
        counts.append(original(**arguments))
        return counts[-1]

    monkeypatch.setattr(ranking, "reweigh_unchanged", counting)
    return counts


def _full_rerank(db, role: Role, version: RoleVersion, monkeypatch) -> dict[int, list[str]]:  # type: ignore[no-untyped-def]
    db.execute(delete(ScreeningResult).where(ScreeningResult.role_version_id == version.id))
    monkeypatch.setattr(ranking, "reweigh_unchanged", lambda **_: 0)
    assert ranking.rerank(db_session=db, role=role, embedder=default_embedder()) == 303
    return _written(db, version)


# Fractional weights, a zero weight, and a total of 16, so that coverage meets exact ties
# (a known weight of 1 is 62.5 per mille) as the headline does.
WEIGHTS = (2.5, 0, 1, 3, 0.5, 9)


def _weights(profile: dict[str, Any]) -> None:
    for dimension, weight in zip(profile["dimensions"], WEIGHTS, strict=True):
        dimension["weight"] = weight


def _ties(db, version: RoleVersion) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """How many results met an exact tie before rounding, in the headline and in coverage
    (where rounding half to even and half away from zero differ)."""
    overall = coverage = 0
    for row in db.scalars(select(ScreeningResult).where(
            ScreeningResult.role_version_id == version.id)):
        weighted = known = 0.0
        for dimension, weight in zip(row.dimensions.values(), WEIGHTS, strict=True):
            if weight > 0 and dimension["score"] is not None:
                weighted += dimension["score"] * weight
                known += weight
        overall += (weighted / sum(WEIGHTS) * 10.0) % 1 == 0.5
        coverage += (known / sum(WEIGHTS) * 1000.0) % 1 == 0.5
    return overall, coverage


def test_it_reweighs_to_exactly_what_a_full_rerank_writes(db, counted, monkeypatch):  # type: ignore[no-untyped-def]
    role = make_role(db)
    _pool(db, role, 300)
    version = _reweighed(db, role, _weights)
    assert ranking.rerank(db_session=db, role=role, embedder=default_embedder()) == 303
    assert counted == [303]
    fast = _written(db, version)
    overall_ties, coverage_ties = _ties(db, version)
    assert overall_ties > 0 and coverage_ties > 0  # so the equality below covers rounding
    assert fast == _full_rerank(db, role, version, monkeypatch)


def test_it_leaves_changed_must_haves_and_items_to_the_full_rerank(db, counted):  # type: ignore[no-untyped-def]
    role = make_role(db)
    _pool(db, role, 20)

    def must_have(profile: dict[str, Any]) -> None:
        profile["dimensions"][1]["items"][0]["must_have"] = True
        profile["dimensions"][0]["weight"] = 7

    def another_item(profile: dict[str, Any]) -> None:
        profile["dimensions"][2]["items"].append(
            {"text_nl": "Nieuwsgierig", "text_en": "Curious", "must_have": False, "skills": [],
             "min_years": None})

    for change in (must_have, another_item):
        version = _reweighed(db, role, change)
        assert ranking.rerank(db_session=db, role=role, embedder=default_embedder()) == 23
        assert counted[-1] == 0
        reasons = {json_dumps(r.reasons) for r in db.scalars(select(ScreeningResult).where(
            ScreeningResult.role_version_id == version.id))}
        assert any("2-4 years" in text for text in reasons)  # the new must-have is asked about


def test_it_measures_again_a_result_whose_items_were_measured_differently(db, counted):  # type: ignore[no-untyped-def]
    """A result scored when the taxonomy gave an item other synonyms has another signature for
    it: that CV goes through the full re-rank, which measures the item afresh."""
    role = make_role(db)
    _pool(db, role, 5)
    odd = db.scalars(select(ScreeningResult).order_by(ScreeningResult.id.desc())).first()
    assert odd is not None
    first, *rest = odd.item_strengths.items()
    odd.item_strengths = {"0" * 16: first[1], **dict(rest)}
    odd.items_key = items_key(odd.item_strengths)
    db.flush()
    version = _reweighed(db, role, _weights)
    assert ranking.rerank(db_session=db, role=role, embedder=default_embedder()) == 8
    assert counted == [7]
    again = db.scalar(select(ScreeningResult).where(
        ScreeningResult.role_version_id == version.id,
        ScreeningResult.analysis_id == odd.analysis_id))
    assert again is not None and first[0] in again.item_strengths


def test_it_re_ranks_the_full_way_a_result_stored_before_items_keys(db, counted):  # type: ignore[no-untyped-def]
    """Results stored before the `items_key` column have none: they cannot be matched by key, so
    the full re-rank scores them (the same numbers) and writes their key for the next time."""
    role = make_role(db)
    _pool(db, role, 5)
    older = db.scalars(select(ScreeningResult).order_by(ScreeningResult.id.desc())).first()
    assert older is not None and older.items_key == items_key(older.item_strengths)
    older.items_key = None
    db.flush()
    version = _reweighed(db, role, _weights)
    assert ranking.rerank(db_session=db, role=role, embedder=default_embedder()) == 8
    assert counted == [7]  # all but the older one
    again = db.scalar(select(ScreeningResult).where(
        ScreeningResult.role_version_id == version.id,
        ScreeningResult.analysis_id == older.analysis_id))
    assert again is not None and again.items_key == items_key(again.item_strengths)
