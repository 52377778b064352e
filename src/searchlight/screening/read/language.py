"""Is a CV Dutch or English?

Function words decide almost every CV in well under a millisecond: Dutch and English prose is
full of them and they hardly overlap. German and French are counted too, so that a German CV
is "unknown" rather than "Dutch". Only when the function words are too few or too close to call
(a short text, a bare list of skills) does lingua decide, restricted to the same four
languages and built once, on first use.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

# Words that are frequent in one language and rare in the others. Shared words ("in", "is",
# "was", "over", "of", "we") are left out because they say nothing.
STOPWORDS = {
    "nl": frozenset(
        "de het een en van dat niet op te met voor zijn er aan als bij ook naar om maar uit "
        "door dan heeft hebben wordt werd worden ik mijn wij ons onze je jij jouw u uw hij zij "
        "ze haar hem deze dit wat welke waar wanneer hoe zoals tot na nog al veel meer binnen "
        "tijdens onder tussen sinds zonder waarbij waarin hierbij daarnaast ervaring "
        "werkzaamheden kennis verantwoordelijk samen nieuwe goed goede jaar jaren".split()
    ),
    "en": frozenset(
        "the and of to a an for with on at by from as that this which who are be been being "
        "were has have it its our i my me you your he she they their them not but or will "
        "would can could should into about than also other such these those through during "
        "within including across under while where when what how all any each".split()
    ),
    "de": frozenset(
        "der die und ist nicht mit für auf dem den des ein eine einer eines zu von bei als auch "
        "sich ich mein meine sie sind wurde werden haben hat über nach aus im zum zur oder aber "
        "durch".split()
    ),
    "fr": frozenset(
        "le la les et des du un une pour avec sur dans par au aux est sont qui que ne pas plus "
        "ce cette ces mon ma mes je nous vous ou en de".split()
    ),
}
_LANGUAGES = ("nl", "en", "de", "fr")
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE_CHARS = 20_000  # a CV's language is settled long before its 20,000th character
_MIN_HITS = 6
_MIN_MARGIN = 2.0  # the winner needs twice the hits of the runner-up
_MIN_LINGUA_CONFIDENCE = 0.5


def detect_language(text: str) -> str:
    """"nl", "en" or "unknown" (another language, or too little text to tell)."""
    sample = text[:_SAMPLE_CHARS].lower()
    words = _WORD.findall(sample)
    if not words:
        return "unknown"
    hits = Counter(
        {language: sum(word in STOPWORDS[language] for word in words) for language in _LANGUAGES}
    )
    (best, best_hits), (_, runner_up_hits) = hits.most_common(2)
    if best_hits >= _MIN_HITS and best_hits >= _MIN_MARGIN * runner_up_hits:
        return _only_nl_or_en(best)
    return _detect_with_lingua(sample)


def _only_nl_or_en(language: str) -> str:
    return language if language in ("nl", "en") else "unknown"


def _detect_with_lingua(text: str) -> str:
    from lingua import Language

    detector = _lingua_detector()
    confidences = detector.compute_language_confidence_values(text)
    if not confidences or confidences[0].value < _MIN_LINGUA_CONFIDENCE:
        return "unknown"
    codes = {Language.DUTCH: "nl", Language.ENGLISH: "en"}
    return codes.get(confidences[0].language, "unknown")


@cache
def _lingua_detector() -> LanguageDetector:
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(
        Language.DUTCH, Language.ENGLISH, Language.GERMAN, Language.FRENCH
    ).build()
