"""Report stage: a `Report` rendered as terminal text, Markdown, JSON or CSV.

Every renderer reads the same `Report.to_dict()` data, so the formats never disagree.

May import: the foundation (`schema`, `settings`, `errors`, `files`, `resources`) only.
"""

from __future__ import annotations

import io
import json
from typing import Any

from factcheck.report.markdown import table
from factcheck.schema import Report

FORMATS = ("text", "markdown", "json", "csv")
# Every report format by every name `compare` and `batch` accept, and its file suffix.
FORMAT_NAMES = {
    "text": "text",
    "txt": "text",
    "markdown": "markdown",
    "md": "markdown",
    "json": "json",
    "csv": "csv",
    "html": "html",
}
SUFFIXES = {"text": "txt", "markdown": "md", "json": "json", "csv": "csv", "html": "html"}


def format_named(name: str) -> str | None:
    """The format a user's name for it means ("md" → "markdown"), or None."""
    return FORMAT_NAMES.get(name.strip().lower())


SEVERITY = {"contradict": 0, "attribution": 1, "related": 2, "agree": 3}


def _claims(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in data["claims"]}


def _source_names(data: dict[str, Any]) -> dict[str, str]:
    return {s["id"]: s["name"] for s in data["sources"]}


def _claims_line(name: str, counts: dict[str, int], reference: bool) -> str:
    """One source's claims by outcome: they add up to its claims."""
    parts = [f"{counts['confirmed']} confirmed by another source"]
    parts.append(f"{counts['contradicted']} contradicted")
    if counts["disputed"]:
        parts.append(f"{counts['disputed']} disputed between named sources")
    if reference and counts["checked"]:
        parts.append(f"{counts['checked']} checked against the source")
    parts.append(f"{counts['only_here']} only in it")
    return f"{name}: {counts['claims']} claims — " + ", ".join(parts)


def _summary_lines(data: dict[str, Any]) -> list[str]:
    """Claims by outcome for each source, then the judged pairs: two different counts."""
    s = data["summary"]
    names = _source_names(data)
    reference = "consistency_score" in s
    lines = [
        _claims_line(names[source_id], counts, reference)
        for source_id, counts in s["by_source"].items()
    ]
    lines.append(
        f"pairs judged: {s['contradict']} contradict · {s['attribution']} named sources "
        f"disagree · {s['agree']} agree · {s['related']} related"
    )
    if reference:
        lines.append(
            f"consistency score {s['consistency_score']:.2f} ({s['supported']} supported, "
            f"{s['contradicted']} contradicted, {s['unsupported']} unsupported)"
        )
    return lines


def _reasons_text(pair: dict[str, Any]) -> str:
    return "; ".join(f"{r['kind']}: {r['detail']}" for r in pair["reasons"])


def _missing(check: dict[str, Any]) -> str:
    """What a checked claim states that the source never mentions, as a note."""
    names = [r["a"] for r in check.get("reasons", [])]
    return f" (not in the source: {', '.join(names)})" if names else ""


def render_text(report: Report, width: int | None = None, color: bool = False) -> str:
    """The terminal report: counts, contradictions side by side, then unique claims."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    data = report.to_dict()
    claims, names = _claims(data), _source_names(data)
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width or 110, force_terminal=color, no_color=not color, highlight=False
    )
    console.print(Text("factcheck: " + " vs ".join(names.values()), style="bold"))
    for line in _summary_lines(data):
        console.print(Text(line))
    for label, title, style in (
        ("contradict", "Contradictions", "bold red"),
        ("attribution", "Named sources disagree", "bold magenta"),
    ):
        chosen = [p for p in data["pairs"] if p["label"] == label]
        if not chosen:
            continue
        console.print()
        console.print(Text(f"{title} ({len(chosen)})", style=style))
        for pair in sorted(chosen, key=lambda p: -p["confidence"]):
            a, b = (claims[cid] for cid in pair["claims"])
            table = Table(show_header=True, expand=True, show_lines=False)
            table.add_column(f"{names[a['source']]} ({a['id']})", ratio=1)
            table.add_column(f"{names[b['source']]} ({b['id']})", ratio=1)
            table.add_row(Text(a["text"]), Text(b["text"]))
            console.print(table)
            console.print(Text(f"  confidence {pair['confidence']:.2f} — {_reasons_text(pair)}"))
    agreements = sorted(
        (p for p in data["pairs"] if p["label"] == "agree"), key=lambda p: -p["confidence"]
    )
    if agreements:
        console.print()
        console.print(Text(f"Agreements ({len(agreements)})", style="bold green"))
        for pair in agreements:
            a, b = (claims[cid] for cid in pair["claims"])
            console.print(Text(f"  • {names[a['source']]}: {a['text']}"))
            console.print(Text(f"    {names[b['source']]}: {b['text']}"))
    odd = [c for c in data["clusters"] if c["odd_ones_out"]]
    if odd:
        console.print()
        console.print(Text(f"Sources that stand alone ({len(odd)})", style="bold red"))
        for cluster in odd:
            alone = ", ".join(names[s] for s in cluster["odd_ones_out"])
            others = ", ".join(
                names[s] for s in cluster["sources"] if s not in cluster["odd_ones_out"]
            )
            console.print(
                Text(f"  • {alone} against {others}: {claims[cluster['claims'][0]]['text']}")
            )
    if len(data["sources"]) > 2:
        console.print()
        console.print(Text("Agreement between sources", style="bold"))
        console.print(Text(MATRIX_NOTE))
        console.print(_matrix_table(data, names))
    if data["checks"]:
        console.print()
        console.print(Text("Claims of the checked text", style="bold"))
        for check in data["checks"]:
            console.print(
                Text(f"  [{check['label']}] {claims[check['claim']]['text']}{_missing(check)}")
            )
    for source in data["sources"]:
        unique = [claims[cid] for cid in data["unique"] if claims[cid]["source"] == source["id"]]
        if unique:
            console.print()
            console.print(Text(f"Only in {source['name']} ({len(unique)})", style="bold"))
            for claim in unique:
                console.print(Text(f"  • {claim['text']}"))
    return buffer.getvalue()


MATRIX_NOTE = (
    "Each row's source against each column's: the share of the row source's claims that the "
    "column source confirms (an agreeing claim), and how many of its claims it contradicts."
)


def _matrix_rows(data: dict[str, Any]) -> list[list[str]]:
    """summary.matrix as rows: the share of the row source's claims each other source
    confirms, and the contradictions between them."""
    rows = []
    matrix = data["summary"]["matrix"]
    for row in data["sources"]:
        cells = []
        for col in data["sources"]:
            cell = matrix.get(row["id"], {}).get(col["id"])
            if row["id"] == col["id"]:
                cells.append("—")
            elif cell is None:
                cells.append("·")
            else:
                cells.append(
                    f"{100 * cell['confirmed']:.0f}% confirmed, {cell['contradict']} contradicted"
                )
        rows.append([row["id"], *cells])
    return rows


def _matrix_table(data: dict[str, Any], names: dict[str, str]):
    from rich.table import Table

    table = Table(show_header=True)
    table.add_column("")
    for source in data["sources"]:
        table.add_column(f"{source['id']}: {names[source['id']]}")
    for row in _matrix_rows(data):
        table.add_row(*row)
    return table


def md_escape(text: str) -> str:
    """Article text is untrusted: no Markdown or HTML in it may take effect."""
    out = text.replace("\\", "\\\\")
    for ch in "`*_[]<>|#":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\n", " ")


def render_markdown(report: Report) -> str:
    data = report.to_dict()
    claims, names = _claims(data), _source_names(data)
    lines = [
        f"# factcheck: {' vs '.join(md_escape(n) for n in names.values())}",
        "",
        *(f"- {md_escape(line)}" for line in _summary_lines(data)),
        "",
    ]
    ordered = sorted(data["pairs"], key=lambda p: (SEVERITY[p["label"]], -p["confidence"]))
    for label, title in (
        ("contradict", "Contradictions"),
        ("attribution", "Named sources disagree"),
        ("agree", "Agreements"),
    ):
        chosen = [p for p in ordered if p["label"] == label]
        if not chosen:
            continue
        lines += [f"## {title} ({len(chosen)})", ""]
        # One table per pair of sources, its columns headed by their names: with three or
        # more sources a row may compare B with C.
        by_sources: dict[tuple[str, str], list[dict]] = {}
        for pair in chosen:
            key = tuple(claims[cid]["source"] for cid in pair["claims"])
            by_sources.setdefault(key, []).append(pair)
        for (source_a, source_b), group in by_sources.items():
            name_a, name_b = md_escape(names[source_a]), md_escape(names[source_b])
            if len(by_sources) > 1:
                lines += [f"### {name_a} vs {name_b}", ""]
            lines += [f"| {name_a} | {name_b} | confidence | reasons |", "|---|---|---:|---|"]
            for pair in group:
                a, b = (claims[cid] for cid in pair["claims"])
                lines.append(
                    f"| {md_escape(a['text'])} | {md_escape(b['text'])} | "
                    f"{pair['confidence']:.2f} | {md_escape(_reasons_text(pair))} |"
                )
            lines.append("")
    if data["clusters"] and len(data["sources"]) > 2:
        headers = ["Fact", *(md_escape(n) for n in names.values()), "Verdict"]
        grid = []
        for cluster in data["clusters"]:
            marks = [
                "alone"
                if s["id"] in cluster["odd_ones_out"]
                else ("✓" if s["id"] in cluster["sources"] else "·")
                for s in data["sources"]
            ]
            grid.append([md_escape(claims[cluster["claims"][0]]["text"]), *marks, cluster["label"]])
        lines += [
            f"## Coverage: facts × sources ({len(data['clusters'])})",
            "",
            *table(headers, grid, left=range(len(headers))),
            "",
            "## Agreement between sources",
            "",
            MATRIX_NOTE,
            "",
            *table(
                ["", *(md_escape(n) for n in names.values())],
                _matrix_rows(data),
                left=range(len(names) + 1),
            ),
            "",
        ]
    if data["checks"]:
        lines += [
            "## Claims of the checked text",
            "",
            "| claim | verdict | confidence |",
            "|---|---|---:|",
        ]
        lines += [
            f"| {md_escape(claims[c['claim']]['text'] + _missing(c))} | {c['label']} "
            f"| {c['confidence']:.2f} |"
            for c in data["checks"]
        ]
        lines.append("")
    for source in data["sources"]:
        unique = [claims[cid] for cid in data["unique"] if claims[cid]["source"] == source["id"]]
        if unique:
            lines += [f"## Only in {md_escape(source['name'])} ({len(unique)})", ""]
            for claim in unique:
                closest = data["closest"].get(claim["id"])
                context = ""
                if closest:
                    other = md_escape(claims[closest["claim"]]["text"])
                    context = (
                        f" (closest in another source: “{other}”, "
                        f"similarity {closest['similarity']:.2f})"
                    )
                lines.append(f"- {md_escape(claim['text'])}{context}")
            lines.append("")
    return "\n".join(lines)


def render_json(report: Report) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


def render_csv(report: Report) -> str:
    """A row per judged pair, per unique claim and (reference mode) per checked claim."""
    import pandas as pd

    data = report.to_dict()
    claims, names = _claims(data), _source_names(data)
    rows = []
    for pair in data["pairs"]:
        a, b = (claims[cid] for cid in pair["claims"])
        rows.append(
            {
                "kind": "pair",
                "label": pair["label"],
                "confidence": pair["confidence"],
                "similarity": pair["similarity"],
                "claim_a": a["id"],
                "source_a": names[a["source"]],
                "text_a": a["text"],
                "claim_b": b["id"],
                "source_b": names[b["source"]],
                "text_b": b["text"],
                "reasons": _reasons_text(pair),
            }
        )
    for claim_id in data["unique"]:
        claim = claims[claim_id]
        closest = data["closest"].get(claim_id)
        rows.append(
            {
                "kind": "unique",
                "label": "unique",
                "confidence": None,
                "similarity": closest["similarity"] if closest else None,
                "claim_a": claim_id,
                "source_a": names[claim["source"]],
                "text_a": claim["text"],
                "claim_b": closest["claim"] if closest else None,
                "source_b": names[claims[closest["claim"]]["source"]] if closest else None,
                "text_b": claims[closest["claim"]]["text"] if closest else None,
                "reasons": "",
            }
        )
    for check in data["checks"]:
        claim = claims[check["claim"]]
        evidence = claims.get(check["evidence"] or "")
        rows.append(
            {
                "kind": "check",
                "label": check["label"],
                "confidence": check["confidence"],
                "similarity": None,
                "claim_a": claim["id"],
                "source_a": names[claim["source"]],
                "text_a": claim["text"],
                "claim_b": evidence["id"] if evidence else None,
                "source_b": names[evidence["source"]] if evidence else None,
                "text_b": evidence["text"] if evidence else None,
                "reasons": "; ".join(r["detail"] for r in check["reasons"]),
            }
        )
    columns = [
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
    return pd.DataFrame(rows, columns=columns).to_csv(index=False)


RENDERERS = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
    "csv": render_csv,
}


def render(report: Report, fmt: str) -> str:
    return RENDERERS[fmt](report)
