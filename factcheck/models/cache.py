"""On-disk cache of model outputs: sentence embeddings and NLI probabilities, keyed by the
model's version and a hash of the text, so re-runs and overlapping stories are cheap.

One SQLite file (WAL, so batch worker processes share it); values are float32 arrays.
`CachedEmbedder` and `CachedNLI` wrap the real models behind the same interfaces, so the
pipeline does not know whether a result was computed or remembered.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.errors import FactcheckError
from factcheck.models.nli import NLIModel, ProgressCallback
from factcheck.resources import cache_dir

TABLES = ("embeddings", "nli")
RESULTS_FILE = "results.sqlite"


class CacheError(FactcheckError):
    """The cache file cannot be used."""


def default_cache_path() -> Path:
    return cache_dir() / RESULTS_FILE


def text_key(version: str, *parts: str) -> str:
    digest = hashlib.sha256(version.encode())
    for part in parts:
        digest.update(b"\x00")
        digest.update(part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class ResultCache:
    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else default_cache_path()
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as conn:
                conn.execute("PRAGMA journal_mode = WAL")
                for table in TABLES:
                    conn.execute(
                        f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, value BLOB)"
                    )
        except (OSError, sqlite3.Error) as exc:
            raise CacheError(f"cannot use the cache at {self.path}: {exc}") from exc

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30)
        conn.execute("PRAGMA busy_timeout = 30000")
        return conn

    def get_many(self, table: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        unique = list(dict.fromkeys(keys))
        with self._connect() as conn:
            # SQLite allows a limited number of parameters per statement.
            for start in range(0, len(unique), 500):
                chunk = unique[start : start + 500]
                rows = conn.execute(
                    f"SELECT key, value FROM {table} WHERE key IN ({','.join('?' * len(chunk))})",
                    chunk,
                )
                for key, value in rows:
                    found[key] = np.frombuffer(value, dtype=np.float32)
        with self._lock:
            self.hits += sum(k in found for k in keys)
            self.misses += sum(k not in found for k in keys)
        return found

    def put_many(self, table: str, items: Iterable[tuple[str, np.ndarray]]) -> None:
        rows = [(key, np.asarray(value, dtype=np.float32).tobytes()) for key, value in items]
        if not rows:
            return
        with self._connect() as conn:
            conn.executemany(f"INSERT OR REPLACE INTO {table} (key, value) VALUES (?, ?)", rows)

    def info(self) -> dict[str, Any]:
        entries = {}
        if self.path.is_file():
            with self._connect() as conn:
                for table in TABLES:
                    entries[table] = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        size = sum(
            p.stat().st_size for p in self.path.parent.glob(self.path.name + "*") if p.is_file()
        )
        return {"path": str(self.path), "bytes": size, "entries": entries}

    def clear(self) -> int:
        """Delete every cached result; returns how many there were."""
        with self._connect() as conn:
            count = sum(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES)
            for table in TABLES:
                conn.execute(f"DELETE FROM {table}")
        with self._connect() as conn:
            conn.execute("VACUUM")
        return count


class CachedEmbedder:
    """An `Embedder` whose vectors are remembered per (model version, text)."""

    def __init__(self, embedder: Any, cache: ResultCache, version: str):
        self.embedder, self.cache, self.version = embedder, cache, version

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return self.embedder.encode(texts)
        keys = [text_key(self.version, t) for t in texts]
        found = self.cache.get_many("embeddings", keys)
        missing = [i for i, key in enumerate(keys) if key not in found]
        if missing:
            fresh = self.embedder.encode([texts[i] for i in missing])
            self.cache.put_many(
                "embeddings", ((keys[i], v) for i, v in zip(missing, fresh, strict=True))
            )
            for i, vector in zip(missing, fresh, strict=True):
                found[keys[i]] = np.asarray(vector, dtype=np.float32)
        return np.stack([found[key] for key in keys])


class CachedNLI:
    """An `NLIModel` whose probabilities are remembered per (model version, premise,
    hypothesis). Other attributes pass through to the real model."""

    def __init__(self, model: Any, cache: ResultCache, version: str):
        self.model, self.cache, self.version = model, cache, version

    def __getattr__(self, name: str) -> Any:
        return getattr(self.model, name)

    def predict(
        self,
        premises: Sequence[str],
        hypotheses: Sequence[str],
        batch_size: int | None = None,
        progress: ProgressCallback | None = None,
    ) -> np.ndarray:
        keys = [text_key(self.version, p, h) for p, h in zip(premises, hypotheses, strict=True)]
        found = self.cache.get_many("nli", keys)
        missing = [i for i, key in enumerate(keys) if key not in found]
        if progress and len(keys) > len(missing):
            progress(len(keys) - len(missing))  # answered by the cache
        if missing:
            fresh = self.model.predict(
                [premises[i] for i in missing],
                [hypotheses[i] for i in missing],
                batch_size,
                progress,
            )
            self.cache.put_many("nli", ((keys[i], p) for i, p in zip(missing, fresh, strict=True)))
            for i, probs in zip(missing, fresh, strict=True):
                found[keys[i]] = np.asarray(probs, dtype=np.float32)
        if not keys:
            return np.zeros((0, len(self.model.labels)), dtype=np.float32)
        return np.stack([found[key] for key in keys])

    predict_both = NLIModel.predict_both  # the same pairing, over the cached `predict`
