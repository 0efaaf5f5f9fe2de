"""Whole offline consultations, greeting to recommendation and beyond: rule-based understanding, templated replies."""

from __future__ import annotations

import json
import re
import time

import pytest

from agent.interviewer import QUESTIONS, TEXT
from agent.state import FIELDS, next_field
from agent.understanding import Understanding
from agent.updates import apply_understanding
from tools.estimate.cost import estimate_cost
from tools.estimate.hardware_fit import hardware_fit
from tools.profile.schema import DEFAULT_NOTES
from tools.rank.shortlist import recommend

ANSWERS = {  # one plain answer per question, in the order the interview asks
    "domain": "Legal contracts",
    "languages": "Chinese and English",
    "doc_length_tokens": "about 6000 tokens",
    "corpus_docs": "200k documents",
    "queries_per_month": "500,000 queries a month",
    "data_must_stay_on_prem": "yes",
    "hardware": "a T4",
    "budget_usd_month": "$300 a month",
    "latency_p95_ms": "200 ms",
    "license": "commercial",
}
NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w])")


def numbers_in(obj) -> set[float]:
    """Every number of a JSON-like object, its strings included (an independent reading, not agent.grounding)."""
    text = json.dumps(obj, ensure_ascii=False)
    return {float(m.replace(",", "")) for m in NUMBER.findall(text)}


def names_in(result: dict) -> list[str]:
    names = [r["model"] for r in result["recommendations"] + result["rejected"]]
    names += [b["name"] for b in result["benchmarks"]]
    names += [r["hardware_fit"]["accelerator"] for r in result["recommendations"] if r.get("hardware_fit")]
    names += [result["profile"]["hardware"]["accelerator"]]
    return sorted(set(names), key=len, reverse=True)


def unsourced_numbers(text: str, sources: list, names: list[str]) -> list[str]:
    """Numbers in ``text`` that no source holds, allowing the rounding the text shows."""
    for name in names:
        text = text.replace(name, " ")
    pool = set().union(*(numbers_in(s) for s in sources))
    bad = []
    for raw in NUMBER.findall(text):
        value = float(raw.replace(",", ""))
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        if not any(abs(v - value) <= 0.5 * 10 ** -decimals + 1e-9 for v in pool):
            bad.append(raw)
    return bad


def interview(chat, answers: dict[str, str]) -> None:
    """Answer every question the interview asks, from ``answers``, until it recommends."""
    for _ in range(len(FIELDS) + 1):
        field = chat.values["asked_field"]
        if field is None:
            return
        chat.say(answers[field])
    raise AssertionError("the interview did not end")


def test_greeting_then_every_question_to_a_recommendation(offline_chat):
    first = offline_chat.start()
    assert TEXT["greeting"][0] in first and first.endswith(QUESTIONS["domain"][0])
    interview(offline_chat, ANSWERS)
    values = offline_chat.values
    assert values["recommendation"]["status"] == "ok"
    assert values["profile"]["hardware"]["accelerator"] == "T4"
    assert values["profile"]["corpus_docs"] == 200_000
    # on-prem answered yes, so deployment is not asked and is assumed
    assert values["provenance"] == {**{f: "said" for f in FIELDS}, "deployment": "assumed"}
    explanation = offline_chat.last_ai[0]
    top = values["recommendation"]["recommendations"][0]["model"]
    assert "**Recommendation**" in explanation and top in explanation
    assert values["pending_question"] == TEXT["follow_up"][0]
    asked = [m.content for m in values["messages"] if m.type == "ai"]
    assert sum(QUESTIONS["license"][0] in a for a in asked) == 1  # each question asked once


def test_a_first_message_with_several_fields_skips_their_questions(offline_chat):
    reply = offline_chat.start("Legal search, Chinese only, 3000 tokens per document, 50k documents, "
                               "1M queries a month")
    assert "Noted:" in reply and "50,000 documents" in reply
    assert offline_chat.values["asked_field"] == "data_must_stay_on_prem"
    assert offline_chat.values["profile"]["queries_per_month"] == 1_000_000


def test_chinese_messages_get_chinese_replies(offline_chat):
    reply = offline_chat.start("我们做法律合同检索，中文为主")
    assert offline_chat.values["reply_language"] == "zh"
    assert QUESTIONS["doc_length_tokens"][1] in reply and "已记录" in reply
    reply = offline_chat.say("直接推荐")
    assert "**推荐结果**" in reply and "采用的默认值" in reply


def test_a_correction_changes_the_value_and_is_marked_corrected(offline_chat):
    offline_chat.start("We search legal contracts")
    reply = offline_chat.say("actually it is medical, not legal")
    values = offline_chat.values
    assert values["profile"]["domain"] == "medical" and values["provenance"]["domain"] == "corrected"
    assert "Changed" in reply and "medical" in reply


def test_skip_names_the_default_and_marks_it_assumed(offline_chat):
    offline_chat.start("Legal contracts in English")
    assert offline_chat.values["asked_field"] == "doc_length_tokens"
    reply = offline_chat.say("skip")
    assert f"I'll assume {DEFAULT_NOTES['doc_length_tokens']} (the default)" in reply
    values = offline_chat.values
    assert values["provenance"]["doc_length_tokens"] == "assumed" and values["profile"]["doc_length_tokens"] == 500
    assert values["asked_field"] == "corpus_docs"
    offline_chat.say("just recommend")
    assert "doc_length_tokens" in offline_chat.values["recommendation"]["assumed_defaults"]


def test_just_recommend_assumes_every_missing_field(offline_chat):
    offline_chat.start("Legal contracts in Chinese and English")
    reply = offline_chat.say("just recommend")
    values = offline_chat.values
    result = values["recommendation"]
    assert result is not None and "**Recommendation**" in reply
    missing = [f for f in FIELDS if f not in ("domain", "languages")]
    assert all(values["provenance"][f] == "assumed" for f in missing)
    assert set(missing) <= set(result["assumed_defaults"])
    # the stated fields, and only they, went to the recommender
    assert result["profile"]["domain"] == "legal" and result["profile"]["languages"] == ["zho", "eng"]
    assert result == recommend({"domain": "legal", "languages": ["zho", "eng"]})
    assert "Assumed defaults" in reply and DEFAULT_NOTES["corpus_docs"] in reply


def test_a_side_question_is_answered_from_the_tool_and_the_interview_continues(offline_chat):
    offline_chat.start("Legal contracts in English")
    offline_chat.say("about 6000 tokens")
    asked = offline_chat.values["asked_field"]
    reply = offline_chat.say("How much would text-embedding-3-large cost?")
    values = offline_chat.values
    event = values["evidence"][-1]
    assert event["tool"] == "estimate_cost" and event["status"] == "ok" and event["duration_ms"] >= 0
    assert event["args"] == {"model": "openai/text-embedding-3-large", "corpus_docs": 10_000,
                             "doc_length_tokens": 6000, "queries_per_month": 100_000}
    truth = estimate_cost(**event["args"])["estimate"]
    assert f"${truth['one_time_usd']:,.2f} once and ${truth['monthly_usd']:,.2f} a month" in reply
    answer = offline_chat.last_ai[0]
    assert not unsourced_numbers(answer, [truth, event["args"]], ["text-embedding-3-large"])
    assert "10,000 documents" in answer and "Assumed" in answer  # the default it used is named
    assert values["asked_field"] == asked and values["pending_question"] == QUESTIONS[asked][0]


def test_a_side_question_after_the_recommendation_uses_the_short_list(offline_chat):
    offline_chat.start("Legal contracts in English")
    offline_chat.say("just recommend")
    top = offline_chat.values["recommendation"]["recommendations"][0]["model"]
    reply = offline_chat.say("Will it fit on a T4?")
    event = offline_chat.values["evidence"][-1]
    assert event["tool"] == "hardware_fit" and event["args"]["model"] == top
    truth = hardware_fit(top, "T4")
    assert f"{top} fits T4" in reply and str(truth["throughput"]["query_latency_ms_p95"]) in reply


def test_a_side_question_without_a_model_before_the_short_list_asks_for_one(offline_chat):
    offline_chat.start("Legal contracts in English")
    reply = offline_chat.say("Will it fit on a T4?")
    assert "To look that up I need: model" in reply
    assert offline_chat.values["asked_field"] == "doc_length_tokens"


def test_a_constraint_change_after_the_recommendation_reports_what_changed(offline_chat):
    offline_chat.start("Legal contracts in Chinese and English")
    offline_chat.say("just recommend")
    before = [r["model"] for r in offline_chat.values["recommendation"]["recommendations"]]
    reply = offline_chat.say("actually we have an A100 80GB now")
    values = offline_chat.values
    after = [r["model"] for r in values["recommendation"]["recommendations"]]
    assert before != after
    assert values["provenance"]["hardware"] == "corrected"
    assert values["profile"]["hardware"]["accelerator"] == "A100-80GB"
    assert "What changed: hardware: CPU only -> A100-80GB." in reply
    assert f"Short list before: {', '.join(before)}; now: {', '.join(after)}." in reply
    for model in set(after) - set(before):
        assert f"**{model}** (rank {after.index(model) + 1}:" in reply
    for model in set(before) - set(after):
        assert f"**{model}** (" in reply.split("Dropped:")[1]
    assert [e["tool"] for e in values["evidence"]] == ["recommend", "recommend"]


def test_asking_to_check_on_own_documents_sets_the_flag_and_gives_the_command(offline_chat):
    offline_chat.start("Legal contracts in English")
    reply = offline_chat.say("we need to test this on our own documents")
    assert "Once we have a short list" in reply
    reply = offline_chat.say("just recommend")
    assert "embedding-advisor evaluate --corpus" in reply  # the promise is kept with the short list
    reply = offline_chat.say("can we check these on our own documents?")
    values = offline_chat.values
    models = [r["model"] for r in values["recommendation"]["recommendations"]]
    assert values["document_check"]["requested"] is True and values["document_check"]["models"] == models
    assert "embedding-advisor evaluate --corpus" in reply and ",".join(models) in reply


@pytest.mark.parametrize("messages", [
    ["Legal contracts in Chinese and English", "just recommend"],
    [ANSWERS["domain"], *list(ANSWERS.values())[1:]],
    ["We index support tickets in English, 300 tokens each, 2M tickets, 10M queries a month", "no GPU, CPU only",
     "just recommend"],
    ["我们做法律合同检索，中文为主", "直接推荐"],
])
def test_every_number_in_the_explanation_comes_from_the_recommendation(offline_chat, messages):
    offline_chat.start(messages[0])
    for text in messages[1:]:
        if offline_chat.values.get("recommendation"):
            break
        offline_chat.say(text)
    result = offline_chat.values["recommendation"]
    explanation = next(m for m in offline_chat.last_ai if "**Recommendation**" in m or "**推荐结果**" in m)
    assert not unsourced_numbers(explanation, [result], names_in(result))


def test_an_unparsed_message_asks_the_same_question_again(offline_chat):
    offline_chat.start("Legal contracts in English")
    offline_chat.say("20 pages")  # the next question asked wants a figure: the number of documents
    reply = offline_chat.say("blorp zzz")  # no figure in the answer: asked again, with examples of one
    assert reply.startswith("I didn't catch a figure there.") and "how many documents" in reply, reply
    assert offline_chat.values["asked_field"] == "corpus_docs"
    reply = offline_chat.say("about 40k")
    assert offline_chat.values["profile"]["corpus_docs"] == 40000, reply


def test_a_message_with_nothing_the_reader_knows_asks_the_same_question_again(offline_chat):
    offline_chat.start("hello")
    reply = offline_chat.say("blorp zzz")  # a question that is not about a figure: the same question again
    assert reply.startswith("I didn't catch that.") and reply.endswith(QUESTIONS["domain"][0])


def test_a_greeting_is_answered_and_the_interview_starts(offline_chat):
    reply = offline_chat.start("hello")
    assert TEXT["greeting"][0] in reply and offline_chat.values["asked_field"] == "domain"


def test_a_value_the_profile_rejects_is_not_applied_and_the_reason_is_given():
    state = {"profile": {"domain": "legal"}, "provenance": {"domain": "said"}}
    u = Understanding(updates={"hardware": {"accelerator": "Z9000"}})
    update = apply_understanding(state, u, "en")
    assert "hardware" not in update["provenance"]
    assert update["notes"][0].startswith("I couldn't use that hardware: accelerator 'Z9000' is not in the hardware")


def test_total_corpus_tokens_are_split_once_the_document_length_is_known(offline_chat):
    offline_chat.start("Legal contracts in English")
    offline_chat.say("2M tokens in total")
    assert offline_chat.values["corpus_tokens"] == 2_000_000
    offline_chat.say("500 tokens each")
    values = offline_chat.values
    assert values["profile"]["corpus_docs"] == 4000 and values["corpus_tokens"] is None
    assert values["asked_field"] == "queries_per_month"


def test_next_field_skips_questions_that_cannot_change_the_answer():
    said = {f: "said" for f in FIELDS[:5]}
    assert next_field({}, {}) == "domain"
    assert next_field({"data_must_stay_on_prem": True}, {**said, "data_must_stay_on_prem": "said"}) == "hardware"
    assert next_field({"deployment": "api"}, {**said, "data_must_stay_on_prem": "said", "deployment": "said"}) \
        == "budget_usd_month"
    assert next_field({}, {f: "assumed" for f in FIELDS}) is None


def test_offline_turns_take_milliseconds(offline_chat):
    offline_chat.start("Legal contracts in English")
    offline_chat.say("just recommend")  # warms the catalog and score caches
    start = time.perf_counter()
    for text in ("blorp", "actually the documents are about 800 tokens", "blorp", "compare bge-m3 and e5-large"):
        offline_chat.say(text)
    assert (time.perf_counter() - start) / 4 < 0.1
