"""Linking text to a label space: Dutch and English, compounds, synonyms, determinism."""

from dataclasses import replace

import numpy as np
import pytest

from searchlight.matching import LabelIndex, Match, default_embedder
from searchlight.matching.embedder import Embedder

SKILLS = [
    "vector databases",
    "stakeholder management",
    "resilience",
    "creativity",
    "Python (computer programming)",
    "manage budgets",
    "prompt engineering",
    "use spreadsheets software",
]


@pytest.fixture(scope="module")
def skills() -> LabelIndex:
    return LabelIndex.build(SKILLS, languages=("en", "nl"))


def best(index: LabelIndex, text: str) -> str:
    return index.search([text], top_k=1)[0][0].label


def test_it_links_dutch_phrases_to_english_labels(skills):
    assert best(skills, "vectordatabases") == "vector databases"
    assert best(skills, "veerkracht") == "resilience"
    assert best(skills, "stakeholdermanagement") == "stakeholder management"
    assert best(skills, "creativiteit") == "creativity"


def test_it_links_english_phrases_to_dutch_labels():
    dutch = LabelIndex.build(["vectordatabases", "veerkracht", "budgetbeheer"])
    assert best(dutch, "vector databases") == "vectordatabases"
    assert best(dutch, "resilience") == "veerkracht"


def test_it_finds_a_skill_mentioned_by_a_few_words_of_a_long_sentence(skills):
    sentence = ("In deze rol werk je in een klein team aan onze zoekfunctie, je bouwt "
                "pipelines op vectordatabases en je rapporteert elke maand aan de directie")
    assert best(skills, sentence) == "vector databases"


def test_it_returns_top_k_matches_best_first_with_label_positions(skills):
    matches = skills.search(["Python developer who writes prompts"], top_k=3)[0]
    assert len(matches) == 3
    assert all(isinstance(match, Match) for match in matches)
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
    assert all(SKILLS[m.index] == m.label for m in matches)
    assert all(0.0 <= m.score <= 1.0 for m in matches)


def test_it_gives_identical_results_for_identical_input(skills):
    queries = ["Ervaring met Excel en budgetten", "veerkracht onder druk"]
    again = LabelIndex.build(SKILLS, languages=("en", "nl"))
    assert skills.search(queries, top_k=8) == again.search(queries, top_k=8)
    assert np.array_equal(skills.scores(queries), skills.scores(queries))


def test_it_uses_synonyms_to_recognise_a_label():
    plain = LabelIndex.build(SKILLS)
    enriched = LabelIndex.build(SKILLS, synonyms={"use spreadsheets software": ["Excel"]})
    query = ["Advanced Excel user"]
    rank = [m.label for m in plain.search(query, top_k=8)[0]].index("use spreadsheets software")
    assert enriched.search(query, top_k=1)[0][0].label == "use spreadsheets software"
    assert rank >= 0


def test_it_uses_priors_to_break_ties():
    twins = ["Data analysis", "data analysis"]
    assert LabelIndex.build(twins).search(["data analysis"], top_k=1)[0][0].index == 0
    index = LabelIndex.build(twins, priors={"data analysis": 0.9, "Data analysis": 0.1})
    assert index.search(["data analysis"], top_k=1)[0][0].index == 1


def test_it_ranks_the_labels_a_whole_document_is_about():
    categories = LabelIndex.build(["Java Developer", "HR", "Data Science"], languages=("en",))
    cv = ("Java Developer at Acme.\nBuilt Java services with Spring Boot.\n"
          "Wrote Java unit tests.\nLikes hiking.")
    assert categories.search_documents([cv], top_k=1)[0][0].label == "Java Developer"


def test_it_refuses_an_empty_label_space_and_unknown_languages():
    with pytest.raises(ValueError):
        LabelIndex.build([])
    with pytest.raises(ValueError):
        LabelIndex.build(["x"], languages=("xx",))


def test_it_accepts_any_embedder_that_follows_the_protocol():
    class Letters:
        name, version = "letters", "1"

        def encode(self, texts):
            vectors = np.zeros((len(texts), 26), dtype=np.float32)
            for row, text in enumerate(texts):
                for char in text:
                    if "a" <= char <= "z":
                        vectors[row, ord(char) - 97] += 1
            return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)

    assert isinstance(Letters(), Embedder)
    assert isinstance(default_embedder(), Embedder)
    index = LabelIndex.build(["abc", "xyz"], embedder=Letters())
    assert best(index, "zyx") == "xyz"


def test_it_fuses_stored_evidence_exactly_as_it_scores(skills):
    queries = ["Ervaring met Excel en budgetten in een groot team", "veerkracht"]
    assert np.allclose(skills.fuse(skills.evidence(queries)), skills.scores(queries), atol=1e-6)


def test_it_scores_other_weights_without_building_again(skills):
    query = ["Python developer who writes prompts for a vector database"]
    lexical_only = replace(skills.fusion, lexical=1.0, embedding=0.0, prior=0.0)
    variant = skills.with_fusion(lexical_only)
    assert np.allclose(variant.scores(query)[0], skills.lexical_scores(query[0]), atol=1e-6)
    assert np.allclose(skills.fuse(skills.evidence(query), lexical_only), variant.scores(query))
    assert skills.fusion.lexical == 0.3  # the original keeps its own weights


def test_it_refuses_a_new_synonym_pull_on_a_built_index(skills):
    with pytest.raises(ValueError):
        skills.with_fusion(replace(skills.fusion, synonym_pull=0.9))
