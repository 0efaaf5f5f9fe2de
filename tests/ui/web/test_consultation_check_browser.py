"""Done-when flow in the web UI (Chromium): upload 22 documents, ask the chat to test the short list on them, agree to
the plan, watch the check's progress, and read the measured nDCG@10 and the transfer check on the answer card.

Runs the real check (MiniLM, the static model, BM25, hybrid) through the evaluation worker; the screenshot goes to
test-output/ui/.
"""

from __future__ import annotations

import json
import os
import re
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from agent.service import AdvisorService
from knowledge.settings import Settings

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[3]
SHOTS = REPO / "test-output" / "ui"
GENERAL = REPO / "knowledge" / "benchmarks" / "ea-general-en" / "corpus.jsonl"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
TIMEOUT_MS = 60_000
CHECK_TIMEOUT_MS = 600_000  # the real check on a loaded 2-core machine
RECORDER = """() => { window.__panel = []; const el = document.querySelector('#consultation-checks');
  new MutationObserver(() => window.__panel.push({text: el.innerText, bar: !!el.querySelector('progress')}))
    .observe(el, {subtree: true, childList: true, characterData: true}); }"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory,
        with_shared_models: Callable[[Path], Path]) -> Iterator[tuple[str, AdvisorService]]:
    """The web UI with the evidence tools (as ``embedding-advisor web`` builds it), offline, on a free port."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing in CI: run .ci/install-browser first")
        pytest.skip(f"{CHROMIUM} is missing: run .ci/install-browser for the browser tests")
    from ui.web.app import launch_app

    data_dir = with_shared_models(tmp_path_factory.mktemp("ui-check-data"))
    service = AdvisorService.from_settings(Settings(data_dir=data_dir))
    port = _free_port()
    demo = launch_app(service, host="127.0.0.1", port=port, block=False, max_file_bytes=2_000_000)
    yield f"http://127.0.0.1:{port}/", service
    demo.close()
    service.close()


def _say(page: Any, text: str, expect: str) -> None:
    from playwright.sync_api import expect as pw_expect

    page.locator("#message textarea").fill(text)
    page.locator("#send").click()
    pw_expect(page.locator("#chat")).to_contain_text(expect, timeout=TIMEOUT_MS)


def test_check_the_short_list_on_uploaded_documents_from_the_chat(app: tuple[str, AdvisorService],
                                                                   tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    url, service = app
    docs = []
    for row in map(json.loads, GENERAL.read_text().splitlines()[:22]):
        path = tmp_path / f"{row['_id']}.txt"
        path.write_text(f"{row['title']}\n\n{row['text']}", encoding="utf-8")
        docs.append(str(path))
    SHOTS.mkdir(parents=True, exist_ok=True)
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        page = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(url)
        _say(page, "English support articles, 5k documents, CPU only", "Noted:")
        _say(page, "just recommend", "Recommendation")
        card, panel, chat = page.locator("#summary-card"), page.locator("#consultation-checks"), page.locator("#chat")
        expect(card).to_contain_text("Recommended:")

        page.get_by_role("tab", name="Check on my documents").click()
        page.locator("#uploads input[type=file]").set_input_files(docs)
        expect(panel).to_contain_text("22 document(s) attached to this consultation")
        (summary,) = service.list()
        assert len(service.evidence.documents(summary.consultation_id)) == 22

        _say(page, "test the short list on my documents", "Shall I go ahead?")
        expect(chat).to_contain_text("Plan for the document check: 22 documents")
        expect(chat).to_contain_text(re.compile(r"candidates minilm, static, bm25, hybrid( \([^)]*\))?, about \d+"))
        page.evaluate(RECORDER)
        _say(page, "yes", "Started the document check")
        expect(chat).to_contain_text("Tool call: check_documents")
        expect(panel).to_contain_text("checking minilm, static, bm25, hybrid on 22 documents")

        expect(card).to_contain_text("Measured on your 22 documents", timeout=CHECK_TIMEOUT_MS)
        text = card.inner_text()
        for candidate in ("minilm", "static", "bm25", "hybrid"):
            assert re.search(rf"{candidate} nDCG@10 0\.\d{{3}} \(95% CI 0\.\d{{3}}-[01]\.\d{{3}}\)", text), text
        assert re.search(r"Leaderboard order: (held|did not hold|cannot be tested)", text), text
        assert "What changed:" in text
        expect(chat).to_contain_text("The check on your documents is done")
        expect(chat).to_contain_text("Measured on your 22 documents")
        expect(panel).to_contain_text("Check done")
        seen = page.evaluate("window.__panel")
        running = [s for s in seen if "Running: checking" in s["text"]]
        assert running and all(s["bar"] for s in running), seen[:5]  # progress was shown while it ran
        assert re.search(r"\(\d+%; estimated \d+ s in all\)", running[-1]["text"])
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(SHOTS / "08-check-in-consultation-1440.png"), full_page=True)

        state = service.state(summary.consultation_id)
        assert state.checks[0]["status"] == "done"
        assert state.recommendation["measured"]["job_id"] == state.checks[0]["job_id"]
        browser.close()
