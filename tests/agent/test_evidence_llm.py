"""LLM mode: the model calls the evidence tools (check on the attached documents, its status, quick MTEB, tokenization)
through the real ChatOpenAI against a local OpenAI-compatible stand-in server; the results are stored in the
consultation and the finished check re-ranks the short list. The check runs in the job worker, scripted (fast)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from llm_standin import ScriptedServer, completion, function_call
from test_evidence_flow import _documents, _wait_done, scripted_check
from test_graph_llm import http_llm

from agent.evaluation_jobs import EvaluationJobs
from agent.evidence import ConsultationEvidence
from agent.evidence_tools import evidence_tools
from agent.service import AdvisorService
from knowledge.settings import Settings
from tools.langchain_tools import langchain_tools

pytestmark = pytest.mark.slow  # a local HTTP server and a model load for the quick-MTEB estimate


def _tool_result(body: dict[str, Any]) -> dict[str, Any]:
    return json.loads(next(m for m in reversed(body["messages"]) if m["role"] == "tool")["content"])


def _phrase(body: dict[str, Any]) -> dict[str, Any]:
    """The model phrasing the interview's next step (the ask step of every turn) in the step's own words."""
    step = json.loads(next(m["content"] for m in reversed(body["messages"]) if m.get("tool_call_id") == "step"))
    return completion({"content": "\n\n".join([*step["acknowledge"], step["ask"]["meaning"]])})


def _echo_message(body: dict[str, Any]) -> dict[str, Any]:
    """The model's answer after a tool: the tool's own message (so every figure is grounded)."""
    return completion({"content": _tool_result(body)["message"]})


def test_the_model_plans_starts_and_follows_the_check_and_its_results_re_rank(tmp_path: Path) -> None:
    profile = {"domain": "support", "languages": ["en"], "corpus_docs": 5000, "recommend_now": True}
    seen: dict[str, Any] = {}

    def mteb_answer(body: dict[str, Any]) -> dict[str, Any]:
        seen["quick_mteb"] = _tool_result(body)
        return completion({"content": "That is the plan for the quick benchmark."})

    script = [
        function_call("ProfileUpdate", json.dumps(profile)),
        completion({"content": "Here is the short list for your support articles."}),
        _phrase,
        # "How would those models fare with what I uploaded?": the model asks the check tool for a plan
        function_call("ProfileUpdate", json.dumps({"question": "How would those models fare with what I uploaded?"})),
        function_call("check_documents", "{}"),
        _echo_message,
        _phrase,
        # "Sounds good, please proceed.": the model starts it
        function_call("ProfileUpdate", json.dumps({"question": "Proceed with the document check."})),
        function_call("check_documents", json.dumps({"go_ahead": True})),
        _echo_message,
        _phrase,
        # after the check: the model reads its status; the finished check re-ranks the short list
        function_call("ProfileUpdate", json.dumps({"question": "Is the measurement finished?"})),
        function_call("check_status", "{}"),
        _echo_message,
        completion({"content": "The short list now follows the measurements on your documents."}),
        _phrase,
        # quick MTEB, planned by the model
        function_call("ProfileUpdate", json.dumps({"question": "What would a quick Japanese benchmark of minilm "
                                                               "take?"})),
        function_call("quick_mteb", json.dumps({"models": ["minilm"], "suite": "quick-multilingual",
                                                "estimate_only": True})),
        mteb_answer,
        _phrase,
        # the tokenization check on the attached documents
        function_call("ProfileUpdate", json.dumps({"question": "Does the vocabulary of minilm suit what I uploaded?"})),
        function_call("check_tokenization", json.dumps({"models": ["minilm"]})),
        _echo_message,
        _phrase,
    ]
    jobs = EvaluationJobs(tmp_path, runner=scripted_check, isolate=False, workers=1)
    evidence = ConsultationEvidence(tmp_path, jobs=jobs)
    settings = Settings(data_dir=tmp_path)
    tools = langchain_tools(tmp_path, [settings.layout.consultation_documents]) + evidence_tools(evidence)
    with ScriptedServer(script) as server:
        service = AdvisorService(settings, llm=http_llm(server.url), tools=tools, evidence=evidence)
        try:
            cid = service.start("English support articles, 5k documents, just recommend").consultation_id
            service.evidence.attach_path(cid, _documents(tmp_path / "docs", 22))

            plan = service.send(cid, "How would those models fare with what I uploaded?")
            assert [e.name for e in plan.tool_events] == ["check_documents"]
            assert "Plan for the document check: 22 documents" in plan.text and "Shall I go ahead?" in plan.text
            assert service.state(cid).document_check["awaiting_go"] is True
            assert service.evidence.checks(cid) == []  # nothing runs before the go-ahead

            go = service.send(cid, "Sounds good, please proceed.")
            assert [e.name for e in go.tool_events] == ["check_documents"] and "Started the document check" in go.text
            check = service.state(cid).document_check
            assert check["job_id"] and not check["awaiting_go"]
            assert _wait_done(service, cid)["job_id"] == check["job_id"]

            done = service.send(cid, "Is the measurement finished?")
            assert "check_status" in [e.name for e in done.tool_events]
            assert "The document check is done: nDCG@10 minilm 0.810" in done.text
            measured = done.recommendation["measured"]
            assert [c["candidate"] for c in measured["candidates"]] == ["hybrid", "minilm", "bm25", "static"]
            assert "Measured on your 22 documents" in done.text
            assert service.apply_check(cid) is None  # already carried by the recommendation

            mteb = service.send(cid, "What would a quick Japanese benchmark of minilm take?")
            assert "quick_mteb" in [e.name for e in mteb.tool_events]
            plan_mteb = seen["quick_mteb"]["plan"]
            assert plan_mteb["status"] == "ok" and "ea-crosslingual" in plan_mteb["tasks"]
            assert plan_mteb["models"][0]["model"] == "sentence-transformers/all-MiniLM-L6-v2"
            assert seen["quick_mteb"]["results"] == []  # estimate only: nothing ran
            tokens = service.send(cid, "Does the vocabulary of minilm suit what I uploaded?")
            assert [e.name for e in tokens.tool_events] == ["check_tokenization"]
            assert "Tokenization on your 22 documents: sentence-transformers/all-MiniLM-L6-v2" in tokens.text
            stored = {e.name for e in service.state(cid).evidence}
            assert {"check_documents", "check_status", "quick_mteb", "check_tokenization", "recommend"} <= stored
            assert not server.script
        finally:
            service.close()
            jobs.close()
