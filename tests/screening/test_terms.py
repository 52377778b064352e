from hypothesis import given
from hypothesis import strategies as st

from searchlight.screening.score.terms import LexicalIndex, TermPool, phrase

PASSAGES = [
    "Zette vectordatabases (Qdrant) in voor semantisch zoeken.",
    "A/B-testen van prompts en modellen",
    "Built fraud models in PyTorch.",
]


def _found(text: str) -> list[bool]:
    return TermPool.of([LexicalIndex.build(PASSAGES)]).passages_with(phrase(text)).tolist()


def test_it_finds_a_compound_written_as_one_word():
    assert _found("vector databases") == [True, False, False]


def test_it_matches_dutch_and_english_word_forms_by_stem():
    assert _found("A/B testing") == [False, True, False]
    assert _found("prompting") == [False, True, False]
    assert _found("model") == [False, True, True]


def test_it_needs_every_content_word_of_a_phrase():
    assert _found("PyTorch Lightning") == [False, False, False]
    assert _found("fraud models") == [False, False, True]


CVS = st.lists(st.lists(st.text(max_size=40), max_size=6), min_size=1, max_size=4)


@given(CVS, st.text(max_size=20))
def test_it_finds_the_same_passages_in_a_pool_as_in_each_cv_alone(cvs, query):
    wanted = phrase(query)
    pooled = TermPool.of([LexicalIndex.build(passages) for passages in cvs]).passages_with(wanted)
    alone = [TermPool.of([LexicalIndex.build(p)]).passages_with(wanted).tolist() for p in cvs]
    assert pooled.tolist() == [found for cv in alone for found in cv]


def test_it_finds_words_past_the_sixty_fourth_passage_of_a_cv():
    passages = [f"filler {i}" for i in range(150)]
    passages[70] = passages[149] = "Kubernetes clusters"
    pool = TermPool.of([LexicalIndex.build(["Kubernetes"]), LexicalIndex.build(passages)])
    assert pool.passages_with(phrase("kubernetes")).nonzero()[0].tolist() == [0, 71, 150]


def test_an_adjective_in_al_is_not_the_noun_the_stemmer_would_make_of_it():
    pool = TermPool.of([LexicalIndex.build([
        "Applied engineering best practices.", "Built a digital twin.",
        "A very practical, hands-on person.", "Counted every digit.",
    ])])
    assert pool.passages_with(phrase("practical")).tolist() == [False, False, True, False]
    assert pool.passages_with(phrase("practice")).tolist() == [True, False, False, False]
    assert pool.passages_with(phrase("digital")).tolist() == [False, True, False, False]
    assert pool.passages_with(phrase("analytical")).tolist() == [False] * 4


def test_an_adjective_in_al_still_matches_its_plural_and_adverb():
    pool = TermPool.of([LexicalIndex.build([
        "Thinks practically.", "Hired three professionals.", "Critical thinking",
    ])])
    assert pool.passages_with(phrase("practical")).tolist() == [True, False, False]
    assert pool.passages_with(phrase("professional")).tolist() == [False, True, False]
    assert pool.passages_with(phrase("think critically")).tolist() == [False, False, True]
