"""`factcheck bench facts`: does the fact layer find contradictions that NLI alone misses,
without raising false ones?

Each item is a pair of sentences judged by the pipeline's `Judge`. In the same run, with
the same NLI probabilities, "NLI alone" is the judge's NLI rule (`Judge.nli_verdict`) and
"NLI + facts" its full verdict (`contradict` or `attribution`).

- Breaking NLI eval: single-word substitutions (cardinals, ordinals, countries,
  nationalities, antonyms); its `synonyms` rows and any non-contradiction rows are negatives.
- SummEdits (seven domains): an edited summary against its original, sentence by sentence;
  an item is flagged when any changed sentence pair is. Inconsistent edits are positives,
  by edit type (entity, antonym, negation, hallucinated fact); consistent edits negatives.
- Emergent (news claims against other outlets' headlines about them): headlines "against"
  the claim are positives, "for" and "observing" negatives. These pairs are judged with their
  real embedding similarity, as in `factcheck compare`.
- SNLI test entailment and neutral pairs: negatives for all (false alarms on general text).
"""

from __future__ import annotations

import ast
import json
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.report.markdown import table
from factcheck.schema import Claim, Pair
from factcheck.settings import Settings

Log = Callable[[str], None]
BREAKING_CATEGORIES = {
    "cardinals": "cardinals",
    "ordinals": "ordinals",
    "countries": "countries",
    "nationalities": "nationalities",
    "antonyms": "antonyms",
    "antonyms_wordnet": "antonyms",
    "synonyms": "synonyms (negatives)",
}
EDIT_TYPES = {
    "entity_modification": "entity",
    "antonym_swap": "antonym",
    "negation_insertion_removal": "negation",
    "hallucinated_fact_insertion": "hallucinated fact",
}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'])")


@dataclass
class Item:
    dataset: str
    groups: list[str]
    positive: bool
    pairs: list[tuple[str, str]] = field(default_factory=list)
    similarity: float = 1.0  # only steers `agree`, never `contradict`, in the judge


def breaking_items(path: Path) -> list[Item]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        group = BREAKING_CATEGORIES.get(row.get("category", ""))
        if group is None:
            continue
        items.append(
            Item(
                "Breaking NLI",
                [group],
                row["label"] == "contradiction",
                [(row["premise"], row["hypothesis"])],
            )
        )
    return items


def changed_sentences(original: str, edited: str) -> list[tuple[str, str]]:
    """The sentence pairs an edit changed (sentences aligned by difflib)."""
    before, after = SENTENCE_END.split(original.strip()), SENTENCE_END.split(edited.strip())
    pairs = []
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "replace":
            for k in range(max(i2 - i1, j2 - j1)):
                old = before[min(i1 + k, i2 - 1)]
                new = after[min(j1 + k, j2 - 1)]
                pairs.append((old, new))
        elif op == "insert":
            anchor = before[i1 - 1] if i1 > 0 else (before[0] if before else "")
            pairs.extend((anchor, sentence) for sentence in after[j1:j2])
    return pairs


def summedits_items(
    folder: Path, per_domain: int, rng: random.Random, skip: str | None
) -> list[Item]:
    """Edited SummEdits summaries, outside the split the NLI model trained on (`skip`)."""
    items = []
    for path in sorted(folder.glob("summedits_*.json")):
        rows = json.loads(path.read_text(encoding="utf-8"))
        rows = [r for r in rows if r.get("split") != skip]
        edited = [r for r in rows if r["summary"].strip() != r["original_summary"].strip()]
        good = [r for r in edited if str(r["label"]) == "1"]
        bad = [r for r in edited if str(r["label"]) != "1"]
        rng.shuffle(bad)
        for row in good + bad[:per_domain]:
            types = row["edit_types"]
            types = ast.literal_eval(types) if isinstance(types, str) else types
            pairs = changed_sentences(row["original_summary"], row["summary"])
            if not pairs:
                continue
            groups = [EDIT_TYPES[t] for t in types if t in EDIT_TYPES] or ["other"]
            positive = str(row["label"]) != "1"
            items.append(
                Item(
                    "SummEdits",
                    groups if positive else ["consistent edits (negatives)"],
                    positive,
                    pairs,
                )
            )
    return items


def emergent_items(path: Path) -> list[Item]:
    import pandas as pd

    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    return [
        Item(
            "Emergent",
            [f"headline {row.articleHeadlineStance}"],
            row.articleHeadlineStance == "against",
            [(row.claimHeadline, row.articleHeadline)],
        )
        for row in table.itertuples()
    ]


def msrp_paraphrases(path: Path) -> list[Item]:
    """Sentence pairs from different outlets' reports of one event that annotators judged
    paraphrases: a check of false alarms on real news (loosely labelled: some state
    different figures)."""
    import csv

    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    return [
        Item("MSRP", ["paraphrases (negatives)"], False, [(row[3], row[4])])
        for row in rows
        if row and row[0] == "1"
    ]


def snli_negatives(path: Path, count: int, rng: random.Random) -> list[Item]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["label"] in ("entailment", "neutral")]
    rng.shuffle(rows)
    return [
        Item(
            "SNLI", ["entailment and neutral (negatives)"], False, [(r["premise"], r["hypothesis"])]
        )
        for r in rows[:count]
    ]


def judge_items(judge, items: list[Item], log: Log) -> tuple[list[bool], list[bool]]:
    """(NLI alone flags, NLI + facts flags), one per item, from one pass of the judge."""
    claims: dict[str, Claim] = {}
    pairs: list[Pair] = []
    owner: list[int] = []
    for index, item in enumerate(items):
        for a, b in item.pairs:
            ids = (f"a:{len(pairs)}", f"b:{len(pairs)}")
            # Two sources of their own per pair: the judge reads a source's other claims
            # (its own words stated elsewhere), and other items' sentences are not them.
            sources = (f"a{len(pairs)}", f"b{len(pairs)}")
            for cid, text, source in ((ids[0], a, sources[0]), (ids[1], b, sources[1])):
                claims[cid] = Claim(cid, source, text, 0, len(text), 0)
            pairs.append(Pair(ids[0], ids[1], item.similarity))
            owner.append(index)
    log(f"judging {len(pairs)} sentence pairs for {len(items)} items")
    findings = judge.judge(pairs, claims)
    labels = judge.nli.labels
    alone = [False] * len(items)
    combined = [False] * len(items)
    for index, finding in zip(owner, findings, strict=True):
        ab = np.array([finding.nli_a_to_b[label] for label in labels])
        ba = np.array([finding.nli_b_to_a[label] for label in labels])
        if judge.nli_verdict(ab, ba, 1.0)[0] == "contradict":
            alone[index] = True
        if finding.label in ("contradict", "attribution"):
            combined[index] = True
    return alone, combined


def scores(truth: list[bool], flagged: list[bool]) -> dict[str, float | int]:
    tp = sum(t and f for t, f in zip(truth, flagged, strict=True))
    fp = sum(f and not t for t, f in zip(truth, flagged, strict=True))
    fn = sum(t and not f for t, f in zip(truth, flagged, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def run_facts_bench(
    eval_dir: Path,
    consistency_dir: Path,
    per_domain: int,
    snli_count: int,
    seed: int,
    settings: Settings,
    log: Log,
) -> dict[str, Any]:
    from factcheck.pipeline.pipeline import configured
    from factcheck.training.context import summedits_training_split

    rng = random.Random(seed)
    emergent = emergent_items(
        consistency_dir / "emergent_news_stance" / "url-versions-2015-06-14-clean-train.csv"
    )
    paraphrases = msrp_paraphrases(consistency_dir / "msrp_news_paraphrase" / "msr-para-test.tsv")
    pipeline = configured(settings)
    embedder = pipeline.aligner.embedder
    for group in (emergent, paraphrases):
        left = embedder.encode([i.pairs[0][0] for i in group])
        right = embedder.encode([i.pairs[0][1] for i in group])
        for item, similarity in zip(group, (left * right).sum(axis=1), strict=True):
            item.similarity = round(float(similarity), 4)
    items = (
        breaking_items(eval_dir / "breaking_nli_eval.jsonl")
        + summedits_items(
            consistency_dir / "summedits",
            per_domain,
            rng,
            summedits_training_split(settings.nli.train),
        )
        + emergent
        + snli_negatives(eval_dir / "snli_test.jsonl", snli_count, rng)
        + paraphrases
    )
    judge = pipeline.judge
    started = time.perf_counter()
    alone, combined = judge_items(judge, items, log)
    seconds = time.perf_counter() - started
    snli = [i for i, item in enumerate(items) if item.dataset == "SNLI"]

    def block(chosen: list[int]) -> dict[str, Any]:
        truth = [items[i].positive for i in chosen]
        return {
            "items": len(chosen),
            "positives": sum(truth),
            "nli": scores(truth, [alone[i] for i in chosen]),
            "nli_facts": scores(truth, [combined[i] for i in chosen]),
        }

    results: dict[str, Any] = {"datasets": {}, "groups": {}}
    for dataset in ("Breaking NLI", "SummEdits", "Emergent"):
        own = [i for i, item in enumerate(items) if item.dataset == dataset]
        # Precision is measured with SNLI's general-text negatives added: a fact layer
        # must not flag ordinary sentence pairs.
        results["datasets"][dataset] = block(own + snli)
        for group in sorted({g for i in own for g in items[i].groups}):
            members = [i for i in own if group in items[i].groups]
            results["groups"][f"{dataset}: {group}"] = block(members)
    results["groups"]["SNLI: entailment and neutral (negatives)"] = block(snli)
    news = [i for i, item in enumerate(items) if item.dataset == "MSRP"]
    results["paraphrases"] = block(news)
    overall = block([i for i, item in enumerate(items) if item.dataset != "MSRP"])
    results["overall"] = overall
    results["meta"] = {
        "seed": seed,
        "summedits_per_domain": per_domain,
        "snli_negatives": snli_count,
        "judge_seconds": round(seconds, 1),
        "pairs_per_second": round(sum(len(i.pairs) for i in items) / seconds, 1),
    }
    return results


def render_markdown(report: dict[str, Any]) -> str:
    def pct(value: float) -> str:
        return f"{100 * value:.1f}"

    def row(name: str, block: dict[str, Any]) -> list[Any]:
        nli, both = block["nli"], block["nli_facts"]
        return [
            name,
            block["items"],
            block["positives"],
            pct(nli["precision"]),
            pct(nli["recall"]),
            pct(both["precision"]),
            pct(both["recall"]),
            f"{nli['fp']} → {both['fp']}",
        ]

    headers = [
        "Set",
        "Items",
        "Contradictions",
        "P (NLI)",
        "R (NLI)",
        "P (NLI+facts)",
        "R (NLI+facts)",
        "False alarms",
    ]
    meta = report["meta"]
    lines = [
        "# Fact layer: NLI alone against NLI plus facts",
        "",
        "Written by `factcheck bench facts`. Both columns come from one pass of the pipeline's "
        "judge over the same pairs: *NLI* is its NLI rule alone (contradiction both ways ≥ "
        "the threshold), *NLI+facts* its full verdict (`contradict` or `attribution`). P and "
        "R are precision and recall of `contradict`, in %.",
        "",
        "## Overall",
        "",
        "Each data set's precision includes SNLI test entailment and neutral pairs as "
        "negatives (ordinary sentence pairs that must not be flagged).",
        "",
        *table(
            headers,
            [row(name, block) for name, block in report["datasets"].items()]
            + [row("All items", report["overall"])],
        ),
        "",
        "## News paraphrases",
        "",
        f"MSRP test pairs judged paraphrases ({report['paraphrases']['items']} pairs of "
        "sentences from different outlets' reports of one event): flagged `contradict` by "
        f"NLI alone {report['paraphrases']['nli']['fp']}, by NLI+facts "
        f"{report['paraphrases']['nli_facts']['fp']}. The labels are loose (annotators "
        "accepted different details): most of the facts' additions are real differences in "
        "figures, such as a share price down 49 cents at $43.52 against down 2 cents at "
        "$43.99. Most of NLI's are not: its contradictions between paraphrases are the "
        "main source of false alarms between outlets (config `nli_only_contradict_threshold` "
        "trades them against recall).",
        "",
        "## By category and edit type",
        "",
        "Recall per Breaking-NLI category and SummEdits edit type (an item with several edit "
        "types counts in each); rows marked *negatives* hold no contradictions, so only their "
        "false alarms count.",
        "",
        *table(headers, [row(name, block) for name, block in report["groups"].items()]),
        "",
        f"SummEdits: up to {meta['summedits_per_domain']} inconsistent edits per domain plus "
        f"every consistent edit; {meta['snli_negatives']} SNLI negatives; seed {meta['seed']}. "
        f"Judging took {meta['judge_seconds']} s ({meta['pairs_per_second']} pairs/s, NLI "
        "both ways and the fact layer) on this machine.",
        "",
    ]
    return "\n".join(lines)
