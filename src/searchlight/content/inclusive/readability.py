"""Readability fit for each language: Flesch reading ease for English (Flesch 1948) and
Flesch-Douma for Dutch (Douma 1960), on the same 0-100 scale (higher = easier).

Markdown markup is ignored; a line break ends a sentence too, so headings and list items count
as the short sentences a reader sees."""

import re
from dataclasses import dataclass

_MARKUP = re.compile(r"[#>*_`|\[\]()]+|^\s*[-+]\s+|^\s*\d+[.)]\s+", re.MULTILINE)
_SENTENCE_END = re.compile(r"[.!?;:]+(?=\s|$)|\n+")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)
_EN_VOWELS = re.compile(r"[aeiouy]+")
_EN_HIATUS = re.compile(r"ien[ct]|[^ct]ia(?!n)|eo|ua|uo|uate")
# Dutch: a run of vowels is one syllable, except where a diaeresis starts a new one (beëindigen).
_NL_VOWELS = re.compile(r"[aeiouyáàâéèêíóôúûü]+|[ëï][aeiouyéèêóôú]*")

LONG_SENTENCE_WORDS = 25
# Common reading-ease bands; vacancy texts aim for 'fairly easy' or better (about B1 level).
BANDS = ((90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "standard"),
         (50, "fairly difficult"), (30, "difficult"), (-1000, "very difficult"))
TARGET = 60.0


def syllables_en(word: str) -> int:
    word = word.lower().replace("’", "'")
    if len(word) <= 3:
        return 1
    word = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^leaiouy]e)$", lambda m: m.group(0)[0], word)
    word = re.sub(r"^y", "", word)
    # Vowel pairs that are two syllables (ex-pe-ri-ence, vi-de-o, gra-du-ate).
    hiatus = len(_EN_HIATUS.findall(word))
    return max(1, len(_EN_VOWELS.findall(word)) + hiatus)


def syllables_nl(word: str) -> int:
    return max(1, len(_NL_VOWELS.findall(word.lower())))


@dataclass(frozen=True)
class Readability:
    method: str
    score: float
    sentences: int
    words: int
    syllables: int
    long_sentences: int

    @property
    def level(self) -> str:
        return next(name for floor, name in BANDS if self.score >= floor)

    @property
    def fits(self) -> bool:
        return self.score >= TARGET

    def as_dict(self) -> dict[str, object]:
        words = max(self.words, 1)
        return {"method": self.method, "score": self.score, "level": self.level,
                "target": TARGET, "fits": self.fits, "sentences": self.sentences,
                "words": self.words, "syllables": self.syllables,
                "words_per_sentence": round(self.words / max(self.sentences, 1), 1),
                "syllables_per_word": round(self.syllables / words, 2),
                "long_sentences": self.long_sentences}


def _sentences(text: str) -> list[list[str]]:
    plain = _MARKUP.sub(" ", text)
    parts = (_WORD.findall(part) for part in _SENTENCE_END.split(plain))
    return [words for words in parts if words]


def readability(text: str, *, language: str) -> Readability:
    sentences = _sentences(text)
    words = [w for sentence in sentences for w in sentence]
    count = syllables_en if language == "en" else syllables_nl
    syllables = sum(count(w) for w in words)
    n_words, n_sentences = len(words), len(sentences)
    if not n_words:
        score = 0.0
    elif language == "en":
        score = 206.835 - 1.015 * n_words / n_sentences - 84.6 * syllables / n_words
    else:
        score = 206.835 - 0.93 * n_words / n_sentences - 77.0 * syllables / n_words
    return Readability(
        method="flesch-reading-ease" if language == "en" else "flesch-douma",
        score=round(score, 1), sentences=n_sentences, words=n_words, syllables=syllables,
        long_sentences=sum(1 for s in sentences if len(s) > LONG_SENTENCE_WORDS))
