"""Report stage: a `Report` rendered as terminal text, Markdown, HTML, JSON or CSV.

Every renderer takes the same typed `Report` (factcheck.schema), so the formats never
disagree. `FORMATS` is the one registry of formats: each one's renderer, file suffix and
the other names `compare` and `batch` accept for it.

May import: the foundation (`schema`, `settings`, `errors`, `files`, `resources`) only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from factcheck.report.data import render_csv, render_json
from factcheck.report.html import render_html
from factcheck.report.markdown import render_markdown
from factcheck.report.text import render_text
from factcheck.schema import Report


@dataclass(frozen=True)
class Format:
    render: Callable[[Report], str]
    suffix: str  # of the file a report in this format is written to
    aliases: tuple[str, ...] = ()  # other names users give it


FORMATS: dict[str, Format] = {
    "text": Format(render_text, "txt", ("txt",)),
    "markdown": Format(render_markdown, "md", ("md",)),
    "json": Format(render_json, "json"),
    "csv": Format(render_csv, "csv"),
    "html": Format(render_html, "html"),
}
# Every name `compare` and `batch` accept, and the format it means.
FORMAT_NAMES = {name: fmt for fmt, spec in FORMATS.items() for name in (fmt, *spec.aliases)}


def format_named(name: str) -> str | None:
    """The format a user's name for it means ("md" → "markdown"), or None."""
    return FORMAT_NAMES.get(name.strip().lower())


def render(report: Report, fmt: str) -> str:
    return FORMATS[fmt].render(report)


__all__ = ["FORMATS", "FORMAT_NAMES", "Format", "format_named", "render"]
