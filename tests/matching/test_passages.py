"""Profile items against CV passages: a Dutch CV must read as well as an English one."""

import numpy as np

from searchlight.matching import passage_similarity

ITEMS = ["builds retrieval on vector databases", "stakeholder management", "resilience"]
ENGLISH = ["Built a search system on a vector database.", "Managed stakeholders in 3 teams.",
           "Stayed calm and resilient during a crisis.", "Enjoys cooking."]
DUTCH = ["Bouwde een zoeksysteem op vectordatabases.", "Stakeholdermanagement in 3 teams.",
         "Bleef kalm en veerkrachtig tijdens een crisis.", "Kookt graag."]


def test_it_scores_items_against_passages_in_the_unit_interval():
    scores = passage_similarity(ITEMS, ENGLISH)
    assert scores.shape == (3, 4)
    assert scores.min() >= 0.0 and scores.max() <= 1.0


def test_it_finds_the_supporting_passage_in_english_and_in_dutch():
    for passages in (ENGLISH, DUTCH):
        assert list(passage_similarity(ITEMS, passages).argmax(axis=1)) == [0, 1, 2]


def test_it_separates_supporting_from_unrelated_passages_as_clearly_in_dutch():
    for passages in (ENGLISH, DUTCH):
        scores = passage_similarity(ITEMS, passages)
        supporting, unrelated = np.diag(scores[:, :3]), scores[:, 3]
        assert np.all(supporting >= 0.55)
        assert np.all(supporting - unrelated >= 0.4)


def test_it_returns_an_empty_matrix_for_no_items_or_no_passages():
    assert passage_similarity([], ENGLISH).shape == (0, 4)
    assert passage_similarity(ITEMS, []).shape == (3, 0)
