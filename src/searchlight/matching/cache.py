"""Embeddings of a fixed label space, computed once per process and optionally kept on disk.

A label space (ESCO has ~14k skills) is encoded far more often than it changes, so its matrix is
keyed by embedder name, version and a hash of the exact texts: any change to the model or to one
label gives a new key and the stale file is simply never read again.
"""

import hashlib
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from searchlight.config import get_settings
from searchlight.matching.embedder import Embedder

_MEMORY: dict[str, np.ndarray] = {}
_MEMORY_LIMIT = 16


def default_cache_dir() -> Path:
    """The configured cache folder (`SEARCHLIGHT_CACHE_DIR`), read at call time, not import."""
    return get_settings().cache_dir


def cache_key(embedder: Embedder, texts: Sequence[str]) -> str:
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8"))
        digest.update(b"\x00")
    model = f"{embedder.name}-{embedder.version}".replace("/", "_").replace(" ", "_")
    return f"{model}-{len(texts)}-{digest.hexdigest()[:20]}"


def encode_cached(
    embedder: Embedder, texts: Sequence[str], *, cache_dir: Path | None = None, disk: bool = True
) -> np.ndarray:
    """Encode `texts` through the process memory and (when `disk`) an on-disk .npy cache."""
    key = cache_key(embedder, texts)
    if key in _MEMORY:
        return _MEMORY[key]
    path = (cache_dir or default_cache_dir()) / "embeddings" / f"{key}.npy"
    vectors = _read(path, len(texts)) if disk else None
    if vectors is None:
        vectors = embedder.encode(texts)
        if disk:
            _write(path, vectors)
    _remember(key, vectors)
    return vectors


def derived_cached(
    kind: str, embedder: Embedder, texts: Sequence[str], compute: Callable[[], np.ndarray], *,
    cache_dir: Path | None = None,
) -> np.ndarray:
    """An array computed from the vectors of `texts` (a whitening map), kept like vectors are:
    small to keep, where the vectors it comes from would be large."""
    key = f"{kind}-{cache_key(embedder, texts)}"
    if key in _MEMORY:
        return _MEMORY[key]
    path = (cache_dir or default_cache_dir()) / kind / f"{key}.npy"
    found = _read(path, None)
    if found is None:
        found = compute()
        _write(path, found)
    _remember(key, found)
    return found


def _read(path: Path, expected_rows: int | None) -> np.ndarray | None:
    try:
        vectors = np.load(path, allow_pickle=False)
    except (OSError, ValueError):
        return None
    return vectors if expected_rows in (None, vectors.shape[0]) else None


def _write(path: Path, vectors: np.ndarray) -> None:
    """Write atomically so a concurrent reader never sees half a file; a read-only disk is fine."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as handle:
            np.save(handle, vectors, allow_pickle=False)
        os.replace(handle.name, path)
    except OSError:
        return


def _remember(key: str, vectors: np.ndarray) -> None:
    if len(_MEMORY) >= _MEMORY_LIMIT:
        _MEMORY.pop(next(iter(_MEMORY)))
    vectors.setflags(write=False)
    _MEMORY[key] = vectors
