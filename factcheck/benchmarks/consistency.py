"""`factcheck bench consistency`: reference mode against labelled summary consistency data.

For each (document, summary) pair of SummaC's FactCC and Polytope parts and of the
SummEdits domains, factcheck checks the summary against the document and its
`consistency_score` is compared with the label by ROC AUC. A SummaC-ZS-style baseline on the
same NLI model runs in the same pass: every document sentence against every summary
sentence, a summary sentence's score the best (entailment − contradiction) over document
sentences, the summary's score their mean.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.pipeline.judge import chance_right
from factcheck.pipeline.read import ReadError
from factcheck.pipeline.summary import geometric_mean
from factcheck.report.markdown import table
from factcheck.schema import ClaimCheck
from factcheck.settings import Settings
from factcheck.training.context import summedits_training_split

Log = Callable[[str], None]


@dataclass
class Item:
    dataset: str
    document: str
    summary: str
    consistent: bool


def load_items(
    folder: Path, per_dataset: int, seed: int, skip_split: str | None = None
) -> dict[str, list[Item]]:
    """A seeded sample of `per_dataset` items (balanced by label where possible) per dataset.
    SummEdits rows of `skip_split` (the split the NLI model trained on) are left out."""
    datasets: dict[str, list[Item]] = {}
    for path in sorted((folder / "summac_benchmark_subset").glob("*.json")):
        rows = json.loads(path.read_text(encoding="utf-8"))
        rows = rows.values() if isinstance(rows, dict) else rows
        datasets[f"summac_{path.stem}"] = [
            Item(path.stem, r["document"], r["claim"], str(r["label"]) == "1") for r in rows
        ]
    for path in sorted((folder / "summedits").glob("summedits_*.json")):
        rows = json.loads(path.read_text(encoding="utf-8"))
        datasets[path.stem] = [
            Item(path.stem, r["doc"], r["summary"], str(r["label"]) == "1")
            for r in rows
            if r.get("split") != skip_split
        ]
    rng = random.Random(seed)
    sampled = {}
    for name, items in datasets.items():
        good = [i for i in items if i.consistent]
        bad = [i for i in items if not i.consistent]
        rng.shuffle(good)
        rng.shuffle(bad)
        half = per_dataset // 2
        chosen = good[:half] + bad[: per_dataset - min(half, len(good))]
        sampled[name] = chosen[:per_dataset] if per_dataset else items
    return sampled


def summac_zs_scores(nli, splitter_nlp, items: list[Item]) -> list[float]:
    """The SummaC-ZS-style baseline: sentence matrix, max over document, mean over summary."""
    entail = nli.labels.index("entailment")
    contra = nli.labels.index("contradiction")
    premises, hypotheses, owners = [], [], []
    for index, item in enumerate(items):
        doc_sents = [s.text.strip() for s in splitter_nlp(item.document).sents if s.text.strip()]
        sum_sents = [s.text.strip() for s in splitter_nlp(item.summary).sents if s.text.strip()]
        for j, hypothesis in enumerate(sum_sents):
            for premise in doc_sents:
                premises.append(premise)
                hypotheses.append(hypothesis)
                owners.append((index, j))
    probs = nli.predict(premises, hypotheses)
    best: dict[tuple[int, int], float] = {}
    for (index, j), row in zip(owners, probs, strict=True):
        value = float(row[entail] - row[contra])
        best[(index, j)] = max(best.get((index, j), -1.0), value)
    scores = []
    for index in range(len(items)):
        values = [v for (i, _), v in best.items() if i == index]
        scores.append(float(np.mean(values)) if values else 0.0)
    return scores


# Other ways to score a text from the same claim checks, reported beside the served one so
# that its choice stays measured.
def _ok(check: ClaimCheck, penalty: float, passages: bool = True) -> float:
    entail = max(check.pair_entailment, check.passage_nli["entailment"] if passages else 0.0)
    contra = max(check.pair_contradiction, check.passage_nli["contradiction"] if passages else 0)
    return chance_right(entail, contra, bool(check.reasons), penalty)


VARIANTS: dict[str, Callable[[list[ClaimCheck], float], float]] = {
    "product over claims": lambda checks, pen: float(np.prod([_ok(c, pen) for c in checks])),
    "minimum over claims": lambda checks, pen: min(_ok(c, pen) for c in checks),
    "mean over claims": lambda checks, pen: float(np.mean([_ok(c, pen) for c in checks])),
    "no passages (aligned pairs only)": lambda checks, pen: geometric_mean(
        [_ok(c, pen, passages=False) for c in checks]
    ),
    "no missing-fact penalty": lambda checks, pen: geometric_mean([_ok(c, 0.0) for c in checks]),
}


def run_consistency_bench(
    folder: Path,
    per_dataset: int,
    seed: int,
    settings: Settings,
    log: Log = print,
    windows: Sequence[int] = (),
) -> dict[str, Any]:
    """ROC AUC of the served score, of other scorings of the same checks, of the served
    score with other passage `windows` (claims per passage), and of the baseline."""
    from sklearn.metrics import roc_auc_score

    from factcheck.pipeline.pipeline import configured

    pipeline = configured(settings)
    nli = pipeline.judge.nli
    penalty = pipeline.settings.judge.missing_fact_penalty
    # Other windows re-run the comparison; embeddings and the aligned pairs' NLI results
    # come from the result cache, so mostly the passages are judged anew.
    other_windows = {
        f"passages of {w} claims": configured(settings, {"reference": {"window": w}})
        for w in windows
    }
    datasets = load_items(folder, per_dataset, seed, summedits_training_split(settings.nli.train))
    report: dict[str, Any] = {"per_dataset": per_dataset, "seed": seed, "datasets": {}}
    for name, items in datasets.items():
        log(f"{name}: {len(items)} items…")
        started = time.perf_counter()
        ours, kept = [], []
        variants: dict[str, list[float]] = {v: [] for v in [*VARIANTS, *other_windows]}
        for item in items:
            try:
                result = pipeline.compare({"summary": item.summary}, reference=item.document)
            except ReadError:
                continue  # a summary too short to be read as text: left out of both scores
            ours.append(result.summary.consistency_score)
            kept.append(item)
            for variant, score in VARIANTS.items():
                variants[variant].append(score(result.checks, penalty) if result.checks else 1.0)
            for variant, other in other_windows.items():
                again = other.compare({"summary": item.summary}, reference=item.document)
                variants[variant].append(again.summary.consistency_score)
        seconds_ours = time.perf_counter() - started
        started = time.perf_counter()
        baseline = summac_zs_scores(nli, pipeline.splitter.nlp, kept)
        seconds_baseline = time.perf_counter() - started
        labels = [i.consistent for i in kept]
        if len(set(labels)) < 2:
            continue
        report["datasets"][name] = {
            "items": len(kept),
            "consistent": int(sum(labels)),
            "roc_auc": round(float(roc_auc_score(labels, ours)), 4),
            "baseline_roc_auc": round(float(roc_auc_score(labels, baseline)), 4),
            "variants_roc_auc": {
                v: round(float(roc_auc_score(labels, scores)), 4) for v, scores in variants.items()
            },
            "seconds": round(seconds_ours, 1),
            "baseline_seconds": round(seconds_baseline, 1),
        }
        log(f"  {report['datasets'][name]}")
    rows = report["datasets"].values()
    report["mean_roc_auc"] = round(float(np.mean([r["roc_auc"] for r in rows])), 4)
    report["mean_baseline_roc_auc"] = round(
        float(np.mean([r["baseline_roc_auc"] for r in rows])), 4
    )
    report["mean_variants_roc_auc"] = {
        v: round(float(np.mean([r["variants_roc_auc"][v] for r in rows])), 4)
        for v in [*VARIANTS, *other_windows]
    }
    return report


def render_markdown(report: dict[str, Any]) -> str:
    lines = [
        "# Reference mode: summary consistency",
        "",
        "Made by `factcheck bench consistency`. Each summary is checked against its "
        "document (`factcheck compare --reference DOCUMENT SUMMARY`); ROC AUC of "
        "`summary.consistency_score` against the human label, beside a SummaC-ZS-style "
        "baseline on the same NLI model in the same run.",
        f"Sample: {report['per_dataset']} items per dataset (seed {report['seed']}, balanced "
        "by label where possible). SummEdits items come from its test split only: the NLI "
        "model trained on its evaluation split, whose documents are all different.",
        "",
        "The served score: each claim of the summary is judged against the source claims "
        "aligned with it and against a passage of its nearest source claims; its chance of "
        "being right is (1 + entailment − contradiction) / 2, less a penalty when it names "
        "a person, place, group or figure the source never mentions; the summary's score "
        "is the geometric mean over its claims.",
        "",
    ]
    lines += table(
        [
            "dataset",
            "items",
            "consistent",
            "factcheck ROC AUC",
            "SummaC-ZS-style ROC AUC",
            "factcheck s",
            "baseline s",
        ],
        [
            [
                name,
                row["items"],
                row["consistent"],
                f"{row['roc_auc']:.3f}",
                f"{row['baseline_roc_auc']:.3f}",
                row["seconds"],
                row["baseline_seconds"],
            ]
            for name, row in report["datasets"].items()
        ],
    )
    lines += [
        "",
        f"**Mean ROC AUC: factcheck {report['mean_roc_auc']:.3f}, baseline "
        f"{report['mean_baseline_roc_auc']:.3f}.**",
        "",
        "## Other scorings (ROC AUC)",
        "",
        "Product, minimum, mean, no passages and no penalty score the same claim checks "
        "differently; the passage columns re-run the served score with other windows.",
        "",
    ]
    names = list(report["mean_variants_roc_auc"])
    lines += table(
        ["dataset", "served", *names],
        [
            [name, f"{row['roc_auc']:.3f}", *(f"{row['variants_roc_auc'][v]:.3f}" for v in names)]
            for name, row in report["datasets"].items()
        ]
        + [
            [
                "**mean**",
                f"**{report['mean_roc_auc']:.3f}**",
                *(f"{report['mean_variants_roc_auc'][v]:.3f}" for v in names),
            ]
        ],
    )
    lines.append("")
    return "\n".join(lines)
