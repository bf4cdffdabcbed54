"""`factcheck schema`: the JSON Schema of the JSON report, generated from the typed report
contract (factcheck/schema.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from factcheck.cli.errors import UserError
from factcheck.files import write_atomically


def schema_command(
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the schema here instead of stdout."
    ),
    force: bool = typer.Option(False, "--force", help="Replace an existing --output file."),
) -> None:
    """Print the JSON Schema that every `compare --format json` report follows.

    Generated from the report's typed records, so it always matches what factcheck writes;
    the copy shipped in the package (factcheck/schemas/report-v1.json) is checked against it
    by the tests. Validate a report with any JSON Schema tool, e.g. Python's jsonschema.

    \b
    factcheck schema > report-v1.json
    factcheck schema --output factcheck/schemas/report-v1.json --force   # after changing it
    """
    from factcheck.schema import schema_text

    text = schema_text()
    if output is None:
        sys.stdout.write(text)
        return
    if output.exists() and not force:
        raise UserError(f"{output} exists; use --force to replace it")
    write_atomically(output, text)
    typer.echo(f"schema written to {output}", err=True)
