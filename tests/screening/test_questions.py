"""Interview questions quote a profile item once, whatever quotes the profile wrote around it."""

import re

import pytest

from searchlight.interviews.kits.bank import question
from searchlight.screening.score.questions import interview_questions
from searchlight.screening.score.scoring import DimensionResult, ItemResult, ItemSpec, Score

# Quote marks that follow each other (‘" or ""), as in ‘"Can do"’: a question never has them.
DOUBLED = re.compile(r"[\"'“”„‘’‚«»]{2}")


def _unproven(dimension: str, text_nl: str, text_en: str) -> Score:
    item = ItemResult(ItemSpec(dimension, 0, text_nl, text_en, must_have=True), 0.0, ())
    return Score(overall=50.0, coverage=0.5, needs_human_check=True, dimensions={
        dimension: DimensionResult(key=dimension, weight=1.0, score=40.0, items=(item,))})


@pytest.mark.parametrize(("text_nl", "text_en"), [
    ('"Can do"', '"Can do"'),
    ("„Can do”", "“Can do”"),
    ('„Can do""', '""Can do""'),
    ("'Can do'", "‘Can do’"),
])
def test_it_quotes_an_item_written_with_quotes_once_in_dutch_and_english(text_nl, text_en):  # type: ignore[no-untyped-def]
    [asked] = interview_questions(_unproven("attitude", text_nl, text_en))
    assert asked.text_nl.startswith("Beschrijf een situatie waarin ‘Can do’ zichtbaar werd")
    assert asked.text_en.startswith("Describe a situation in which you showed ‘Can do’.")
    assert not DOUBLED.search(asked.text_nl) and not DOUBLED.search(asked.text_en)


def test_it_keeps_quotes_inside_an_item_as_typographic_ones():
    [asked] = interview_questions(_unproven("skills", 'Python ("clean code")', 'Python "clean"'))
    assert "‘Python (“clean code”)’" in asked.text_nl
    assert "‘Python “clean”’" in asked.text_en
    [asked] = interview_questions(_unproven("skills", "'s Avonds deployen", "Rock ’n’ roll"))
    assert "‘'s Avonds deployen’" in asked.text_nl and "‘Rock ’n’ roll’" in asked.text_en


def test_it_quotes_an_item_once_in_the_interview_kit_too():
    asked = question("attitude", "unknown", '"Can do"', "„Can do”")
    assert "‘Can do’" in asked.text("nl") and "‘Can do’" in asked.text("en")
    assert not DOUBLED.search(asked.text("nl")) and not DOUBLED.search(asked.text("en"))
