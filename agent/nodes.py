"""The graph's nodes shared by both modes: understand (offline), decide, lookup, recommend, explain, ask, wait."""

from __future__ import annotations

import copy
import logging
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from langchain_core.messages import AIMessage, HumanMessage
from langchain_core.runnables import RunnableConfig
from langgraph.types import interrupt

from agent import confirmations, side_answers
from agent import interviewer as iv
from agent import understanding_guard as guard
from agent.evidence import measured_results
from agent.evidence_intents import evidence_requests, suite_for
from agent.state import FIELDS, AdvisorState, ConfiguredNode, Evidence, full_profile, next_field, stated_profile
from agent.tool_calls import fill_args, missing_args, resolve_places, run_tool
from agent.understanding import Understanding, understand
from agent.understanding_memo import in_one_message
from agent.understanding_rates import count_in
from agent.updates import apply_understanding
from tools.profile.schema import DEFAULTS, parse_profile
from tools.rank.measured import apply_measurements
from tools.rank.shortlist import rank_profile

logger = logging.getLogger(__name__)


def last_user_text(state: AdvisorState) -> str:
    """The latest human message's text."""
    for message in reversed(state.get("messages") or []):
        if isinstance(message, HumanMessage):
            return message.content if isinstance(message.content, str) else str(message.content)
    return ""


def understood(state: AdvisorState, u: Understanding, lang: str, side_question: str | None = None,
               declined: bool = False) -> dict[str, Any]:
    """The state update for an understood message (both modes): profile, notes, tools to run, flags."""
    update = apply_understanding(state, u, lang)
    notes: list[str] = list(state.get("notes") or []) + update["notes"]
    if declined:
        notes.append(iv.t("left_out", lang))
    if u.greeting_only:
        notes.insert(0, iv.t("greeting", lang))
    document_check = state.get("document_check")
    awaiting = (document_check or {}).get("mteb_plan") or bool((document_check or {}).get("awaiting_go"))
    evidence = evidence_requests(last_user_text(state), awaiting)
    tokenization = any(r["tool"] == "check_tokenization" for r in evidence)  # "check the tokenization on my docs"
    if (u.wants_document_check and not tokenization) or any(r["tool"] == "check_documents" for r in evidence):
        document_check = {**(document_check or {}), "requested": True, "turn": state.get("turn", 0),
                          "models": [r["model"] for r in iv.shortlist(state.get("recommendation"))]}
        if not any(r["tool"] == "check_documents" for r in evidence):
            evidence.append({"tool": "check_documents", "args": {"models": None}})
    if not u.understood and not side_question and not declined and not evidence:
        notes.append(iv.t("unparsed", lang))
    requests = [asdict(r) for r in u.tool_requests]
    recommend_now = bool(u.recommend_now) or unapplied_check(document_check) is not None
    if evidence:  # "test the short list on my documents" asks for a check, not for the list shown again
        requests = [r for r in requests if r["tool"] != "shortlist"]
    if state.get("recommendation") is None and any(r["tool"] == "shortlist" for r in requests):
        requests = [r for r in requests if r["tool"] != "shortlist"]  # no list yet: make it now
        recommend_now = True
    update.update(notes=notes, reply_language=lang, document_check=document_check,
                  pending_tools=requests + evidence, side_question=side_question, recommend_requested=recommend_now)
    return update


@in_one_message
def read_message(state: AdvisorState, text: str) -> Understanding:
    """The rule-based reading of one message in its context.

    An answer to a pending confirming question is read as that; any other message is read with the question just
    asked and the values stated so far (so a correction changes only the field it names).
    """
    pending = state.get("pending_confirmation")
    answer = confirmations.resolve(text, pending) if pending else None
    if answer is not None:
        name, value = answer
        u = Understanding()  # "neither": nothing is stored
        if name in ("budget_usd_month", "queries_per_month", "corpus_docs"):
            u.updates[name], u.confirmed = value, {name}
        elif name == "confirmed":  # "yes" to a check of a doubtful reading: the values it showed
            u.updates, u.confirmed = dict(value), set(value)
        elif name == "growth":
            u.growth_docs_month = value
        return u
    asked, stated = state.get("asked_field"), stated_profile(state)
    u = guard.review(understand(text, asked, stated), text, asked, stated)  # doubtful readings are asked back
    pending = u.confirm or {}
    if pending.get("kind") == "per_unit" and pending.get("unit"):  # "each store ...": the stores counted before?
        earlier = [str(m.content) for m in (state.get("messages") or [])[:-1] if isinstance(m, HumanMessage)]
        count = next((c for t in reversed(earlier) if (c := count_in(str(pending["unit"]), t))), None)
        if count:  # "We're a pharmacy chain (~300 stores)" said before: 300 x one store's rate
            u.updates["queries_per_month"], u.confirm = int(float(pending["value"]) * count), None
    return u


def understand_offline(state: AdvisorState) -> dict[str, Any]:
    """Read the latest message with the rule-based understanding (no LLM)."""
    text = last_user_text(state)
    lang = iv.reply_language(text, state.get("reply_language", "en"))
    return understood(state, read_message(state, text), lang, declined=_declined(state, text))


def _declined(state: AdvisorState, text: str) -> bool:
    pending = state.get("pending_confirmation")
    return pending is not None and confirmations.resolve(text, pending) == ("neither", None)


def decide(state: AdvisorState) -> dict[str, Any]:
    """A no-op step: the route after it (``route``) picks what happens next."""
    return {}


def route(state: AdvisorState) -> str:
    """Next step: run tools for side questions, recommend when enough is known or on request, else ask."""
    if state.get("pending_tools"):
        return "lookup"
    if state.get("side_question"):
        return "agent"
    recommendation = state.get("recommendation")
    if state.get("recommend_requested") or (recommendation is not None and state.get("changes")):
        return "recommend"
    if recommendation is None and next_field(state.get("profile") or {}, state.get("provenance") or {}) is None:
        return "recommend"
    return "ask"


def make_lookup(tools: Sequence[Any]) -> ConfiguredNode:
    """The offline tool step: call the same tool functions directly for each understood side question."""
    by_name = {t.name: t for t in tools}

    def lookup(state: AdvisorState, config: RunnableConfig | None = None) -> dict[str, Any]:
        texts: list[str] = list(state.get("notes") or [])
        evidence: list[Evidence] = []
        profile, stated, rec = full_profile(state), stated_profile(state), state.get("recommendation")
        lang = state.get("reply_language", "en")
        update: dict[str, Any] = {}
        for request in state.get("pending_tools") or []:
            request = {**request, "args": resolve_places(request.get("args") or {}, rec)}  # "option two" -> a model
            # A side question answered from the consultation's state (why_not: the why_not tool on the stated profile,
            # worded for the reply language).
            if request["tool"] in side_answers.ANSWERS:
                start = time.perf_counter()
                text, facts = side_answers.answer(request["tool"], request.get("args") or {}, state, lang)
                texts.append(text)
                evidence.append(Evidence(tool=request["tool"], args=request.get("args") or {}, status="ok",
                                         duration_ms=round((time.perf_counter() - start) * 1000, 2),
                                         summary=text.splitlines()[0][:300], facts=facts, turn=state.get("turn", 0)))
                continue
            tool = by_name.get(request["tool"])
            if tool is None and request["tool"] == "benchmark_models" and "quick_mteb" in by_name:
                tool, request = by_name["quick_mteb"], {"tool": "quick_mteb", "args": {  # no job worker here
                    "models": request["args"]["models"], "estimate_only": True,
                    "suite": suite_for(request["args"].get("language"), request["args"].get("suite"))[0]}}
            if tool is None and request["tool"] == "check_documents":
                texts.append(iv.document_check(rec, lang))  # no check tool here: how to run it by hand
                continue
            if tool is None:
                texts.append(f"I have no tool called {request['tool']!r}.")
                continue
            args, assumed = fill_args(tool.func, request.get("args") or {}, profile, stated, rec)
            missing = missing_args(tool.func, args)
            if missing:
                hint = " Name a model, or ask again once we have a short list." if {"model", "models"} & set(missing) \
                    else ""
                texts.append(f"To look that up I need: {', '.join(missing)}.{hint}")
                continue
            text, record = run_tool(tool, args, state.get("turn", 0), config)
            if tool.name in ("check_documents", "benchmark_models") and record["status"] == "ok":
                update["document_check"] = evidence_state(update.get("document_check") or state.get("document_check"),
                                                          tool.name, record["facts"])
            if assumed and record["status"] == "ok":
                text += "\n\n" + iv.t("assumed_for_answer", lang, items="; ".join(iv.default_note(f) for f in assumed))
            texts.append(text)
            evidence.append(record)
        return {"messages": [AIMessage("\n\n".join(texts))], "evidence": evidence, "pending_tools": [], "notes": [],
                **update}

    return lookup


def evidence_state(previous: dict[str, Any] | None, tool: str, facts: dict[str, Any]) -> dict[str, Any]:
    """The consultation's evidence state after an evidence tool answered (a plan awaiting a go-ahead, or a job)."""
    if tool == "check_documents":
        return {**check_state(previous, facts), "mteb_plan": None} if facts.get("status") in ("plan", "started") \
            else {**(previous or {})}
    check = {**(previous or {})}
    if facts.get("status") == "plan":  # a quick-MTEB plan now waits for the go-ahead (not the document check)
        check.update(mteb_plan={"models": facts.get("models"), "suite": facts.get("suite")}, awaiting_go=False)
    elif facts.get("status") == "started":
        check.update(mteb_plan=None, mteb_job_id=facts.get("job_id"))
    return check


def check_state(previous: dict[str, Any] | None, facts: dict[str, Any]) -> dict[str, Any]:
    """The consultation's document check after the check tool answered: a plan awaiting a go-ahead, or a job."""
    check = {**(previous or {}), "requested": True, "status": facts.get("status"), "models": facts.get("models"),
             "estimated_seconds": facts.get("estimated_seconds"), "awaiting_go": facts.get("status") == "plan"}
    if facts.get("job_id"):
        check["job_id"], check["job_folder"] = facts["job_id"], facts.get("job_folder")
    return check


def unapplied_check(check: dict[str, Any] | None) -> dict[str, Any] | None:
    """The results of the consultation's document check when it is done but no recommendation carries them yet."""
    check = check or {}
    if not check.get("job_folder") or check.get("applied") == check.get("job_id"):
        return None
    return measured_results(Path(check["job_folder"]))


def recommend(state: AdvisorState) -> dict[str, Any]:
    """Rank the models for the stated profile; every field not given takes its documented default.

    A finished check on the user's documents re-ranks the list by its measurements (and is marked applied).
    """
    stated = stated_profile(state)
    start = time.perf_counter()
    result = rank_profile(parse_profile(stated)).model_dump(mode="json")
    check = state.get("document_check") or {}
    measured = measured_results(Path(check["job_folder"])) if check.get("job_folder") else None
    update: dict[str, Any] = {}
    if measured is not None:  # the check on the user's documents is done: its measurements re-rank the list
        result = apply_measurements(result, measured, check.get("job_id"))
        update["document_check"] = {**check, "applied": check.get("job_id"), "status": "done", "awaiting_go": False}
    elapsed = round((time.perf_counter() - start) * 1000, 2)
    profile, provenance = copy.deepcopy(state.get("profile") or {}), dict(state.get("provenance") or {})
    for field in FIELDS:
        if field not in provenance:
            profile[field], provenance[field] = copy.deepcopy(DEFAULTS[field]), "assumed"
    short = iv.shortlist(result)
    summary = "; ".join(f"{r['rank']}. {r['model']} ({r['score']})" for r in short) or "no model meets every constraint"
    record = Evidence(tool="recommend", args=stated, status="ok", duration_ms=elapsed, summary=summary,
                      facts={"recommendations": short}, turn=state.get("turn", 0))
    previous = state.get("recommendation")
    return {"recommendation": result, "previous_shortlist": iv.shortlist(previous) if previous else None,
            "recommend_requested": False, "profile": profile, "provenance": provenance, "evidence": [record],
            **update}


def explain_text(state: AdvisorState, explanation: str) -> tuple[str, dict[str, Any]]:
    """Notes, what changed (after a re-recommendation), the explanation, and a promised document-check how-to.

    Returns the text and the state update that goes with it.
    """
    lang = state.get("reply_language", "en")
    rec = state["recommendation"]
    assert rec is not None, "explain runs after recommend"
    parts = list(state.get("notes") or [])
    if state.get("previous_shortlist") is not None:
        parts.append(iv.explain_changes(state.get("changes") or [], state.get("previous_shortlist"), rec, lang))
    parts.append(explanation)
    if rec.get("measured"):
        parts.append(rec["measured"]["text"])
        cited = [r for r in rec.get("recommendations", []) if (r.get("measured") or {}).get("vector_plan")]
        if cited:  # a frontier ran: the top measured model's plan cites its measured point
            parts.append(f"{cited[0]['model']}: {cited[0]['measured']['vector_plan']['text']}")
    update: dict[str, Any] = {"notes": [], "changes": [], "previous_shortlist": None}
    check = state.get("document_check")
    if check and check.get("requested") and not check.get("models") and rec["recommendations"]:
        parts.append(iv.document_check(rec, lang))  # asked for before there was a short list
        update["document_check"] = {**check, "models": [r["model"] for r in rec["recommendations"]]}
    return "\n\n".join(parts), update


def explain_offline(state: AdvisorState) -> dict[str, Any]:
    """The templated explanation, built only from the recommendation's numbers and reasons."""
    rec = state["recommendation"]
    assert rec is not None, "explain runs after recommend"
    text, update = explain_text(state, iv.explain_recommendation(rec, state.get("reply_language", "en")))
    return {"messages": [AIMessage(text)], **update}


def ask(state: AdvisorState) -> dict[str, Any]:
    """Pose the next question (or, after a recommendation, say what the user can do next)."""
    lang = state.get("reply_language", "en")
    notes = list(state.get("notes") or [])
    if not state.get("messages"):
        notes.insert(0, iv.t("greeting", lang))
    field = None
    pending = state.get("pending_confirmation")
    if pending:
        question = confirmations.question(pending, lang)
        if pending.get("kind") == "vague":  # "a rough figure for the budget?": the answer is read as the budget
            field = (pending.get("fields") or [None])[0]
    else:
        if state.get("recommendation") is None:
            field = next_field(state.get("profile") or {}, state.get("provenance") or {})
        question = iv.question(field, lang) if field else iv.t("follow_up", lang)
    return {"messages": [AIMessage("\n\n".join([*notes, question]))], "pending_question": question,
            "asked_field": field, "notes": []}


def wait(state: AdvisorState) -> dict[str, Any]:
    """Wait for the user's answer: ``interrupt`` until a surface resumes with the text."""
    answer = interrupt({"question": state.get("pending_question"), "field": state.get("asked_field")})
    return {"messages": [HumanMessage(str(answer))], "turn": state.get("turn", 0) + 1, "pending_question": None}


def route_start(state: AdvisorState) -> str:
    """Start by reading the first message if there is one, else by greeting and asking."""
    return "understand" if any(isinstance(m, HumanMessage) for m in state.get("messages") or []) else "ask"
