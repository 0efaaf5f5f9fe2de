"""Quick-MTEB and probe jobs (the chat's evidence runs) survive their worker: a job records its kind and its request
in a form that round-trips, and the worker that takes it over (lease ended, or its process gone) rebuilds the right
request and runner, finishing it once with its per-task results; an unknown kind fails with a message naming it."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from agent.evaluation_jobs import (
    _LIVE_WORKERS,
    EvaluationJobs,
    UnreadableRequestError,
    request_from_json,
    request_to_json,
)
from agent.evidence import ConsultationEvidence
from agent.evidence_runs import ProbeRequest, QuickMtebRequest, summarise_evidence
from knowledge.errors import ToolInputError
from knowledge.settings import Settings
from tools.evaluation.retrieval_check import EvalRequest

FINISHED = ("done", "failed", "cancelled")


class Stalled:
    """A worker's runner that starts the job and then hangs (the worker about to die); logs what it was given."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.requests: list[EvalRequest] = []

    def __call__(self, request: EvalRequest, progress: Any) -> dict[str, Any]:
        self.requests.append(request)
        progress("running", 0.3)
        self.started.set()
        self.release.wait(60)
        raise RuntimeError("the dead worker's run must not be written")


def _wait(jobs: EvaluationJobs, job_id: str, timeout: float = 240) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while (job := jobs.get(job_id))["status"] not in FINISHED and time.monotonic() < deadline:
        time.sleep(0.1)
    return job


def _row(scope: Path, job_id: str) -> dict[str, Any]:
    with sqlite3.connect(scope / "evaluations" / "jobs.sqlite") as conn:
        attempt, finishes, doc = conn.execute("SELECT attempt, finishes, doc FROM advisor_jobs WHERE id = ?",
                                              (job_id,)).fetchone()
    return {"attempt": attempt, "finishes": finishes, "doc": json.loads(doc)}


def _take_over(tmp_path: Path, request_for: Any) -> tuple[dict[str, Any], dict[str, Any], Stalled]:
    """Worker A (the chat's evidence worker) starts the job and dies mid-run; a new instance on the same data dir,
    opened as the product opens it, takes it over. Returns the job, its database row and A's runner."""
    scope = tmp_path / "quick-mteb"
    stalled = Stalled()
    a = EvaluationJobs(scope, runner=stalled, isolate=False, workers=1, summarise=summarise_evidence, lease_s=30)
    evidence = None
    try:
        job_id, _ = a.new_job()
        a.submit(job_id, request_for(a.out_dir(job_id)))
        assert stalled.started.wait(30)
        assert a.get(job_id)["status"] == "running"
        # A dies: its heartbeats stop, and its process is gone (the claim names a worker no longer alive here)
        a._table.heartbeat = lambda *args: (True, False)
        _LIVE_WORKERS.discard(a.worker_id)
        evidence = ConsultationEvidence(tmp_path, settings=Settings(data_dir=tmp_path))
        b = evidence.mteb_jobs  # the real runner, in a process of its own
        job = _wait(b, job_id)
        stalled.release.set()
        time.sleep(0.5)
        return job, _row(scope, job_id), stalled
    finally:
        stalled.release.set()
        a.close()
        if evidence is not None:
            evidence.mteb_jobs.close()


@pytest.mark.slow
def test_a_quick_mteb_job_whose_worker_died_is_run_again_once_with_its_per_task_results(tmp_path, with_shared_models):
    with_shared_models(tmp_path)

    def request(out_dir: Path) -> QuickMtebRequest:
        return QuickMtebRequest(corpus=Path("quick-general"), models=["static"], out_dir=out_dir, data_dir=tmp_path,
                                suite="quick-general", time_budget_s=600.0)

    job, row, stalled = _take_over(tmp_path, request)
    assert job["status"] == "done", job
    assert job["kind"] == "quick_mteb" and job["resumed"] == 1 and job["interruptions"] == 1
    figures = job["summary"]["models"]["static"]
    assert figures["status"] == "ok" and 0.0 < figures["ndcg_at_10"]["mean"] <= 1.0, figures
    results = json.loads((tmp_path / "quick-mteb" / "evaluations" / job["id"] / "results.json").read_text())
    per_task = results["models"]["static"]["metrics"]["ndcg_at_10"]["per_task"]
    assert set(per_task) == {"ea-general-en"} and 0.0 < per_task["ea-general-en"] <= 1.0
    assert row["finishes"] == 1 and row["attempt"] == 2 and row["doc"]["status"] == "done"
    assert len(stalled.requests) == 1 and isinstance(stalled.requests[0], QuickMtebRequest)


@pytest.mark.slow
def test_a_probe_job_whose_worker_died_is_run_again_once_with_each_models_reading(tmp_path, with_shared_models):
    with_shared_models(tmp_path)

    def request(out_dir: Path) -> ProbeRequest:
        return ProbeRequest(corpus=Path("consistency-probe"), models=["static"], out_dir=out_dir, data_dir=tmp_path,
                            probe="consistency")

    job, row, _ = _take_over(tmp_path, request)
    assert job["status"] == "done", job
    assert job["kind"] == "probe" and job["resumed"] == 1
    summary = job["summary"]
    assert summary["probe"] == "consistency" and summary["models"]["static"]["status"] == "ok"
    assert summary["readings"] and "minilm-static" in summary["readings"][0]
    assert row["finishes"] == 1 and row["attempt"] == 2


@pytest.mark.parametrize("request_obj", [
    EvalRequest(corpus=Path("/d/c.jsonl"), models=["bm25"], out_dir=Path("/d/o"), data_dir=Path("/d"),
                queries=Path("/d/q.jsonl"), example_queries=["how do I"], milvus_token="s3cret"),
    QuickMtebRequest(corpus=Path("quick-zh"), models=["minilm", "static"], out_dir=Path("/d/o"), data_dir=Path("/d"),
                     suite="quick-zh", time_budget_s=120.0),
    ProbeRequest(corpus=Path("robustness-probe"), models=["static"], out_dir=Path("/d/o"), data_dir=Path("/d"),
                 probe="robustness"),
], ids=["documents", "quick_mteb", "probe"])
def test_every_kind_of_request_round_trips_through_json_without_its_secrets(request_obj):
    saved = json.loads(json.dumps(request_to_json(request_obj)))
    assert "milvus_token" not in saved and "openai_api_key" not in saved
    back = request_from_json(saved)
    assert type(back) is type(request_obj)
    assert back == type(request_obj)(**{**request_obj.__dict__, "milvus_token": None})


def test_a_request_saved_before_kinds_were_recorded_is_rebuilt_by_its_fields():
    base = {"corpus": "quick-general", "models": ["static"], "out_dir": "/d/o", "data_dir": "/d"}
    assert type(request_from_json({**base, "suite": "quick-general", "time_budget_s": 60})) is QuickMtebRequest
    assert type(request_from_json({**base, "probe": "alignment"})) is ProbeRequest
    assert type(request_from_json(base)) is EvalRequest


def test_an_unknown_kind_fails_with_a_message_naming_it(tmp_path):
    with pytest.raises(UnreadableRequestError, match="unknown kind 'rerank'"):
        request_from_json({"kind": "rerank", "corpus": "c", "models": [], "out_dir": "o", "data_dir": "d"})
    with pytest.raises(UnreadableRequestError, match="its quick_mteb request cannot be rebuilt"):
        request_from_json({"kind": "quick_mteb", "corpus": "c", "models": [], "out_dir": "o", "data_dir": "d",
                           "no_such_field": 1})

    class Other(EvalRequest):
        pass

    stalled = Stalled()
    a = EvaluationJobs(tmp_path, runner=stalled, isolate=False, workers=1, lease_s=30)
    b = None
    try:
        job_id, _ = a.new_job()
        with pytest.raises(ToolInputError, match="cannot queue a Other"):
            a.submit(job_id, Other(corpus=tmp_path, models=["bm25"], out_dir=a.out_dir(job_id), data_dir=tmp_path))
        a.submit(job_id, EvalRequest(corpus=tmp_path, models=["bm25"], out_dir=a.out_dir(job_id), data_dir=tmp_path))
        assert stalled.started.wait(30)
        saved = a.out_dir(job_id) / "request.json"  # a newer version's kind, left behind by a worker that died
        saved.write_text(json.dumps({**json.loads(saved.read_text()), "kind": "rerank"}))
        a._table.heartbeat = lambda *args: (True, False)
        _LIVE_WORKERS.discard(a.worker_id)
        b = EvaluationJobs(tmp_path, runner=Stalled(), isolate=False, workers=1, lease_s=30)
        job = _wait(b, job_id, timeout=30)
        assert job["status"] == "failed" and job["error"]["code"] == "unknown_kind", job
        assert "unknown kind 'rerank'" in job["error"]["message"]
        assert "documents, quick_mteb, probe" in job["error"]["message"]
    finally:
        stalled.release.set()
        a.close()
        if b is not None:
            b.close()
