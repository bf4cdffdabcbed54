"""The batch: run every story whose inputs changed (engines.py), keep each story's hash in
the output folder, write the index."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, get_args

from factcheck.batch.engines import Progress, run_local, run_ray
from factcheck.batch.index import write_index
from factcheck.batch.manifest import BatchError, read_manifest
from factcheck.batch.story import pipeline_version, slugs, story_hash
from factcheck.files import write_atomically
from factcheck.report import FORMAT_NAMES, format_named
from factcheck.settings import NO_CACHE, Engine, Settings

ENGINES: tuple[str, ...] = get_args(Engine)


def run_batch(
    manifest: str | Path,
    out_dir: str | Path,
    settings: Settings,
    formats: Sequence[str] | None = None,
    engine: str | None = None,
    workers: int | None = None,
    address: str | None = None,
    force: bool = False,
    progress: Progress | None = None,
    on_plan: Callable[[int, int], None] | None = None,
    cache: bool = True,
) -> dict[str, Any]:
    """Run every story of `manifest` whose inputs changed; write reports and the index.
    `formats`, `engine` and `workers` default to configs/batch.yaml's."""
    formats = settings.batch.formats if formats is None else formats
    engine = engine or settings.batch.engine
    workers = workers or settings.batch.workers
    compare = settings.compare if cache else settings.compare.updated(NO_CACHE)
    serve = settings.nli.serve
    if engine not in ENGINES:
        raise BatchError(f"unknown engine '{engine}' (choose from {', '.join(ENGINES)})")
    unknown = [f for f in formats if format_named(f) is None]
    if unknown or not formats:
        raise BatchError(f"unknown format(s) {unknown}; choose from {', '.join(FORMAT_NAMES)}")
    formats = [format_named(f) or f for f in formats]
    # JSON is always written: it is the report that other tools and `factcheck review` read.
    formats = list(dict.fromkeys(["json", *formats]))
    stories = read_manifest(manifest)
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise BatchError(f"--output {out} is a file, not a folder")
    out.mkdir(parents=True, exist_ok=True)
    state_path = out / settings.batch.state_file
    state = _read_state(state_path)
    version = pipeline_version(compare, serve)
    names = slugs([s.name for s in stories])
    jobs, skipped = [], []
    for story, slug in zip(stories, names, strict=True):
        digest = story_hash(story, formats, version)
        previous = state.get(slug)
        unchanged = (
            not force
            and previous is not None
            and previous.get("hash") == digest
            and previous.get("status") in ("done", "skipped")
            and all((out / name).is_file() for name in previous.get("outputs", []))
        )
        if unchanged:
            skipped.append({**previous, "status": "skipped", "seconds": 0.0})
        else:
            jobs.append((story, slug, str(out), formats, digest, compare, serve))
    if on_plan:
        on_plan(len(jobs), len(skipped))
    report_progress = progress or (lambda _result: None)
    started = time.perf_counter()
    if engine == "ray" and jobs:
        ran = run_ray(jobs, workers, address, report_progress)
    else:
        ran = run_local(jobs, workers, report_progress)
    seconds = time.perf_counter() - started
    results = {r["slug"]: r for r in [*skipped, *ran]}
    ordered = [results[slug] for slug in names]
    write_atomically(
        state_path, json.dumps({r["slug"]: r for r in ordered}, indent=2, ensure_ascii=False)
    )
    write_index(out, ordered)
    return {
        "stories": len(ordered),
        "ran": len(ran),
        "skipped": len(skipped),
        "failed": sum(r["status"] == "failed" for r in ordered),
        "seconds": round(seconds, 2),
        "results": ordered,
    }


def _read_state(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, OSError):
        return {}  # a damaged state file only costs a full re-run
    return data if isinstance(data, dict) else {}
