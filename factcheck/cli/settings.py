"""The settings every command reads and the pipeline built from them: the Python API's
(`factcheck.load_settings()`, `factcheck.get_pipeline()`), loaded once per process; a bad
settings file is one line (`ConfigError`)."""

from __future__ import annotations

from factcheck import get_pipeline as pipeline
from factcheck import load_settings as settings

__all__ = ["pipeline", "settings"]
