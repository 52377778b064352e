"""The evidence for person names in one CV: its tokens, the chains of name-like words, the
words spelled in its e-mail addresses and profile URLs, and the lexicon tests a chain must pass.
`cues` (where a name stands) and `names` (putting the evidence together) build on it."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from searchlight.anonymise.lexicon import (
    AMBIGUOUS_FIRST_NAMES,
    COMPANY_WORD_ENDINGS,
    MONTH_NAMES,
    NAME_LIKE_TOOLS,
    ORGANISATION_WORDS,
    TITLES,
    fold,
    lexicon,
)
from searchlight.anonymise.text import (
    NAME_KINDS,
    PARTICLES,
    Span,
    Token,
    is_joined,
    is_nickname,
    overlaps,
)
from searchlight.anonymise.urls import profile_slug

# Particles that are everyday words too: part of a name only before another particle.
_EVERYDAY_PARTICLES = frozenset({"in", "op", "te", "het"})
_LONGEST_NAME = 8  # tokens, particles included ("Jan Pieter van der Meer-de Groot")
_NICKNAME_GAPS = frozenset({" (", ") ", ' "', '" ', " “", "” ", " '", "' "})
_COMPANY_JOINERS = ("&", "+", "B.V", "BV", "N.V", "NV")
_GENERIC_LOCAL_PARTS = frozenset({
    "info", "contact", "mail", "email", "hello", "hallo", "hi", "cv", "jobs", "job", "werk",
    "sollicitatie", "sollicitaties", "me", "admin", "office", "post", "noreply", "www", "in",
    "pub", "profile", "profiel", "users", "user", "u", "nl", "en", "com", "recruitment", "hr",
})



class NameFinder:
    """One CV's tokens and the name evidence gathered from them."""

    def __init__(self, text: str, lowered: str, tokens: list[Token], *,
                 contact_spans: Iterable[Span], protected: list[tuple[int, int]],
                 language: str | None) -> None:
        self.text = text
        self.lowered = lowered
        self.tokens = tokens
        self.starts = [token.start for token in tokens]
        self.protected = protected
        self.language = language
        self.words = lexicon()
        self.chains = self._maximal_chains()
        self.hint_parts, self.hint_words = self._hints(contact_spans)

    def _maximal_chains(self) -> list[list[Token]]:
        """Runs of name-like tokens joined by a space or hyphen: where names can be."""
        chains: list[list[Token]] = []
        current: list[Token] = []
        for token in self.tokens:
            if token.kind in NAME_KINDS and current and is_joined(token.gap):
                current.append(token)
                continue
            if current:
                chains.append(current)
            current = [token] if token.kind in NAME_KINDS else []
        if current:
            chains.append(current)
        return chains

    # --- token helpers ------------------------------------------------------------------------
    def index_at(self, position: int) -> int:
        return bisect.bisect_left(self.starts, position)

    def tokens_between(self, start: int, end: int) -> list[Token]:
        return self.tokens[self.index_at(start):self.index_at(end)]

    def is_particle(self, token: Token) -> bool:
        return token.text.lower() in PARTICLES

    def is_name_word(self, token: Token) -> bool:
        return token.kind in ("cap", "caps", "initials") and not self.is_particle(token)

    def _is_month(self, token: Token) -> bool:
        if token.text.lower() not in MONTH_NAMES:
            return False
        around = self.text[max(0, token.start - 3):token.start] + self.text[token.end:token.end + 3]
        return any(c.isdigit() for c in around)

    def chain_from(self, index: int) -> list[Token]:
        """Tokens that read as one name from tokens[index]: name-like kinds joined by a space, a
        hyphen or the brackets and quotes of a nickname ("M.A. (Marieke) Oosterhuis")."""
        chain: list[Token] = []
        for token in self.tokens[index:]:
            nickname = token.gap in _NICKNAME_GAPS and token.kind == "cap" and not (
                self.words.is_non_name(token.text))  # "(Marieke)", not "(CTO)"
            if token.kind not in NAME_KINDS or (chain and not (is_joined(token.gap) or nickname)):
                break
            chain.append(token)
        while chain and (self.is_particle(chain[-1]) or chain[-1].kind == "initials"):
            chain.pop()
        return chain

    def acceptable(self, chain: list[Token], *, minimum_words: int) -> bool:
        name_words = [token for token in chain if self.is_name_word(token)]
        if len(name_words) < minimum_words or len(name_words) > 6:
            return False
        if any(self.words.is_non_name(token.text) or self._is_month(token)
               for token in chain if not self.is_particle(token) and not is_nickname(token)):
            return False
        if any(token.text in _EVERYDAY_PARTICLES and not (
                index + 1 < len(chain) and self.is_particle(chain[index + 1]))
               for index, token in enumerate(chain)):
            return False  # "Based in Harrogate", but "Floor in 't Veld", "Jan op den Akker"
        if any(is_company_word(token.text) for token in chain):
            return False  # "Gauhati High Court", "K. K. Wagh Polytechnic"
        kinds = {token.kind for token in name_words}
        if {"cap", "caps"} <= kinds and not self.has_name_evidence(chain):
            return False  # "Kunal IT", "Karnataka PDACOE": an acronym, unless "Jan DE VRIES"
        if overlaps(chain[0].start, chain[-1].end, self.protected):
            return False
        first = self.index_at(chain[0].start)
        return self.words.places.match_at(self.tokens, first) != len(chain)

    def span(self, chain: list[Token]) -> Span:
        return "PERSON", chain[0].start, chain[-1].end

    def has_name_evidence(self, chain: list[Token]) -> bool:
        return any(self.words.is_first_name(token.text) or self.words.is_clear_surname(token.text)
                   or self._matches_hint(token) for token in chain)

    # --- evidence -----------------------------------------------------------------------------

    def listed_names(self) -> Iterator[Span]:
        """A listed first name or initials followed by a surname, or a capitalised word with a
        particle and a listed surname ("Marloes van Dijk")."""
        for chain in self.chains:
            position = 0
            while position < len(chain) - 1:
                rest = self._name_tail(chain[position + 1:position + _LONGEST_NAME])
                candidate = [chain[position], *rest]
                if (rest and self._starts_listed_name(chain[position], rest)
                        and self.acceptable(candidate, minimum_words=2)
                        and not self.names_company(candidate)):
                    yield self.span(candidate)
                    position += len(candidate)
                else:
                    position += 1

    def _starts_listed_name(self, token: Token, rest: list[Token]) -> bool:
        """Initials, a listed first name, or an unknown first name before a listed surname
        ("Niamh Hughes", "Marloes van Dijk") start a name."""
        if token.kind == "initials":
            # "B.Tech" is a degree and "S.S.C. Pune" a school certificate, not "J. Jansen".
            return " " in rest[0].gap and not any(self.words.is_place(t.text) for t in rest)
        first = token.text.lower()
        if token.kind != "cap" or self.is_particle(token) or first in TITLES:
            return False
        if self.words.is_first_name(token.text):
            return (first not in NAME_LIKE_TOOLS and not self._is_month(token)
                    and (first not in AMBIGUOUS_FIRST_NAMES
                         or any(self.words.is_surname(t.text) for t in rest)))
        return (any(self.words.is_clear_surname(t.text) for t in rest)
                and not self.words.is_surname(token.text) and not self.words.is_place(token.text)
                and not self.words.is_nationality(token.text))

    def names_company(self, chain: list[Token]) -> bool:
        """A person's name that is the start of a company name: "Willem Bakker
        Installatietechniek", "De Vries & Zonen", "Jansen B.V."."""
        end = chain[-1].end
        if self.text[end:end + 5].lstrip(" ").startswith(_COMPANY_JOINERS):
            return True
        if self.text[max(0, chain[0].start - 3):chain[0].start].rstrip(" ").endswith(("&", "+")):
            return True  # "Wal & Joe Jewelry"
        index = self.index_at(end)
        if index >= len(self.tokens) or not is_joined(self.tokens[index].gap):
            return False
        return is_company_word(self.tokens[index].text)

    def _name_tail(self, tokens: list[Token]) -> list[Token]:
        """The surname part after a first name: particles, initials and capitalised words."""
        tail: list[Token] = []
        for token in tokens:
            if token.kind == "caps" or self.words.is_non_name(token.text) or is_company_word(
                    token.text):
                break
            tail.append(token)
        while tail and (self.is_particle(tail[-1]) or tail[-1].kind == "initials"):
            tail.pop()
        return tail

    def hinted(self) -> Iterator[Span]:
        """Capitalised words spelled in an e-mail address or profile URL ("jan.devries@...")."""
        if not self.hint_parts:
            return
        for chain in self.chains:
            hits = [i for i, token in enumerate(chain) if self._matches_hint(token)]
            if hits:
                first, last = hits[0], hits[-1]
                while first > 0 and self._extends_hinted_name(chain[first - 1]):
                    first -= 1
                candidate = chain[first:last + 1]
                if self.acceptable(candidate, minimum_words=1):
                    yield self.span(candidate)

    def _hints(self, contact_spans: Iterable[Span]) -> tuple[set[str], list[str]]:
        parts: set[str] = set()
        joined: list[str] = []
        for kind, start, end in contact_spans:
            value = self.text[start:end]
            if kind == "EMAIL":
                local = re.split(r"@|\s?[\[(]at[\])]", value, maxsplit=1)[0]
            else:
                slug = profile_slug(value)
                if not slug:
                    continue
                local = slug
            pieces = [fold(piece) for piece in re.split(r"[\W\d_]+", local)]
            pieces = [piece for piece in pieces if piece and piece not in _GENERIC_LOCAL_PARTS]
            if pieces:
                parts.update(pieces)
                joined.append("".join(pieces))
        return parts, joined

    def _matches_hint(self, token: Token) -> bool:
        if token.kind not in ("cap", "caps") or self.words.is_non_name(token.text):
            return False
        folded = fold(token.text)
        if len(folded) >= 2 and folded in self.hint_parts:
            return True
        return len(folded) >= 4 and any(folded in whole for whole in self.hint_words)

    def _extends_hinted_name(self, token: Token) -> bool:
        """A particle, initials or a first name before a hinted surname ("Sanne" before
        "Bakhuizen" for s.bakhuizen@...) belongs to the same name."""
        if self.is_particle(token) or token.kind == "initials":
            return True
        return token.kind == "cap" and not self.words.is_non_name(token.text) and (
            fold(token.text)[:1] in self.hint_parts or self.words.is_first_name(token.text))


def is_company_word(word: str) -> bool:
    lowered = word.lower()
    return lowered in ORGANISATION_WORDS or lowered.endswith(COMPANY_WORD_ENDINGS)
