"""Abstract items found in everyday wording: an outcome statement shows a results item when it is
about the item's subject, and behaviour shows an attitude or a way of thinking; selling, teaching
or another's result still shows nothing. Dutch and English."""

import copy

import pytest
from sqlalchemy import select
from tests.screening.factories import ML_PROFILE, make_role, new_version, score_text
from tests.screening.test_screening_service import _assert_same_as_afresh, _screen

from searchlight.matching.embedder import default_embedder
from searchlight.screening.models import ScreeningResult
from searchlight.screening.ranking import rerank
from searchlight.screening.score.cues import is_outcome, topic_words
from searchlight.screening.score.scoring import (
    ItemSpec,
    Score,
    cue_phrase,
)
from searchlight.screening.score.stance import stance_of, within_jobs
from searchlight.screening.score.terms import LexicalIndex, TermPool


@pytest.mark.parametrize("text", [
    "Compared prompt variants; answer accuracy rose from 71% to 89%.",
    "Late deliveries dropped by 23% in the first quarter after launch.",
    "Door autoscaling bespaarden we 40% op de cloudkosten.",
    "De doorlooptijd van een release ging van twee weken naar één dag.",
    "Bouwde AI-functies die klanten dagelijks gebruiken.",
    "Trainde modellen en zette ze in productie achter een REST-API.",
    "Saved customers EUR 4M in payouts in its first year.",
])
def test_it_recognises_an_outcome_statement(text):
    assert is_outcome(text)


@pytest.mark.parametrize("text", [
    "Verbeterde een model voor klantvragen.",  # "een" is an article, not a number
    "Schreef nette, geteste Python-code met unit tests en code reviews.",
    "Managed a portfolio of 40 mid-market customers.",
    "Improved the onboarding documentation.",
])
def test_it_does_not_take_plain_work_for_an_outcome(text):
    assert not is_outcome(text)


def test_an_outcome_of_doing_is_achieved_but_a_sellers_figures_are_selling():
    assert stance_of("Late deliveries dropped by 23% after launch.", "experience") == "achieved"
    texts = ["Account Manager, CloudServe (2017 - 2020)", "Grew account revenue by 32%."]
    stances = [stance_of(t, "experience") for t in texts]
    assert within_jobs(stances, texts, [(0, 2)]) == ["selling", "selling"]


def test_a_single_word_cue_is_not_found_inside_other_words():
    terms = TermPool.of([LexicalIndex.build(["Zette CI/CD op voor de dbt-modellen."])])
    assert not terms.passages_with(cue_phrase("orde")).any()
    terms = TermPool.of([LexicalIndex.build(["Ik hou van orde in de releases."])])
    assert terms.passages_with(cue_phrase("orde")).all()


def test_a_results_subject_leaves_out_frame_words():
    assert topic_words(["Working AI features", "Robust AI pipelines"]) == (
        "ai", "features", "pipelines")


ITEMS = [
    ItemSpec("results", 0, "Productiemodellen", "Models in production",
             synonyms=("model serving",), concepts=("model-deployment",)),
    ItemSpec("attitude", 0, "Procesmatig", "Process-minded",
             concepts=("process-mindedness",)),
    ItemSpec("cognitive", 0, "Systeeminzicht", "System insight",
             concepts=("systems-thinking",)),
]
WEIGHTS = {"results": 1.0, "attitude": 1.0, "cognitive": 1.0}


def _score(text: str) -> Score:
    return score_text(ITEMS, WEIGHTS, text)


def test_it_finds_results_attitude_and_thinking_in_everyday_dutch():
    score = _score("""Profiel
Gestructureerde engineer die het grote geheel overziet.

Werkervaring
ML Engineer, Webwinkel Groep (2022 - heden)
- Trainde aanbevelingsmodellen en zette ze in productie; ze doen 2 miljoen voorspellingen per dag.
""")
    assert score.dimensions["results"].score is not None
    assert score.dimensions["attitude"].score is not None
    assert score.dimensions["cognitive"].score is not None
    quote = score.dimensions["results"].items[0].quotes[0]
    assert "productie" in quote.text and quote.stance == "achieved"


def test_an_outcome_about_something_else_or_of_a_seller_shows_no_result():
    teacher = _score("""Werkervaring
Docent wiskunde, Stedelijk Lyceum (2015 - heden)
- Het slagingspercentage steeg in drie jaar van 78% naar 91%.
""")
    assert teacher.dimensions["results"].score is None
    seller = _score("""Work experience
Senior Account Manager, InsightAI (2020 - present)
- Sold our prediction models to 9 insurers; models in production at 6 of them grew revenue by 45%.
""")
    assert seller.dimensions["results"].score is None


def test_a_rerank_from_storage_finds_cues_and_outcomes_as_screening_afresh(db):
    role = make_role(db)
    texts = [
        "Profiel\nNuchtere engineer; ik kies de eenvoudigste oplossing die werkt.\n\n"
        "Werkervaring\nML Engineer, Lumen (2021 - heden)\n- Trainde modellen in PyTorch en zette "
        "ze in productie; ze doen 2 miljoen voorspellingen per dag.\n",
        "Experience\nData Scientist, Acme (2020 - present)\n- Late deliveries dropped by 23% "
        "after our forecasting model went live.\n- Traced timeouts to DNS caching.\n",
    ]
    _screen(db, role, [(f"cv{i}.txt", text.encode()) for i, text in enumerate(texts)])
    profile = copy.deepcopy(ML_PROFILE)
    concepts = {"attitude": ["pragmatism"], "results": ["model-deployment"],
                "cognitive": ["systems-thinking"]}
    for dimension in profile["dimensions"]:
        for item in dimension["items"]:
            item["skills"] = concepts.get(dimension["key"], [])
    version = new_version(db, role, profile)
    assert rerank(db_session=db, role=role, embedder=default_embedder()) == 2
    _assert_same_as_afresh(db, version)
    results = db.scalars(select(ScreeningResult).where(
        ScreeningResult.role_version_id == version.id)).all()
    assert all(r.dimensions["results"]["score"] is not None for r in results)
    assert any(r.dimensions["attitude"]["score"] is not None for r in results)
