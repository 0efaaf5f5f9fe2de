"""Evaluation jobs claimed through the database: several workers (threads, EvaluationJobs objects, ``serve``
processes) on one data dir and one database (SQLite, or a throw-away PostgreSQL cluster) take each job exactly once,
and a job whose worker dies (kill -9, or a lease that ran out) is run again by another: 0 lost, 0 doubled."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import job_runners
import pytest
from live_server import AUTH, ServerProcess

from agent.evaluation_jobs import EvaluationJobs
from agent.store import open_job_table
from tools.evaluation.retrieval_check import EvalRequest

FINISHED = ("done", "failed", "cancelled")


@pytest.fixture(params=["sqlite", "postgres"])
def database(request: pytest.FixtureRequest) -> str | None:
    """None (SQLite under the data dir) or the URL of a fresh Postgres database."""
    if request.param == "sqlite":
        return None
    return request.getfixturevalue("postgres_url")


class Recorder:
    """A runner that logs every run it starts and finishes (to count doubles), optionally blocking."""

    def __init__(self, log: Path, block: threading.Event | None = None, seconds: float = 0.02) -> None:
        self.log, self.block, self.seconds = log, block, seconds
        self._lock = threading.Lock()

    def __call__(self, request: EvalRequest, progress: Any) -> dict[str, Any]:
        job_id = request.out_dir.name
        with self._lock, self.log.open("a") as out:
            out.write(f"start {job_id}\n")
        progress("bm25: searching", 0.5)
        if self.block is not None:
            self.block.wait(30)
        time.sleep(self.seconds)
        with self._lock, self.log.open("a") as out:
            out.write(f"end {job_id}\n")
        out = job_runners.results(request)
        out["run"]["id"] = job_id
        return out


def submit(jobs: EvaluationJobs, data_dir: Path) -> str:
    job_id, folder = jobs.new_job()
    (folder / "c.jsonl").write_text('{"id": "d1", "text": "x"}\n')
    jobs.submit(job_id, EvalRequest(corpus=folder / "c.jsonl", models=["bm25"], out_dir=jobs.out_dir(job_id),
                                    data_dir=data_dir))
    return job_id


def wait_all(jobs: EvaluationJobs, ids: list[str], timeout: float = 60) -> dict[str, dict[str, Any]]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        states = {i: jobs.get(i) for i in ids}
        if all(s["status"] in FINISHED for s in states.values()):
            return states
        time.sleep(0.05)
    raise AssertionError(f"not finished in {timeout}s: {[s['status'] for s in states.values()]}")


def rows(data_dir: Path, url: str | None) -> dict[str, dict[str, Any]]:
    """Every job row as the database holds it."""
    sql = "SELECT id, status, claimed_by, attempt, finishes, doc FROM advisor_jobs"
    if url:
        import psycopg

        with psycopg.connect(url) as conn:
            found = conn.execute(sql).fetchall()
    else:
        with sqlite3.connect(data_dir / "evaluations" / "jobs.sqlite") as conn:
            found = conn.execute(sql).fetchall()
    return {r[0]: {"status": r[1], "claimed_by": r[2], "attempt": r[3], "finishes": r[4], "doc": json.loads(r[5])}
            for r in found}


def test_three_workers_on_one_database_run_every_job_exactly_once(tmp_path, database):
    log = tmp_path / "runs.log"
    runner = Recorder(log)
    workers = [EvaluationJobs(tmp_path, runner, workers=2, database_url=database, max_queue=100) for _ in range(3)]
    try:
        ids = [submit(workers[i % 3], tmp_path) for i in range(30)]
        states = wait_all(workers[1], ids)
        assert {s["status"] for s in states.values()} == {"done"}
        lines = log.read_text().splitlines()
        for job_id in ids:  # each job started and ended once, whichever worker took it
            assert lines.count(f"start {job_id}") == 1 and lines.count(f"end {job_id}") == 1, job_id
        table = rows(tmp_path, database)
        assert all(table[i]["finishes"] == 1 and table[i]["attempt"] == 1 for i in ids)
        claimers = {table[i]["claimed_by"] for i in ids}
        assert len(claimers) >= 2, claimers  # the queue is shared: more than one worker took jobs
        for w in workers:  # any worker answers for any job, and counts the shared queue
            assert w.get(ids[0])["status"] == "done" and w.health()["queue_depth"] == 0
    finally:
        for w in workers:
            w.close()


def test_a_job_whose_lease_ran_out_is_run_again_by_another_worker_and_finished_once(tmp_path, database):
    """Worker A stalls (its heartbeats stop reaching the database, as in a network partition): its lease runs out,
    worker B runs the job again, and A's late result is refused by the fenced write."""
    log = tmp_path / "runs.log"
    release = threading.Event()
    a = EvaluationJobs(tmp_path, Recorder(log, block=release), workers=1, database_url=database, lease_s=1.5)
    b = None
    try:
        job_id = submit(a, tmp_path)
        deadline = time.monotonic() + 10
        while "start" not in (log.read_text() if log.exists() else "") and time.monotonic() < deadline:
            time.sleep(0.02)
        a._table.heartbeat = lambda *args: (True, False)  # A believes it still holds the job; the database disagrees
        b = EvaluationJobs(tmp_path, Recorder(log), workers=1, database_url=database, lease_s=1.5)
        deadline = time.monotonic() + 20
        while log.read_text().count(f"end {job_id}") < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        job = wait_all(b, [job_id])[job_id]
        assert job["status"] == "done" and job["resumed"] == 1 and job["interruptions"] == 1, job
        release.set()  # A's run ends now; what it would write is dropped
        deadline = time.monotonic() + 5
        while log.read_text().count(f"end {job_id}") < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)
        row = rows(tmp_path, database)[job_id]
        assert row["finishes"] == 1 and row["attempt"] == 2 and row["claimed_by"] == b.worker_id, row
        assert row["doc"]["summary"]["run"]["id"] == job_id and a.get(job_id)["status"] == "done"
    finally:
        release.set()
        a.close()
        if b is not None:
            b.close()


def test_a_job_cancelled_on_one_worker_stops_on_the_worker_running_it(tmp_path, database):
    a = EvaluationJobs(tmp_path, job_runners.sleepy, workers=1, database_url=database, isolate=True)
    b = EvaluationJobs(tmp_path, job_runners.quick, workers=1, database_url=database)
    try:
        b._closing.set()  # B serves requests only: it takes no job
        job_id = submit(a, tmp_path)
        deadline = time.monotonic() + 10
        while a.get(job_id)["status"] != "running" and time.monotonic() < deadline:
            time.sleep(0.02)
        started = time.monotonic()
        job = b.cancel(job_id)  # asked on B, the job runs on A
        assert job["status"] == "cancelled" and time.monotonic() - started < 5, job
        assert a.get(job_id)["status"] == "cancelled"
    finally:
        a.close()
        b.close()


def children(pid: int) -> list[int]:
    """Pids of the processes whose parent is ``pid``."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def corpus(n: int = 40) -> dict[str, Any]:
    docs = [{"id": f"d{i}", "text": f"contract clause {i} about topic{i} with penalty terms {i * 7}"} for i in range(n)]
    queries = [{"id": f"q{i}", "text": f"topic{i} clause"} for i in range(8)]
    qrels = [{"query_id": f"q{i}", "doc_id": f"d{i}", "score": 1} for i in range(8)]
    return {"documents": docs, "queries": queries, "qrels": qrels, "models": ["bm25"]}


@pytest.mark.slow
def test_two_serve_workers_one_killed_mid_job_finish_every_job_exactly_once(tmp_path, database):
    """Two ``serve`` processes on one data dir and one database; jobs are submitted to both; A is killed with -9
    while it runs a job: B runs A's job again, and every job is done exactly once (0 lost, 0 doubled)."""
    data_dir = tmp_path / "data"
    env = {"ADVISOR_EVAL_WORKERS": "1", "ADVISOR_JOB_LEASE_S": "30", **(
        {"ADVISOR_DATABASE_URL": database} if database else {})}
    a = ServerProcess(data_dir, env=env).start()
    b = ServerProcess(data_dir, env=env).start()
    try:
        with httpx.Client(headers=AUTH, timeout=60) as client:
            ids = []
            for i in range(6):
                r = client.post(f"{(a, b)[i % 2].url}/v1/evaluations", json=corpus())
                assert r.status_code == 202, r.text
                ids.append(r.json()["id"])
            deadline = time.monotonic() + 120
            killed = None
            while killed is None and time.monotonic() < deadline:
                for job_id, row in rows(data_dir, database).items():
                    if row["status"] == "running" and row["claimed_by"].split(":")[1] == str(a.pid):
                        killed = job_id
                time.sleep(0.05)
            assert killed is not None, "worker A never ran a job"
            runs = children(a.pid)
            a.kill()
            restarted = time.monotonic()
            for job_id in ids:  # B answers for every job, A's included, and finishes them
                deadline = time.monotonic() + 240
                while (job := client.get(f"{b.url}/v1/evaluations/{job_id}").json())["status"] not in FINISHED:
                    assert time.monotonic() < deadline, job
                    time.sleep(0.1)
                assert job["status"] == "done", job
                assert job["summary"]["models"]["bm25"]["ndcg_at_10"]["mean"] == pytest.approx(1.0)
            table = rows(data_dir, database)
            assert all(table[i]["finishes"] == 1 for i in ids), {i: table[i]["finishes"] for i in ids}
            assert table[killed]["attempt"] == 2 and table[killed]["doc"]["resumed"] == 1
            assert table[killed]["claimed_by"].split(":")[1] == str(b.pid)
            time.sleep(0.5)
            assert not [p for p in runs if Path(f"/proc/{p}").exists() and _alive(p)], "A's run outlived A"
            assert time.monotonic() - restarted < 240
    finally:
        a.stop()
        b.stop()


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_an_unreachable_database_fails_at_once_naming_the_url_without_the_password(tmp_path):
    from live_server import free_port

    from knowledge.errors import SettingsError

    url = f"postgresql://advisor:s3cret-pw@127.0.0.1:{free_port()}/advisor"
    started = time.monotonic()
    with pytest.raises(SettingsError) as info:
        open_job_table(tmp_path, url)
    message = str(info.value)
    assert time.monotonic() - started < 10
    assert "s3cret-pw" not in message and f"127.0.0.1:{url.split(':')[3]}" in message and "***" in message
    assert "ADVISOR_DATABASE_URL" in message and "running and reachable" in message
    assert "\n" not in message
    assert os.environ.get("ADVISOR_DATABASE_URL") != url
