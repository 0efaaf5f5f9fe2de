"""Kill -9 the API server in the middle of 20 consultations and of an evaluation job, restart it, and count.

Every acknowledged answer is there exactly once after the restart; an answer whose reply the kill swallowed is sent
again with the same ``message_id`` and lands exactly once; an interrupted evaluation job is resumed (or failed with
code ``interrupted`` after two cut-short runs), never silently gone.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import textwrap
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from live_server import AUTH, ServerProcess

from agent.evaluation_jobs import EvaluationJobs
from agent.service import AdvisorService
from knowledge.errors import ToolInputError
from knowledge.settings import Settings
from tools.evaluation.retrieval_check import EvalRequest

logger = logging.getLogger(__name__)
REPO = Path(__file__).resolve().parents[2]
SCRIPT = ("legal contracts", "English and German", "about 800 tokens", "50k documents", "10,000 queries a month",
          "yes, it must stay on prem", "a T4 GPU", "skip", "just recommend")
N_CONSULTATIONS = 20
KILL_AFTER = 60  # acknowledged answers (of 180) before the kill


@dataclass
class Talk:
    """One consultation driven by a thread: what the server acknowledged, and what the kill left unanswered."""

    cid: str
    acked: int = 0  # answers of SCRIPT acknowledged with a 200
    unsure: int | None = None  # index of the answer sent when the server died (its reply never came)
    refused: bool = False  # the next request found no server: it was never sent
    replayed: int = 0


def drive(url: str, talk: Talk, acks: threading.Semaphore, errors: list[BaseException]) -> None:
    """Send the rest of the script, each answer with a stable message_id; stop at the first transport error."""
    try:
        with httpx.Client(base_url=url, headers=AUTH, timeout=60) as client:
            while talk.acked < len(SCRIPT):
                i = talk.acked
                try:
                    r = client.post(f"/v1/consultations/{talk.cid}/messages",
                                    json={"text": SCRIPT[i], "message_id": f"{talk.cid}-{i}"})
                except httpx.ConnectError:
                    talk.refused = True
                    return
                except httpx.TransportError:
                    talk.unsure = i
                    return
                assert r.status_code == 200, r.text
                assert r.json()["turn"] == i + 1, r.json()
                talk.acked += 1
                talk.replayed += r.json()["replayed"]
                talk.unsure = None
                acks.release()
    except BaseException as exc:  # noqa: BLE001 (collected for the assertion in the main thread)
        errors.append(exc)


def run_all(url: str, talks: list[Talk], acks: threading.Semaphore) -> tuple[list[threading.Thread],
                                                                            list[BaseException]]:
    errors: list[BaseException] = []
    threads = [threading.Thread(target=drive, args=(url, t, acks, errors), daemon=True) for t in talks]
    for thread in threads:
        thread.start()
    return threads, errors


def users(state: dict[str, Any]) -> list[str]:
    return [m["text"] for m in state["transcript"] if m["role"] == "user"]


@pytest.mark.slow
def test_kill_9_during_20_consultations_loses_and_doubles_no_answer(tmp_path):
    data_dir = tmp_path / "data"
    server = ServerProcess(data_dir).start()
    try:
        with server.client() as client:
            talks = [Talk(client.post("/v1/consultations", json={}).json()["consultation_id"])
                     for _ in range(N_CONSULTATIONS)]
        acks = threading.Semaphore(0)
        threads, errors = run_all(server.url, talks, acks)
        for _ in range(KILL_AFTER):
            assert acks.acquire(timeout=60), "the consultations stalled before the kill"
        server.kill()
        for thread in threads:
            thread.join(60)
        assert not errors, errors
        acked_at_kill = sum(t.acked for t in talks)
        unsure = sum(t.unsure is not None for t in talks)
        assert 0 < acked_at_kill < N_CONSULTATIONS * len(SCRIPT)

        server = ServerProcess(data_dir).start()  # same data dir, new port
        with server.client() as client:
            states = {t.cid: client.get(f"/v1/consultations/{t.cid}").json() for t in talks}
        applied = unfinished = 0
        for t in talks:
            said, state = users(states[t.cid]), states[t.cid]
            stored_unsure = len(said) == t.acked + 1 and t.unsure is not None
            assert said == list(SCRIPT[:t.acked]) or (stored_unsure and said == list(SCRIPT[:t.acked + 1])), (t, said)
            assert state["turn"] == len(said)
            applied += stored_unsure
            unfinished += state["unfinished"]

        threads, errors = run_all(server.url, talks, threading.Semaphore(0))
        for thread in threads:
            thread.join(120)
        assert not errors, errors
        with server.client() as client:
            for t in talks:
                state = client.get(f"/v1/consultations/{t.cid}").json()
                assert users(state) == list(SCRIPT) and state["turn"] == len(SCRIPT), t
                assert state["recommendation"]["recommendations"] and not state["unfinished"]
        # Exactly the answers the kill had stored came back as replays; the others were applied on the resend.
        assert sum(t.replayed for t in talks) == applied
        logger.info("kill after %d acknowledged answers: %d requests unanswered (%d stored, %d of them mid-turn), "
                    "%d never sent; 0 lost, 0 doubled", acked_at_kill, unsure, applied, unfinished,
                    sum(t.refused for t in talks))
    finally:
        server.stop()


CHILD = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from langgraph.checkpoint.sqlite import SqliteSaver
    from agent.service import AdvisorService
    from knowledge.settings import Settings

    root, points = Path(sys.argv[1]), int(sys.argv[2])
    with AdvisorService(Settings(data_dir=root / "warm")) as warm:  # the catalogs load once, before the forks
        warm.send(warm.start("legal contracts in English").consultation_id, "just recommend")

    def die_before_write(point):
        calls = 0
        def dying(method):
            def wrapper(self, *args, **kwargs):
                nonlocal calls
                calls += 1
                if calls == point:
                    os.kill(os.getpid(), 9)
                return method(self, *args, **kwargs)
            return wrapper
        SqliteSaver.put = dying(SqliteSaver.put)
        SqliteSaver.put_writes = dying(SqliteSaver.put_writes)

    for point in range(1, points + 1):
        if (pid := os.fork()) == 0:
            service = AdvisorService(Settings(data_dir=root / str(point)))
            cid = service.start("legal contracts in English").consultation_id
            die_before_write(point)
            print(point, cid, flush=True)
            service.send(cid, "just recommend", message_id="m1")
            os._exit(0)
        _, status = os.waitpid(pid, 0)
        print(point, "killed" if os.WIFSIGNALED(status) and os.WTERMSIG(status) == 9 else status, flush=True)
""")
KILL_POINTS = 14  # checkpoint writes (put and put_writes) of the "just recommend" turn


@pytest.mark.slow
def test_a_kill_before_any_checkpoint_write_leaves_a_resend_applied_once(tmp_path):
    done = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path), str(KILL_POINTS)], cwd=REPO, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True)
    lines = [line.split() for line in done.stdout.splitlines()]
    cids = {int(p): rest[0] for p, *rest in lines if rest[0] != "killed"}
    assert [int(p) for p, *rest in lines if rest == ["killed"]] == list(range(1, KILL_POINTS + 1)), done.stderr[-2000:]
    stored = []
    for point, cid in cids.items():
        with AdvisorService(Settings(data_dir=tmp_path / str(point))) as service:
            stored.append(service.state(cid).turn == 2)
            reply = service.send(cid, "just recommend", message_id="m1")
            assert reply.turn == 2 and reply.replayed == stored[-1] and reply.recommendation, (point, reply)
            assert service.send(cid, "thanks", message_id="m2").turn == 3
            state = service.state(cid)
            assert [m.text for m in state.transcript if m.role == "user"] == [
                "legal contracts in English", "just recommend", "thanks"], point
            assert not state.unfinished and state.recommendation is not None
    assert 0 < sum(stored) < KILL_POINTS, stored  # kills before and after the message was stored


def test_a_message_id_reused_for_another_text_is_refused(tmp_path):
    with AdvisorService(Settings(data_dir=tmp_path)) as service:
        cid = service.start(None).consultation_id
        first = service.send(cid, "legal contracts", message_id="a1")
        again = service.send(cid, "legal contracts", message_id="a1")
        assert again.replayed and again.turn == first.turn == 1 and again.text == first.text
        with pytest.raises(ToolInputError, match="already used"):
            service.send(cid, "medical records", message_id="a1")
        assert service.send(cid, "English", message_id="a2").turn == 2
        assert service.send(cid, "legal contracts", message_id="a1").turn == 1  # an old id still replays its turn
        assert [m.text for m in service.state(cid).transcript if m.role == "user"] == ["legal contracts", "English"]


# -- evaluation jobs ------------------------------------------------------------------------------------------------


def _corpus(n: int = 12) -> dict[str, Any]:
    docs = [{"id": f"d{i}", "text": f"contract clause {i} about topic{i} with penalty terms {i * 7}"} for i in range(n)]
    queries = [{"id": f"q{i}", "text": f"topic{i} clause"} for i in range(4)]
    qrels = [{"query_id": f"q{i}", "doc_id": f"d{i}", "score": 1} for i in range(4)]
    return {"documents": docs, "queries": queries, "qrels": qrels}


def poll(client: httpx.Client, url: str, until: Any, timeout: float = 120) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(url).json()
        if until(job):
            return job
        assert job["status"] not in ("done", "failed"), job
        time.sleep(0.02)
    raise AssertionError(f"{url} did not get there in {timeout}s: {job}")


@pytest.mark.slow
def test_kill_9_during_an_evaluation_resumes_the_job(tmp_path):
    data_dir = tmp_path / "data"
    server = ServerProcess(data_dir).start()
    try:
        with server.client() as client:
            r = client.post("/v1/evaluations", json={**_corpus(), "models": ["bm25", "minilm"]})
            assert r.status_code == 202, r.text
            url, job_id = r.json()["url"], r.json()["id"]
            # Killed once its Milvus Lite database is on disk: the resumed run must not trip over what is left.
            poll(client, url, lambda j: j["status"] == "running" and any((data_dir / "milvus").glob("*/*")))
        server.kill()
        killed_runs = {p.name for p in (data_dir / "milvus").iterdir()}
        assert json.loads((data_dir / "evaluations" / job_id / "job.json").read_text())["status"] == "running"

        restarted = time.monotonic()
        server = ServerProcess(data_dir).start()
        with server.client() as client:
            job = client.get(url).json()
            assert job["status"] in ("pending", "running") and job["resumed"] == 1 and job["error"] is None, job
            job = poll(client, url, lambda j: j["status"] == "done")
        resumed_in = time.monotonic() - restarted
        assert job["resumed"] == 1 and job["progress"] == 1.0
        assert {k: v["status"] for k, v in job["summary"]["models"].items()} == {"bm25": "ok", "minilm": "ok"}
        assert job["summary"]["models"]["bm25"]["ndcg_at_10"]["mean"] == pytest.approx(1.0)
        assert job["summary"]["run"]["id"] not in killed_runs  # its own Milvus Lite database, not the dead one's
        logger.info("evaluation resumed and done %.1f s after the restart began", resumed_in)
    finally:
        server.stop()


class FakeRunner:
    """Stands in for tools.evaluation.retrieval_check.evaluate: records requests, optionally blocks until released."""

    def __init__(self, block: bool = False) -> None:
        self.requests: list[EvalRequest] = []
        self.release = threading.Event()
        if not block:
            self.release.set()

    def __call__(self, request: EvalRequest, progress: Any) -> dict[str, Any]:
        self.requests.append(request)
        progress("bm25: indexing in Milvus", 0.5)
        self.release.wait(30)
        return {"run": {"id": "r", "corpus": str(request.corpus)}, "queries": {}, "models": {}, "comparisons": []}


def left_behind(data_dir: Path, status: str, interruptions: int = 0, request: bool = True) -> str:
    """The job.json (and request.json) a killed server leaves for a job it was running or had queued."""
    job_id = uuid.uuid4().hex[:12]
    folder = data_dir / "evaluations" / job_id
    folder.mkdir(parents=True)
    (folder / "job.json").write_text(json.dumps({
        "id": job_id, "status": status, "progress": 0.4, "stage": "bm25: indexing in Milvus", "models": ["bm25"],
        "created_at": f"2026-11-24T10:00:0{len(list(folder.parent.iterdir()))}+00:00", "finished_at": None,
        "summary": None, "error": None, "resumed": interruptions, "interruptions": interruptions}))
    if request:
        (folder / "request.json").write_text(json.dumps({"corpus": str(data_dir / "c.jsonl"), "models": ["bm25"],
                                                         "out_dir": str(folder), "data_dir": str(data_dir)}))
    return job_id


def wait_done(jobs: EvaluationJobs, job_id: str) -> dict[str, Any]:
    deadline = time.monotonic() + 30
    while (job := jobs.get(job_id))["status"] not in ("done", "failed") and time.monotonic() < deadline:
        time.sleep(0.01)
    return job


def test_interrupted_jobs_resume_until_the_cap_then_fail(tmp_path):
    running = left_behind(tmp_path, "running")
    queued = left_behind(tmp_path, "pending")
    twice = left_behind(tmp_path, "running", interruptions=1)
    lost = left_behind(tmp_path, "running", request=False)
    runner = FakeRunner()
    jobs = EvaluationJobs(tmp_path, runner)
    try:
        for job_id in (running, queued):
            job = wait_done(jobs, job_id)
            assert job["status"] == "done" and job["resumed"] == 1 and job["error"] is None, job
        assert jobs.get(running)["interruptions"] == 1 and jobs.get(queued)["interruptions"] == 0
        assert [r.corpus for r in runner.requests] == [tmp_path / "c.jsonl"] * 2  # the oldest first, paths as Paths
        for job_id, why in ((twice, "2 times"), (lost, "request was lost")):
            job = jobs.get(job_id)
            assert job["status"] == "failed" and job["error"]["code"] == "interrupted", job
            assert why in job["error"]["message"]
    finally:
        jobs.close()
    assert json.loads((tmp_path / "evaluations" / twice / "job.json").read_text())["status"] == "failed"


def test_secrets_stay_off_disk_and_one_process_owns_the_jobs(tmp_path):
    runner = FakeRunner(block=True)
    owner = EvaluationJobs(tmp_path, runner)
    try:
        job_id, _ = owner.new_job()
        owner.submit(job_id, EvalRequest(corpus=tmp_path / "c.jsonl", models=["bm25"], out_dir=owner.out_dir(job_id),
                                         data_dir=tmp_path, milvus_uri="http://milvus:19530", milvus_token="s3cret"))
        assert "s3cret" not in (owner.out_dir(job_id) / "request.json").read_text()
        second = EvaluationJobs(tmp_path, FakeRunner())  # a second server on the same data dir
        try:
            deadline = time.monotonic() + 10
            while not runner.requests and time.monotonic() < deadline:  # job.json says "running" by then
                time.sleep(0.01)
            assert second.get(job_id)["status"] == "running"  # the owner's live job: not resumed, not "failed"
        finally:
            second.close()
        runner.release.set()
        assert wait_done(owner, job_id)["status"] == "done" and len(runner.requests) == 1
    finally:
        runner.release.set()
        owner.close()
