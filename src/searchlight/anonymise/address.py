"""Where someone lives: postcode, street address, and place names (listed places, or any place
after a cue such as "Woonplaats:" or "born in")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from searchlight.anonymise.lexicon import ORGANISATION_WORDS, lexicon
from searchlight.anonymise.text import (
    CAPITALISED_WORD,
    PLACE_NAME,
    WORDS_IN_CAPITALS,
    Span,
    Token,
    ends_word,
    header_lines,
    is_joined,
    line_bounds,
    overlaps,
    segments,
    starts_word,
    tokenise,
)

# --- postcodes --------------------------------------------------------------------------------
_NL_POSTCODE = re.compile(r"[1-9]\d{3}[ \u00a0]?[A-Z]{2}")
_UNUSED_POSTCODE_LETTERS = frozenset({"SA", "SD", "SS"})
_UK_POSTCODE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}")
_US_ZIP = re.compile(
    r"(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|"
    r"NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC) (\d{5}(?:-\d{4})?)\b"
)
_POSTCODE_CUE = re.compile(r"(?:postcode|postal code|post code|zip(?: code)?)[ \t]*[:\-–]?[ \t]*$")
# Two capitals after a year are usually an acronym ("2019 AI Engineer"), not a postcode.
_ACRONYMS = frozenset({
    "AI", "ML", "BI", "QA", "UX", "UI", "IT", "HR", "PM", "BV", "NV", "CV", "EU", "US", "UK", "NL",
    "VS", "OR", "MS", "PR", "IS",
})
_CITY_AFTER = re.compile(rf"[ \t]*,?[ \t]*(?:\n[ \t]*)?(?P<city>{PLACE_NAME}|{WORDS_IN_CAPITALS})")

# --- streets ----------------------------------------------------------------------------------
_STREET_SUFFIXES = (
    "straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk", "dreef", "hof", "pad",
    "steeg", "plantsoen", "markt", "kanaal", "baan", "wal", "burgwal", "haven", "ring",
    "boulevard", "allee", "erf", "park", "veld", "oord", "zijde", "dam", "weide", "hoven", "tuin",
    "gaarde", "akker", "kamp", "donk", "brink", "poort", "wetering", "vaart", "kant", "hoek", "dal",
    "heuvel", "horst", "vliet", "zoom", "diep", "lei", "rak", "laantje", "pleintje", "str",
    "straße", "strasse", "platz", "gasse", "damm", "ufer",
)
# Street names that start with the street word: "Laan van Meerdervoort 52".
_LEADING_STREET_WORDS = frozenset({
    "laan", "plein", "kade", "dijk", "weg", "straat", "singel", "gracht", "hof", "park", "dreef",
    "markt", "ring", "boulevard",
})
_STREET_PREFIX_WORDS = frozenset({"st", "dr", "prof", "1e", "2e", "3e"})
_HOUSE_NUMBER = re.compile(
    r"\.?[ \t]+\d{1,5}(?:[ \t]?[a-zA-Z]{1,2}\b|[-/]\d{1,4}[a-zA-Z]?|[ \t]?-[ \t]?[A-Za-z0-9]{1,4})?"
    r"(?:[ \t](?:bis|hs|huis|zw|boven|I{1,3})\b)?(?![\w-])"
)
_EN_STREET_TYPE = re.compile(
    r"(?:Street|St\.|St|Road|Rd\.|Rd|Avenue|Ave\.|Ave|Lane|Ln\.|Ln|Drive|Close|Way|Court|Ct\.|"
    r"Place|Square|Sq\.|Terrace|Crescent|Gardens|Boulevard|Blvd\.|Parkway|Row|Hill|Grove|Mews|"
    r"Walk|Rise|Green|Gate|Highway|Hwy\.?)(?!\w)"
)
_EN_STREET_BEFORE = re.compile(
    rf"(?:(?:Flat|Apartment|Apt\.?|Unit|Suite)[ \t]+\w{{1,5}},?[ \t]+)?\d{{1,5}}[A-Za-z]?,?"
    rf"[ \t]+(?:{CAPITALISED_WORD}[ \t]+){{1,3}}$"
)
_PO_BOX = re.compile(r"(?:postbus|p\.? ?o\.? ?box)[ \t]+\d{1,6}\b")
_ADDRESS_LABEL = re.compile(
    r"(?:adres|woonadres|postadres|huisadres|bezoekadres|address|home address|street address|"
    r"postal address|straat(?: en huisnummer)?)[ \t]*[:\-–][ \t]*"
)
_BULLET_CHARS = " \t-•*"
_ADDRESS_WINDOW = 120
# The street before a postcode on the same line: "Amstel 1, 1011 PN" (streets without a
# typical suffix are found this way).
_STREET_BEFORE_POSTCODE = re.compile(
    r"(?m)(?:^|[:|•·]\s*)(?P<street>(?:[A-Z]|'t |'s-)[^,\n:|•·@]*?\d{1,5}[a-zA-Z]?"
    r"(?:[-/ ]\w{1,4})?)[ \t]*,?[ \t]*$"
)
_FOREIGN_POSTCODE = re.compile(
    rf"[ \t]*,?[ \t]*(?P<code>[1-9]\d{{3,4}})[ \t]+(?={CAPITALISED_WORD})"
)

# --- places -----------------------------------------------------------------------------------
_LOCATION_CUE = re.compile(
    r"(?:woonplaats|plaats|stad|city|town|residence|location|locatie|standplaats|geboorteplaats|"
    r"place of birth|birthplace|country|land|geboorteland|country of birth|country of origin|"
    r"land van herkomst|regio|region)[ \t]*[:\-–][ \t]*(?:\n[ \t]*)?"
    r"|(?:woonachtig|wonende|wonend|woont|geboren|opgegroeid)[ \t]+(?:te|in)[ \t]+"
    r"|(?:living|based|located|residing|born|raised|grew up|resident)[ \t]+(?:in|of)[ \t]+"
)
_LOCATION_VALUE = re.compile(
    rf"{PLACE_NAME}(?:[ \t]*,[ \t]*{PLACE_NAME})?|{WORDS_IN_CAPITALS}"
)
# Words next to a place that say where, not who: "Regio Utrecht", "Amsterdam, The Netherlands".
_HEADER_PLACE_LINES = 3  # the name line and the lines under it
_HEADER_PLACE = re.compile(rf"{PLACE_NAME}(?:[ \t]*,[ \t]*{PLACE_NAME})?")
_JOB_TITLE_WORDS = frozenset({
    "engineer", "scientist", "developer", "analyst", "analist", "consultant", "manager",
    "architect", "owner", "lead", "specialist", "expert", "researcher", "designer",
    "ontwikkelaar", "adviseur", "advisor", "programmeur", "programmer", "onderzoeker", "officer",
    "director", "directeur", "head", "teamleider", "engineering",
})
# Word endings of job titles and headings, which are not places: "Datawetenschapper", "Loopbaan".
_TITLE_ENDINGS = (
    "er", "ers", "eur", "ist", "ant", "or", "ician", "leider", "medewerker", "specialist",
    "manager", "analist", "architect", "consultant", "coach", "lead", "owner", "ing", "heid",
    "schap", "tie", "ties", "teit", "baan",
)
_ORGANISATION_LINKS = frozenset({"of", "van"})
_CAPITALISED_KINDS = frozenset({"cap", "caps"})
_PLACE_WORDS = frozenset({
    "regio", "region", "omgeving", "greater", "groot", "centrum", "noord", "zuid", "oost", "west",
    "north", "south", "east", "central", "downtown", "area", "the", "and", "or", "in", "at", "to",
    "for", "of", "with", "from", "by", "de", "het", "een", "en", "bij", "als", "met", "voor",
    "naar", "sinds", "present", "heden", "current", "now", "nu", "today", "remote", "hybrid",
    "hybride", "woonplaats", "location", "locatie",
})


def find_postcodes(text: str, lowered: str) -> Iterator[Span]:
    words = lexicon()
    for match in _NL_POSTCODE.finditer(text):
        start, end = match.span()
        if (not starts_word(text, start) or not ends_word(text, end)
                or text[end - 2:end] in _UNUSED_POSTCODE_LETTERS
                or not _postcode_plausible(text, lowered, start, end)):
            continue
        yield "POSTCODE", start, end
        yield from _street_before(text, start)
        city = _CITY_AFTER.match(text, end)
        if city and not words.is_non_name(city.group("city").split()[0]):
            yield "LOCATION", city.start("city"), city.end("city")
    for match in _UK_POSTCODE.finditer(text):
        if starts_word(text, match.start()) and ends_word(text, match.end()):
            yield "POSTCODE", match.start(), match.end()
            city = _CITY_AFTER.match(text, match.end())
            if city and not words.is_non_name(city.group("city").split()[0]):
                yield "LOCATION", city.start("city"), city.end("city")
    for match in _US_ZIP.finditer(text):
        if starts_word(text, match.start()):
            yield "POSTCODE", match.start(1), match.end(1)


def _postcode_plausible(text: str, lowered: str, start: int, end: int) -> bool:
    """"1015 CX" is a postcode; "2018 BE" (a year and a degree) or "2019 TO 2021" only when
    a listed place follows or a label or street comes before."""
    words = lexicon()
    city = _CITY_AFTER.match(text, end)
    city_name = city.group("city") if city else ""
    looks_like_year = 1950 <= int(text[start:start + 4]) <= 2039
    if not looks_like_year:
        return bool(city_name) and not words.is_non_name(city_name.split()[0]) or (
            text[end - 2:end] not in _ACRONYMS)
    if city_name and words.places.match_at(tokenise(city_name), 0):
        return True
    line_start = _line_start_near(text, start)
    return bool(_POSTCODE_CUE.search(lowered, line_start, start)
                or _STREET_BEFORE_POSTCODE.search(text, line_start, start))


def _line_start_near(text: str, position: int) -> int:
    """The start of the line, or of the text shortly before position on a very long line: an
    address fits in that window, and looking no further keeps long lines linear."""
    window_start = max(0, position - _ADDRESS_WINDOW)
    return text.rfind("\n", window_start, position) + 1 or window_start


def _street_before(text: str, postcode_start: int) -> Iterator[Span]:
    line_start = _line_start_near(text, postcode_start)
    before = _STREET_BEFORE_POSTCODE.search(text, line_start, postcode_start)
    if before:
        yield "ADDRESS", before.start("street"), before.end("street")
    elif not text[line_start:postcode_start].strip() and line_start > 0:
        previous_start, _ = line_bounds(text, line_start - 1)
        street = _STREET_BEFORE_POSTCODE.search(text, previous_start, line_start - 1)
        if street:
            yield "ADDRESS", street.start("street"), street.end("street")


def find_addresses(text: str, lowered: str, tokens: list[Token]) -> Iterator[Span]:
    yield from _dutch_streets(text, tokens)
    for street_type in _EN_STREET_TYPE.finditer(text):
        before = _EN_STREET_BEFORE.search(text, max(0, street_type.start() - 80),
                                          street_type.start())
        if before and starts_word(text, before.start()):
            yield "ADDRESS", before.start(), street_type.end()
    for match in _PO_BOX.finditer(lowered):
        if starts_word(lowered, match.start()):
            yield "ADDRESS", match.start(), match.end()
    for label in _ADDRESS_LABEL.finditer(lowered):
        line_start, line_end = line_bounds(text, label.start())
        value = text[label.end():line_end]
        if text[line_start:label.start()].strip(_BULLET_CHARS) == "" and any(
                c.isdigit() for c in value):
            yield "ADDRESS", label.end(), line_end


def _dutch_streets(text: str, tokens: list[Token]) -> Iterator[Span]:
    """A street name followed by a house number: "Keizersgracht 123-II", "Laan van
    Meerdervoort 52", "Eerste Jan Steenstraat 12 hs"."""
    for index, token in enumerate(tokens):
        if token.kind != "cap":
            continue
        after = text[token.end:token.end + 3].lstrip(".")
        if not after or after[0] not in " \t" or not after[1:2].isdigit():
            continue
        number = _HOUSE_NUMBER.match(text, token.end)
        street_start = _street_start(tokens, index) if number else None
        if number is None or street_start is None or _is_year(number.group()):
            continue
        yield "ADDRESS", street_start, number.end()
        yield from _foreign_postcode_after(text, number.end())


def _is_year(house_number: str) -> bool:
    digits = house_number.strip(". \t").split("-")[0].split("/")[0].strip()
    return digits.isdigit() and len(digits) == 4 and 1950 <= int(digits) <= 2039


def _street_start(tokens: list[Token], index: int) -> int | None:
    """Where the street name ending at tokens[index] begins, or None when it is no street:
    "Spring 5" is a framework version and "Rotterdam 12" a city."""
    words = lexicon()
    word = tokens[index]
    first = index
    while first > 0 and index - first < 4 and is_joined(tokens[first].gap) and (
            tokens[first - 1].kind == "particle" or tokens[first - 1].kind == "cap"
            and not words.is_non_name(tokens[first - 1].text)
            or tokens[first - 1].text.lower() in _STREET_PREFIX_WORDS):
        first -= 1
    names_street = word.text.lower().endswith(_STREET_SUFFIXES) or any(
        token.text.lower() in _LEADING_STREET_WORDS for token in tokens[first:index])
    if not names_street or words.is_non_name(word.text) or words.is_place(word.text):
        return None
    return tokens[first].start


def _foreign_postcode_after(text: str, street_end: int) -> Iterator[Span]:
    """Belgian and German postcodes are bare numbers: only trusted right after a street."""
    code = _FOREIGN_POSTCODE.match(text, street_end)
    if code:
        yield "POSTCODE", code.start("code"), code.end("code")
        city = _CITY_AFTER.match(text, code.end("code"))
        if city:
            yield "LOCATION", city.start("city"), city.end("city")


def find_places(text: str, lowered: str, tokens: list[Token], *, persons: list[tuple[int, int]],
                protected: list[tuple[int, int]]) -> Iterator[Span]:
    words = lexicon()
    for cue in _LOCATION_CUE.finditer(lowered):
        value = _LOCATION_VALUE.match(text, cue.end())
        if value and starts_word(lowered, cue.start()):
            end = words.end_before_non_name(text, value.start(), value.end())
            if end > value.start():
                yield "LOCATION", value.start(), end
    for index, length in words.places.find(tokens, first_kinds=_CAPITALISED_KINDS):
        first, last = tokens[index], tokens[index + length - 1]
        if overlaps(first.start, last.end, protected):
            continue
        if not _in_organisation_name(tokens, index, index + length, persons):
            yield "LOCATION", first.start, last.end
    yield from _header_places(text, tokens, persons=persons, protected=protected)


def _header_places(text: str, tokens: list[Token], *, persons: list[tuple[int, int]],
                   protected: list[tuple[int, int]]) -> Iterator[Span]:
    """Where someone lives, written in the header on or under their name, next to their job
    title or contact details ("Data Scientist | Zuidhorn"): a header part shaped like a place
    name, even when the place is not listed."""
    lines = header_lines(text)
    named = [number for number, (offset, line) in enumerate(lines)
             if overlaps(offset, offset + len(line), persons)]
    if not named:
        return
    avoid = persons + protected
    for number in range(named[0], min(len(lines), named[0] + _HEADER_PLACE_LINES)):
        offset, line = lines[number]
        previous_offset = lines[number - 1][0] if number else offset
        if _has_header_company(text, tokens, previous_offset, offset + len(line), persons):
            yield from _place_segments(text, offset, line, avoid)


def _place_segments(text: str, offset: int, line: str,
                    avoid: list[tuple[int, int]]) -> Iterator[Span]:
    words = lexicon()
    for start, end in segments(offset, line):
        place = _HEADER_PLACE.fullmatch(text[start:end].strip())
        if not place:
            continue
        start += len(text[start:end]) - len(text[start:end].lstrip())
        end = start + len(place.group())
        names = [word for word in re.split(r"[\s,'-]+", place.group()) if word[:1].isupper()]
        if any(words.is_non_name(word) or words.is_first_name(word)
               or word.lower().endswith(_TITLE_ENDINGS) for word in names):
            continue
        if not overlaps(start, end, avoid):
            yield "LOCATION", start, end


def _has_header_company(text: str, tokens: list[Token], start: int, end: int,
                        persons: list[tuple[int, int]]) -> bool:
    if "@" in text[start:end] or overlaps(start, end, persons):
        return True
    first = bisect.bisect_left([token.start for token in tokens], start)
    return any(token.text.lower() in _JOB_TITLE_WORDS
               for token in tokens[first:] if token.start < end)


def _names_organisation(token: Token, persons: list[tuple[int, int]], *, before: bool) -> bool:
    """Whether a capitalised word next to a place makes the two an organisation's name."""
    words = lexicon()
    lowered = token.text.lower()
    if lowered in ORGANISATION_WORDS:
        return True
    # The letters of a postcode ("1015 CX Amsterdam", "B15 2TT Leeds") are no company.
    after_digits = token.gap.rstrip()[-1:].isdigit()
    if token.kind == "caps" and not after_digits:
        return not words.is_place(token.text)
    if (token.kind != "cap" or lowered in _PLACE_WORDS or words.is_place(token.text)
            or overlaps(token.start, token.end, persons)):
        return False
    if before:  # an unknown word before the place is a company ("Rabobank Utrecht")
        return not (words.is_non_name(token.text) or words.is_first_name(token.text))
    # After the place only organisation-like words count, so "Amsterdam Zuidoost" is a place.
    return words.is_non_name(token.text)


def _in_organisation_name(tokens: list[Token], first: int, end: int,
                          persons: list[tuple[int, int]]) -> bool:
    if first > 0 and is_joined(tokens[first].gap):
        previous = tokens[first - 1]
        if _names_organisation(previous, persons, before=True):
            return True
        if (previous.text in _ORGANISATION_LINKS and first > 1 and is_joined(previous.gap)
                and tokens[first - 2].kind in ("cap", "caps")):
            return True
    if end >= len(tokens) or not is_joined(tokens[end].gap):
        return False
    following = tokens[end + 1].gap[:1] if end + 1 < len(tokens) else ""
    if following.isdigit():
        return False  # the letters of a postcode after the city: "London NW1 6XE"
    return _names_organisation(tokens[end], persons, before=False)
