"""The review app's HTTP API and pages, through FastAPI's TestClient, over real reports
made by the real pipeline and a real SQLite database."""

from __future__ import annotations

import io
import json
import socket
import sqlite3
import time

import pandas as pd
import pytest
from fastapi.testclient import TestClient

from factcheck import get_pipeline
from factcheck.review.app import CSRF_COOKIE, create_app
from factcheck.review.context import review_settings
from factcheck.review.store import MIGRATIONS, ReviewStore, StoreError
from factcheck.review.worker import ComparisonWorker
from factcheck.schema import Report, Verdict
from factcheck.settings import ReviewConfig

from .conftest import HOSTILE_MARKUP, ROOT, run_cli

REVIEW = ReviewConfig.load()


@pytest.fixture
def store(tmp_path, bridge_report, hostile_report) -> ReviewStore:
    store = ReviewStore(tmp_path / "review.sqlite")
    store.import_report(Report.from_dict(bridge_report), "bridge.json", "importer")
    store.import_report(Report.from_dict(hostile_report), "hostile.json", "importer")
    return store


def make_client(store: ReviewStore, **settings) -> TestClient:
    return TestClient(create_app(store, review_settings(REVIEW, user="tester", **settings)))


@pytest.fixture
def api(store) -> TestClient:
    """A newsroom tool: no browser cookies."""
    return make_client(store)


def contradiction(api: TestClient) -> dict:
    findings = api.get("/api/findings", params={"story": 1, "label": "contradict"}).json()
    assert findings, "the example pair has a planted contradiction"
    return findings[0]


def test_findings_have_the_documented_fields_in_queue_order(api, bridge_report):
    findings = api.get("/api/findings", params={"story": 1}).json()
    pairs = len(bridge_report["pairs"]) + len(bridge_report["unique"])
    assert len(findings) == pairs
    for finding in findings:
        assert {"id", "label", "status", "note", "claims", "reasons", "confidence"} <= set(finding)
        assert finding["status"] == "open"
        assert all(
            {"id", "text", "start", "end", "source_name"} <= set(c) for c in finding["claims"]
        )
    severity = [Verdict(f["label"]).rank for f in findings]
    assert severity == sorted(severity)
    assert findings[0]["label"] == "contradict"
    assert findings[0]["kind"] == "quantity"
    assert "300" in findings[0]["reasons"][0]["detail"]


def test_findings_filters(api):
    unique = api.get("/api/findings", params={"label": "unique"}).json()
    assert unique and all(f["label"] == "unique" for f in unique)
    two_labels = api.get("/api/findings", params=[("label", "unique"), ("label", "agree")]).json()
    assert {f["label"] for f in two_labels} == {"unique", "agree"}
    by_kind = api.get("/api/findings", params={"kind": "quantity", "story": 1}).json()
    assert by_kind and all(f["kind"] == "quantity" for f in by_kind)
    assert api.get("/api/findings", params={"status": "accepted"}).json() == []
    assert len(api.get("/api/findings", params={"limit": 2}).json()) == 2
    assert api.get("/api/findings", params={"status": "done"}).status_code == 422
    assert api.get("/api/findings", params={"story": 99}).json() == []


def test_one_finding_and_unknown_ids(api):
    first = contradiction(api)
    assert api.get(f"/api/findings/{first['id']}").json() == first
    assert api.get("/api/findings/99999").status_code == 404
    assert api.get("/api/findings/abc").status_code == 422


def test_decision_is_stored_and_audited(api, store):
    target = contradiction(api)
    answer = api.post(
        f"/api/findings/{target['id']}/decision",
        json={"status": "accepted", "note": "300 vs thousands: checked with the city"},
    )
    assert answer.status_code == 200
    stored = answer.json()
    assert stored["status"] == "accepted"
    assert stored["note"] == "300 vs thousands: checked with the city"
    assert stored["decided_by"] == "tester"
    # On disk, through a fresh connection that shares nothing with the app.
    with sqlite3.connect(store.path) as conn:
        row = conn.execute("SELECT status, note FROM findings WHERE id = ?", (target["id"],))
        assert row.fetchone() == ("accepted", "300 vs thousands: checked with the city")
    log = api.get("/api/audit").json()
    assert log[0]["finding_id"] == target["id"]
    assert (log[0]["old_status"], log[0]["new_status"], log[0]["user"]) == (
        "open",
        "accepted",
        "tester",
    )
    accepted = api.get("/api/findings", params={"status": "accepted"}).json()
    assert [f["id"] for f in accepted] == [target["id"]]


def test_decision_errors(api):
    target = contradiction(api)
    url = f"/api/findings/{target['id']}/decision"
    assert api.post(url, json={"status": "approved"}).status_code == 422
    assert api.post(url, json={"note": "no status"}).status_code == 422
    assert api.post("/api/findings/99999/decision", json={"status": "accepted"}).status_code == 404
    # A cross-site form can send text/plain without a preflight: refused.
    plain = api.post(url, content='{"status": "accepted"}', headers={"content-type": "text/plain"})
    assert plain.status_code == 415
    assert api.get(f"/api/findings/{target['id']}").json()["status"] == "open"


def test_last_write_wins_and_the_audit_keeps_both(store):
    first_desk, second_desk = make_client(store), make_client(store)
    target = contradiction(first_desk)
    url = f"/api/findings/{target['id']}/decision"
    one = first_desk.post(url, json={"status": "accepted", "note": "desk 1", "user": "ana"})
    two = second_desk.post(url, json={"status": "dismissed", "note": "desk 2", "user": "ben"})
    assert one.status_code == two.status_code == 200
    final = first_desk.get(f"/api/findings/{target['id']}").json()
    assert (final["status"], final["note"], final["decided_by"]) == ("dismissed", "desk 2", "ben")
    entries = [e for e in first_desk.get("/api/audit").json() if e["finding_id"] == target["id"]]
    assert [(e["user"], e["new_status"]) for e in entries] == [
        ("ben", "dismissed"),
        ("ana", "accepted"),
    ]


def test_export_formats(api):
    target = contradiction(api)
    api.post(f"/api/findings/{target['id']}/decision", json={"status": "follow_up", "note": "ok"})
    csv = api.get("/api/export", params={"format": "csv"})
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv.headers["content-disposition"]
    table = pd.read_csv(io.StringIO(csv.text))
    row = table[table.finding_id == target["id"]].iloc[0]
    assert (row.status, row.note, row.label) == ("follow_up", "ok", "contradict")
    assert len(table) == len(api.get("/api/findings", params={"limit": 500}).json())
    data = api.get("/api/export", params={"format": "json", "story": 1}).json()["decisions"]
    assert {d["story_id"] for d in data} == {1}
    markdown = api.get("/api/export", params={"format": "markdown"}).text
    assert "follow_up" in markdown and "| Story |" in markdown
    assert "<script>" not in markdown  # hostile article text is escaped in Markdown too
    assert api.get("/api/export", params={"format": "xlsx"}).status_code == 422


def test_import_report_over_the_api_is_idempotent(tmp_path, bridge_report):
    client = make_client(ReviewStore(tmp_path / "fresh.sqlite"))
    first = client.post("/api/stories", json=bridge_report)
    assert first.status_code == 201 and first.json()["created"] is True
    again = client.post("/api/stories", json=bridge_report)
    assert again.status_code == 200 and again.json()["created"] is False
    assert again.json()["story_id"] == first.json()["story_id"]
    count = len(bridge_report["pairs"]) + len(bridge_report["unique"])
    assert len(client.get("/api/findings").json()) == count
    assert client.post("/api/stories", json={"schema_version": 1}).status_code == 400
    bad = client.post(
        "/api/stories", content="{not json", headers={"content-type": "application/json"}
    )
    assert bad.status_code == 400
    stories = client.get("/api/stories").json()
    assert len(stories) == 1 and stories[0]["contradict"] == bridge_report["summary"]["contradict"]


def test_browser_session_needs_the_csrf_header_and_same_origin(store):
    browser = make_client(store)
    page = browser.get("/stories/1")
    assert page.status_code == 200
    csrf = browser.cookies[CSRF_COOKIE]
    assert f'content="{csrf}"' in page.text
    target = contradiction(browser)
    url = f"/api/findings/{target['id']}/decision"
    body = {"status": "accepted"}
    assert browser.post(url, json=body).status_code == 403
    assert browser.post(url, json=body, headers={"x-csrf-token": "forged"}).status_code == 403
    cross = browser.post(
        url, json=body, headers={"x-csrf-token": csrf, "origin": "http://evil.example"}
    )
    assert cross.status_code == 403
    assert browser.get(f"/api/findings/{target['id']}").json()["status"] == "open"
    same = browser.post(
        url, json=body, headers={"x-csrf-token": csrf, "origin": "http://testserver"}
    )
    assert same.status_code == 200 and same.json()["status"] == "accepted"


def test_form_decision_needs_the_csrf_token(store):
    browser = make_client(store)
    browser.get("/")
    csrf = browser.cookies[CSRF_COOKIE]
    target = contradiction(browser)
    url = f"/findings/{target['id']}/decision"
    form = {"status": "dismissed", "note": "false alarm", "back": "/stories/1"}
    assert browser.post(url, data=form).status_code == 403
    assert browser.post(url, data={**form, "csrf_token": "forged"}).status_code == 403
    done = browser.post(url, data={**form, "csrf_token": csrf}, follow_redirects=False)
    assert done.status_code == 303
    assert done.headers["location"] == f"/stories/1#finding-{target['id']}"
    assert browser.get(f"/api/findings/{target['id']}").json()["status"] == "dismissed"
    # The redirect never leaves the app.
    away = browser.post(
        url,
        data={**form, "csrf_token": csrf, "back": "https://evil.example/"},
        follow_redirects=False,
    )
    assert away.headers["location"].startswith("/#finding-")
    bad = browser.post(url, data={**form, "status": "maybe", "csrf_token": csrf})
    assert bad.status_code == 422


def test_import_form(tmp_path, bridge_report):
    browser = make_client(ReviewStore(tmp_path / "forms.sqlite"))
    browser.get("/")
    files = {"reports": ("bridge.json", json.dumps(bridge_report).encode(), "application/json")}
    assert browser.post("/import", files=files).status_code == 403
    done = browser.post(
        "/import",
        files=files,
        data={"csrf_token": browser.cookies[CSRF_COOKIE]},
        follow_redirects=False,
    )
    assert done.status_code == 303 and done.headers["location"] == "/stories/1"
    junk = {"reports": ("junk.json", b"\x00\x01", "application/json")}
    refused = browser.post("/import", files=junk, data={"csrf_token": browser.cookies[CSRF_COOKIE]})
    assert refused.status_code == 400 and "not a JSON report" in refused.text


def test_token_is_required_when_set(store):
    client = make_client(store, token="s3cret-token")
    assert client.get("/api/findings").status_code == 401
    assert client.get("/").status_code == 401
    assert client.get("/openapi.json").status_code == 401
    assert client.get("/api/findings", headers={"authorization": "Bearer wrong"}).status_code == 401
    bearer = client.get("/api/findings", headers={"authorization": "Bearer s3cret-token"})
    assert bearer.status_code == 200
    # The printed link sets a cookie, so the rest of the browser session needs no token.
    assert client.get("/?token=s3cret-token").status_code == 200
    assert client.get("/stories/1").status_code == 200
    target = contradiction(client)
    tool = make_client(store, token="s3cret-token")
    denied = tool.post(f"/api/findings/{target['id']}/decision", json={"status": "accepted"})
    assert denied.status_code == 401
    allowed = tool.post(
        f"/api/findings/{target['id']}/decision",
        json={"status": "accepted"},
        headers={"authorization": "Bearer s3cret-token"},
    )
    assert allowed.status_code == 200


def test_request_size_limit_and_host_check(store, bridge_report):
    small = make_client(store, max_request_bytes=10_000)
    assert small.post("/api/stories", json=bridge_report).status_code == 413
    local = make_client(store, allowed_hosts=["localhost", "127.0.0.1"])
    assert local.get("/api/stories").status_code == 400  # Host: testserver (DNS rebinding)
    assert local.get("/api/stories", headers={"host": "localhost:8765"}).status_code == 200


def test_pages_render_and_escape_article_text(api):
    stories = api.get("/")
    assert stories.status_code == 200 and "bridge_a.txt vs bridge_b.txt" in stories.text
    hostile = api.get("/stories/2", params={"label": "all"})
    assert hostile.status_code == 200
    assert HOSTILE_MARKUP not in hostile.text
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in hostile.text
    assert "script-src 'self'" in hostile.headers["content-security-policy"]
    story = api.get("/stories/1")
    assert story.text.count('class="finding ') == len(
        api.get(
            "/api/findings", params=[("story", 1), ("label", "contradict"), ("label", "unique")]
        ).json()
    )
    only_agree = api.get("/stories/1", params={"label": "agree"})
    assert 'class="label contradict"' not in only_agree.text
    assert api.get("/stories/99").status_code == 404
    assert api.get("/audit").status_code == 200
    assert "/api/findings/{finding_id}/decision" in api.get("/api").text
    spec = api.get("/openapi.json").json()
    assert {"/api/findings", "/api/findings/{finding_id}/decision", "/api/export"} <= set(
        spec["paths"]
    )
    assert api.get("/static/review.js").status_code == 200
    assert api.get("/static/..%2Fapp.py").status_code == 404
    assert api.get("/static/store.py").status_code == 404
    assert api.get("/jobs/5").status_code == 404
    assert api.get("/new").status_code == 200


def test_new_comparison_runs_in_the_background(tmp_path):
    store = ReviewStore(tmp_path / "jobs.sqlite")
    worker = ComparisonWorker(store, "tester", get_pipeline, threads=REVIEW.worker.threads)
    browser = TestClient(create_app(store, review_settings(REVIEW, user="tester"), worker))
    browser.get("/new")
    csrf = browser.cookies[CSRF_COOKIE]
    examples = ROOT / "examples"
    started = browser.post(
        "/new",
        data={"csrf_token": csrf, "title": "Bridge", "names": ["Herald", "Courier"]},
        files=[
            ("files", ("bridge_a.txt", (examples / "bridge_a.txt").read_bytes(), "text/plain")),
            ("files", ("bridge_b.txt", (examples / "bridge_b.txt").read_bytes(), "text/plain")),
        ],
        follow_redirects=False,
    )
    assert started.status_code == 303
    job_id = int(started.headers["location"].rsplit("/", 1)[1])
    deadline = time.time() + 300
    while (job := browser.get(f"/api/jobs/{job_id}").json())["state"] in ("queued", "running"):
        assert time.time() < deadline
        time.sleep(0.5)
    assert job["state"] == "done", job["error"]
    assert job["progress"] == 1.0
    story = browser.get("/api/stories").json()[0]
    assert story["title"] == "Bridge" and story["contradict"] >= 1
    one_article = browser.post(
        "/new", data={"csrf_token": csrf, "texts": ["Only one article here, which is not enough."]}
    )
    assert one_article.status_code == 422
    worker.shutdown()


def test_failed_comparison_is_recorded(tmp_path):
    store = ReviewStore(tmp_path / "jobs.sqlite")
    worker = ComparisonWorker(store, "tester", get_pipeline, threads=REVIEW.worker.threads)
    job_id = worker.submit("broken", [("a.txt", b"\x00\x01\x02" * 50), ("b.txt", b"short")])
    deadline = time.time() + 120
    while store.job(job_id)["state"] in ("queued", "running"):
        assert time.time() < deadline
        time.sleep(0.2)
    job = store.job(job_id)
    assert job["state"] == "failed" and "a.txt" in job["error"]
    worker.shutdown()


def test_migrations_upgrade_old_databases_and_refuse_newer_ones(tmp_path, bridge_report):
    old = tmp_path / "old.sqlite"
    with sqlite3.connect(old) as conn:
        conn.executescript(MIGRATIONS[0])
        conn.execute("PRAGMA user_version = 1")
    store = ReviewStore(old)
    assert store.schema_version == len(MIGRATIONS)
    assert store.import_report(Report.from_dict(bridge_report), "x", "me").created
    with sqlite3.connect(old) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(StoreError, match="newer factcheck"):
        ReviewStore(old)


def test_cli_errors_are_one_line(tmp_path):
    not_a_db = tmp_path / "notes.sqlite"
    not_a_db.write_text("my notes, not a database " * 100)
    result = run_cli("review", "--db", str(not_a_db), "--import-only")
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1 and "Traceback" not in result.stderr.decode()
    assert not_a_db.read_text().startswith("my notes")  # the user's file is untouched
    missing = run_cli(
        "review", str(tmp_path / "nope.json"), "--db", str(tmp_path / "r.sqlite"), "--import-only"
    )
    assert missing.returncode == 2 and "report not found" in missing.stderr.decode()
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = str(taken.getsockname()[1])
        busy = run_cli("review", "--db", str(tmp_path / "r.sqlite"), "--port", port)
    assert busy.returncode == 2 and "in use" in busy.stderr.decode()
    assert busy.stderr.decode().count("\n") == 1
    junk = tmp_path / "junk.json"
    junk.write_text('{"hello": 1}')
    bad = run_cli("review", str(junk), "--db", str(tmp_path / "r.sqlite"), "--import-only")
    assert bad.returncode == 2 and "not a factcheck report" in bad.stderr.decode()
