"""A shipped model folder: its metadata and its weights built into a torch classifier
(what serving, ONNX export and training all start from). Imports nothing of factcheck but
`resources`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.resources import resolve, set_offline

META_FILE = "factcheck.json"
WEIGHTS_FILE = "weights.safetensors"


class ModelLoadError(FactcheckError):
    """A model folder is missing or incomplete."""


def read_meta(folder: Path) -> dict[str, Any]:
    meta_path = folder / META_FILE
    if not meta_path.is_file():
        raise ModelLoadError(f"not an NLI model folder (no {META_FILE}): {folder}")
    return json.loads(meta_path.read_text(encoding="utf-8"))


def build_torch_classifier(folder: Path, meta: dict[str, Any] | None = None):
    """A transformers BERT classifier with the base weights under the shipped delta."""
    set_offline()
    from safetensors.torch import load_file
    from transformers import AutoConfig, AutoModelForSequenceClassification

    meta = meta or read_meta(folder)
    base = resolve(meta["base"])
    config = AutoConfig.from_pretrained(folder)
    # fp32 whatever dtype the config names: the weights are stored in fp16 to save room,
    # but served and trained in fp32 (ONNX export needs one type throughout).
    model = AutoModelForSequenceClassification.from_config(config).float()
    base_state = load_file(str(base / "model.safetensors"))
    prefix = model.base_model_prefix + "."
    state = {k if k.startswith(prefix) else prefix + k: v for k, v in base_state.items()}
    state.update({k: v.float() for k, v in load_file(str(folder / WEIGHTS_FILE)).items()})
    missing, _unexpected = model.load_state_dict(state, strict=False)
    missing = [k for k in missing if not k.endswith("position_ids")]
    if missing:
        raise ModelLoadError(f"model in {folder} lacks weights: {', '.join(missing[:5])}")
    model.eval()
    return model


def load_tokenizer(meta: dict[str, Any]):
    set_offline()
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(resolve(meta["base"]))


def keeps_fp32(module_name: str) -> bool:
    """Layers left in fp32 by int8 quantisation, chosen by measurement (reports/nli.md): the
    feed-forward down-projections (`layer.N.output.dense`), whose inputs after GELU have the
    widest range, and everything outside the encoder (pooler, head). Quantising them too
    cost 0.8 points of validation accuracy; keeping them costs about a third of the speed-up."""
    if ".encoder." not in f".{module_name}.":
        return True
    return module_name.endswith("output.dense") and ".attention." not in module_name


def quantize_int8(model):
    """Dynamic int8 (per output channel) for the encoder's Linear layers but `keeps_fp32`."""
    import torch
    from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

    chosen = {
        name: per_channel_dynamic_qconfig
        for name, module in model.named_modules()
        if isinstance(module, torch.nn.Linear) and not keeps_fp32(name)
    }
    return quantize_dynamic(model, chosen, dtype=torch.qint8)


def weights_digest(folder: Path) -> str:
    """Identifies a model's weights: the key of everything derived from them."""
    import hashlib

    return hashlib.sha256((folder / WEIGHTS_FILE).read_bytes()).hexdigest()[:16]
