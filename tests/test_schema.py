"""The typed report contract: the shipped JSON Schema is the one generated from it, reports
round-trip through it, and a document that is not a valid report is refused in one line."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from factcheck.schema import SCHEMA_FILE, Report, ReportError, Verdict, json_schema

from .conftest import run_cli


def test_the_shipped_schema_is_the_one_generated_from_the_contract():
    shipped = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert shipped == json_schema(), "regenerate: factcheck schema -o <that file> --force"
    jsonschema.Draft202012Validator.check_schema(shipped)


def test_the_schema_command_prints_it():
    result = run_cli("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout) == json_schema()


def test_a_report_validates_and_round_trips(bridge_report):
    jsonschema.validate(bridge_report, json_schema())
    report = Report.from_dict(bridge_report)
    assert report.to_dict() == bridge_report
    assert all(isinstance(f.label, Verdict) for f in report.findings)


def test_a_document_that_is_not_a_report_is_refused_in_one_line(bridge_report):
    with pytest.raises(ReportError, match="schema_version 1"):
        Report.from_dict({"sources": []})
    broken = copy.deepcopy(bridge_report)
    broken["pairs"][0]["claims"][1] = "b:999"
    with pytest.raises(ReportError, match="b:999"):
        Report.from_dict(broken)
    wrong = copy.deepcopy(bridge_report)
    wrong["pairs"][0]["label"] = "maybe"
    with pytest.raises(ReportError, match=r"pairs\.0\.label"):
        Report.from_dict(wrong)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(wrong, json_schema())


def test_verdicts_are_one_order_most_severe_first():
    assert [str(v) for v in Verdict] == ["contradict", "attribution", "unique", "related", "agree"]
    assert Verdict.CONTRADICT.rank < Verdict.UNIQUE.rank < Verdict.AGREE.rank


def _as_first_written(report: dict) -> dict:
    """A report as schema_version 1 first promised it: only the keys it required then (what
    an earlier factcheck wrote, and a review database may hold)."""
    old = {k: report[k] for k in ("schema_version", "sources", "claims", "pairs", "unique")}
    old["claims"] = [
        {k: c[k] for k in ("id", "source", "text", "start", "end")} for c in old["claims"]
    ]
    old["pairs"] = [
        {k: p[k] for k in ("claims", "label", "confidence", "similarity", "nli", "reasons")}
        for p in old["pairs"]
    ]
    old["summary"] = {k: report["summary"][k] for k in ("agree", "contradict", "related", "unique")}
    return old


def test_a_report_written_by_an_earlier_factcheck_is_still_read(bridge_report):
    old = _as_first_written(bridge_report)
    report = Report.from_dict(old)
    assert [c.text for c in report.claims] == [c["text"] for c in bridge_report["claims"]]
    assert report.summary.contradict == bridge_report["summary"]["contradict"]
    assert report.clusters == [] and report.summary.by_source == {}


def test_an_earlier_report_opens_in_the_review_app(tmp_path, bridge_report):
    from fastapi.testclient import TestClient

    from factcheck.review.app import create_app
    from factcheck.review.context import review_settings
    from factcheck.review.store import ReviewStore
    from factcheck.settings import ReviewConfig

    store = ReviewStore(tmp_path / "review.sqlite")
    result = store.import_report(Report.from_dict(_as_first_written(bridge_report)), "old", "me")
    client = TestClient(create_app(store, review_settings(ReviewConfig.load(), user="me")))
    page = client.get(f"/stories/{result.story_id}")
    assert page.status_code == 200
    assert "Mayor Elena Ruiz" in page.text
