"""Faulty LLM and embedding endpoints (hung, HTTP 500, garbage, wrong shape, cut mid-reply) cost one sentence.

The real clients (ChatOpenAI, openai) talk HTTP to a local stand-in; the consultation keeps every answer and carries
on once the endpoint is healthy again; an evaluation keeps the other candidates' results.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from stand_in import MODES, StandIn, function_call, text_reply

from agent.llm import make_llm
from agent.service import AdvisorService
from knowledge.errors import EncoderError
from knowledge.settings import Settings
from tools.encoders import models as encoders
from tools.encoders.models import load_openai
from tools.evaluation.retrieval_check import EvalRequest, Evaluation, run_retrieval_check

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
TIMEOUT_S, RETRIES = 0.5, 1
LEAKS = re.compile(r"Traceback|Error code|Exception|Error\b|\bline \d+|\{|openai\.|httpx|JSONDecode")
ANSWERS = {"We index legal contracts in English.": {"domain": "legal", "languages": ["en"]},
           "About 2000 tokens each.": {"doc_length_tokens": 2000},
           "200k documents.": {"corpus_docs": 200_000},
           "Just recommend.": {"recommend_now": True}}
CHAT_FAULT = {"hang": "did not answer in time", "http500": "answered with HTTP 500",
              "garbage": "sent a reply that could not be read (not a chat completion)",
              "wrong_shape": "sent a reply that could not be read (not a chat completion)",
              "drop": "dropped the connection mid-reply"}


def healthy_chat(body: dict) -> dict:
    """Extraction by the scripted answers; any other request (the explanation) gets a figure-free text."""
    if body.get("tools"):
        said = [m["content"] for m in body["messages"] if m["role"] == "user"][-1]
        return function_call("ProfileUpdate", **ANSWERS.get(said, {}))
    if body["messages"][0]["content"].startswith("Write the advisor's next message"):  # the phrased question
        return text_reply("Thanks.\n\nWhat else can you tell me about your documents?")
    return text_reply("The short list follows the recommendation's ranking.")


@pytest.fixture
def advisor(tmp_path):
    """A service whose ChatOpenAI talks to a stand-in (timeout 0.5 s, one client retry)."""
    with StandIn(healthy_chat, hang_s=2.0) as server:
        settings = Settings(data_dir=tmp_path, llm_base_url=server.url, llm_model="stand-in", llm_api_key="k")
        with AdvisorService(settings, llm=make_llm(settings, timeout=TIMEOUT_S, max_retries=RETRIES)) as service:
            yield service, server
    assert not any(body.get("stream") for _, body in server.requests)  # no streaming: no SSE stream to cut


@pytest.mark.parametrize("mode", MODES)
def test_a_chat_endpoint_fault_costs_one_sentence_and_nothing_else(advisor, mode):
    service, server = advisor
    first = service.start("We index legal contracts in English.")
    said = dict(first.profile)
    assert said["domain"] == "legal" and "language model" not in first.text

    server.mode = mode
    before, start = len(server.requests), time.monotonic()
    reply = service.send(first.consultation_id, "About 2000 tokens each.")
    elapsed, calls = time.monotonic() - start, len(server.requests) - before
    sentence, *rest = reply.text.split("\n\n")
    assert sentence == f"The language model {CHAT_FAULT[mode]}, so I read your message with the built-in parser."
    assert not LEAKS.search(reply.text), reply.text
    assert rest and reply.pending_question  # the interview goes on: the next question is asked
    assert reply.profile == {**said, "doc_length_tokens": 2000}  # the built-in parser read this answer
    # One step at most: 2 attempts x (1 try + 1 client retry), a timeout never attempted twice.
    assert calls <= (1 if mode == "hang" else 2) * (1 + RETRIES)
    assert elapsed < 6, f"{mode}: {elapsed:.1f} s"

    server.mode = "ok"
    healed = service.send(first.consultation_id, "200k documents.")
    assert "language model" not in healed.text
    state = service.state(first.consultation_id)
    assert state.profile == {**said, "doc_length_tokens": 2000, "corpus_docs": 200_000}
    assert [m.text for m in state.transcript if m.role == "user"] == [
        "We index legal contracts in English.", "About 2000 tokens each.", "200k documents."]
    assert not state.unfinished and state.pending_question


def test_an_outage_is_waited_out_once_per_turn(advisor):
    service, server = advisor
    first = service.start("We index legal contracts in English.")
    server.mode = "hang"
    before = len(server.requests)
    reply = service.send(first.consultation_id, "Just recommend.")
    assert len(server.requests) - before == 1 + RETRIES  # the explanation did not wait for the hung endpoint again
    assert reply.text.startswith("The language model did not answer in time, so I read your message with the "
                                 "built-in parser.")
    assert "The language model did not answer in time, so here is the built-in explanation." in reply.text
    assert reply.recommendation and "**Recommendation**" in reply.text and not LEAKS.search(reply.text)

    server.mode = "ok"
    again = service.send(first.consultation_id, "200k documents.")
    assert "language model" not in again.text and again.profile["corpus_docs"] == 200_000


@pytest.mark.parametrize(("mode", "fault"), [("http500", "answered with HTTP 500"),
                                             ("garbage", "sent a reply that could not be read (JSONDecodeError)")])
def test_llm_query_generation_falls_back_to_offline_queries(tmp_path, mode, fault):
    folder = tmp_path / "docs"
    folder.mkdir()
    rows = (REPO / "knowledge" / "benchmarks" / "ea-general-en" / "corpus.jsonl").read_text().splitlines()[:12]
    for row in map(json.loads, rows):
        (folder / f"{row['_id']}.txt").write_text(row["text"])
    with StandIn() as server:
        server.mode = mode
        settings = Settings(data_dir=tmp_path, llm_base_url=server.url, llm_model="stand-in", llm_api_key="k")
        run = Evaluation(EvalRequest(corpus=folder, models=["bm25"], out_dir=tmp_path / "out", data_dir=tmp_path,
                                     n_generated=10, llm=make_llm(settings, timeout=TIMEOUT_S, max_retries=RETRIES)))
    assert run.query_info["method"].startswith("offline: ") and run.query_info["method"].endswith(
        f"(the chat model {fault} while writing queries; offline queries used instead)")
    assert run.query_info["n"] >= 8 and len(server.requests) <= 1 + RETRIES  # gave up at the first document
    run.cache.close()


# --- the embeddings endpoint -----------------------------------------------------------------------------------

EMBED_FAULT = {"hang": "did not answer within 0.5 s (2 tries)",
               "http500": "answered HTTP 500 (2 tries): upstream model crashed",
               "garbage": "sent a reply that is not JSON",
               "wrong_shape": "sent a reply that is not an embeddings response (No embedding data received)",
               "drop": "dropped the connection mid-reply (2 tries)"}


@pytest.mark.parametrize("mode", [*MODES, "late-http500", "late-garbage"])
def test_an_embedding_endpoint_fault_is_one_clear_error(mode):
    with StandIn(hang_s=2.0) as server:
        start = time.monotonic()
        with pytest.raises(EncoderError) as err:
            encoder = load_openai(f"fault-{mode}", server.url, "k", max_retries=RETRIES, timeout_s=TIMEOUT_S)
            encoder.encode(["one text", "two texts"])  # the "late" faults: the probe worked, this fails
        elapsed = time.monotonic() - start
    fault = EMBED_FAULT[mode.removeprefix("late-")]
    assert str(err.value) == f"embedding endpoint {server.url} failed for fault-{mode}: {fault}"
    # Bounded: (1 + retries) x timeout, plus the client's capped backoff.
    assert elapsed < (1 + RETRIES) * TIMEOUT_S + 2.5, f"{mode}: {elapsed:.1f} s"


def test_an_evaluation_keeps_the_healthy_candidates_when_the_endpoint_fails(tmp_path, monkeypatch):
    monkeypatch.setattr(encoders, "OPENAI_TIMEOUT_S", TIMEOUT_S)
    monkeypatch.setattr(encoders, "OPENAI_MAX_RETRIES", RETRIES)
    faulty = ["openai:fault-hang", "openai:fault-http500", "openai:fault-garbage", "openai:fault-late-drop"]
    with StandIn(hang_s=2.0) as server:
        start = time.monotonic()
        results = run_retrieval_check(EvalRequest(corpus=REPO / "knowledge" / "benchmarks" / "ea-general-en",
                                       models=["bm25", *faulty, "openai:stand-in-embed"],
                                       out_dir=tmp_path / "out", data_dir=tmp_path / "data",
                                       openai_base_url=server.url, openai_api_key="k"))
        elapsed = time.monotonic() - start
    models = results["models"]
    assert {s for s, f in models.items() if f["status"] == "ok"} == {"bm25", "openai:stand-in-embed"}
    for spec in faulty:
        # Stored results name the endpoint without its address (issue 20: upstream texts are scrubbed of URLs).
        assert models[spec]["error"].startswith(f"EncoderError: embedding endpoint <url> failed for "
                                                f"{spec.split(':', 1)[1]}: "), models[spec]
        assert server.url not in models[spec]["error"]
    assert "dropped the connection mid-reply" in models["openai:fault-late-drop"]["error"]
    on_disk = json.loads((tmp_path / "out" / "results.json").read_text())
    assert on_disk["models"]["bm25"]["metrics"] == models["bm25"]["metrics"]
    assert on_disk["models"]["openai:fault-http500"] == models["openai:fault-http500"]
    report = (tmp_path / "out" / "report.md").read_text()
    assert "upstream model crashed" in report and len(results["comparisons"]) == 1
    assert elapsed < 45, f"{elapsed:.1f} s"
