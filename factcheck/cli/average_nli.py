"""`factcheck average-nli`: average trained NLI models into one (a model soup)."""

from __future__ import annotations

from pathlib import Path

import typer

from factcheck.cli.errors import UserError, user_errors


def average_nli_command(
    models: list[Path] = typer.Argument(
        ...,
        help="Model folders to average (a run's RUN_DIR/model): runs of `train-nli` from the "
        "same start: from the base with the same seed (learning rates may differ), or "
        "continuing one trained model (--init), whatever their seeds.",
    ),
    export: Path = typer.Option(
        ..., "--export", help="Folder for the averaged model (for instance models/nli-minilm-l6)."
    ),
    calibration: Path | None = typer.Option(
        None,
        "--calibration",
        help="Held-out pairs to fit the averaged model's temperature on (a run's "
        "RUN_DIR/data/calibration.jsonl), minimising what configs/nli.yaml's "
        "calibration.objective names; default: the members' mean temperature.",
    ),
    weight: list[float] | None = typer.Option(
        None, "--weight", help="One weight per model, in order (default: all equal)."
    ),
    force: bool = typer.Option(False, "--force", help="Replace an existing EXPORT folder."),
) -> None:
    """Average the weights of NLI models trained from the same start into one model.

    Runs from one seed on one set of splits, with different learning rates, end close
    together; their average judges as well as the best of them and wavers less on small
    capabilities (Wortsman et al. 2022, "model soups"). So do runs that continue one trained
    model (--init) with different seeds: they start from its weights. Runs from the base with
    different seeds (each draws its own head) are refused.

    Example: factcheck average-nli runs/lr6/model runs/lr8/model runs/lr10/model
    --calibration runs/lr6/data/calibration.jsonl --export models/nli-minilm-l6 --force
    """
    import shutil
    import tempfile

    from factcheck.models.checkpoint import ModelLoadError
    from factcheck.settings import NLISettings
    from factcheck.training.data import read_jsonl
    from factcheck.training.soup import SoupError, average_models

    for folder in models:
        if not folder.is_dir():
            raise UserError(f"no such model folder: {folder}")
    if calibration is not None and not calibration.is_file():
        raise UserError(f"no such file: {calibration}")
    if export.exists() and not force:
        raise UserError(f"{export} exists; add --force to replace it")
    pairs = read_jsonl(calibration) if calibration is not None else []
    # Written beside EXPORT first, so that a member that is also EXPORT is read whole and a
    # failure leaves EXPORT as it was.
    export.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".average-", dir=export.parent))
    try:
        with user_errors(SoupError, ModelLoadError):
            meta = average_models(
                models, staging, pairs, weight or None, NLISettings.load().calibration
            )
        card = export / "MODEL_CARD.md"
        if card.is_file():
            shutil.copy(card, staging / card.name)  # `bench nli --card` rewrites it
        if export.exists():
            shutil.rmtree(export)
        staging.rename(export)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    typer.echo(f"averaged {len(models)} models into {export} (temperature {meta['temperature']})")
