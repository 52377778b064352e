"""How strongly each passage of a text supports each item of a profile, in [0, 1].

Used to match SEARCH profile items ("builds RAG pipelines on vector databases") against CV
passages. Exact terms can only raise a score, never lower it: a Dutch CV read against an English
profile shares few terms, and it must score as well as the same CV written in English.
"""

from collections.abc import Sequence

import numpy as np

from searchlight.matching.embedder import Embedder
from searchlight.matching.hybrid import Fusion, LabelIndex

# Not measured by the quality bench (no labelled item-passage data there); kept as first set.
PASSAGE_FUSION = Fusion(lexical=0.3, embedding=0.7, prior=0.0, whole_query=0.2, span_words=6)


def passage_similarity(
    items: Sequence[str],
    passages: Sequence[str],
    *,
    embedder: Embedder | None = None,
    languages: Sequence[str] = ("en", "nl"),
) -> np.ndarray:
    """An (items x passages) matrix of hybrid scores in [0, 1]."""
    matrix = np.zeros((len(items), len(passages)), dtype=np.float32)
    if not items or not passages:
        return matrix
    index = LabelIndex.build(items, embedder=embedder, languages=languages, fusion=PASSAGE_FUSION)
    semantic = index.embedding_scores(passages)
    share = PASSAGE_FUSION.lexical
    for column, passage in enumerate(passages):
        blended = (1.0 - share) * semantic[column] + share * index.lexical_coverage(passage)
        matrix[:, column] = np.maximum(semantic[column], blended)
    return matrix
