"""What a user names as sources (paths, folders, '-' for stdin, texts, a mapping of name to
text) as the items the reader reads, and publication dates given as text."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from factcheck.pipeline.read import ARTICLE_SUFFIXES, ReadError

SourceSpec = str | Path
Sources = Sequence[SourceSpec] | Mapping[str, str]
Item = tuple[str | None, SourceSpec | None, str | None]  # (name, path, text)


def publication_date(value: str | None) -> date | None:
    """An ISO date (or date-time) string as a date; anything else is no date."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def is_path(spec: SourceSpec) -> bool:
    """A Path, '-', an existing file, or a space-free string with an article suffix; any
    other string is article text."""
    if isinstance(spec, Path) or spec == "-":
        return True
    if "\n" in spec or len(spec) > 4096:
        return False
    return os.path.exists(spec) or (
        " " not in spec and Path(spec).suffix.lower() in ARTICLE_SUFFIXES
    )


def source_items(sources: Sources) -> list[Item]:
    """(name, path, text) per source; a folder stands for the article files inside it."""
    if isinstance(sources, Mapping):
        return [(name, None, text) for name, text in sources.items()]
    items: list[Item] = []
    for spec in sources:
        if not is_path(spec):
            items.append((None, None, str(spec)))
        elif spec != "-" and Path(spec).is_dir():
            files = sorted(
                p
                for p in Path(spec).iterdir()
                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
            )
            if not files:
                raise ReadError(f"{spec}: no article files (.txt, .md, .html) in the folder")
            items.extend((None, path, None) for path in files)
        else:
            items.append((None, spec, None))
    return items
