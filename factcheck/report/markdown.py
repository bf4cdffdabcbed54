"""The Markdown report, and the Markdown tables that it, the benchmark reports and the
model card share."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from factcheck.report.common import (
    MATRIX_NOTE,
    by_severity,
    matrix_rows,
    missing_note,
    reasons_text,
    summary_lines,
)
from factcheck.schema import Finding, Report, Verdict


def table(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], left: Sequence[int] = (0,)
) -> list[str]:
    """Lines of a Markdown table; the columns in `left` align left (text), the rest right
    (numbers). Cells are written with `str` as given: callers format and escape them."""
    align = ["---" if i in left else "---:" for i in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines


def md_escape(text: str) -> str:
    """Article text is untrusted: no Markdown or HTML in it may take effect."""
    out = text.replace("\\", "\\\\")
    for ch in "`*_[]<>|#":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\n", " ")


def render_markdown(report: Report) -> str:
    claims, names = report.claims_by_id, report.source_names
    lines = [
        f"# factcheck: {' vs '.join(md_escape(n) for n in names.values())}",
        "",
        *(f"- {md_escape(line)}" for line in summary_lines(report)),
        "",
    ]
    ordered = by_severity(report.findings)
    for label, title in (
        (Verdict.CONTRADICT, "Contradictions"),
        (Verdict.ATTRIBUTION, "Named sources disagree"),
        (Verdict.AGREE, "Agreements"),
    ):
        chosen = [f for f in ordered if f.label == label]
        if not chosen:
            continue
        lines += [f"## {title} ({len(chosen)})", ""]
        # One table per pair of sources, its columns headed by their names: with three or
        # more sources a row may compare B with C.
        by_sources: dict[tuple[str, ...], list[Finding]] = {}
        for finding in chosen:
            key = tuple(claims[cid].source for cid in finding.claims)
            by_sources.setdefault(key, []).append(finding)
        for (source_a, source_b), group in by_sources.items():
            name_a, name_b = md_escape(names[source_a]), md_escape(names[source_b])
            if len(by_sources) > 1:
                lines += [f"### {name_a} vs {name_b}", ""]
            lines += [f"| {name_a} | {name_b} | confidence | reasons |", "|---|---|---:|---|"]
            for finding in group:
                a, b = (claims[cid] for cid in finding.claims)
                lines.append(
                    f"| {md_escape(a.text)} | {md_escape(b.text)} | "
                    f"{finding.confidence:.2f} | {md_escape(reasons_text(finding))} |"
                )
            lines.append("")
    if report.clusters and len(report.sources) > 2:
        headers = ["Fact", *(md_escape(n) for n in names.values()), "Verdict"]
        grid = []
        for cluster in report.clusters:
            marks = [
                "alone"
                if s.id in cluster.odd_ones_out
                else ("✓" if s.id in cluster.sources else "·")
                for s in report.sources
            ]
            grid.append([md_escape(claims[cluster.claims[0]].text), *marks, cluster.label])
        lines += [
            f"## Coverage: facts × sources ({len(report.clusters)})",
            "",
            *table(headers, grid, left=range(len(headers))),
            "",
            "## Agreement between sources",
            "",
            MATRIX_NOTE,
            "",
            *table(
                ["", *(md_escape(n) for n in names.values())],
                matrix_rows(report),
                left=range(len(names) + 1),
            ),
            "",
        ]
    if report.checks:
        lines += [
            "## Claims of the checked text",
            "",
            "| claim | verdict | confidence |",
            "|---|---|---:|",
        ]
        lines += [
            f"| {md_escape(claims[c.claim].text + missing_note(c))} | {c.label} "
            f"| {c.confidence:.2f} |"
            for c in report.checks
        ]
        lines.append("")
    for source in report.sources:
        unique = [claims[cid] for cid in report.unique if claims[cid].source == source.id]
        if unique:
            lines += [f"## Only in {md_escape(source.name)} ({len(unique)})", ""]
            for claim in unique:
                closest = report.closest.get(claim.id)
                context = ""
                if closest:
                    other = md_escape(claims[closest.claim].text)
                    context = (
                        f" (closest in another source: “{other}”, "
                        f"similarity {closest.similarity:.2f})"
                    )
                lines.append(f"- {md_escape(claim.text)}{context}")
            lines.append("")
    return "\n".join(lines)
