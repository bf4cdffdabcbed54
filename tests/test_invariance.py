"""Invariances on real articles: an article against its own copy, or a copy with straight
quotes and one sentence per line, has no contradiction and agrees claim by claim."""

import pytest

from factcheck import get_pipeline
from factcheck.benchmarks.behaviour import straightened_one_per_line
from factcheck.resources import resolve

from .conftest import ROOT

ARTICLES = {
    "seed A": "shared:seeds/article_a.txt",
    "seed B": "shared:seeds/article_b.txt",
    "bridge A": str(ROOT / "examples" / "bridge_a.txt"),
}


@pytest.mark.parametrize("name", ARTICLES)
@pytest.mark.parametrize("retyped", [False, True], ids=["copy", "retyped"])
def test_article_against_its_copy(name, retyped):
    text = resolve(ARTICLES[name]).read_text(encoding="utf-8")
    copy = straightened_one_per_line(text) if retyped else text
    report = get_pipeline({"cache": {"enabled": False}}).compare({"original": text, "copy": copy})
    contradictions = [f for f in report.findings if f.label == "contradict"]
    assert contradictions == []
    original = [c.id for c in report.claims if c.source == report.sources[0].id]
    agreeing = {cid for f in report.findings if f.label == "agree" for cid in f.claims}
    assert sum(cid in agreeing for cid in original) / len(original) >= 0.95
