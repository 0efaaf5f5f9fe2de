"""'Why not X?' and 'X vs Y' answered in a consultation: the offline tool step runs the why_not tool and says why."""

from __future__ import annotations

from agent.answers import answer_from_result
from agent.nodes import make_lookup
from tools.langchain_tools import langchain_tools
from tools.rank.why_not import why_not

PROFILE = {"domain": "legal", "languages": ["de"], "corpus_docs": 1_500_000, "doc_length_tokens": 3000,
           "hardware": {"accelerator": "none", "cpu_cores": 32, "ram_gb": 64}, "data_must_stay_on_prem": True}


def _state(requests: list[dict]) -> dict:
    return {"pending_tools": requests, "profile": PROFILE, "provenance": dict.fromkeys(PROFILE, "said"),
            "turn": 2, "messages": []}


def test_why_not_is_a_tool_the_llm_can_call():
    tool = next(t for t in langchain_tools() if t.name == "why_not")
    assert {"model", "profile", "versus"} <= set(tool.args)
    assert "one sentence with numbers" in tool.description


def test_offline_tool_step_answers_why_not_a_rejected_model():
    lookup = make_lookup(langchain_tools())
    out = lookup(_state([{"tool": "why_not", "args": {"model": "openai/text-embedding-3-large", "profile": None}}]))
    text = out["messages"][0].content
    # Answered from the consultation (issue 17's side answer): the rejecting constraint, named.
    assert "text-embedding-3-large" in text and "hosted API: documents would leave your servers" in text
    assert out["evidence"][0]["status"] == "ok"


def test_offline_tool_step_answers_x_vs_y_with_numbers():
    lookup = make_lookup(langchain_tools())
    out = lookup(_state([{"tool": "why_not", "args": {"model": "Qwen/Qwen3-Embedding-4B", "profile": None,
                                                      "versus": "Qwen/Qwen3-Embedding-0.6B"}}]))
    text = out["messages"][0].content
    assert "Qwen3-Embedding-4B" in text and "days" in text and "7-day limit" in text


def test_answer_text_for_a_lower_ranked_model_names_the_gap():
    result = why_not("intfloat/multilingual-e5-small", PROFILE)
    text, facts = answer_from_result("why_not", result)
    assert facts["status"] in ("lower_ranked", "rejected", "recommended")
    assert text.splitlines()[0] == result["sentence"]
    assert "first indexing:" in text
