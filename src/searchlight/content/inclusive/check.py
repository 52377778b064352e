"""Find the passages of a text that exclude readers, with offsets into the text as given."""

import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from searchlight.content.inclusive import lexicon_en, lexicon_nl
from searchlight.content.inclusive.rules import Finding, reason_for

LANGUAGES = ("nl", "en")
MIN_WORDS_FOR_BALANCE = 30
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


@dataclass(frozen=True)
class CodedBalance:
    masculine: int
    feminine: int

    @property
    def verdict(self) -> str:
        """'masculine', 'feminine' or 'neutral', as the Gender Decoder tools report it."""
        if self.masculine > self.feminine:
            return "masculine"
        if self.feminine > self.masculine:
            return "feminine"
        return "neutral"

    def as_dict(self) -> dict[str, object]:
        return {"masculine": self.masculine, "feminine": self.feminine, "verdict": self.verdict}


def _lexicon(language: str) -> ModuleType:
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
    return lexicon_en if language == "en" else lexicon_nl


@lru_cache
def _compiled(language: str) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    # (?![\w-]) ends a match on a word boundary that also keeps 'he' out of 'he-'; the start
    # is checked in `_starts_word` (a look-behind in every pattern is three times slower).
    return tuple((re.compile(rf"(?:{rule.pattern})(?![\w-])", re.IGNORECASE),
                  rule.category, rule.suggestion) for rule in _lexicon(language).RULES)


def _starts_word(text: str, start: int) -> bool:
    if start == 0:
        return True
    before = text[start - 1]
    return not (before.isalnum() or before in "_/-")


def _stem_matcher(stems: tuple[str, ...]) -> re.Pattern[str]:
    parts = [re.escape(s[:-1]) + r"[\w-]*" if s.endswith("*") else re.escape(s) for s in stems]
    return re.compile(rf"^(?:{'|'.join(parts)})$", re.IGNORECASE)


@lru_cache
def _coded(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    lexicon = _lexicon(language)
    return _stem_matcher(lexicon.MASCULINE_CODED), _stem_matcher(lexicon.FEMININE_CODED)


def _without_overlaps(found: list[Finding]) -> list[Finding]:
    """Keep the longest passage where two overlap, so each character is marked at most once."""
    kept: list[Finding] = []
    for finding in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept


def check_text(text: str, *, language: str, locale: str | None = None) -> list[Finding]:
    """All findings, in text order; reasons in `locale` (default: the text's language)."""
    reason_locale = locale or language
    found = [
        Finding(m.start(), m.end(), m.group(0), category, suggestion,
                reason_for(category, reason_locale))
        for pattern, category, suggestion in _compiled(language)
        for m in pattern.finditer(text) if _starts_word(text, m.start())
    ]
    masculine, _feminine = _coded(language)
    suggestion = _lexicon(language).MASCULINE_SUGGESTION
    # Coded words matter when they tip the balance of a whole ad (Gaucher et al.), so only then
    # are they marked; in a title or one line ('Data Analyst') a balance means nothing.
    long_enough = sum(1 for _ in _WORD.finditer(text)) >= MIN_WORDS_FOR_BALANCE
    if long_enough and coded_balance(text, language=language).verdict == "masculine":
        found += [
            Finding(m.start(), m.end(), m.group(0), "masculine_coded", suggestion,
                    reason_for("masculine_coded", reason_locale))
            for m in _WORD.finditer(text) if masculine.match(m.group(0))
        ]
    return _without_overlaps(found)


def coded_balance(text: str, *, language: str) -> CodedBalance:
    masculine, feminine = _coded(language)
    words = [m.group(0) for m in _WORD.finditer(text)]
    return CodedBalance(sum(1 for w in words if masculine.match(w)),
                        sum(1 for w in words if feminine.match(w)))
