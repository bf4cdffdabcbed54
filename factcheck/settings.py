"""YAML settings from `configs/`, with documented defaults in the files themselves."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from factcheck.resources import configs_dir


class ConfigError(ValueError):
    """A settings file is missing or malformed."""


def load_config(name: str, path: str | Path | None = None) -> dict[str, Any]:
    """Load `configs/<name>.yaml`, or the file given by `path`."""
    file = Path(path) if path else configs_dir() / f"{name}.yaml"
    if not file.is_file():
        raise ConfigError(f"settings file not found: {file}")
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"settings file {file} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"settings file {file} must hold a mapping")
    return data


def merged(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of `base` with `overrides` applied key by key (None values ignored)."""
    out = copy.deepcopy(base)
    for key, value in overrides.items():
        if value is None:
            continue
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merged(out[key], value)
        else:
            out[key] = value
    return out
