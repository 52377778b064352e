"""Job title to job title ranking ("ML engineer" ~ "machine learning engineer" ~ "KI-Ingenieur").

Titles are short, so they are compared whole (no windows). Groups of equivalent titles do two
things: they teach the embedder which differences between titles matter (within-group
whitening), and a title that belongs to a group is represented by its group as well as by its
own words. The ESCO occupation labels (English and Dutch, shipped in `data/`) are always such
groups, so every caller gets them; a caller may add its own (`synonym_groups`, the CLI's
`--synonyms`). Each query is compared twice: the second time moved towards its nearest corpus
titles (pseudo-relevance feedback), since equivalent titles cluster in a corpus and the cluster
finds its far members.
"""

import gzip
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from searchlight.matching.adapter import DEFAULT_SHRINKAGE, fit_whitening
from searchlight.matching.embedder import Embedder, default_embedder
from searchlight.matching.hybrid import Fusion, LabelIndex
from searchlight.matching.lexical import STEMMER_NAMES

if TYPE_CHECKING:
    from lingua import Language, LanguageDetector

ESCO_TITLES_FILE = Path(__file__).parent / "data" / "esco_occupation_titles.tsv.gz"

# Chosen by 5-fold cross-validation over the TalentCLEF queries (bench/README.md, Quality):
# with the shipped ESCO groups, 4 of 5 folds and all queries chose these weights, pull,
# whitening and feedback (with training pairs added, every fold);
TITLE_FUSION = Fusion(lexical=0.1, embedding=0.9, prior=0.0, span_words=0, synonym_pull=0.35,
                      feedback_labels=5, feedback=2.0)
# Shrinkage of the within-group whitening (None: titles keep the embedder's own space).
TITLE_WHITENING: float | None = DEFAULT_SHRINKAGE
# without any synonym groups (`esco=False` and none given), every fold chose more exact-term
# weight and stronger feedback.
BARE_TITLE_FUSION = Fusion(lexical=0.3, embedding=0.7, prior=0.0, span_words=0, synonym_pull=0.0,
                           feedback_labels=5, feedback=2.0)
# Language guessing: titles looked at, and the share of them a language needs to get an analyser.
LANGUAGE_SAMPLE = 300
LANGUAGE_SHARE = 0.2


def build_title_index(
    titles: Sequence[str],
    *,
    embedder: Embedder | None = None,
    languages: Sequence[str] | None = None,
    synonym_groups: Sequence[Sequence[str]] = (),
    esco: bool = True,
    fusion: Fusion | None = None,
    whitening: float | None = TITLE_WHITENING,
) -> LabelIndex:
    """A searchable corpus of titles, the one way the product and the benchmark build it.

    `languages` picks the BM25 analysers (default: guessed from the titles);
    `synonym_groups` lists titles known to be equivalent, next to the shipped ESCO occupation
    labels (`esco=False` leaves those out). `fusion` defaults to `TITLE_FUSION` with groups and
    `BARE_TITLE_FUSION` without; `whitening` is the shrinkage of the map learned from the
    groups (None: no map).
    """
    base = embedder or default_embedder()
    analysers = tuple(languages) if languages else guess_languages(titles)
    groups = [group for group in (*synonym_groups, *(esco_title_groups() if esco else ()))
              if len(group) > 1]
    if not groups:
        return LabelIndex.build(titles, embedder=base, languages=analysers,
                                fusion=fusion or BARE_TITLE_FUSION)
    return LabelIndex.build(
        titles,
        embedder=base if whitening is None else fit_whitening(base, groups, shrinkage=whitening),
        synonyms=_by_first_title(groups),
        languages=analysers,
        fusion=fusion or TITLE_FUSION,
    )


def _by_first_title(groups: Sequence[Sequence[str]]) -> dict[str, list[str]]:
    """Groups keyed by their first title; groups with the same first title ("accountant" in
    English and Dutch) are merged rather than one replacing the other."""
    synonyms: dict[str, list[str]] = defaultdict(list)
    for group in groups:
        synonyms[group[0]].extend(group[1:])
    return dict(synonyms)


@cache
def esco_title_groups() -> tuple[tuple[str, ...], ...]:
    """The shipped ESCO occupations as groups of equivalent titles (English, then Dutch)."""
    text = gzip.decompress(ESCO_TITLES_FILE.read_bytes()).decode("utf-8")
    return tuple(tuple(line.split("\t")[1:]) for line in text.splitlines() if line)


def read_title_groups(path: Path) -> list[list[str]]:
    """Groups of equivalent titles from a file: one group per line, titles separated by tabs.

    A field that is a URI names the group's concept, and lines naming the same concept are one
    group, so ESCO-derived pair lists (such as the TalentCLEF training files: family URI,
    occupation URI, title, title) read as they are; a title written "a/b" counts as both.
    """
    groups: dict[str, dict[str, None]] = defaultdict(dict)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        fields = [field.strip() for field in line.split("\t") if field.strip()]
        concepts = [field for field in fields if field.startswith(("http://", "https://"))]
        key = concepts[-1] if concepts else f"line {number}"
        for field in fields:
            if field not in concepts:
                groups[key].update(dict.fromkeys(t.strip() for t in field.split("/") if t.strip()))
    return [list(titles) for titles in groups.values() if len(titles) > 1]


def guess_languages(titles: Sequence[str]) -> tuple[str, ...]:
    """The analyser languages for a corpus: each language (en, nl, de, es) that at least a fifth
    of a sample of its titles is written in, most common first; English when none is."""
    from lingua import IsoCode639_1, Language

    known = {Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())): code
             for code in STEMMER_NAMES}
    step = max(1, len(titles) // LANGUAGE_SAMPLE)
    sample = [title.lower() for title in titles[::step][:LANGUAGE_SAMPLE]]
    detector = _detector(tuple(sorted(known, key=str)))
    found = Counter(known[language] for language in detector.detect_languages_in_parallel_of(sample)
                    if language in known)
    chosen = tuple(code for code, count in found.most_common()
                   if count >= LANGUAGE_SHARE * len(sample))
    return chosen or ("en",)


@cache
def _detector(languages: tuple["Language", ...]) -> "LanguageDetector":
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(*languages).build()
