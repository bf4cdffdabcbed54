"""Editors' decisions exported as CSV (pandas), JSON or Markdown: one row per finding."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from factcheck.report.markdown import md_escape, table

EXPORT_FORMATS = {"csv": "text/csv", "json": "application/json", "markdown": "text/markdown"}
EXPORT_SUFFIXES = {"csv": "csv", "json": "json", "markdown": "md"}
EXPORT_COLUMNS = (
    "story_id",
    "story",
    "finding_id",
    "label",
    "kind",
    "confidence",
    "status",
    "note",
    "decided_by",
    "decided_at",
    "source_a",
    "claim_a",
    "source_b",
    "claim_b",
    "reasons",
)


def decision_rows(findings: list[dict[str, Any]], titles: dict[int, str]) -> list[dict[str, Any]]:
    rows = []
    for finding in findings:
        claims = finding["claims"] + [None] * (2 - len(finding["claims"]))
        rows.append(
            {
                "story_id": finding["story_id"],
                "story": titles.get(finding["story_id"], ""),
                "finding_id": finding["id"],
                "label": finding["label"],
                "kind": finding["kind"],
                "confidence": round(float(finding["confidence"]), 4),
                "status": finding["status"],
                "note": finding["note"],
                "decided_by": finding["decided_by"] or "",
                "decided_at": finding["decided_at"] or "",
                "source_a": claims[0]["source_name"] if claims[0] else "",
                "claim_a": claims[0]["text"] if claims[0] else "",
                "source_b": claims[1]["source_name"] if claims[1] else "",
                "claim_b": claims[1]["text"] if claims[1] else "",
                "reasons": "; ".join(f"{r['kind']}: {r['detail']}" for r in finding["reasons"]),
            }
        )
    return rows


def render_decisions(findings: list[dict[str, Any]], titles: dict[int, str], fmt: str) -> str:
    rows = decision_rows(findings, titles)
    if fmt == "csv":
        return pd.DataFrame(rows, columns=EXPORT_COLUMNS).to_csv(index=False)
    if fmt == "json":
        return json.dumps({"decisions": rows}, indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        decided = [r for r in rows if r["status"] != "open"]
        lines = [
            "# factcheck review: decisions",
            "",
            f"{len(decided)} of {len(rows)} findings decided.",
            "",
            *table(
                ["Story", "Finding", "Label", "Status", "Claim A", "Claim B", "Note", "By"],
                (
                    [
                        md_escape(r["story"]),
                        r["finding_id"],
                        r["label"],
                        r["status"],
                        md_escape(f"{r['source_a']}: {r['claim_a']}"),
                        md_escape(f"{r['source_b']}: {r['claim_b']}" if r["claim_b"] else ""),
                        md_escape(r["note"]),
                        md_escape(r["decided_by"]),
                    ]
                    for r in rows
                ),
                left=(0, 2, 3, 4, 5, 6, 7),
            ),
        ]
        return "\n".join(lines) + "\n"
    raise ValueError(f"unknown export format '{fmt}' (choose from {', '.join(EXPORT_FORMATS)})")
