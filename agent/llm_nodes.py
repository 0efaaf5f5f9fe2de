"""LLM-mode nodes: structured extraction, the tool-calling answerer and the explanation, each with bounded retries."""

from __future__ import annotations

import functools
import inspect
import json
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from langchain_core.messages import AIMessage, AnyMessage, HumanMessage, RemoveMessage, SystemMessage, ToolMessage
from langgraph.graph.message import REMOVE_ALL_MESSAGES
from pydantic import BaseModel, Field

from agent import confirmations, prompts
from agent import interviewer as iv
from agent.answers import answer_from_result
from agent.extraction_check import check_extraction
from agent.grounding import foreign_references, ungrounded
from agent.llm_calls import failure_sentence, invoke_bounded, turn_key
from agent.llm_phrasing import split_notes
from agent.nodes import evidence_state, explain_text, last_user_text, read_message, understood
from agent.state import AdvisorState, Evidence, Node, stated_profile
from agent.understanding import Understanding

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

logger = logging.getLogger(__name__)
MAX_TOOL_ROUNDS = 3
TRANSCRIPT_TAIL = 8


class HardwareUpdate(BaseModel):
    """Hardware the user named."""

    accelerator: str = Field(description='GPU or Apple chip name such as "T4", "A100 80GB", "M2 Max"; "none" = CPU')
    vram_gb: float | None = None
    ram_gb: float | None = None
    cpu_cores: int | None = None


class ProfileUpdate(BaseModel):
    """Requirements and requests found in the user's latest message; null or empty when not said."""

    domain: str | None = None
    languages: list[str] | None = None
    doc_length_tokens: int | None = None
    corpus_docs: int | None = None
    queries_per_month: int | None = None
    budget_usd_month: float | None = None
    no_budget_limit: bool = Field(default=False, description="the user said there is no budget limit")
    hardware: HardwareUpdate | None = None
    deployment: Literal["self_hosted", "api", "any"] | None = None
    data_must_stay_on_prem: bool | None = None
    license: Literal["commercial", "any"] | None = None
    latency_p95_ms: float | None = None
    priorities: list[Literal["quality", "cost", "latency"]] | None = None
    corrected: list[str] = Field(default_factory=list)
    skipped: list[str] = Field(default_factory=list)
    recommend_now: bool = False
    wants_document_check: bool = False
    greeting_only: bool = False
    question: str | None = None


def _transcript(state: AdvisorState) -> list[AnyMessage]:
    """The conversation's recent text turns (no tool traffic)."""
    text = [m for m in state.get("messages") or [] if isinstance(m, HumanMessage | AIMessage) and m.content]
    return [HumanMessage(m.content) if isinstance(m, HumanMessage) else AIMessage(m.content)
            for m in text[-TRANSCRIPT_TAIL:]]


def to_understanding(update: ProfileUpdate) -> Understanding:
    """The extraction as an ``agent.understanding.Understanding`` so both modes share one update path."""
    values = update.model_dump(exclude={"corrected", "skipped", "recommend_now", "wants_document_check",
                                        "greeting_only", "question", "priorities", "no_budget_limit"})
    updates = {k: v for k, v in values.items() if v is not None}
    if update.no_budget_limit:
        updates["budget_usd_month"] = None
    return Understanding(updates=updates, add_languages=[], remove_languages=[], corrected=set(update.corrected),
                         skipped=list(update.skipped), recommend_now=update.recommend_now, tool_requests=[],
                         wants_document_check=update.wants_document_check,
                         priorities=None if update.priorities is None else list[str](update.priorities), top_k=None,
                         greeting_only=update.greeting_only, unparsed=None)


def make_understand_llm(llm: BaseChatModel) -> Node:
    """Extraction by structured output; after bounded failures the rule-based understanding reads the message."""
    kwargs: dict[str, Any] = {"include_raw": True}
    if "method" in inspect.signature(llm.with_structured_output).parameters:
        kwargs["method"] = "function_calling"  # the most widely supported by OpenAI-compatible servers
    extractor = llm.with_structured_output(ProfileUpdate, **kwargs)

    def understand_llm(state: AdvisorState) -> dict[str, Any]:
        text = last_user_text(state)
        lang = iv.reply_language(text, state.get("reply_language", "en"))
        pending = state.get("pending_confirmation")
        answer = confirmations.resolve(text, pending) if pending else None
        if answer is not None:  # the answer to a confirming question (a closed question): the rules read it
            return understood(state, read_message(state, text), lang, declined=answer == ("neither", None))
        messages = [SystemMessage(prompts.extraction_instructions(state.get("asked_field"))), *_transcript(state)]
        out, problem = invoke_bounded(lambda: extractor.invoke(messages),
                                      lambda r: None if r.get("parsed") else "sent a malformed structured reply",
                                      turn_key(state.get("turn", 0)))
        rules = read_message(state, text)
        if out is None:
            update = understood(state, rules, lang)
            update["notes"].insert(0, failure_sentence(problem, "I read your message with the built-in parser"))
            return update
        parsed: ProfileUpdate = out["parsed"]
        checked = check_extraction(to_understanding(parsed), rules, text, stated_profile(state))
        return understood(state, checked, lang, side_question=parsed.question)

    return understand_llm


def _tool_evidence(scratch: list[AnyMessage], turn: int) -> list[Evidence]:
    """Evidence for the tool results that follow the last tool-calling AIMessage of the scratchpad."""
    calls: dict[str | None, Mapping[str, Any]] = {}
    out: list[Evidence] = []
    for message in scratch:
        if isinstance(message, AIMessage):
            calls = {c["id"]: c for c in message.tool_calls}
            out = []
        elif isinstance(message, ToolMessage):
            call = calls.get(message.tool_call_id, {})
            ok = message.status != "error"
            summary = str(message.content)[:300]
            facts: dict[str, Any] = {}
            if ok:
                try:
                    name = message.name or call.get("name", "")
                    summary, facts = answer_from_result(name, json.loads(str(message.content)))
                except (ValueError, KeyError, TypeError):
                    pass
            out.append(Evidence(tool=message.name or call.get("name", ""), args=call.get("args", {}),
                                status="ok" if ok else "error", summary=summary.splitlines()[0] if summary else "",
                                duration_ms=float(message.additional_kwargs.get("duration_ms", 0.0)), facts=facts,
                                turn=turn))
    return out


def _templated(scratch: list[AnyMessage]) -> str:
    texts = []
    for message in scratch:
        if isinstance(message, ToolMessage) and message.status != "error":
            try:
                texts.append(answer_from_result(message.name or "", json.loads(str(message.content)))[0])
            except (ValueError, KeyError, TypeError):
                continue
    return "\n\n".join(texts)


@functools.cache
def _catalog_names() -> frozenset[str]:
    from knowledge.catalog import default_catalog

    return frozenset(default_catalog().names())


def _unsupported(text: str, sources: list[str], names: list[str]) -> str | None:
    """Why an answer cannot be shown: numbers, links or model ids that no tool result (or the user) gave."""
    if ungrounded(text, sources, names):
        return "quoted figures that no tool gave"
    if foreign_references(text, sources, [*names, *_catalog_names()]):
        return "named models or links that no tool gave"
    return None


def _check_tool_reply(ai: Any) -> str | None:
    if isinstance(ai, AIMessage) and ai.invalid_tool_calls and not ai.tool_calls:
        return "sent a malformed tool call (arguments that are not valid JSON)"
    return None


def make_agent(llm: BaseChatModel, tools: Sequence[Any]) -> Node:
    """Answer a side question with tools: the model calls tools until it answers in text (bounded rounds)."""
    model = llm.bind_tools(list(tools))

    def agent(state: AdvisorState) -> dict[str, Any]:
        scratch = list(state.get("scratch") or [])
        turn = state.get("turn", 0)
        evidence = _tool_evidence(scratch, turn) if scratch and isinstance(scratch[-1], ToolMessage) else []
        checked = document_check_update(state, scratch) if evidence else {}
        rounds = sum(isinstance(m, AIMessage) for m in scratch)
        notes = list(state.get("notes") or [])
        text = ""
        if rounds >= MAX_TOOL_ROUNDS:
            text = _templated(scratch)
        else:
            context = [SystemMessage(prompts.SYSTEM_PROMPT), *_transcript(state), *scratch]
            ai, problem = invoke_bounded(lambda: model.invoke(context), _check_tool_reply, turn_key(turn))
            if ai is None:
                notes.append(failure_sentence(problem, "I could not look that up; ask again, or carry on"))
            elif ai.tool_calls:
                return {"scratch": [ai], "evidence": evidence, **checked}
            else:
                text = ai.content if isinstance(ai.content, str) else str(ai.content)
                sources = [str(m.content) for m in scratch if isinstance(m, ToolMessage)] + [last_user_text(state)]
                names = [c["args"].get(k, "") for m in scratch if isinstance(m, AIMessage) for c in m.tool_calls
                         for k in ("model", "accelerator") if isinstance(c["args"].get(k), str)]
                why = _unsupported(text, sources, names)
                if why:
                    logger.warning("LLM answer %s; using the tool results instead", why)
                    text = _templated(scratch)
                    if not text:
                        notes.append(failure_sentence(why, "I left its answer out; ask again, or carry on"))
        failures, acknowledge = split_notes(notes)  # acknowledgements wait for the phrased question
        message = "\n\n".join(p for p in [*failures, text] if p)
        return {"messages": [AIMessage(message)] if message else [], "scratch": [RemoveMessage(id=REMOVE_ALL_MESSAGES)],
                "side_question": None, "notes": acknowledge, "evidence": evidence, **checked}

    return agent


def document_check_update(state: AdvisorState, scratch: list[AnyMessage]) -> dict[str, Any]:
    """The consultation's evidence state after the model called ``check_documents`` or ``benchmark_models``."""
    update: dict[str, Any] = {}
    for message in scratch:
        if isinstance(message, ToolMessage) and message.name in ("check_documents", "benchmark_models") \
                and message.status != "error":
            try:
                facts = json.loads(str(message.content))
            except ValueError:
                continue
            update["document_check"] = evidence_state(update.get("document_check") or state.get("document_check"),
                                                      message.name, facts)
    return update


def route_agent(state: AdvisorState) -> str:
    """After the agent: run its tool calls, or go back to deciding the next step."""
    scratch = state.get("scratch") or []
    return "tools" if scratch and isinstance(scratch[-1], AIMessage) and scratch[-1].tool_calls else "decide"


def timed_tool_call(request: Any, execute: Callable[[Any], Any]) -> Any:
    """ToolNode wrapper: record how long each tool call took on its ToolMessage."""
    start = time.perf_counter()
    result = execute(request)
    if isinstance(result, ToolMessage):
        result.additional_kwargs["duration_ms"] = round((time.perf_counter() - start) * 1000, 2)
    return result


def make_explain_llm(llm: BaseChatModel) -> Node:
    """The LLM explains the recommendation (quoted as a tool result); the template replaces an unusable answer."""

    def explain_llm(state: AdvisorState) -> dict[str, Any]:
        rec = state["recommendation"]
        assert rec is not None, "explain runs after recommend"
        lang = state.get("reply_language", "en")
        data = prompts.as_data(prompts.compact_recommendation(rec))
        context = [SystemMessage(prompts.SYSTEM_PROMPT + "\n\n" + prompts.explain_instructions(lang)),
                   HumanMessage("Explain the recommendation."),
                   AIMessage("", tool_calls=[{"name": "recommend", "args": {}, "id": "recommendation"}]),
                   ToolMessage(data, tool_call_id="recommendation", name="recommend")]
        names = [r["model"] for r in rec["recommendations"] + rec["rejected"]] + [b["name"] for b in rec["benchmarks"]]

        def check(ai: Any) -> str | None:
            if not isinstance(ai, AIMessage) or ai.tool_calls or not isinstance(ai.content, str) or not ai.content:
                return "sent no usable explanation"
            bad = ungrounded(ai.content, [data], names)
            if bad:
                logger.warning("explanation quoted numbers the recommendation does not hold: %s", bad[:5])
                return "quoted figures that no tool gave"
            foreign = foreign_references(ai.content, [data], names)
            if foreign:
                logger.warning("explanation named models or links the recommendation does not hold: %s", foreign[:5])
                return "named models or links that no tool gave"
            return None

        ai, problem = invoke_bounded(lambda: llm.invoke(context), check, turn_key(state.get("turn", 0)))
        notes, acknowledge = split_notes(list(state.get("notes") or []))  # the phrased follow-up acknowledges
        if ai is None:
            notes.append(failure_sentence(problem, "here is the built-in explanation"))
            body = iv.explain_recommendation(rec, lang)
        else:
            body = ai.content
        text, update = explain_text({**state, "notes": notes}, body)
        return {"messages": [AIMessage(text)], **update, "notes": acknowledge}

    return explain_llm
