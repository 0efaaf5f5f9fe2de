"""Replies streamed in LLM mode: the service's ``on_partial`` sees the text grow token by token and end as the reply."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from langchain_core.messages import AIMessage
from llm_standin import ScriptedChatModel, ScriptedServer, completion, function_call, phrase

from agent.llm import make_llm
from agent.partials import TurnText
from agent.service import AdvisorService
from knowledge.settings import Settings
from tools.estimate.cost import estimate_cost

COST_ARGS = {"model": "text-embedding-3-large", "corpus_docs": 200_000, "doc_length_tokens": 500,
             "queries_per_month": 100_000}


def extraction(**fields) -> AIMessage:
    return AIMessage("", tool_calls=[{"name": "ProfileUpdate", "args": fields, "id": f"x{time.monotonic_ns()}"}])


def tool_call(name: str, **args) -> AIMessage:
    return AIMessage("", tool_calls=[{"name": name, "args": args, "id": f"c{time.monotonic_ns()}"}])


def cost_answer(messages: list[Any]) -> AIMessage:
    est = json.loads(messages[-1].content)["estimate"]
    return AIMessage(f"For 200k documents text-embedding-3-large costs about ${est['monthly_usd']:.2f} a month to "
                     f"query, plus ${est['one_time_usd']:.2f} once to index; prices are the provider's list prices.")


def script() -> list[Any]:
    return [extraction(question="What would text-embedding-3-large cost?"), tool_call("estimate_cost", **COST_ARGS),
            cost_answer, phrase("Now, about your documents: what are they about?", "domain"),
            extraction(domain="legal", recommend_now=True),
            lambda messages: AIMessage("Go with the first model of the short list: it fits every constraint you "
                                       "gave, and the others follow in rank order."),
            phrase("Legal documents, noted. Would you like to change anything?", None)]


def run(tmp_path, name: str, stream: bool) -> tuple[list[str], list[list[str]]]:
    llm = ScriptedChatModel(script=script())
    partials: list[list[str]] = []
    with AdvisorService(Settings(data_dir=tmp_path / name), llm=llm) as service:
        seen: list[str] = []
        reply = service.start("What would text-embedding-3-large cost?", on_partial=seen.append if stream else None)
        partials.append(seen)
        seen = []
        second = service.send(reply.consultation_id, "legal, just recommend",
                              on_partial=seen.append if stream else None)
        partials.append(seen)
    assert not llm.script and (llm.streamed_calls > 0) == stream
    return [reply.text, second.text], partials


def test_streamed_replies_grow_token_by_token_and_end_as_the_unstreamed_text(tmp_path):
    plain, none = run(tmp_path, "plain", stream=False)
    streamed, partials = run(tmp_path, "streamed", stream=True)
    assert none == [[], []]
    assert streamed == plain
    for text, seen in zip(streamed, partials, strict=True):
        assert len(seen) >= 10  # the answer's words arrive one by one, before the whole reply
        assert seen[-1] == text
        assert len(set(seen)) == len(seen)  # each call shows something new
    assert partials[0][:3] == ["For", "For ", "For 200k"]  # the first word is shown alone: nothing waits
    truth = estimate_cost(**COST_ARGS)["estimate"]
    assert f"${truth['monthly_usd']:.2f} a month" in streamed[0]
    assert streamed[0].endswith("what are they about?")  # the phrased question streams too
    assert any(s.endswith("Now, about") for s in partials[0])
    # the extraction's tool-call JSON is never shown
    assert not any("ProfileUpdate" in s or '"domain"' in s for seen in partials for s in seen)


def test_turn_text_shows_the_step_message_once_finished():
    turn = TurnText()
    meta = {"langgraph_node": "agent"}
    from langchain_core.messages import AIMessageChunk, HumanMessage

    assert not turn.token(AIMessageChunk(content='{"domain"'), {"langgraph_node": "understand"})
    assert turn.token(AIMessageChunk(content="Let me"), meta) and turn.text == "Let me"
    assert turn.update("agent", {"scratch": []}) and turn.text == ""  # a tool round's preamble is dropped
    turn.token(AIMessageChunk(content="It costs $1."), meta)
    turn.update("agent", {"messages": [AIMessage("Note first.\n\nIt costs $1.")]})
    assert turn.text == "Note first.\n\nIt costs $1."
    turn.update("ask", {"messages": [AIMessage("Which languages?")]})
    assert turn.text == "Note first.\n\nIt costs $1.\n\nWhich languages?"
    turn.update("wait", {"messages": [HumanMessage("English")]})
    assert turn.text == ""


@pytest.mark.slow
def test_real_chat_openai_streams_server_sent_events(tmp_path):
    def answer(body):
        tool = next(m for m in reversed(body["messages"]) if m["role"] == "tool")
        est = json.loads(tool["content"])["estimate"]
        return completion({"content": f"Roughly ${est['monthly_usd']:.2f} a month to query, and "
                                      f"${est['one_time_usd']:.2f} once to index all of it."})

    server_script = [function_call("ProfileUpdate", json.dumps({"question": "cost of text-embedding-3-large?"})),
                     function_call("estimate_cost", json.dumps(COST_ARGS)), answer,
                     completion({"content": "Now: what are your documents about?"})]
    texts, partials = [], []
    for stream in (False, True):
        with ScriptedServer(list(server_script)) as server:
            settings = Settings(data_dir=tmp_path / str(stream), llm_base_url=server.url, llm_model="scripted",
                                llm_api_key="k")
            with AdvisorService(settings, llm=make_llm(settings, timeout=10, max_retries=0)) as service:
                seen: list[str] = []
                texts.append(service.start("What would text-embedding-3-large cost?",
                                           on_partial=seen.append if stream else None).text)
                partials.append(seen)
            assert [bool(r.get("stream")) for r in server.requests] == [stream] * 4
    assert texts[0] == texts[1] and partials[1][-1] == texts[1]
    assert len([p for p in partials[1] if p.startswith("Roughly")]) >= 10
