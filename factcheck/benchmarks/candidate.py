"""Whether a candidate NLI model beats the served one: the deciding figures of every report
the NLI model feeds, side by side (`factcheck bench candidate`).

A model can gain on the behaviour suite and general NLI and still lose on real news pairs
(reports/nli-search.md, "soup23 end to end"), so the decision reads all of them: the
behaviour suite, general NLI, the editor's benchmark, the claims check, the fact layer, the
rules' verdicts and reference mode. Each figure says which way is better; the served
model's figures come from reports/, the candidate's from the folder its run wrote.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.report.markdown import table

Reports = dict[str, dict[str, Any]]  # report name ("nli", "facts", …) → its JSON


@dataclass(frozen=True)
class Figure:
    """One deciding figure: where it is read from, and whether more is better."""

    name: str
    report: str
    read: Callable[[dict[str, Any]], float | None]
    higher_is_better: bool = True
    kind: str = "share"  # how it reads: "share" (a percentage), "count" or "number"


def _at(*keys: str) -> Callable[[dict[str, Any]], float | None]:
    """The figure at `keys` in a report."""

    def read(report: dict[str, Any]) -> Any:
        for key in keys:
            report = report[key]
        return report

    return read


FIGURES: tuple[Figure, ...] = (
    Figure("behaviour suite, all cases", "behaviour", _at("pass_rate")),
    Figure(
        "behaviour suite, lowest capability",
        "behaviour",
        lambda r: min(c["pass_rate"] for c in r["capabilities"].values()),
    ),
    Figure("a sentence entails itself", "behaviour", _at("identity_at_scale", "identity")),
    Figure(
        "typography-only copy, both ways",
        "behaviour",
        _at("identity_at_scale", "typography_both_ways"),
    ),
    Figure(
        "MNLI-matched validation", "nli", _at("sets", "validation: mnli_matched_dev", "accuracy")
    ),
    Figure(
        "MNLI-matched validation ECE",
        "nli",
        _at("sets", "validation: mnli_matched_dev", "ece"),
        higher_is_better=False,
        kind="number",
    ),
    Figure("SNLI test", "nli", _at("sets", "snli_test", "accuracy")),
    Figure("SNLI test ECE", "nli", _at("sets", "snli_test", "ece"), False, "number"),
    Figure("Breaking NLI", "nli", _at("sets", "breaking_nli_eval", "accuracy")),
    Figure("editor: planted conflicts found", "editor", _at("summary", "conflicts_found")),
    Figure("editor: agreements found", "editor", _at("summary", "agreements_found")),
    Figure(
        "editor: false contradictions a pair",
        "editor",
        _at("summary", "false_contradictions_per_pair"),
        higher_is_better=False,
        kind="number",
    ),
    Figure(
        "editor held-out: planted conflicts found",
        "editor",
        _at("held_out", "summary", "conflicts_found"),
    ),
    Figure(
        "editor held-out: agreements found",
        "editor",
        _at("held_out", "summary", "agreements_found"),
    ),
    Figure(
        "editor held-out: false contradictions a pair",
        "editor",
        _at("held_out", "summary", "false_contradictions_per_pair"),
        higher_is_better=False,
        kind="number",
    ),
    Figure("claims: rewrites their text entails", "claims", _at("rewrites_entailed")),
    Figure(
        "facts: contradict precision, all sets", "facts", _at("overall", "nli_facts", "precision")
    ),
    Figure("facts: contradict recall, all sets", "facts", _at("overall", "nli_facts", "recall")),
    Figure(
        "facts: Emergent headlines against, recall",
        "facts",
        _at("datasets", "Emergent", "nli_facts", "recall"),
    ),
    Figure(
        "facts: SummEdits consistent edits flagged",
        "facts",
        _at("groups", "SummEdits: consistent edits (negatives)", "nli_facts", "fp"),
        higher_is_better=False,
        kind="count",
    ),
    *(
        Figure(
            f"verdicts: {name} held-out contradict {measure}",
            "verdicts",
            _at("sets", f"{name} (held-out)", "rules", "contradict", measure),
        )
        for name in ("FNC-1", "Emergent")
        for measure in ("precision", "recall")
    ),
    *(
        Figure(
            f"verdicts: {name} held-out flagged contradict (none are)",
            "verdicts",
            _at("sets", f"{name} (held-out)", "rules", "contradict", "flagged"),
            higher_is_better=False,
            kind="count",
        )
        # Headlines of two different events, which a model reading "unrelated" as
        # "contradicts" flags (SNLI's one-scene habit), beside paraphrases.
        for name in ("MSRP", "STS headlines")
    ),
    Figure("reference mode: mean ROC AUC", "consistency", _at("mean_roc_auc"), kind="number"),
)
# Reports read for the comparison, each `<name>.json`.
REPORTS = tuple(dict.fromkeys(figure.report for figure in FIGURES))


def read_reports(folder: Path) -> Reports:
    """The reports among REPORTS that `folder` holds."""
    return {
        name: json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        for name in REPORTS
        if (folder / f"{name}.json").is_file()
    }


def _read(figure: Figure, report: dict[str, Any] | None) -> float | None:
    if report is None:
        return None
    try:
        return figure.read(report)
    except (KeyError, TypeError, ValueError):
        return None  # a report of another shape: the figure is not there


def compare(served: Reports, candidate: Reports) -> list[dict[str, Any]]:
    """Each figure for the served model and the candidate, and which is better.

    The behaviour report holds both models: the served one as "shipped", the candidate as
    the other model it scored."""
    rows = []
    for figure in FIGURES:
        if figure.report == "behaviour":
            models = candidate.get("behaviour", {}).get("models", {})
            others = [m for name, m in models.items() if name != "shipped"]
            served_value = _read(figure, models.get("shipped"))
            candidate_value = _read(figure, others[0] if others else None)
        else:
            served_value = _read(figure, served.get(figure.report))
            candidate_value = _read(figure, candidate.get(figure.report))
        if served_value is None or candidate_value is None:
            outcome = "not measured"
        elif candidate_value == served_value:
            outcome = "same"
        elif (candidate_value > served_value) == figure.higher_is_better:
            outcome = "better"
        else:
            outcome = "worse"
        rows.append(
            {
                "figure": figure.name,
                "report": figure.report,
                "kind": figure.kind,
                "served": served_value,
                "candidate": candidate_value,
                "outcome": outcome,
            }
        )
    return rows


def decision(rows: list[dict[str, Any]]) -> str:
    """One line: does the candidate beat the served model on every figure measured?"""
    worse = [row["figure"] for row in rows if row["outcome"] == "worse"]
    missing = [row["figure"] for row in rows if row["outcome"] == "not measured"]
    if worse:
        return f"Not better: worse on {len(worse)} of {len(rows)} figures ({'; '.join(worse)})."
    if missing:
        return f"No figure worse, but {len(missing)} not measured ({'; '.join(missing)})."
    return "Better or the same on every figure: a candidate to serve."


def _value(value: float | None, kind: str) -> str:
    if value is None:
        return "–"
    if kind == "share":
        return f"{100 * value:.1f} %"
    if kind == "count":
        return f"{value:,.0f}"
    return f"{value:.3f}"


def render_markdown(model: str, rows: list[dict[str, Any]]) -> str:
    lines = [
        "# A candidate NLI model against the served one",
        "",
        f"Candidate: `{model}`. Served: the figures in reports/. Made by `factcheck bench "
        "candidate`; the candidate's own reports lie beside this file.",
        "",
        f"**{decision(rows)}**",
        "",
        "Each figure is compared as measured, without a margin for sampling noise: a loss of "
        "a case or two counts as worse, so read the sizes before deciding.",
        "",
    ]
    lines += table(
        ["figure", "report", "served", "candidate", "candidate is"],
        [
            [
                r["figure"],
                r["report"],
                _value(r["served"], r["kind"]),
                _value(r["candidate"], r["kind"]),
                r["outcome"],
            ]
            for r in rows
        ],
        left=(0, 1, 4),
    )
    return "\n".join(lines) + "\n"
