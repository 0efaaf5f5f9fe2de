"""The one facade every surface (CLI chat, API, Slack, web UI) uses to run consultations."""

from __future__ import annotations

import logging
import re
import threading
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from langchain_core.messages import AIMessage, HumanMessage
from langgraph.types import Command
from pydantic import BaseModel

from agent.llm import is_configured, llm_mode, make_llm
from agent.settings import Settings
from agent.store import DATABASE_URL_VAR, open_store
from knowledge.errors import ToolInputError

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

logger = logging.getLogger(__name__)
ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MAX_MESSAGE_CHARS = 20_000
MAX_LIST = 1000


class UnknownConsultationError(ToolInputError):
    """No consultation has this id."""

    def __init__(self, consultation_id: str) -> None:
        """Name the id."""
        self.consultation_id = consultation_id
        super().__init__(f"Unknown consultation {consultation_id!r}; start a new one, or list them for their ids.")


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
    unfinished: bool  # a turn was cut short (crash); the next send or resume completes it first


class ConsultationSummary(BaseModel):
    """One line of the consultation list."""

    consultation_id: str
    created_at: str
    updated_at: str
    turns: int
    title: str
    top_model: str | None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _events(evidence: Sequence[Mapping[str, Any]]) -> list[ToolEvent]:
    return [ToolEvent(name=e["tool"], args=e["args"], status=e["status"], duration_ms=e["duration_ms"],
                      summary=e["summary"]) for e in evidence]


class AdvisorService:
    """Start, continue, inspect and list consultations; thread-safe (one lock per consultation)."""

    def __init__(self, settings: Settings, llm: BaseChatModel | None = None, checkpoint_path: Path | None = None,
                 database_url: str | None = None, tools: Sequence[Any] | None = None) -> None:
        """Open the store and compile the graph.

        Args:
            settings: process settings (the data dir holds ``checkpoints.sqlite``).
            llm: the chat model; None runs the offline interviewer.
            checkpoint_path: a SQLite file instead of ``data_dir/checkpoints.sqlite``.
            database_url: a Postgres URL (the value of ADVISOR_DATABASE_URL) instead of SQLite.
            tools: the LangChain tools (default: the registry's).
        """
        from agent.graph import build_graph

        self.settings = settings
        self.llm = llm
        if database_url is None and checkpoint_path is None:
            settings.ensure_data_dir()  # an unwritable dir fails here, naming ADVISOR_DATA_DIR
        self._store = open_store(settings.data_dir, database_url, checkpoint_path)
        self._graph = build_graph(llm, tools, self._store.checkpointer)
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> AdvisorService:
        """The service the environment describes: settings, the chat model (if any) and the database."""
        import os

        env = os.environ if env is None else env
        settings = Settings.from_env(env)
        return cls(settings, llm=make_llm(settings), database_url=env.get(DATABASE_URL_VAR) or None)

    @property
    def mode(self) -> str:
        """"offline" or the chat model in use ("openai-compatible: <model>")."""
        if self.llm is None:
            return "offline"
        if is_configured(self.settings):
            return llm_mode(self.settings)
        return f"chat model: {getattr(self.llm, 'model_name', None) or type(self.llm).__name__}"

    def close(self) -> None:
        """Close the database connections."""
        self._store.close()

    def __enter__(self) -> AdvisorService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _lock(self, consultation_id: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(consultation_id, threading.Lock())

    @staticmethod
    def _config(consultation_id: str) -> dict[str, Any]:
        return {"configurable": {"thread_id": consultation_id}}

    def _run(self, consultation_id: str, payload: Any) -> Reply:
        config = self._config(consultation_id)
        before = self._graph.get_state(config).values
        n_messages, n_evidence = len(before.get("messages") or []), len(before.get("evidence") or [])
        self._graph.invoke(payload, config, durability="sync")
        values = self._graph.get_state(config).values
        new = (values.get("messages") or [])[n_messages:]
        last_human = max((i for i, m in enumerate(new) if isinstance(m, HumanMessage)), default=-1)
        text = "\n\n".join(m.content for m in new[last_human + 1:] if isinstance(m, AIMessage) and m.content)
        rec = values.get("recommendation")
        self._store.index.touch(consultation_id, _now(), values.get("turn", 0),
                                rec["recommendations"][0]["model"] if rec and rec["recommendations"] else None)
        return Reply(consultation_id=consultation_id, text=text, pending_question=values.get("pending_question"),
                     asked_field=values.get("asked_field"), profile=values.get("profile") or {},
                     provenance=values.get("provenance") or {}, recommendation=rec,
                     tool_events=_events((values.get("evidence") or [])[n_evidence:]), turn=values.get("turn", 0))

    @staticmethod
    def _text(text: str) -> str:
        text = (text or "").strip()
        if not text:
            raise ToolInputError("The message is empty: type an answer, 'skip', or 'just recommend'.")
        if len(text) > MAX_MESSAGE_CHARS:
            raise ToolInputError(f"The message has {len(text):,} characters; the limit is {MAX_MESSAGE_CHARS:,}.")
        return text

    def start(self, first_message: str | None = None) -> Reply:
        """Start a consultation; with a first message it is read at once, else the advisor greets and asks."""
        text = self._text(first_message) if first_message is not None else None
        consultation_id = uuid.uuid4().hex[:12]
        self._store.index.create(consultation_id, _now(), text or "")
        payload: dict[str, Any] = {"messages": [HumanMessage(text)], "turn": 1} if text else {"turn": 0}
        with self._lock(consultation_id):
            return self._run(consultation_id, payload)

    def _snapshot(self, consultation_id: str) -> Any:
        if not ID_PATTERN.match(consultation_id or ""):
            raise UnknownConsultationError(consultation_id)
        snapshot = self._graph.get_state(self._config(consultation_id))
        if not snapshot.values:
            raise UnknownConsultationError(consultation_id)
        return snapshot

    def resume(self, consultation_id: str) -> Reply:
        """Finish a turn a crash cut short (if any) and return the latest reply with the pending question."""
        with self._lock(consultation_id):
            snapshot = self._snapshot(consultation_id)
            if snapshot.next and not snapshot.interrupts:
                logger.info("completing an unfinished turn of %s", consultation_id)
                return self._run(consultation_id, None)
            values = snapshot.values
            messages = values.get("messages") or []
            last_human = max((i for i, m in enumerate(messages) if isinstance(m, HumanMessage)), default=-1)
            text = "\n\n".join(m.content for m in messages[last_human + 1:] if isinstance(m, AIMessage))
            turn = values.get("turn", 0)
            return Reply(consultation_id=consultation_id, text=text, pending_question=values.get("pending_question"),
                         asked_field=values.get("asked_field"), profile=values.get("profile") or {},
                         provenance=values.get("provenance") or {}, recommendation=values.get("recommendation"),
                         tool_events=_events([e for e in values.get("evidence") or [] if e["turn"] == turn]),
                         turn=turn)

    def send(self, consultation_id: str, text: str) -> Reply:
        """Answer the pending question (or change a constraint, ask a side question) and get the next reply."""
        text = self._text(text)
        with self._lock(consultation_id):
            snapshot = self._snapshot(consultation_id)
            prefix = ""
            if snapshot.next and not snapshot.interrupts:  # a crash cut the last turn short: finish it first
                prefix = self._run(consultation_id, None).text + "\n\n"
            reply = self._run(consultation_id, Command(resume=text))
            return reply.model_copy(update={"text": prefix + reply.text}) if prefix.strip() else reply

    def state(self, consultation_id: str) -> ConsultationState:
        """The consultation as it stands: profile with provenance, transcript, pending question, recommendation."""
        snapshot = self._snapshot(consultation_id)
        values = snapshot.values
        transcript = [TranscriptMessage(role="user" if isinstance(m, HumanMessage) else "assistant", text=m.content)
                      for m in values.get("messages") or []
                      if isinstance(m, HumanMessage | AIMessage) and isinstance(m.content, str) and m.content]
        row = self._store.index.get(consultation_id) or {}
        return ConsultationState(
            consultation_id=consultation_id, created_at=row.get("created_at"), updated_at=row.get("updated_at"),
            turn=values.get("turn", 0), profile=values.get("profile") or {},
            provenance=values.get("provenance") or {}, transcript=transcript,
            pending_question=values.get("pending_question") if snapshot.interrupts else None,
            asked_field=values.get("asked_field"), recommendation=values.get("recommendation"),
            evidence=_events(values.get("evidence") or []), document_check=values.get("document_check"),
            unfinished=bool(snapshot.next and not snapshot.interrupts))

    def recommend(self, profile: dict[str, Any]) -> dict[str, Any]:
        """One-shot recommendation for a whole profile: the same object the batch command writes."""
        from tools.recommend import recommend

        return recommend(profile)

    def list(self, limit: int = 20, offset: int = 0) -> list[ConsultationSummary]:
        """Consultations, newest first; ``limit`` 1-1000, ``offset`` from 0."""
        if not 1 <= limit <= MAX_LIST or offset < 0:
            raise ToolInputError(f"limit must be 1-{MAX_LIST} and offset at least 0 (got limit={limit}, "
                                 f"offset={offset})")
        return [ConsultationSummary(consultation_id=r["id"], created_at=r["created_at"], updated_at=r["updated_at"],
                                    turns=r["turns"], title=r["title"], top_model=r["top_model"])
                for r in self._store.index.list(limit, offset)]
