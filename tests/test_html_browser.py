"""The HTML report in real headless Chromium (Debian's package, driven by Playwright)."""

import factcheck
from factcheck.html import render_html

from .conftest import ROOT, hostile_text


def test_report_opens_without_console_errors_and_click_scrolls(browser, tmp_path):
    examples = ROOT / "examples"
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(hostile_text())
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
