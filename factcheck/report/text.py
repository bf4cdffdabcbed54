"""The terminal report: counts, contradictions side by side, agreements, then what only
one source says."""

from __future__ import annotations

import io

from factcheck.report.common import (
    MATRIX_NOTE,
    matrix_rows,
    missing_note,
    reasons_text,
    summary_lines,
)
from factcheck.schema import Report, Verdict


def render_text(report: Report, width: int | None = None, color: bool = False) -> str:
    """The terminal report: counts, contradictions side by side, then unique claims."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    claims, names = report.claims_by_id, report.source_names
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width or 110, force_terminal=color, no_color=not color, highlight=False
    )
    console.print(Text("factcheck: " + " vs ".join(names.values()), style="bold"))
    for line in summary_lines(report):
        console.print(Text(line))
    for label, title, style in (
        (Verdict.CONTRADICT, "Contradictions", "bold red"),
        (Verdict.ATTRIBUTION, "Named sources disagree", "bold magenta"),
    ):
        chosen = report.findings_with(label)
        if not chosen:
            continue
        console.print()
        console.print(Text(f"{title} ({len(chosen)})", style=style))
        for finding in sorted(chosen, key=lambda f: -f.confidence):
            a, b = (claims[cid] for cid in finding.claims)
            table = Table(show_header=True, expand=True, show_lines=False)
            table.add_column(f"{names[a.source]} ({a.id})", ratio=1)
            table.add_column(f"{names[b.source]} ({b.id})", ratio=1)
            table.add_row(Text(a.text), Text(b.text))
            console.print(table)
            console.print(Text(f"  confidence {finding.confidence:.2f} — {reasons_text(finding)}"))
    agreements = sorted(report.findings_with(Verdict.AGREE), key=lambda f: -f.confidence)
    if agreements:
        console.print()
        console.print(Text(f"Agreements ({len(agreements)})", style="bold green"))
        for finding in agreements:
            a, b = (claims[cid] for cid in finding.claims)
            console.print(Text(f"  • {names[a.source]}: {a.text}"))
            console.print(Text(f"    {names[b.source]}: {b.text}"))
    odd = [c for c in report.clusters if c.odd_ones_out]
    if odd:
        console.print()
        console.print(Text(f"Sources that stand alone ({len(odd)})", style="bold red"))
        for cluster in odd:
            alone = ", ".join(names[s] for s in cluster.odd_ones_out)
            others = ", ".join(names[s] for s in cluster.sources if s not in cluster.odd_ones_out)
            console.print(Text(f"  • {alone} against {others}: {claims[cluster.claims[0]].text}"))
    if len(report.sources) > 2:
        console.print()
        console.print(Text("Agreement between sources", style="bold"))
        console.print(Text(MATRIX_NOTE))
        table = Table(show_header=True)
        table.add_column("")
        for source in report.sources:
            table.add_column(f"{source.id}: {names[source.id]}")
        for row in matrix_rows(report):
            table.add_row(*row)
        console.print(table)
    if report.checks:
        console.print()
        console.print(Text("Claims of the checked text", style="bold"))
        for check in report.checks:
            text = claims[check.claim].text
            console.print(Text(f"  [{check.label}] {text}{missing_note(check)}"))
    for source in report.sources:
        unique = [claims[cid] for cid in report.unique if claims[cid].source == source.id]
        if unique:
            console.print()
            console.print(Text(f"Only in {source.name} ({len(unique)})", style="bold"))
            for claim in unique:
                console.print(Text(f"  • {claim.text}"))
    return buffer.getvalue()
