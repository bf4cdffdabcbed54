"""JSONL input and output shared by the commands that label pairs (`nli`, `check`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console

from factcheck.cli.errors import UserError
from factcheck.files import write_atomically


def read_pairs_jsonl(
    path: str, keys: tuple[str, str] = ("premise", "hypothesis")
) -> list[dict[str, Any]]:
    """Every row of a JSONL file, checked before any model work; errors name the line.
    Each row is an object whose `keys` are non-empty strings; other fields are kept."""
    if path == "-":
        raw = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        file = Path(path)
        if not file.exists():
            raise UserError(f"input file not found: {path}")
        if not file.is_file():
            raise UserError(f"input is not a file: {path}")
        raw = file.read_bytes()
        name = path
    if b"\x00" in raw[:8192]:
        raise UserError(f"{name} is a binary file, not JSONL")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"{name} is not UTF-8 text (byte {exc.start})") from exc
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UserError(f"{name}, line {number}: not valid JSON ({exc.msg})") from exc
        if not isinstance(row, dict):
            raise UserError(f"{name}, line {number}: expected a JSON object")
        for key in keys:
            if not isinstance(row.get(key), str) or not row[key].strip():
                raise UserError(f"{name}, line {number}: '{key}' must be a non-empty string")
        rows.append(row)
    if not rows:
        raise UserError(f"{name} holds no pairs")
    return rows


def check_output(input: str, output: Path | None, force: bool) -> None:
    """Before any work: --output neither replaces the input nor, without --force, a file."""
    if output is None:
        return
    if input != "-" and Path(input).resolve() == output.resolve():
        raise UserError("--output would overwrite the input file")
    if output.exists() and not force:
        raise UserError(f"{output} exists; use --force to replace it")


def write_lines(lines: list[str], output: Path | None, stderr: Console, done: str) -> None:
    """JSONL lines to stdout, or atomically to `output` with one line on stderr saying so."""
    if output is None:
        sys.stdout.writelines(lines)
    else:
        write_atomically(output, lines)
        stderr.print(f"{len(lines)} pairs {done} → {output}")
