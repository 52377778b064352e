"""Person names in Dutch and English CVs when the candidate's identity is not known.

Evidence: where a name stands (`cues`: the name line at the top, labels, phrases,
honorifics); a listed first name (or initials) followed by a surname; the letters of an e-mail
address or profile URL spelled out as capitalised words. Every name found is then searched for
again in the whole text, so that "Sanne" alone in the summary is caught once "Sanne van den
Berg" heads the CV."""

from __future__ import annotations

from searchlight.anonymise.cues import cue_names
from searchlight.anonymise.finder import NameFinder
from searchlight.anonymise.mentions import find_name_mentions
from searchlight.anonymise.text import Span, Token


def find_names(text: str, lowered: str, tokens: list[Token], *, contact_spans: list[Span],
               protected: list[tuple[int, int]], language: str | None) -> list[Span]:
    """PERSON (and honorific GENDER) spans, including every later mention of a found name."""
    finder = NameFinder(text, lowered, tokens, contact_spans=contact_spans, protected=protected,
                        language=language)
    found = [*cue_names(finder), *finder.listed_names(), *finder.hinted()]
    names = {text[start:end] for kind, start, end in found if kind == "PERSON"}
    found.extend(find_name_mentions(text, tokens, names, protected=protected))
    return found
