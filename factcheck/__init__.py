"""factcheck: offline fact-consistency checking for news.

import factcheck
report = factcheck.compare(["article_a.txt", "article_b.txt"])
report.to_dict()          # the JSON report, schema_version 1
finding = factcheck.check("Thousands of troops marched.", "Tens of thousands marched.")
finding.label             # agree | contradict | attribution | related
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from factcheck.schema import Article, Claim, Finding, Pair, Report

__version__ = "0.1.0"
__all__ = ["Article", "Claim", "Finding", "Pair", "Report", "check", "compare"]


def compare(
    sources: Sequence[str | Path] | Mapping[str, str],
    reference: str | Path | None = None,
    config: dict[str, Any] | None = None,
    published: Sequence[str | None] | None = None,
) -> Report:
    """Compare sources (paths, texts, or a mapping of name → text) claim by claim; with
    `reference`, check the one text in `sources` against that source instead. `published`
    gives each source's publication date (ISO), against which "yesterday" or "on Thursday"
    are resolved."""
    from factcheck.pipeline.pipeline import get_pipeline

    return get_pipeline(config).compare(sources, reference=reference, published=published)


def check(a: str, b: str, config: dict[str, Any] | None = None) -> Finding:
    """The pipeline judge's full verdict on one pair of claims, as given (not split):
    `label` (agree / contradict / attribution / related), `confidence`, NLI both ways
    (`nli_a_to_b`, `nli_b_to_a`) and `reasons` (facts, attribution, NLI)."""
    from factcheck.pipeline.pipeline import get_pipeline

    return get_pipeline(config).check([(a, b)])[0]
