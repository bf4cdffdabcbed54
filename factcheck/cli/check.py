"""`factcheck check`: the judge's full verdict on one pair of claims, or a file of pairs."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from factcheck.cli.errors import UserError
from factcheck.cli.jsonl import check_output, read_pairs_jsonl, write_lines
from factcheck.schema import Finding

FORMATS = ("text", "json")
CHUNK = 256  # pairs judged at a time, so that the progress bar moves on long files


def finding_fields(finding: Finding) -> dict[str, Any]:
    """A verdict as JSON fields: label, confidence, similarity, NLI both ways, reasons."""
    return {
        "label": finding.label,
        "confidence": finding.confidence,
        "similarity": finding.similarity,
        "nli_a_to_b": finding.nli_a_to_b,
        "nli_b_to_a": finding.nli_b_to_a,
        "reasons": [asdict(reason) for reason in finding.reasons],
    }


def render_text(finding: Finding) -> str:
    lines = [f"{finding.label}   (confidence {finding.confidence:.2f})"]
    lines += [f"  {reason.kind}: {reason.detail}" for reason in finding.reasons]
    return "\n".join(lines)


def check_command(
    claim_a: str | None = typer.Argument(None, help="The first claim (a quote, a statement)."),
    claim_b: str | None = typer.Argument(None, help="The second claim, judged against it."),
    input: str | None = typer.Option(
        None,
        "--input",
        "-i",
        help="JSONL file of objects with 'a' and 'b' (other fields are kept); '-' for stdin.",
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write judged JSONL here instead of stdout."
    ),
    force: bool = typer.Option(False, "--force", help="Replace an existing --output file."),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json (one pair)."),
) -> None:
    """Judge two claims as `compare` judges an aligned pair: agree, contradict, attribution
    or related, with a confidence and the reasons (NLI both ways, numbers, dates, names,
    negation, who said it).

    \b
    One pair:  factcheck check "Thousands of troops marched." "Tens of thousands of troops marched."
    As JSON:   factcheck check "A" "B" --format json
    A file:    factcheck check --input pairs.jsonl --output judged.jsonl
    Each output line is the input object plus label, confidence, similarity, nli_a_to_b,
    nli_b_to_a and reasons; the order is kept. The claims are judged as given, not split.
    """
    from factcheck import get_pipeline

    if fmt not in FORMATS:
        raise UserError(f"unknown format '{fmt}': use text or json")
    if input is None:
        if claim_a is None or claim_b is None:
            raise UserError('give two claims, "A" "B", or --input FILE (see --help)')
        if not claim_a.strip() or not claim_b.strip():
            raise UserError("both claims must be non-empty text")
        finding = get_pipeline().check([(claim_a, claim_b)])[0]
        if fmt == "json":
            typer.echo(json.dumps({"a": claim_a, "b": claim_b, **finding_fields(finding)}))
        else:
            typer.echo(render_text(finding))
        return

    if claim_a is not None:
        raise UserError("give either two claims or --input, not both")
    check_output(input, output, force)
    rows = read_pairs_jsonl(input, keys=("a", "b"))
    stderr = Console(stderr=True)
    columns = (TextColumn("check"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    findings: list[Finding] = []
    judge = get_pipeline()
    with Progress(*columns, console=stderr, disable=not stderr.is_terminal) as bar:
        task = bar.add_task("check", total=len(rows))
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            findings += judge.check([(row["a"], row["b"]) for row in chunk])
            bar.advance(task, len(chunk))
    lines = [
        json.dumps({**row, **finding_fields(finding)}, ensure_ascii=False) + "\n"
        for row, finding in zip(rows, findings, strict=True)
    ]
    write_lines(lines, output, stderr, "judged")
