"""Weight averaging of trained NLI models (a "uniform model soup", Wortsman et al., ICML 2022).

Runs that start from the same weights (same base, same seed, so the same fresh head) and read
the same pairs in the same order, with different learning rates, end in one basin: their
average judges as well as the best of them, with less of the run-to-run noise a 6-layer model
shows on small capabilities (reports/nli.md). Runs from the base with different seeds do not
share a basin (each draws its own head), and their average is not a model; runs that continue
one trained model share its weights as their start whatever their seeds. `average_models`
refuses members whose base, architecture or start differ.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.errors import FactcheckError
from factcheck.models.checkpoint import (
    META_FILE,
    WEIGHTS_FILE,
    build_torch_classifier,
    load_tokenizer,
    read_meta,
)
from factcheck.settings import CalibrationSettings
from factcheck.training.data import NLIPair
from factcheck.training.train import calibrated_temperature


class SoupError(FactcheckError):
    """Models that cannot be averaged into one."""


def run_key(record: dict[str, Any]) -> str:
    """A training run's identity: its whole record (one run reached by two paths is one run)."""
    return json.dumps(record, sort_keys=True)


def leaf_runs(training: dict[str, Any], weight: float = 1.0) -> list[tuple[dict[str, Any], float]]:
    """The training runs a model is made of, each with its share: the model's own record,
    or an average's runs (an average of averages shares out its members' weights)."""
    if "averaged_from" not in training:
        return [(training, weight)]
    members = training["averaged_from"]
    weights = training.get("weights") or [1.0] * len(members)
    total = sum(weights)
    found: dict[str, tuple[dict[str, Any], float]] = {}
    for member, share in zip(members, weights, strict=True):
        for run, leaf_weight in leaf_runs(member, weight * share / total):
            key = run_key(run)
            previous = found.get(key, (run, 0.0))[1]
            found[key] = (run, previous + leaf_weight)
    return list(found.values())


def _start_of(training: dict[str, Any]) -> str:
    """Where a model's lineage began (an average's: its first run's): the seed of the run
    from the base at its root, whose fresh head that seed drew. Runs that continue one
    trained model, or one another, share that start whatever their own seeds (which then
    only order the pairs and draw the dropout)."""
    root = leaf_runs(training)[0][0]
    while "continued_from" in root:
        origin = root["continued_from"]
        if not origin.get("training"):
            return f"model {origin.get('model')}"
        root = leaf_runs(origin["training"])[0][0]
    return f"seed {root.get('settings', {}).get('seed')}"


def average_models(
    folders: Sequence[Path],
    destination: Path,
    calibration: Sequence[NLIPair] = (),
    weights: Sequence[float] | None = None,
    fit: CalibrationSettings | None = None,
) -> dict[str, Any]:
    """Average the models in `folders` (weighted by `weights`, uniform by default) into
    `destination`, with its temperature fitted as `fit` says on `calibration` (3-way pairs
    held out from training) or, without them, the members' mean. Returns the new model's
    metadata."""
    from safetensors.torch import load_file, save_file

    if len(folders) < 2:
        raise SoupError("averaging needs at least two models")
    weights = list(weights) if weights is not None else [1.0] * len(folders)
    if len(weights) != len(folders) or min(weights) <= 0:
        raise SoupError("give one positive weight per model")
    if calibration and fit is None:
        raise SoupError("fitting a temperature on calibration pairs needs its settings")
    metas = [read_meta(folder) for folder in folders]
    # The architecture, not the transformers release that wrote the file (a run on a lent
    # GPU machine may have another).
    configs = [
        {
            k: v
            for k, v in json.loads((folder / "config.json").read_text()).items()
            if k != "transformers_version"
        }
        for folder in folders
    ]
    for folder, meta, config in zip(folders[1:], metas[1:], configs[1:], strict=True):
        if meta["base"] != metas[0]["base"] or config != configs[0]:
            raise SoupError(f"{folder} has another base or architecture than {folders[0]}")
        starts = _start_of(meta["training"]), _start_of(metas[0]["training"])
        if starts[0] != starts[1]:
            raise SoupError(
                f"{folder} and {folders[0]} start from different weights ({starts[0]} and "
                f"{starts[1]} at their roots): only runs from the same start average into one model"
            )
    states = [load_file(str(folder / WEIGHTS_FILE)) for folder in folders]
    if any(state.keys() != states[0].keys() for state in states):
        raise SoupError("the models store different weights")
    total = sum(weights)
    averaged = {
        key: (sum(w * s[key].float() for w, s in zip(weights, states, strict=True)) / total)
        .to(states[0][key].dtype)
        .contiguous()
        for key in states[0]
    }
    destination.mkdir(parents=True, exist_ok=True)
    save_file(averaged, str(destination / WEIGHTS_FILE))
    (destination / "config.json").write_text(json.dumps(configs[0], indent=2) + "\n")
    meta = {key: value for key, value in metas[0].items() if key != "training"}
    members = [m["training"] for m in metas]
    meta["training"] = {
        "averaged_from": members,
        "weights": weights,
        "data": members[0].get("data"),
        "minutes": round(sum(r.get("minutes", 0) for r in members), 1),
        "steps": sum(r.get("steps", 0) for r in members),
        "stop_reason": f"average of {len(members)} models",
    }
    fitted = None
    if calibration:
        model = build_torch_classifier(destination, meta)
        max_length = meta.get("max_length", 128)
        fitted = calibrated_temperature(model, load_tokenizer(meta), calibration, max_length, fit)
    meta["temperature"] = fitted or float(np.mean([m["temperature"] for m in metas]))
    if fitted and fit is not None:
        meta["temperature_objective"] = fit.objective
    else:
        meta.pop("temperature_objective", None)  # the members' mean: fitted by none
    (destination / META_FILE).write_text(json.dumps(meta, indent=2) + "\n")
    return meta
