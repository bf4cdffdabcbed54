"""`factcheck nli`: label premise/hypothesis pairs with factcheck's NLI model."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from factcheck import load_settings
from factcheck.cli.errors import UserError
from factcheck.cli.jsonl import check_output, read_pairs_jsonl, write_lines
from factcheck.models.nli import load_nli_model


def nli_command(
    premise: str | None = typer.Argument(None, help="The premise (what is taken as true)."),
    hypothesis: str | None = typer.Argument(None, help="The hypothesis to judge against it."),
    input: str | None = typer.Option(
        None,
        "--input",
        "-i",
        help="JSONL file of objects with 'premise' and 'hypothesis' ('-' for stdin).",
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write labelled JSONL here instead of stdout."
    ),
    force: bool = typer.Option(False, "--force", help="Replace an existing --output file."),
    as_json: bool = typer.Option(False, "--json", help="Print the single-pair result as JSON."),
    model: str | None = typer.Option(
        None, "--model", help="Model folder (default from configs/nli.yaml)."
    ),
    backend: str | None = typer.Option(
        None, "--backend", help="auto, torch, torch-int8, onnx or onnx-int8."
    ),
    batch_size: int | None = typer.Option(None, "--batch-size", min=1, help="Pairs per batch."),
) -> None:
    """Label pairs entailment, neutral or contradiction, with the three probabilities.

    \b
    One pair:   factcheck nli "A man is sleeping." "A man is awake."
    A file:     factcheck nli --input pairs.jsonl --output labelled.jsonl
    Each output line is the input object plus "label" and "probs"; the order is kept.
    """
    if input is None:
        if premise is None or hypothesis is None:
            raise UserError("give PREMISE and HYPOTHESIS, or --input FILE (see --help)")
        if not premise.strip() or not hypothesis.strip():
            raise UserError("premise and hypothesis must not be empty")
        result = load_nli_model(load_settings().nli.serve, model, backend).classify(
            premise, hypothesis
        )
        if as_json:
            typer.echo(json.dumps({"label": result.label, "probs": result.probs}))
        else:
            typer.echo(result.label)
            for label, prob in result.probs.items():
                typer.echo(f"  {label:<13} {prob:.3f}")
        return

    if premise is not None:
        raise UserError("give either PREMISE HYPOTHESIS or --input, not both")
    check_output(input, output, force)
    rows = read_pairs_jsonl(input)
    nli = load_nli_model(load_settings().nli.serve, model, backend)
    stderr = Console(stderr=True)
    columns = (TextColumn("nli"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=stderr, disable=not stderr.is_terminal) as bar:
        task = bar.add_task("nli", total=len(rows))
        probs = nli.predict(
            [r["premise"] for r in rows],
            [r["hypothesis"] for r in rows],
            batch_size,
            progress=lambda n: bar.advance(task, n),
        )
    lines = []
    for row, p in zip(rows, probs, strict=True):
        labelled = dict(row)
        labelled["label"] = nli.labels[int(p.argmax())]
        labelled["probs"] = {k: round(float(v), 6) for k, v in zip(nli.labels, p, strict=True)}
        lines.append(json.dumps(labelled, ensure_ascii=False) + "\n")
    write_lines(lines, output, stderr, "labelled")
