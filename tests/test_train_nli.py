"""One tiny real training run: a few steps on a few dozen pairs, saved and reloaded."""

import json

import pytest

from factcheck.models.checkpoint import read_meta
from factcheck.models.nli import TorchNLIModel
from factcheck.settings import NLISettings
from factcheck.training.train import Trainer, fit_temperature

from .conftest import FIXTURES, run_cli

SERVE = NLISettings.load().serve
SIZES = {"max_length": SERVE.max_length, "batch_size": SERVE.batch_size}


@pytest.fixture(scope="module")
def tiny_settings():
    return NLISettings.load().train.updated(
        {
            "pools": [str(FIXTURES / "tiny_nli.jsonl"), str(FIXTURES / "tiny_nli_2way.jsonl")],
            "synthetic": {"enabled": False},
            "passages": {"enabled": False},
            "init": "",
            "validation": {"fraction": 0.3, "fraction_by_source": {}},
            "batch_size": 8,
            "epochs": 1,
            "eval_every_steps": 2,
            "eval_max_pairs": 16,
            "time_budget_minutes": 5,
        },
    )


def test_tiny_training_run_saves_a_model_that_reloads(tmp_path, tiny_settings):
    logs: list[str] = []
    record = Trainer(tiny_settings, tmp_path, logs.append).run(progress=False)
    model_dir = tmp_path / "model"
    assert (model_dir / "weights.safetensors").is_file() and (model_dir / "config.json").is_file()
    meta = read_meta(model_dir)
    assert meta["labels"] == ["entailment", "neutral", "contradiction"]
    assert record["training"]["steps"] >= 2 and meta["temperature"] > 0
    assert any("validation accuracy" in line for line in logs)
    # Only the weights that differ from the base are stored: no word embeddings.
    from safetensors import safe_open

    with safe_open(str(model_dir / "weights.safetensors"), "pt") as handle:
        stored = list(handle.keys())
    assert stored and not any("word_embeddings" in key for key in stored)
    model = TorchNLIModel(model_dir, **SIZES)
    probs = model.predict(["A man is cooking dinner."], ["A man is preparing food."])
    assert probs.shape == (1, 3)
    splits = json.loads((tmp_path / "data" / "stats.json").read_text())
    assert splits["train_by_pool"]["tiny_nli_2way"] >= 1


def test_resume_continues_from_the_checkpoint(tmp_path, tiny_settings):
    settings = tiny_settings.updated({"epochs": 1})
    Trainer(settings, tmp_path, lambda _m: None).run(progress=False)
    steps_before = read_meta(tmp_path / "model")["training"]["steps"]
    more = settings.updated({"epochs": 2})
    logs: list[str] = []
    record = Trainer(more, tmp_path, logs.append).run(resume=True, progress=False)
    assert any(line.startswith("resumed at step") for line in logs)
    assert record["training"]["steps"] > steps_before


def test_fine_tuning_starts_from_the_given_model(tmp_path, tiny_settings):
    """--init continues from a trained model: with a learning rate too small to move any
    weight, the run's model judges pairs as the shipped one does (a fresh head would not)."""
    from factcheck.models.nli import TorchNLIModel as Model
    from factcheck.resources import resolve

    settings = tiny_settings.updated(
        {"init": "models:nli-minilm-l6", "learning_rate": 1e-12, "max_steps": 1}
    )
    Trainer(settings, tmp_path, lambda _m: None).run(progress=False)
    premises = ["Thousands of troops marched.", "The bridge reopened on Saturday."]
    hypotheses = ["Tens of thousands of troops marched.", "The bridge reopened."]
    tuned = Model(tmp_path / "model", **SIZES).predict_logits(premises, hypotheses)
    shipped = Model(resolve("models:nli-minilm-l6"), **SIZES).predict_logits(premises, hypotheses)
    assert abs(tuned - shipped).max() < 1e-2


def test_same_seed_same_split(tmp_path, tiny_settings):
    from factcheck.training.train import build_splits

    first, second = (
        build_splits(tiny_settings, lambda _m: None),
        build_splits(tiny_settings, lambda _m: None),
    )
    assert first.train == second.train and first.validation == second.validation


def test_temperature_fit_softens_overconfident_logits():
    import numpy as np

    rng = np.random.default_rng(0)
    labels = rng.integers(0, 3, 500)
    logits = rng.normal(0, 1, (500, 3))
    logits[np.arange(500), labels] += 1.0
    assert fit_temperature(logits * 4, labels) > 2.0


def test_cli_errors_for_missing_pool_and_bad_resume(tmp_path):
    result = run_cli(
        "train-nli", str(tmp_path / "missing.jsonl"), "--run-dir", str(tmp_path / "run")
    )
    assert (
        result.returncode != 0
        and b"not found" in result.stderr
        and b"Traceback" not in result.stderr
    )
    result = run_cli("train-nli", "--resume", "--run-dir", str(tmp_path / "empty"))
    assert result.returncode != 0 and b"nothing to resume" in result.stderr
