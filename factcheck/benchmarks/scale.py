"""`factcheck bench scale`: how compare and batch grow, written to reports/scale.md with a
plot (reports/scale.png).

- time against the number of sources (2, 4, 8 versions of the bundled bridge story);
- time against article length (the example pair concatenated 1, 2, 4 and 8 times);
- a batch manifest of stories: stories per hour with the local engine and with Ray on the
  same manifest, and a second run of it (unchanged stories are skipped).

Every timing is of real work: the result cache is off.
"""

from __future__ import annotations

import os
import platform
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from factcheck.benchmarks.speed import best_of
from factcheck.report.markdown import table
from factcheck.settings import NO_CACHE, Settings

Log = Callable[[str], None]
OUTLETS = ["Herald", "Courier", "Gazette", "Tribune", "Ledger", "Post", "Times", "Observer"]


def source_versions(text_a: str, text_b: str, count: int) -> dict[str, str]:
    """`count` outlets' versions of one story: the two examples in turn, each later outlet
    with its own crowd size, so that sources disagree in different ways."""
    versions = {}
    for index in range(count):
        text = text_a if index % 2 == 0 else text_b
        if index >= 2:
            text = re.sub(r"\babout 300\b|\bthousands of\b", f"about {200 + 100 * index}", text)
        versions[OUTLETS[index]] = text
    return versions


def run_scale_bench(
    example_a: Path, example_b: Path, stories: int, settings: Settings, log: Log
) -> dict[str, Any]:
    from factcheck.batch import run_batch
    from factcheck.pipeline.pipeline import configured

    pipeline = configured(settings, NO_CACHE)
    text_a = example_a.read_text(encoding="utf-8")
    text_b = example_b.read_text(encoding="utf-8")
    log("loading models and warming up…")
    pipeline.compare({"a": text_a, "b": text_b})

    by_sources = []
    for count in (2, 4, 8):
        seconds, report = best_of(
            1, lambda count=count: pipeline.compare(source_versions(text_a, text_b, count))
        )
        by_sources.append(
            {
                "sources": count,
                "seconds": round(seconds, 2),
                "claims": report.summary.claims,
                "pairs_judged": len(report.findings),
                "clusters": len(report.clusters),
            }
        )
        log(f"{count} sources: {seconds:.2f} s")

    by_length = []
    for factor in (1, 2, 4, 8):
        long_a = "\n\n".join([text_a] * factor)
        long_b = "\n\n".join([text_b] * factor)
        seconds, report = best_of(1, lambda a=long_a, b=long_b: pipeline.compare({"a": a, "b": b}))
        claims = report.summary.claims
        by_length.append(
            {
                "factor": factor,
                "seconds": round(seconds, 2),
                "claims": claims,
                "pairs_judged": len(report.findings),
                "ms_per_claim": round(1000 * seconds / claims, 1),
            }
        )
        log(f"length ×{factor}: {seconds:.2f} s, {claims} claims")

    batch: dict[str, Any] = {"stories": stories}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        manifest = folder / "stories.csv"
        lines = ["story,source"]
        for index in range(stories):
            for outlet, text in source_versions(text_a, text_b, 2 + index % 2).items():
                path = folder / f"s{index}_{outlet}.txt"
                path.write_text(text.replace("18,000", f"{18_000 + index:,}"), encoding="utf-8")
                lines.append(f"story {index},{path}")
        manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
        for engine, workers in (("local", 1), ("local", 2), ("ray", 2)):
            log(f"batch of {stories} stories, {engine} engine, {workers} worker(s)…")
            out = folder / f"out-{engine}-{workers}"
            first, result = best_of(
                1,
                lambda e=engine, w=workers, o=out: run_batch(
                    manifest, o, settings, ["json"], engine=e, workers=w, cache=False
                ),
            )
            second, again = best_of(
                1,
                lambda e=engine, w=workers, o=out: run_batch(
                    manifest, o, settings, ["json"], engine=e, workers=w, cache=False
                ),
            )
            batch[f"{engine}-{workers}"] = {
                "engine": engine,
                "workers": workers,
                "first_run_seconds": round(first, 2),
                "stories_per_hour": round(3600 * stories / first),
                "failed": result["failed"],
                "second_run_seconds": round(second, 2),
                "second_run_compared": again["ran"],
                "second_to_first": round(second / first, 3),
            }
            log(f"  {first:.1f} s, rerun {second:.2f} s")
    return {
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
        "by_sources": by_sources,
        "by_length": by_length,
        "batch": batch,
    }


def plot(report: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")  # no display: files only
    import matplotlib.pyplot as plt

    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 3.6))
    sources = report["by_sources"]
    left.plot([r["sources"] for r in sources], [r["seconds"] for r in sources], "o-")
    left.set_xlabel("sources compared")
    left.set_ylabel("seconds")
    left.set_xticks([r["sources"] for r in sources])
    left.set_title("Time against number of sources")
    length = report["by_length"]
    right.plot([r["claims"] for r in length], [r["seconds"] for r in length], "o-", label="total")
    right.set_xlabel("claims in the pair")
    right.set_ylabel("seconds")
    right.set_title("Time against article length")
    for row in length:
        right.annotate(f"×{row['factor']}", (row["claims"], row["seconds"]))
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def render_markdown(report: dict[str, Any], image: str = "scale.png") -> str:
    machine = report["machine"]
    batch = report["batch"]
    runs = [v for k, v in batch.items() if k != "stories"]
    lines = [
        "# Scale: many sources, long articles, many stories",
        "",
        f"Written by `factcheck bench scale` on {machine['cpus']} CPU cores "
        f"({machine['platform']}), result cache off: every number is real work.",
        "",
        f"![Time against number of sources and against article length]({image})",
        "",
        "## Number of sources",
        "",
        "Versions of the bundled bridge story by 2, 4 and 8 outlets, each compared with "
        "every other (`factcheck compare A B C …`).",
        "",
        *table(
            ["Sources", "Seconds", "Claims", "Pairs judged", "Clusters"],
            [
                [r["sources"], r["seconds"], r["claims"], r["pairs_judged"], r["clusters"]]
                for r in report["by_sources"]
            ],
        ),
        "",
        "Each claim keeps its top-k nearest claims per other source and at most "
        "`align.max_partners` partners in all, so the pairs judged stay within claims × "
        "max_partners: they grow with the number of claims, not with its square.",
        "",
        "## Article length",
        "",
        *table(
            ["Length", "Seconds", "Claims", "Pairs judged", "ms per claim"],
            [
                [f"×{r['factor']}", r["seconds"], r["claims"], r["pairs_judged"], r["ms_per_claim"]]
                for r in report["by_length"]
            ],
        ),
        "",
        "## Batch",
        "",
        f"One manifest of {batch['stories']} stories (2 or 3 sources each), run twice per "
        "engine; the second run finds every story unchanged and skips it.",
        "",
        *table(
            [
                "Engine",
                "Workers",
                "First run (s)",
                "Stories per hour",
                "Second run (s)",
                "Second / first",
            ],
            [
                [
                    r["engine"],
                    r["workers"],
                    r["first_run_seconds"],
                    f"{r['stories_per_hour']:,}",
                    r["second_run_seconds"],
                    f"{r['second_to_first']:.3f}",
                ]
                for r in runs
            ],
        ),
        "",
        "The ray engine's first run includes starting a local Ray instance; on one "
        "2-core machine it cannot beat local processes, and is there for clusters.",
        "",
    ]
    return "\n".join(lines)
