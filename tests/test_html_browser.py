"""The HTML report in real headless Chromium (Debian's package, driven by Playwright)."""

import shutil

import pytest

import factcheck
from factcheck.html import render_html

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def test_report_opens_without_console_errors_and_click_scrolls(browser, tmp_path):
    examples = ROOT / "examples"
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        (examples / "bridge_b.txt")
        .read_text()
        .replace(
            "Paul Okafor",
            "Paul <script>window.pwned = 1</script><img src=x onerror='window.pwned=2'> Okafor",
        )
    )
    report = factcheck.compare([examples / "bridge_a.txt", hostile])
    page_path = tmp_path / "report.html"
    page_path.write_text(render_html(report))
    page = browser.new_page(viewport={"width": 1300, "height": 700})
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page_path.as_uri())
    assert page.evaluate("window.pwned") is None
    assert "<script>window.pwned = 1</script>" in page.inner_text("body")
    cards = page.locator(".finding")
    assert cards.count() >= 1
    cards.first.click()
    focused = page.locator(".seg.focus")
    assert focused.count() >= 2  # both sources' spans of the first finding
    assert focused.first.is_visible()
    assert errors == []
    page.close()
