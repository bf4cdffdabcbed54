"""The review app as users run it: `factcheck review` in its own process, driven by real
headless Chromium (Debian's package through Playwright), and killed hard mid-session."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import HOSTILE_MARKUP, ROOT, free_port


@contextmanager
def review_server(
    db: Path, *reports: Path, options: tuple[str, ...] = ()
) -> Iterator[tuple[str, subprocess.Popen]]:
    """`factcheck review` on a free port; yields its base URL and process once it answers."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "factcheck",
            "review",
            *map(str, reports),
            "--db",
            str(db),
            "--port",
            str(port),
            "--user",
            "tester",
            "--no-worker",
            *options,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/static/review.css", timeout=2)
                break
            except urllib.error.HTTPError:
                break  # it answers (401 without a token)
            except OSError:
                if process.poll() is not None or time.time() > deadline:
                    raise RuntimeError(process.stderr.read().decode()) from None
                time.sleep(0.2)
        yield base, process
    finally:
        if process.poll() is None:
            process.terminate()
        process.wait(timeout=30)
        process.stdout.close()
        process.stderr.close()


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as answer:
        return json.load(answer)


def post_json(url: str, body: dict) -> tuple[int, dict]:
    request = urllib.request.Request(
        url, json.dumps(body).encode(), {"content-type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.status, json.load(answer)


def test_decide_with_the_keyboard_then_reload(browser, tmp_path, report_files):
    with review_server(tmp_path / "review.sqlite", *report_files) as (base, _):
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(base + "/")
        page.get_by_role("link", name="bridge_a.txt vs bridge_b.txt").click()
        page.wait_for_url("**/stories/*")
        first = page.locator(".finding").first
        assert first.locator(".label").inner_text().lower() == "contradict"
        page.keyboard.press("j")
        assert "active" in first.get_attribute("class")
        assert page.locator(".seg.focus").count() >= 2  # both sources' spans highlighted
        page.keyboard.press("n")
        page.keyboard.type("checked: the city says about 300")
        page.keyboard.press("Escape")
        page.keyboard.press("a")
        expect(first.locator(".status")).to_have_text("accepted")
        # The selection moved on; f marks the next one for follow-up.
        second = page.locator(".finding").nth(1)
        expect(second).to_have_class(re.compile(r"\bactive\b"))
        page.keyboard.press("f")
        expect(second.locator(".status")).to_have_text("follow_up")
        page.reload()
        first = page.locator(".finding").first
        assert first.locator(".status").inner_text() == "accepted"
        assert "checked: the city says about 300" in first.locator("textarea").input_value()
        assert "status-accepted" in first.get_attribute("class")
        assert page.locator(".finding").nth(1).locator(".status").inner_text() == "follow_up"
        assert errors == []
        page.goto(base + "/audit")
        assert page.locator("tbody tr").count() >= 4  # two imports, two decisions
        page.screenshot(path=str(tmp_path / "review.png"))


def test_hostile_article_imported_in_the_browser_shows_as_text(browser, tmp_path, report_files):
    bridge, hostile = report_files
    with review_server(tmp_path / "review.sqlite", bridge) as (base, _):
        page = browser.new_page()
        page.goto(base + "/")
        page.set_input_files("input[name=reports]", str(hostile))
        page.get_by_role("button", name="Import").click()
        page.wait_for_url("**/stories/*")
        assert "Evil Gazette" in page.locator("h1").inner_text()
        page.goto(page.url + "?label=all")
        assert page.evaluate("window.pwned") is None
        assert HOSTILE_MARKUP in page.inner_text("main")
        assert page.locator("main img").count() == 0
        assert page.locator("main script").count() == 0
        assert len(get_json(base + "/api/stories")) == 2


def test_decision_survives_kill_9(tmp_path, report_files):
    db = tmp_path / "review.sqlite"
    with review_server(db, *report_files) as (base, server):
        target = get_json(base + "/api/findings?label=contradict")[0]
        status, stored = post_json(
            f"{base}/api/findings/{target['id']}/decision",
            {"status": "dismissed", "note": "before the crash"},
        )
        assert status == 200 and stored["status"] == "dismissed"
        # SIGKILL: the server gets no chance to flush or close anything.
        server.kill()
        assert server.wait(timeout=10) == -9
    with review_server(db) as (base, _):
        after = get_json(f"{base}/api/findings/{target['id']}")
        assert (after["status"], after["note"]) == ("dismissed", "before the crash")
        assert len(get_json(base + "/api/stories")) == 2


def test_beyond_loopback_a_token_is_generated_and_required(tmp_path, report_files):
    with review_server(
        tmp_path / "review.sqlite", report_files[0], options=("--host", "0.0.0.0")
    ) as (base, server):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(base + "/api/stories", timeout=5)
        assert refused.value.code == 401
        server.terminate()
        server.wait(timeout=30)
        printed = server.stderr.read().decode()
        token = printed.split("?token=")[1].split()[0]
    with review_server(
        tmp_path / "review.sqlite", options=("--host", "0.0.0.0", "--token", token)
    ) as (base, _):
        request = urllib.request.Request(
            base + "/api/stories", headers={"authorization": f"Bearer {token}"}
        )
        with urllib.request.urlopen(request, timeout=5) as answer:
            assert len(json.load(answer)) == 1
