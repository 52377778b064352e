"""Exact-term evidence: stemming per language, compounds, and how far to trust it."""

import numpy as np

from searchlight.matching.lexical import LexicalIndex, words

LABELS = ["vector databases", "stakeholder management", "manage databases", "C++", "C#"]


def test_it_keeps_programming_language_names_intact():
    assert words("C++ en C# developer") == ["c++", "en", "c#", "developer"]


def test_it_matches_dutch_compounds_through_their_parts():
    index = LexicalIndex(LABELS, ["en", "nl"])
    scores = index.scores("ervaring met vectordatabases")
    assert scores.argmax() == 0
    assert index.coverage("ervaring met vectordatabases")[0] == 1.0


def test_it_indexes_long_known_compounds_by_their_parts_too():
    titles = ["kameramann", "kamera", "mann", "kameraassistent", "assistent", "koch"]
    index = LexicalIndex(titles, ["de"])
    scores = index.scores("kameramann")
    assert scores[3] > 0  # shares "kamera" with the query
    assert scores[5] == 0


def test_it_leaves_shorter_known_english_words_whole_in_a_dutch_analyser():
    index = LexicalIndex(["database", "data", "base"], ["nl"])
    assert index.scores("database")[1] == 0


def test_it_weighs_repeated_query_terms_sublinearly():
    index = LexicalIndex(LABELS, ["en"])
    once, thrice = index.scores("databases")[2], index.scores("databases databases databases")[2]
    assert once < thrice < 3 * once


def test_it_trusts_every_query_of_a_small_label_space():
    assert LexicalIndex(LABELS, ["en"]).readable_share("volkomen onbekende woorden") == 1.0


def test_it_measures_how_much_of_a_query_a_large_label_space_can_read():
    labels = [f"skill{number} management" for number in range(2500)]
    index = LexicalIndex(labels, ["en"])
    assert index.readable_share("management skill7") == 1.0
    assert index.readable_share("management onbekend") == 0.5


def test_it_scores_nothing_for_a_query_without_known_terms():
    index = LexicalIndex(LABELS, ["en", "nl"])
    assert not np.any(index.scores("het de een"))
