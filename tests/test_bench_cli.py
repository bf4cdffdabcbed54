"""`factcheck bench … --nli-model DIR`: a candidate NLI model measured end to end, its reports
kept apart from reports/, which describe the served model."""

import json
import shutil

import pytest

from factcheck.resources import resolve

from .conftest import run_cli


@pytest.fixture(scope="module")
def contrary_model(tmp_path_factory):
    """The shipped model with its entailment and contradiction outputs swapped: a candidate
    that judges the other way round, so that a report made with it cannot pass for the
    served model's."""
    from safetensors.torch import load_file, save_file

    folder = tmp_path_factory.mktemp("candidate") / "model"
    shutil.copytree(resolve("models:nli-minilm-l6"), folder)
    weights = load_file(str(folder / "weights.safetensors"))
    for key in ("classifier.weight", "classifier.bias"):
        weights[key] = weights[key][[2, 1, 0]].contiguous()
    save_file(weights, str(folder / "weights.safetensors"))
    return folder


def test_a_candidate_judges_the_benchmark_and_its_report_says_so(tmp_path, contrary_model):
    served, candidate = tmp_path / "served", tmp_path / "candidate"
    result = run_cli("bench", "claims", "--bodies", "3", "--out", str(served))
    assert result.returncode == 0, result.stderr
    result = run_cli(
        "bench",
        "claims",
        "--bodies",
        "3",
        "--nli-model",
        str(contrary_model),
        "--out",
        str(candidate),
    )
    assert result.returncode == 0, result.stderr
    by_served = json.loads((served / "claims.json").read_text())
    by_candidate = json.loads((candidate / "claims.json").read_text())
    assert "nli_model" not in by_served
    assert by_candidate["nli_model"] == str(contrary_model.resolve())
    assert str(contrary_model.resolve()) in (candidate / "claims.md").read_text()
    # The same rewrites, checked by the other model: the served one entails nearly all of
    # them, the contrary one nearly none (and the pipeline keeps those sentences whole).
    assert by_served["totals"]["rewritten"] == by_candidate["totals"]["rewritten"]
    assert by_candidate["totals"]["not entailed"] > by_served["totals"].get("not entailed", 0)
    assert by_served["rewrites_entailed"] > 0.8 > 0.2 > by_candidate["rewrites_entailed"]
    # Every line the reader dropped as furniture is listed, with its reason.
    dropped = by_served["furniture_lines"]
    assert sum(by_served["furniture_by_reason"].values()) == len(dropped)
    listed = (served / "claims.md").read_text()
    assert all(f"body {d['body']} ({d['reason']})" in listed for d in dropped)


def test_a_candidate_never_writes_over_the_served_models_reports(tmp_path, contrary_model):
    reports = resolve("models:").parent / "reports"
    before = (reports / "claims.json").read_bytes()
    cases = [
        (["claims", "--nli-model", str(contrary_model)], "give --out DIR"),
        (["editor", "--nli-model", str(contrary_model), "--out", str(reports)], "give --out"),
        (["facts", "--nli-model", str(tmp_path / "nope"), "--out", str(tmp_path)], "no NLI model"),
        (["candidate", str(contrary_model), "--out", str(reports)], "give --out"),
        (["candidate", str(tmp_path / "nope"), "--out", str(tmp_path)], "no NLI model"),
        (
            ["verdicts", "--save", "--nli-model", str(contrary_model), "--out", str(tmp_path)],
            "not with --nli-model",
        ),
    ]
    for args, message in cases:
        result = run_cli("bench", *args)
        assert result.returncode != 0, args
        assert message.encode() in result.stderr and b"Traceback" not in result.stderr
        assert len(result.stderr.decode().strip().splitlines()) == 1
    assert (reports / "claims.json").read_bytes() == before


def test_the_decision_reads_every_figure_from_the_real_reports(tmp_path):
    """The served model against itself: every figure found in reports/ and none differs;
    a candidate worse on one real-news figure is not better, whatever else it gains."""
    from factcheck.benchmarks.candidate import FIGURES, compare, decision, read_reports

    reports = resolve("models:").parent / "reports"
    served = read_reports(reports)
    behaviour = json.loads((reports / "behaviour.json").read_text())
    models = behaviour["models"]
    as_candidate = {
        **served,
        "behaviour": {"models": {"shipped": models["shipped"], "c": models["shipped"]}},
    }
    rows = compare(served, as_candidate)
    assert len(rows) == len(FIGURES)
    assert {row["outcome"] for row in rows} == {"same"}, [r for r in rows if r["outcome"] != "same"]

    better_suite = json.loads(json.dumps(as_candidate))
    better_suite["behaviour"]["models"]["c"]["pass_rate"] = 0.999
    facts = better_suite["facts"]
    facts["datasets"]["Emergent"]["nli_facts"]["recall"] -= 0.05
    rows = {row["figure"]: row for row in compare(served, better_suite)}
    assert rows["behaviour suite, all cases"]["outcome"] == "better"
    assert rows["facts: Emergent headlines against, recall"]["outcome"] == "worse"
    verdict = decision(list(rows.values()))
    assert verdict.startswith("Not better") and "Emergent" in verdict
    # Unrelated headlines read as contradicting, and a false contradiction an editor sees.
    more_alarms = json.loads(json.dumps(as_candidate))
    more_alarms["verdicts"]["sets"]["STS headlines (held-out)"]["rules"]["contradict"][
        "flagged"
    ] += 1
    more_alarms["editor"]["held_out"]["summary"]["false_contradictions_per_pair"] += 0.33
    rows = {row["figure"]: row for row in compare(served, more_alarms)}
    assert (
        rows["verdicts: STS headlines held-out flagged contradict (none are)"]["outcome"] == "worse"
    )
    assert rows["editor held-out: false contradictions a pair"]["outcome"] == "worse"
    missing = compare(served, {})
    assert {row["outcome"] for row in missing} == {"not measured"}
    assert "not measured" in decision(missing)


def test_best_precision_at_a_recall_is_the_best_threshold_that_keeps_it():
    from factcheck.benchmarks.verdicts import _best_precision

    scores = [0.9, 0.8, 0.7, 0.6, 0.5]
    gold = [True, False, True, True, False]
    # Recall 1/3 is kept by the top pair alone (precision 1); 2/3 by the top three (2 of 3),
    # but the top four keep more recall at a better precision (3 of 4), and so does 3/3.
    assert _best_precision(scores, gold, 1 / 3) == 1.0
    assert _best_precision(scores, gold, 0.6) == 0.75
    assert _best_precision(scores, gold, 1.0) == 0.75
    assert _best_precision([0.9, 0.8], [False, True], 0.5) == 0.5


def test_a_speed_run_without_large_inputs_keeps_the_last_table_and_says_so(tmp_path):
    from factcheck.benchmarks.speed import carry_large_inputs, render_markdown

    row = {"megabytes": 1.0, "seconds": 140.6, "peak_memory_mib": 1505, "claims": 8562}
    row |= {"pairs_judged": 133, "report_mib": 4.2, "exit": 0}
    previous = tmp_path / "speed.json"
    previous.write_text(json.dumps({"measured": "2026-11-20", "large_inputs": [row]}))
    result = {
        "machine": {"cpus": 2, "platform": "test"},
        "seed_pair": {"seconds_models_loaded": 3.0, "claims": 38, "pairs_judged": 95},
        "growth": [],
        "per_claim_ratio_16x": 1.2,
    }
    result["seed_pair"] |= {"seconds_cold_cli": 9.0, "stages": {}}
    carry_large_inputs(result, previous)
    markdown = render_markdown(result)
    assert "| 1.0 | 140.6 | 1505 |" in markdown
    assert "kept from the run of 2026-11-20" in markdown
    # Carried again by a later run, it still names the run that measured it.
    previous.write_text(json.dumps(result))
    again = {key: value for key, value in result.items() if not key.startswith("large")}
    carry_large_inputs(again, previous)
    assert "kept from the run of 2026-11-20" in render_markdown(again)
    # With no earlier report there is no table.
    fresh = {key: value for key, value in again.items() if not key.startswith("large")}
    carry_large_inputs(fresh, tmp_path / "none.json")
    assert "Very large inputs" not in render_markdown(fresh)
