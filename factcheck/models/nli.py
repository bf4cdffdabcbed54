"""The NLI model behind one small interface: `NLIModel.predict(premises, hypotheses)`.

A shipped model is a folder:
- `config.json`: the transformers config of a BERT sequence classifier (3 labels);
- `weights.safetensors`: the weights that differ from the base model, in fp16 (the word
  embeddings are frozen in training and come from the installed base package);
- `factcheck.json`: base model, label order, temperature, backend and training record.
Loading never touches the network.
"""

from __future__ import annotations

import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

import numpy as np

from factcheck.files import atomic_path
from factcheck.models.checkpoint import (
    META_FILE,
    ModelLoadError,
    build_torch_classifier,
    load_tokenizer,
    quantize_int8,
    read_meta,
    weights_digest,
)
from factcheck.models.export import export_onnx
from factcheck.resources import cache_dir, resolve
from factcheck.settings import Backend, ServeSettings

# The order of the probabilities every NLI model returns.
LABELS: tuple[str, str, str] = ("entailment", "neutral", "contradiction")

BACKENDS: tuple[str, ...] = get_args(Backend)


@dataclass
class NLIResult:
    label: str
    probs: dict[str, float]

    @classmethod
    def from_row(cls, row: np.ndarray) -> NLIResult:
        return cls(
            LABELS[int(row.argmax())], {k: float(v) for k, v in zip(LABELS, row, strict=True)}
        )


ProgressCallback = Callable[[int], None]


class NLIModel(ABC):
    """Labels premise/hypothesis pairs; probabilities in the order of `LABELS`."""

    labels: tuple[str, ...] = LABELS
    name: str = "nli"
    version: str = ""  # set by load_nli_model: weights digest, backend, length, temperature

    def __init__(
        self,
        *,
        max_length: int,
        batch_size: int,
        batch_tokens: int = 0,
        temperature: float = 1.0,
    ):
        """`max_length`, `batch_size` and `batch_tokens` as configs/nli.yaml's `serve` gives
        them; the temperature is the model's own (its factcheck.json)."""
        self.max_length = max_length
        self.batch_size = batch_size
        self.batch_tokens = batch_tokens
        self.temperature = temperature

    tokenizer: Any  # a transformers tokenizer of the model's base

    @abstractmethod
    def _logits(self, features: dict[str, list[list[int]]]) -> np.ndarray:
        """Raw logits for one batch of tokenized pairs (unpadded token id lists)."""

    def _batches(self, lengths: Sequence[int], batch_size: int) -> list[np.ndarray]:
        """Indices of the pairs in batches, shortest pairs first.

        Pairs are batched by token length (sorted, then restored by the caller) so that a
        batch pads only to its own longest pair, and a batch holds at most `batch_tokens`
        tokens, padding included: on CPU a batch that fits the cache beats a bigger one
        (timed in one process against batches of 32 pairs whatever their length, each taken
        in turn: 800 MNLI pairs 5.44 -> 4.16 s, the seed pair's NLI calls 3.29 -> 3.01 s;
        commit bc91e0c).
        """
        order = np.argsort(lengths, kind="stable")
        budget = self.batch_tokens or None
        batches, start = [], 0
        while start < len(order):
            end = start + 1
            while (
                end < len(order)
                and end - start < batch_size
                and (budget is None or (end - start + 1) * lengths[order[end]] <= budget)
            ):
                end += 1
            batches.append(order[start:end])
            start = end
        return batches

    def predict_logits(
        self,
        premises: Sequence[str],
        hypotheses: Sequence[str],
        batch_size: int | None = None,
        progress: ProgressCallback | None = None,
    ) -> np.ndarray:
        """Uncalibrated logits, (n, 3), in input order; `batch_size` pairs at most a batch
        (the configured one by default), within the configured `batch_tokens`."""
        if len(premises) != len(hypotheses):
            raise ValueError("premises and hypotheses differ in number")
        out = np.zeros((len(premises), len(self.labels)), dtype=np.float32)
        if not premises:
            return out
        encoded = self.tokenizer(
            list(premises), list(hypotheses), truncation=True, max_length=self.max_length
        )
        lengths = [len(ids) for ids in encoded["input_ids"]]
        for index in self._batches(lengths, batch_size or self.batch_size):
            out[index] = self._logits({k: [v[i] for i in index] for k, v in encoded.items()})
            if progress:
                progress(len(index))
        return out

    def predict(
        self,
        premises: Sequence[str],
        hypotheses: Sequence[str],
        batch_size: int | None = None,
        progress: ProgressCallback | None = None,
    ) -> np.ndarray:
        """Calibrated probabilities, (n, 3), in the order of `labels`."""
        logits = self.predict_logits(premises, hypotheses, batch_size, progress)
        return softmax(logits / self.temperature)

    def predict_both(
        self,
        a: Sequence[str],
        b: Sequence[str],
        batch_size: int | None = None,
        progress: ProgressCallback | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Both directions in one batched call: (a ⊨ b probabilities, b ⊨ a probabilities);
        `progress` hears how many of the 2 × len(a) predictions are done, batch by batch."""
        probs = self.predict([*a, *b], [*b, *a], batch_size, progress)
        return probs[: len(a)], probs[len(a) :]

    def classify(self, premise: str, hypothesis: str) -> NLIResult:
        return NLIResult.from_row(self.predict([premise], [hypothesis])[0])


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=-1, keepdims=True)


class TorchNLIModel(NLIModel):
    """PyTorch backend; `quantize=True` makes the Linear layers dynamic int8."""

    def __init__(self, folder: Path, quantize: bool = False, threads: int = 0, **kwargs: Any):
        import torch

        meta = read_meta(folder)
        super().__init__(temperature=meta.get("temperature", 1.0), **kwargs)
        if threads:
            torch.set_num_threads(threads)
        self.meta = meta
        self.tokenizer = load_tokenizer(meta)
        self.model = build_torch_classifier(folder, meta)
        if quantize:
            self.model = quantize_int8(self.model)
        self.name = f"torch-{'int8' if quantize else 'fp32'}"

    def _logits(self, features: dict[str, list[list[int]]]) -> np.ndarray:
        import torch

        batch = self.tokenizer.pad(features, return_tensors="pt")
        with torch.inference_mode():
            return self.model(**batch).logits.float().numpy()


def cached_onnx(folder: Path, quantize: bool = False) -> Path:
    """The ONNX graph (fp32, or int8) of a model folder, exported on first use, cached.

    It is derived from the shipped weights rather than shipped itself: both together would
    pass the 50 MiB the repository allows for models, and the export takes seconds, once.
    """
    digest = weights_digest(folder)
    path = cache_dir() / "onnx" / f"{digest}.model.{'int8' if quantize else 'fp32'}.onnx"
    if not path.is_file():
        # Atomic: concurrent first uses never see half a graph.
        with atomic_path(path) as scratch:
            export_onnx(folder, scratch, quantize=quantize)
    return path


class OnnxNLIModel(NLIModel):
    """ONNX Runtime backend over an exported (optionally int8) graph."""

    def __init__(
        self,
        folder: Path,
        onnx_path: Path | None = None,
        threads: int = 0,
        quantize: bool = False,
        **kwargs: Any,
    ):
        import onnxruntime as ort

        meta = read_meta(folder)
        super().__init__(temperature=meta.get("temperature", 1.0), **kwargs)
        path = onnx_path or cached_onnx(folder, quantize)
        if not path.is_file():
            raise ModelLoadError(f"no ONNX graph at {path}")
        options = ort.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
        self.meta = meta
        self.tokenizer = load_tokenizer(meta)
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.input_names = {i.name for i in self.session.get_inputs()}
        self.name = "onnx-int8" if quantize else "onnx"

    def _logits(self, features: dict[str, list[list[int]]]) -> np.ndarray:
        batch = self.tokenizer.pad(features, return_tensors="np")
        feeds = {k: v.astype(np.int64) for k, v in batch.items() if k in self.input_names}
        return self.session.run(None, feeds)[0].astype(np.float32)


def make_backend(folder: Path, backend: str, **kwargs: Any) -> NLIModel:
    """A fresh model of the given backend (see `BACKENDS`)."""
    quantize = backend.endswith("-int8")
    if backend.startswith("onnx"):
        return OnnxNLIModel(folder, quantize=quantize, **kwargs)
    return TorchNLIModel(folder, quantize=quantize, **kwargs)


_CACHE: dict[tuple, NLIModel] = {}
_LOCK = threading.Lock()


def load_nli_model(
    serve: ServeSettings, model: str | Path | None = None, backend: str | None = None
) -> NLIModel:
    """The NLI model `serve` names (configs/nli.yaml), or the folder `model`, with `backend`
    instead of the configured one; loaded once per process and shared."""
    folder = resolve(model or serve.model)
    if not (folder / META_FILE).is_file():
        raise ModelLoadError(f"no NLI model at {folder}: train one with `factcheck train-nli`")
    meta = read_meta(folder)
    choice = backend or serve.backend
    if choice == "auto":
        choice = meta.get("backend", "torch")
    key = (str(folder), choice, serve.max_length, serve.batch_size, serve.batch_tokens)
    with _LOCK:
        if key not in _CACHE:
            if choice not in BACKENDS:
                raise ModelLoadError(f"unknown NLI backend '{choice}' ({', '.join(BACKENDS)})")
            loaded = make_backend(
                folder,
                choice,
                max_length=serve.max_length,
                batch_size=serve.batch_size,
                batch_tokens=serve.batch_tokens,
                threads=serve.threads,
            )
            # What its outputs depend on, for caches of its results.
            loaded.version = (
                f"{weights_digest(folder)}:{choice}:{serve.max_length}:{loaded.temperature}"
            )
            _CACHE[key] = loaded
        return _CACHE[key]


def time_throughput(
    model: NLIModel, premises: Sequence[str], hypotheses: Sequence[str], batch_size: int
) -> float:
    """Pairs per second for the given pairs at a batch size, after one warm-up batch."""
    model.predict_logits(premises[:batch_size], hypotheses[:batch_size], batch_size)
    start = time.perf_counter()
    model.predict_logits(premises, hypotheses, batch_size)
    return len(premises) / (time.perf_counter() - start)
