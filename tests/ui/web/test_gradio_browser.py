"""The web UI driven in a real browser (Debian's chromium via Playwright): interview, short list, checks, downloads."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from agent.service import AdvisorService
from knowledge.settings import Settings

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[3]
SHOTS = REPO / "test-output" / "ui"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
TIMEOUT_MS = 30_000
DOCS = {
    "lease.txt": "The tenant shall pay the monthly rent on the first day of each month. The landlord keeps the "
                 "security deposit until the lease ends and the apartment is inspected for damage.",
    "nda.txt": "The receiving party shall keep all confidential information secret and shall not disclose trade "
               "secrets to any third party for five years after the disclosure date.",
    "employment.txt": "The employee is entitled to twenty days of paid vacation per year. Either party may "
                      "terminate the employment with three months written notice before the termination date.",
    "purchase.txt": "The seller warrants that the delivered goods are free from defects. The buyer must inspect "
                    "the shipment within ten days and report any defect in writing to obtain a refund.",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _need_browser() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing in CI: run .ci/install-browser (apt-get install chromium) first")
    pytest.skip(f"{CHROMIUM} is missing: run .ci/install-browser (apt-get install chromium) for the browser tests")


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, AdvisorService]]:
    """The web UI served from a thread on a free port, with its own data dir."""
    _need_browser()
    from ui.web.app import launch_app

    service = AdvisorService(Settings(data_dir=tmp_path_factory.mktemp("ui-data")))
    port = _free_port()
    demo = launch_app(service, host="127.0.0.1", port=port, block=False, max_file_bytes=2_000_000,
                      max_total_bytes=1_000_000)
    yield f"http://127.0.0.1:{port}/", service
    demo.close()
    service.close()


@pytest.fixture(scope="module")
def page(app: tuple[str, AdvisorService]) -> Iterator[Any]:
    """One headless chromium page on the app, kept across the tests of this module (they build on each other)."""
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1100})
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(app[0])
        yield page
        browser.close()


def _say(page: Any, text: str, expect: str) -> None:
    from playwright.sync_api import expect as pw_expect

    page.locator("#message textarea").fill(text)
    page.locator("#send").click()
    pw_expect(page.locator("#chat")).to_contain_text(expect, timeout=TIMEOUT_MS)


def _clear_uploads(page: Any) -> None:
    clear = page.locator("#uploads button[aria-label='Clear']")
    if clear.count():
        clear.click()


def test_interview_fills_profile_and_shows_recommendation(page: Any, app: tuple[str, AdvisorService]) -> None:
    from playwright.sync_api import expect

    expect(page.locator("#chat")).to_contain_text("What are your documents about")
    expect(page.locator("#mode")).to_contain_text("offline")
    page.screenshot(path=str(SHOTS / "01-start.png"), full_page=True)
    _say(page, "legal contracts in Chinese and English, 20 pages each, 200k docs", "How many queries")
    expect(page.locator("#profile")).to_contain_text("legal")
    expect(page.locator("#profile")).to_contain_text("said")
    page.screenshot(path=str(SHOTS / "02-profile.png"), full_page=True)
    _say(page, "a T4, data must stay on prem", "data stays on-premises")
    _say(page, "just recommend", "Recommendation")
    top = next(s.top_model for s in app[1].list() if s.top_model)
    expect(page.locator("#recommendation")).to_contain_text(top)
    expect(page.locator("#profile")).to_contain_text("assumed")
    expect(page.locator("#chat")).to_contain_text("Tool call: recommend")  # the tool call's collapsible title
    expect(page.locator("#quality-chart img")).to_be_visible()
    expect(page.locator("#factor-chart img")).to_be_visible()
    page.screenshot(path=str(SHOTS / "03-recommendation.png"), full_page=True)


def test_report_downloads_contain_top_model(page: Any, app: tuple[str, AdvisorService], tmp_path: Path) -> None:
    top = next(s.top_model for s in app[1].list() if s.top_model)
    for button, suffix in (("#download-md", ".md"), ("#download-json", ".json")):
        with page.expect_download() as info:
            page.locator(button).click()
        target = tmp_path / f"report{suffix}"
        info.value.save_as(target)
        assert info.value.suggested_filename.endswith(suffix)
        assert top in target.read_text(encoding="utf-8")


def test_document_check_shows_results_with_intervals(page: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    for name, text in DOCS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    page.get_by_role("tab", name="Check on my documents").click()
    page.locator("#uploads input[type=file]").set_input_files([str(tmp_path / n) for n in DOCS])
    expect(page.locator("#upload-message")).to_contain_text("4 file(s) ready")
    minilm = page.locator("#candidates").get_by_label("minilm", exact=True)
    if minilm.is_checked():
        minilm.uncheck()
    page.locator("#candidates").get_by_label("bm25", exact=True).check()
    page.screenshot(path=str(SHOTS / "04-upload.png"), full_page=True)
    page.locator("#run-check").click()
    expect(page.locator("#eval-message")).to_contain_text("Checked 1 candidate", timeout=60_000)
    results = page.locator("#eval-results")
    expect(results).to_contain_text("bm25")
    expect(results).to_contain_text("ok")
    expect(results).to_contain_text("[")  # the 95% interval
    page.screenshot(path=str(SHOTS / "05-check-results.png"), full_page=True)


def test_bad_uploads_show_a_message_and_chat_still_works(page: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    bad = tmp_path / "tool.exe"
    bad.write_bytes(b"MZ\x00\x01")
    page.get_by_role("tab", name="Check on my documents").click()
    _clear_uploads(page)
    page.locator("#uploads input[type=file]").set_input_files([str(bad)])
    expect(page.locator("#upload-message")).to_contain_text("Unsupported file type: tool.exe")
    page.locator("#run-check").click()
    expect(page.locator("#eval-message")).to_contain_text("Unsupported file type")
    page.screenshot(path=str(SHOTS / "06-unsupported.png"), full_page=True)
    big = tmp_path / "big.txt"
    big.write_text("contract clause " * 70_000, encoding="utf-8")  # ~1.1 MB, over the test's 1 MB total
    _clear_uploads(page)
    page.locator("#uploads input[type=file]").set_input_files([str(big)])
    expect(page.locator("#upload-message")).to_contain_text("limit is 1 MB in total")
    huge = tmp_path / "huge.txt"
    huge.write_text("contract clause " * 140_000, encoding="utf-8")  # ~2.2 MB, over the 2 MB per-file limit
    _clear_uploads(page)
    page.locator("#uploads input[type=file]").set_input_files([str(huge)])
    expect(page.locator(".toast-body").last).to_contain_text("exceed the maximum allowed size")
    _say(page, "we have an A100 now", "A100")
    page.screenshot(path=str(SHOTS / "07-chat-after-bad-upload.png"), full_page=True)


def test_new_consultation_then_resume_the_earlier_one(page: Any, app: tuple[str, AdvisorService]) -> None:
    from playwright.sync_api import expect

    top = next(s.top_model for s in app[1].list() if s.top_model)
    page.locator("#new-consultation").click()
    expect(page.locator("#recommendation")).not_to_contain_text(top)
    expect(page.locator("#chat")).not_to_contain_text("legal contracts in Chinese")
    page.locator("#resume input").click()
    page.get_by_role("option", name=top).click()
    page.get_by_role("tab", name="Recommendation").click()
    expect(page.locator("#recommendation")).to_contain_text(top)
    expect(page.locator("#chat")).to_contain_text("legal contracts in Chinese")
    page.screenshot(path=str(SHOTS / "08-resumed.png"), full_page=True)
