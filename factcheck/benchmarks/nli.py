"""`factcheck bench nli`: accuracy, calibration, Breaking-NLI categories, speed and a baseline.

Everything in one run on this machine, so that ratios between the model, its backends, the
ablations and the embedding-similarity baseline compare like with like.
"""

from __future__ import annotations

import json
import platform
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.benchmarks.behaviour import load_cases, predictions, score
from factcheck.models.calibration import expected_calibration_error
from factcheck.models.nli import BACKENDS, NLIModel, TorchNLIModel, make_backend, time_throughput
from factcheck.report.markdown import table
from factcheck.settings import NLISettings
from factcheck.training.card import NEW_POOLS
from factcheck.training.data import LABEL_TO_ID, LABELS, NLIPair, read_pool
from factcheck.training.train import build_splits

Log = Callable[[str], None]


def _truth(pairs: Sequence[NLIPair]) -> np.ndarray:
    return np.array([LABEL_TO_ID[p.label] if not p.two_way else -1 for p in pairs])


# Dynamic int8 quantises activations with one scale per batch, so a pair's probabilities
# shift with the other pairs in its batch: a verdict must not depend on its neighbours.
MAX_BATCH_DRIFT = 0.001


def batch_drift(model: NLIModel, premises: Sequence[str], hypotheses: Sequence[str]) -> float:
    """Largest probability change between scoring pairs in batches of 32 and one at a time."""
    batched = model.predict(premises, hypotheses, batch_size=32)
    single = model.predict(premises, hypotheses, batch_size=1)
    return round(float(np.abs(batched - single).max()), 5)


def three_way_metrics(
    probs: np.ndarray, pairs: Sequence[NLIPair], bins: int = 15
) -> dict[str, Any]:
    truth = _truth(pairs)
    predicted = probs.argmax(axis=1)
    confusion = np.zeros((3, 3), dtype=int)
    for t, p in zip(truth, predicted, strict=True):
        confusion[t, p] += 1
    per_class = {}
    for index, label in enumerate(LABELS):
        tp = confusion[index, index]
        precision = tp / confusion[:, index].sum() if confusion[:, index].sum() else 0.0
        recall = tp / confusion[index].sum() if confusion[index].sum() else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {
            "precision": round(float(precision), 4),
            "recall": round(float(recall), 4),
            "f1": round(float(f1), 4),
            "support": int(confusion[index].sum()),
        }
    return {
        "pairs": len(pairs),
        "accuracy": round(float((predicted == truth).mean()), 4),
        "per_class": per_class,
        "confusion": {"rows_true_cols_predicted": list(LABELS), "matrix": confusion.tolist()},
        "ece": round(expected_calibration_error(probs, truth, bins), 4),
    }


def two_way_metrics(probs: np.ndarray, pairs: Sequence[NLIPair]) -> dict[str, Any]:
    truth = np.array([p.label == "entailment" for p in pairs])
    predicted = probs.argmax(axis=1) == 0
    return {
        "pairs": len(pairs),
        "accuracy": round(float((predicted == truth).mean()), 4),
        "note": "entailment vs not_entailment (neutral + contradiction)",
    }


def evaluate(probs: np.ndarray, pairs: Sequence[NLIPair], bins: int = 15) -> dict[str, Any]:
    """3-way metrics over the 3-way pairs; 2-way pairs (entailment / not) scored apart."""
    three = [i for i, p in enumerate(pairs) if not p.two_way]
    two = [i for i, p in enumerate(pairs) if p.two_way]
    if not three:
        return two_way_metrics(probs, pairs)
    three_pairs = [pairs[i] for i in three]
    result = three_way_metrics(probs[three], three_pairs, bins)
    if two:
        result["two_way"] = two_way_metrics(probs[two], [pairs[i] for i in two])
    categories = defaultdict(list)
    for index, pair in enumerate(three_pairs):
        if pair.category:
            categories[pair.category].append(index)
    if categories:
        predicted = probs[three].argmax(axis=1)
        truth = _truth(three_pairs)
        result["by_category"] = {
            name: {
                "pairs": len(ix),
                "accuracy": round(float((predicted[ix] == truth[ix]).mean()), 4),
            }
            for name, ix in sorted(categories.items())
        }
    return result


class CosineBaseline:
    """Label a pair from the cosine similarity of its sentence embeddings alone: two
    thresholds fitted on the calibration split (entailment above the upper one, neutral
    below the lower one, contradiction between: contradicting hypotheses tend to reuse the
    premise's words, unrelated ones do not)."""

    def __init__(self, embedder):
        self.embedder = embedder
        self.thresholds: tuple[float, float, tuple[int, int, int]] = (0.5, 0.5, (0, 1, 2))

    def similarities(self, pairs: Sequence[NLIPair]) -> np.ndarray:
        texts = list(dict.fromkeys([p.premise for p in pairs] + [p.hypothesis for p in pairs]))
        vectors = dict(zip(texts, self.embedder.encode(texts), strict=True))
        return np.array([float(vectors[p.premise] @ vectors[p.hypothesis]) for p in pairs])

    def fit(self, pairs: Sequence[NLIPair]) -> None:
        sims, truth = self.similarities(pairs), _truth(pairs)
        best = (-1.0, self.thresholds)
        grid = np.linspace(sims.min(), sims.max(), 40)
        orders = [(0, 1, 2), (0, 2, 1), (2, 1, 0), (1, 2, 0), (1, 0, 2), (2, 0, 1)]
        for low in grid:
            for high in grid[grid >= low]:
                for order in orders:  # which label sits high, middle, low
                    predicted = np.where(
                        sims >= high, order[0], np.where(sims >= low, order[1], order[2])
                    )
                    accuracy = float((predicted == truth).mean())
                    if accuracy > best[0]:
                        best = (accuracy, (float(low), float(high), order))
        self.thresholds = best[1]

    def predict(self, pairs: Sequence[NLIPair]) -> np.ndarray:
        low, high, order = self.thresholds
        sims = self.similarities(pairs)
        labels = np.where(sims >= high, order[0], np.where(sims >= low, order[1], order[2]))
        return np.eye(3)[labels]


def run_nli_bench(
    model_folder: Path,
    settings: NLISettings,
    eval_files: Sequence[Path],
    log: Log = print,
    max_pairs_per_file: int = 0,
    backends: Sequence[str] = BACKENDS,
    ablation_dirs: Sequence[Path] = (),
) -> dict[str, Any]:
    """Evaluate the model on every eval file and on the validation split; time each backend."""
    from factcheck.models.checkpoint import read_meta
    from factcheck.models.embed import get_embedder

    train_settings, bench_settings = settings.train, settings.bench
    bins = settings.calibration.bins
    serve = settings.serve
    log("rebuilding the validation split (deterministic, by premise)…")
    splits = build_splits(train_settings, log=lambda _m: None)
    validation = splits.validation
    sets: dict[str, list[NLIPair]] = {"validation (all)": validation}
    for pool in sorted({p.pool for p in validation}):
        sets[f"validation: {pool}"] = [p for p in validation if p.pool == pool]
    for file in eval_files:
        pairs = read_pool(file)
        if max_pairs_per_file:
            pairs = pairs[:max_pairs_per_file]
        sets[file.stem] = pairs

    meta = read_meta(model_folder)
    models: dict[str, NLIModel] = {}
    kwargs = {
        "max_length": serve.max_length,
        "batch_size": serve.batch_size,
        "batch_tokens": serve.batch_tokens,
    }
    for backend in backends:
        models[backend] = make_backend(model_folder, backend, **kwargs)

    mnli = sets.get("validation: mnli_matched_dev", validation)
    report: dict[str, Any] = {
        "schema_version": 1,
        "model": str(model_folder),
        "temperature": meta.get("temperature", 1.0),
        "machine": {
            "cpus": __import__("os").cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "backends": {},
        "sets": {},
    }
    log("timing and checking each backend on the MNLI-matched validation pairs…")
    premises = [p.premise for p in mnli]
    hypotheses = [p.hypothesis for p in mnli]
    n32 = bench_settings.throughput_pairs
    n1 = bench_settings.throughput_single_pairs
    for name, model in models.items():
        probs = model.predict(premises, hypotheses)
        report["backends"][name] = {
            "mnli_validation_accuracy": three_way_metrics(probs, mnli, bins)["accuracy"],
            "pairs_per_s_batch32": round(
                time_throughput(model, premises[:n32], hypotheses[:n32], 32), 1
            ),
            "pairs_per_s_batch1": round(
                time_throughput(model, premises[:n1], hypotheses[:n1], 1), 1
            ),
            "batch_drift": batch_drift(model, premises[:n1], hypotheses[:n1]),
        }
        log(f"  {name}: {report['backends'][name]}")
    reference = report["backends"][backends[0]]["mnli_validation_accuracy"]
    eligible = {
        k: v
        for k, v in report["backends"].items()
        if v["mnli_validation_accuracy"] >= reference - 0.005
        and v["batch_drift"] <= MAX_BATCH_DRIFT
    }
    chosen = max(eligible, key=lambda k: eligible[k]["pairs_per_s_batch32"])
    report["chosen_backend"] = chosen
    report["chosen_rule"] = (
        f"fastest at batch 32 among backends within 0.5 points of {backends[0]} on "
        f"MNLI-matched validation accuracy whose probabilities do not depend on the batch "
        f"(largest change batch 32 vs one at a time ≤ {MAX_BATCH_DRIFT})"
    )
    serving = models[chosen]

    log("fitting the cosine-similarity baseline on the calibration split…")
    baseline = CosineBaseline(get_embedder(bench_settings.baseline_embedder))
    baseline.fit([p for p in splits.calibration if not p.two_way])
    report["baseline"] = {
        "name": "cosine similarity of all-MiniLM-L6-v2 embeddings, two "
        "thresholds fitted on the calibration split",
        "thresholds": baseline.thresholds[:2],
        "order": baseline.thresholds[2],
        "sets": {},
    }
    for name, pairs in sets.items():
        log(f"evaluating {name} ({len(pairs)} pairs)…")
        started = time.perf_counter()
        probs = serving.predict([p.premise for p in pairs], [p.hypothesis for p in pairs])
        result = evaluate(probs, pairs, bins)
        result["seconds"] = round(time.perf_counter() - started, 1)
        report["sets"][name] = result
        if not all(p.two_way for p in pairs):
            base = evaluate(baseline.predict(pairs), pairs, bins)
            report["baseline"]["sets"][name] = {"accuracy": base["accuracy"]}
    report["ablations"] = run_ablations(
        ablation_dirs, sets, kwargs, log, bench_settings.ablation_max_pairs
    )
    return report


ABLATION_SETS = (
    "validation: mnli_matched_dev",
    "snli_test",
    "breaking_nli_eval",
    "validation: synthetic_news",
    "rte_dev_2way",
)


def run_ablations(
    dirs: Sequence[Path],
    sets: dict[str, list[NLIPair]],
    kwargs: dict[str, Any],
    log: Log,
    max_pairs: int = 0,
) -> dict[str, Any]:
    """Each ablation run's model on the sets that show what synthetic pairs and 2-way data do."""
    results: dict[str, Any] = {}
    cases = load_cases()  # once: materialising the suite reads ../shared and runs spaCy
    for folder in dirs:
        model_dir = folder / "model"
        if not (model_dir / "factcheck.json").is_file():
            continue
        log(f"ablation {folder.name}…")
        model = TorchNLIModel(model_dir, quantize=True, **kwargs)
        meta = json.loads((model_dir / "factcheck.json").read_text())
        training = meta["training"]
        synthetic = training["settings"]["synthetic"]
        row: dict[str, Any] = {
            "minutes": training["minutes"],
            "steps": training["steps"],
            "synthetic": synthetic.get("enabled", False),
            "near_copies": synthetic.get("enabled", False) and synthetic.get("near_copies", False),
            "pools": [Path(p).stem for p in training["pools"]],
            "pool_repeat": training["settings"].get("pool_repeat") or {},
            "weights": synthetic.get("weights") or {},
            "distilled_from": (training["settings"].get("distill") or {}).get("teacher") or "",
            "continued_from": training["settings"].get("init") or "",
            "two_way": training["settings"]["two_way"],
            "sets": {},
        }
        behaviour = score(cases, predictions(model, cases))
        row["behaviour"] = behaviour["pass_rate"]
        row["behaviour_by_capability"] = {
            k: v["pass_rate"] for k, v in behaviour["capabilities"].items()
        }
        for name in ABLATION_SETS:
            if name in sets:
                pairs = sets[name][:max_pairs] if max_pairs else sets[name]
                probs = model.predict([p.premise for p in pairs], [p.hypothesis for p in pairs])
                row["sets"][name] = evaluate(probs, pairs)["accuracy"]
        results[folder.name] = row
    return results


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f} %"


def render_markdown(report: dict[str, Any]) -> str:
    """reports/nli.md from the JSON report."""
    lines = [
        "# NLI benchmark",
        "",
        f"Model `{report['model']}`, temperature {report['temperature']}, served by "
        f"**{report['chosen_backend']}** ({report['chosen_rule']}). Machine: "
        f"{report['machine']['cpus']} CPUs, {report['machine']['platform']}.",
        "",
        "Made by `factcheck bench nli`; every number below comes from one run.",
        "",
        "## Accuracy",
        "",
        "| set | pairs | accuracy | baseline (cosine) | ratio | ECE |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, result in report["sets"].items():
        base = report["baseline"]["sets"].get(name, {}).get("accuracy")
        ratio = f"{result['accuracy'] / base:.2f}×" if base else "–"
        lines.append(
            f"| {name} | {result['pairs']} | {_pct(result['accuracy'])} | {_pct(base)} | "
            f"{ratio} | {result.get('ece', '–')} |"
        )
    lines += [
        "",
        "Accuracy and ECE are 3-way, over a set's 3-way pairs; 2-way sets (and the 2-way "
        "pairs of the validation split) count a pair right when entailment is, or is not, "
        "the top label.",
        "",
    ]
    lines += [
        "## Speed (pairs/s, model loaded, MNLI-matched validation pairs, max length 128)",
        "",
    ]
    lines += table(
        ["backend", "MNLI-m validation accuracy", "batch 32", "batch 1", "batch drift"],
        [
            [
                name,
                _pct(row["mnli_validation_accuracy"]),
                row["pairs_per_s_batch32"],
                row["pairs_per_s_batch1"],
                row["batch_drift"],
            ]
            for name, row in report["backends"].items()
        ],
    )
    lines += [
        "",
        "Batch drift: the largest change of a probability between scoring pairs in batches "
        "of 32 and one at a time. Dynamic int8 (torch and ONNX Runtime alike) quantises "
        "activations with one scale per batch, so its verdicts depend on the other pairs in "
        "the batch; those backends are not served.",
    ]
    for set_name, title, column in (
        ("breaking_nli_eval", "Breaking NLI by category", "category"),
        ("validation: synthetic_news", "Held-out synthetic news edits by rule", "rule"),
    ):
        categories = report["sets"].get(set_name, {}).get("by_category")
        if categories:
            lines += ["", f"## {title}", ""]
            lines += table(
                [column, "pairs", "accuracy"],
                [(k, v["pairs"], _pct(v["accuracy"])) for k, v in categories.items()],
            )
    lines += ["", "## Per class", ""]
    for name, result in report["sets"].items():
        if "per_class" not in result:
            continue
        matrix = result["confusion"]["matrix"]
        lines += [
            f"### {name}",
            "",
            "| class | precision | recall | F1 | support |",
            "|---|---:|---:|---:|---:|",
        ]
        lines += [
            f"| {k} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} | {v['support']} |"
            for k, v in result["per_class"].items()
        ]
        lines += [
            "",
            "Confusion (rows true, columns predicted: E, N, C): "
            + "; ".join(" ".join(str(x) for x in row) for row in matrix),
            "",
        ]
    if report.get("ablations"):
        lines += render_ablations(report["ablations"])
    return "\n".join(lines) + "\n"


# Behaviour columns of the ablation table: the capabilities the near copies are for, and the
# contradiction capabilities they must not cost.
ABLATION_CAPABILITIES = {
    "identity": ("identity",),
    "typography": ("typography",),
    "paraphrase": ("synonym", "voice_word_order", "said_says", "list_order"),
    "different subject": ("different_subject",),
    "added / dropped detail": ("add_modifier", "drop_modifier"),
    "report verbs": ("factive_verb", "nonfactive_verb"),
    "contradictions": ("negation", "antonym", "count", "date", "place", "person"),
}


def ablation_additions(row: dict[str, Any]) -> str:
    """What a run adds to the shipped model's recipe, in words."""
    added = ["near copies"] if row.get("near_copies") else []
    added += [name for pool, name in NEW_POOLS.items() if pool in row.get("pools", [])]
    added += [f"{pool} ×{times}" for pool, times in row.get("pool_repeat", {}).items()]
    if row.get("weights"):
        added.append("weights " + ", ".join(f"{k} {v}" for k, v in row["weights"].items()))
    if row.get("distilled_from"):
        added.append(f"distilled from {row['distilled_from']}")
    return " + ".join(added) or "none (the previous recipe)"


def render_ablations(ablations: dict[str, Any]) -> list[str]:
    names = ABLATION_SETS
    groups = list(ABLATION_CAPABILITIES)
    lines = [
        "## Ablations",
        "",
        "Each run continues from the model named (runs 1–4: the model shipped before, with the "
        "same seed, learning rate and step budget) on that model's pools plus the additions "
        "named; torch int8; each NLI set's first pairs (see `bench.ablation_max_pairs`). "
        "Behaviour columns: pass rate on the behaviour suite (`factcheck bench behaviour`), "
        "averaged over the capabilities of each group.",
        "",
        "| run | continued from | additions | steps | behaviour | "
        + " | ".join(groups)
        + " | "
        + " | ".join(names)
        + " |",
        "|---|---|---|---:|---:|" + "---:|" * (len(groups) + len(names)),
    ]
    for run, row in ablations.items():
        by_capability = row.get("behaviour_by_capability", {})
        group_cells = []
        for group in groups:
            rates = [by_capability[c] for c in ABLATION_CAPABILITIES[group] if c in by_capability]
            group_cells.append(_pct(sum(rates) / len(rates) if rates else None))
        cells = " | ".join(_pct(row["sets"].get(n)) for n in names)
        lines.append(
            f"| {run} | {row.get('continued_from') or 'the base'} | {ablation_additions(row)} | "
            f"{row['steps']} | "
            f"{_pct(row.get('behaviour'))} | " + " | ".join(group_cells) + f" | {cells} |"
        )
    return lines
