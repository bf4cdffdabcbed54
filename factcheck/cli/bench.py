"""`factcheck bench …`: benchmarks that measure on this machine and write to reports/."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer

from factcheck import load_settings
from factcheck.cli.errors import UserError, user_errors
from factcheck.models.nli import BACKENDS
from factcheck.resources import models_dir, resolve
from factcheck.settings import NO_CACHE, Settings

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
        ",".join(BACKENDS),
        "--backends",
        help="Backends to time and check, comma-separated; the first is the accuracy reference.",
    ),
    ablations: Path | None = typer.Option(
        None,
        "--ablations",
        help="Folder of ablation runs (each with a model/); default from configs/nli.yaml.",
    ),
    card: bool = typer.Option(
        False,
        "--card",
        help="Publish the result into the model folder: record the chosen "
        "backend and write MODEL_CARD.md.",
    ),
    no_ablations: bool = typer.Option(
        False, "--no-ablations", help="Leave the ablation runs out (the model alone, minutes)."
    ),
) -> None:
    """Accuracy, per-class F1, confusion, calibration (ECE), Breaking-NLI categories, speed
    per backend and a cosine-similarity baseline, on every file in the eval folder and on the
    validation split. Writes reports/nli.md and reports/nli.json.
    """
    from factcheck.benchmarks.nli import render_markdown, run_nli_bench

    nli = load_settings().nli
    folder = resolve(model or nli.serve.model)
    eval_dir = resolve(nli.bench.eval_dir)
    ablation_root = ablations or Path(nli.bench.ablation_runs)
    if not eval_dir.is_dir():
        raise UserError(f"eval folder not found: {eval_dir}")
    eval_files = sorted(eval_dir.glob("*.jsonl"))
    ablation_dirs = (
        sorted(p for p in ablation_root.glob("*") if p.is_dir())
        if ablation_root.is_dir() and not no_ablations
        else []
    )
    chosen = [b.strip() for b in backends.split(",") if b.strip()]
    unknown = set(chosen) - set(BACKENDS)
    if unknown:
        raise UserError(f"unknown backend(s): {', '.join(sorted(unknown))}")

    def log(message: str) -> None:
        print(message, file=sys.stderr)

    limit = max_pairs if max_pairs is not None else nli.bench.max_pairs_per_file
    with user_errors(FileNotFoundError):
        report = run_nli_bench(folder, nli, eval_files, log, limit, chosen, ablation_dirs)
    md_path, json_path = _write(out_dir, "nli", report, render_markdown(report))
    typer.echo(f"wrote {md_path} and {json_path}")
    if card:
        import json

        from factcheck.models.checkpoint import META_FILE
        from factcheck.training.card import write_card

        meta_path = folder / META_FILE
        meta = json.loads(meta_path.read_text())
        meta["backend"] = report["chosen_backend"]
        meta_path.write_text(json.dumps(meta, indent=2) + "\n")
        behaviour_path = out_dir / "behaviour.json"
        behaviour = json.loads(behaviour_path.read_text()) if behaviour_path.is_file() else None
        if behaviour and resolve(behaviour["models"]["shipped"]["model"]) != folder:
            behaviour = None  # measured on another model
        card = write_card(folder, report, nli.train.model_dump(), behaviour)
        typer.echo(f"wrote {card}; serving backend {meta['backend']}")


def _nli_model_option() -> Any:
    return typer.Option(
        None,
        "--nli-model",
        help="Judge with this NLI model folder instead of the served one (a candidate, for "
        "instance runs/nli/model), to measure it end to end before serving it; its reports "
        "go to --out, which must then be another folder than reports/.",
    )


def _settings_for(nli_model: str | None, out_dir: Path) -> Settings:
    """The loaded settings, serving the candidate NLI model `nli_model` if one is given."""
    settings = load_settings()
    if nli_model is None:
        return settings
    folder = resolve(nli_model)
    if not (folder / "config.json").is_file():
        raise UserError(f"no NLI model in {folder} (expected {folder / 'config.json'})")
    if out_dir.resolve() == (models_dir().parent / "reports").resolve():
        raise UserError(
            "reports/ describes the served model: give --out DIR for a candidate's reports"
        )
    return settings.updated({"nli": {"serve": {"model": str(folder.resolve())}}})


def _pipeline(settings: Settings, overrides: dict[str, Any] | None = None) -> Any:
    """The pipeline for `settings` with `overrides` of configs/compare.yaml (loaded lazily:
    `--help` should not wait for the models' libraries)."""
    from factcheck.pipeline.pipeline import configured as pipeline_for

    return pipeline_for(settings, overrides)


def _write(
    out_dir: Path, name: str, data: dict, markdown: str, nli_model: str | None = None
) -> tuple[Path, Path]:
    """`name`.json and `name`.md in `out_dir`; a candidate's (`nli_model`) say so at the top."""
    if nli_model is not None:
        folder = str(resolve(nli_model).resolve())
        data = {"nli_model": folder, **data}
        markdown = f"NLI model: `{folder}`, a candidate in place of the served one.\n\n{markdown}"
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path, md_path = out_dir / f"{name}.json", out_dir / f"{name}.md"
    json_path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    md_path.write_text(markdown, encoding="utf-8")
    return md_path, json_path


@app.command("consistency")
def bench_consistency_command(
    out_dir: Path = typer.Option(Path("reports"), "--out", help="Folder for consistency.md/json."),
    per_dataset: int = typer.Option(
        60, "--per-dataset", min=2, help="Items sampled per data set (balanced by label)."
    ),
    seed: int = typer.Option(13, help="Sampling seed."),
    windows: str = typer.Option(
        "3,7",
        "--windows",
        help="Other passage sizes (source claims per passage) to compare with the served one.",
    ),
    nli_model: str | None = _nli_model_option(),
) -> None:
    """Reference mode on SummaC (FactCC, Polytope) and SummEdits: ROC AUC of the consistency
    score, against a SummaC-ZS-style baseline on the same NLI model, in one run."""
    from factcheck.benchmarks.consistency import render_markdown, run_consistency_bench

    try:
        sizes = [int(w) for w in windows.split(",") if w.strip()]
    except ValueError:
        raise UserError(
            f"--windows takes whole numbers separated by commas, not {windows!r}"
        ) from None
    if any(w < 1 for w in sizes):
        raise UserError("--windows: a passage holds at least one claim")
    settings = _settings_for(nli_model, out_dir)
    folder = resolve("shared:data/consistency")
    report = run_consistency_bench(folder, per_dataset, seed, settings, _log, sizes)
    md_path, json_path = _write(out_dir, "consistency", report, render_markdown(report), nli_model)
    typer.echo(f"wrote {md_path} and {json_path}")


@app.command("facts")
def bench_facts_command(
    out_dir: Path = typer.Option(Path("reports"), "--out", help="Folder for facts.md/json."),
    per_domain: int = typer.Option(
        120, "--per-domain", min=1, help="Inconsistent SummEdits edits sampled per domain."
    ),
    snli: int = typer.Option(600, "--snli", min=0, help="SNLI test negatives (false alarms)."),
    seed: int = typer.Option(13, help="Sampling seed."),
    nli_model: str | None = _nli_model_option(),
) -> None:
    """Precision and recall of `contradict` for NLI alone against NLI plus the fact layer, in
    one run: Breaking NLI (cardinals, ordinals, countries, nationalities, antonyms) and
    SummEdits by edit type, with SNLI pairs as false-alarm checks. Writes reports/facts.md."""
    from factcheck.benchmarks.facts import render_markdown, run_facts_bench

    eval_dir = resolve("shared:data/nli/eval")
    consistency = resolve("shared:data/consistency")
    settings = _settings_for(nli_model, out_dir)
    report = run_facts_bench(eval_dir, consistency, per_domain, snli, seed, settings, _log)
    md_path, json_path = _write(out_dir, "facts", report, render_markdown(report), nli_model)
    typer.echo(f"wrote {md_path} and {json_path}")


@app.command("scale")
def bench_scale_command(
    out_dir: Path = typer.Option(Path("reports"), "--out", help="Folder for scale.md/json/png."),
    stories: int = typer.Option(12, "--stories", min=2, help="Stories in the batch manifest."),
) -> None:
    """Time against number of sources (2, 4, 8) and article length, stories per hour in a
    batch, local against ray on the same manifest, and a re-run. Writes reports/scale.md
    with a plot (reports/scale.png)."""
    from factcheck.benchmarks.scale import plot, render_markdown, run_scale_bench
    from factcheck.resources import PACKAGE_DIR

    try:
        import matplotlib  # noqa: F401
    except ImportError as exc:
        raise UserError("the plot needs matplotlib: pip install 'factcheck[bench]'") from exc
    examples = PACKAGE_DIR.parent / "examples"
    report = run_scale_bench(
        examples / "bridge_a.txt", examples / "bridge_b.txt", stories, load_settings(), _log
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    plot(report, out_dir / "scale.png")
    md_path, json_path = _write(out_dir, "scale", report, render_markdown(report))
    typer.echo(f"wrote {md_path}, {json_path} and {out_dir / 'scale.png'}")


@app.command("speed")
def bench_speed_command(
    out_dir: Path = typer.Option(Path("reports"), "--out", help="Folder for speed.md/json."),
    large: str = typer.Option(
        "1,2,4",
        "--large",
        help="Sizes in MB of the very large inputs to time and measure (about 150 s per MB); "
        "'' for none, keeping the last run's table from OUT/speed.json, marked as such.",
    ),
) -> None:
    """Seed pair with models loaded and as a cold CLI call; time per claim as articles grow;
    time, peak memory and report size for very large inputs (1, 2 and 4 MB)."""
    from factcheck.benchmarks.speed import (
        carry_large_inputs,
        render_markdown,
        run_large_inputs,
        run_speed_bench,
    )

    try:
        sizes = [float(x) for x in large.split(",") if x.strip()]
    except ValueError:
        raise UserError(f"--large takes sizes in MB separated by commas, not {large!r}") from None
    from factcheck.resources import PACKAGE_DIR

    seeds = resolve("shared:seeds")
    examples = PACKAGE_DIR.parent / "examples"
    result = run_speed_bench(
        seeds / "article_a.txt",
        seeds / "article_b.txt",
        examples / "bridge_a.txt",
        examples / "bridge_b.txt",
        [1, 2, 4, 8, 16],
        load_settings(),
        _log,
    )
    if sizes:
        _log("very large inputs…")
        result["large_inputs"] = run_large_inputs(
            resolve("shared:data/consistency/fnc1_news_stance/train_bodies.csv"),
            seeds / "article_b.txt",
            sizes,
            _log,
        )
    else:
        carry_large_inputs(result, out_dir / "speed.json")
    md_path, json_path = _write(out_dir, "speed", result, render_markdown(result))
    typer.echo(f"wrote {md_path} and {json_path}")


@app.command("behaviour")
def bench_behaviour_command(
    candidate: list[str] = typer.Option(
        [],
        "--candidate",
        "-c",
        help="Another model folder to score beside the shipped one (repeatable), for instance "
        "runs/nli/model.",
    ),
    out_dir: Path = typer.Option(Path("reports"), "--out", help="Folder for behaviour.md/json."),
    sentences: int = typer.Option(
        1200, "--sentences", min=10, help="News sentences for the identity-at-scale check."
    ),
    rebuild: bool = typer.Option(
        False,
        "--rebuild",
        help="Remake the suite's case file from ../shared first (after changing its recipe).",
    ),
) -> None:
    """The NLI model's behaviour suite: pass rate per capability (identity, typography,
    paraphrase, dropped and added modifiers, different subjects, negation, antonyms, counts,
    dates, places, people, report verbs), a sentence against itself on 1,200 news sentences,
    and each seed and example article against its own copy; the shipped model and each
    --candidate side by side. Writes reports/behaviour.md and .json.

    Example: factcheck bench behaviour --candidate runs/nli/model
    """
    from factcheck.benchmarks.behaviour import (
        build_recipes,
        render_markdown,
        run_behaviour_bench,
        write_recipes,
    )
    from factcheck.resources import PACKAGE_DIR

    shipped = load_settings().nli.serve.model
    seeds = resolve("shared:seeds")
    models: dict[str, str | Path] = {"shipped": shipped}
    for path in candidate:
        folder = Path(path)
        if not folder.is_dir():
            raise UserError(f"candidate model folder not found: {path}")
        models[path] = folder
    examples = PACKAGE_DIR.parent / "examples"
    articles = {
        "seed A": seeds / "article_a.txt",
        "seed B": seeds / "article_b.txt",
        "bridge A": examples / "bridge_a.txt",
        "bridge B": examples / "bridge_b.txt",
    }
    with user_errors(FileNotFoundError, ValueError):
        if rebuild:
            write_recipes(build_recipes())
        report = run_behaviour_bench(models, articles, sentences, load_settings(), _log)
    md_path, json_path = _write(out_dir, "behaviour", report, render_markdown(report))
    typer.echo(f"wrote {md_path} and {json_path}")


def _log(message: str) -> None:
    print(message, file=sys.stderr)


@app.command("editor")
def bench_editor_command(
    out_dir: Path = typer.Option(Path("reports"), "--out", help="Folder for editor.md/json."),
    nli_model: str | None = _nli_model_option(),
) -> None:
    """What an editor sees on 12 real articles against rewrites written as another outlet
    would: planted conflicts found (by kind), agreements found, false contradictions per
    pair, furniture claims kept, alignment recall, seconds per pair, and each side against
    its own copy. Writes reports/editor.md and .json.
    """
    from factcheck.benchmarks.editor import render_markdown, run_editor_bench

    bodies = resolve("shared:data/consistency/fnc1_news_stance/train_bodies.csv")
    # The cache is off so that seconds per pair are the pipeline's, not a disk lookup's.
    settings = _settings_for(nli_model, out_dir)
    report = run_editor_bench(_pipeline(settings, NO_CACHE), bodies, _log)
    baseline_path = out_dir / "editor-baseline.json"
    baseline = json.loads(baseline_path.read_text()) if baseline_path.is_file() else None
    markdown = render_markdown(report, baseline)
    md_path, json_path = _write(out_dir, "editor", report, markdown, nli_model)
    typer.echo(f"wrote {md_path} and {json_path}")


@app.command("verdicts")
def bench_verdicts_command(
    out_dir: Path = typer.Option(Path("reports"), "--out", help="Folder for verdicts.md/json."),
    save: bool = typer.Option(
        False,
        "--save",
        help="Write the fitted verdict to models/verdict/verdict.json (judge.verdict_model in "
        "configs/compare.yaml serves it).",
    ),
    nli_model: str | None = _nli_model_option(),
) -> None:
    """Fit the calibrated verdict on labelled news pairs (FNC-1, Emergent, MSRP, STS
    headlines) and score it beside today's rules on held-out parts of each set: precision
    and recall of contradict and agree. Writes reports/verdicts.md and .json.
    """
    from factcheck.benchmarks.verdicts import render_markdown, run_verdicts_bench

    if save and nli_model is not None:
        raise UserError("--save keeps the served model's verdict: not with --nli-model")
    settings = _settings_for(nli_model, out_dir)
    config = settings.compare
    folder = resolve("shared:data/consistency")
    rules = _pipeline(settings, {"judge": {"verdict_model": ""}})
    decides = set(config.judge.verdict_decides)
    report, verdict = run_verdicts_bench(rules, folder, config.verdict, decides, _log)
    md_path, json_path = _write(out_dir, "verdicts", report, render_markdown(report), nli_model)
    typer.echo(f"wrote {md_path} and {json_path}")
    if save:
        path = models_dir() / "verdict" / "verdict.json"
        verdict.save(path)
        typer.echo(f"wrote {path}")


@app.command("claims")
def bench_claims_command(
    out_dir: Path = typer.Option(Path("reports"), "--out", help="Folder for claims.md/json."),
    bodies: int = typer.Option(
        0, "--bodies", min=0, help="Only the first N bodies (0 = all 1,683; quick runs)."
    ),
    nli_model: str | None = _nli_model_option(),
) -> None:
    """The splitter on real articles (FNC-1 training bodies): claims rewritten, rewrites
    their own sentence does not entail, claims opening with an unresolved pronoun, and the
    hand-audited sample re-scored. Writes reports/claims.md and .json."""
    from factcheck.benchmarks.claims import render_markdown, run_claims_bench

    served = _pipeline(_settings_for(nli_model, out_dir))
    threshold = served.settings.split.rewrite_entailment
    path = resolve("shared:data/consistency/fnc1_news_stance/train_bodies.csv")
    report = run_claims_bench(served, path, bodies, threshold, _log)
    md_path, json_path = _write(out_dir, "claims", report, render_markdown(report), nli_model)
    typer.echo(f"wrote {md_path} and {json_path}")


@app.command("candidate")
def bench_candidate_command(
    model: str = typer.Argument(
        ..., help="The candidate's model folder (a run's RUN_DIR/model, or an average's)."
    ),
    out_dir: Path = typer.Option(
        ..., "--out", help="Folder for the candidate's reports and candidate.md (not reports/)."
    ),
) -> None:
    """Whether a candidate NLI model beats the served one, before it is served: the behaviour
    suite (both models), general NLI, the editor's benchmark, the claims check, the fact
    layer, the rules' verdicts and reference mode, run with the candidate in place of the
    served model (about 25 minutes on 2 cores), then every deciding figure side by side
    with reports/ in candidate.md and .json. models/ and reports/ are left as they are.

    Example: factcheck bench candidate runs/nli/model --out runs/nli/reports
    """
    from factcheck.benchmarks.candidate import compare, decision, read_reports
    from factcheck.benchmarks.candidate import render_markdown as render_decision

    _settings_for(model, out_dir)  # the same checks as each benchmark's --nli-model
    _log("behaviour suite…")
    bench_behaviour_command(candidate=[model], out_dir=out_dir, sentences=1200, rebuild=False)
    _log("general NLI…")
    bench_nli_command(
        model=model,
        out_dir=out_dir,
        max_pairs=None,
        backends="onnx",
        ablations=None,
        card=False,
        no_ablations=True,
    )
    _log("editor's benchmark…")
    bench_editor_command(out_dir=out_dir, nli_model=model)
    _log("claims…")
    bench_claims_command(out_dir=out_dir, bodies=0, nli_model=model)
    _log("fact layer…")
    bench_facts_command(out_dir=out_dir, per_domain=120, snli=600, seed=13, nli_model=model)
    _log("verdicts…")
    bench_verdicts_command(out_dir=out_dir, save=False, nli_model=model)
    _log("reference mode…")
    bench_consistency_command(
        out_dir=out_dir, per_dataset=60, seed=13, windows="3,7", nli_model=model
    )
    rows = compare(read_reports(models_dir().parent / "reports"), read_reports(out_dir))
    md_path, json_path = _write(
        out_dir, "candidate", {"model": model, "figures": rows}, render_decision(model, rows)
    )
    typer.echo(f"wrote {md_path} and {json_path}")
    typer.echo(decision(rows))
