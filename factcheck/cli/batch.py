"""`factcheck batch`: compare every story of a manifest and write an index."""

from __future__ import annotations

import os
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from factcheck import load_settings
from factcheck.cli.errors import UserError


def batch_command(
    manifest: Path = typer.Argument(
        ...,
        help="CSV with columns story,source[,published] (one row per source) or JSONL.",
    ),
    output: Path = typer.Option(..., "--output", "-o", help="Folder for the reports and index."),
    engine: str | None = typer.Option(
        None,
        "--engine",
        help="local (processes on this machine) or ray. Default: engine in configs/batch.yaml.",
    ),
    workers: int | None = typer.Option(
        None,
        "--workers",
        "-w",
        min=1,
        help="Stories at a time (processes or Ray CPUs). Default: workers in configs/batch.yaml.",
    ),
    fmt: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help="Report formats, comma-separated: json, html, md, csv (JSON is always written). "
        "Default: formats in configs/batch.yaml.",
    ),
    address: str | None = typer.Option(
        None, "--address", help="An existing Ray cluster (ray engine); default: a local one."
    ),
    force: bool = typer.Option(False, "--force", help="Re-run stories even if unchanged."),
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Compute embeddings and NLI afresh (no result cache)."
    ),
    keep_going: bool = typer.Option(
        False,
        "--keep-going",
        help="Exit 0 even when some stories failed (they are listed in the index either way).",
    ),
) -> None:
    """Compare many stories: each story's sources compared with each other, reports
    written to OUTPUT/<story>.json (and other formats), and OUTPUT/index.html and
    OUTPUT/index.csv listing every story by number of contradictions. Stories whose inputs
    have not changed since the last run are skipped; a story that fails is listed with its
    error while the others finish, and the exit status is 1 unless --keep-going is given.

    \b
    factcheck batch stories.csv --output out/ --format json,html
    factcheck batch stories.jsonl --output out/ --engine ray --workers 4
    """
    from factcheck.batch import run_batch

    loaded = load_settings()
    engine = engine or loaded.batch.engine
    workers = workers or loaded.batch.workers
    formats = (
        [f.strip().lower() for f in fmt.split(",") if f.strip()]
        if fmt is not None
        else loaded.batch.formats
    )
    if engine == "local" and workers > (os.cpu_count() or 1) * loaded.batch.max_workers_per_core:
        raise UserError(f"--workers {workers} is far more than this machine's cores")
    stderr = Console(stderr=True)
    bar = Progress(
        TextColumn("[bold]stories"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=stderr,
        disable=not stderr.is_terminal,
    )
    task = bar.add_task("stories", total=None)

    def planned(to_run: int, skipped: int) -> None:
        bar.update(task, total=to_run)
        if skipped:
            stderr.print(f"{skipped} unchanged stories skipped")

    def advance(result: dict) -> None:
        bar.advance(task)
        if result["status"] == "failed":
            bar.console.print(f"[red]failed[/red] {result['story']}: {result['error']}")

    with bar:
        summary = run_batch(
            manifest,
            output,
            loaded,
            formats,
            engine,
            workers,
            address,
            force,
            advance,
            planned,
            cache=not no_cache,
        )
    typer.echo(
        f"{summary['stories']} stories: {summary['ran']} compared, {summary['skipped']} "
        f"unchanged, {summary['failed']} failed, in {summary['seconds']:.1f} s — "
        f"index: {output / 'index.html'}"
    )
    if summary["failed"] and not keep_going:
        raise UserError(
            f"{summary['failed']} of {summary['stories']} stories failed (listed in "
            f"{output / 'index.html'}); --keep-going makes that exit status 0"
        )
