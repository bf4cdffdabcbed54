"""`factcheck bench editor`: what an editor sees on real articles against their rewrites.

Each pair in `editor_pairs.yaml` is a real news article (an FNC-1 training body, read from
../shared) and a rewrite written for this benchmark, with planted conflicts of many kinds,
paraphrased agreements, facts of the rewrite's own, facts it drops, and page furniture
around both. The pipeline compares each pair exactly as `factcheck compare` does; the
labels point into the texts by quoting a piece of a sentence, so they hold whatever the
splitter makes of the sentence.

Reported, per kind of conflict and overall: planted conflicts found, agreements found,
false contradictions per pair (every `contradict` or `attribution` that is not a planted
conflict), furniture claims kept, alignment recall (labelled pairs that reach the judge at
all), B's own facts left unique, seconds per pair; and each side against its own copy.
"""

from __future__ import annotations

import csv
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import FactcheckError
from factcheck.report.markdown import table
from factcheck.schema import Article, Claim, Finding, Report

Log = Callable[[str], None]
PAIRS_FILE = Path(__file__).with_name("editor_pairs.yaml")
FLAGGED = ("contradict", "attribution")


class BenchDataError(FactcheckError):
    """The benchmark's labels do not match its texts."""


@dataclass
class EditorPair:
    id: str
    topic: str
    a_text: str
    b_text: str
    spec: dict[str, Any]
    split: str = "development"  # "held-out": never used to tune the pipeline


def load_pairs(bodies_csv: Path, pairs_file: Path = PAIRS_FILE) -> list[EditorPair]:
    """The pairs, side A assembled from its FNC-1 body and the furniture written around it."""
    spec = yaml.safe_load(pairs_file.read_text(encoding="utf-8"))
    csv.field_size_limit(10_000_000)
    with bodies_csv.open(encoding="utf-8", newline="") as handle:
        bodies = {int(row["Body ID"]): row["articleBody"] for row in csv.DictReader(handle)}
    pairs = []
    for item in spec["pairs"]:
        if item["body_id"] not in bodies:
            raise BenchDataError(f"{item['id']}: no FNC-1 body {item['body_id']}")
        parts = [item.get("a_before") or "", bodies[item["body_id"]], item.get("a_after") or ""]
        a_text = "\n\n".join(p.strip("\n") for p in parts if p.strip())
        pairs.append(
            EditorPair(
                item["id"], item["topic"], a_text, item["b"], item, item.get("split", "development")
            )
        )
    return pairs


def _span(article: Article, quote: str, pair_id: str) -> tuple[int, int]:
    start = article.text.find(quote)
    if start < 0:
        raise BenchDataError(f"{pair_id}: {quote!r} is not in side {article.id} as read")
    return start, start + len(quote)


def _covers(claim: Claim, span: tuple[int, int]) -> bool:
    return claim.start < span[1] and span[0] < claim.end


def _findings_between(
    report: Report, by_id: dict[str, Claim], label: dict[str, Any], pair_id: str
) -> list[Finding]:
    """Findings whose claims cover the label's quote on each side (in either order)."""
    article_a, article_b = report.sources
    a_span, b_span = _span(article_a, label["a"], pair_id), _span(article_b, label["b"], pair_id)
    found = []
    for finding in report.findings:
        first, second = (by_id[i] for i in finding.claims)
        if first.source == "b":
            first, second = second, first
        if first.source == "a" and _covers(first, a_span) and _covers(second, b_span):
            found.append(finding)
    return found


def _score_pair(pair: EditorPair, report: Report) -> dict[str, Any]:
    article_a, article_b = report.sources
    by_id = {c.id: c for c in report.claims}
    conflicts, agreements = [], []
    planted: set[tuple[str, str]] = set()
    for label in pair.spec.get("conflicts", []):
        between = _findings_between(report, by_id, label, pair.id)
        planted |= {f.claims for f in between}
        flagged = [f for f in between if f.label in FLAGGED]
        conflicts.append(
            {
                "kind": label["kind"],
                "a": label["a"],
                "b": label["b"],
                "aligned": bool(between),
                "found": bool(flagged),
                "labels": sorted({f.label for f in between}),
            }
        )
    for label in pair.spec.get("agreements", []):
        between = _findings_between(report, by_id, label, pair.id)
        agreements.append(
            {
                "a": label["a"],
                "b": label["b"],
                "aligned": bool(between),
                "found": any(f.label == "agree" for f in between),
                "labels": sorted({f.label for f in between}),
            }
        )
    false_contradictions = [
        {
            "a": by_id[f.claims[0]].text,
            "b": by_id[f.claims[1]].text,
            "label": f.label,
            "confidence": f.confidence,
            "reasons": [r.detail for r in f.reasons],
        }
        for f in report.findings
        if f.label in FLAGGED and f.claims not in planted
    ]
    furniture_kept = []
    for article, key in ((article_a, "furniture_a"), (article_b, "furniture")):
        for quote in pair.spec.get(key, []):
            start = article.text.find(quote)
            if start < 0:
                continue  # dropped on reading
            span = (start, start + len(quote))
            furniture_kept += [
                {"source": article.id, "furniture": quote, "claim": c.text}
                for c in report.claims
                if c.source == article.id and _covers(c, span)
            ]
    lines_lost = []
    for article, raw, key in (
        (article_a, pair.a_text, "furniture_a"),
        (article_b, pair.b_text, "furniture"),
    ):
        for line in raw.split("\n"):
            line = line.strip()
            if not line or any(quote in line for quote in pair.spec.get(key, [])):
                continue
            # The line's middle, clear of a dateline cut from its start or a credit from its end.
            middle = line[len(line) // 3 : len(line) // 3 + 30]
            if middle not in article.text:
                lines_lost.append({"source": article.id, "line": line})
    unique = set(report.unique)
    own_facts = []
    for quote in pair.spec.get("unique_b", []):
        span = _span(article_b, quote, pair.id)
        covering = [c.id for c in report.claims if c.source == "b" and _covers(c, span)]
        left_unique = bool(covering) and all(i in unique for i in covering)
        own_facts.append({"b": quote, "unique": left_unique})
    return {
        "id": pair.id,
        "topic": pair.topic,
        "claims": Counter(c.source for c in report.claims),
        "pairs_judged": len(report.findings),
        "conflicts": conflicts,
        "agreements": agreements,
        "false_contradictions": false_contradictions,
        "furniture_kept": furniture_kept,
        "lines_lost": lines_lost,
        "own_facts": own_facts,
    }


def _share(items: list[dict[str, Any]], key: str) -> float:
    return sum(bool(i[key]) for i in items) / len(items) if items else 0.0


def run_editor_bench(pipeline: Any, bodies_csv: Path, log: Log) -> dict[str, Any]:
    """Compare every pair (and each side against its own copy) with `pipeline`."""
    pairs = load_pairs(bodies_csv)
    log("loading models")
    pipeline.compare({"warm-up a": pairs[0].a_text, "warm-up b": pairs[0].b_text})
    results, seconds, self_compare = [], [], []
    for number, pair in enumerate(pairs, 1):
        log(f"[{number}/{len(pairs)}] {pair.id}")
        started = time.perf_counter()
        report = pipeline.compare({f"{pair.id} (A)": pair.a_text, f"{pair.id} (B)": pair.b_text})
        seconds.append(time.perf_counter() - started)
        results.append(_score_pair(pair, report))
        for side, text in (("A", pair.a_text), ("B", pair.b_text)):
            copy = pipeline.compare({f"{pair.id} ({side})": text, "copy": text})
            agreeing = {cid for f in copy.findings_with("agree") for cid in f.claims}
            self_compare.append(
                {
                    "id": pair.id,
                    "side": side,
                    "contradictions": sum(len(copy.findings_with(label)) for label in FLAGGED),
                    "claims": len(copy.claims),
                    "agree_share": len(agreeing) / max(1, len(copy.claims)),
                }
            )
    development = [i for i, p in enumerate(pairs) if p.split != "held-out"]
    held_out = [i for i, p in enumerate(pairs) if p.split == "held-out"]
    report = _summarise(development, results, seconds, self_compare)
    report["held_out"] = _summarise(held_out, results, seconds, self_compare) if held_out else None
    report.update(
        {
            "pairs": len(development),
            "results": [results[i] for i in development],
            "seconds": [seconds[i] for i in development],
            "self_compare": self_compare,
        }
    )
    if held_out:
        report["held_out"]["results"] = [results[i] for i in held_out]
        report["held_out"]["seconds"] = [seconds[i] for i in held_out]
    return report


def _summarise(
    index: list[int], results: list[dict[str, Any]], seconds: list[float], self_compare: list
) -> dict[str, Any]:
    """The measures over the pairs at `index`."""
    chosen = [results[i] for i in index]
    ids = {r["id"] for r in chosen}
    copies = [s for s in self_compare if s["id"] in ids]
    conflicts = [c for r in chosen for c in r["conflicts"]]
    agreements = [a for r in chosen for a in r["agreements"]]
    kinds: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for conflict in conflicts:
        kinds[conflict["kind"]].append(conflict)
    own = [o for r in chosen for o in r["own_facts"]]
    return {
        "pairs": len(chosen),
        "summary": {
            "conflicts": len(conflicts),
            "conflicts_found": _share(conflicts, "found"),
            # A conflict read as an agreement hides it worse than `related` does.
            "conflicts_judged_agree": sum(
                "agree" in c["labels"] and not c["found"] for c in conflicts
            ),
            "agreements": len(agreements),
            "agreements_found": _share(agreements, "found"),
            "false_contradictions_per_pair": sum(len(r["false_contradictions"]) for r in chosen)
            / len(chosen),
            "furniture_claims_kept": sum(len(r["furniture_kept"]) for r in chosen),
            "article_lines_lost": sum(len(r["lines_lost"]) for r in chosen),
            "alignment_recall": _share(conflicts + agreements, "aligned"),
            "own_facts_unique": _share(own, "unique"),
            "seconds_per_pair": sum(seconds[i] for i in index) / len(index),
            "self_compare_contradictions": sum(s["contradictions"] for s in copies),
            "self_compare_agree_share": min(s["agree_share"] for s in copies),
        },
        "kinds": {
            kind: {
                "planted": len(items),
                "found": _share(items, "found"),
                "aligned": _share(items, "aligned"),
            }
            for kind, items in sorted(kinds.items())
        },
    }


def _pct(value: float) -> str:
    return f"{100 * value:.0f} %"


SUMMARY_ROWS = [
    ("planted conflicts found", "conflicts_found", "pct"),
    ("planted conflicts judged `agree`", "conflicts_judged_agree", "int"),
    ("agreements found", "agreements_found", "pct"),
    ("false contradictions per pair", "false_contradictions_per_pair", "float"),
    ("furniture claims kept", "furniture_claims_kept", "int"),
    ("article lines lost with the furniture", "article_lines_lost", "int"),
    ("alignment recall (labelled pairs judged at all)", "alignment_recall", "pct"),
    ("the rewrite's own facts left unique", "own_facts_unique", "pct"),
    ("seconds per pair (models loaded)", "seconds_per_pair", "float"),
    (
        "self-compare: contradictions (each side against its copy)",
        "self_compare_contradictions",
        "int",
    ),
    ("self-compare: lowest share of claims agreeing", "self_compare_agree_share", "pct"),
]


def _shown(value: Any, style: str) -> str:
    if value is None:
        return "–"
    if style == "pct":
        return _pct(value)
    if style == "float":
        return f"{value:.2f}"
    return str(value)


BASELINE_NOTE = (
    "*Before*: the same benchmark on the pipeline as it stood when the benchmark was built "
    "(commit 8684052, before the editor-trust changes), kept in `reports/editor-baseline.json`."
)


def _held_out_lines(held_out: dict[str, Any] | None) -> list[str]:
    if not held_out:
        return []
    summary = held_out["summary"]
    lines = [
        f"## Held out ({held_out['pairs']} pairs written after the changes, never tuned on)",
        "",
        "| measure | value |",
        "|---|---:|",
        *[f"| {label} | {_shown(summary.get(key), style)} |" for label, key, style in SUMMARY_ROWS],
        "",
        "Conflicts by kind: "
        + ", ".join(
            f"{kind} {_pct(v['found'])} of {v['planted']}" for kind, v in held_out["kinds"].items()
        )
        + ".",
        "",
    ]
    for result in held_out["results"]:
        lines += _miss_lines(result)
    return [*lines, ""]


def render_markdown(report: dict[str, Any], baseline: dict[str, Any] | None = None) -> str:
    summary = report["summary"]
    before = (baseline or {}).get("summary", {})
    lines = [
        "# The editor's benchmark",
        "",
        f"{report['pairs']} article pairs: each a real news article (FNC-1 training bodies, "
        "several topics) against a rewrite as another outlet would publish it, written for "
        "this benchmark (`factcheck/benchmarks/editor_pairs.yaml`), with planted conflicts, "
        "paraphrased agreements, facts of its own, dropped facts and page furniture around "
        "both. Command: `factcheck bench editor`.",
        "",
        "| measure | before | now |",
        "|---|---:|---:|",
        *[
            f"| {label} | {_shown(before.get(key), style)} | {_shown(summary.get(key), style)} |"
            for label, key, style in SUMMARY_ROWS
        ],
        "",
        BASELINE_NOTE if baseline else "",
        "",
        *_held_out_lines(report.get("held_out")),
        "## Planted conflicts by kind",
        "",
        *table(
            ["kind", "planted", "found before", "found now", "aligned now"],
            [
                [
                    kind,
                    v["planted"],
                    _shown((baseline or {}).get("kinds", {}).get(kind, {}).get("found"), "pct"),
                    _pct(v["found"]),
                    _pct(v["aligned"]),
                ]
                for kind, v in report["kinds"].items()
            ],
        ),
        "",
        "## Per pair",
        "",
        *table(
            [
                "pair",
                "topic",
                "conflicts found",
                "agreements found",
                "false contradictions",
                "furniture kept",
                "seconds",
            ],
            [
                [
                    r["id"],
                    r["topic"],
                    f"{sum(c['found'] for c in r['conflicts'])}/{len(r['conflicts'])}",
                    f"{sum(a['found'] for a in r['agreements'])}/{len(r['agreements'])}",
                    len(r["false_contradictions"]),
                    len(r["furniture_kept"]),
                    f"{s:.2f}",
                ]
                for r, s in zip(report["results"], report["seconds"], strict=True)
            ],
            left=(0, 1),
        ),
        "",
        "## Misses and false alarms",
        "",
    ]
    for result in report["results"]:
        lines += _miss_lines(result)
    return "\n".join(lines) + "\n"


def _miss_lines(result: dict[str, Any]) -> list[str]:
    """One line per missed conflict or agreement, false alarm, furniture claim, lost line."""
    lines = []
    for c in result["conflicts"]:
        if not c["found"]:
            seen = ", ".join(c["labels"]) or "never aligned"
            lines.append(f"- {result['id']}: missed {c['kind']}: “{c['a']}” / “{c['b']}” ({seen})")
    for a in result["agreements"]:
        if not a["found"]:
            seen = ", ".join(a["labels"]) or "never aligned"
            lines.append(f"- {result['id']}: missed agreement: “{a['a']}” / “{a['b']}” ({seen})")
    for f in result["false_contradictions"]:
        lines.append(f"- {result['id']}: false {f['label']}: “{f['a']}” / “{f['b']}”")
    for f in result["furniture_kept"]:
        lines.append(f"- {result['id']}: furniture kept ({f['source']}): “{f['claim']}”")
    for f in result["lines_lost"]:
        lines.append(f"- {result['id']}: article line lost ({f['source']}): “{f['line']}”")
    return lines
