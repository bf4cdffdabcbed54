"""The HTML report in real headless Chromium (Debian's package, driven by Playwright)."""

import factcheck
from factcheck.report.html import render_html

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


def test_reference_mode_lists_each_checked_claim_and_click_shows_its_evidence(browser, tmp_path):
    summary = tmp_path / "summary.txt"
    summary.write_text(
        "The Millbrook river bridge reopened on Saturday after two years of repairs. "
        "The mayor of Lisbon cut the ribbon."
    )
    report = factcheck.compare([summary], reference=ROOT / "examples" / "bridge_a.txt")
    page_path = tmp_path / "reference.html"
    page_path.write_text(render_html(report))
    page = browser.new_page(viewport={"width": 1300, "height": 700})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page_path.as_uri())
    checks = page.locator(".finding.check")
    assert checks.count() == len(report.checks)
    assert "place not in the source: Lisbon" in page.inner_text("aside")
    checks.first.click()
    # The checked claim and its evidence (or passage) light up in both texts.
    sources = {
        page.locator(".seg.focus").nth(i).evaluate("e => e.closest('section').id")
        for i in range(page.locator(".seg.focus").count())
    }
    assert len(sources) == 2
    assert errors == []
    page.close()
