"""The consultation's document check end to end with a scripted runner: plan, go-ahead, job, measured re-ranking."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from agent.evaluation_jobs import EvaluationJobs
from agent.evidence import ConsultationEvidence
from agent.evidence_tools import evidence_tools
from agent.service import AdvisorService
from knowledge.settings import Settings
from tools.langchain_tools import langchain_tools

REPO = Path(__file__).resolve().parents[2]
GENERAL = REPO / "knowledge" / "benchmarks" / "ea-general-en" / "corpus.jsonl"
SCORES = {"minilm": ("sentence-transformers/all-MiniLM-L6-v2", "dense", 0.81),
          "static": ("embedding-advisor/minilm-static-256", "dense", 0.58),
          "bm25": ("bm25", "bm25", 0.70), "hybrid": ("hybrid", "hybrid", 0.84)}


def scripted_check(request: Any, progress: Any) -> dict[str, Any]:
    """A retrieval check's results for the requested candidates, without loading a model (fixed scores)."""
    for stage, fraction in (("reading documents", 0.1), ("embedding minilm", 0.5), ("scoring", 0.9)):
        progress(stage, fraction)
    models = {}
    for spec in request.models:
        model, kind, mean = SCORES[spec]
        metrics = {"ndcg_at_10": {"mean": mean, "ci95": [mean - 0.04, mean + 0.04]},
                   "recall_at_10": {"mean": mean}, "mrr_at_10": {"mean": mean}}
        models[spec] = {"status": "ok", "model": model, "kind": kind, "metrics": metrics, "latency": {"p95_ms": 3.0},
                        "n_chunks": 22}
    comparisons = [{"a": "minilm", "b": "static", "significant": True, "mean_difference": 0.23,
                    "sentence": "minilm beats static"}]
    results = {"run": {"n_docs": 22, "n_queries": 30}, "queries": {"source": "generated"}, "models": models,
               "comparisons": comparisons,
               "transfer": {"benchmark": "MTEB(eng, v2)", "n": 1, "kendall": None, "reading": "Only 1 candidate(s) "
                            "have published scores on MTEB(eng, v2): too few.", "rows": []}}
    request.out_dir.mkdir(parents=True, exist_ok=True)
    (request.out_dir / "results.json").write_text(json.dumps(results), encoding="utf-8")
    return results


@pytest.fixture
def service(tmp_path, monkeypatch):
    for var in ("ADVISOR_LLM_BASE_URL", "ADVISOR_LLM_API_KEY", "OPENAI_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    jobs = EvaluationJobs(tmp_path, runner=scripted_check, isolate=False, workers=1)
    evidence = ConsultationEvidence(tmp_path, jobs=jobs)
    svc = AdvisorService(Settings(data_dir=tmp_path), tools=langchain_tools() + evidence_tools(evidence),
                         evidence=evidence)
    yield svc
    svc.close()
    jobs.close()


def _documents(folder: Path, n: int) -> Path:
    folder.mkdir()
    for row in map(json.loads, GENERAL.read_text().splitlines()[:n]):
        (folder / f"{row['_id']}.txt").write_text(f"{row['title']}\n\n{row['text']}", encoding="utf-8")
    return folder


def _wait_done(service: AdvisorService, cid: str) -> dict[str, Any]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        (check,) = service.evidence.checks(cid)
        if check["status"] in ("done", "failed"):
            return check
        time.sleep(0.05)
    raise AssertionError("the scripted check did not finish")


def _started(service: AdvisorService, tmp_path: Path) -> str:
    cid = service.start("English support articles, 5k documents, CPU only").consultation_id
    service.send(cid, "just recommend")
    assert service.apply_check(cid) is None  # no check yet
    service.evidence.attach_path(cid, _documents(tmp_path / "docs", 22))
    plan = service.send(cid, "test the short list on my documents")
    assert "Shall I go ahead?" in plan.text and "22 documents" in plan.text
    go = service.send(cid, "yes")
    assert "Started the document check" in go.text
    return cid


def test_a_finished_check_re_ranks_the_short_list_once(service, tmp_path):
    cid = _started(service, tmp_path)
    assert _wait_done(service, cid)["status"] == "done"
    reply = service.apply_check(cid)
    assert reply is not None
    measured = reply.recommendation["measured"]
    assert [c["candidate"] for c in measured["candidates"]] == ["hybrid", "minilm", "bm25", "static"]
    assert measured["candidates"][1]["ndcg_at_10"] == 0.81 and measured["candidates"][1]["ci95"] == [0.77, 0.85]
    assert "The check on your documents is done" in reply.text and "Measured on your 22 documents" in reply.text
    assert "hybrid 0.840 (95% CI 0.800-0.880)" in reply.text and "Leaderboard transfer" in reply.text
    assert service.apply_check(cid) is None  # applied once
    state = service.state(cid)
    assert state.document_check["applied"] == state.checks[0]["job_id"]
    assert state.recommendation["measured"]["job_id"] == state.checks[0]["job_id"]


def test_the_next_message_after_the_check_carries_the_measurements(service, tmp_path):
    cid = _started(service, tmp_path)
    _wait_done(service, cid)
    reply = service.send(cid, "what does the top pick cost per month?")
    assert reply.recommendation["measured"]["candidates"]
    assert "Measured on your 22 documents" in reply.text


@pytest.mark.slow  # loads MiniLM's tokenizer
def test_the_tokenization_check_reads_the_attached_documents(service, tmp_path):
    cid = service.start("English support articles, 5k documents, CPU only").consultation_id
    none = service.send(cid, "check the tokenization on my documents")
    assert "no documents are attached to this consultation yet" in none.text
    service.evidence.attach_path(cid, _documents(tmp_path / "docs", 22))
    reply = service.send(cid, "check the tokenization on my documents")
    assert [e.name for e in reply.tool_events] == ["check_tokenization"]
    assert "Tokenization on your 22 documents:" in reply.text and "tokens en" in reply.text
    assert service.evidence.checks(cid) == []  # a tokenization check is not a document check
    assert str(tmp_path) not in reply.text  # no server path
