"""What the text, Markdown and CSV reports share: the summary lines, a pair's reasons, the
agreement matrix's rows."""

from __future__ import annotations

from factcheck.schema import ClaimCheck, Finding, Outcome, ReferenceSummary, Report, Verdict

MATRIX_NOTE = (
    "Each row's source against each column's: the share of the row source's claims that the "
    "column source confirms (an agreeing claim), and how many of its claims it contradicts."
)


def claims_line(name: str, counts: Outcome, reference: bool) -> str:
    """One source's claims by outcome: they add up to its claims."""
    parts = [f"{counts.confirmed} confirmed by another source"]
    parts.append(f"{counts.contradicted} contradicted")
    if counts.disputed:
        parts.append(f"{counts.disputed} disputed between named sources")
    if reference and counts.checked:
        parts.append(f"{counts.checked} checked against the source")
    parts.append(f"{counts.only_here} only in it")
    return f"{name}: {counts.claims} claims — " + ", ".join(parts)


def summary_lines(report: Report) -> list[str]:
    """Claims by outcome for each source, then the judged pairs: two different counts."""
    s = report.summary
    names = report.source_names
    reference = isinstance(s, ReferenceSummary)
    lines = [
        claims_line(names[source_id], counts, reference)
        for source_id, counts in s.by_source.items()
    ]
    lines.append(
        f"pairs judged: {s.contradict} contradict · {s.attribution} named sources "
        f"disagree · {s.agree} agree · {s.related} related"
    )
    if isinstance(s, ReferenceSummary):
        lines.append(
            f"consistency score {s.consistency_score:.2f} ({s.supported} supported, "
            f"{s.contradicted} contradicted, {s.unsupported} unsupported)"
        )
    return lines


def reasons_text(finding: Finding) -> str:
    return "; ".join(f"{r.kind}: {r.detail}" for r in finding.reasons)


def missing_note(check: ClaimCheck) -> str:
    """What a checked claim states that the source never mentions, as a note."""
    names = [r.a for r in check.reasons]
    return f" (not in the source: {', '.join(names)})" if names else ""


def matrix_rows(report: Report) -> list[list[str]]:
    """summary.matrix as rows: the share of the row source's claims each other source
    confirms, and the contradictions between them."""
    rows = []
    matrix = report.summary.matrix
    for row in report.sources:
        cells = []
        for col in report.sources:
            cell = matrix.get(row.id, {}).get(col.id)
            if row.id == col.id:
                cells.append("—")
            elif cell is None:
                cells.append("·")
            else:
                cells.append(
                    f"{100 * cell.confirmed:.0f}% confirmed, {cell.contradict} contradicted"
                )
        rows.append([row.id, *cells])
    return rows


def by_severity(findings: list[Finding]) -> list[Finding]:
    """Findings most severe verdict first, then surest first."""
    return sorted(findings, key=lambda f: (Verdict(f.label).rank, -f.confidence))
