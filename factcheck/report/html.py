"""The self-contained HTML report: sources side by side, claims highlighted by verdict,
findings that scroll both texts to their spans. Jinja2 autoescapes every piece of text."""

from __future__ import annotations

import itertools
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from factcheck.report import SEVERITY
from factcheck.schema import Report

VERDICT_ORDER = ("contradict", "attribution", "unique", "agree", "related")


def claim_verdicts(data: dict[str, Any]) -> dict[str, str]:
    """Each claim's most severe verdict: contradict, attribution, agree, unique, related."""
    verdicts = {c["id"]: "related" for c in data["claims"]}
    for claim_id in data["unique"]:
        verdicts[claim_id] = "unique"
    for label in ("agree", "attribution", "contradict"):
        for pair in data["pairs"]:
            if pair["label"] == label:
                for claim_id in pair["claims"]:
                    verdicts[claim_id] = label
    return verdicts


def segments(text: str, claims: list[dict[str, Any]], verdicts: dict[str, str]) -> list[dict]:
    """The text cut at every claim boundary; each piece lists the claims covering it."""
    cuts = {0, len(text)}
    for claim in claims:
        cuts.update((claim["start"], claim["end"]))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    pieces = []
    for start, end in itertools.pairwise(points):
        covering = [c["id"] for c in claims if c["start"] <= start and end <= c["end"]]
        verdict = min((verdicts[c] for c in covering), key=VERDICT_ORDER.index, default=None)
        pieces.append({"text": text[start:end], "claims": covering, "verdict": verdict})
    return pieces


def render_html(report: Report) -> str:
    data = report.to_dict()
    verdicts = claim_verdicts(data)
    claims = {c["id"]: c for c in data["claims"]}
    columns = []
    for source in data["sources"]:
        own = [c for c in data["claims"] if c["source"] == source["id"]]
        columns.append({"source": source, "segments": segments(source["text"], own, verdicts)})
    findings = sorted(data["pairs"], key=lambda p: (SEVERITY[p["label"]], -p["confidence"]))
    environment = Environment(
        loader=PackageLoader("factcheck.report", "templates"),
        autoescape=select_autoescape(default=True),
    )
    template = environment.get_template("report.html.j2")
    return template.render(
        data=data, columns=columns, claims=claims, findings=findings, verdicts=verdicts
    )
