"""The `factcheck` command: one file per sub-command, each a thin layer over the library.

A shell: it may import every part of factcheck; nothing imports it but `__main__`.
"""

from __future__ import annotations

import sys
import warnings

import typer

from factcheck.cli import (
    average_nli,
    batch,
    bench,
    cache,
    check,
    compare,
    nli,
    review,
    schema,
    train_nli,
)
from factcheck.errors import FactcheckError

app = typer.Typer(
    name="factcheck",
    help="Offline fact-consistency checking for news: where sources agree, contradict, or "
    "say something alone.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("compare", short_help="Compare articles about one event, claim by claim.")(
    compare.compare_command
)
app.command("check", short_help="Judge two claims: agree, contradict, attribution or related.")(
    check.check_command
)
app.command("nli")(nli.nli_command)
app.command("train-nli")(train_nli.train_nli_command)
app.command("average-nli")(average_nli.average_nli_command)
app.command("batch", short_help="Compare every story of a manifest; write reports and an index.")(
    batch.batch_command
)
app.command("review", short_help="Serve the editorial review web app over a SQLite database.")(
    review.review_command
)
app.command("schema", short_help="Print the JSON Schema of the JSON report.")(schema.schema_command)
app.add_typer(bench.app, name="bench")
app.add_typer(cache.app, name="cache")


def _version(value: bool) -> None:
    if value:
        from factcheck import __version__

        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Offline fact-consistency checking for news: where sources agree, contradict, or say
    something alone. Start with `factcheck compare --help`."""


def _warn_in_one_line(message, category, filename, lineno, file=None, line=None) -> None:
    """Library warnings (a guessed encoding) as one line for the user, not a source location."""
    print(f"factcheck: warning: {message}", file=sys.stderr)


def main() -> None:
    """Entry point: a user error is one line on stderr and exit status 2, never a traceback."""
    warnings.showwarning = _warn_in_one_line
    try:
        app()
    except FactcheckError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        sys.exit(130)
