from hypothesis import given
from hypothesis import strategies as st

from searchlight.screening.terms import LexicalIndex, mask_to_array, phrase

PASSAGES = [
    "Zette vectordatabases (Qdrant) in voor semantisch zoeken.",
    "A/B-testen van prompts en modellen",
    "Built fraud models in PyTorch.",
]


def _found(text: str) -> list[bool]:
    index = LexicalIndex.build(PASSAGES)
    return mask_to_array(index.passages_with(phrase(text)), len(PASSAGES))


def test_it_finds_a_compound_written_as_one_word():
    assert _found("vector databases") == [True, False, False]


def test_it_matches_dutch_and_english_word_forms_by_stem():
    assert _found("A/B testing") == [False, True, False]
    assert _found("prompting") == [False, True, False]
    assert _found("model") == [False, True, True]


def test_it_needs_every_content_word_of_a_phrase():
    assert _found("PyTorch Lightning") == [False, False, False]
    assert _found("fraud models") == [False, False, True]


@given(st.lists(st.text(min_size=0, max_size=40), min_size=1, max_size=8), st.text(max_size=20))
def test_it_never_points_past_the_passages(passages, query):
    index = LexicalIndex.build(passages)
    mask = index.passages_with(phrase(query))
    assert mask < (1 << len(passages))
