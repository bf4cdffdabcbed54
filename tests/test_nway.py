"""N-way comparison: three sources, clusters of facts across them, the odd one out, the
agreement matrix, and the coverage grid in every report format (real models)."""

import json

import jsonschema
import pytest

import factcheck
from factcheck.report import render
from factcheck.report.html import render_html
from factcheck.resources import PACKAGE_DIR

from .conftest import FIXTURES

SCHEMA = json.loads((PACKAGE_DIR / "schemas" / "report-v1.json").read_text())

# Written for this test: the same ferry story with a different count and a different year.
TRIBUNE = """Harrow Ferry Celebrates

The Harrow Island ferry carried its millionth passenger on Tuesday, officials said.
The ferry service began in 1991 with a single boat.
Each crossing carries 400 passengers and takes about forty minutes.
Tourism on the island has doubled in a decade.
"""


@pytest.fixture(scope="module")
def three_way():
    return factcheck.compare(
        {
            "Gazette": (FIXTURES / "ferry_a.txt").read_text(encoding="utf-8"),
            "Courier": (FIXTURES / "ferry_b.txt").read_text(encoding="utf-8"),
            "Tribune": TRIBUNE,
        }
    )


def _cluster_with(report, word):
    return [c for c in report.clusters if any(word in report.claim(cid).text for cid in c.claims)]


def test_third_source_stands_alone_on_the_year_and_the_count(three_way):
    for word in ("1991", "400 passengers"):
        clusters = _cluster_with(three_way, word)
        assert clusters, [(c.label, c.sources) for c in three_way.clusters]
        spanning = [c for c in clusters if set(c.sources) == {"a", "b", "c"}]
        assert spanning, [(c.sources, c.label) for c in clusters]
        assert any(c.odd_ones_out == ["c"] for c in spanning), [
            (c.label, c.odd_ones_out) for c in spanning
        ]
    # The facts all three share agree, and no one stands alone there.
    millionth = _cluster_with(three_way, "millionth")
    assert millionth and all(c.label == "agree" and not c.odd_ones_out for c in millionth)


def test_agreement_matrix(three_way):
    matrix = three_way.summary.matrix
    assert set(matrix) == {"a", "b", "c"}
    assert matrix["a"]["b"].contradict == 0 and matrix["a"]["b"].agreement == 1.0
    assert matrix["a"]["c"].contradict >= 1 and matrix["a"]["c"].agreement < 1.0
    # Pair counts are the same both ways; `confirmed` is the share of each row's own claims.
    symmetric = ("agree", "contradict", "agreement")
    assert [getattr(matrix["a"]["c"], k) for k in symmetric] == [
        getattr(matrix["c"]["a"], k) for k in symmetric
    ]


def test_json_and_reports_show_clusters(three_way):
    data = json.loads(json.dumps(three_way.to_dict()))
    jsonschema.validate(data, SCHEMA)
    assert data["summary"]["sources"] == 3 and data["summary"]["clusters"] == len(data["clusters"])
    text = render(three_way, "text")
    assert "Sources that stand alone" in text and "Tribune against Gazette, Courier" in text
    assert "Agreement between sources" in text
    markdown = render(three_way, "markdown")
    assert "## Coverage: facts × sources" in markdown and "alone" in markdown
    html = render_html(three_way)
    assert 'id="coverage"' in html and 'id="matrix"' in html
    assert 'class="cell odd"' in html
    # Each source's unique claims are listed as "only in X".
    assert "Only in Tribune" in text


def test_markdown_tables_name_the_two_sources_of_each_row(three_way):
    from factcheck.report.markdown import md_escape

    markdown = render(three_way, "markdown")
    assert "| A | B |" not in markdown
    # Walk the tables: every row sits under a header naming its own two sources.
    by_id = {c.id: c for c in three_way.claims}
    source_name = {s.id: s.name for s in three_way.sources}
    expected = {
        (md_escape(by_id[f.claims[0]].text), md_escape(by_id[f.claims[1]].text)): (
            source_name[by_id[f.claims[0]].source],
            source_name[by_id[f.claims[1]].source],
        )
        for f in three_way.findings
        if f.label in ("agree", "contradict", "attribution")
    }
    header, rows = None, 0
    for line in markdown.splitlines():
        cells = [c.strip() for c in line.strip("|").split(" | ")]
        if line.endswith("| confidence | reasons |"):
            header = (cells[0], cells[1])
        elif (cells[0], cells[1] if len(cells) > 1 else "") in expected:
            assert header == expected[(cells[0], cells[1])]
            rows += 1
    assert rows == len(expected) > 0


def test_matrix_says_what_share_of_each_sources_claims_the_other_confirms(three_way):
    matrix = three_way.summary.matrix
    for row in three_way.sources:
        own = [c.id for c in three_way.claims if c.source == row.id]
        for column in three_way.sources:
            if column.id == row.id:
                continue
            confirmed = {
                cid
                for f in three_way.findings_with("agree")
                for cid in f.claims
                if cid in own
                and any(three_way.claim(o).source == column.id for o in f.claims if o != cid)
            }
            assert matrix[row.id][column.id].confirmed == round(len(confirmed) / len(own), 3)
    markdown = render(three_way, "markdown")
    assert "share of the row source's claims that the column source confirms" in markdown
    assert "% confirmed" in markdown
