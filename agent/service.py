"""The one facade every surface (CLI chat, API, Slack, web UI) uses to run consultations."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import threading
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from langchain_core.messages import AIMessage, HumanMessage
from langgraph.types import Command

from agent.evidence import ConsultationEvidence
from agent.llm import is_configured, llm_mode, make_llm
from agent.partials import Partial, stream_turn
from agent.principal import OPERATOR, Principal
from agent.replies import ConsultationState, ConsultationSummary, Reply, TranscriptMessage, tool_events
from agent.state import stated_profile
from agent.store import is_disk_full, open_store
from knowledge.errors import (
    MessageIdReusedError,
    QuotaExceededError,
    RequestIdError,
    StorageFullError,
    ToolInputError,
    UnknownConsultationError,
)
from knowledge.settings import Settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.runnables import RunnableConfig

logger = logging.getLogger(__name__)
ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MESSAGE_ID_PATTERN = re.compile(r"^[A-Za-z0-9._:-]{1,100}$")
MAX_MESSAGE_CHARS = 20_000
MAX_LIST = 1000
USAGE_TTL_S = 5.0  # a principal's disk usage is counted again at most this often


def _edit_note(changes: list[dict[str, Any]], lang: str) -> str:
    from agent import interviewer as iv

    if not changes:
        return ("Nothing changed: the profile already had those values.", "没有变化：资料中已是这些值。")[lang == "zh"]
    items = "; ".join(f"{iv.label(c['field'], lang)} -> {iv.show_value(c['field'], c['new'])}" for c in changes)
    return ("Edited: {items}.", "已编辑：{items}。")[lang == "zh"].format(items=items)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _unfinished(snapshot: Any) -> bool:
    """Whether a crash cut the last turn short (a finished turn always ends waiting at the answer interrupt).

    Work is left either as a next step or as a step whose writes were saved before the checkpoint after it (then
    ``next`` is empty, so ``tasks`` is what tells).
    """
    return bool(snapshot.tasks) and not snapshot.interrupts


class AdvisorService:
    """Start, continue, inspect and list consultations; thread-safe (one lock per consultation)."""

    def __init__(self, settings: Settings, llm: BaseChatModel | None = None, checkpoint_path: Path | None = None,
                 database_url: str | None = None, tools: Sequence[Any] | None = None,
                 evidence: ConsultationEvidence | None = None) -> None:
        """Open the store and compile the graph.

        Args:
            settings: process settings (the data dir holds ``checkpoints.sqlite``).
            llm: the chat model; None runs the offline interviewer.
            checkpoint_path: a SQLite file instead of ``data_dir/checkpoints.sqlite``.
            database_url: a Postgres URL (the value of ADVISOR_DATABASE_URL) instead of SQLite.
            tools: the LangChain tools (default: the registry's).
            evidence: the consultations' documents and checks (default: under the data dir).
        """
        from agent.graph import build_graph

        self.settings = settings
        self.llm = llm
        if checkpoint_path is None:  # every surface writes under the data dir (uploads, jobs, reports, Slack)
            settings.ensure_data_dir()  # a read-only dir or a full disk fails here, naming the path
        self._store = open_store(settings.data_dir, database_url, checkpoint_path)
        self.evidence = evidence or ConsultationEvidence(settings.data_dir, settings=settings)
        self.tool_names = [t.name for t in tools] if tools is not None else None  # None: the registry's
        self._graph = build_graph(llm, tools, self._store.checkpointer)
        self._locks: dict[str, threading.Lock] = {}
        self._lock_users: dict[str, int] = {}  # threads holding or waiting for each lock
        self._locks_guard = threading.Lock()
        self._starts_lock = threading.Lock()  # one consultation per start request id, even when sent twice at once
        self._usage: dict[str, tuple[float, int]] = {}  # principal id -> (when counted, bytes)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> AdvisorService:
        """The service the environment describes: settings, the chat model (if any) and the database."""
        return cls.from_settings(Settings.from_env(env))

    @classmethod
    def from_settings(cls, settings: Settings) -> AdvisorService:
        """The service ``settings`` describe: the chat model (if any), the database and the evidence tools."""
        from agent.evidence_tools import evidence_tools
        from tools.langchain_tools import langchain_tools

        evidence = ConsultationEvidence(settings.data_dir, settings=settings)
        # The evidence tools (checks on attached documents, quick MTEB, probes, tokenization) join the knowledge tools.
        tools = langchain_tools(settings.data_dir, [settings.layout.uploads, settings.layout.consultation_documents],
                                settings.embeddings_base_url, settings.embeddings_api_key) + evidence_tools(evidence)
        return cls(settings, llm=make_llm(settings), database_url=settings.database_url, tools=tools,
                   evidence=evidence)

    @property
    def mode(self) -> str:
        """"offline" or the chat model in use ("openai-compatible: <model>")."""
        if self.llm is None:
            return "offline"
        if is_configured(self.settings):
            return llm_mode(self.settings)
        return f"chat model: {getattr(self.llm, 'model_name', None) or type(self.llm).__name__}"

    def close(self) -> None:
        """Close the database connections (and stop the check worker, if one was started)."""
        self._store.close()
        self.evidence.close()

    def __enter__(self) -> AdvisorService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _lock(self, consultation_id: str) -> Iterator[None]:
        """Hold the consultation's lock; it is dropped once no thread holds or waits for it, so ids do not pile up."""
        with self._locks_guard:
            lock = self._locks.setdefault(consultation_id, threading.Lock())
            self._lock_users[consultation_id] = self._lock_users.get(consultation_id, 0) + 1
        try:
            with lock, self._store.lock(f"consultation:{consultation_id}"):  # the second one: across workers
                yield
        finally:
            with self._locks_guard:
                self._lock_users[consultation_id] -= 1
                if not self._lock_users[consultation_id]:
                    del self._locks[consultation_id], self._lock_users[consultation_id]

    @staticmethod
    def _config(consultation_id: str) -> RunnableConfig:
        return {"configurable": {"thread_id": consultation_id}}

    @contextlib.contextmanager
    def _saving(self, consultation_id: str | None = None, turn: int | None = None) -> Iterator[None]:
        """Turn a full disk into StorageFullError, saying whether the message was stored (every step commits alone)."""
        try:
            yield
        except StorageFullError:
            raise
        except Exception as exc:
            if not is_disk_full(exc):
                raise
            logger.error("no space left on the disk holding %s", self._store.where)
            saved = False
            if consultation_id is not None and turn is not None:
                with contextlib.suppress(Exception):  # reading needs no space; if it fails, say "not saved"
                    saved = self._graph.get_state(self._config(consultation_id)).values.get("turn", 0) > turn
            raise StorageFullError(self._store.where, saved=saved) from exc

    def _run(self, consultation_id: str, payload: Any, on_partial: Partial | None = None) -> Reply:
        config = self._config(consultation_id)
        before = self._graph.get_state(config).values
        n_messages, n_evidence = len(before.get("messages") or []), len(before.get("evidence") or [])
        if on_partial is None:
            self._graph.invoke(payload, config, durability="sync")
        else:
            stream_turn(self._graph, payload, config, on_partial)
        values = self._graph.get_state(config).values
        new = (values.get("messages") or [])[n_messages:]
        last_human = max((i for i, m in enumerate(new) if isinstance(m, HumanMessage)), default=-1)
        text = "\n\n".join(str(m.content) for m in new[last_human + 1:] if isinstance(m, AIMessage) and m.content)
        rec = values.get("recommendation")
        try:
            self._store.index.touch(consultation_id, _now(), values.get("turn", 0),
                                    rec["recommendations"][0]["model"] if rec and rec["recommendations"] else None)
        except Exception as exc:  # the turn is stored; only the list's "updated" column lags behind
            if not is_disk_full(exc):
                raise
            logger.warning("no space left to update the list entry of %s", consultation_id)
        return Reply(consultation_id=consultation_id, text=text, pending_question=values.get("pending_question"),
                     asked_field=values.get("asked_field"), profile=values.get("profile") or {},
                     provenance=values.get("provenance") or {}, recommendation=rec,
                     tool_events=tool_events((values.get("evidence") or [])[n_evidence:]), turn=values.get("turn", 0))

    @staticmethod
    def _text(text: str) -> str:
        text = (text or "").strip()
        if not text:
            raise ToolInputError("The message is empty: type an answer, 'skip', or 'just recommend'.")
        if len(text) > MAX_MESSAGE_CHARS:
            raise ToolInputError(f"The message has {len(text):,} characters; the limit is {MAX_MESSAGE_CHARS:,}.")
        return text

    def start(self, first_message: str | None = None, request_id: str | None = None,
              principal: Principal | None = None, on_partial: Partial | None = None) -> Reply:
        """Start a consultation; with a first message it is read at once, else the advisor greets and asks.

        Args:
            first_message: the user's first message, if any.
            request_id: an id the client gives this start (like ``message_id``). Sending it again (say, after a
                timeout) starts nothing new: the consultation it started is returned with ``replayed=True``.
            principal: who starts it (its owner); None is the operator (owner ``local``).
            on_partial: called with the reply's text each time it grows (the LLM's tokens as they arrive); the last
                call's text is the reply's.
        """
        owner = (principal or OPERATOR).id
        text = self._text(first_message) if first_message is not None else None
        if request_id is not None and not MESSAGE_ID_PATTERN.match(request_id):
            raise RequestIdError("request_id must be 1-100 letters, digits, '.', '_', ':' or '-'")
        consultation_id = uuid.uuid4().hex[:12]
        # one principal's ids are its own
        key = "" if request_id is None else request_id if owner == OPERATOR.id else f"{owner}/{request_id}"
        if request_id is None or self._store.index.started(key) is None:  # a resend is answered even at the quota
            self.check_quota(principal)
        if request_id is not None:
            with self._starts_lock, self._store.lock(f"start:{key}"), self._saving():
                if (seen := self._store.index.started(key)) is None:
                    self._store.index.record_start(key, consultation_id, text or "")
            if seen is not None:
                consultation_id, seen_text = seen
                if seen_text != (text or ""):
                    raise RequestIdError(f"request_id {request_id!r} already started a consultation with another "
                                         "first message; give every new consultation an id of its own")
        payload: dict[str, Any] = {"messages": [HumanMessage(text)], "turn": 1} if text else {"turn": 0}
        with self._lock(consultation_id), self._saving():
            if self._store.index.get(consultation_id) is None:
                self._store.index.create(consultation_id, _now(), text or "", owner)
            else:  # this request id started it before: the stored consultation, its first turn finished if cut short
                snapshot = self._graph.get_state(self._config(consultation_id))
                if snapshot.values:
                    logger.info("start %s was applied before: replaying %s", request_id, consultation_id)
                    return self._latest(consultation_id, snapshot).model_copy(update={"replayed": True})
            return self._run(consultation_id, payload, on_partial)

    def _snapshot(self, consultation_id: str, principal: Principal | None = None) -> Any:
        self.check_owner(consultation_id, principal)
        snapshot = self._graph.get_state(self._config(consultation_id))
        if not snapshot.values:
            raise UnknownConsultationError(consultation_id)
        return snapshot

    def check_owner(self, consultation_id: str, principal: Principal | None = None) -> None:
        """Raise UnknownConsultationError unless the consultation exists and ``principal`` may see it.

        Another principal's consultation answers exactly like one that does not exist. None is the operator.
        """
        if not ID_PATTERN.match(consultation_id or ""):
            raise UnknownConsultationError(consultation_id)
        if principal is not None and not principal.admin:
            row = self._store.index.get(consultation_id)
            if row is None or not principal.can_see(row.get("owner")):
                raise UnknownConsultationError(consultation_id)

    def resume(self, consultation_id: str, principal: Principal | None = None) -> Reply:
        """Finish a turn a crash cut short (if any) and return the latest reply with the pending question."""
        with self._lock(consultation_id):
            return self._latest(consultation_id, self._snapshot(consultation_id, principal))

    def _latest(self, consultation_id: str, snapshot: Any) -> Reply:
        """The latest reply, after finishing a turn a crash cut short (the caller holds the consultation's lock)."""
        if _unfinished(snapshot):
            logger.info("completing an unfinished turn of %s", consultation_id)
            return self._run(consultation_id, None)
        return self._reply_at(consultation_id, snapshot.values, snapshot.values.get("turn", 0))

    @staticmethod
    def _reply_at(consultation_id: str, values: Mapping[str, Any], turn: int) -> Reply:
        """The reply of turn ``turn`` rebuilt from the stored messages; profile, question and recommendation as now."""
        messages = values.get("messages") or []
        humans = [i for i, m in enumerate(messages) if isinstance(m, HumanMessage)]  # the n-th one opened turn n
        start = humans[turn - 1] + 1 if 0 < turn <= len(humans) else 0
        end = humans[turn] if turn < len(humans) else len(messages)
        text = "\n\n".join(str(m.content) for m in messages[start:end] if isinstance(m, AIMessage) and m.content)
        return Reply(consultation_id=consultation_id, text=text, pending_question=values.get("pending_question"),
                     asked_field=values.get("asked_field"), profile=values.get("profile") or {},
                     provenance=values.get("provenance") or {}, recommendation=values.get("recommendation"),
                     tool_events=tool_events([e for e in values.get("evidence") or [] if e["turn"] == turn]), turn=turn)

    def _replay(self, consultation_id: str, snapshot: Any, message_id: str, text: str) -> Reply | None:
        """The reply to a message id seen before, if its message was stored; None when it still has to be applied."""
        seen = self._store.index.message(consultation_id, message_id)
        if seen is None:
            return None
        turn, seen_text = seen
        if seen_text != text:
            raise MessageIdReusedError(f"message_id {message_id!r} was already used in this consultation for another "
                                 "message; give every new message an id of its own")
        humans = [m for m in snapshot.values.get("messages") or [] if isinstance(m, HumanMessage)]
        if len(humans) <= turn or humans[turn].content != text:
            return None  # the earlier attempt ended before the message was stored
        if _unfinished(snapshot):  # stored, but the process died before the reply: finish it
            self._run(consultation_id, None)
            snapshot = self._graph.get_state(self._config(consultation_id))
        logger.info("message %s of %s was applied before: replaying its reply", message_id, consultation_id)
        return self._reply_at(consultation_id, snapshot.values, turn + 1).model_copy(update={"replayed": True})

    def send(self, consultation_id: str, text: str, message_id: str | None = None,
             principal: Principal | None = None, on_partial: Partial | None = None) -> Reply:
        """Answer the pending question (or change a constraint, ask a side question) and get the next reply.

        Args:
            consultation_id: the consultation.
            text: the user's message.
            message_id: an id the client gives this message (letters, digits, ``._:-``, up to 100). Sending the same
                id again (say, after a timeout) applies the message at most once: if it was stored, its reply is
                returned again with ``replayed=True``; if not, it is applied now.
            principal: who sends it; another principal's consultation is unknown to it.
            on_partial: called with the reply's text each time it grows (the LLM's tokens as they arrive); the last
                call's text is the reply's.
        """
        text = self._text(text)
        if message_id is not None and not MESSAGE_ID_PATTERN.match(message_id):
            raise ToolInputError("message_id must be 1-100 letters, digits, '.', '_', ':' or '-'")
        with self._lock(consultation_id):
            snapshot = self._snapshot(consultation_id, principal)
            with self._saving(consultation_id, snapshot.values.get("turn", 0)):
                if message_id is not None:
                    if (replay := self._replay(consultation_id, snapshot, message_id, text)) is not None:
                        return replay
                    self._store.index.record_message(consultation_id, message_id, snapshot.values.get("turn", 0),
                                                     text)
                return self._send(consultation_id, snapshot, text, on_partial)

    def _send(self, consultation_id: str, snapshot: Any, text: str, on_partial: Partial | None = None) -> Reply:
        prefix = ""
        if _unfinished(snapshot):  # a crash cut the last turn short: finish it first
            prefix = self._run(consultation_id, None).text + "\n\n"
        shown = (lambda partial: on_partial(prefix + partial)) if on_partial and prefix.strip() else on_partial
        reply = self._run(consultation_id, Command(resume=text), shown)
        return reply.model_copy(update={"text": prefix + reply.text}) if prefix.strip() else reply

    def edit_profile(self, consultation_id: str, changes: dict[str, Any],
                     principal: Principal | None = None) -> Reply:
        """Change profile fields directly (a table edit, PATCH, ``/set``): validated, stored with provenance "edited".

        The edit flows into the consultation like a changed constraint: an existing short list is ranked again and
        the reply says what changed; before a recommendation the interview goes on with its next question.

        Args:
            consultation_id: the consultation.
            changes: field -> value; a value may be typed (``200000``) or text as a user would write it ("200k",
                "A100 80GB", "en, ja").
            principal: who edits it; another principal's consultation is unknown to it.

        Raises:
            ProfileError: naming every bad field (unknown, or a value the profile contract rejects); nothing changes.
        """
        from agent.profile_edits import edited_state

        with self._lock(consultation_id):
            snapshot = self._snapshot(consultation_id, principal)
            with self._saving(consultation_id, snapshot.values.get("turn", 0)):
                if _unfinished(snapshot):
                    self._run(consultation_id, None)
                    snapshot = self._snapshot(consultation_id)
                update = edited_state(snapshot.values, changes)
                lang = snapshot.values.get("reply_language", "en")
                update["notes"] = [_edit_note(update["changes"], lang)]
                self._graph.update_state(self._config(consultation_id), update, as_node="understand")
                return self._run(consultation_id, None)

    def apply_check(self, consultation_id: str, principal: Principal | None = None) -> Reply | None:
        """Re-rank the short list by the consultation's document check once it is done (polling surfaces call this).

        Returns the reply with the re-ranked short list and what the measurement changed, or None while the check
        runs, when it failed, or when a recommendation already carries its results.
        """
        from agent.nodes import unapplied_check

        with self._lock(consultation_id):
            snapshot = self._snapshot(consultation_id, principal)
            if unapplied_check(snapshot.values.get("document_check")) is None:
                return None
            with self._saving(consultation_id, snapshot.values.get("turn", 0)):
                if _unfinished(snapshot):
                    self._run(consultation_id, None)
                lang = snapshot.values.get("reply_language", "en")
                note = ("The check on your documents is done: the short list now follows its measurements.",
                        "文档检查已完成：短名单现在按实测结果排序。")[lang == "zh"]
                self._graph.update_state(self._config(consultation_id), {"recommend_requested": True,
                                                                         "notes": [note]}, as_node="understand")
                return self._run(consultation_id, None)

    def state(self, consultation_id: str, principal: Principal | None = None) -> ConsultationState:
        """The consultation as it stands: profile with provenance, transcript, pending question, recommendation."""
        snapshot = self._snapshot(consultation_id, principal)
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
            evidence=tool_events(values.get("evidence") or []), document_check=values.get("document_check"),
            documents=self.evidence.documents(consultation_id), checks=self.evidence.checks(consultation_id),
            unfinished=_unfinished(snapshot))

    def recommend(self, profile: dict[str, Any]) -> dict[str, Any]:
        """One-shot recommendation for a whole profile: the same object the batch command writes."""
        from tools.rank.shortlist import recommend

        return recommend(profile)

    def why_not(self, model: str, profile: dict[str, Any] | None = None, versus: str | None = None,
                consultation_id: str | None = None, principal: Principal | None = None) -> dict[str, Any]:
        """'Why not X?' (and 'X vs Y') for a profile, or for a consultation's profile as the user stated it.

        With ``consultation_id`` the consultation must be ``principal``'s (another principal's is unknown to it).
        """
        from tools.rank.why_not import why_not

        if consultation_id is not None:
            values = self._snapshot(consultation_id, principal).values
            rec = values.get("recommendation")
            profile = rec["profile"] if rec else stated_profile(values)
        return why_not(model, profile or {}, versus)

    def list(self, limit: int = 20, offset: int = 0, principal: Principal | None = None) -> list[ConsultationSummary]:
        """Consultations, newest first; ``limit`` 1-1000, ``offset`` from 0; a principal's own (an admin's: all)."""
        if not 1 <= limit <= MAX_LIST or offset < 0:
            raise ToolInputError(f"limit must be 1-{MAX_LIST} and offset at least 0 (got limit={limit}, "
                                 f"offset={offset})")
        owner = None if principal is None or principal.admin else principal.id
        return [ConsultationSummary(consultation_id=r["id"], created_at=r["created_at"], updated_at=r["updated_at"],
                                    turns=r["turns"], title=r["title"], top_model=r["top_model"])
                for r in self._store.index.list(limit, offset, owner)]

    def delete(self, consultation_id: str, principal: Principal | None = None) -> None:
        """Delete a consultation: every checkpoint, its list entry and its report files."""
        import shutil

        self.check_owner(consultation_id, principal)
        with self._lock(consultation_id):
            if self._store.index.get(consultation_id) is None and not self._graph.get_state(
                    self._config(consultation_id)).values:
                raise UnknownConsultationError(consultation_id)
            self._store.delete(consultation_id)
        shutil.rmtree(self.settings.layout.reports / consultation_id, ignore_errors=True)
        logger.info("consultation %s deleted", consultation_id)

    def purge(self, older_than_days: float) -> int:
        """Delete the consultations not updated for ``older_than_days`` days (the retention setting); how many."""
        cutoff = (datetime.now(UTC) - timedelta(days=older_than_days)).isoformat(timespec="seconds")
        ids = self._store.index.ids(updated_before=cutoff)
        for consultation_id in ids:
            with contextlib.suppress(UnknownConsultationError):
                self.delete(consultation_id)
        if ids:
            logger.info("retention: %d consultations older than %g days deleted", len(ids), older_than_days)
        return len(ids)

    def usage_bytes(self, principal: Principal) -> int:
        """Bytes a principal's consultations hold: checkpoints, attached documents, checks and reports (its quota)."""
        ids = self._store.index.ids(owner=principal.id)
        total = self._store.thread_bytes(ids)
        wanted = set(ids)
        for root in (self.settings.layout.consultation_documents, self.settings.layout.reports):
            with contextlib.suppress(OSError):
                for entry in os.scandir(root):  # only the folders that exist: most consultations have none
                    if entry.name in wanted and entry.is_dir():
                        total += sum(p.stat().st_size for p in Path(entry.path).rglob("*") if p.is_file())
        return total

    def check_quota(self, principal: Principal | None) -> None:
        """Raise QuotaExceededError when ``principal`` is at its disk quota (``ADVISOR_QUOTA_MB``).

        Every surface's principal counts (API token, web-UI user, Slack team+user): consultations, documents and
        the evaluation jobs it owns. None or an admin (the operator's CLI) is never refused. A count under half the
        quota is reused for USAGE_TTL_S, so a burst of starts does not recount every folder each time.
        """
        if principal is None or principal.admin:
            return
        quota = self.settings.quota_mb * 1024 * 1024
        now = time.monotonic()
        with self._locks_guard:
            counted = self._usage.get(principal.id)
        if counted is not None and now - counted[0] < USAGE_TTL_S and counted[1] < quota // 2:
            return  # counted moments ago, far below the quota: a start need not wait on another count
        used = self.usage_bytes(principal)
        jobs = getattr(self.evidence, "_jobs", None)  # only once a worker runs: never started just to count
        if jobs is not None:
            used += jobs.usage_bytes(principal.id)
        with self._locks_guard:
            self._usage[principal.id] = (now, used)
        if used >= quota:
            raise QuotaExceededError(used, quota)
