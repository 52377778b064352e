"""Names found by where they stand: the name line at the top of a CV, a "CV Jan de Vries" page
header, a label ("Naam:", "Referenties"), a sign-off, a phrase such as "samen met" or "my name
is", and an honorific ("Dhr.", "Mrs.")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from searchlight.anonymise.finder import NameFinder
from searchlight.anonymise.lexicon import TITLES
from searchlight.anonymise.loose import loose_name
from searchlight.anonymise.text import (
    NAME_KINDS,
    Span,
    Token,
    header_lines,
    is_nickname,
    iter_lines,
    line_bounds,
    segments,
    starts_word,
)

_CV_WORDS = frozenset({"curriculum", "vitae", "cv", "resume", "résumé", "naam", "name"})
_HEADER_GAP = re.compile(r"[ \t\u00a0\-()'’\"“”]*")
_CV_LINE = re.compile(r"(?:curriculum vitae|cv|resume|résumé)[ \t]+(?:(?:van|of)[ \t]+)?(?=\S)")
_PROSE_TOKENS = 9
_SIGNATURE_LINES = 4  # the last non-empty lines where a signature stands
_PARTICLE_WORDS = r"(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|[Vv]on|'t)"
_SURNAME_FIRST = re.compile(
    rf"(?:{_PARTICLE_WORDS}[ \t]+){{0,2}}[A-Z][\w'’]+(?:-[A-Z][\w'’]+)?[ \t]*,[ \t]*"
    rf"(?P<given>(?:[A-Z]\.)+(?:[ \t]?[A-Z]\.)*|[A-Z][a-zà-ÿ]+(?:[ \t]+[A-Z][a-zà-ÿ]+)?)"
    rf"(?:[ \t]+{_PARTICLE_WORDS}){{0,2}}"
)
_BULLET_CHARS = " \t-•*▪◦►"

# Labels before a name, searched in the lower-cased text.
_NAME_LABEL = re.compile(
    r"(?P<label>(?:naam|name)(?:[ \t]+(?:kandidaat|candidate|sollicitant|applicant|voluit|"
    r"(?:of|van de)[ \t]+(?:candidate|applicant|kandidaat|sollicitant)))?|volledige naam|"
    r"full name|voornaam|voornamen|roepnaam|achternaam|familienaam|surname|first names?|"
    r"last name|given names?|family name|referent|referentie|referenties|reference|references|"
    r"referee|referees|contactpersoon|contact person|ondertekend|signed|handtekening|signature|"
    r"ondertekening|kandidaat|candidate|linkedin|sollicitant|applicant|contact|contactgegevens|"
    r"contact details|contact information|personalia|persoonlijke gegevens|personal details|"
    r"personal information|gegevens)"
    r"(?:[ \t]*\d)?[ \t]*(?::|-|–|\n)[ \t]*"
)
# Labels whose value is the person's own name, however it is written.
_NAME_FIELDS = frozenset({"naam", "name", "volledige naam", "full name", "naam kandidaat",
                          "name of candidate", "candidate name", "voornaam", "achternaam",
                          "surname", "first name", "last name", "given name", "family name"})
_SINGLE_PART_LABELS = frozenset({
    "voornaam", "voornamen", "roepnaam", "achternaam", "familienaam", "surname", "first name",
    "first names", "last name", "given name", "given names", "family name",
})
_SIGN_OFF = re.compile(
    r"(?:met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|hoogachtend|groeten|"
    r"kind regards|best regards|regards|sincerely|yours sincerely|yours faithfully),?[ \t]*\n"
    r"(?:[ \t]*\n)*[ \t]*"
)
_REFERENCE_HEADING = re.compile(r"(?:referenties|references|referees|referenten)[ \t]*:?[ \t]*\n")
_LIST_MARK = re.compile(r"[ \t]*(?:[-•*▪◦►]|\d+[.)])?[ \t]*")
_NEXT_LINE = re.compile(r"\n[ \t]*(?=\S)")
# Phrases after which running text names a colleague: "samen met", "reporting to".
_PERSON_CONTEXT = re.compile(
    r"(?:(?:samen|team|paper|artikel|article|project|onderzoek|research|closely|nauw|together|"
    r"collaboration|samenwerking)[ \t]+(?:met|with)|onder (?:leiding|begeleiding|supervisie) van|"
    r"begeleid door|rapporteerde aan|rapporterend aan|rapporteert aan|reporting to|reported to|"
    r"reports to|under the (?:guidance|supervision|leadership) of|supervised by|managed by|"
    r"led by|mentored by|coached by|alongside|aanbevolen door|recommended by)[ \t]+"
)
# "Mijn naam is Çağla" names the writer for sure; "Ik ben Çağla," only when a comma follows
# ("Ik ben Python-ontwikkelaar" is not a name).
_INTRODUCTION = re.compile(
    r"(?:(?P<sure>mijn naam is|my name is|ik heet|naam is)|ik ben|i am|i'm)[ \t]+"
)
_HONORIFIC = re.compile(
    r"(?P<title>Dhr|dhr|Mevr|mevr|Mw|mw|Mevrouw|mevrouw|Meneer|meneer|De heer|de heer|Mr|Mrs|Ms|"
    r"Miss|Mx|Sir|Dame|Dr|Drs|Ir|Ing|Prof|mr|dr|drs|ir|ing|prof)(?P<dot>\.)?[ \t]+"
    r"(?=[A-Z'’À-Þ]|(?:de|van|ter|ten|den)\b)"
)
_GENDERED_TITLES = frozenset({
    "dhr", "mevr", "mw", "mevrouw", "meneer", "heer", "mr", "mrs", "ms", "miss", "mx", "sir",
    "dame",
})


def cue_names(finder: NameFinder) -> Iterator[Span]:
    yield from _header(finder)
    yield from _surname_first(finder)
    yield from _titled_lines(finder)
    yield from _labelled(finder)
    yield from _phrases(finder)
    yield from _reference_lines(finder)
    yield from _honorifics(finder)


def _header(finder: NameFinder) -> Iterator[Span]:
    """The name line at the top. The first line that is not a title ("Curriculum Vitae",
    "Data Scientist") is taken as the name when it reads as one; later lines need a word that
    is a listed name or is spelled in the e-mail address."""
    first_line = True
    for offset, line in header_lines(finder.text):
        if len(finder.tokens_between(offset, offset + len(line))) > _PROSE_TOKENS * 2:
            return
        for number, (start, end) in enumerate(segments(offset, line)):
            chain = _header_chain(finder, start, end)
            # The name opens its line ("Jan de Vries | Data Scientist"); later parts of the
            # line ("Skills: ..., Unity Catalog") need evidence.
            if chain and (first_line and number == 0 or finder.has_name_evidence(chain)):
                yield finder.span(chain)
                return
            loose = loose_name(finder, start, end) if first_line and number == 0 else None
            if loose:
                yield "PERSON", *loose
                return
        first_line = first_line and all(
            finder.words.is_non_name(token.text) or token.kind not in NAME_KINDS
            for token in finder.tokens_between(offset, offset + len(line)))


def _surname_first(finder: NameFinder) -> Iterator[Span]:
    """"De Vries, Jan" or "Vries, J.P. de" on a header line: the surname, a comma and a listed
    first name or initials."""
    for offset, line in header_lines(finder.text):
        match = _SURNAME_FIRST.fullmatch(line.strip())
        if not match:
            continue
        start = offset + len(line) - len(line.lstrip())
        given = finder.tokens_between(start + match.start("given"), start + match.end("given"))
        if given and all(token.kind == "initials" or finder.words.is_first_name(token.text)
                         for token in given):
            yield "PERSON", start, start + len(match.group())
            return


def _titled_lines(finder: NameFinder) -> Iterator[Span]:
    """A line anywhere that starts "CV" or "Resume" names its owner: page headers and footers
    that a PDF reader repeats ("CV Jan de Vries – pagina 2 van 3")."""
    for title in _CV_LINE.finditer(finder.lowered):
        line_start, line_end = line_bounds(finder.text, title.start())
        if finder.text[line_start:title.start()].strip():
            continue
        start, end = next(segments(line_start, finder.text[line_start:line_end]))
        chain = _header_chain(finder, start, end)
        if chain:
            yield finder.span(chain)


def _header_chain(finder: NameFinder, start: int, end: int) -> list[Token]:
    """The name at the start of a header segment ("Curriculum Vitae", titles such as "ir." and
    a job title after the name are left out; a "(Jan)" nickname may be in it)."""
    if any(c.isdigit() or c in "@/:" for c in finder.text[start:end]):
        return []  # contact details or a label, not a name
    tokens = finder.tokens_between(start, end)
    skipped_cv_word = False
    while tokens and (tokens[0].text.lower() in _CV_WORDS | TITLES
                      or skipped_cv_word and tokens[0].text.lower() in ("van", "of")):
        skipped_cv_word = skipped_cv_word or tokens[0].text.lower() in _CV_WORDS
        tokens = tokens[1:]
    if not tokens or len(tokens) > _PROSE_TOKENS:
        return []
    name: list[Token] = []
    for token in tokens:
        if name and not _HEADER_GAP.fullmatch(token.gap):
            return []
        if token.text.lower() in TITLES or (finder.words.is_non_name(token.text)
                                             and not finder.is_particle(token)
                                             and not is_nickname(token)):
            break  # "Sanne Bakhuizen Data Scientist": the job title ends the name
        if token.kind not in NAME_KINDS:
            return []
        name.append(token)
    while name and (finder.is_particle(name[-1]) or name[-1].kind == "initials"):
        name.pop()
    if len(name) > 1 and finder.words.is_place(name[-1].text) and not finder.is_particle(name[-2]):
        return []  # "Maharashtra Pune": a region and a city, not "Jan van Delft"
    return name if name and finder.acceptable(name, minimum_words=2) else []


def _labelled(finder: NameFinder) -> Iterator[Span]:
    for label in _NAME_LABEL.finditer(finder.lowered):
        if not _at_line_start(finder.text, label.start()):
            continue
        value_start = label.end()
        _, line_end = line_bounds(finder.text, value_start)
        if not finder.text[value_start:line_end].strip():  # the value is on the next line
            following = _NEXT_LINE.search(finder.text, value_start)
            value_start = following.end() if following else len(finder.text)
        single = label.group("label") in _SINGLE_PART_LABELS
        found = list(_name_at(finder, value_start, single_part_allowed=single))
        if not found and label.group("label") in _NAME_FIELDS:
            found = list(_loose_value(finder, value_start))
        yield from found
    for sign_off in _SIGN_OFF.finditer(finder.lowered):
        if _at_line_start(finder.text, sign_off.start()):
            found = list(_name_at(finder, sign_off.end(), single_part_allowed=False))
            yield from found or _loose_value(finder, sign_off.end(), evidence_for_one=True)
    yield from _signature_lines(finder)


def _signature_lines(finder: NameFinder) -> Iterator[Span]:
    """The signature under a declaration at the end: a last line that is only a name, often in
    brackets ("(Wanjiru Kamau)")."""
    lines = [(offset, line) for offset, line in iter_lines(finder.text) if line.strip()]
    for offset, line in lines[-_SIGNATURE_LINES:]:
        stripped = line.strip()
        if len(stripped) > 2 and stripped[0] in "([" and stripped[-1] in ")]":
            start = offset + line.index(stripped) + 1
            loose = loose_name(finder, start, start + len(stripped) - 2)
            if loose:
                yield "PERSON", *loose


def _loose_value(finder: NameFinder, position: int, *,
                 evidence_for_one: bool = False) -> Iterator[Span]:
    """A "Name:" field's value written loosely ("meera k"): up to the end of its line part."""
    _, line_end = line_bounds(finder.text, position)
    start, end = next(segments(position, finder.text[position:line_end]))
    loose = loose_name(finder, start, end, single_word_needs_evidence=evidence_for_one)
    if loose:
        yield "PERSON", *loose


def _phrases(finder: NameFinder) -> Iterator[Span]:
    for context in _PERSON_CONTEXT.finditer(finder.lowered):
        if starts_word(finder.lowered, context.start()):
            yield from _name_at(finder, context.end(), single_part_allowed=False)
    for introduction in _INTRODUCTION.finditer(finder.lowered):
        if starts_word(finder.lowered, introduction.start()):
            yield from _name_at(finder, introduction.end(),
                                single_part_allowed=bool(introduction.group("sure")),
                                before_comma_allowed=True)


def _at_line_start(text: str, position: int) -> bool:
    """Only list marks or a column separator ("Tel: ... | Naam: ...") before position."""
    line_start, _ = line_bounds(text, position)
    before = text[line_start:position].rstrip(" \t")
    return not before.strip(_BULLET_CHARS) or before.endswith(("|", "•", "·"))


def _name_at(finder: NameFinder, position: int, *, single_part_allowed: bool,
             before_comma_allowed: bool = False) -> Iterator[Span]:
    """The name that starts at `position` on its line, if the words there read as one."""
    index = finder.index_at(position)
    while index < len(finder.tokens) and finder.tokens[index].text.lower() in TITLES:
        index += 1
    if index >= len(finder.tokens) or "\n" in finder.text[position:finder.tokens[index].start]:
        return
    chain = finder.chain_from(index)
    if not chain:
        return
    listed = any(finder.words.is_first_name(token.text) or finder.words.is_surname(token.text)
                 for token in chain if finder.is_name_word(token))
    before_comma = before_comma_allowed and finder.text.startswith(",", chain[-1].end)
    minimum = 1 if single_part_allowed or listed or before_comma else 2
    if finder.acceptable(chain, minimum_words=minimum) and not finder.names_company(chain):
        yield finder.span(chain)


def _reference_lines(finder: NameFinder) -> Iterator[Span]:
    """Each line under a "Referenties" heading starts with a name."""
    for heading in _REFERENCE_HEADING.finditer(finder.lowered):
        if not _at_line_start(finder.text, heading.start()):
            continue
        line_start = heading.end()
        for _ in range(10):
            if line_start >= len(finder.text):
                break
            mark = _LIST_MARK.match(finder.text, line_start)
            yield from _name_at(finder, mark.end() if mark else line_start,
                                single_part_allowed=False)
            line_end = finder.text.find("\n", line_start)
            line_start = len(finder.text) if line_end == -1 else line_end + 1


def _honorifics(finder: NameFinder) -> Iterator[Span]:
    for match in _HONORIFIC.finditer(finder.text):
        if not starts_word(finder.text, match.start()):
            continue
        index = finder.index_at(match.end())
        if index == len(finder.tokens) or finder.words.is_non_name(finder.tokens[index].text):
            continue  # "Ms Office"
        if _is_gender_marker(match.group("title"), finder.language):
            yield "GENDER", match.start(), match.end("dot" if match.group("dot") else "title")
        chain = finder.chain_from(index)
        if chain and finder.acceptable(chain, minimum_words=1):
            yield finder.span(chain)


def _is_gender_marker(title: str, language: str | None) -> bool:
    # In Dutch "mr." is the law degree (meester in de rechten), not "Mister".
    if title.lower() == "mr":
        return title == "Mr" and language != "nl"
    return title.split()[-1].lower() in _GENDERED_TITLES
