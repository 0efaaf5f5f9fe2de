"""The consultation's graph state: transcript, requirement profile with provenance, tool evidence, recommendation."""

from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Annotated, Any, Literal, Protocol, TypedDict

from langchain_core.messages import AnyMessage
from langchain_core.runnables import RunnableConfig
from langgraph.graph.message import add_messages

from tools.profile.schema import DEFAULTS, INTERVIEW_ORDER, PROFILE_FIELDS

# said: read from a message; corrected: changed by a later message; confirmed: an ambiguous figure the user confirmed
# when asked; edited: set in a profile editor (web table, PATCH, /set, Slack); assumed: the documented default.
Provenance = Literal["said", "assumed", "corrected", "confirmed", "edited"]
STATED: tuple[str, ...] = ("said", "corrected", "confirmed", "edited")

FIELDS = INTERVIEW_ORDER  # the interview's fields, in the order they are asked
STATE_PROFILE_ORDER: tuple[str, ...] = (*FIELDS, *(f for f in PROFILE_FIELDS if f not in FIELDS))


class Evidence(TypedDict):
    """One tool call: what was asked, how it went, and the values an answer quoted from its result."""

    tool: str
    args: dict[str, Any]
    status: Literal["ok", "error"]
    duration_ms: float
    summary: str
    facts: dict[str, Any]
    turn: int


class AdvisorInput(TypedDict, total=False):
    """What a surface passes in to start a consultation: the user's first message, if any."""

    messages: list[AnyMessage]
    turn: int


class AdvisorState(TypedDict, total=False):
    """Everything a consultation remembers between turns (all values JSON-able or LangChain messages)."""

    messages: Annotated[list[AnyMessage], add_messages]
    scratch: Annotated[list[AnyMessage], add_messages]  # LLM mode: tool calls of the current side question
    profile: dict[str, Any]  # field -> value, for fields said, corrected or assumed
    provenance: dict[str, Provenance]
    evidence: Annotated[list[Evidence], operator.add]
    recommendation: dict[str, Any] | None
    previous_shortlist: list[dict[str, Any]] | None  # the short list before the latest re-recommendation
    changes: list[dict[str, Any]]  # constraint changes of this turn: {field, old, new}
    asked_field: str | None
    pending_question: str | None
    turn: int
    reply_language: Literal["en", "zh"]
    notes: list[str]  # acknowledgements and short messages put before this turn's next reply
    pending_tools: list[dict[str, Any]]  # offline mode: ToolRequests as dicts
    side_question: str | None  # LLM mode: a question to answer with tools
    recommend_requested: bool
    corpus_tokens: int | None  # "2M tokens in total", kept until the document count or length splits it
    document_check: dict[str, Any] | None
    pending_confirmation: dict[str, Any] | None  # an ambiguous figure being asked about: {value, monthly, fields}
    corpus_growth_docs_month: float | None  # "growing by 2,000 a month": kept apart from the corpus size


def stated_profile(state: AdvisorState) -> dict[str, Any]:
    """The fields the user gave or corrected: what ``recommend`` gets (the rest take documented defaults)."""
    provenance = state.get("provenance") or {}
    return {k: v for k, v in (state.get("profile") or {}).items() if provenance.get(k) in STATED}


def full_profile(state: AdvisorState) -> dict[str, Any]:
    """Every interview field with its value: given, or the documented default."""
    out = {k: DEFAULTS[k] for k in STATE_PROFILE_ORDER}
    out.update(state.get("profile") or {})
    return out


def next_field(profile: dict[str, Any], provenance: Mapping[str, str]) -> str | None:
    """The next field to ask about: the first unknown field that can still change the answer, or None."""
    for field in FIELDS:
        if field in provenance:
            continue
        if field == "deployment" and profile.get("data_must_stay_on_prem") is True:
            continue  # on-premises already rules out hosted APIs
        if field == "hardware" and profile.get("deployment") == "api":
            continue  # nothing runs locally
        return field
    return None


class Node(Protocol):
    """A graph node: reads the state, returns the update (a Protocol, so LangGraph's typed add_node accepts it)."""

    def __call__(self, state: AdvisorState) -> dict[str, Any]:
        """Return the node's state update."""
        ...


class ConfiguredNode(Protocol):
    """A graph node that also reads the run's config (its thread id: the consultation)."""

    def __call__(self, state: AdvisorState, config: RunnableConfig) -> dict[str, Any]:
        """Return the node's state update."""
        ...
