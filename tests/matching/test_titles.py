"""Job titles against a corpus of titles, with and without known synonym groups."""

import numpy as np
import pytest

from searchlight.matching import build_title_index, default_embedder
from searchlight.matching.adapter import fit_whitening

CORPUS = ["machine learning engineer", "data scientist", "verpleegkundige", "accountant",
          "software developer", "recruiter"]
GROUPS = [["machine learning engineer", "ML engineer", "AI engineer"],
          ["verpleegkundige", "nurse", "verpleger"],
          ["recruiter", "talent acquisition specialist", "werver"]]


def test_it_ranks_titles_across_languages():
    index = build_title_index(CORPUS)
    assert index.search(["ML engineer"], top_k=1)[0][0].label == "machine learning engineer"
    assert index.search(["nurse"], top_k=1)[0][0].label == "verpleegkundige"


def test_it_uses_synonym_groups_for_titles_it_knows():
    index = build_title_index(CORPUS, synonym_groups=GROUPS)
    assert index.search(["werver"], top_k=1)[0][0].label == "recruiter"
    assert index.search(["verpleger"], top_k=1)[0][0].label == "verpleegkundige"


def test_it_whitens_into_unit_vectors_under_its_own_cache_name():
    base = default_embedder()
    whitened = fit_whitening(base, GROUPS)
    vectors = whitened.encode(["ML engineer", "nurse"])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert whitened.name != base.name and whitened.name.startswith(base.name)


def test_it_needs_real_groups_to_whiten():
    with pytest.raises(ValueError):
        fit_whitening(default_embedder(), [["only one"]])
    with pytest.raises(ValueError):
        fit_whitening(default_embedder(), GROUPS, shrinkage=0.0)
