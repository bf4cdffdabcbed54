"""Report stage: a `Report` rendered as terminal text, Markdown, HTML, JSON or CSV.

Every renderer takes the same typed `Report` (factcheck.schema), so the formats never
disagree. `RENDERERS` is the one registry of formats; `FORMAT_NAMES` every name `compare`
and `batch` accept for them.

May import: the foundation (`schema`, `settings`, `errors`, `files`, `resources`) only.
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.report.data import render_csv, render_json
from factcheck.report.html import render_html
from factcheck.report.markdown import render_markdown
from factcheck.report.text import render_text
from factcheck.schema import Report

RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "markdown": render_markdown,
    "html": render_html,
    "json": render_json,
    "csv": render_csv,
}
FORMATS = tuple(RENDERERS)
SUFFIXES = {"text": "txt", "markdown": "md", "json": "json", "csv": "csv", "html": "html"}
# Every report format by every name `compare` and `batch` accept.
FORMAT_NAMES = {
    "text": "text",
    "txt": "text",
    "markdown": "markdown",
    "md": "markdown",
    "json": "json",
    "csv": "csv",
    "html": "html",
}


def format_named(name: str) -> str | None:
    """The format a user's name for it means ("md" → "markdown"), or None."""
    return FORMAT_NAMES.get(name.strip().lower())


def render(report: Report, fmt: str) -> str:
    return RENDERERS[fmt](report)


__all__ = ["FORMATS", "FORMAT_NAMES", "RENDERERS", "SUFFIXES", "format_named", "render"]
