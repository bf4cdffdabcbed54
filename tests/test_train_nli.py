"""One tiny real training run: a few steps on a few dozen pairs, saved and reloaded."""

import json

import pytest

from factcheck.models.calibration import expected_calibration_error, fit_temperature
from factcheck.models.checkpoint import read_meta
from factcheck.models.nli import TorchNLIModel, softmax
from factcheck.settings import NLISettings
from factcheck.training.train import Trainer

from .conftest import FIXTURES, run_cli

CALIBRATION = NLISettings.load().calibration

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
    record = Trainer(tiny_settings, CALIBRATION, tmp_path, logs.append).run(progress=False)
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
    Trainer(settings, CALIBRATION, tmp_path, lambda _m: None).run(progress=False)
    steps_before = read_meta(tmp_path / "model")["training"]["steps"]
    more = settings.updated({"epochs": 2})
    logs: list[str] = []
    record = Trainer(more, CALIBRATION, tmp_path, logs.append).run(resume=True, progress=False)
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
    Trainer(settings, CALIBRATION, tmp_path, lambda _m: None).run(progress=False)
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
    for objective in ("ece", "nll"):
        fit = CALIBRATION.updated({"objective": objective})
        assert fit_temperature(logits * 4, labels, fit) > 2.0


def test_ece_objective_fits_the_hard_pairs_that_easy_ones_hide_from_nll():
    """A calibration split of many easy pairs (near copies) and fewer hard ones: the
    negative log-likelihood is pulled towards the easy pairs' sharp logits, while the
    temperature fitted on ECE leaves the split with a lower calibration error."""
    import numpy as np

    rng = np.random.default_rng(1)
    hard_labels = rng.integers(0, 3, 600)
    hard = rng.normal(0, 1, (600, 3))
    hard[np.arange(600), hard_labels] += 1.2
    easy_labels = rng.integers(0, 3, 400)
    easy = rng.normal(0, 0.3, (400, 3))
    easy[np.arange(400), easy_labels] += 3.0
    easy[:12, :] = easy[:12, ::-1]  # a few confident mistakes
    logits = np.vstack([hard * 2.5, easy * 2.5])
    labels = np.concatenate([hard_labels, easy_labels])
    by_ece = fit_temperature(logits, labels, CALIBRATION.updated({"objective": "ece"}))
    by_nll = fit_temperature(logits, labels, CALIBRATION.updated({"objective": "nll"}))
    bins = CALIBRATION.bins
    error = {
        t: expected_calibration_error(softmax(logits / t), labels, bins) for t in (by_ece, by_nll)
    }
    assert by_ece != by_nll and error[by_ece] < error[by_nll]


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


def test_cli_errors_for_bad_device_and_missing_splits(tmp_path):
    result = run_cli("train-nli", "--device", "gpu", "--run-dir", str(tmp_path / "run"))
    assert result.returncode != 0 and b"--device must be" in result.stderr
    result = run_cli("train-nli", "--splits", str(tmp_path), "--run-dir", str(tmp_path / "run"))
    assert result.returncode != 0 and b"no data splits in" in result.stderr
    assert b"Traceback" not in result.stderr


@pytest.mark.skipif(
    __import__("torch").cuda.is_available(), reason="this machine has the GPU it asks for"
)
def test_asking_for_a_gpu_on_a_machine_without_one_is_a_clear_error(tmp_path):
    result = run_cli("train-nli", "--device", "cuda", "--run-dir", str(tmp_path / "run"))
    assert result.returncode != 0 and b"torch sees no CUDA GPU" in result.stderr
    assert b"Traceback" not in result.stderr


@pytest.fixture(scope="module")
def tiny_runs(tmp_path_factory, tiny_settings):
    """Three tiny runs: two from the same seed on the same splits (learning rates differ),
    the second reading the first's splits through `splits_from`; one from another seed."""
    root = tmp_path_factory.mktemp("runs")
    quiet = lambda _m: None  # noqa: E731
    Trainer(tiny_settings, CALIBRATION, root / "a", quiet).run(progress=False)
    faster = tiny_settings.updated({"learning_rate": 1e-4})
    Trainer(faster, CALIBRATION, root / "b", quiet, splits_from=root / "a" / "data").run(
        progress=False
    )
    other = tiny_settings.updated({"seed": 14})
    Trainer(other, CALIBRATION, root / "c", quiet, splits_from=root / "a" / "data").run(
        progress=False
    )
    return root


def test_a_run_given_earlier_splits_trains_on_them_as_they_are(tiny_runs):
    for name in ("train.jsonl", "validation.jsonl", "calibration.jsonl"):
        first = (tiny_runs / "a" / "data" / name).read_bytes()
        assert (tiny_runs / "b" / "data" / name).read_bytes() == first
        assert first or name == "calibration.jsonl"  # the tiny pools leave none for it
    assert read_meta(tiny_runs / "b" / "model")["training"]["settings"]["learning_rate"] == 1e-4


def test_averaging_two_runs_gives_the_mean_of_their_weights(tmp_path, tiny_runs):
    from safetensors.torch import load_file

    from factcheck.training.data import read_jsonl
    from factcheck.training.soup import average_models

    members = [tiny_runs / "a" / "model", tiny_runs / "b" / "model"]
    calibration = read_jsonl(tiny_runs / "a" / "data" / "calibration.jsonl")
    meta = average_models(members, tmp_path / "soup", calibration, fit=CALIBRATION)
    a, b, soup = (load_file(str(f / "weights.safetensors")) for f in [*members, tmp_path / "soup"])
    key = "classifier.weight"
    assert not (a[key] == b[key]).all()
    assert (soup[key].float() - (a[key].float() + b[key].float()) / 2).abs().max() < 1e-3
    assert len(meta["training"]["averaged_from"]) == 2 and meta["temperature"] > 0
    probs = TorchNLIModel(tmp_path / "soup", **SIZES).predict(["A man cooks."], ["A man eats."])
    assert probs.shape == (1, 3) and abs(float(probs.sum()) - 1) < 1e-4


def test_averaging_reads_the_architecture_not_the_transformers_release(tmp_path, tiny_runs):
    import json
    import shutil

    from factcheck.training.soup import SoupError, average_models

    other = tmp_path / "b"
    shutil.copytree(tiny_runs / "b" / "model", other)
    config = json.loads((other / "config.json").read_text())
    (other / "config.json").write_text(json.dumps(config | {"transformers_version": "0.0.1"}))
    members = [tiny_runs / "a" / "model", other]
    assert average_models(members, tmp_path / "soup")["temperature"] > 0
    (other / "config.json").write_text(json.dumps(config | {"num_hidden_layers": 3}))
    with pytest.raises(SoupError, match="another base or architecture"):
        average_models(members, tmp_path / "soup2")


def test_a_model_averaged_with_itself_judges_as_before(tmp_path):
    from factcheck.resources import resolve

    shipped = resolve("models:nli-minilm-l6")
    result = run_cli("average-nli", str(shipped), str(shipped), "--export", str(tmp_path / "m"))
    assert result.returncode == 0, result.stderr
    premises = ["Thousands of troops marched.", "The bridge reopened on Saturday."]
    hypotheses = ["Tens of thousands of troops marched.", "The bridge reopened."]
    before = TorchNLIModel(shipped, **SIZES).predict(premises, hypotheses)
    after = TorchNLIModel(tmp_path / "m", **SIZES).predict(premises, hypotheses)
    assert abs(after - before).max() < 1e-3


def test_average_nli_refuses_runs_from_other_seeds_and_keeps_the_export(tmp_path, tiny_runs):
    export = tmp_path / "model"
    export.mkdir()
    (export / "keep.txt").write_text("mine")
    members = [str(tiny_runs / "a" / "model"), str(tiny_runs / "c" / "model")]
    result = run_cli("average-nli", *members, "--export", str(export), "--force")
    assert result.returncode != 0 and b"only runs from the same start" in result.stderr
    assert b"Traceback" not in result.stderr
    assert (export / "keep.txt").read_text() == "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["model"]  # no staging folder left
    result = run_cli("average-nli", members[0], members[0], "--export", str(export))
    assert result.returncode != 0 and b"add --force" in result.stderr
    result = run_cli("average-nli", members[0], str(tmp_path / "nope"), "--export", "x")
    assert result.returncode != 0 and b"no such model folder" in result.stderr


def test_continuations_of_one_model_average_whatever_their_seeds(
    tmp_path, tiny_runs, tiny_settings
):
    """Runs that continue one trained model start from its weights: their seeds only order
    the pairs, so they average; a continuation of a run from another seed does not."""
    from factcheck.training.soup import SoupError, average_models

    quiet = lambda _m: None  # noqa: E731
    splits = tiny_runs / "a" / "data"
    for name, init, seed in (("x", "a", 14), ("y", "a", 15), ("z", "c", 15)):
        settings = tiny_settings.updated({"init": str(tiny_runs / init / "model"), "seed": seed})
        Trainer(settings, CALIBRATION, tmp_path / name, quiet, splits_from=splits).run(
            progress=False
        )
    meta = average_models([tmp_path / "x" / "model", tmp_path / "y" / "model"], tmp_path / "xy")
    assert [run["settings"]["seed"] for run in meta["training"]["averaged_from"]] == [14, 15]
    with pytest.raises(SoupError, match="seed 13 and seed 14 at their roots"):
        average_models([tmp_path / "z" / "model", tmp_path / "x" / "model"], tmp_path / "zx")


def test_the_card_reproduces_an_average_from_its_record(tmp_path, tiny_runs):
    from factcheck.training.card import describe_lineage, reproduce_commands
    from factcheck.training.soup import average_models

    members = [tiny_runs / "a" / "model", tiny_runs / "b" / "model"]
    training = average_models(members, tmp_path / "soup", weights=[3, 1])["training"]
    commands = reproduce_commands(training, NLISettings.load().train.model_dump())
    assert len(commands) == 3 and "--splits" not in commands[0]
    assert "--splits runs/nli-1/data" in commands[1] and "--learning-rate 0.0001" in commands[1]
    assert commands[2].startswith("factcheck average-nli runs/nli-1/model runs/nli-2/model")
    assert "--weight 0.7500 --weight 0.2500" in commands[2]
    lineage = describe_lineage(training)
    assert "(1) " in lineage and "(2) " in lineage and "on CPU from the base" in lineage
    assert "average (`factcheck average-nli`) of runs 1 (weight 0.75), 2 (weight 0.25)" in lineage


def test_the_card_reproduces_an_average_of_a_run_and_its_continuation(
    tmp_path, tiny_runs, tiny_settings
):
    """The served model is an average of a run and the run that continued it: the card
    gives each run once, the continuation starting from the run before."""
    from factcheck.training.card import describe_lineage, reproduce_commands
    from factcheck.training.soup import average_models

    first = tiny_runs / "a"
    later = tiny_settings.updated({"init": str(first / "model"), "learning_rate": 1e-5})
    Trainer(later, CALIBRATION, tmp_path / "d", lambda _m: None, splits_from=first / "data").run(
        progress=False
    )
    members = [first / "model", tmp_path / "d" / "model"]
    training = average_models(members, tmp_path / "soup")["training"]
    commands = reproduce_commands(training, NLISettings.load().train.model_dump())
    assert len(commands) == 3 and "--init" not in commands[0]
    assert "--init runs/nli-1/model --splits runs/nli-1/data" in commands[1]
    assert commands[2].startswith("factcheck average-nli runs/nli-1/model runs/nli-2/model")
    lineage = describe_lineage(training)
    assert "continuing run 1" in lineage and "runs 1 (weight 0.50), 2 (weight 0.50)" in lineage


def test_the_card_names_a_run_s_rule_weights_whole():
    """synthetic.weights is a mapping like pool_limits: the card gives its value, and does
    not read it as a setting the run lacked."""
    from factcheck.training.card import setting_differences

    defaults = NLISettings.load().train.model_dump()
    synthetic = {**defaults["synthetic"], "weights": {"synonym": 4.0}}
    run = {"settings": {**defaults, "synthetic": synthetic}}
    assert setting_differences(run, defaults) == ["synthetic.weights: {'synonym': 4.0}"]


def test_the_card_reproduces_a_continuation_of_the_served_model(tmp_path, tiny_settings):
    """A run continuing the served model, whose first runs predate the trainer's record of
    its device: their known commands first, then the run itself from what they export."""
    from factcheck.training.card import REPRODUCE, reproduce_commands

    later = tiny_settings.updated({"init": "models:nli-minilm-l6"})
    record = Trainer(later, CALIBRATION, tmp_path, lambda _m: None).run(progress=False)
    commands = reproduce_commands(record["training"], NLISettings.load().train.model_dump())
    assert commands[:3] == REPRODUCE and len(commands) == 4
    assert (
        "--init models:nli-minilm-l6" in commands[3]
        and "--export models/nli-minilm-l6" in commands[3]
    )
    # The tiny run's pools and data settings differ from configs/nli.yaml: the comment says so.
    assert "# configs/nli.yaml with" in commands[3] and "passages.enabled: False" in commands[3]
