"""Job title to job title ranking ("ML engineer" ~ "machine learning engineer" ~ "KI-Ingenieur").

Titles are short, so they are compared whole (no windows). When groups of equivalent titles are
known (ESCO occupation labels, synonym pairs), they do two things: they teach the embedder which
differences between titles matter (within-group whitening), and a title that belongs to a group
is represented by its group as well as by its own words.
"""

from collections.abc import Sequence

from searchlight.matching.adapter import fit_whitening
from searchlight.matching.embedder import Embedder, default_embedder
from searchlight.matching.hybrid import Fusion, LabelIndex

TITLE_FUSION = Fusion(lexical=0.1, embedding=0.9, prior=0.0, span_words=0, synonym_pull=0.7)


def build_title_index(
    titles: Sequence[str],
    *,
    embedder: Embedder | None = None,
    synonym_groups: Sequence[Sequence[str]] = (),
    languages: Sequence[str] = ("en", "nl"),
) -> LabelIndex:
    """A searchable corpus of titles; `synonym_groups` lists titles known to be equivalent."""
    base = embedder or default_embedder()
    groups = [group for group in synonym_groups if len(group) > 1]
    if not groups:
        return LabelIndex.build(titles, embedder=base, languages=languages, fusion=TITLE_FUSION)
    return LabelIndex.build(
        titles,
        embedder=fit_whitening(base, groups),
        synonyms={group[0]: group[1:] for group in groups},
        languages=languages,
        fusion=TITLE_FUSION,
    )

