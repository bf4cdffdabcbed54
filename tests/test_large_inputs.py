"""Long inputs (first-hour issue, point 4): the size limit is in --help, alignment takes the
similarity matrix a block of rows at a time with the same result as all at once, and a
comparison reports its progress while it judges."""

from __future__ import annotations

import numpy as np
from typer.testing import CliRunner

import factcheck.pipeline.align as align
from factcheck import get_pipeline
from factcheck.cli import app
from factcheck.pipeline.pipeline import Stage
from factcheck.schema import Claim

from .conftest import ROOT


def test_the_size_limit_is_in_compare_help():
    result = CliRunner().invoke(app, ["compare", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "5 MB" in result.output


def _pairs(block: int, monkeypatch) -> dict:
    monkeypatch.setattr(align, "BLOCK", block)
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(40, 16))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    claims = [
        Claim(f"{'a' if i < 25 else 'b'}:{i}", "a" if i < 25 else "b", f"c{i}", 0, 1, i)
        for i in range(40)
    ]
    keys = [set() for _ in range(40)]
    closest: dict = {}
    return align._nearest_pairs(
        vectors, range(25), range(25, 40), keys, 3, -1.0, -1.0, closest, claims
    )


def test_alignment_in_blocks_finds_the_same_pairs(monkeypatch):
    whole = _pairs(10_000, monkeypatch)
    blocks = _pairs(4, monkeypatch)
    assert whole and blocks.keys() == whole.keys()
    # The same similarities, up to the last bits of a matrix product taken in pieces.
    assert all(abs(blocks[pair] - whole[pair]) < 1e-9 for pair in whole)


def test_a_comparison_reports_its_progress():
    progress: list[tuple[Stage, float]] = []
    examples = ROOT / "examples"
    get_pipeline().compare(
        [examples / "bridge_a.txt", examples / "bridge_b.txt"],
        progress=lambda stage, share: progress.append((stage, share)),
    )
    judging = [share for stage, share in progress if stage is Stage.JUDGING]
    assert len(judging) > 1 and judging[-1] == 1.0, progress
    assert judging == sorted(judging)
