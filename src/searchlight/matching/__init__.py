"""The matching engine: pure functions over text, no database.

- `LabelIndex.build(labels)` / `.search(queries)`: link sentences or documents to a label space
  (skills, categories) by BM25 and embeddings together, in Dutch and English;
- `build_title_index(titles)`: rank job titles against a corpus of titles;
- `passage_similarity(items, passages)`: profile items vs CV passages, scores in [0, 1];
- `split_compounds(word, vocabulary)`: Dutch/German compound splitting;
- `Embedder` / `default_embedder()`: the sentence-embedding protocol and the packaged default.
"""

from searchlight.matching.compounds import split_compounds
from searchlight.matching.embedder import Embedder, default_embedder
from searchlight.matching.hybrid import Fusion, LabelIndex, Match
from searchlight.matching.passages import passage_similarity
from searchlight.matching.titles import build_title_index

__all__ = [
    "Embedder",
    "Fusion",
    "LabelIndex",
    "Match",
    "build_title_index",
    "default_embedder",
    "passage_similarity",
    "split_compounds",
]
