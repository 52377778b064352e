"""The candidate's own name, e-mail address and phone number from their record, found in the
text in any of the forms people write them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from searchlight.anonymise.mentions import find_name_mentions
from searchlight.anonymise.text import Span, Token

# Runs of digits written the way phone numbers are; compared by their last digits below.
_DIGIT_RUN = re.compile(r"(?<![\w+])\+?\(?\d[\d \t().\-/]{5,}\d(?!\w)")
# Nine digits identify a Dutch number without its 0 or +31 prefix, and almost any other
# country's subscriber number as well; no two different phone numbers in one CV share them.
_SIGNIFICANT_DIGITS = 9
_MAX_PREFIX_DIGITS = 5  # "0031 0" before a Dutch number
_DIGIT_GROUP = re.compile(r"\+?\(?\d+\)?")
_GENERIC_LOCAL_PARTS = frozenset({"info", "contact", "mail", "hello", "hallo", "cv", "jobs"})


def find_known_name(text: str, tokens: list[Token], full_name: str) -> Iterator[Span]:
    # The record is certain, so organisation names never shield the candidate's own name.
    yield from find_name_mentions(text, tokens, [full_name], protected=[], certain=True)


def find_known_email(text: str, email: str) -> Iterator[Span]:
    email = email.strip()
    if not email:
        return
    sources = [re.escape(email)]
    local = email.split("@", 1)[0]
    if len(local) >= 3 and local.lower() not in _GENERIC_LOCAL_PARTS:
        # The local part alone shows up as a Skype name or a handle.
        sources.append(re.escape(local))
    pattern = re.compile(rf"(?<![\w.+-])(?:{'|'.join(sources)})(?![\w-]|\.\w)", re.IGNORECASE)
    for match in pattern.finditer(text):
        yield "EMAIL", match.start(), match.end()


def find_known_phone(text: str, phone: str) -> Iterator[Span]:
    wanted = _digits(phone)[-_SIGNIFICANT_DIGITS:]
    if len(wanted) < 7:
        return
    for match in _DIGIT_RUN.finditer(text):
        part = _part_ending_in(match.group(), wanted)
        if part:
            yield "PHONE", match.start() + part[0], match.start() + part[1]


def _part_ending_in(run: str, wanted: str) -> tuple[int, int] | None:
    """The longest group-aligned part of a digit run that is the wanted number, with at most a
    country code or trunk prefix in front. A run may hold two numbers ("06-1234 5678 / 020-..."),
    so the run as a whole is not compared."""
    groups = list(_DIGIT_GROUP.finditer(run))
    best: tuple[int, int] | None = None
    for first in groups:
        for last in groups:
            if last.end() < first.start():
                continue
            digits = _digits(run[first.start():last.end()])
            fits = digits.endswith(wanted) and len(digits) - len(wanted) <= _MAX_PREFIX_DIGITS
            if fits and (best is None or last.end() - first.start() > best[1] - best[0]):
                best = first.start(), last.end()
    return best


def _digits(value: str) -> str:
    return "".join(c for c in value if c.isdigit())
