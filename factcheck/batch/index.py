"""A batch's index: every story by its number of contradictions, as CSV and HTML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factcheck.files import write_atomically


def write_index(out: Path, results: list[dict[str, Any]]) -> None:
    """DIR/index.csv and DIR/index.html: every story, most contradictions first."""
    import pandas as pd
    from jinja2 import Environment, PackageLoader, select_autoescape

    rows = []
    for result in results:
        summary = result.get("summary") or {}
        rows.append(
            {
                "story": result["story"],
                "status": "failed" if result["status"] == "failed" else "ok",
                "contradict": summary.get("contradict", 0),
                "attribution": summary.get("attribution", 0),
                "agree": summary.get("agree", 0),
                "unique": summary.get("unique", 0),
                "claims": summary.get("claims", 0),
                "sources": len(result["sources"]),
                "report": next((o for o in result.get("outputs", []) if o.endswith(".html")), "")
                or next(iter(result.get("outputs", [])), ""),
                "error": result.get("error") or "",
            }
        )
    table = pd.DataFrame(rows).sort_values(
        ["status", "contradict", "story"], ascending=[True, False, True], kind="stable"
    )
    write_atomically(out / "index.csv", table.to_csv(index=False))
    environment = Environment(
        loader=PackageLoader("factcheck.batch", "templates"),
        autoescape=select_autoescape(default=True),
    )
    html = environment.get_template("batch_index.html.j2").render(rows=table.to_dict("records"))
    write_atomically(out / "index.html", html)
