"""Dutch and German compounds split into words the label space knows."""

from hypothesis import given
from hypothesis import strategies as st

from searchlight.matching.compounds import learn_vocabulary, split_compounds
from searchlight.matching.lexical import split_text

VOCABULARY = learn_vocabulary(
    ["vector databases", "stakeholder management", "Unternehmen Strategie Berater", "data base"]
)


def test_it_splits_dutch_compounds_of_english_loanwords():
    assert split_compounds("vectordatabases", VOCABULARY) == ["vector", "databases"]
    assert split_compounds("stakeholdermanagement", VOCABULARY) == ["stakeholder", "management"]


def test_it_keeps_linking_morphemes_and_the_feminine_suffix_on_their_piece():
    assert split_compounds("Unternehmensstrategieberaterin", VOCABULARY) == [
        "Unternehmens", "strategie", "beraterin",
    ]


def test_it_does_not_split_a_word_it_knows_or_cannot_cover():
    assert split_compounds("databases", VOCABULARY) == ["databases"]
    assert split_compounds("management", VOCABULARY) == ["management"]
    assert split_compounds("veerkracht", VOCABULARY) == ["veerkracht"]


def test_it_splits_a_known_word_only_when_asked():
    vocabulary = {"kamera", "mann", "kameramann"}
    assert split_compounds("kameramann", vocabulary) == ["kameramann"]
    assert split_compounds("kameramann", vocabulary, also_known=True) == ["kamera", "mann"]


def test_it_prefers_the_fewest_pieces():
    vocabulary = {"data", "base", "database", "beheer"}
    assert split_compounds("databasebeheer", vocabulary) == ["database", "beheer"]


def test_it_leaves_stopwords_out_of_the_vocabulary():
    assert "und" not in learn_vocabulary(["Forschung und Entwicklung"], stopwords={"und"})


def test_it_writes_split_compounds_as_separate_words_in_running_text():
    assert split_text("Ervaring met vectordatabases.", VOCABULARY) == (
        "Ervaring met vector databases."
    )


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=30))
def test_it_always_returns_pieces_that_join_back_to_the_word(word):
    assert "".join(split_compounds(word, {"data", "base", "vector", "man", "age"})) == word
