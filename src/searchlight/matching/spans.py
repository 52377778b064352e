"""Candidate phrases inside a sentence, so a short label can meet the few words that mention it.

A skill label ("manage time") compared with a whole job-ad sentence drowns in the other words;
compared with each short window of the sentence it finds its own words. Windows never cross
clause punctuation and never start or end on a stopword, which keeps the count small and drops
fragments like "with the".
"""

import re
from collections.abc import Collection

# Clause boundaries: punctuation that separates list items and clauses in job ads and CVs.
CLAUSE_BREAK = re.compile(r"[;:,()\[\]•*!?|\n\t]+|\s[.\-–—/]\s|\.\s")
MAX_SPAN_WORDS = 6


def candidate_spans(
    text: str, *, stopwords: Collection[str], max_words: int = MAX_SPAN_WORDS
) -> list[str]:
    """The text itself followed by its distinct word windows of 1..max_words words."""
    spans = [text]
    for clause in CLAUSE_BREAK.split(text):
        tokens = clause.split()
        for size in range(1, max_words + 1):
            for start in range(len(tokens) - size + 1):
                window = tokens[start:start + size]
                if _edge_is_stopword(window[0], stopwords) or _edge_is_stopword(
                    window[-1], stopwords
                ):
                    continue
                spans.append(" ".join(window))
    return list(dict.fromkeys(span for span in spans if span.strip()))


def _edge_is_stopword(token: str, stopwords: Collection[str]) -> bool:
    stripped = token.strip(".'\"").lower()
    return not stripped or stripped in stopwords


# Passage boundaries: line breaks, and sentence ends followed by whitespace.
PASSAGE_BREAK = re.compile(r"\n+|(?<=[.!?])\s+")
MIN_PASSAGE_CHARACTERS = 3


def split_passages(document: str) -> list[str]:
    """Lines and sentences of a longer text (a CV, a vacancy), without blank fragments."""
    passages = (part.strip() for part in PASSAGE_BREAK.split(document))
    return [passage for passage in passages if len(passage) >= MIN_PASSAGE_CHARACTERS]
