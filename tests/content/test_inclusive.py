"""The inclusive-language and readability check on Dutch and English texts, with offsets."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from searchlight.content.inclusive import (
    analyse,
    check_text,
    coded_balance,
    decode_bytes,
    readability,
)
from searchlight.content.inclusive.readability import syllables_en, syllables_nl

DUTCH = ("Vacature: Data Engineer (m/v)\n"
         "Wij zoeken een collega voor ons jonge team. Hij is een digital native en "
         "Nederlandse moedertaalspreker. Je bent fysiek fit en maximaal 35 jaar. "
         "Een ervaren medewerkster of verpleegster.")
ENGLISH = ("Data Engineer (m/f)\nWe are a young team looking for a recent graduate and native "
           "English speaker. He will own the pipeline; his chairman reports to the board. "
           "Applicants must be in good health and aged 25-35.")


def _by_category(findings):  # type: ignore[no-untyped-def]
    return {(f.category, f.text) for f in findings}


def test_it_finds_dutch_exclusions_with_offsets_into_the_text():
    findings = check_text(DUTCH, language="nl")
    for finding in findings:
        assert DUTCH[finding.start:finding.end] == finding.text
        assert finding.suggestion and finding.reason
    found = _by_category(findings)
    assert ("gender_marker", "(m/v)") in found
    assert ("age", "jonge team") in found
    assert ("pronoun", "Hij") in found
    assert ("age", "digital native") in found
    assert ("origin_language", "Nederlandse moedertaalspreker") in found
    assert ("disability_health", "fysiek fit") in found
    assert ("age", "maximaal 35 jaar") in found
    assert ("gender", "medewerkster") in found and ("gender", "verpleegster") in found
    marker = next(f for f in findings if f.category == "gender_marker")
    assert marker.start == DUTCH.index("(m/v)") and "m/v/x" in marker.suggestion


def test_it_finds_english_exclusions_with_offsets_into_the_text():
    findings = check_text(ENGLISH, language="en")
    assert all(ENGLISH[f.start:f.end] == f.text for f in findings)
    found = _by_category(findings)
    assert {("gender_marker", "(m/f)"), ("age", "young team"), ("age", "recent graduate"),
            ("origin_language", "native English speaker"), ("pronoun", "He"),
            ("pronoun", "his"), ("gender", "chairman"), ("disability_health", "in good health"),
            ("age", "aged 25-35")} <= found


def test_it_leaves_inclusive_text_alone():
    assert check_text("Je werkt samen met een betrokken team aan modellen in productie. "
                      "Je spreekt vloeiend Nederlands (C1).", language="nl") == []
    # 'he' inside other words, '(m/v/x)' and 'the' are not findings.
    assert check_text("The team (m/f/x) shares the theme; she and they help.",
                      language="en") == []


def test_it_marks_masculine_coded_words_only_when_they_outweigh_feminine_ones():
    masculine = ("You are ambitious, assertive and competitive. You lead and decide. " +
                 "We build models for claims and customers in a team of six. " * 3)
    assert coded_balance(masculine, language="en").verdict == "masculine"
    marked = [f.text for f in check_text(masculine, language="en")
              if f.category == "masculine_coded"]
    assert marked == ["ambitious", "assertive", "competitive", "lead", "decide"]
    balanced = masculine + " You are supportive, collaborative, warm, kind, honest and committed."
    assert coded_balance(balanced, language="en").verdict == "feminine"
    assert not [f for f in check_text(balanced, language="en")
                if f.category == "masculine_coded"]
    dutch = coded_balance("Je bent ambitieus, daadkrachtig en zelfstandig.", language="nl")
    assert (dutch.masculine, dutch.feminine) == (3, 0)
    # A title or one line is too short for a balance to mean anything.
    assert check_text("Data Analyst", language="en") == []


def test_it_gives_reasons_in_the_language_asked_for():
    [finding] = check_text("Een jong team.", language="nl", locale="en")
    assert finding.reason.startswith("Words about age")
    [finding] = check_text("Een jong team.", language="nl")
    assert finding.reason.startswith("Woorden over leeftijd")


@pytest.mark.parametrize(("word", "count"), [("team", 1), ("werken", 2), ("ervaring", 3),
                                             ("beëindigen", 4), ("organisatie", 5)])
def test_it_counts_dutch_syllables(word, count):
    assert syllables_nl(word) == count


@pytest.mark.parametrize(("word", "count"), [("team", 1), ("make", 1), ("working", 2),
                                             ("experience", 4), ("organisation", 5)])
def test_it_counts_english_syllables(word, count):
    assert syllables_en(word) == count


def test_it_scores_readability_with_the_formula_of_each_language():
    dutch = readability("De kat zit op de mat. Het is een mooie dag.", language="nl")
    assert dutch.method == "flesch-douma" and dutch.sentences == 2 and dutch.words == 11
    expected = 206.835 - 0.93 * 11 / 2 - 77 * dutch.syllables / 11
    assert dutch.score == round(expected, 1) and dutch.fits
    english = readability("The cat sat on the mat. It is a nice day.", language="en")
    assert english.method == "flesch-reading-ease"
    assert english.score == round(206.835 - 1.015 * 11 / 2 - 84.6 * english.syllables / 11, 1)
    hard = readability("Organisatieontwikkelingsvraagstukken vereisen interdisciplinaire "
                       "samenwerkingsverbanden tussen verantwoordelijke belanghebbenden.",
                       language="nl")
    assert not hard.fits and hard.level in ("difficult", "very difficult")
    assert readability("", language="en").score == 0.0


def test_it_reads_files_in_any_encoding():
    text = "Één collega (m/v) — café"
    assert decode_bytes(text.encode("utf-8")) == text
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    assert decode_bytes(text.encode("utf-16")) == text
    assert decode_bytes("collega (m/v) café".encode("cp1252")) == "collega (m/v) café"
    assert decode_bytes(b"\x81\x8d\x8f") == "\x81\x8d\x8f"  # undefined in cp1252: Latin-1


def test_it_analyses_to_one_json_ready_result():
    result = analyse(DUTCH, language="nl")
    assert set(result) == {"language", "findings", "coded_balance", "readability"}
    first = result["findings"][0]  # type: ignore[index]
    assert set(first) == {"start", "end", "text", "category", "suggestion", "reason"}
    assert result["readability"]["method"] == "flesch-douma"  # type: ignore[index]


SNIPPETS = ["jong team", "(m/v)", "Hij", "native speaker", "moedertaal", " ", "\n", "é", "İ",
            "he/she", "young", "ambitious", "samen", "-", "/", "35 jaar", "maximaal"]


@given(st.lists(st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=8)), max_size=30),
       st.sampled_from(["nl", "en"]))
@settings(max_examples=150, deadline=None)
def test_it_always_gives_valid_non_overlapping_offsets(parts, language):
    text = "".join(parts)
    findings = check_text(text, language=language)
    last_end = 0
    for finding in findings:
        assert text[finding.start:finding.end] == finding.text
        assert finding.start >= last_end
        last_end = finding.end
    assert math.isfinite(readability(text, language=language).score)


@given(st.binary(max_size=200))
@settings(max_examples=150, deadline=None)
def test_it_decodes_any_bytes(data):
    assert isinstance(decode_bytes(data), str)
