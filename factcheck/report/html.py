"""The self-contained HTML report: sources side by side, claims highlighted by verdict,
findings that scroll both texts to their spans. Jinja2 autoescapes every piece of text."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from factcheck.report.common import by_severity
from factcheck.schema import Claim, Report, Verdict


def claim_verdicts(report: Report) -> dict[str, Verdict]:
    """Each claim's verdict: the most telling of the pairs it is in (contradict over
    attribution over agree); unique when it is in none that settles it; else related."""
    verdicts = {c.id: Verdict.RELATED for c in report.claims}
    for claim_id in report.unique:
        verdicts[claim_id] = Verdict.UNIQUE
    for label in (Verdict.AGREE, Verdict.ATTRIBUTION, Verdict.CONTRADICT):
        for finding in report.findings_with(label):
            for claim_id in finding.claims:
                verdicts[claim_id] = label
    return verdicts


def segments(
    text: str, claims: Sequence[Claim], verdicts: dict[str, Verdict]
) -> list[dict[str, Any]]:
    """The text cut at every claim boundary; each piece lists the claims covering it and
    shows the verdict `_highlight_order` puts first."""
    cuts = {0, len(text)}
    for claim in claims:
        cuts.update((claim.start, claim.end))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    pieces = []
    for start, end in itertools.pairwise(points):
        covering = [c.id for c in claims if c.start <= start and end <= c.end]
        verdict = min((verdicts[c] for c in covering), key=_highlight_order, default=None)
        pieces.append({"text": text[start:end], "claims": covering, "verdict": verdict})
    return pieces


def _highlight_order(verdict: Verdict) -> tuple[bool, int]:
    """Where claims overlap, the most severe verdict shows, but any verdict that settles
    something (even agreement) over `related`, which settles nothing."""
    return verdict is Verdict.RELATED, verdict.rank


def source_columns(
    report: Report, verdicts: dict[str, Verdict] | None = None
) -> list[dict[str, Any]]:
    """Each source with its text cut into highlighted pieces (the side-by-side view);
    `verdicts` are `claim_verdicts(report)` where the caller has them already."""
    verdicts = verdicts if verdicts is not None else claim_verdicts(report)
    return [
        {
            "source": source,
            "segments": segments(
                source.text, [c for c in report.claims if c.source == source.id], verdicts
            ),
        }
        for source in report.sources
    ]


def render_html(report: Report) -> str:
    environment = Environment(
        loader=PackageLoader("factcheck.report", "templates"),
        autoescape=select_autoescape(default=True),
    )
    template = environment.get_template("report.html.j2")
    verdicts = claim_verdicts(report)
    return template.render(
        data=report,
        columns=source_columns(report, verdicts),
        claims=report.claims_by_id,
        findings=by_severity(report.findings),
        verdicts=verdicts,
    )
