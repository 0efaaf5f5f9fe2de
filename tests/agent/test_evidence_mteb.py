"""Quick MTEB asked from the offline chat: a plan with its estimate (or why a model cannot load here), then a job of
the evaluation worker on "go ahead", its status and results stored in the consultation."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from agent.evaluation_jobs import EvaluationJobs
from agent.evidence import ConsultationEvidence
from agent.evidence_runs import (
    ProbeRequest,
    QuickMtebRequest,
    as_check_results,
    run_quick_mteb_job,
    suite_plan,
    summarise_evidence,
)
from agent.evidence_tools import evidence_tools
from agent.service import AdvisorService
from knowledge.settings import Settings
from tools.langchain_tools import langchain_tools

NAMES = {"minilm": "sentence-transformers/all-MiniLM-L6-v2", "static": "embedding-advisor/minilm-static-256"}
THREADS: list[str] = []


def scripted_mteb(request: QuickMtebRequest | ProbeRequest, progress: Any) -> dict[str, Any]:
    """Quick MTEB's output (or a probe's) for the request's models (fixed scores, nothing loaded)."""
    THREADS.append(threading.current_thread().name)
    if isinstance(request, ProbeRequest):
        return {"run": {"probe": request.probe}, "probe": request.probe, "readings": [f"{m}: steady" for m in
                                                                                       request.models],
                "models": {m: {"status": "ok", "model": NAMES[m], "reading": f"{m}: steady"} for m in request.models}}
    progress("quick MTEB: running", 0.5)
    tasks = suite_plan(request.suite, list(request.models))["tasks"]
    score = {"minilm": 0.6, "static": 0.4}
    out = {"plan": {"status": "ok", "tasks": tasks, "models": [{"model": NAMES[m]} for m in request.models]},
           "results": [{"model": NAMES[m], "task": t, "ndcg_at_10": score[m] + i / 100, "recall_at_10": score[m]}
                       for m in request.models for i, t in enumerate(tasks)], "transfer": None}
    return as_check_results(out, request)


@pytest.fixture
def service(tmp_path, monkeypatch):
    for var in ("ADVISOR_LLM_BASE_URL", "ADVISOR_LLM_API_KEY", "OPENAI_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    mteb_jobs = EvaluationJobs(tmp_path / "quick-mteb", runner=scripted_mteb, isolate=False, workers=1,
                               summarise=summarise_evidence)
    evidence = ConsultationEvidence(tmp_path, mteb_jobs=mteb_jobs)
    svc = AdvisorService(Settings(data_dir=tmp_path), tools=langchain_tools() + evidence_tools(evidence),
                         evidence=evidence)
    yield svc
    svc.close()
    mteb_jobs.close()


def _wait(service: AdvisorService, cid: str) -> dict[str, Any]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        check = service.evidence.checks(cid)[-1]
        if check["status"] in ("done", "failed"):
            return check
        time.sleep(0.05)
    raise AssertionError("the quick MTEB job did not finish")


def test_a_model_that_cannot_load_offline_is_said_and_the_bundled_models_run_as_a_job(service):
    cid = service.start("English support articles, 5k documents, CPU only").consultation_id
    plan = service.send(cid, "how does bge-m3 do on Japanese?")
    assert "benchmark_models" in [e.name for e in plan.tool_events]
    assert "bge-m3 cannot load here offline ('bge-m3' is not on disk here, and models are not downloaded" in plan.text
    assert "The bundled models stand in. Plan for a quick MTEB run: suite quick-multilingual" in plan.text
    assert "no Japanese task is bundled" in plan.text and "candidates minilm, static" in plan.text
    assert "Shall I go ahead?" in plan.text
    assert service.evidence.checks(cid) == []  # nothing runs before the go-ahead

    go = service.send(cid, "yes")
    assert "Started the quick MTEB run" in go.text
    check = _wait(service, cid)
    assert check["kind"] == "quick_mteb" and check["status"] == "done" and check["models"] == ["minilm", "static"]
    assert THREADS[-1].startswith("evaluation") and THREADS[-1] != threading.main_thread().name  # the worker's

    status = service.send(cid, "how is the check going?")
    assert "The quick MTEB run (quick-multilingual) is done: nDCG@10 minilm 0.610 (ea-crosslingual 0.600, " \
           "ea-general-zh 0.610, ea-general-en 0.620), static 0.410" in status.text
    assert service.state(cid).checks[-1]["summary"]["models"]["minilm"]["ndcg_at_10"]["mean"] == 0.61
    assert service.state(cid).document_check["mteb_plan"] is None


def test_a_bundled_model_gets_the_language_suite_and_no_stand_in(service):
    cid = service.start("English support articles, 5k documents, CPU only").consultation_id
    plan = service.send(cid, "how does minilm do on Chinese?")
    assert "Plan for a quick MTEB run: suite quick-zh (tasks ea-general-zh, ea-crosslingual), candidates minilm," \
           in plan.text
    assert "cannot load" not in plan.text and "stand in" not in plan.text
    later = service.send(cid, "what about the cost?")  # not a go-ahead: nothing starts
    assert "Started" not in later.text and service.evidence.checks(cid) == []


def test_a_probe_asked_in_the_chat_runs_as_a_job_and_its_readings_are_kept(service):
    cid = service.start("English support articles, 5k documents, CPU only").consultation_id
    started = service.send(cid, "run the robustness probe")
    assert [e.name for e in started.tool_events] == ["run_probe"]
    assert "Started the robustness probe of minilm, static" in started.text
    check = _wait(service, cid)
    assert check["kind"] == "probe" and check["status"] == "done" and THREADS[-1] != threading.main_thread().name
    status = service.send(cid, "how is the check going?")
    assert "The robustness probe is done: minilm: steady static: steady" in status.text


@pytest.mark.slow
def test_the_real_runner_measures_minilm_on_a_bundled_suite(tmp_path):
    request = QuickMtebRequest(corpus=tmp_path, models=["minilm"], out_dir=tmp_path / "out", data_dir=tmp_path,
                               suite="quick-general")
    stages: list[tuple[str, float]] = []
    results = run_quick_mteb_job(request, lambda stage, fraction: stages.append((stage, fraction)))
    figures = results["models"]["minilm"]
    assert figures["status"] == "ok" and 0.3 < figures["metrics"]["ndcg_at_10"]["mean"] <= 1.0
    assert set(figures["metrics"]["ndcg_at_10"]["per_task"]) == {"ea-general-en"}
    assert stages[0][1] == 0.05 and stages[-1] == ("scoring", 0.95)
    assert (Path(request.out_dir) / "results.json").exists() and (Path(request.out_dir) / "quick_mteb.json").exists()


@pytest.mark.slow
def test_the_real_probe_runner_keeps_each_models_reading(tmp_path):
    from agent.evidence_runs import run_evidence_job

    request = ProbeRequest(corpus=Path("consistency-probe"), models=["minilm"], out_dir=tmp_path / "out",
                           data_dir=tmp_path, probe="consistency")
    results = run_evidence_job(request, lambda stage, fraction: None)
    summary = summarise_evidence(results)
    assert summary["probe"] == "consistency" and summary["models"]["minilm"]["status"] == "ok"
    assert summary["readings"][0].startswith("sentence-transformers/all-MiniLM-L6-v2")
    assert (tmp_path / "out" / "probe.json").exists()
