"""Organisation names, kept whole: a listed organisation ("TU Delft", "ING Bank"), or a run of
capitalised words around an institution word ("Delhi Public School", "College of Engineering
Pune", "Jawaharlal Nehru University", "Hanzehogeschool Groningen"). A place or a person's name
inside one is part of the organisation's name, not the candidate's address or name: the school
and the employer are job content, and "[LOCATION] Public School" would be nonsense. Every other
finder leaves these spans alone, so a school is treated the same way wherever it is written."""

from __future__ import annotations

from searchlight.anonymise.lexicon import lexicon
from searchlight.anonymise.text import Token

# Words that name an institution or a company on their own; more generic organisation words
# ("Science", "Energy", "Group") do not, so "Priya Raman Data Science" keeps its name.
_INSTITUTION_WORDS = frozenset({
    "university", "universiteit", "universität", "universidad", "université", "hogeschool",
    "college", "school", "institute", "instituut", "institut", "academy", "academie",
    "polytechnic", "vidyalaya", "vidyapeeth", "mahavidyalaya", "gemeente", "ministry",
    "ministerie", "hospital", "ziekenhuis", "bank", "museum", "stichting", "foundation",
    "council", "court", "society", "ltd", "limited", "inc", "gmbh", "pvt", "llc", "plc", "bv",
    "nv", "corporation", "corp", "company",
})
_INSTITUTION_ENDINGS = ("school", "hogeschool", "universiteit", "academie", "college")
# Lower-case words inside an organisation's name: "University of Amsterdam", "Universiteit van
# Tilburg", "Institute for Data and Society".
_LINKS = frozenset({"of", "for", "and", "van", "voor", "de", "der", "den", "het", "en", "la",
                    "le", "des", "du", "di", "at"})
_RUN_GAPS = frozenset({" ", "-", " & ", " and ", "'s ", ". "})
_LONGEST_RUN = 8


def organisation_spans(tokens: list[Token]) -> list[tuple[int, int]]:
    """(start, end) of listed organisations and of capitalised runs with an institution word."""
    listed = [(tokens[index].start, tokens[index + length - 1].end)
              for index, length in lexicon().organisations.find(tokens)]
    return sorted(listed + list(_institution_runs(tokens)))


def _institution_runs(tokens: list[Token]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for index, token in enumerate(tokens):
        if not _is_institution_word(token):
            continue
        first = last = index
        while (first > 0 and index - first < _LONGEST_RUN
               and _joins(tokens[first - 1], tokens[first]) and _in_run(tokens[first - 1])):
            first -= 1
        while (last + 1 < len(tokens) and last - index < _LONGEST_RUN
               and _joins(tokens[last], tokens[last + 1]) and _in_run(tokens[last + 1])):
            last += 1
        while first < index and tokens[first].text in _LINKS:
            first += 1
        while last > index and tokens[last].text in _LINKS:
            last -= 1
        runs.append((tokens[first].start, tokens[last].end))
    return runs


def _is_institution_word(token: Token) -> bool:
    if token.kind not in ("cap", "caps"):
        return False
    lowered = token.text.lower()
    return lowered in _INSTITUTION_WORDS or (len(lowered) > 7
                                            and lowered.endswith(_INSTITUTION_ENDINGS))


def _joins(previous: Token, token: Token) -> bool:
    """Joined within one name; a full stop only after an abbreviation ("St. Xavier's")."""
    return token.gap in _RUN_GAPS and (token.gap != ". " or len(previous.text) <= 3)


def _in_run(token: Token) -> bool:
    return token.kind in ("cap", "caps", "initials") or token.text in _LINKS
