"""The reports for other tools: JSON (the contract in `factcheck.schema`) and CSV (a row
per judged pair, per unique claim and, in reference mode, per checked claim)."""

from __future__ import annotations

import json

from factcheck.report.common import reasons_text
from factcheck.schema import Report

CSV_COLUMNS = [
    "kind",
    "label",
    "confidence",
    "similarity",
    "claim_a",
    "source_a",
    "text_a",
    "claim_b",
    "source_b",
    "text_b",
    "reasons",
]


def render_json(report: Report) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


def render_csv(report: Report) -> str:
    """A row per judged pair, per unique claim and (reference mode) per checked claim."""
    import pandas as pd

    claims, names = report.claims_by_id, report.source_names
    rows = []
    for finding in report.findings:
        a, b = (claims[cid] for cid in finding.claims)
        rows.append(
            {
                "kind": "pair",
                "label": str(finding.label),
                "confidence": finding.confidence,
                "similarity": finding.similarity,
                "claim_a": a.id,
                "source_a": names[a.source],
                "text_a": a.text,
                "claim_b": b.id,
                "source_b": names[b.source],
                "text_b": b.text,
                "reasons": reasons_text(finding),
            }
        )
    for claim_id in report.unique:
        claim = claims[claim_id]
        closest = report.closest.get(claim_id)
        other = claims[closest.claim] if closest else None
        rows.append(
            {
                "kind": "unique",
                "label": "unique",
                "confidence": None,
                "similarity": closest.similarity if closest else None,
                "claim_a": claim_id,
                "source_a": names[claim.source],
                "text_a": claim.text,
                "claim_b": closest.claim if closest else None,
                "source_b": names[other.source] if other else None,
                "text_b": other.text if other else None,
                "reasons": "",
            }
        )
    for check in report.checks:
        claim = claims[check.claim]
        evidence = claims.get(check.evidence or "")
        rows.append(
            {
                "kind": "check",
                "label": check.label,
                "confidence": check.confidence,
                "similarity": None,
                "claim_a": claim.id,
                "source_a": names[claim.source],
                "text_a": claim.text,
                "claim_b": evidence.id if evidence else None,
                "source_b": names[evidence.source] if evidence else None,
                "text_b": evidence.text if evidence else None,
                "reasons": "; ".join(r.detail for r in check.reasons),
            }
        )
    return pd.DataFrame(rows, columns=CSV_COLUMNS).to_csv(index=False)
