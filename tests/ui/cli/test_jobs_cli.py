"""``embedding-advisor jobs list|show|cancel`` on the data dir a server works on, and ``serve`` failing fast on an
unreachable database."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from live_server import free_port

from agent.evaluation_jobs import EvaluationJobs
from tools.evaluation.retrieval_check import EvalRequest

CLI = [sys.executable, "-m", "ui.cli"]


def run(data_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "ADVISOR_DATA_DIR": str(data_dir), **env}
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env=full, timeout=120)


def endless(request: EvalRequest, progress: Any) -> dict[str, Any]:
    while True:  # reports progress, so a cancel reaching its worker stops it at the next report
        progress("bm25: indexing", 0.3)
        time.sleep(0.05)


def submit(jobs: EvaluationJobs, data_dir: Path) -> str:
    job_id, folder = jobs.new_job()
    (folder / "c.jsonl").write_text('{"id": "d1", "text": "x"}\n')
    jobs.submit(job_id, EvalRequest(corpus=folder / "c.jsonl", models=["bm25"], out_dir=jobs.out_dir(job_id),
                                    data_dir=data_dir), owner="token:abc")
    return job_id


def test_jobs_cancel_stops_a_job_running_in_a_server(tmp_path):
    server = EvaluationJobs(tmp_path, endless, workers=1)  # the server's workers, in this process
    try:
        job_id = submit(server, tmp_path)
        deadline = time.monotonic() + 10
        while server.get(job_id)["status"] != "running" and time.monotonic() < deadline:
            time.sleep(0.02)
        listed = run(tmp_path, "jobs", "list")
        assert listed.returncode == 0 and job_id in listed.stdout and "running" in listed.stdout, listed
        out = run(tmp_path, "jobs", "cancel", job_id)
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip() == f"{job_id} cancelled (it was running)"
        assert server.get(job_id)["status"] == "cancelled" and server.get(job_id)["error"]["code"] == "cancelled"
        again = run(tmp_path, "jobs", "cancel", job_id)
        assert again.returncode == 0 and "already finished: cancelled" in again.stdout
        assert '"status": "cancelled"' in run(tmp_path, "jobs", "show", job_id).stdout
    finally:
        server.close()


def test_jobs_cancel_of_a_queued_job_needs_no_server(tmp_path):
    queue_only = EvaluationJobs(tmp_path, endless, start=False)  # accepts jobs, runs none
    try:
        job_id = submit(queue_only, tmp_path)
    finally:
        queue_only.close()
    out = run(tmp_path, "jobs", "cancel", job_id)
    assert out.returncode == 0 and out.stdout.strip() == f"{job_id} cancelled (it was pending)", out


def test_jobs_commands_name_an_unknown_id(tmp_path):
    out = run(tmp_path, "jobs", "cancel", "0123456789ab")
    assert out.returncode != 0 and "0123456789ab" in out.stderr and "Traceback" not in out.stderr
    out = run(tmp_path, "jobs", "show", "../../etc")
    assert out.returncode != 0 and "Traceback" not in out.stderr


def test_serve_with_an_unreachable_database_fails_at_once_in_one_sentence(tmp_path):
    url = f"postgresql://advisor:pw-s3cret@127.0.0.1:{free_port()}/advisor"
    started = time.monotonic()
    out = run(tmp_path, "serve", "--port", str(free_port()), ADVISOR_DATABASE_URL=url,
              ADVISOR_API_TOKENS="a-long-enough-token-for-tests")
    assert time.monotonic() - started < 60
    assert out.returncode == 2, out
    err = out.stderr.strip()
    assert err.startswith("error: cannot connect to the database at ADVISOR_DATABASE_URL=postgresql://advisor:***@")
    assert "pw-s3cret" not in err and "Traceback" not in err and len(err.splitlines()) == 1, err
    assert "check that the PostgreSQL server is running" in err
