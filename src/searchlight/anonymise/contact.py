"""Contact and identifier patterns: e-mail, profile handle, phone, IBAN and BSN (URLs: `urls`).

Compiled regular expressions, each anchored on something rare ("@", a dot inside a word, a cue
word, a digit) so a CV is scanned quickly, with a check in code where a number has one (IBAN
mod-97, the BSN 11-check). Presidio's analyser was measured at ~15 ms per 5,000 characters with
four recognisers alone (and its URL recogniser tries to download a suffix list), so it is not
used."""

from __future__ import annotations

import re
from collections.abc import Iterator

from searchlight.anonymise.lexicon import Lexicon, lexicon
from searchlight.anonymise.text import Span, ends_word, line_bounds, starts_word

# --- e-mail and handles -----------------------------------------------------------------------
_AT = re.compile(r"@|\[at\]|\(at\)")
_EMAIL_LOCAL_CHARS = frozenset("._+-'")
_EMAIL_DOMAIN = re.compile(
    r"\s?[\w-]+(?:(?:\.|\s?[\[(]dot[\])]\s?)[\w-]+)*(?:\.|\s?[\[(]dot[\])]\s?)[A-Za-z]{2,}\b"
)
_HANDLE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.]{1,29}[A-Za-z0-9_]\b")
_CODE_ANNOTATIONS = frozenset({
    "override", "autowired", "component", "service", "repository", "controller", "entity", "test",
    "bean", "inject", "deprecated", "property", "staticmethod", "classmethod", "dataclass", "pytest"
})
_SITE_LABEL = re.compile(
    r"(?:github|gitlab|linkedin|twitter|x|skype|kaggle|medium|instagram|telegram|discord|"
    r"mastodon|bitbucket|stack ?overflow|hugging ?face|dribbble|behance|codepen|leetcode|"
    r"hackerrank|threads|bluesky|tiktok|facebook|youtube|substack)"
    r"(?:[ \t]+(?:handle|username|user|profile|profiel|id|account))?[ \t]*[:：][ \t]*"
)
_LABELLED_HANDLE = re.compile(r"[/@]?\w[\w.\-]*(?:/@?[\w.\-]+)*")

# --- phone numbers ----------------------------------------------------------------------------
# A run of digits with the separators phone numbers are written with; validated in code.
_DIGIT_RUN = re.compile(r"[+(]{0,2}\d[\d .\-/()]*\d")
_PHONE_CUE = re.compile(
    r"(?:\b(?:tel(?:efoon|ephone)?|phone|mobiel|mobile|mob|gsm|cell(?:phone)?|whatsapp|"
    r"telefoonnummer|phone number|fax|bel|call)\b\.?|\b[tmp] ?:)[ \t]*[:\-–]?[ \t]*"
    r"(?:\(\w+\)[ \t]*)?$"
)
_NORTH_AMERICAN = re.compile(r"\(?\d{3}\)?[-. ]?\d{3}[-. ]\d{4}")
_FEWEST_PHONE_DIGITS = 7
_SEPARATORS = " .-/"
_MOST_PHONE_GROUPS = 8  # "+31 6 12 34 56 78" has six

# --- bank account and citizen service number --------------------------------------------------
_IBAN_START = re.compile(r"[A-Z]{2}\d{2}(?=\s?[A-Z0-9]{4})")
_IBAN_LENGTHS = {
    "NL": 18, "BE": 16, "DE": 22, "GB": 22, "FR": 27, "ES": 24, "IT": 27, "PT": 25, "IE": 22,
    "LU": 20, "AT": 20, "CH": 21, "DK": 18, "SE": 24, "NO": 15, "FI": 18, "PL": 28, "CZ": 24,
    "HU": 28, "RO": 24, "BG": 22, "GR": 27, "HR": 21, "SI": 19, "SK": 24, "LT": 20, "LV": 21,
    "EE": 20, "TR": 26, "MA": 28, "SA": 24, "AE": 23, "IL": 23, "CY": 28, "MT": 31,
}
_BSN_CUE = re.compile(
    r"(?:bsn|burger ?service ?nummer|sofi[ -]?nummer|sofi|citizen service number|"
    r"social security number|persoonsnummer|personal number)\b"
)
_BSN_WINDOW = 60  # characters after the cue (the number may be on the next line of a table)
_BSN_NUMBER = re.compile(r"(?<![\d.,€$£+\-/])(\d{3}[. ]?\d{3}[. ]?\d{3}|\d{4}[. ]\d{2}[. ]\d{3})"
                         r"(?![\d,])")


def find_emails(text: str, lowered: str) -> Iterator[Span]:
    for anchor in _AT.finditer(lowered):
        start = _local_part_start(text, anchor.start())
        domain = _EMAIL_DOMAIN.match(text, anchor.end())
        if start < anchor.start() and domain:
            yield "EMAIL", start, domain.end()


def _local_part_start(text: str, at: int) -> int:
    start = at - 1 if at > 0 and text[at - 1] == " " and text[at] != "@" else at
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in _EMAIL_LOCAL_CHARS):
        start -= 1
    while start < at and text[start] in _EMAIL_LOCAL_CHARS:
        start += 1
    return start


def find_handles(text: str, lowered: str) -> Iterator[Span]:
    words = lexicon()
    for label in _SITE_LABEL.finditer(lowered):
        handle = _LABELLED_HANDLE.match(text, label.end())
        if not starts_word(text, label.start()) or not handle:
            continue
        value = handle.group().rstrip(".")
        if _looks_like_handle(value, followed_by=text[handle.end():handle.end() + 2], words=words):
            yield "PROFILE_HANDLE", handle.start(), handle.start() + len(value)
    for anchor in re.finditer("@", text):
        handle = _HANDLE.match(text, anchor.end())
        if not handle or (anchor.start() > 0 and not text[anchor.start() - 1].isspace()
                          and text[anchor.start() - 1] not in "(,;:"):
            continue  # an e-mail address, or not a handle
        value = handle.group()
        # "@ING" and "@Override" are a company and a code annotation, not a person's handle.
        if value.isupper() or words.is_non_name(value) or value[0].isupper() and (
                value in words.organisations or value.lower() in _CODE_ANNOTATIONS):
            continue
        yield "PROFILE_HANDLE", anchor.start(), handle.end()


def _looks_like_handle(value: str, *, followed_by: str, words: Lexicon) -> bool:
    """"jdevries", "Jan.de.Vries" or "/in/jdevries", but not the next label or word of a form
    whose handle was left empty ("LinkedIn: Languages: ...", "GitHub: However, ...")."""
    bare = value.lstrip("/@")
    if not any(c.isalpha() for c in bare) or followed_by.lstrip(" ").startswith(":"):
        return False
    if words.is_non_name(bare) or bare.isupper():
        return False
    plain_word = bare.isalpha() and bare[0].isupper() and bare[1:].islower()
    return not plain_word


def find_phones(text: str, lowered: str) -> Iterator[Span]:
    for match in _DIGIT_RUN.finditer(text):
        run = match.group().rstrip(_SEPARATORS + "(")
        start = match.start()
        if (sum(c.isdigit() for c in run) < _FEWEST_PHONE_DIGITS
                or not _phone_boundaries(text, start, start + len(run))):
            continue
        line_start, _ = line_bounds(text, start)
        has_cue = bool(_PHONE_CUE.search(lowered, max(line_start, start - 30), start))
        for part_start, part_end in _valid_phone_parts(run, has_cue):
            yield "PHONE", start + part_start, start + part_end


def _phone_boundaries(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    return not (before.isalnum() or before in "+-/.,") and ends_word(text, end)


def _phone_digits_valid(candidate: str, has_cue: bool) -> bool:
    digits = "".join(c for c in candidate if c.isdigit())
    if candidate.startswith(("+", "00", "(+", "(00")):
        national = digits[2:] if candidate.lstrip("(").startswith("00") else digits
        return 9 <= len(national) <= 15
    if digits.startswith("0"):
        return 10 <= len(digits) <= 11 or (has_cue and 9 <= len(digits) <= 12)
    if len(digits) == 10 and _NORTH_AMERICAN.fullmatch(candidate):
        return True
    return has_cue and _FEWEST_PHONE_DIGITS <= len(digits) <= 15


def _valid_phone_parts(run: str, has_cue: bool) -> list[tuple[int, int]]:
    """The phone numbers in a digit run. A run can hold more than one number, or a number and
    a year, when they are separated by spaces ("06-12345678 / 020-1234567", "06-12345678 2019"):
    the longest valid parts that do not overlap, split at spaces."""
    if _phone_digits_valid(run, has_cue):
        return [(0, len(run))]
    spaces = [i for i, c in enumerate(run) if c == " "]
    group_starts, group_ends = [0] + [i + 1 for i in spaces], spaces + [len(run)]
    # A phone number spans a handful of groups; looking further only costs time.
    candidates = {
        _stripped(run, start, end)
        for first, start in enumerate(group_starts)
        for end in group_ends[first:first + _MOST_PHONE_GROUPS]
        if _phone_digits_valid(run[start:end].strip(_SEPARATORS), has_cue and start == 0)
    }
    chosen: list[tuple[int, int]] = []
    taken = bytearray(len(run))
    for start, end in sorted(candidates, key=lambda part: part[0] - part[1]):
        if not any(taken[start:end]):
            chosen.append((start, end))
            taken[start:end] = b"\x01" * (end - start)
    return sorted(chosen)


def _stripped(run: str, start: int, end: int) -> tuple[int, int]:
    while start < end and run[start] in _SEPARATORS:
        start += 1
    while end > start and run[end - 1] in _SEPARATORS:
        end -= 1
    return start, end


def iban_is_valid(iban: str) -> bool:
    """ISO 13616 mod-97 check on an IBAN (spaces allowed)."""
    compact = iban.replace(" ", "").upper()
    if len(compact) < 15 or not compact.isalnum():
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def find_ibans(text: str) -> Iterator[Span]:
    for match in _IBAN_START.finditer(text):
        if not starts_word(text, match.start()):
            continue
        end = _iban_end(text, match.start())
        if end:
            yield "IBAN", match.start(), end


def _iban_end(text: str, start: int) -> int | None:
    """Collect up to 34 characters, allowing single spaces between groups, then try the
    country's length (or every length) so a following word such as "BIC" is not swallowed."""
    positions: list[int] = []
    index = start
    while index < len(text) and len(positions) < 34:
        char = text[index]
        if char.isdigit() or "A" <= char <= "Z":
            positions.append(index)
        elif not (char == " " and index + 1 < len(text) and text[index + 1] != " "):
            break
        index += 1
    country = text[start:start + 2]
    lengths = [_IBAN_LENGTHS[country]] if country in _IBAN_LENGTHS else range(34, 14, -1)
    for length in lengths:
        if length <= len(positions):
            end = positions[length - 1] + 1
            compact = "".join(text[i] for i in positions[:length])
            if ends_word(text, end) and iban_is_valid(compact):
                return end
    return None


def bsn_is_valid(number: str) -> bool:
    """The Dutch 11-check (elfproef) for a citizen service number."""
    digits = [int(c) for c in number if c.isdigit()]
    if len(digits) != 9 or not any(digits):
        return False
    weights = range(9, 1, -1)
    weighted = sum(weight * digit for weight, digit in zip(weights, digits[:8], strict=True))
    return (weighted - digits[8]) % 11 == 0


def find_bsns(text: str, lowered: str) -> Iterator[Span]:
    """Nine-digit numbers passing the 11-check shortly after a cue word ("BSN:"): one in eleven
    random numbers passes the check, so the cue keeps order and invoice numbers intact."""
    for cue in _BSN_CUE.finditer(lowered):
        if not starts_word(lowered, cue.start()):
            continue
        number = _BSN_NUMBER.search(text, cue.end(), cue.end() + _BSN_WINDOW)
        if number and bsn_is_valid(number.group(1)) and ends_word(text, number.end(1)):
            yield "BSN", number.start(1), number.end(1)
