"""Batch runs: many stories from a manifest, each compared and written to an output folder,
with an index of all stories by number of contradictions.

A story is re-run only when its inputs changed: its content hash (the sources' bytes,
their publication dates, factcheck's version, the compare settings and the NLI weights)
is kept in `DIR/.factcheck-batch.json`. A story that fails (a missing or broken file) is
recorded in the index with its error while the others finish.

Engines: `local` runs stories in this process (one worker) or in a pool of processes;
`ray` runs each story as a Ray task on a local Ray instance or an existing cluster
(`pip install factcheck[ray]`). Both call `run_story`, so their reports are the same.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from factcheck.files import write_atomically
from factcheck.report import FORMAT_NAMES, SUFFIXES, format_named

STATE_FILE = ".factcheck-batch.json"
ENGINES = ("local", "ray")
Progress = Callable[[dict[str, Any]], None]


class BatchError(ValueError):
    """The manifest or the options cannot be used."""


@dataclass
class Story:
    name: str
    sources: list[str]
    published: list[str | None] = field(default_factory=list)


@dataclass
class StoryResult:
    story: str
    slug: str
    status: str  # done | skipped | failed
    hash: str
    sources: list[str]
    outputs: list[str] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    seconds: float = 0.0


# -- the manifest -----------------------------------------------------------------------------


def read_manifest(path: str | Path) -> list[Story]:
    """Stories from a CSV (columns story, source[, published]; one row per source) or JSONL
    manifest (one object per source, or per story with a `sources` list). Relative source
    paths are relative to the manifest."""
    manifest = Path(path)
    if not manifest.is_file():
        raise BatchError(f"manifest not found: {manifest}")
    rows = (
        _jsonl_rows(manifest)
        if manifest.suffix.lower() in (".jsonl", ".ndjson")
        else (_csv_rows(manifest))
    )
    stories: dict[str, Story] = {}
    for number, row in rows:
        name = str(row.get("story") or "").strip()
        if not name:
            raise BatchError(f"{manifest}, row {number}: no story name")
        sources = row["sources"] if "sources" in row else [row.get("source")]
        dates = row.get("published")
        dates = dates if isinstance(dates, list) else [dates] * len(sources)
        story = stories.setdefault(name, Story(name, []))
        for source, date in zip(sources, dates, strict=False):
            if not source or not str(source).strip():
                raise BatchError(f"{manifest}, row {number}: no source path")
            source_path = Path(str(source).strip()).expanduser()
            if not source_path.is_absolute():
                source_path = manifest.parent / source_path
            story.sources.append(str(source_path))
            story.published.append(str(date).strip() if date not in (None, "") else None)
    if not stories:
        raise BatchError(f"{manifest}: no stories")
    return list(stories.values())


def _csv_rows(manifest: Path) -> list[tuple[int, dict[str, Any]]]:
    import pandas as pd

    try:
        table = pd.read_csv(manifest, dtype=str, keep_default_na=False, skipinitialspace=True)
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise BatchError(f"{manifest}: not a readable CSV manifest ({exc})") from exc
    table.columns = [c.strip().lower() for c in table.columns]
    missing = {"story", "source"} - set(table.columns)
    if missing:
        raise BatchError(
            f"{manifest}: the CSV needs columns story,source[,published]; missing "
            f"{', '.join(sorted(missing))}"
        )
    return [(i + 2, dict(row)) for i, row in enumerate(table.to_dict("records"))]


def _jsonl_rows(manifest: Path) -> list[tuple[int, dict[str, Any]]]:
    rows = []
    for number, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise BatchError(f"{manifest}, line {number}: not JSON ({exc.args[0]})") from exc
        if not isinstance(row, dict) or ("source" not in row and "sources" not in row):
            raise BatchError(f"{manifest}, line {number}: needs story and source (or sources)")
        rows.append((number, row))
    return rows


# -- hashing and names ------------------------------------------------------------------------


def pipeline_version() -> str:
    """What a report depends on besides its inputs: factcheck, its settings, its models."""
    from factcheck import __version__
    from factcheck.config import load_config
    from factcheck.nli.model import weights_digest
    from factcheck.resources import resolve

    settings = json.dumps(load_config("compare"), sort_keys=True, default=str)
    model = resolve(load_config("nli")["serve"]["model"])
    digest = hashlib.sha256(settings.encode()).hexdigest()[:12]
    return f"{__version__}:{digest}:{weights_digest(model)}"


def story_hash(story: Story, formats: Sequence[str], version: str) -> str:
    digest = hashlib.sha256(version.encode())
    digest.update(json.dumps([sorted(formats), story.published]).encode())
    for source in story.sources:
        digest.update(b"\x00" + source.encode())
        try:
            digest.update(hashlib.sha256(Path(source).read_bytes()).digest())
        except OSError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()


def slugs(names: Sequence[str]) -> list[str]:
    """File-safe, distinct names for stories ("Kim in Beijing!" → "kim-in-beijing")."""
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:80] or "story"
        slug, n = base, 2
        while slug in seen:
            slug, n = f"{base}-{n}", n + 1
        seen.add(slug)
        out.append(slug)
    return out


# -- one story ----------------------------------------------------------------------------------


def run_story(
    story: Story, slug: str, out_dir: str, formats: Sequence[str], digest: str, cache: bool = True
) -> dict[str, Any]:
    """Compare one story and write its reports; never raises for a bad story."""
    from factcheck.html import render_html
    from factcheck.pipeline import NO_CACHE, get_pipeline
    from factcheck.report import render

    started = time.perf_counter()
    result = StoryResult(story.name, slug, "done", digest, story.sources)
    try:
        pipeline = get_pipeline(None if cache else NO_CACHE)
        report = pipeline.compare(story.sources, published=story.published)
        for fmt in formats:
            body = render_html(report) if fmt == "html" else render(report, fmt)
            path = Path(out_dir) / f"{slug}.{SUFFIXES[fmt]}"
            write_atomically(path, body)
            result.outputs.append(path.name)
        summary = report.summary
        result.summary = {k: v for k, v in summary.items() if not isinstance(v, dict)}
    except Exception as exc:  # one broken story must not stop the batch
        result.status, result.error = "failed", _one_line(exc)
    result.seconds = round(time.perf_counter() - started, 3)
    return asdict(result)


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{text[0] if text else type(exc).__name__}"


# -- engines ------------------------------------------------------------------------------------


def _init_local_worker(threads: int) -> None:
    """Each worker process gets its share of the cores (torch would take them all)."""
    import torch

    torch.set_num_threads(threads)


def _run_local(jobs: list[tuple], workers: int, progress: Progress) -> list[dict[str, Any]]:
    if workers <= 1:
        results = []
        for job in jobs:
            results.append(run_story(*job))
            progress(results[-1])
        return results
    threads = max(1, (os.cpu_count() or 1) // workers)
    results = []
    with ProcessPoolExecutor(workers, initializer=_init_local_worker, initargs=(threads,)) as pool:
        futures = [pool.submit(run_story, *job) for job in jobs]
        for future in as_completed(futures):
            results.append(future.result())
            progress(results[-1])
    return results


def _run_ray(
    jobs: list[tuple], workers: int, address: str | None, progress: Progress
) -> list[dict[str, Any]]:
    try:
        import ray
    except ImportError as exc:
        raise BatchError(
            "the ray engine needs Ray: pip install 'factcheck[ray]' (or use --engine local)"
        ) from exc
    started_here = not ray.is_initialized()
    if started_here:
        options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
        if address:
            ray.init(address=address, **options)
        else:
            ray.init(num_cpus=max(1, workers), **options)
    try:
        remote = ray.remote(num_cpus=1)(run_story)
        pending = [remote.remote(*job) for job in jobs]
        results = []
        while pending:
            done, pending = ray.wait(pending, num_returns=1)
            results.append(ray.get(done[0]))
            progress(results[-1])
        return results
    finally:
        if started_here:
            ray.shutdown()


# -- the batch ----------------------------------------------------------------------------------


def run_batch(
    manifest: str | Path,
    out_dir: str | Path,
    formats: Sequence[str] = ("json",),
    engine: str = "local",
    workers: int = 1,
    address: str | None = None,
    force: bool = False,
    progress: Progress | None = None,
    on_plan: Callable[[int, int], None] | None = None,
    cache: bool = True,
) -> dict[str, Any]:
    """Run every story of `manifest` whose inputs changed; write reports and the index."""
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
    state_path = out / STATE_FILE
    state = _read_state(state_path)
    version = pipeline_version()
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
            jobs.append((story, slug, str(out), formats, digest, cache))
    if on_plan:
        on_plan(len(jobs), len(skipped))
    report_progress = progress or (lambda _result: None)
    started = time.perf_counter()
    if engine == "ray" and jobs:
        ran = _run_ray(jobs, workers, address, report_progress)
    else:
        ran = _run_local(jobs, workers, report_progress)
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


def write_index(out: Path, results: list[dict[str, Any]]) -> None:
    """DIR/index.csv and DIR/index.html: every story, most contradictions first."""
    import pandas as pd
    from jinja2 import Environment, PackageLoader, select_autoescape

    rows = []
    for result in results:
        summary = result.get("summary") or {}
        rows.append(
            {
                "story": result["story"],
                "status": "failed" if result["status"] == "failed" else "ok",
                "contradict": summary.get("contradict", 0),
                "attribution": summary.get("attribution", 0),
                "agree": summary.get("agree", 0),
                "unique": summary.get("unique", 0),
                "claims": summary.get("claims", 0),
                "sources": len(result["sources"]),
                "report": next((o for o in result.get("outputs", []) if o.endswith(".html")), "")
                or next(iter(result.get("outputs", [])), ""),
                "error": result.get("error") or "",
            }
        )
    table = pd.DataFrame(rows).sort_values(
        ["status", "contradict", "story"], ascending=[True, False, True], kind="stable"
    )
    write_atomically(out / "index.csv", table.to_csv(index=False))
    environment = Environment(
        loader=PackageLoader("factcheck", "templates"), autoescape=select_autoescape(default=True)
    )
    html = environment.get_template("batch_index.html.j2").render(rows=table.to_dict("records"))
    write_atomically(out / "index.html", html)
