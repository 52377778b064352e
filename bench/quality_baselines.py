"""The two plain methods every quality figure is compared with, on the same data.

- plain BM25: bm25s's own tokeniser, the language's stopwords and Snowball stemmer, nothing else;
- plain embeddings: cosine between the raw query and the raw item with the same packaged
  embedder our method uses (no windows, no lower-casing, no synonyms).
"""

from collections.abc import Sequence

import bm25s
import numpy as np
import Stemmer

from searchlight.matching.embedder import Embedder
from searchlight.matching.lexical import STEMMER_NAMES


class PlainBM25:
    def __init__(self, documents: Sequence[str], language: str) -> None:
        self.language = language
        self._stemmer = Stemmer.Stemmer(STEMMER_NAMES[language])
        self._retriever = bm25s.BM25()
        self._retriever.index(self._tokens(documents), show_progress=False)

    def _tokens(self, texts: Sequence[str]) -> list[list[str]]:
        return bm25s.tokenize(list(texts), stopwords=self.language, stemmer=self._stemmer,
                              return_ids=False, show_progress=False)

    def scores(self, queries: Sequence[str]) -> np.ndarray:
        vocabulary = self._retriever.vocab_dict
        rows = []
        for tokens in self._tokens(queries):
            known = [token for token in tokens if token in vocabulary]
            rows.append(self._retriever.get_scores(known) if known
                        else np.zeros(self._retriever.scores["num_docs"], dtype=np.float32))
        return np.vstack(rows)


def plain_cosines(embedder: Embedder, queries: Sequence[str], items: Sequence[str]) -> np.ndarray:
    return embedder.encode(list(queries)) @ embedder.encode(list(items)).T
