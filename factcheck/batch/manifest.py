"""A batch's manifest: the stories to compare (CSV or JSON Lines), each its name, sources and
publication dates."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.errors import FactcheckError


class BatchError(FactcheckError):
    """The manifest or the options cannot be used."""


@dataclass
class Story:
    name: str
    sources: list[str]
    published: list[str | None] = field(default_factory=list)


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
