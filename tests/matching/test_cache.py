"""Label-space embeddings are computed once per process and reused from disk across processes."""

import numpy as np

from searchlight.matching import cache


class CountingEmbedder:
    name, version = "counting", "1"

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts):
        self.calls += 1
        return np.ones((len(texts), 4), dtype=np.float32) / 2


def test_it_encodes_a_label_space_once_per_process(tmp_path):
    embedder = CountingEmbedder()
    first = cache.encode_cached(embedder, ["a", "b"], cache_dir=tmp_path)
    second = cache.encode_cached(embedder, ["a", "b"], cache_dir=tmp_path)
    assert embedder.calls == 1
    assert np.array_equal(first, second)


def test_it_reads_the_disk_cache_in_a_fresh_process(tmp_path, monkeypatch):
    embedder = CountingEmbedder()
    cache.encode_cached(embedder, ["x", "y", "z"], cache_dir=tmp_path)
    monkeypatch.setattr(cache, "_MEMORY", {})
    cache.encode_cached(embedder, ["x", "y", "z"], cache_dir=tmp_path)
    assert embedder.calls == 1
    assert len(list((tmp_path / "embeddings").glob("counting-1-3-*.npy"))) == 1


def test_it_keys_on_model_and_every_label(tmp_path):
    embedder = CountingEmbedder()
    assert cache.cache_key(embedder, ["a", "b"]) != cache.cache_key(embedder, ["a", "c"])
    assert cache.cache_key(embedder, ["ab"]) != cache.cache_key(embedder, ["a", "b"])
    other = CountingEmbedder()
    other.version = "2"
    assert cache.cache_key(embedder, ["a"]) != cache.cache_key(other, ["a"])


def test_it_skips_the_disk_when_asked(tmp_path):
    cache.encode_cached(CountingEmbedder(), ["only memory"], cache_dir=tmp_path, disk=False)
    assert not (tmp_path / "embeddings").exists()


def test_it_reads_the_cache_directory_from_the_settings(tmp_path, monkeypatch):
    from searchlight.config import get_settings

    monkeypatch.setenv("SEARCHLIGHT_CACHE_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        assert cache.default_cache_dir() == tmp_path
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
