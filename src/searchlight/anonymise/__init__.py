"""Anonymisation: find personal data in a text and replace it with placeholders such as
"[PERSON]" or "[EMAIL]". Pure functions, no database: screening uses it before scoring, and it
serves assessments, call transcripts and data exports the same way.

- `anonymise(text, known=..., language=...)` -> `Redaction` (the redacted text and its `Entity`
  spans, offsets into the original); `KnownIdentity` is what a candidate record says about the
  person, found again in every form it is written;
- `redaction`: runs every finder, merges overlapping findings (`merge`) and writes placeholders;
- `names` (person names) from `finder` (the name evidence of one text: tokens, chains, e-mail and
  URL hints, lexicon tests), `cues` (where a name stands: the top line, labels, sign-offs) and
  `mentions` (every later mention of a found name); `known` (the record's own name, e-mail and
  phone in their variant forms);
- `contact` (e-mail, phone, URL, handle, IBAN, BSN), `address` (street, postcode, place),
  `personal` (date of birth, age, nationality, gender markers);
- `text` (tokens, lines, spans) and `lexicon` (the word lists in `data/`, written for this project).

Job-relevant words (skills, companies, job titles, years) are left alone: scoring needs them.

    >>> anonymise("Jan de Vries, jan@devries.nl", known=KnownIdentity("Jan de Vries")).text
    '[PERSON], [EMAIL]'
"""

from searchlight.anonymise.redaction import (
    ENTITY_TYPES,
    Entity,
    KnownIdentity,
    Redaction,
    anonymise,
    merge,
    redact_known,
)

__all__ = ["ENTITY_TYPES", "Entity", "KnownIdentity", "Redaction", "anonymise", "merge",
           "redact_known"]
