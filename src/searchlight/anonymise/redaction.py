"""`anonymise(text)`: every finder run over one text, overlapping findings merged, and the text
with "[TYPE]" placeholders in their place."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from searchlight.anonymise.address import find_addresses, find_places, find_postcodes
from searchlight.anonymise.contact import (
    find_bsns,
    find_emails,
    find_handles,
    find_ibans,
    find_phones,
)
from searchlight.anonymise.known import (
    find_known_email,
    find_known_name,
    find_known_phone,
)
from searchlight.anonymise.names import find_names
from searchlight.anonymise.organisations import organisation_spans
from searchlight.anonymise.personal import (
    find_ages,
    find_dates_of_birth,
    find_gender_markers,
    find_nationalities,
)
from searchlight.anonymise.text import Span, Token, lower_same_length, tokenise
from searchlight.anonymise.urls import find_urls

ENTITY_TYPES = (
    "PERSON", "EMAIL", "PHONE", "URL", "PROFILE_HANDLE", "IBAN", "BSN", "POSTCODE", "ADDRESS",
    "DATE_OF_BIRTH", "AGE", "NATIONALITY", "GENDER", "LOCATION",
)
# When overlapping findings are merged the longest decides the type; on a tie, the first here.
_TYPE_PRIORITY = {
    kind: rank for rank, kind in enumerate((
        "EMAIL", "URL", "IBAN", "BSN", "PHONE", "PROFILE_HANDLE", "ADDRESS", "POSTCODE",
        "DATE_OF_BIRTH", "PERSON", "NATIONALITY", "GENDER", "AGE", "LOCATION",
    ))
}


@dataclass(frozen=True)
class KnownIdentity:
    """What the candidate record says about the person, to be found in their documents."""

    full_name: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Entity:
    """Personal data at text[start:end] of the original text; `type` is one of ENTITY_TYPES."""

    type: str
    start: int
    end: int


@dataclass(frozen=True)
class Redaction:
    """The redacted text, and the entities (sorted, not overlapping) it replaced."""

    text: str
    entities: tuple[Entity, ...]


def anonymise(text: str, *, known: KnownIdentity | None = None,
              language: str | None = None) -> Redaction:
    """Replace personal data in `text` with "[TYPE]" placeholders.

    `language` ("nl" or "en") is a hint: rules for both languages always run, because CVs mix
    them (an English CV with a Dutch address block); it only decides whether "Mr." is the Dutch
    law degree (nl) or the English title that tells a person's gender.
    """
    spans = find_entities(text, known=known, language=language)
    entities = tuple(Entity(kind, start, end) for kind, start, end in spans)
    return Redaction(text=redact(text, entities), entities=entities)


def redact_known(text: str, known: KnownIdentity) -> str:
    """Only the record's own name, e-mail and phone (in their variant forms) and any e-mail
    address or phone number: for short texts such as a decision's reason, which the full
    name finders would over-redact ("Chose another offer." reads like a name line)."""
    lowered = lower_same_length(text)
    spans = [*_known_spans(text, tokenise(text), known), *find_emails(text, lowered),
             *find_phones(text, lowered)]
    entities = tuple(Entity(kind, start, end) for kind, start, end in merge(_trimmed(text, spans)))
    return redact(text, entities)


def find_entities(text: str, *, known: KnownIdentity | None = None,
                  language: str | None = None) -> list[Span]:
    """Merged, non-overlapping (type, start, end) spans of personal data, in text order."""
    lowered = lower_same_length(text)
    tokens = tokenise(text)
    protected = organisation_spans(tokens)
    contact = [*find_emails(text, lowered), *find_urls(text, protected),
               *find_handles(text, lowered)]
    spans = [
        *contact, *find_phones(text, lowered), *find_ibans(text), *find_bsns(text, lowered),
        *find_postcodes(text, lowered), *find_addresses(text, lowered, tokens),
        *find_dates_of_birth(text, lowered), *find_ages(lowered),
        *find_nationalities(text, lowered), *find_gender_markers(lowered),
        *_known_spans(text, tokens, known),
    ]
    names = find_names(text, lowered, tokens, contact_spans=contact, protected=protected,
                       language=language)
    persons = [(start, end) for kind, start, end in names if kind == "PERSON"]
    spans += names
    spans += find_places(text, lowered, tokens, persons=persons, protected=protected)
    return merge(_trimmed(text, spans))


def _known_spans(text: str, tokens: list[Token], known: KnownIdentity | None) -> list[Span]:
    if known is None:
        return []
    spans: list[Span] = []
    if known.full_name and known.full_name.strip():
        spans.extend(find_known_name(text, tokens, known.full_name))
    if known.email:
        spans.extend(find_known_email(text, known.email))
    if known.phone:
        spans.extend(find_known_phone(text, known.phone))
    return spans


def _trimmed(text: str, spans: Iterable[Span]) -> Iterable[Span]:
    """Spans without surrounding white space; empty ones dropped."""
    for kind, start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            yield kind, start, end


def merge(spans: Iterable[Span]) -> list[Span]:
    """Overlapping spans become one, typed by its longest part (ties by _TYPE_PRIORITY)."""
    merged: list[Span] = []
    best_length = 0
    for kind, start, end in sorted(spans, key=lambda span: (span[1], -span[2])):
        if merged and start < merged[-1][2]:
            current_kind, current_start, current_end = merged[-1]
            length = end - start
            better = length > best_length or (
                length == best_length and _TYPE_PRIORITY[kind] < _TYPE_PRIORITY[current_kind])
            if better:
                current_kind, best_length = kind, length
            merged[-1] = (current_kind, current_start, max(current_end, end))
        else:
            merged.append((kind, start, end))
            best_length = end - start
    return merged


def redact(text: str, entities: Iterable[Entity]) -> str:
    """The text with each entity replaced by its placeholder; entities must not overlap."""
    pieces: list[str] = []
    position = 0
    for entity in sorted(entities, key=lambda entity: entity.start):
        pieces.append(text[position:entity.start])
        pieces.append(f"[{entity.type}]")
        position = entity.end
    pieces.append(text[position:])
    return "".join(pieces)
