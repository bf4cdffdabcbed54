"""`factcheck train-nli`: train the NLI cross-encoder from the JSONL pools."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import get_args

import typer

from factcheck.cli.errors import UserError, user_errors
from factcheck.settings import NLISettings, TrainDevice, TwoWay


def train_nli_command(
    pools: list[str] = typer.Argument(
        None, help="JSONL pools to train on (globs allowed); default: the list in configs/nli.yaml."
    ),
    run_dir: Path = typer.Option(
        Path("runs/nli"),
        "--run-dir",
        help="Folder for data splits, checkpoints, the log and the final model.",
    ),
    export: Path | None = typer.Option(
        None, "--export", help="Copy the final model here (for instance models/nli-minilm-l6)."
    ),
    config: Path | None = typer.Option(
        None, "--config", help="Another settings file than configs/nli.yaml."
    ),
    time_budget: float | None = typer.Option(
        None,
        "--time-budget",
        help="Minutes of training; the learning-rate schedule fits into them.",
    ),
    epochs: int | None = typer.Option(None, help="Passes over the training pairs."),
    max_steps: int | None = typer.Option(
        None, "--max-steps", help="Stop after this many optimiser steps (ablations)."
    ),
    max_pairs: int | None = typer.Option(
        None, "--max-pairs", help="Train on at most this many pairs (smoke runs)."
    ),
    eval_every: int | None = typer.Option(None, "--eval-every", help="Steps between validations."),
    seed: int | None = typer.Option(None, help="Random seed (same seed, same run)."),
    no_synthetic: bool = typer.Option(
        False, "--no-synthetic", help="Leave the synthetic news discrepancy pairs out (ablation)."
    ),
    no_near_copies: bool = typer.Option(
        False,
        "--no-near-copies",
        help="Synthetic pairs as before the near copies: contradictions and a few entailments "
        "only (ablation).",
    ),
    no_passages: bool = typer.Option(
        False,
        "--no-passages",
        help="Leave out the pairs with passage premises (SummEdits, news passages).",
    ),
    two_way: str | None = typer.Option(
        None,
        "--two-way",
        help="'loss' trains 2-way files through a 2-way loss; 'drop' leaves them out.",
    ),
    resume: bool = typer.Option(False, "--resume", help="Continue from RUN_DIR's last checkpoint."),
    init: str | None = typer.Option(
        None,
        "--init",
        help="Fine-tune this trained model (for instance models:nli-minilm-l6) instead of "
        "training a new head on the base.",
    ),
    distill_from: str | None = typer.Option(
        None,
        "--distill-from",
        help="An earlier model whose probabilities the run also learns on the general NLI "
        "pools (train.distill in configs/nli.yaml), so that it keeps what that model read well.",
    ),
    learning_rate: float | None = typer.Option(
        None, "--learning-rate", help="Peak learning rate (default in configs/nli.yaml)."
    ),
    splits: Path | None = typer.Option(
        None,
        "--splits",
        help="Train on the data splits an earlier run wrote (its RUN_DIR/data folder) instead "
        "of building them: same pairs for every seed or setting compared, minutes saved.",
    ),
    device: str | None = typer.Option(
        None,
        "--device",
        help="auto (a CUDA GPU when torch sees one), cpu or cuda; default in configs/nli.yaml.",
    ),
) -> None:
    """Train factcheck's NLI model (all-MiniLM-L6-v2 + a 3-way head) within a time budget, on
    CPU or on a CUDA GPU when torch sees one.

    Example: factcheck train-nli --time-budget 85 --export models/nli-minilm-l6
    """
    from factcheck.training.train import Trainer, export_model

    if two_way is not None and two_way not in get_args(TwoWay):
        raise UserError("--two-way must be 'loss' or 'drop'")
    if device is not None and device not in get_args(TrainDevice):
        raise UserError("--device must be 'auto', 'cpu' or 'cuda'")
    if splits is not None and not (splits / "train.jsonl").is_file():
        raise UserError(f"no data splits in {splits} (expected {splits / 'train.jsonl'})")
    nli_settings = NLISettings.load(config)
    settings = nli_settings.train
    overrides = {
        "pools": list(pools) if pools else None,
        "time_budget_minutes": time_budget,
        "epochs": epochs,
        "max_steps": max_steps,
        "eval_every_steps": eval_every,
        "seed": seed,
        "two_way": two_way,
        "init": init,
        "learning_rate": learning_rate,
        "device": device,
        "distill": {"teacher": distill_from} if distill_from else None,
        "synthetic": (
            {"enabled": False}
            if no_synthetic
            else {"near_copies": False}
            if no_near_copies
            else None
        ),
        "passages": {"enabled": False} if no_passages else None,
    }
    settings = settings.updated(overrides)
    if resume and not (run_dir / "checkpoint.pt").is_file():
        raise UserError(f"nothing to resume: no checkpoint in {run_dir}")

    def log(message: str) -> None:
        print(message, file=sys.stderr)
        with (run_dir / "train.log").open("a", encoding="utf-8") as handle:
            handle.write(message + "\n")

    run_dir.mkdir(parents=True, exist_ok=True)
    trainer = Trainer(
        settings, nli_settings.calibration, run_dir, log, max_pairs=max_pairs, splits_from=splits
    )
    with user_errors(FileNotFoundError):
        record = trainer.run(resume=resume, progress=sys.stderr.isatty())
    if export:
        export_model(run_dir / "model", export)
        log(f"exported to {export}")
    typer.echo(
        f"best validation accuracy {record['training']['best_validation_accuracy']:.4f}; "
        f"model in {run_dir / 'model'}"
    )
