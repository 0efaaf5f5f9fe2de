"""The web UI in a real browser (Debian chromium via Playwright) as a new user sees it, at 1440x900 and 390x844.

One server and one browser for the module; the tests build on each other (the consultation of the first is
resumed, checked and cancelled by the later ones). Screenshots go to test-output/ui/.
"""

from __future__ import annotations

import os
import re
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
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
FIRST = "legal contracts in Chinese and English, 20 pages each, 200k docs"
CHINESE = "我们有二十万份中文法律合同，每份大约二十页"
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
RECORDER = """() => { window.__seen = []; const msg = document.querySelector('#eval-message');
  const run = document.querySelector('#run-check'); const note = () => window.__seen.push(
    {text: msg.innerText, runDisabled: run.disabled || run.getAttribute('aria-disabled') === 'true'});
  new MutationObserver(note).observe(msg, {subtree: true, childList: true, characterData: true, attributes: true});
  new MutationObserver(note).observe(run, {attributes: true}); }"""


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
def browser() -> Iterator[Any]:
    """One headless chromium for the module."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)  # a loaded 2-core machine: turns can take seconds, not the default 5
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def page(browser: Any, app: tuple[str, AdvisorService]) -> Iterator[Any]:
    """The desktop page (1440x900), kept across the tests of this module."""
    context = browser.new_context(accept_downloads=True, viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(app[0])
    yield page
    context.close()


def _say(page: Any, text: str, expect: str) -> None:
    from playwright.sync_api import expect as pw_expect

    page.locator("#message textarea").fill(text)
    page.locator("#send").click()
    pw_expect(page.locator("#chat")).to_contain_text(expect, timeout=TIMEOUT_MS)


def _in_first_viewport(page: Any, selector: str, viewport: dict[str, int]) -> dict[str, float]:
    page.evaluate("window.scrollTo(0, 0)")
    box = page.locator(selector).bounding_box()
    assert box is not None, f"{selector} is not rendered"
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], (
        f"{selector} spans y={box['y']:.0f}-{box['y'] + box['height']:.0f}, outside the first "
        f"{viewport['height']} px")
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"] + 1, f"{selector} overflows sideways"
    return box


def _consultation_in_url(page: Any) -> str | None:
    match = re.search(r"[?&]c=([A-Za-z0-9_-]+)", page.url)
    return match.group(1) if match else None


def test_first_visit_greets_without_storing_anything(page: Any, app: tuple[str, AdvisorService]) -> None:
    from playwright.sync_api import expect

    expect(page.locator("#chat")).to_contain_text("What are your documents about")
    expect(page.locator("#summary-card")).to_contain_text("Your recommendation will appear here")
    expect(page.locator("#title")).to_contain_text("offline")
    page.reload()  # every load used to create an empty consultation
    expect(page.locator("#chat")).to_contain_text("What are your documents about")
    assert app[1].list() == []
    assert _consultation_in_url(page) is None
    page.screenshot(path=str(SHOTS / "01-start-1440.png"))


def test_answer_is_in_the_first_viewport_at_1440(page: Any, app: tuple[str, AdvisorService]) -> None:
    from playwright.sync_api import expect

    _say(page, FIRST, "How many queries")
    expect(page.locator("#profile")).to_contain_text("legal")
    _say(page, "a T4, data must stay on prem", "data stays on-premises")
    _say(page, "just recommend", "Recommendation")
    (summary,) = app[1].list()
    card = page.locator("#summary-card")
    expect(card).to_contain_text(f"Recommended: {summary.top_model}")
    for label in ("First indexing", "Monthly cost", "Milvus"):
        expect(card).to_contain_text(label)
    expect(card).to_contain_text(re.compile(r"\d+(\.\d)? h|\d+ min"))  # hours of first indexing, not a blank
    expect(card).to_contain_text(re.compile(r"(HNSW|IVF_\w+|FLAT|AUTOINDEX) (COSINE|IP|L2)"))
    _in_first_viewport(page, "#summary-card", DESKTOP)
    expect(page.locator("#chat")).to_contain_text("Tool call: recommend")
    assert _consultation_in_url(page) == summary.consultation_id  # the URL names the consultation
    page.screenshot(path=str(SHOTS / "02-answer-1440.png"))


def test_short_list_names_each_scores_benchmark_and_the_chart_one_board(page: Any) -> None:
    from playwright.sync_api import expect

    table = page.locator("#recommendation")
    expect(table).to_contain_text("fit score")
    expect(table).to_contain_text("on benchmark")
    expect(table).to_contain_text(re.compile(r"(MTEB|RTEB|BEIR)\("))
    expect(page.locator("#score-note")).to_contain_text("not comparable")
    caption = page.locator("#chart-caption")
    expect(caption).to_contain_text("one board")
    boards = set(re.findall(r"(?:MTEB|RTEB)\([^)]*\)|NanoBEIR[\w-]*|BEIR|LongEmbed", caption.inner_text()))
    assert len(boards) == 1, f"the chart's axis must name one board, the caption names {boards}"
    expect(page.locator("#quality-chart img")).to_be_visible()
    expect(page.locator("#factor-chart img")).to_be_visible()
    page.locator("#quality-chart").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "03-short-list-and-charts-1440.png"), full_page=True)
    page.get_by_role("tab", name="Full report").click()
    details = page.locator("#details")
    for part in ("Short list", "Chunking", "Storage", "tokens/s", "Milvus collection"):
        expect(details).to_contain_text(part)
    page.screenshot(path=str(SHOTS / "04-full-report-1440.png"), full_page=True)


def test_report_downloads_contain_top_model(page: Any, app: tuple[str, AdvisorService], tmp_path: Path) -> None:
    top = app[1].list()[0].top_model
    page.get_by_role("tab", name="Short list").click()
    for button, suffix in (("#download-md", ".md"), ("#download-json", ".json")):
        with page.expect_download() as info:
            page.locator(button).click()
        target = tmp_path / f"report{suffix}"
        info.value.save_as(target)
        assert info.value.suggested_filename.endswith(suffix)
        assert top in target.read_text(encoding="utf-8")


def test_answer_is_in_the_first_viewport_on_a_phone(browser: Any, page: Any, app: tuple[str, AdvisorService]) -> None:
    from playwright.sync_api import expect

    cid = _consultation_in_url(page)
    phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    try:
        mobile = phone.new_page()
        mobile.set_default_timeout(TIMEOUT_MS)
        mobile.goto(f"{app[0]}?c={cid}")  # a shared link opens the consultation
        expect(mobile.locator("#summary-card")).to_contain_text(f"Recommended: {app[1].list()[0].top_model}")
        _in_first_viewport(mobile, "#summary-card", PHONE)
        mobile.screenshot(path=str(SHOTS / "05-answer-390.png"))
        mobile.locator("#quality-chart").scroll_into_view_if_needed()
        chart = mobile.locator("#quality-chart img").bounding_box()
        assert chart and chart["width"] <= PHONE["width"], "the chart must fit the phone's width"
        mobile.screenshot(path=str(SHOTS / "06-chart-390.png"))
    finally:
        phone.close()


def test_uploads_compact_and_unsupported_files_skipped_by_name(page: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    page.get_by_role("tab", name="Check on my documents").click()
    many = []
    for i in range(36):
        path = tmp_path / f"contract-{i:02d}.txt"
        path.write_text(f"Contract {i}: the tenant pays rent number {i} on the first day of month {i % 12 + 1}.",
                        encoding="utf-8")
        many.append(str(path))
    bad = tmp_path / "tool.exe"
    bad.write_bytes(b"MZ\x00\x01")
    page.locator("#uploads input[type=file]").set_input_files([*many, str(bad)])
    note = page.locator("#upload-message")
    expect(note).to_contain_text("36 of 37 file(s) ready")
    expect(note).to_contain_text("Skipped 1: tool.exe (unsupported type .exe)")
    height = page.locator("#uploads").bounding_box()["height"] + note.bounding_box()["height"]
    assert height < 400, f"37 uploads take {height:.0f} px"
    page.screenshot(path=str(SHOTS / "07-37-uploads-1440.png"), full_page=True)
    page.locator("#uploads button[aria-label='Clear']").click()
    expect(note).not_to_contain_text("tool.exe")  # the warning left with the file


def test_check_shows_progress_names_the_failed_candidate_and_offers_downloads(page: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    for name, text in DOCS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    page.locator("#uploads input[type=file]").set_input_files([str(tmp_path / n) for n in DOCS])
    expect(page.locator("#upload-message")).to_contain_text("4 of 4 file(s) ready")
    candidates = page.locator("#candidates")
    for box in candidates.locator("input[type=checkbox]").all():
        box.uncheck()
    candidates.get_by_label("bm25", exact=True).check()
    # A short-listed Hugging Face model (an org/name id) that is not downloaded here.
    not_on_disk = candidates.locator("label").filter(has_text="/").filter(has_not_text="MiniLM").first
    not_on_disk.locator("input").check()
    failing = not_on_disk.inner_text().strip()
    page.evaluate(RECORDER)
    page.locator("#run-check").click()
    message = page.locator("#eval-message")
    expect(message).to_contain_text("Checked 1 of 2 candidates", timeout=60_000)
    expect(message).to_contain_text(f"{failing} failed")
    seen = page.evaluate("window.__seen")
    stages = [s["text"] for s in seen if "Candidate" in s["text"]]
    assert any("bm25: " in s for s in stages), f"no progress shown during the check: {seen}"
    assert any(s["runDisabled"] for s in seen), "Run stayed clickable while the check ran"
    expect(page.locator("#run-check")).to_be_enabled()
    expect(page.locator("#eval-results")).to_contain_text("[")  # the 95% interval
    expect(page.locator("#check-chart img")).to_be_visible()
    expect(page.locator("#eval-notes")).to_contain_text("Read with care")
    expect(page.locator("#chat")).to_contain_text("Check on your documents")
    for button, name in (("#download-check", "report.md"), ("#download-queries", "queries.jsonl")):
        with page.expect_download() as info:
            page.locator(button).click()
        assert info.value.suggested_filename == name
        assert Path(info.value.path()).stat().st_size > 0
    page.locator("#check-chart").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "08-check-results-1440.png"), full_page=True)


def test_cancel_stops_a_running_check(page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from playwright.sync_api import expect

    import tools.evaluation.retrieval_check as check

    monkeypatch.setattr(check, "ENCODE_PART", 16)  # a progress report (and a chance to stop) every 16 chunks
    words = ("tenant landlord deposit lease rent notice repair damage clause party agreement term payment "
             "termination liability indemnity warranty breach dispute arbitration").split()
    paths = []
    for i in range(150):
        path = tmp_path / f"doc-{i:03d}.txt"
        path.write_text(" ".join(words[(i * 7 + k) % len(words)] for k in range(500)), encoding="utf-8")
        paths.append(str(path))
    page.locator("#uploads button[aria-label='Clear']").click()
    page.locator("#uploads input[type=file]").set_input_files(paths)
    candidates = page.locator("#candidates")
    for box in candidates.locator("input[type=checkbox]").all():
        box.uncheck()
    candidates.get_by_label("minilm", exact=True).check()
    page.locator("#run-check").click()
    expect(page.locator("#eval-message")).to_contain_text("minilm:", timeout=60_000)
    expect(page.locator("#run-check")).to_be_disabled()
    page.locator("#cancel-check").click()
    expect(page.locator("#eval-message")).to_contain_text("Cancelled", timeout=60_000)
    expect(page.locator("#run-check")).to_be_enabled()
    expect(page.locator("#eval-message")).not_to_contain_text("Checked")
    page.screenshot(path=str(SHOTS / "09-cancelled-1440.png"))


def _render(page: Any, text: str, shot: str) -> Any:
    """``text`` set in the chat's own font, big, black on white: its ink as a boolean array (also saved to ``shot``)."""
    import numpy as np
    from PIL import Image

    page.evaluate("""(text) => { let d = document.getElementById('glyph-probe');
      if (!d) { d = document.createElement('div'); d.id = 'glyph-probe'; document.body.appendChild(d); }
      d.style.cssText = 'position:fixed;top:0;left:0;z-index:99999;background:#fff;color:#000;font-size:40px;' +
        'line-height:56px;padding:4px 0;white-space:nowrap;letter-spacing:0;font-family:' +
        getComputedStyle(document.querySelector('#chat')).fontFamily;
      d.textContent = text; }""", text)
    page.locator("#glyph-probe").screenshot(path=str(SHOTS / shot))
    image = Image.open(SHOTS / shot).convert("L")
    return np.asarray(image, dtype=np.float32) < 128


def _ink_spread(ink: Any, n: int) -> float:
    """How much the ink differs between the ``n`` character cells of a line (std / mean of each cell's ink share).

    A missing font draws every character as the same box, so every cell holds the same ink (spread ~0.05);
    real glyphs differ from one another (个 against 属: spread ~0.2).
    """
    import numpy as np

    columns = np.where(ink.any(axis=0))[0]
    cells = np.array_split(ink[:, columns.min():columns.max() + 1], n, axis=1)
    shares = np.array([c.mean() for c in cells])
    return float(shares.std() / shares.mean())


def _need_cjk_fonts() -> None:
    import subprocess

    listed = subprocess.run(["fc-list"], capture_output=True, text=True, check=False).stdout
    if "CJK" in listed:
        return
    message = "no CJK font installed: run .ci/install-browser (apt-get install fonts-noto-cjk)"
    pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)


def test_a_chinese_consultation_renders_glyphs_not_boxes(page: Any) -> None:
    from playwright.sync_api import expect

    page.locator("#new-consultation").click()
    expect(page.locator("#summary-card")).to_contain_text("Your recommendation will appear here")
    _say(page, CHINESE, "法律")  # the advisor answers in Chinese
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SHOTS / "10-chinese-1440.png"))
    _need_cjk_fonts()
    sample = "您的文档属于哪个领域"
    glyphs = _render(page, sample, "10-glyphs.png")
    tofu = _render(page, "".join(chr(0xE000 + i) for i in range(len(sample))), "10-tofu.png")  # no font has these
    page.evaluate("document.getElementById('glyph-probe').remove()")
    # A missing font draws every character as the same box: the tofu render shows what that looks like.
    boxes, chinese = _ink_spread(tofu, len(sample)), _ink_spread(glyphs, len(sample))
    assert boxes < 0.1, f"the tofu reference should be identical boxes (spread {boxes:.3f})"
    assert chinese > 2 * boxes and chinese > 0.12, (
        f"the Chinese text renders like tofu boxes (ink spread {chinese:.3f} against {boxes:.3f} for boxes)")


def test_resume_lists_titles_of_this_pages_consultations_only(page: Any, app: tuple[str, AdvisorService]) -> None:
    from playwright.sync_api import expect

    service = app[1]
    service.start("support tickets from the API surface")  # another surface's consultation
    page.reload()  # the URL names the Chinese consultation: a reload shows it again
    expect(page.locator("#chat")).to_contain_text(CHINESE)
    page.locator("#resume input").click()
    options = page.get_by_role("option")
    expect(options.first).to_be_visible()
    labels = [o.inner_text().lstrip("✓ \n") for o in options.all()]  # the current one is ticked
    assert len(labels) == 2, labels  # the two typed into this page; no empty ones, not the API's
    assert any(label.startswith("legal contracts in Chinese and English") for label in labels), labels
    assert any(label.startswith(CHINESE[:10]) for label in labels), labels
    assert not any("support tickets from the API" in label or "untitled" in label for label in labels), labels
    page.screenshot(path=str(SHOTS / "11-resume-list-1440.png"))
    page.get_by_role("option", name=re.compile("^legal contracts")).click()
    expect(page.locator("#chat")).to_contain_text(FIRST)
    expect(page.locator("#summary-card")).to_contain_text("Recommended:")
    legal = next(s for s in service.list() if s.title.startswith("legal"))
    assert _consultation_in_url(page) == legal.consultation_id
    assert len(service.list()) == 3  # reloads and resumes created nothing
