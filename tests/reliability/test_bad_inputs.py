"""Every case of the bad-input catalogue through its real entry point: the expected outcome, and nothing lost.

API and Slack cases share one uvicorn server on 127.0.0.1 (Slack mounted, a stand-in Slack Web API, small upload
limits read from ADVISOR_MAX_UPLOAD_MB / ADVISOR_MAX_FILE_MB); the 100 MB upload goes to a server process with
the default limits. CLI cases run the typer app in-process.
"""

from __future__ import annotations

import csv
import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from bad_inputs import (
    API_EVAL_JSON,
    API_RECOMMEND,
    API_STREAM,
    API_UPLOAD,
    CASES,
    CLI_BATCH,
    CLI_EVALUATE,
    CLI_RECOMMEND,
    MIB,
    SLACK,
    SLACK_SECRET,
    TOOL,
    Case,
)
from live_server import ServerProcess, rss_mb, uvicorn_in_thread
from slack_sdk import WebClient
from slack_standin import FakeSlack
from typer.testing import CliRunner

from agent.service import AdvisorService
from knowledge.errors import ProfileError
from knowledge.settings import Settings
from tools.rank.shortlist import recommend
from ui.api.app import create_app
from ui.api.security import ApiLimits
from ui.cli.app import app as cli_app
from ui.slack.app import SlackThreads, create_slack_app

TOKEN = "bad-inputs-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@dataclass
class Stack:
    """The shared server: its client, where it keeps data, the Slack stand-in and a consultation made first."""

    client: httpx.Client
    root: Path
    data_dir: Path
    slack: Any
    sentinel: str


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    root = tmp_path_factory.mktemp("bad-inputs-server")
    data_dir = root / "data"
    fake = FakeSlack()
    settings = Settings(data_dir=data_dir)
    service = AdvisorService(settings)
    threads = SlackThreads(data_dir / "slack.sqlite")
    bolt = create_slack_app(service, SLACK_SECRET, WebClient(token="xoxb-test", base_url=fake.url), threads)
    limits = ApiLimits.from_env({"ADVISOR_MAX_UPLOAD_MB": "6", "ADVISOR_MAX_FILE_MB": "3",
                                 "ADVISOR_RATE_LIMIT_PER_MIN": "100000"})
    app = create_app(service, settings, [TOKEN], limits=limits, slack_app=bolt)
    try:
        with uvicorn_in_thread(app, log_level="critical") as url, httpx.Client(base_url=url, timeout=60) as client:
            first = client.post("/v1/consultations", json={"message": "legal contracts in German, 50k docs"},
                                headers=AUTH)
            assert first.status_code == 201, first.text
            yield Stack(client, root, data_dir, fake, first.json()["consultation_id"])
    finally:
        fake.close()
        threads.close()
        service.close()


def _flat(text: str) -> str:
    return " ".join(text.split())


def _says(text: str, case: Case) -> None:
    flat = _flat(text)
    for fragment in case.expect.says:
        assert _flat(fragment) in flat, f"{case.id}: {fragment!r} not in {flat[:1500]!r}"
    assert "Traceback" not in text, f"{case.id}: a traceback reached the user"


def _still_serving(stack: Stack) -> None:
    """Nothing already done is lost: the server answers, and the consultation made first is still there."""
    assert stack.client.get("/healthz").status_code == 200
    assert stack.client.get(f"/v1/consultations/{stack.sentinel}", headers=AUTH).status_code == 200
    for path in stack.root.rglob("*"):  # nothing is written beside the data dir
        assert path == stack.data_dir or stack.data_dir in path.parents, path
    uploads = stack.data_dir / "uploads"
    for path in uploads.rglob("*") if uploads.exists() else []:  # uploads stay at <job>/corpus/<name>
        parts = path.relative_to(uploads).parts
        assert len(parts) <= 3 and (len(parts) < 3 or parts[1] == "corpus"), path
        if len(parts) == 2 and path.is_file():
            assert parts[1].startswith(("queries.", "qrels.")), path


def _error_body(response: httpx.Response, case: Case, stack: Stack) -> None:
    body = response.json()
    assert body["code"] == case.expect.code, body
    if case.expect.field:
        assert body["field"] == case.expect.field, body
    _says(body["message"] + " " + json.dumps(body.get("problems") or {}), case)
    assert str(stack.data_dir) not in response.text, "a server path reached the caller"


def _poll(stack: Stack, job_id: str, timeout: float = 90) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = stack.client.get(f"/v1/evaluations/{job_id}", headers=AUTH).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.05)
    raise AssertionError(f"evaluation {job_id} did not finish in {timeout}s")


# -- runners, one per surface ---------------------------------------------------------------------------------
def run_tool(case: Case, inputs: dict[str, Any], **_: Any) -> None:
    with pytest.raises(ProfileError) as err:
        recommend(inputs["profile"])
    assert type(err.value).__name__ == case.expect.code
    assert case.expect.field in err.value.problems, err.value.problems
    _says(str(err.value), case)


def run_api_recommend(case: Case, inputs: dict[str, Any], stack: Stack, **_: Any) -> None:
    r = stack.client.post("/v1/recommendations", content=inputs["content"],
                          headers={**AUTH, "Content-Type": inputs["content_type"]})
    assert r.status_code == case.expect.status, r.text
    if r.status_code >= 400:
        _error_body(r, case, stack)
    else:
        assert r.json()["recommendations"], r.text
    _still_serving(stack)


def run_api_upload(case: Case, inputs: dict[str, Any], stack: Stack, **_: Any) -> None:
    uploads = stack.data_dir / "uploads"
    before = set(uploads.iterdir()) if uploads.exists() else set()
    if "files" in inputs:
        r = stack.client.post("/v1/evaluations", files=inputs["files"], data=inputs["data"], headers=AUTH)
    elif "json" in inputs:
        r = stack.client.post("/v1/evaluations", json=inputs["json"], headers=AUTH)
    else:
        r = stack.client.post("/v1/evaluations", content=inputs["content"],
                              headers={**AUTH, "Content-Type": inputs["content_type"]})
    assert r.status_code == case.expect.status, r.text
    if r.status_code != 202:
        _error_body(r, case, stack)
        assert set(uploads.iterdir()) == before, "a refused upload left files behind"
        _still_serving(stack)
        return
    job_id = r.json()["id"]
    if case.expect.stored:
        saved = stack.client.get(f"/v1/evaluations/{job_id}", headers=AUTH).json()["files"]  # as stored
        assert saved == sorted(case.expect.stored)
    if case.expect.job:
        job = _poll(stack, job_id)
        assert job["status"] == case.expect.job, job
        assert job["error"]["code"] == case.expect.code, job["error"]
        _says(job["error"]["message"], case)
        assert str(stack.data_dir) not in job["error"]["message"], "a server path reached the caller"
    _still_serving(stack)


def _http_response(sock: socket.socket) -> tuple[int, dict[str, Any]]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, f"the connection closed before a response: {data!r}"
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                  if line.lower().startswith(b"content-length"))
    while len(body) < length:
        body += sock.recv(65536)
    return int(head.split()[1]), json.loads(body[:length])


def run_api_stream(case: Case, inputs: dict[str, Any], tmp_path: Path, **_: Any) -> None:
    """Stream the file from disk over a raw socket; the answer must come long before the 100 MB are sent."""
    path: Path = inputs["path"]
    env = {"ADVISOR_MAX_UPLOAD_MB": "", "ADVISOR_MAX_FILE_MB": ""}  # the defaults: 100 MB total, 20 MB a file
    with ServerProcess(tmp_path / "server-data", env=env) as server:
        head = (b'--B0UND\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\n'
                b"Content-Type: text/plain\r\n\r\n")
        tail = b"\r\n--B0UND--\r\n"
        request = (f"POST /v1/evaluations HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
                   f"Authorization: Bearer {server.env()['ADVISOR_API_TOKENS']}\r\n"
                   "Content-Type: multipart/form-data; boundary=B0UND\r\n"
                   f"Content-Length: {len(head) + path.stat().st_size + len(tail)}\r\n\r\n").encode() + head
        rss_before = rss_mb(server.pid)
        sent, answered = [0], threading.Event()

        def send(sock: socket.socket) -> None:
            try:
                sock.sendall(request)
                with path.open("rb") as fh:
                    while not answered.is_set() and (chunk := fh.read(MIB)):
                        sock.sendall(chunk)
                        sent[0] += len(chunk)
            except OSError:
                pass  # the server closed the connection after answering

        with socket.create_connection(("127.0.0.1", server.port), timeout=60) as sock:
            sender = threading.Thread(target=send, args=(sock,), daemon=True)
            sender.start()
            status, body = _http_response(sock)
            sent_when_answered = sent[0]
            answered.set()
            sender.join(30)
        assert status == case.expect.status and body["code"] == case.expect.code, body
        _says(body["message"], case)
        assert sent_when_answered < 60 * MIB, f"answered only after {sent_when_answered:,} bytes"
        assert rss_mb(server.pid) - rss_before < 50, "the server held the upload in memory"
        with server.client() as client:
            assert client.get("/healthz").status_code == 200
        assert not any((tmp_path / "server-data" / "uploads").iterdir()), "the refused upload left files behind"


def run_slack(case: Case, inputs: dict[str, Any], stack: Stack, **_: Any) -> None:
    posts_before = len(stack.slack.posts)
    for raw, headers in inputs["requests"]:
        r = stack.client.post("/slack/events", content=raw, headers=headers)
        assert r.status_code == case.expect.status, r.text
        if r.status_code >= 400:
            _says(r.text, case)
    if case.expect.posts:
        stack.slack.wait_posts(posts_before + case.expect.posts)
    time.sleep(0.5 if case.expect.posts else 0.05)
    assert len(stack.slack.posts) == posts_before + case.expect.posts, stack.slack.posts[posts_before:]
    _still_serving(stack)


def run_cli(case: Case, inputs: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
            **_: Any) -> None:
    monkeypatch.setenv("ADVISOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("COLUMNS", "1000")  # rich wraps at the terminal width
    result = CliRunner().invoke(cli_app, inputs["args"])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a crash, not an outcome
    assert result.exit_code == case.expect.status, result.output
    out = tmp_path / "out"
    if case.expect.rows:
        results = [json.loads(line) for line in (out / "recommendations.jsonl").read_text().splitlines()]
        assert [r["status"] for r in results] == list(case.expect.rows)
        for r in results:  # good rows keep their results beside the failed ones
            assert r["recommendations"] if r["status"] == "ok" else r["error"]
        _says(" ".join(r["error"] or "" for r in results), case)
        assert len(list(csv.DictReader((out / "summary.csv").open()))) == len(results)
        assert len(list((out / "reports").iterdir())) == len(results), "a report was overwritten"
        assert all(len(p.name) <= 104 for p in (out / "reports").iterdir())
    else:
        _says(result.output, case)
    if case.surface == CLI_EVALUATE and case.expect.status == 0:
        assert json.loads((out / "results.json").read_text())["models"]["bm25"]["status"] == "ok"


RUNNERS = {TOOL: run_tool, API_RECOMMEND: run_api_recommend, API_UPLOAD: run_api_upload,
           API_EVAL_JSON: run_api_upload, API_STREAM: run_api_stream, SLACK: run_slack, CLI_RECOMMEND: run_cli,
           CLI_BATCH: run_cli, CLI_EVALUATE: run_cli}
SERVED = {API_RECOMMEND, API_UPLOAD, API_EVAL_JSON, SLACK}


def test_the_catalogue_is_large_and_well_formed():
    assert len(CASES) >= 45
    assert len({c.id for c in CASES}) == len(CASES)
    assert {c.category for c in CASES} == {"profile", "batch", "upload", "corpus", "slack", "cli"}
    for case in CASES:
        assert case.surface in RUNNERS and case.why and case.id == case.id.lower()
        assert case.expect.says or case.expect.status in (0, 200, 202), case.id  # a refusal says what and where


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(case: Case, request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The case's input through its surface gives the outcome catalogued for it."""
    stack = request.getfixturevalue("stack") if case.surface in SERVED else None
    RUNNERS[case.surface](case, case.build(tmp_path), stack=stack, tmp_path=tmp_path, monkeypatch=monkeypatch)
