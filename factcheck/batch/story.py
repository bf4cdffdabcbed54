"""One story of a batch: its content hash, its file-safe name, and `run_story`, which compares
it and writes its reports (the one function every engine calls)."""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from factcheck.batch.manifest import Story
from factcheck.files import write_atomically
from factcheck.report import FORMATS
from factcheck.settings import CompareSettings, ServeSettings


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


def pipeline_version(settings: CompareSettings, serve: ServeSettings) -> str:
    """What a report depends on besides its inputs: factcheck, its settings, its models (not
    whether results are cached, which changes no report)."""
    from factcheck import __version__
    from factcheck.models.checkpoint import weights_digest
    from factcheck.resources import resolve

    dumped = json.dumps(settings.model_dump(exclude={"cache"}), sort_keys=True, default=str)
    model = resolve(serve.model)
    digest = hashlib.sha256(dumped.encode()).hexdigest()[:12]
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


def run_story(
    story: Story,
    slug: str,
    out_dir: str,
    formats: Sequence[str],
    digest: str,
    settings: CompareSettings,
    serve: ServeSettings,
) -> dict[str, Any]:
    """Compare one story and write its reports; never raises for a bad story. The settings
    travel with the job: a worker process or Ray task reads no settings file."""
    from factcheck.pipeline.pipeline import get_pipeline
    from factcheck.report import render

    started = time.perf_counter()
    result = StoryResult(story.name, slug, "done", digest, story.sources)
    try:
        pipeline = get_pipeline(settings, serve)
        report = pipeline.compare(story.sources, published=story.published)
        for fmt in formats:
            body = render(report, fmt)
            path = Path(out_dir) / f"{slug}.{FORMATS[fmt].suffix}"
            write_atomically(path, body)
            result.outputs.append(path.name)
        summary = asdict(report.summary)
        result.summary = {k: v for k, v in summary.items() if not isinstance(v, dict)}
    except Exception as exc:  # one broken story must not stop the batch
        result.status, result.error = "failed", _one_line(exc)
    result.seconds = round(time.perf_counter() - started, 3)
    return asdict(result)


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{text[0] if text else type(exc).__name__}"
