"""`factcheck bench claims`: are the splitter's claims clean on real articles?

Runs the reader and the splitter over real news bodies (FNC-1 training bodies in
../shared) and reports which lines the reader drops as page furniture (by reason, with
every such line listed: the bodies are article text, so each is furniture left in by
whoever extracted it, or an article line lost), how many claims the splitter rewrote
(pieces of sentences, lifted clauses, pronouns filled in), how many of those their own
sentence does not entail (NLI, before the pipeline keeps such sentences whole), how many
claims open with a pronoun no one resolved, with examples; and re-scores a hand-audited
sample (`claims_audit.jsonl`: claims of real articles, each judged good, malformed or not
standalone by a person). A claim of an audited article that is not in the audit any more
is counted as changed: it needs a new look.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from factcheck.pipeline.furniture import FurnitureFilter
from factcheck.pipeline.read import ReadError
from factcheck.report.markdown import table

Log = Callable[[str], None]
AUDIT_FILE = Path(__file__).with_name("claims_audit.jsonl")
OPENING_PRONOUN = re.compile(r"^(?:It|They|This|These|Those|That|Their|Its|He|She|His|Her)\b")


def _bodies(path: Path) -> dict[int, str]:
    csv.field_size_limit(10_000_000)
    with path.open(encoding="utf-8", newline="") as handle:
        return {int(r["Body ID"]): r["articleBody"] for r in csv.DictReader(handle)}


def read_audit(path: Path = AUDIT_FILE) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def claims_of(pipeline: Any, body_id: int, text: str) -> tuple[list[Any], dict[str, float]]:
    """A body's claims as the splitter cuts them, and the entailment of each rewrite."""
    article = pipeline.read({f"body {body_id}": text})[0]
    claims = pipeline.splitter.split(article)
    return claims, pipeline.rewrite_entailment(claims, [article])


def final_claims(pipeline: Any, body_id: int, text: str) -> list[Any]:
    """A body's claims as `compare` uses them: rewrites their sentence does not entail
    replaced by the sentence."""
    article = pipeline.read({f"body {body_id}": text})[0]
    return pipeline.checked_rewrites(pipeline.splitter.split(article), [article])


def run_claims_bench(
    pipeline: Any, bodies_csv: Path, limit: int, threshold: float, log: Log
) -> dict[str, Any]:
    bodies = _bodies(bodies_csv)
    chosen = sorted(bodies)[:limit] if limit else sorted(bodies)
    totals: Counter[str] = Counter()
    failing, unresolved = [], []
    furniture = FurnitureFilter(pipeline.settings.read.furniture)
    dropped: list[dict[str, Any]] = []
    for number, body_id in enumerate(chosen, 1):
        if number % 100 == 0:
            log(f"{number}/{len(chosen)} bodies")
        dropped += [
            {"body": body_id, "reason": verdict.reason, "line": verdict.text.strip()}
            for verdict in furniture.judge(bodies[body_id].split("\n"))
            if verdict.furniture
        ]
        try:
            claims, scores = claims_of(pipeline, body_id, bodies[body_id])
        except ReadError:
            totals["bodies refused"] += 1  # not English, too short
            continue
        totals["bodies"] += 1
        totals["claims"] += len(claims)
        totals["rewritten"] += len(scores)
        for claim in claims:
            score = scores.get(claim.id)
            if score is not None and score < threshold:
                totals["not entailed"] += 1
                failing.append(
                    {"body": body_id, "claim": claim.text, "entailment": round(score, 3)}
                )
            if OPENING_PRONOUN.match(claim.text):
                totals["opening pronoun"] += 1
                unresolved.append({"body": body_id, "claim": claim.text})
    audit = read_audit()
    audited = _rescore_audit(pipeline, bodies, audit) if audit else {}
    return {
        "totals": dict(totals),
        "threshold": threshold,
        "rewrites_entailed": 1 - totals["not entailed"] / max(1, totals["rewritten"]),
        "failing_examples": failing[:25],
        "opening_pronoun_examples": unresolved[:25],
        "furniture_lines": dropped,
        "furniture_by_reason": dict(Counter(d["reason"] for d in dropped).most_common()),
        "audit": audited,
    }


def _rescore_audit(
    pipeline: Any, bodies: dict[int, str], audit: list[dict[str, Any]]
) -> dict[str, Any]:
    verdicts = {(row["body"], row["claim"]): row["verdict"] for row in audit}
    counts: Counter[str] = Counter()
    changed = []
    audited_count = Counter(row["body"] for row in audit)
    for body_id, count in audited_count.items():
        # The audit judged each article's first claims: today's first as many are re-scored.
        for claim in final_claims(pipeline, body_id, bodies[body_id])[:count]:
            verdict = verdicts.get((body_id, claim.text))
            if verdict is None:
                counts["changed"] += 1
                changed.append({"body": body_id, "claim": claim.text})
            else:
                counts[verdict] += 1
    return {
        "articles": len({row["body"] for row in audit}),
        "audited": len(audit),
        "counts": dict(counts),
        "changed_examples": changed[:25],
    }


def render_markdown(report: dict[str, Any]) -> str:
    totals = report["totals"]
    audit = report["audit"]
    lines = [
        "# Claims on real articles",
        "",
        f"Command: `factcheck bench claims`. {totals.get('bodies', 0):,} FNC-1 training bodies "
        f"({totals.get('bodies refused', 0)} refused by the reader: not English or too short), "
        f"{totals.get('claims', 0):,} claims.",
        "",
        "| measure | value |",
        "|---|---:|",
        f"| claims the splitter rewrote | {totals.get('rewritten', 0):,} |",
        f"| rewrites their text entails (NLI ≥ {report['threshold']}; premises: the sentence, "
        "with the one before, with the one naming the person put in, or up to the end of "
        f"the words the claim was cut from) | "
        f"{100 * report['rewrites_entailed']:.1f} % |",
        f"| rewrites not entailed (the pipeline keeps those sentences whole) | "
        f"{totals.get('not entailed', 0):,} |",
        f"| claims opening with an unresolved pronoun | {totals.get('opening pronoun', 0):,} |",
        "",
    ]
    if audit:
        counts = audit["counts"]
        lines += [
            "## The hand-audited sample",
            "",
            f"{audit['audited']} claims from {audit['articles']} articles, each judged by hand "
            "(`factcheck/benchmarks/claims_audit.jsonl`), re-scored against today's splitter:",
            "",
            *table(
                ["verdict", "claims"],
                [[k, counts.get(k, 0)] for k in ("good", "malformed", "not standalone", "changed")],
            ),
            "",
        ]
    dropped = report["furniture_lines"]
    lines += [
        "## Lines dropped as page furniture",
        "",
        f"{len(dropped):,} lines of the bodies, by reason: "
        + ", ".join(f"{reason} {n}" for reason, n in report["furniture_by_reason"].items())
        + ". Each, to be read: furniture left in the body, or an article line lost.",
        "",
        *(f"- body {d['body']} ({d['reason']}): {d['line'][:160]}" for d in dropped),
        "",
    ]
    lines += ["## Rewrites their sentence does not entail (examples)", ""]
    lines += [f"- ({f['entailment']}) {f['claim']}" for f in report["failing_examples"]]
    lines += ["", "## Claims opening with a pronoun (examples)", ""]
    lines += [f"- {f['claim']}" for f in report["opening_pronoun_examples"]]
    return "\n".join(lines) + "\n"
