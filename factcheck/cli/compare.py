"""`factcheck compare`: two or more articles compared claim by claim."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console

from factcheck.cli.errors import UserError
from factcheck.files import write_atomically
from factcheck.pipeline.pipeline import Stage, publication_date
from factcheck.report import FORMAT_NAMES, format_named


def compare_command(
    sources: list[str] = typer.Argument(
        ...,
        help="Article files (.txt, .md, .html; English; up to 5 MB each, see read.max_bytes "
        "in configs/compare.yaml), folders of them, or '-' for stdin; two or more in all.",
    ),
    reference: str | None = typer.Option(
        None,
        "--reference",
        "-r",
        help="Check the one TEXT "
        "given against this source instead: each claim is "
        "supported, contradicted or unsupported.",
    ),
    fmt: str = typer.Option(
        "text", "--format", "-f", help="text, markdown (md), html, json or csv."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the report here instead of stdout."
    ),
    force: bool = typer.Option(False, "--force", help="Replace an existing --output file."),
    any_language: bool = typer.Option(
        False,
        "--any-language",
        help="Compare sources in any language (the models read English; others compare badly).",
    ),
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Compute embeddings and NLI afresh (no result cache)."
    ),
    published: list[str] = typer.Option(
        None,
        "--published",
        help="Publication date of each source, in order (ISO dates); HTML pages give theirs.",
    ),
) -> None:
    """Compare articles about one event: what they agree on, where they contradict each
    other, and what only one of them says.

    \b
    factcheck compare article_a.txt article_b.html
    factcheck compare a.txt b.txt --format html --output report.html
    factcheck compare --reference source.txt summary.txt --format json
    """
    named = format_named(fmt)
    if named is None:
        raise UserError(f"unknown --format '{fmt}' (choose from {', '.join(FORMAT_NAMES)})")
    fmt = named
    if reference is None and len(sources) < 2 and not all(Path(s).is_dir() for s in sources):
        raise UserError("give at least two sources to compare (or --reference SOURCE TEXT)")
    if reference is not None and len(sources) != 1:
        raise UserError("--reference checks exactly one TEXT against the source")
    if sum(s == "-" for s in [*sources, reference or ""]) > 1:
        raise UserError("stdin ('-') can be used for one source only")
    for value in published or []:
        if publication_date(value) is None:
            raise UserError(f"--published {value!r} is not a date (use YYYY-MM-DD)")
    if output is not None:
        inputs = {Path(s).resolve() for s in [*sources, reference] if s and s != "-"}
        if output.resolve() in inputs:
            raise UserError(f"--output {output} is one of the inputs; refusing to overwrite it")
        if output.exists() and not force:
            raise UserError(f"{output} exists; use --force to replace it")

    from factcheck import get_pipeline
    from factcheck.report import render
    from factcheck.settings import ANY_LANGUAGE, NO_CACHE

    stderr = Console(stderr=True)
    config = {**(NO_CACHE if no_cache else {}), **(ANY_LANGUAGE if any_language else {})}
    pipeline = get_pipeline(config)
    if stderr.is_terminal:
        with stderr.status("comparing…") as status:
            report = pipeline.compare(
                sources,
                reference,
                published,
                progress=lambda stage, share: status.update(_progress_text(stage, share)),
            )
    else:
        report = pipeline.compare(sources, reference, published)
    if fmt == "text" and output is None:
        text = render(report, "text") if not sys.stdout.isatty() else None
    else:
        text = render(report, fmt)
    if output is not None:
        write_atomically(output, [text])
        stderr.print(f"report written to {output}")
    elif text is None:
        from factcheck.report.text import render_text

        sys.stdout.write(render_text(report, width=Console().width, color=True))
    else:
        sys.stdout.write(text)


def _progress_text(stage: Stage, share: float) -> str:
    """What the spinner says: the stage, and how far judging has got."""
    return f"{stage.value}: {100 * share:.0f} %…" if share else f"{stage.value}…"
