"""`factcheck bench …`: benchmarks that measure on this machine and write to reports/."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from factcheck.cli.errors import UserError, user_errors
from factcheck.config import ConfigError, load_config
from factcheck.nli.model import ModelLoadError
from factcheck.resources import ResourceError, resolve

app = typer.Typer(
    help="Benchmarks that measure on this machine and write reports/.", no_args_is_help=True
)


@app.command("nli")
def bench_nli_command(
    model: str | None = typer.Option(
        None, "--model", help="Model folder (default: the served one)."
    ),
    out_dir: Path = typer.Option(Path("reports"), "--out", help="Folder for nli.md and nli.json."),
    max_pairs: int | None = typer.Option(
        None, "--max-pairs", help="At most this many pairs per eval file (quick runs)."
    ),
    backends: str = typer.Option(
        "torch,torch-int8,onnx",
        "--backends",
        help="Backends to time and check, comma-separated; the first is the accuracy reference.",
    ),
    ablations: Path | None = typer.Option(
        None,
        "--ablations",
        help="Folder of ablation runs (each with a model/); default from configs/nli.yaml.",
    ),
) -> None:
    """Accuracy, per-class F1, confusion, calibration (ECE), Breaking-NLI categories, speed
    per backend and a cosine-similarity baseline, on every file in the eval folder and on the
    validation split. Writes reports/nli.md and reports/nli.json.
    """
    from factcheck.nli.bench import run_nli_bench, write_reports

    with user_errors(ConfigError, ResourceError):
        settings = load_config("nli")
        folder = resolve(model or settings["serve"]["model"])
        eval_dir = resolve(settings["bench"]["eval_dir"])
        ablation_root = ablations or Path(settings["bench"]["ablation_runs"])
    if not eval_dir.is_dir():
        raise UserError(f"eval folder not found: {eval_dir}")
    eval_files = sorted(eval_dir.glob("*.jsonl"))
    ablation_dirs = (
        sorted(p for p in ablation_root.glob("*") if p.is_dir()) if ablation_root.is_dir() else []
    )
    chosen = [b.strip() for b in backends.split(",") if b.strip()]
    unknown = set(chosen) - {"torch", "torch-int8", "onnx"}
    if unknown:
        raise UserError(f"unknown backend(s): {', '.join(sorted(unknown))}")

    def log(message: str) -> None:
        print(message, file=sys.stderr)

    limit = max_pairs if max_pairs is not None else int(settings["bench"]["max_pairs_per_file"])
    with user_errors(ModelLoadError, FileNotFoundError):
        report = run_nli_bench(folder, settings, eval_files, log, limit, chosen, ablation_dirs)
    json_path, md_path = write_reports(report, out_dir)
    typer.echo(f"wrote {md_path} and {json_path}")
