"""Shared fixtures. Tests use the real shipped model and the real base embeddings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Tests run air-gapped, like users: any attempt to reach a model hub fails loudly.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"


def run_cli(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess:
    """Run `factcheck ARGS` in a fresh process, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or ROOT,
        timeout=600,
    )


@pytest.fixture(scope="session")
def nli_model():
    from factcheck.nli.model import load_nli_model

    return load_nli_model()
