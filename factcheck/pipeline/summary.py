"""The report's summary (after judging and clustering): judged pairs by verdict, each
source's claims by outcome, and, in reference mode, the checked text's consistency score."""

from __future__ import annotations

import math
from collections.abc import Sequence

from factcheck.schema import (
    PAIR_VERDICTS,
    REFERENCE_LABELS,
    Article,
    Claim,
    ClaimCheck,
    Cluster,
    Finding,
    MatrixCell,
    Outcome,
    ReferenceSummary,
    Summary,
    Verdict,
)


def geometric_mean(values: Sequence[float]) -> float:
    floor = 1e-4  # keeps the logarithm finite for a value of 0
    return math.exp(sum(math.log(max(v, floor)) for v in values) / len(values))


def consistency_score(checks: Sequence[ClaimCheck]) -> float:
    """The geometric mean of the claims' `probability_ok`: one unsupported or contradicted
    claim pulls it down hard, yet a long text is not marked down for being long (a product
    would be). Measured against product, minimum and mean: `factcheck bench consistency`."""
    if not checks:
        return 1.0
    return round(geometric_mean([c.probability_ok for c in checks]), 4)


def claims_by_outcome(
    sources: Sequence[Article],
    claims: Sequence[Claim],
    findings: Sequence[Finding],
    unique: Sequence[str],
    checks: Sequence[ClaimCheck],
) -> dict[str, Outcome]:
    """Each source's claims by what became of them: confirmed by another source,
    contradicted, disputed between named speakers, or only in it. Claims, not pairs: the
    four add up to the source's claims (a claim in a contradiction counts there first,
    then disputed, then confirmed)."""
    outcome: dict[str, str] = {}
    for label, name in (
        (Verdict.AGREE, "confirmed"),
        (Verdict.ATTRIBUTION, "disputed"),
        (Verdict.CONTRADICT, "contradicted"),
    ):
        for finding in findings:
            if finding.label == label:
                for claim_id in finding.claims:
                    outcome[claim_id] = name  # later labels overwrite: contradiction wins
    alone = set(unique)
    checked = {c.claim for c in checks}
    result: dict[str, Outcome] = {}
    for source in sources:
        own = [c.id for c in claims if c.source == source.id]
        counts = {"confirmed": 0, "contradicted": 0, "disputed": 0}
        for claim_id in own:
            if claim_id in outcome:
                counts[outcome[claim_id]] += 1
        result[source.id] = Outcome(
            claims=len(own),
            **counts,
            only_here=sum(c in alone for c in own),
            checked=sum(c in checked for c in own),
        )
    return result


def summarize(
    sources: Sequence[Article],
    claims: Sequence[Claim],
    findings: Sequence[Finding],
    unique: Sequence[str],
    clusters: Sequence[Cluster],
    matrix: dict[str, dict[str, MatrixCell]],
    checks: Sequence[ClaimCheck] | None = None,
) -> Summary:
    """The summary of a comparison; with `checks` (reference mode), of a checked text."""
    pairs = {v: sum(f.label == v for f in findings) for v in PAIR_VERDICTS}
    common = {
        "agree": pairs[Verdict.AGREE],
        "contradict": pairs[Verdict.CONTRADICT],
        "attribution": pairs[Verdict.ATTRIBUTION],
        "related": pairs[Verdict.RELATED],
        "unique": len(unique),
        "claims": len(claims),
        "sources": len(sources),
        "clusters": len(clusters),
        "matrix": matrix,
        "by_source": claims_by_outcome(sources, claims, findings, unique, checks or []),
    }
    if checks is None:
        return Summary(**common)
    by_label = {label: sum(c.label == label for c in checks) for label in REFERENCE_LABELS}
    return ReferenceSummary(**common, consistency_score=consistency_score(checks), **by_label)
