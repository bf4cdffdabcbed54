"""`factcheck bench verdicts`: the calibrated verdict against today's rules, per set.

Labelled news pairs from ../shared/data/consistency/, each split into a part the verdict is
fitted on and a held-out part it is measured on (never the other way round):

- FNC-1 training stances: each headline against its body's sentence most similar to it
  (agree → agree, disagree → contradict, discuss and unrelated → related); split by body.
  The bodies of the editor's benchmark are left out, so that benchmark stays unseen.
- Emergent: claims against other outlets' headlines (for → agree, against → contradict,
  observing → related); split by claim.
- MSRP (paraphrases from different outlets: agree, or related): its validation file is
  fitted on, its test file held out.
- STS headlines (similarity ≥ 4: agree; ≤ 2: related; between: left out): 2013 and 2014
  fitted on, 2015 and 2016 held out.

Each pair is judged as `factcheck check` judges it (NLI both ways, the fact layer, entity
overlap); the rules' verdict and the fitted verdict are scored on the same evidence.
"""

from __future__ import annotations

import csv
import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.benchmarks.editor import PAIRS_FILE
from factcheck.pipeline.verdict import FEATURES, VERDICT_LABELS, CalibratedVerdict
from factcheck.report.markdown import table
from factcheck.settings import VerdictSettings
from factcheck.training.synthetic import sentences_of

Log = Callable[[str], None]
HELD_OUT_SHARE = 0.3  # of FNC-1 bodies and Emergent claims
STS_AGREE, STS_RELATED = 4.0, 2.0


@dataclass
class LabelledPair:
    dataset: str
    part: str  # "fit" or "held-out"
    a: str
    b: str
    label: str  # agree | contradict | related


def _held_out(key: str) -> bool:
    digest = int(hashlib.sha1(key.encode()).hexdigest()[:8], 16)
    return digest / 0xFFFFFFFF < HELD_OUT_SHARE


def _rows(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    csv.field_size_limit(10_000_000)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        if delimiter == "\t":
            return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
        return list(csv.DictReader(handle))


def fnc_pairs(folder: Path, per_label: int, embed: Any, seed: int) -> list[LabelledPair]:
    import yaml

    editor_bodies = {p["body_id"] for p in yaml.safe_load(PAIRS_FILE.read_text())["pairs"]}
    bodies = {int(r["Body ID"]): r["articleBody"] for r in _rows(folder / "train_bodies.csv")}
    mapping = {
        "agree": "agree",
        "disagree": "contradict",
        "discuss": "related",
        "unrelated": "related",
    }
    rng = random.Random(seed)
    rows = [
        r for r in _rows(folder / "train_stances.csv") if int(r["Body ID"]) not in editor_bodies
    ]
    rng.shuffle(rows)
    chosen: list[dict[str, str]] = []
    counts: dict[tuple[str, str], int] = {}
    for row in rows:
        part = "held-out" if _held_out(f"fnc:{row['Body ID']}") else "fit"
        key = (part, row["Stance"])
        limit = per_label if row["Stance"] in {"agree", "disagree"} else per_label // 2
        if counts.get(key, 0) < limit:
            counts[key] = counts.get(key, 0) + 1
            chosen.append(row)
    # Each headline against the body sentence closest to it.
    sentences = {
        body: [s for s in sentences_of(bodies[body]) if len(s.split()) >= 5][:40]
        for body in {int(r["Body ID"]) for r in chosen}
    }
    texts = list(
        dict.fromkeys(
            [*(r["Headline"] for r in chosen), *(t for s in sentences.values() for t in s)]
        )
    )
    vectors = dict(zip(texts, embed(texts), strict=True))
    pairs = []
    for row in chosen:
        candidates = sentences[int(row["Body ID"])]
        if not candidates:
            continue
        similarity = np.array([vectors[c] for c in candidates]) @ vectors[row["Headline"]]
        best = candidates[int(np.argmax(similarity))]
        part = "held-out" if _held_out(f"fnc:{row['Body ID']}") else "fit"
        pairs.append(LabelledPair("FNC-1", part, row["Headline"], best, mapping[row["Stance"]]))
    return pairs


def emergent_pairs(folder: Path) -> list[LabelledPair]:
    mapping = {"for": "agree", "against": "contradict", "observing": "related"}
    return [
        LabelledPair(
            "Emergent",
            "held-out" if _held_out(f"emergent:{r['claimId']}") else "fit",
            r["claimHeadline"],
            r["articleHeadline"],
            mapping[r["articleHeadlineStance"]],
        )
        for r in _rows(folder / "url-versions-2015-06-14-clean-train.csv")
        if r["articleHeadlineStance"] in mapping
    ]


def msrp_pairs(folder: Path) -> list[LabelledPair]:
    pairs = []
    for name, part in (("msr-para-val.tsv", "fit"), ("msr-para-test.tsv", "held-out")):
        for row in _rows(folder / name, "\t"):
            label = "agree" if row["Quality"] == "1" else "related"
            pairs.append(LabelledPair("MSRP", part, row["#1 String"], row["#2 String"], label))
    return pairs


def sts_pairs(folder: Path) -> list[LabelledPair]:
    pairs = []
    for year, part in (
        ("2013", "fit"),
        ("2014", "fit"),
        ("2015", "held-out"),
        ("2016", "held-out"),
    ):
        path = folder / f"headlines_{year}.test.tsv"
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                fields = line.rstrip("\n").split("\t")
                if len(fields) < 3 or not fields[0].strip():
                    continue
                score = float(fields[0])
                if STS_RELATED < score < STS_AGREE:
                    continue
                label = "agree" if score >= STS_AGREE else "related"
                pairs.append(LabelledPair("STS headlines", part, fields[1], fields[2], label))
    return pairs


def _scores(gold: list[str], predicted: list[str], label: str) -> dict[str, Any]:
    tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
    fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
    fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
    return {
        "positives": tp + fn,
        "flagged": tp + fp,
        "false_alarms": fp,
        "precision": tp / (tp + fp) if tp + fp else None,
        "recall": tp / (tp + fn) if tp + fn else None,
    }


def _best_threshold(probs: np.ndarray, gold: np.ndarray, beta: float) -> float:
    """The threshold on one label's probability with the best F-beta on the fitting part."""
    best, chosen = -1.0, 0.5
    for threshold in np.arange(0.2, 0.96, 0.01):
        flagged = probs >= threshold
        tp = float(np.sum(flagged & gold))
        precision = tp / max(1.0, float(np.sum(flagged)))
        recall = tp / max(1.0, float(np.sum(gold)))
        if precision + recall == 0:
            continue
        score = (1 + beta**2) * precision * recall / (beta**2 * precision + recall)
        if score > best:
            best, chosen = score, float(threshold)
    return round(chosen, 2)


def _best_precision(scores: list[float], gold: list[bool], min_recall: float) -> float:
    """The calibrated verdict's best contradiction precision at `min_recall` or more, over
    every threshold: an upper bound, since the threshold is chosen on the scored pairs."""
    positives = max(1, sum(gold))
    best = 0.0
    for threshold in sorted(set(scores)):
        flagged = [g for s, g in zip(scores, gold, strict=True) if s >= threshold]
        if flagged and sum(flagged) / positives >= min_recall:
            best = max(best, sum(flagged) / len(flagged))
    return round(best, 4)


def fit_verdict(
    features: np.ndarray, labels: list[str], settings: VerdictSettings
) -> CalibratedVerdict:
    """A multinomial logistic regression over standardised features, with thresholds
    chosen on the same (fitting) pairs: F0.5 for `contradict` (precision counts double),
    F1 for `agree`."""
    from sklearn.linear_model import LogisticRegression

    mean = features.mean(axis=0)
    scale = features.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=settings.regularisation, max_iter=2000)
    model.fit((features - mean) / scale, labels)
    order = [list(model.classes_).index(label) for label in VERDICT_LABELS]
    probs = model.predict_proba((features - mean) / scale)[:, order]
    gold = np.array(labels)
    thresholds = {
        "contradict": _best_threshold(probs[:, 1], gold == "contradict", 0.5),
        "agree": _best_threshold(probs[:, 0], gold == "agree", 1.0),
    }
    return CalibratedVerdict(
        {
            "features": list(FEATURES),
            "labels": list(VERDICT_LABELS),
            "mean": mean.round(6).tolist(),
            "scale": scale.round(6).tolist(),
            "weights": model.coef_[order].round(6).tolist(),
            "bias": model.intercept_[order].round(6).tolist(),
            "thresholds": thresholds,
            "fitted_on": {},
        }
    )


def run_verdicts_bench(
    pipeline: Any, folder: Path, settings: VerdictSettings, decides: set[str], log: Log
) -> tuple[dict[str, Any], CalibratedVerdict]:
    """Judge every labelled pair, fit the verdict on the fitting parts, and score the rules
    and the fitted verdict on the held-out parts."""
    log("reading labelled pairs")
    pairs = [
        *fnc_pairs(
            folder / "fnc1_news_stance",
            settings.fnc_per_label,
            pipeline.aligner.embedder.encode,
            settings.seed,
        ),
        *emergent_pairs(folder / "emergent_news_stance"),
        *msrp_pairs(folder / "msrp_news_paraphrase"),
        *sts_pairs(folder / "sts_news_headlines"),
    ]
    log(f"judging {len(pairs):,} pairs (NLI both ways and the facts)")
    evidence = pipeline.evidence([(p.a, p.b) for p in pairs])
    judge = pipeline.judge
    rules = []
    saved = judge.verdict_model
    judge.verdict_model = None
    for finding in judge.decide_all(evidence):
        label = finding.label
        rules.append("contradict" if label == "attribution" else label)
    judge.verdict_model = saved
    features = np.array([judge.features(item) for item in evidence])
    fit = [i for i, p in enumerate(pairs) if p.part == "fit"]
    verdict = fit_verdict(features[fit], [pairs[i].label for i in fit], settings)
    verdict.data["fitted_on"] = {
        dataset: sum(1 for i in fit if pairs[i].dataset == dataset)
        for dataset in dict.fromkeys(p.dataset for p in pairs)
    }
    calibrated, contradiction = [], []
    for row in features:
        probabilities = verdict.probabilities(row)
        label, _ = verdict.label(probabilities)
        calibrated.append(label)
        contradiction.append(probabilities["contradict"])
    # As served: the rules, with the calibrated verdict deciding `judge.verdict_decides`.
    served = [
        calibrated[i] if rules[i] == "related" and calibrated[i] in decides else rules[i]
        for i in range(len(pairs))
    ]
    report: dict[str, Any] = {
        "sets": {},
        "thresholds": verdict.thresholds,
        "fitted_on": verdict.data["fitted_on"],
    }
    for dataset in dict.fromkeys(p.dataset for p in pairs):
        for part in ("held-out", "fit"):
            index = [i for i, p in enumerate(pairs) if p.dataset == dataset and p.part == part]
            if not index:
                continue
            gold = [pairs[i].label for i in index]
            block = {"pairs": len(index), "labels": {k: gold.count(k) for k in VERDICT_LABELS}}
            for name, predicted in (
                ("rules", rules),
                ("calibrated", calibrated),
                ("served", served),
            ):
                chosen = [predicted[i] for i in index]
                block[name] = {
                    label: _scores(gold, chosen, label) for label in ("contradict", "agree")
                }
            rules_recall = block["rules"]["contradict"]["recall"]
            if part == "held-out" and rules_recall:
                block["best_precision_at_rules_recall"] = _best_precision(
                    [contradiction[i] for i in index],
                    [g == "contradict" for g in gold],
                    rules_recall,
                )
            report["sets"][f"{dataset} ({part})"] = block
    report["weights"] = dict(
        zip(FEATURES, np.array(verdict.weights).round(3).tolist()[1], strict=True)
    )
    return report, verdict


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def render_markdown(report: dict[str, Any]) -> str:
    rows = []
    for name, block in report["sets"].items():
        for label in ("contradict", "agree"):
            row: list[Any] = [name, label, block["rules"][label]["positives"]]
            for decider in ("rules", "calibrated", "served"):
                scores = block[decider][label]
                row += [_pct(scores["precision"]), _pct(scores["recall"]), scores["false_alarms"]]
            rows.append(row)
    fitted = ", ".join(f"{k} {v}" for k, v in report["fitted_on"].items())
    lines = [
        "# Verdicts: the calibrated decision against today's rules",
        "",
        "Command: `factcheck bench verdicts` (fits `models/verdict/verdict.json` with `--save`).",
        "Each pair is judged as `factcheck check` judges it; the rules and the calibrated verdict "
        "decide on the same evidence. Sets marked *held-out* were never fitted on: FNC-1 and "
        "Emergent split by body and by claim, MSRP's test file, STS headlines 2015–2016. "
        "*Served*: the rules, with the calibrated verdict deciding what `judge.verdict_decides` "
        "names where the rules say `related` (what `factcheck compare` does). MSRP and STS "
        "hold no labelled contradictions: their false alarms count every `contradict`, though "
        "some of those pairs do state conflicting facts.",
        "",
        f"Fitted on: {fitted} pairs. Thresholds: contradict ≥ "
        f"{report['thresholds']['contradict']}, agree ≥ {report['thresholds']['agree']}.",
        "",
        *table(
            [
                "set",
                "label",
                "positives",
                "P rules",
                "R rules",
                "false rules",
                "P calibrated",
                "R calibrated",
                "false calibrated",
                "P served",
                "R served",
                "false served",
            ],
            rows,
            left=(0, 1),
        ),
        "",
        "Upper bound: the calibrated verdict's best `contradict` precision at the rules' "
        "recall or more, its threshold chosen on each held-out part itself: "
        + ", ".join(
            f"{name} {_pct(block['best_precision_at_rules_recall'])}"
            for name, block in report["sets"].items()
            if "best_precision_at_rules_recall" in block
        )
        + ".",
        "",
        "## Weights of `contradict` (standardised features)",
        "",
        *table(
            ["feature", "weight"], sorted(report["weights"].items(), key=lambda kv: -abs(kv[1]))
        ),
    ]
    return "\n".join(lines) + "\n"
