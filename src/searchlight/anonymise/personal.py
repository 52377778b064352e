"""Personal details written next to a cue: date of birth, age, nationality and gender.

Cue words are searched in the lower-cased text (see lower_same_length); values that must be
capitalised, such as a nationality, are read from the original text at the same offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import takewhile

from searchlight.anonymise.lexicon import lexicon
from searchlight.anonymise.text import (
    CAPITALISED_WORD,
    PLACE_NAME,
    Span,
    iter_lines,
    line_bounds,
    starts_word,
)

# --- date of birth ----------------------------------------------------------------------------
_MONTH = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    r"january|february|march|may|june|july|august|october|jan|feb|mrt|mar|apr|jun|jul|aug|sept|"
    r"sep|okt|oct|nov|dec)\.?"
)
_YEAR = r"(?:19|20)\d{2}"
_FULL_DATE = (
    rf"(?:\d{{1,2}}[-/. ]\d{{1,2}}[-/. ](?:{_YEAR}|\d{{2}})(?!\d)"
    rf"|{_YEAR}[-/.]\d{{1,2}}[-/.]\d{{1,2}}(?!\d)"
    rf"|\d{{1,2}}(?:st|nd|rd|th|e|ste|de)?(?:[ \t]+of)?[ \t]+{_MONTH},?[ \t]+{_YEAR}"
    rf"|{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+{_YEAR})"
)
_DOB_CUE = (
    r"(?:(?:geboortedatum|geboorte datum|geb\.? ?datum|geboren|date of birth|birth ?date|"
    r"birthday|born|dob|verjaardag|geboortejaar|year of birth)\b|geb\.|d\.o\.b\.?)"
)
# A full date may follow a cue after a few words ("geboren op 3 maart 1990"); a bare year
# only right after it ("born in 1990", "Geboortejaar: 1990"), not "Birthday: Graduated 2019".
_DOB = re.compile(
    rf"{_DOB_CUE}(?:[^\d\n]{{0,25}}?(?:\n[^\d\n]{{0,10}}?)?(?P<date>{_FULL_DATE}|{_MONTH}"
    rf"[ \t]+{_YEAR})|[ \t]*[:\-–]?[ \t]*(?:in|op|on)?[ \t]*(?:\n[ \t]*)?(?P<year>{_YEAR}))(?!\d)"
)
_STANDALONE_DATE = re.compile(rf"(?<![\d/.-]){_FULL_DATE}")
# Words on a line that make a full date a work date ("sinds 01-09-2008", "2008 – heden").
_PERIOD_WORDS = re.compile(r"\d|[–—]| - |\b(?:sinds|since|vanaf|from|tot|until|till|heden|"
                           r"present|now|nu)\b")
_BIRTHPLACE_AFTER_DATE = re.compile(rf"[ \t]*(?P<joint>,|te|in)[ \t]*(?P<place>{PLACE_NAME})")
_PERSONALIA_LINES = 25
_OLDEST_BIRTH_YEAR, _YOUNGEST_BIRTH_YEAR = 1930, 2011

# --- age --------------------------------------------------------------------------------------
_AGE_PATTERNS = (
    re.compile(r"(?:leeftijd|aged|age)\b[ \t]*[:\-–]?[ \t]*(?:\n[ \t]*)?"
               r"(?P<age>\d{1,2}(?:[ \t]*(?:jaar|years|yrs|jr)\b)?)"),
    re.compile(r"(?P<age>\d{1,2}[ \t]*(?:jaar oud|years old|yrs old|-year-old|jarige))\b"),
    re.compile(r"(?:ik ben|i am|i'm)[ \t]+(?P<age>\d{1,2}(?:[ \t]+(?:jaar|years))?)\b"
               r"(?![ \t]*(?:jaar|years|ervaring|werkervaring|experience|of|in|bij|als)\b)"),
    re.compile(r"\((?P<age>\d{2}[ \t]*(?:jaar|j\.|yrs|years))\)"),
)
# "32 jaar" alone on a personalia line, but not "8 jaar ervaring" or "Werkervaring: 12 jaar".
_AGE_IN_YEARS = re.compile(r"(?P<age>\d{2})[ \t]+jaar[ \t]*(?=$|[,;)|])", re.MULTILINE)
_EXPERIENCE_WORDS = re.compile(
    r"ervaring|experience|werkzaam|gewerkt|dienst|actief|ruim|meer dan|bijna|over|sinds|looptijd|"
    r"duur|contract|garantie"
)

# --- nationality and gender -------------------------------------------------------------------
_NATIONALITY_LABEL = re.compile(
    r"(?:nationaliteit|nationaliteiten|nationality|nationalities|citizenship|staatsburgerschap|"
    r"burgerschap)\b[ \t]*[:\-–]?[ \t]*(?:\n[ \t]*)?"
)
_NATIONALITY_VALUE = re.compile(
    rf"(?:{CAPITALISED_WORD}(?:[ \t]+{CAPITALISED_WORD})?|[A-Z]{{2,3}}\b)"
    rf"(?:[ \t]*(?:/|,|&|\ben\b|\band\b)[ \t]*{CAPITALISED_WORD}(?:[ \t]+{CAPITALISED_WORD})?)*"
)
_NATIONALITY_NOUN = re.compile(
    r"(?:nationaliteit|nationality|citizenship|citizen|staatsburger|national|passport|paspoort)\b"
)
_WORD_BEFORE = re.compile(rf"(?P<word>{CAPITALISED_WORD})[ \t]+$")
_GENDER_LABEL = re.compile(
    r"(?:geslacht|gender|sex)(?:[ \t]*[:\-–][ \t]*|\t+|[ \t]*\n[ \t]*)"
    r"(?P<value>man|vrouw|male|female|mannelijk|vrouwelijk|non-binair|non-binary|nonbinary|"
    r"anders|other|divers|m|v|f|x)\b"
)
_PRONOUNS = re.compile(
    r"(?:she/her(?:/hers)?|he/him(?:/his)?|they/them(?:/theirs)?|zij/haar|hij/hem|hen/hun)\b"
)


def find_dates_of_birth(text: str, lowered: str) -> Iterator[Span]:
    for match in _DOB.finditer(lowered):
        if starts_word(lowered, match.start()):
            group = "date" if match.group("date") else "year"
            yield "DATE_OF_BIRTH", match.start(group), match.end(group)
            yield from _birthplace_after(text, match.end(group))
    yield from _personalia_dates(lowered)


def _birthplace_after(text: str, date_end: int) -> Iterator[Span]:
    """"geboren op 3 maart 1990 te Gouda"; after a bare comma only a listed place counts
    ("DOB: 1987-07-04, Place of birth: ...")."""
    words = lexicon()
    place = _BIRTHPLACE_AFTER_DATE.match(text, date_end)
    if not place or words.is_non_name(place.group("place").split()[0]):
        return
    if place.group("joint") == "," and not words.is_place(place.group("place")):
        return
    yield "LOCATION", place.start("place"), place.end("place")


def _personalia_dates(lowered: str) -> Iterator[Span]:
    """A full date (day, month, year) of someone at least 15 years old in the first lines of a
    CV is a date of birth even without a label; work dates give a month or year, not a day, and
    the rare full work date comes with a period word ("sinds", "–", "heden")."""
    limit = len(lowered)
    for line_number, (offset, _line) in enumerate(iter_lines(lowered)):
        if line_number == _PERSONALIA_LINES:
            limit = offset
            break
    for match in _STANDALONE_DATE.finditer(lowered, 0, limit):
        years = re.findall(r"\d{4}", match.group())
        line_start, line_end = line_bounds(lowered, match.start())
        rest_of_line = lowered[line_start:match.start()] + " " + lowered[match.end():line_end]
        if (years and _OLDEST_BIRTH_YEAR <= int(years[-1]) <= _YOUNGEST_BIRTH_YEAR
                and not _PERIOD_WORDS.search(rest_of_line)):
            yield "DATE_OF_BIRTH", match.start(), match.end()


def find_ages(lowered: str) -> Iterator[Span]:
    for pattern in _AGE_PATTERNS:
        for match in pattern.finditer(lowered):
            years = int("".join(takewhile(str.isdigit, match.group("age"))))
            if starts_word(lowered, match.start()) and 15 <= years <= 80:
                yield "AGE", match.start("age"), match.end("age")
    for match in _AGE_IN_YEARS.finditer(lowered):
        line_start, _ = line_bounds(lowered, match.start())
        if (starts_word(lowered, match.start()) and 16 <= int(match.group("age")) <= 75
                and not _EXPERIENCE_WORDS.search(lowered, line_start, match.start())):
            yield "AGE", match.start(), match.end()


def find_nationalities(text: str, lowered: str) -> Iterator[Span]:
    words = lexicon()
    for label in _NATIONALITY_LABEL.finditer(lowered):
        value = _NATIONALITY_VALUE.match(text, label.end())
        if value and starts_word(lowered, label.start()):
            end = words.end_before_non_name(text, value.start(), value.end(),
                                            keep=words.nationalities)
            if end > value.start():
                yield "NATIONALITY", value.start(), end
    nationalities = words.nationalities
    for noun in _NATIONALITY_NOUN.finditer(lowered):
        before = _WORD_BEFORE.search(text, max(0, noun.start() - 40), noun.start())
        if (before and starts_word(lowered, noun.start())
                and before.group("word").lower() in nationalities):
            yield "NATIONALITY", before.start("word"), before.end("word")


def find_gender_markers(lowered: str) -> Iterator[Span]:
    for label in _GENDER_LABEL.finditer(lowered):
        if starts_word(lowered, label.start()):
            yield "GENDER", label.start("value"), label.end("value")
    for match in _PRONOUNS.finditer(lowered):
        if starts_word(lowered, match.start()):
            yield "GENDER", match.start(), match.end()
