"""factcheck: offline fact-consistency checking for news.

import factcheck
report = factcheck.compare(["article_a.txt", "article_b.txt"])
report.to_dict()          # the JSON report, schema_version 1
finding = factcheck.check("Thousands of troops marched.", "Tens of thousands marched.")
finding.label             # agree | contradict | attribution | related

The Python API is a shell, like the CLI: it loads configs/*.yaml once per process and hands
the settings down; `config` overrides configs/compare.yaml key by key.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.schema import Article, Claim, Finding, Pair, Report, Verdict

if TYPE_CHECKING:
    from factcheck.pipeline.pipeline import Pipeline
    from factcheck.settings import Settings

__version__ = "0.1.0"
__all__ = [
    "Article",
    "Claim",
    "Finding",
    "Pair",
    "Report",
    "Verdict",
    "check",
    "compare",
    "get_pipeline",
    "load_settings",
]


def compare(
    sources: Sequence[str | Path] | Mapping[str, str],
    reference: str | Path | None = None,
    config: Mapping[str, Any] | None = None,
    published: Sequence[str | None] | None = None,
) -> Report:
    """Compare sources (paths, texts, or a mapping of name → text) claim by claim; with
    `reference`, check the one text in `sources` against that source instead. `published`
    gives each source's publication date (ISO), against which "yesterday" or "on Thursday"
    are resolved."""
    return get_pipeline(config).compare(sources, reference=reference, published=published)


def check(a: str, b: str, config: Mapping[str, Any] | None = None) -> Finding:
    """The pipeline judge's full verdict on one pair of claims, as given (not split):
    `label` (agree / contradict / attribution / related), `confidence`, NLI both ways
    (`nli_a_to_b`, `nli_b_to_a`) and `reasons` (facts, attribution, NLI)."""
    return get_pipeline(config).check([(a, b)])[0]


def get_pipeline(config: Mapping[str, Any] | None = None) -> Pipeline:
    """The pipeline for configs/compare.yaml with `config` applied, serving the NLI model
    configs/nli.yaml names; one per configuration per process, so models load once."""
    from factcheck.pipeline.pipeline import configured

    return configured(load_settings(), config)


@cache
def load_settings() -> Settings:
    """configs/*.yaml, loaded and validated once per process."""
    from factcheck.settings import Settings

    return Settings.load()
