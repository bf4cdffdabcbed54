"""Shared fixtures. Tests use the real shipped model and the real base embeddings."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import factcheck

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Tests run air-gapped, like users: any attempt to reach a model hub fails loudly.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"


def run_cli(
    *args: str,
    stdin: bytes | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess:
    """Run `factcheck ARGS` in a fresh process, as a user would (`env` adds variables)."""
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or ROOT,
        timeout=600,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="session")
def nli_model():
    from factcheck.models.nli import load_nli_model

    return load_nli_model(factcheck.load_settings().nli.serve)


# Debian's chromium, driven by Playwright through executable_path (never its own download).
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOSTILE_MARKUP = "<script>window.pwned = 1</script><img src=x onerror='window.pwned=2'>"


def hostile_text() -> str:
    """The second example article with markup that would run if it were not escaped."""
    text = (ROOT / "examples" / "bridge_b.txt").read_text(encoding="utf-8")
    return text.replace("Paul Okafor", f"Paul {HOSTILE_MARKUP} Okafor")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def bridge_report() -> dict:
    """The report on the bundled example pair, made by the real pipeline."""
    import factcheck

    examples = ROOT / "examples"
    return factcheck.compare([examples / "bridge_a.txt", examples / "bridge_b.txt"]).to_dict()


@pytest.fixture(scope="session")
def hostile_report() -> dict:
    import factcheck

    text_a = (ROOT / "examples" / "bridge_a.txt").read_text(encoding="utf-8")
    return factcheck.compare({"Daily Post": text_a, "Evil Gazette": hostile_text()}).to_dict()


@pytest.fixture
def report_files(tmp_path, bridge_report, hostile_report) -> list[Path]:
    paths = []
    for name, report in (("bridge.json", bridge_report), ("hostile.json", hostile_report)):
        path = tmp_path / name
        path.write_text(json.dumps(report), encoding="utf-8")
        paths.append(path)
    return paths


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
