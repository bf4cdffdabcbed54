"""Settings: configs/*.yaml validated into typed sections at start; a missing or misspelt
key is one clear error, never a KeyError in the middle of a comparison."""

from __future__ import annotations

import pytest

import factcheck
from factcheck.resources import configs_dir
from factcheck.settings import CompareSettings, ConfigError, NLISettings, Settings

from .conftest import run_cli


def _copy(tmp_path, name: str, old: str, new: str):
    text = (configs_dir() / f"{name}.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / f"{name}.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_the_shipped_files_hold_every_setting():
    loaded = Settings.load()
    assert loaded.compare.judge.contradict_threshold > loaded.compare.judge.entail_threshold / 2
    assert loaded.nli.serve.model.startswith("models:")
    assert loaded.batch.engine == "local" and loaded.review.server.host == "127.0.0.1"


def test_a_misspelt_key_is_named_with_the_key_it_should_be(tmp_path):
    path = _copy(tmp_path, "compare", "  entail_threshold:", "  entail_treshold:")
    with pytest.raises(ConfigError) as error:
        CompareSettings.load(path)
    message = str(error.value)
    assert "judge.entail_treshold" in message and "did you mean 'entail_threshold'" in message
    assert "\n" not in message


def test_a_missing_key_and_a_wrong_type_are_named(tmp_path):
    text = (configs_dir() / "compare.yaml").read_text(encoding="utf-8")
    missing = tmp_path / "missing.yaml"
    missing.write_text(
        "\n".join(line for line in text.splitlines() if "rewrite_check:" not in line)
    )
    with pytest.raises(ConfigError, match=r"'split\.rewrite_check' is missing"):
        CompareSettings.load(missing)
    wrong = _copy(tmp_path, "compare", "  window: 5", "  window: five")
    with pytest.raises(ConfigError, match=r"'reference\.window'"):
        CompareSettings.load(wrong)


def test_overrides_are_checked_like_the_file():
    with pytest.raises(ConfigError, match=r"unknown setting 'cache\.enabld'"):
        factcheck.get_pipeline({"cache": {"enabld": False}})
    settings = CompareSettings.load().updated({"reference": {"window": 3}})
    assert settings.reference.window == 3 and settings.reference.top_k == 5


def test_the_cli_reports_a_bad_settings_file_in_one_line(tmp_path):
    path = _copy(tmp_path, "nli", "  batch_size: 32", "  batch_sise: 32")
    result = run_cli("train-nli", "--config", str(path), "--run-dir", str(tmp_path / "run"))
    stderr = result.stderr.decode()
    assert result.returncode == 2
    assert stderr.strip().count("\n") == 0, stderr
    assert "unknown setting 'serve.batch_sise'" in stderr
    assert "Traceback" not in stderr
    assert not (tmp_path / "run").exists()


def test_nli_settings_say_what_model_is_served():
    serve = NLISettings.load().serve
    assert serve.backend in ("auto", "torch", "torch-int8", "onnx", "onnx-int8")
