"""What the service answers: a reply to one message, a consultation's state, a line of the consultation list."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from pydantic import BaseModel, Field


class ToolEvent(BaseModel):
    """One tool call made for a reply: what ran, with which arguments, how it went and how long it took."""

    name: str
    args: dict[str, Any]
    status: Literal["ok", "error"]
    duration_ms: float
    summary: str


class Reply(BaseModel):
    """The advisor's answer to one message."""

    consultation_id: str
    text: str
    pending_question: str | None
    asked_field: str | None
    profile: dict[str, Any]
    provenance: dict[str, str]
    recommendation: dict[str, Any] | None
    tool_events: list[ToolEvent]
    turn: int
    replayed: bool = Field(default=False, description=(
        "True when this answers a message_id sent before: the message was not applied again, and the reply is "
        "that turn's, rebuilt from the store (profile, question and recommendation as they stand now)."))


class TranscriptMessage(BaseModel):
    """One message of the conversation."""

    role: Literal["user", "assistant"]
    text: str


class ConsultationState(BaseModel):
    """Everything a surface needs to show a consultation."""

    consultation_id: str
    created_at: str | None
    updated_at: str | None
    turn: int
    profile: dict[str, Any]
    provenance: dict[str, str]
    transcript: list[TranscriptMessage]
    pending_question: str | None
    asked_field: str | None
    recommendation: dict[str, Any] | None
    evidence: list[ToolEvent]
    document_check: dict[str, Any] | None
    documents: list[dict[str, Any]] = Field(default_factory=list)  # files attached to the consultation
    checks: list[dict[str, Any]] = Field(default_factory=list)  # document checks: status, progress, results
    unfinished: bool  # a turn was cut short (crash); the next send or resume completes it first


class ConsultationSummary(BaseModel):
    """One line of the consultation list."""

    consultation_id: str
    created_at: str
    updated_at: str
    turns: int
    title: str
    top_model: str | None


def tool_events(evidence: Sequence[Mapping[str, Any]]) -> list[ToolEvent]:
    """The state's evidence records as the tool events a reply shows."""
    return [ToolEvent(name=e["tool"], args=e["args"], status=e["status"], duration_ms=e["duration_ms"],
                      summary=e["summary"]) for e in evidence]
