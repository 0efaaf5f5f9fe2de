"""LLM mode's questions and acknowledgements: the model phrases what the interview decided, from the same state.

The interview's decisions stay the rules' (which field to ask, which figure to confirm, what was understood); the
model only writes them in its own words. Its text is checked like every LLM answer (figures, model ids and links must
come from the data it was given) and must end with a question when one is asked; otherwise, or when the endpoint is
down, the templated text is used. Failure sentences are shown as they are, never rephrased.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from langchain_core.messages import AIMessage, HumanMessage, SystemMessage, ToolMessage
from langchain_core.runnables import RunnableConfig

from agent import interviewer as iv
from agent import nodes, prompts
from agent.grounding import foreign_references, ungrounded
from agent.llm_calls import invoke_bounded, is_failure_sentence, turn_key
from agent.state import AdvisorState, ConfiguredNode, Node, stated_profile

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

logger = logging.getLogger(__name__)
QUESTION_MARKS = ("?", "？")


def split_notes(notes: list[str]) -> tuple[list[str], list[str]]:
    """(failure sentences, shown as they are; acknowledgements, for the model to phrase)."""
    return [n for n in notes if is_failure_sentence(n)], [n for n in notes if not is_failure_sentence(n)]


def deferring_acknowledgements(node: ConfiguredNode) -> ConfiguredNode:
    """The look-up step of LLM mode: its acknowledgements wait for the phrased question.

    Failure sentences are still shown where they happened.
    """

    def step(state: AdvisorState, config: RunnableConfig) -> dict[str, Any]:
        failures, acknowledge = split_notes(list(state.get("notes") or []))
        update = node({**state, "notes": failures}, config)
        return {**update, "notes": acknowledge + list(update.get("notes") or [])}

    return step


# A figure not glued to a Latin letter or a hyphen ("A100", "bge-m3" are names); CJK text may touch it ("约200份").
PLAIN = r"(?<![\d.,A-Za-z_\-])\d[\d,]*(?:\.\d+)?"
SCALED = re.compile(f"({PLAIN})" + r"\s*(k|K|thousand|m|M|million|万|亿)(?![A-Za-z])")
FIGURE = re.compile(PLAIN + r"(?![A-Za-z_\d])")
SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "万": 1e4, "亿": 1e8}


def _figures(text: str) -> list[float]:
    """The figures a text states, written out or scaled ("200,000", "200k", "1.2M", "20万")."""
    out = [float(m.group(1).replace(",", "")) * SCALE[m.group(2) if m.group(2) in SCALE else m.group(2).lower()]
           for m in SCALED.finditer(text)]
    for match in FIGURE.finditer(SCALED.sub(" ", text)):
        try:
            out.append(float(match.group().replace(",", "")))
        except ValueError:
            continue
    return out


def dropped_figures(acknowledged: list[str], text: str) -> list[float]:
    """Figures of the acknowledgements that the phrased text leaves out (what the user must see was understood)."""
    said = _figures(text)
    return [v for v in _figures(" ".join(acknowledged)) if v >= 10 and not any(abs(v - s) <= 0.01 * v for s in said)]


def _last_paragraph(text: str) -> str:
    return [p for p in text.strip().split("\n\n") if p.strip()][-1].strip()


def make_ask_llm(llm: BaseChatModel) -> Node:
    """The ask step of LLM mode: the templated step decides, the model phrases its acknowledgements and question."""

    def ask_llm(state: AdvisorState) -> dict[str, Any]:
        failures, acknowledge = split_notes(list(state.get("notes") or []))
        decided = nodes.ask({**state, "notes": acknowledge})  # field, question and greeting as offline
        template = decided["pending_question"]
        lang = state.get("reply_language", "en")
        is_question = bool(decided["asked_field"] or state.get("pending_confirmation"))
        items = ([iv.t("greeting", lang)] if not state.get("messages") else []) + acknowledge
        data = prompts.as_data({"acknowledge": items, "ask": {"field": decided["asked_field"], "meaning": template},
                                "profile_so_far": stated_profile(state)})
        user = nodes.last_user_text(state)
        context = [SystemMessage(prompts.phrase_instructions(lang, is_question)),
                   HumanMessage(user or "(the user has not written yet)"),
                   AIMessage("", tool_calls=[{"name": "interview_step", "args": {}, "id": "step"}]),
                   ToolMessage(data, tool_call_id="step", name="interview_step")]

        def check(ai: Any) -> str | None:
            if not isinstance(ai, AIMessage) or ai.tool_calls or not isinstance(ai.content, str) or \
                    not ai.content.strip():
                return "sent no usable question"
            # Figures may echo the user's; model ids and links only the step's data (the user's own words may be
            # an injection: a phrased question has no reason to name a model).
            if ungrounded(ai.content, [data, user]) or foreign_references(ai.content, [data]):
                return "quoted figures or names the interview did not give"
            if is_question and not _last_paragraph(ai.content).endswith(QUESTION_MARKS):
                return "did not end with the question"
            if dropped_figures(acknowledge, ai.content):  # the user checks what was understood by these
                return "left out figures the user gave"
            return None

        ai, problem = invoke_bounded(lambda: llm.invoke(context), check, turn_key(state.get("turn", 0)))
        if ai is None:
            logger.info("phrasing by the model failed (%s): the templated question is used", problem)
            text = "\n\n".join([*failures, decided["messages"][0].content])
            return {**decided, "messages": [AIMessage(text)]}
        phrased = ai.content.strip()
        return {**decided, "messages": [AIMessage("\n\n".join([*failures, phrased]))],
                "pending_question": _last_paragraph(phrased)}

    return ask_llm
