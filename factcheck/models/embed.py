"""Sentence embeddings behind one small interface: `Embedder.encode(texts) -> unit vectors`."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from factcheck.resources import resolve, set_offline


class Embedder:
    """all-MiniLM-L6-v2 through sentence-transformers, loaded lazily from an offline path."""

    def __init__(self, model: str, batch_size: int = 64):
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
            # The model's own width, so that an empty result still multiplies with others.
            width = self._load().get_sentence_embedding_dimension()
            return np.zeros((0, width), dtype=np.float32)
        return self._load().encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )


_SHARED: dict[str, Embedder] = {}


def get_embedder(model: str, batch_size: int | None = None) -> Embedder:
    """One embedder per model per process; `batch_size` (texts per batch) as configured,
    else the embedder's default. The vectors do not depend on it, only the time."""
    if model not in _SHARED:
        _SHARED[model] = Embedder(model)
    if batch_size:
        _SHARED[model].batch_size = batch_size
    return _SHARED[model]


def embedder_version(model: str) -> str:
    """What an embedder's vectors depend on: the model and the version of its package."""
    from importlib.metadata import PackageNotFoundError, version

    name = model.split(":", 1)[-1].split("/")[0].replace("_", "-")
    try:
        return f"{model}@{version(name)}"
    except PackageNotFoundError:
        return model
