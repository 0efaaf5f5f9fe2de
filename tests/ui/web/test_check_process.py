"""The web UI's document check runs in a worker process (as the API's jobs do): off the server's threads, killed at
once by Cancel even inside one long step, under the jobs' memory limit, its uploads removed when it ends."""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import SimpleNamespace

import check_runners

from agent.evaluation_jobs import JobLimits
from knowledge.errors import JobFailedError
from ui.web.check_run import CheckRun


def request(tmp_path: Path) -> SimpleNamespace:
    corpus = tmp_path / "uploads" / "0123456789ab"
    corpus.mkdir(parents=True)
    (corpus / "a.txt").write_text("tenancy notice period")
    return SimpleNamespace(corpus=corpus, out_dir=tmp_path / "checks" / "0123456789ab")


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_the_check_runs_in_a_worker_process_and_its_uploads_are_removed(tmp_path):
    req = request(tmp_path)
    run = CheckRun(check_runners.where, req)
    events = [e for e in run.events(poll_s=0.05) if e is not None]
    run.join(30)
    assert run.error is None and run.results is not None, run.error
    assert run.results["pid"] != os.getpid()  # not a thread of the web server
    assert events == [("bm25: searching", 0.5)]
    assert not req.corpus.exists()


def test_cancel_kills_a_check_stuck_inside_one_step(tmp_path):
    """Before: the cancel waited for the next progress report, which a stuck parser never sends."""
    run = CheckRun(check_runners.stuck, request(tmp_path))
    events = run.events(poll_s=0.05)
    assert next(e for e in events if e is not None)[0] == "minilm: reading files"
    pid = run.pid
    assert pid is not None and _alive(pid)
    run.cancel()
    started = time.monotonic()
    list(events)
    assert time.monotonic() - started < 3
    assert run.results is None and run.error is None and not run.running
    time.sleep(0.2)
    assert not _alive(pid)


def test_a_check_over_the_memory_limit_fails_naming_the_limit(tmp_path):
    run = CheckRun(check_runners.hog, request(tmp_path), limits=JobLimits(memory_mb=300))
    list(run.events(poll_s=0.05))
    assert isinstance(run.error, JobFailedError) and run.error.code == "memory_limit"
    assert "300 MB memory limit" in str(run.error) and "ADVISOR_EVAL_MEMORY_MB" in str(run.error)
