"""Request and response models of the REST API; every error body is an ErrorBody."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from agent.service import MAX_MESSAGE_CHARS, ConsultationState, ConsultationSummary, Reply
from tools.recommend import RecommendationResult

__all__ = ["ConsultationState", "ConsultationSummary", "RecommendationResult", "Reply"]


class ErrorBody(BaseModel):
    """Every failure: a stable code, a message a person can act on, and the offending field when there is one."""

    code: str = Field(examples=["invalid_input"])
    message: str
    field: str | None = None
    problems: dict[str, str] | None = None


class StartConsultation(BaseModel):
    """Start a consultation, optionally with the first message."""

    model_config = ConfigDict(extra="forbid")

    message: str | None = Field(default=None, max_length=MAX_MESSAGE_CHARS,
                                examples=["legal contracts in Chinese and English, 200k docs"])


class MessageIn(BaseModel):
    """One user message."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_MESSAGE_CHARS, examples=["a T4, data must stay on prem"])


class ConsultationList(BaseModel):
    """A page of consultations, newest first."""

    items: list[ConsultationSummary]
    limit: int
    offset: int


class ModelSearchResult(BaseModel):
    """Catalog search results (tools.model_catalog.search_models)."""

    model_config = ConfigDict(extra="allow")

    benchmark: str | None
    filters: dict[str, Any]
    matched: int
    models: list[dict[str, Any]]
    source: str


class ModelDetails(BaseModel):
    """Everything known about one model (tools.model_catalog.show_model)."""

    model_config = ConfigDict(extra="allow")

    name: str
    aliases: list[str]
    kind: str
    family: str | None
    facts: list[dict[str, Any]]
    scores: list[dict[str, Any]]
    scores_source: str


class DocumentIn(BaseModel):
    """One document of a JSON evaluation corpus."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1)


class QueryIn(BaseModel):
    """One query."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1, max_length=2000)


class QrelIn(BaseModel):
    """One relevance judgement."""

    model_config = ConfigDict(extra="forbid")

    query_id: str = Field(min_length=1)
    doc_id: str = Field(min_length=1)
    score: int = Field(default=1, ge=0)


class EvaluationJSON(BaseModel):
    """A JSON evaluation: documents, optional queries and qrels (without queries, queries are generated)."""

    model_config = ConfigDict(extra="forbid")

    documents: list[DocumentIn] = Field(min_length=1, max_length=100_000)
    queries: list[QueryIn] = Field(default_factory=list, max_length=10_000)
    qrels: list[QrelIn] = Field(default_factory=list, max_length=1_000_000)
    models: list[str] = Field(default_factory=lambda: ["minilm", "bm25"], min_length=1, max_length=10)


class EvaluationAccepted(BaseModel):
    """An evaluation job was queued."""

    id: str
    status: Literal["pending", "running", "done", "failed"]
    url: str


class EvaluationStatus(BaseModel):
    """Where an evaluation job stands; ``summary`` is tools.evaluate.summarise_results once done."""

    id: str
    status: Literal["pending", "running", "done", "failed"]
    progress: float = Field(ge=0, le=1)
    stage: str | None = None
    models: list[str]
    created_at: str
    finished_at: str | None = None
    summary: dict[str, Any] | None = None
    error: ErrorBody | None = None


class Health(BaseModel):
    """Liveness and the LLM mode."""

    status: Literal["ok"] = "ok"
    mode: str
    auth: bool
    slack: bool
