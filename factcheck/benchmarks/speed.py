"""`factcheck bench speed`: compare timings on this machine, written to reports/speed.md.

The seed pair with models loaded, a cold CLI call, time per claim as the articles grow
(articles made by concatenating the bundled examples 1, 2, 4, 8 and 16 times), and very
large inputs (1, 2 and 4 MB of real news bodies against a seed article): time, peak memory
and the size of the JSON report, each in a fresh process.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from factcheck.settings import NO_CACHE, Settings

Log = Callable[[str], None]


def best_of(runs: int, action: Callable[[], Any]) -> tuple[float, Any]:
    """The fastest of `runs` timed calls of `action`, in seconds, and its result."""
    best, result = float("inf"), None
    for _ in range(runs):
        started = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - started)
    return best, result


def run_speed_bench(
    seed_a: Path,
    seed_b: Path,
    example_a: Path,
    example_b: Path,
    factors: list[int],
    settings: Settings,
    log: Log = print,
) -> dict[str, Any]:
    from factcheck.pipeline.pipeline import configured

    pipeline = configured(settings, NO_CACHE)  # timings of real work, not of the result cache
    log("loading models and warming up…")
    pipeline.compare([example_a, example_b])
    seconds, report = best_of(3, lambda: pipeline.compare([seed_a, seed_b]))
    result: dict[str, Any] = {
        "measured": date.today().isoformat(),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
        "seed_pair": {
            "seconds_models_loaded": round(seconds, 2),
            "claims": report.summary.claims,
            "pairs_judged": len(report.findings),
            "stages": report.timings,
        },
    }
    log(f"seed pair, models loaded: {seconds:.2f} s")
    # The machine's own pace, to read the seconds above by: shared CPUs run one model at
    # different speeds from day to day, so a change of code is timed against the code
    # before it in one run, not against an older report.
    claims = {c.id: c.text for c in report.claims}
    premises = [claims[f.claims[0]] for f in report.findings]
    hypotheses = [claims[f.claims[1]] for f in report.findings]
    nli_seconds, _ = best_of(3, lambda: pipeline.judge.nli.predict_both(premises, hypotheses))
    result["seed_pair"]["nli_pairs_per_second"] = round(2 * len(premises) / nli_seconds, 1)
    log(f"NLI on the seed pair's judged pairs: {result['seed_pair']['nli_pairs_per_second']}/s")
    started = time.perf_counter()
    cold = subprocess.run(
        [
            sys.executable,
            "-m",
            "factcheck",
            "compare",
            str(seed_a),
            str(seed_b),
            "--format",
            "json",
            "--no-cache",
        ],
        capture_output=True,
        check=False,
    )
    result["seed_pair"]["seconds_cold_cli"] = round(time.perf_counter() - started, 2)
    result["seed_pair"]["cold_cli_exit"] = cold.returncode
    log(f"seed pair, cold CLI: {result['seed_pair']['seconds_cold_cli']:.2f} s")
    text_a, text_b = example_a.read_text(), example_b.read_text()
    growth = []
    for factor in factors:
        sources = {"a": "\n\n".join([text_a] * factor), "b": "\n\n".join([text_b] * factor)}
        seconds, report = best_of(2 if factor <= 4 else 1, lambda s=sources: pipeline.compare(s))
        claims = report.summary.claims
        growth.append(
            {
                "factor": factor,
                "words": sum(len(t.split()) for t in sources.values()),
                "claims": claims,
                "pairs_judged": len(report.findings),
                "seconds": round(seconds, 2),
                "ms_per_claim": round(1000 * seconds / claims, 1),
            }
        )
        log(f"  ×{factor}: {growth[-1]}")
    result["growth"] = growth
    result["per_claim_ratio_16x"] = round(growth[-1]["ms_per_claim"] / growth[0]["ms_per_claim"], 2)
    return result


# A child process that runs the CLI and then reports its own peak memory (ru_maxrss, KiB).
PEAK_MEMORY_RUNNER = (
    "import resource, runpy, sys\n"
    "sys.argv = ['factcheck', *sys.argv[1:]]\n"
    "try:\n"
    "    runpy.run_module('factcheck', run_name='__main__')\n"
    "except SystemExit:\n"
    "    pass\n"
    "print('PEAK_KIB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
)


def news_text(bodies: list[str], size: int) -> str:
    """Real article bodies joined until the text is `size` bytes long."""
    parts, length = [], 0
    for body in bodies:
        parts.append(body)
        length += len(body.encode()) + 2
        if length >= size:
            break
    return "\n\n".join(parts)


def run_large_inputs(
    bodies_csv: Path, partner: Path, sizes_mb: list[float], log: Log = print
) -> list[dict[str, Any]]:
    """`factcheck compare BIG PARTNER --format json` for each size, in a fresh process."""
    from factcheck.training.synthetic import news_bodies

    bodies = news_bodies(bodies_csv)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size_mb in sizes_mb:
            big = Path(folder) / f"news_{size_mb}mb.txt"
            big.write_text(news_text(bodies, int(size_mb * 1_000_000)), encoding="utf-8")
            out = Path(folder) / "report.json"
            out.unlink(missing_ok=True)
            args = ["compare", str(big), str(partner), "-f", "json", "-o", str(out), "--no-cache"]
            started = time.perf_counter()
            run = subprocess.run(
                [sys.executable, "-c", PEAK_MEMORY_RUNNER, *args],
                capture_output=True,
                text=True,
                check=False,
            )
            seconds = time.perf_counter() - started
            peak = [line for line in run.stderr.splitlines() if line.startswith("PEAK_KIB")]
            report = json.loads(out.read_text()) if out.is_file() else {}
            rows.append(
                {
                    "megabytes": round(big.stat().st_size / 1_000_000, 2),
                    "seconds": round(seconds, 1),
                    "peak_memory_mib": round(int(peak[0].split()[1]) / 1024) if peak else None,
                    "claims": report.get("summary", {}).get("claims"),
                    "pairs_judged": len(report.get("pairs", [])),
                    "report_mib": round(out.stat().st_size / 2**20, 1) if out.is_file() else None,
                    "exit": run.returncode,
                }
            )
            log(f"  {size_mb} MB: {rows[-1]}")
    return rows


def carry_large_inputs(result: dict[str, Any], previous: Path) -> None:
    """Keep the very-large-input table of the last run (`previous`, its speed.json) in a run
    that does not re-measure it, with the date of the run that did."""
    if not previous.is_file():
        return
    try:
        last = json.loads(previous.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if last.get("large_inputs"):
        result["large_inputs"] = last["large_inputs"]
        # The date of the run that measured it (an older report has none).
        when = last.get("large_inputs_measured") or last.get("measured") or "unknown"
        result["large_inputs_measured"] = when


def _pace_lines(seed: dict[str, Any]) -> list[str]:
    """The machine's pace, where the run measured it (a report before it has none)."""
    if "nli_pairs_per_second" not in seed:
        return []
    return [
        f"- the machine's pace: the NLI model reads **{seed['nli_pairs_per_second']}** of the "
        "judged pairs a second (both directions; best of 3)"
    ]


def _kept_lines(measured: str | None) -> list[str]:
    """Where a very-large-input table was kept from an earlier run, which one."""
    if not measured:
        return []
    run = "an earlier run" if measured == "unknown" else f"the run of {measured}"
    return ["", f"Not re-measured in this run (`--large ''`): kept from {run}."]


def render_markdown(result: dict[str, Any]) -> str:
    seed = result["seed_pair"]
    lines = [
        "# Compare speed",
        "",
        f"Made by `factcheck bench speed` on {result['machine']['cpus']} CPUs "
        f"({result['machine']['platform']}).",
        "",
        "## The seed pair (`../shared/seeds/`)",
        "",
        f"- models loaded: **{seed['seconds_models_loaded']} s** (best of 3; "
        f"{seed['claims']} claims, {seed['pairs_judged']} pairs judged)",
        f"- cold CLI call (`factcheck compare A B --format json`, new process): "
        f"**{seed['seconds_cold_cli']} s**",
        f"- stages of the last run (s): {seed['stages']}",
        *_pace_lines(seed),
        "",
        "## Time per claim as the articles grow",
        "",
        "Articles made by concatenating `examples/bridge_a.txt` and `examples/bridge_b.txt`.",
        "",
        "| × | words | claims | pairs judged | seconds | ms per claim |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for row in result["growth"]:
        lines.append(
            f"| {row['factor']} | {row['words']} | {row['claims']} | {row['pairs_judged']} | "
            f"{row['seconds']} | {row['ms_per_claim']} |"
        )
    lines += ["", f"Time per claim at ×16 is **{result['per_claim_ratio_16x']}×** that at ×1.", ""]
    if result.get("large_inputs"):
        lines += [
            "## Very large inputs",
            "",
            "One text of real news bodies (FNC-1 training bodies, joined) against seed article "
            "B: `factcheck compare BIG article_b.txt --format json --no-cache` in a fresh "
            "process; peak memory is the process's maximum resident set. The limit is 5 MB "
            "per input (`read.max_bytes`).",
            *_kept_lines(result.get("large_inputs_measured")),
            "",
            "| MB | seconds | peak memory (MiB) | claims | pairs judged | JSON report (MiB) |",
            "|---:|---:|---:|---:|---:|---:|",
        ]
        for row in result["large_inputs"]:
            lines.append(
                f"| {row['megabytes']} | {row['seconds']} | {row['peak_memory_mib']} | "
                f"{row['claims']} | {row['pairs_judged']} | {row['report_mib']} |"
            )
        lines.append("")
    return "\n".join(lines)
