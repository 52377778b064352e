"""Teaching a general embedder which differences matter, from groups of equivalent phrases.

Groups of synonyms (ESCO occupation labels, job-title pairs) show how phrases that mean the same
vary. Whitening the embedding space by that within-group spread (a linear map, as in LDA) shrinks
the directions along which synonyms differ, so cosine pays more attention to what tells groups
apart. Shrinkage towards the identity keeps the map safe when groups are few.
"""

import hashlib
from collections.abc import Sequence

import numpy as np

from searchlight.matching.cache import derived_cached, encode_cached
from searchlight.matching.embedder import Embedder, normalise_rows
from searchlight.matching.thesaurus import phrase_key

DEFAULT_SHRINKAGE = 0.6
_SCATTER_ROWS = 4096


class WhitenedEmbedder:
    """Another embedder's vectors through a fixed linear map, re-normalised (an `Embedder`)."""

    def __init__(self, base: Embedder, transform: np.ndarray) -> None:
        self.base = base
        self.transform = transform.astype(np.float32)
        digest = hashlib.sha256(self.transform.tobytes()).hexdigest()[:12]
        self.name = f"{base.name}+whitened-{digest}"
        self.version = base.version

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return normalise_rows(self.base.encode(texts) @ self.transform)


def fit_whitening(
    embedder: Embedder, groups: Sequence[Sequence[str]], *, shrinkage: float = DEFAULT_SHRINKAGE
) -> WhitenedEmbedder:
    """Fit the within-group whitening map on `groups` (each a list of equivalent phrases)."""
    if not 0.0 < shrinkage <= 1.0:
        raise ValueError("shrinkage must be in (0, 1]")
    phrases, members = _flatten(groups)
    if not phrases:
        raise ValueError("need at least one group with two or more distinct phrases")
    # Lower-cased like every text the matching code embeds (see semantic.py).
    lowered = [phrase.lower() for phrase in phrases]
    # The map (1 MB) is kept on disk, not the vectors it is fitted on (100 MB for ESCO).
    described = [f"shrinkage {shrinkage}",
                 *(f"{member}\t{text}" for member, text in zip(members, lowered, strict=True))]
    transform = derived_cached(
        "whitening", embedder, described,
        lambda: _fit(encode_cached(embedder, lowered, disk=False), members, shrinkage))
    return WhitenedEmbedder(embedder, transform)


def _fit(vectors: np.ndarray, members: np.ndarray, shrinkage: float) -> np.ndarray:
    means = _group_means(vectors, members)
    # The within-group scatter, summed in slices: 56,000 ESCO titles at once would hold
    # several copies of a 230 MB matrix.
    scatter = np.zeros((vectors.shape[1], vectors.shape[1]))
    for start in range(0, len(vectors), _SCATTER_ROWS):
        rows = slice(start, start + _SCATTER_ROWS)
        residuals = vectors[rows].astype(np.float64) - means[members[rows]]
        scatter += residuals.T @ residuals
    scatter /= len(vectors)
    average_variance = np.trace(scatter) / scatter.shape[0]
    regularised = (1 - shrinkage) * scatter + shrinkage * average_variance * np.eye(len(scatter))
    eigenvalues, eigenvectors = np.linalg.eigh(regularised)
    transform: np.ndarray = (eigenvectors / np.sqrt(eigenvalues)) @ eigenvectors.T
    return transform.astype(np.float32)


def _flatten(groups: Sequence[Sequence[str]]) -> tuple[list[str], np.ndarray]:
    """Distinct phrases of the groups that have at least two, with their group number."""
    phrases: list[str] = []
    members: list[int] = []
    for group in groups:
        distinct = list({phrase_key(phrase): phrase for phrase in group}.values())
        if len(distinct) < 2:
            continue
        number = members[-1] + 1 if members else 0
        phrases.extend(distinct)
        members.extend([number] * len(distinct))
    return phrases, np.asarray(members, dtype=np.int64)


def _group_means(vectors: np.ndarray, members: np.ndarray) -> np.ndarray:
    sums = np.zeros((members.max() + 1, vectors.shape[1]))
    np.add.at(sums, members, vectors)
    return sums / np.bincount(members)[:, None]
