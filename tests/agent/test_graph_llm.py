"""The LLM path: a scripted chat model (tool calls included), then the real ChatOpenAI over HTTP to a local server."""

from __future__ import annotations

import json
import time

import httpx2
import openai
import pytest
from langchain_core.messages import AIMessage, SystemMessage, ToolMessage
from llm_standin import ScriptedChatModel, ScriptedServer, completion, function_call, interview_step, phrase

from agent import llm_nodes, prompts
from agent.interviewer import QUESTIONS
from agent.llm import llm_mode, make_llm
from knowledge.errors import SettingsError
from knowledge.settings import Settings
from tools.estimate.cost import estimate_cost


def extraction(**fields) -> AIMessage:
    return AIMessage("", tool_calls=[{"name": "ProfileUpdate", "args": fields, "id": f"x{time.monotonic_ns()}"}])


def tool_call(name: str, **args) -> AIMessage:
    return AIMessage("", tool_calls=[{"name": name, "args": args, "id": f"c{time.monotonic_ns()}"}])


def malformed(name: str) -> AIMessage:
    return AIMessage("", invalid_tool_calls=[{"name": name, "args": '{"model": "text-emb', "id": "bad",
                                              "error": "not valid JSON", "type": "invalid_tool_call"}])


def last_tool_result(messages) -> dict:
    return json.loads(next(m for m in reversed(messages) if isinstance(m, ToolMessage)).content)


def connection_error() -> openai.APIConnectionError:
    return openai.APIConnectionError(request=httpx2.Request("POST", "http://127.0.0.1:9/v1/chat/completions"))


COST_ARGS = {"model": "text-embedding-3-large", "corpus_docs": 200_000, "doc_length_tokens": 500,
             "queries_per_month": 100_000}
ACK = "Thanks: Chinese legal contracts, 200,000 of them."
LENGTH_Q = "How long is a typical contract, in pages or tokens?"
LANG_Q = "Which languages are the documents in?"
FOLLOW_UP = "With 6,000-token contracts noted: would you like to change anything, or ask about a model?"


def test_a_consultation_with_tool_calls(make_chat):
    def cost_answer(messages):
        est = last_tool_result(messages)["estimate"]
        return AIMessage(f"About ${est['monthly_usd']:.2f} a month, plus ${est['one_time_usd']:.2f} once.")

    def explanation(messages):
        rec = last_tool_result(messages)["recommendations"][0]
        return AIMessage(f"Go with {rec['model']} (score {rec['score']}).")

    llm = ScriptedChatModel(script=[
        extraction(domain="legal", languages=["zh"], corpus_docs=200_000),
        phrase(f"{ACK}\n\n{LENGTH_Q}", "doc_length_tokens"),
        extraction(question="How much would text-embedding-3-large cost us?"),
        tool_call("estimate_cost", **COST_ARGS),
        cost_answer,
        phrase(f"Back to your contracts.\n\n{LENGTH_Q}", "doc_length_tokens"),
        extraction(doc_length_tokens=6000, recommend_now=True),
        explanation,
        phrase(FOLLOW_UP, None),
    ])
    chat = make_chat(llm)
    reply = chat.start("We index Chinese legal contracts, 200k of them")
    values = chat.values
    assert values["profile"] == {"domain": "legal", "languages": ["zh"], "corpus_docs": 200_000}
    assert set(values["provenance"].values()) == {"said"}
    # the LLM phrased the acknowledgement and the question from the interview's own step (no templated text)
    assert reply == f"{ACK}\n\n{LENGTH_Q}" and values["pending_question"] == LENGTH_Q
    step = interview_step(llm.calls[1])
    assert step["ask"] == {"field": "doc_length_tokens", "meaning": QUESTIONS["doc_length_tokens"][0]}
    assert step["acknowledge"][0].startswith("Noted:") and "200,000" in step["acknowledge"][0]
    assert llm.calls[1][0].content == prompts.phrase_instructions("en", True)
    # instructions are ours alone; the user's words arrive as a human message
    system = llm.calls[0][0]
    assert isinstance(system, SystemMessage) and "Chinese legal" not in system.content

    reply = chat.say("How much would text-embedding-3-large cost us?")
    truth = estimate_cost(**COST_ARGS)["estimate"]
    assert f"About ${truth['monthly_usd']:.2f} a month, plus ${truth['one_time_usd']:.2f} once." in reply
    assert reply.endswith(LENGTH_Q)  # the interview goes on
    event = chat.values["evidence"][-1]
    assert event["tool"] == "estimate_cost" and event["status"] == "ok" and event["duration_ms"] > 0
    assert event["args"] == COST_ARGS
    assert isinstance(llm.calls[4][0], SystemMessage) and llm.calls[4][0].content == prompts.SYSTEM_PROMPT
    assert any(isinstance(m, ToolMessage) and m.name == "estimate_cost" for m in llm.calls[4])
    assert not chat.values["scratch"]  # the tool loop is cleared after the answer

    reply = chat.say("6000 tokens, and just recommend")
    rec = chat.values["recommendation"]["recommendations"][0]
    assert f"Go with {rec['model']} (score {rec['score']})." in reply and reply.endswith(FOLLOW_UP)
    assert isinstance(llm.calls[7][-1], ToolMessage) and llm.calls[7][-1].name == "recommend"  # quoted as data
    assert "Noted:" not in reply and interview_step(llm.calls[8])["acknowledge"][0].startswith("Noted:")
    assert not llm.script


def test_network_errors_fall_back_to_the_builtin_parser_and_the_consultation_continues(make_chat):
    llm = ScriptedChatModel(script=[connection_error(), connection_error(), extraction(doc_length_tokens=800),
                                    phrase(f"800 tokens, noted.\n\n{LANG_Q}", "corpus_docs")])
    chat = make_chat(llm)
    reply = chat.start("Legal contracts in English")
    assert reply.startswith("The language model could not be reached, so I read your message with the built-in "
                            "parser.")
    assert "Traceback" not in reply
    assert chat.values["profile"]["domain"] == "legal"  # the rule-based understanding read it
    assert reply.endswith(QUESTIONS["doc_length_tokens"][0])  # the endpoint is down this turn: the template
    reply = chat.say("800 tokens")
    assert chat.values["profile"]["doc_length_tokens"] == 800 and "could not be reached" not in reply
    assert reply == f"800 tokens, noted.\n\n{LANG_Q}" and not llm.script


def test_a_timeout_is_reported_in_one_sentence(make_chat):
    llm = ScriptedChatModel(script=[TimeoutError(), TimeoutError()])
    reply = make_chat(llm).start("Legal contracts in English")
    assert reply.split("\n\n")[0] == ("The language model did not answer in time, so I read your message with the "
                                      "built-in parser.")


def test_malformed_tool_calls_are_retried_then_reported(make_chat):
    llm = ScriptedChatModel(script=[
        extraction(domain="legal"), phrase(LANG_Q, "languages"),
        extraction(question="What would text-embedding-3-large cost?"),
        malformed("estimate_cost"), malformed("estimate_cost"), phrase(LANG_Q, "languages"),
        extraction(languages=["en"]), phrase(LENGTH_Q, "doc_length_tokens"),
    ])
    chat = make_chat(llm)
    chat.start("legal")
    reply = chat.say("What would text-embedding-3-large cost?")
    assert reply.startswith("The language model sent a malformed tool call (arguments that are not valid JSON), so I "
                            "could not look that up; ask again, or carry on.")
    assert reply.endswith(LANG_Q)
    chat.say("English")
    assert chat.values["profile"]["languages"] == ["en"] and chat.values["asked_field"] == "doc_length_tokens"


def test_a_malformed_tool_call_then_a_valid_one_is_answered(make_chat):
    llm = ScriptedChatModel(script=[
        extraction(question="cost?"), malformed("estimate_cost"), tool_call("estimate_cost", **COST_ARGS),
        AIMessage("Here is the estimate."), phrase(LENGTH_Q),
    ])
    reply = make_chat(llm).start("What would text-embedding-3-large cost for 200k documents?")
    assert "Here is the estimate." in reply and "malformed" not in reply


def test_a_tool_input_error_goes_back_to_the_model(make_chat):
    llm = ScriptedChatModel(script=[
        extraction(question="cost of bge-m4?"),
        tool_call("estimate_cost", **{**COST_ARGS, "model": "bge-m4"}),
        lambda messages: AIMessage("I don't know that model: " + next(
            m for m in reversed(messages) if isinstance(m, ToolMessage)).content),
        phrase(LENGTH_Q),
    ])
    chat = make_chat(llm)
    reply = chat.start("What would bge-m4 cost?")
    assert "Unknown model 'bge-m4'. Did you mean" in reply
    assert chat.values["evidence"][-1]["status"] == "error"


def test_an_answer_with_numbers_no_tool_gave_is_replaced_by_the_tool_results(make_chat):
    llm = ScriptedChatModel(script=[
        extraction(question="cost?"), tool_call("estimate_cost", **COST_ARGS), AIMessage("It costs $999.99 a month."),
        phrase(LENGTH_Q),
    ])
    reply = make_chat(llm).start("What would text-embedding-3-large cost?")
    truth = estimate_cost(**COST_ARGS)["estimate"]
    assert "999.99" not in reply and f"${truth['monthly_usd']:,.2f} a month" in reply


def test_tool_rounds_are_bounded(make_chat):
    loop = [tool_call("show_model", model="BAAI/bge-m3") for _ in range(llm_nodes.MAX_TOOL_ROUNDS)]
    llm = ScriptedChatModel(script=[extraction(question="tell me about bge-m3"), *loop, phrase(LENGTH_Q)])
    chat = make_chat(llm)
    reply = chat.start("tell me about bge-m3")
    assert reply.startswith("BAAI/bge-m3:") and not llm.script
    assert [e["tool"] for e in chat.values["evidence"]] == ["show_model"] * llm_nodes.MAX_TOOL_ROUNDS


def test_an_explanation_quoting_numbers_no_tool_gave_is_replaced_by_the_template(make_chat):
    llm = ScriptedChatModel(script=[extraction(domain="legal", recommend_now=True),
                                    AIMessage("Pick it: only $123.45 a month."), AIMessage("Still $123.45."),
                                    phrase("Legal it is. Would you like to change anything?", None)])
    reply = make_chat(llm).start("legal, just recommend")
    assert "123.45" not in reply and "**Recommendation**" in reply
    assert "The language model quoted figures that no tool gave, so here is the built-in explanation." in reply


def test_make_llm_and_mode():
    offline = Settings(data_dir=None)  # type: ignore[arg-type]
    assert make_llm(offline) is None and llm_mode(offline) == "offline"
    local = Settings(data_dir=None, llm_base_url="http://127.0.0.1:1/v1", llm_model="qwen3")  # type: ignore[arg-type]
    model = make_llm(local, timeout=3, max_retries=1)
    assert model.model_name == "qwen3" and model.max_retries == 1 and model.request_timeout == 3
    assert llm_mode(local) == "openai-compatible: qwen3"
    with pytest.raises(SettingsError, match="ADVISOR_LLM_MODEL"):
        make_llm(Settings(data_dir=None, llm_base_url="http://x/v1"))  # type: ignore[arg-type]


# --- the real ChatOpenAI against a local OpenAI-compatible server --------------------------------------------------

RATE_LIMITED = (429, {"Retry-After": "1", "retry-after-ms": "20"},
                {"error": {"message": "Rate limit reached", "type": "rate_limit_error", "code": "rate_limit_exceeded"}})


def http_llm(url: str, max_retries: int = 2, timeout: float = 10):
    return make_llm(Settings(data_dir=None, llm_base_url=url, llm_model="scripted", llm_api_key="test-key"),  # type: ignore[arg-type]
                    timeout=timeout, max_retries=max_retries)


@pytest.mark.slow
def test_real_chat_openai_over_http_with_a_429_and_a_malformed_tool_call(make_chat):
    def cost_answer(body):
        tool = next(m for m in reversed(body["messages"]) if m["role"] == "tool")
        est = json.loads(tool["content"])["estimate"]
        return completion({"content": f"Roughly ${est['monthly_usd']:.2f} a month."})

    phrased = completion({"content": f"{ACK}\n\n{LENGTH_Q}"})
    script = [
        RATE_LIMITED,  # the client waits as Retry-After says, then asks again
        function_call("ProfileUpdate", json.dumps({"domain": "legal", "languages": ["zh"], "corpus_docs": 200000})),
        phrased,
        function_call("ProfileUpdate", json.dumps({"question": "What would text-embedding-3-large cost?"})),
        function_call("estimate_cost", '{"model": "text-embedding-3-large", "corpus_docs": 2'),  # cut short
        function_call("estimate_cost", '{"model": "text-embedding-3-large", "corpus_docs": 2'),
        phrased,
        function_call("ProfileUpdate", json.dumps({"question": "What would text-embedding-3-large cost?"})),
        function_call("estimate_cost", json.dumps(COST_ARGS)),
        cost_answer,
        phrased,
        function_call("ProfileUpdate", json.dumps({"doc_length_tokens": 6000})),
        completion({"content": "6,000 tokens each, noted. Which languages, then?"}),
    ]
    with ScriptedServer(script) as server:
        chat = make_chat(http_llm(server.url))
        reply = chat.start("We index Chinese legal contracts, 200k of them")
        assert chat.values["profile"] == {"domain": "legal", "languages": ["zh"], "corpus_docs": 200_000}
        assert reply == f"{ACK}\n\n{LENGTH_Q}" and "language model" not in reply
        assert len(server.requests) == 3 and server.requests[0] == server.requests[1]

        reply = chat.say("What would text-embedding-3-large cost?")
        assert reply.startswith("The language model sent a malformed tool call (arguments that are not valid JSON)")
        assert reply.endswith(LENGTH_Q)

        reply = chat.say("What would text-embedding-3-large cost?")
        truth = estimate_cost(**COST_ARGS)["estimate"]
        assert f"Roughly ${truth['monthly_usd']:.2f} a month." in reply
        tool_turn = server.requests[9]["messages"]
        assert tool_turn[0] == {"role": "system", "content": prompts.SYSTEM_PROMPT}
        assert tool_turn[-1]["role"] == "tool" and json.loads(tool_turn[-1]["content"])["estimate"]
        assert {t["function"]["name"] for t in server.requests[8]["tools"]} >= {"estimate_cost", "recommend"}

        chat.say("6000 tokens")
        assert chat.values["profile"]["doc_length_tokens"] == 6000 and not server.script


@pytest.mark.slow
def test_real_chat_openai_rate_limited_throughout_keeps_the_consultation_usable(make_chat):
    with ScriptedServer([RATE_LIMITED] * 4) as server:
        chat = make_chat(http_llm(server.url, max_retries=1))
        reply = chat.start("Legal contracts in English")
        assert reply.startswith("The language model is rate-limited (HTTP 429), so I read your message with the "
                                "built-in parser.")
        assert len(server.requests) == 4  # 2 attempts x (1 try + 1 client retry)
        assert chat.values["profile"]["domain"] == "legal" and chat.values["pending_question"]


@pytest.mark.slow
def test_real_chat_openai_timeout_is_one_sentence(make_chat):
    def slow(body):
        time.sleep(1.0)
        return function_call("ProfileUpdate", "{}")

    with ScriptedServer([slow, slow]) as server:
        chat = make_chat(http_llm(server.url, max_retries=0, timeout=0.2))
        reply = chat.start("Legal contracts in English")
        assert reply.startswith("The language model did not answer in time, so I read your message with the built-in")
