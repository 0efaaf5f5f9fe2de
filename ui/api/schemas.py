"""Request and response models of the REST API; every error body is an ErrorBody."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict
from pydantic.json_schema import JsonDict

from agent.replies import ConsultationState, ConsultationSummary, Reply
from agent.service import MAX_MESSAGE_CHARS, MESSAGE_ID_PATTERN
from tools.catalog.lookup import DOMAINS, KINDS, SORT_KEYS
from tools.rank.shortlist import RecommendationResult

CLIENT_ID = MESSAGE_ID_PATTERN.pattern  # request_id, message_id and the Idempotency-Key header

__all__ = ["ConsultationState", "ConsultationSummary", "RecommendationResult", "Reply"]


def _integral(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


# An integer as JSON Schema means it: 3 or 3.0, never true or "3" (which lax pydantic would take).
JsonInt = Annotated[int, Strict(), BeforeValidator(_integral)]
NOT_BLANK: JsonDict = {"pattern": r"\S"}  # documented here, checked by the service (422 "The message is empty")
# Catalog filters with a closed set of values are enums in the schema, built from the tool's own tuples.
SearchKind = Literal[KINDS]  # type: ignore[valid-type]
SearchDomain = Literal[DOMAINS]  # type: ignore[valid-type]
SearchSort = Literal[SORT_KEYS]  # type: ignore[valid-type]
SearchLicense = Literal["any", "commercial"]
# One candidate: minilm, static, bm25, openai:<model>, hybrid:<model>, or a Hugging Face id (org/name). Each part
# starts with a letter or digit, so no server path ("/etc", "../x", "~") can be named through the API.
MODEL_SPEC = r"[A-Za-z0-9][A-Za-z0-9_.-]*(?::[A-Za-z0-9][A-Za-z0-9_.-]*)?(?:/[A-Za-z0-9][A-Za-z0-9_.-]*)?"
MAX_MODELS = 10
MODEL_LIST_PATTERN = rf"^ *{MODEL_SPEC} *(?:, *{MODEL_SPEC} *){{0,{MAX_MODELS - 1}}}$"
ModelSpec = Annotated[str, Field(pattern=f"^{MODEL_SPEC}$", max_length=200, examples=["minilm", "bm25"])]
# A positive count with an optional k/M/B/T unit ("600M", "1.5B", "7e9"); a bounded exponent keeps it finite.
MAX_PARAMS_PATTERN = (r"^(?:[0-9]*[1-9][0-9]*(?:\.[0-9]+)?|[0-9]*\.[0-9]*[1-9][0-9]*)(?:[eE][0-9]{1,2})?"
                      r"[kKmMbBgGtT]?$")


class ErrorBody(BaseModel):
    """Every failure: a stable code, a message a person can act on, and the offending field when there is one."""

    code: str = Field(examples=["invalid_input"])
    message: str
    field: str | None = None
    problems: dict[str, str] | None = None


class StartConsultation(BaseModel):
    """Start a consultation, optionally with the first message.

    Give it a ``request_id`` (or an ``Idempotency-Key`` header) to send it safely again after a timeout: the
    consultation that id started is returned (``replayed: true``) instead of a second one. Reusing an id with a
    different first message is an error (422).
    """

    model_config = ConfigDict(extra="forbid")

    message: str | None = Field(default=None, max_length=MAX_MESSAGE_CHARS, json_schema_extra=NOT_BLANK,
                                examples=["legal contracts in Chinese and English, 200k docs"])
    request_id: str | None = Field(default=None, pattern=CLIENT_ID,
                                   examples=["9c1e7d4a-start"],
                                   description="Client-chosen id that makes a resend safe (one consultation).")


class MessageIn(BaseModel):
    """One user message.

    Give it a ``message_id`` (or an ``Idempotency-Key`` header) to send it safely again after a timeout or a lost
    connection: a message id is applied at most once per consultation. If the first attempt was stored, the resend
    returns its reply (``replayed: true``) and changes nothing; if it was not, the message is applied now. Reusing
    an id for a different text is an error (422).
    """

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_MESSAGE_CHARS, json_schema_extra=NOT_BLANK,
                      examples=["a T4, data must stay on prem"])
    message_id: str | None = Field(default=None, pattern=CLIENT_ID,
                                   examples=["3f2b9c1e-7d4a-4b8e-9a51-0c6d2e8f1a77"],
                                   description="Client-chosen id that makes a resend safe (at most once).")


class ConsultationList(BaseModel):
    """A page of consultations, newest first."""

    items: list[ConsultationSummary]
    limit: int
    offset: int


class ModelSearchResult(BaseModel):
    """Catalog search results (tools.catalog.lookup.search_models)."""

    model_config = ConfigDict(extra="allow")

    benchmark: str | None
    filters: dict[str, Any]
    matched: int
    models: list[dict[str, Any]]
    source: str


class WhyNotRequest(BaseModel):
    """'Why not X?' for a profile; with ``versus``, 'X vs Y'."""

    model_config = ConfigDict(extra="forbid")

    model: str = Field(min_length=1, max_length=200, examples=["text-embedding-3-large"])
    versus: str | None = Field(default=None, min_length=1, max_length=200, examples=["BAAI/bge-m3"])
    profile: dict[str, Any] = Field(default_factory=dict, description="a requirement profile (RequirementProfile), "
                                    "validated by the service like POST /v1/recommendations")


class WhyNotAnswer(BaseModel):
    """The constraint that rejected a model, or its gap to the picks, in one sentence (tools.rank.why_not)."""

    model_config = ConfigDict(extra="allow")

    model: str
    status: str = Field(description="rejected, lower_ranked, not_considered, recommended, preferred, both_rejected")
    sentence: str
    reasons: list[str]
    score: float
    rank: int | None
    compared_to: str | None
    gaps: list[dict[str, Any]]
    plan: dict[str, Any]


class ModelDetails(BaseModel):
    """Everything known about one model (tools.catalog.lookup.show_model)."""

    model_config = ConfigDict(extra="allow")

    name: str
    aliases: list[str]
    kind: str
    family: str | None
    facts: list[dict[str, Any]]
    scores: list[dict[str, Any]]
    scores_source: str


ID_TEXT = r"^[^\x00-\x1f\x7f]+$"  # no tabs, newlines or other control characters (they break the qrels file)


class DocumentIn(BaseModel):
    """One document of a JSON evaluation corpus."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=200, pattern=ID_TEXT)
    text: str = Field(min_length=1)


class QueryIn(BaseModel):
    """One query."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=200, pattern=ID_TEXT)
    text: str = Field(min_length=1, max_length=2000)


class QrelIn(BaseModel):
    """One relevance judgement."""

    model_config = ConfigDict(extra="forbid")

    query_id: str = Field(min_length=1, max_length=200, pattern=ID_TEXT)
    doc_id: str = Field(min_length=1, max_length=200, pattern=ID_TEXT)
    score: JsonInt = Field(default=1, ge=0, le=1_000_000)


class EvaluationJSON(BaseModel):
    """A JSON evaluation: documents, optional queries and qrels (without queries, queries are generated)."""

    model_config = ConfigDict(extra="forbid")

    documents: list[DocumentIn] = Field(min_length=1, max_length=100_000)
    queries: list[QueryIn] = Field(default_factory=list, max_length=10_000)
    qrels: list[QrelIn] = Field(default_factory=list, max_length=1_000_000)
    models: list[ModelSpec] = Field(default_factory=lambda: ["minilm", "bm25"], min_length=1, max_length=MAX_MODELS)


class DocumentsAttached(BaseModel):
    """Documents were attached to a consultation."""

    attached: list[str]
    documents: list[dict[str, Any]]
    url: str


class EvaluationAccepted(BaseModel):
    """An evaluation job was queued."""

    id: str
    status: Literal["pending", "running", "done", "failed", "cancelled"]
    url: str


class EvaluationStatus(BaseModel):
    """Where an evaluation job stands; ``summary`` is tools.evaluation.retrieval_check.summarise_results once done."""

    id: str
    status: Literal["pending", "running", "done", "failed", "cancelled"]
    progress: float = Field(ge=0, le=1)
    stage: str | None = None
    models: list[str]
    created_at: str
    finished_at: str | None = None
    summary: dict[str, Any] | None = None
    error: ErrorBody | None = None
    files: list[str] = Field(default_factory=list, description="The corpus files as stored (sanitised names).")
    resumed: int = Field(default=0, ge=0, description=(
        "Times the job was queued again because the server stopped during it; after two cut-short runs it is "
        "failed with code `interrupted` instead."))


class WorkerHealth(BaseModel):
    """The evaluation workers: how many run, how many are alive, what waits."""

    ok: bool
    workers: int
    alive: int
    running: int
    queue_depth: int
    max_queue: int
    restarts: int


class Health(BaseModel):
    """Liveness, the LLM mode and the evaluation workers; "degraded" (HTTP 503) when no worker is alive."""

    status: Literal["ok", "degraded"] = "ok"
    mode: str
    auth: bool
    slack: bool
    worker: WorkerHealth | None = None
