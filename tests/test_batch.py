"""Batch runs over a manifest (real models): 20+ stories, re-runs that skip unchanged
stories, a broken story recorded in the index, and the ray engine against the local one."""

from __future__ import annotations

import json
import re

import jsonschema
import pandas as pd
import pytest

from factcheck import load_settings
from factcheck.batch import BatchError, read_manifest, run_batch
from factcheck.resources import PACKAGE_DIR

from .conftest import FIXTURES, ROOT, run_cli

SCHEMA = json.loads((PACKAGE_DIR / "schemas" / "report-v1.json").read_text())
BASES = [
    (ROOT / "examples" / "bridge_a.txt", ROOT / "examples" / "bridge_b.txt"),
    (FIXTURES / "ferry_a.txt", FIXTURES / "ferry_b.txt"),
]


def make_stories(folder, count: int) -> list[tuple[str, list]]:
    """`count` distinct stories: the fixture pairs with their numbers changed per story."""
    stories = []
    for index in range(count):
        first, second = BASES[index % len(BASES)]
        paths = []
        for source in (first, second):
            text = source.read_text(encoding="utf-8")
            # A different count in each story, so no two stories are the same.
            text = re.sub(r"\b240\b|\b300\b", str(100 + index), text)
            path = folder / f"story{index:02d}_{source.name}"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        stories.append((f"Story {index:02d}", paths))
    return stories


def write_manifest(path, stories) -> None:
    rows = [
        {"story": name, "source": str(source), "published": "2025-09-07"}
        for name, sources in stories
        for source in sources
    ]
    pd.DataFrame(rows).to_csv(path, index=False)


def test_batch_of_twenty_stories_then_a_rerun_skips_them(tmp_path):
    stories = make_stories(tmp_path, 20)
    stories.append(("Broken story", [FIXTURES / "ferry_a.txt", tmp_path / "missing.txt"]))
    manifest = tmp_path / "stories.csv"
    write_manifest(manifest, stories)
    out = tmp_path / "out"

    first = run_cli("batch", str(manifest), "--output", str(out), "--format", "json,html")
    # A failed story fails the batch (one line on stderr) unless --keep-going is given.
    assert first.returncode == 2, first.stderr.decode()
    assert "1 of 21 stories failed" in first.stderr.decode()
    assert "Traceback" not in first.stderr.decode()
    assert "21 stories: 21 compared, 0 unchanged, 1 failed" in first.stdout.decode()
    index = pd.read_csv(out / "index.csv", keep_default_na=False)
    assert len(index) == 21
    broken = index[index.story == "Broken story"].iloc[0]
    assert broken.status == "failed" and "missing.txt" in broken.error
    ok = index[index.status == "ok"]
    assert len(ok) == 20 and list(ok.contradict) == sorted(ok.contradict, reverse=True)
    for slug in ("story-00", "story-19"):
        jsonschema.validate(json.loads((out / f"{slug}.json").read_text()), SCHEMA)
        assert (out / f"{slug}.html").is_file()
    assert "Broken story" in (out / "index.html").read_text()

    second = run_cli(
        "batch", str(manifest), "--output", str(out), "--format", "json,html", "--keep-going"
    )
    assert second.returncode == 0
    # Nothing is compared again but the broken story, which is retried.
    assert "21 stories: 1 compared, 20 unchanged, 1 failed" in second.stdout.decode()

    # Changing one source re-runs that story only.
    edited = stories[3][1][0]
    edited.write_text(edited.read_text() + "\nThe operator thanked its crews.\n")
    third = run_batch(manifest, out, load_settings(), ["json", "html"])
    assert (third["ran"], third["skipped"]) == (2, 19)
    assert {r["story"] for r in third["results"] if r["status"] == "done"} == {"Story 03"}


def test_manifest_formats_and_errors(tmp_path):
    jsonl = tmp_path / "stories.jsonl"
    jsonl.write_text(
        json.dumps({"story": "Bridge", "sources": [str(p) for p in BASES[0]]})
        + "\n"
        + json.dumps({"story": "Ferry", "source": str(BASES[1][0]), "published": "2025-09-07"})
        + "\n"
        + json.dumps({"story": "Ferry", "source": "../relative.txt"})
        + "\n"
    )
    stories = read_manifest(jsonl)
    assert [s.name for s in stories] == ["Bridge", "Ferry"]
    assert stories[1].published == ["2025-09-07", None]
    assert stories[1].sources[1] == str(tmp_path / "../relative.txt")
    bad = tmp_path / "bad.csv"
    bad.write_text("name,path\nx,y\n")
    with pytest.raises(BatchError, match="columns story,source"):
        read_manifest(bad)
    result = run_cli("batch", str(bad), "--output", str(tmp_path / "o"))
    assert result.returncode == 2 and "Traceback" not in result.stderr.decode()
    missing = run_cli("batch", str(tmp_path / "nope.csv"), "--output", str(tmp_path / "o"))
    assert missing.returncode == 2 and "manifest not found" in missing.stderr.decode()
    engine = run_cli("batch", str(jsonl), "--output", str(tmp_path / "o"), "--engine", "spark")
    assert engine.returncode == 2 and "unknown engine" in engine.stderr.decode()


def _without_timings(path) -> dict:
    data = json.loads(path.read_text())
    data.pop("timings")
    return data


def test_ray_engine_gives_the_same_reports_as_local(tmp_path):
    stories = make_stories(tmp_path, 3)
    manifest = tmp_path / "stories.csv"
    write_manifest(manifest, stories)
    local = run_batch(manifest, tmp_path / "local", load_settings(), ["json"], engine="local")
    ray = run_batch(manifest, tmp_path / "ray", load_settings(), ["json"], engine="ray", workers=2)
    assert local["ran"] == ray["ran"] == 3 and ray["failed"] == 0
    for result in local["results"]:
        name = f"{result['slug']}.json"
        assert _without_timings(tmp_path / "local" / name) == _without_timings(
            tmp_path / "ray" / name
        )
    assert (tmp_path / "ray" / "index.csv").read_text() == (
        tmp_path / "local" / "index.csv"
    ).read_text()


def test_batch_and_compare_accept_the_same_format_names(tmp_path):
    manifest = tmp_path / "stories.csv"
    write_manifest(manifest, [("Bridge", BASES[0])])
    out = tmp_path / "out"
    result = run_cli("batch", str(manifest), "--output", str(out), "--format", "md,text,csv")
    assert result.returncode == 0, result.stderr.decode()
    assert {p.suffix for p in out.iterdir() if p.stem == "bridge"} == {
        ".json",
        ".md",
        ".txt",
        ".csv",
    }
    for name in ("md", "markdown", "text", "txt"):
        compare = run_cli("compare", *map(str, BASES[0]), "--format", name)
        assert compare.returncode == 0, compare.stderr.decode()
    assert "| " in run_cli("compare", *map(str, BASES[0]), "--format", "md").stdout.decode()
