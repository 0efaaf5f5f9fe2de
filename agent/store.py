"""Where consultations live: the LangGraph checkpointer (SQLite, or Postgres) and a small index for listing them.

With Postgres, several API workers share one database: a consultation's turns may land on any worker, and a
per-consultation advisory lock (held on a pooled connection for the length of a turn) serialises them across
processes, as the in-process lock does within one. A worker killed mid-turn loses its connection, and with it
the lock, so another worker finishes the turn.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.errors import SettingsError
from knowledge.settings import DataLayout

logger = logging.getLogger(__name__)
DATABASE_URL_VAR = "ADVISOR_DATABASE_URL"
INDEX_TABLE = """CREATE TABLE IF NOT EXISTS advisor_consultations (
    id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, turns INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL DEFAULT '', top_model TEXT)"""
MESSAGES_TABLE = """CREATE TABLE IF NOT EXISTS advisor_messages (
    consultation_id TEXT NOT NULL, message_id TEXT NOT NULL, turn INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (consultation_id, message_id))"""
STARTS_TABLE = """CREATE TABLE IF NOT EXISTS advisor_starts (
    request_id TEXT PRIMARY KEY, consultation_id TEXT NOT NULL, text TEXT NOT NULL)"""
COLUMNS = ("id", "created_at", "updated_at", "turns", "title", "top_model", "owner")
SELECT = "SELECT id, created_at, updated_at, turns, title, top_model, owner FROM advisor_consultations"
SQLITE_FULL = 13
# Connections per worker: the checkpointer and index share one pool; turns in flight hold one connection each from
# a second pool for their advisory lock (separate, so lock holders can never starve the saver of connections).
# Two workers need 2 x (8 + 32) = 80 of Postgres' default max_connections of 100.
POOL_SIZE = 8
LOCK_POOL_SIZE = 32
POSTGRES_DISK_FULL = "53100"


def is_disk_full(exc: BaseException) -> bool:
    """Whether a database or file error means the disk is full (SQLite, Postgres or the OS said so)."""
    if isinstance(exc, OSError):
        return exc.errno == errno.ENOSPC
    return getattr(exc, "sqlite_errorcode", None) == SQLITE_FULL or getattr(exc, "sqlstate", None) == POSTGRES_DISK_FULL


@dataclass
class Store:
    """A checkpointer plus the consultation index, and how to close both."""

    checkpointer: Any
    index: ConsultationIndex
    close: Callable[[], None]
    where: str  # for messages: the SQLite file, or "the Postgres database"
    # Serialises one key's work across processes (Postgres advisory lock); SQLite has one owner process: no-op.
    lock: Callable[[str], AbstractContextManager[None]] = field(default=lambda key: nullcontext())
    thread_bytes: Callable[[list[str]], int] = field(default=lambda ids: 0)  # bytes of checkpoints of consultations

    def delete(self, consultation_id: str) -> None:
        """Remove a consultation: its checkpoints (every turn) and its index rows."""
        self.checkpointer.delete_thread(consultation_id)
        self.index.delete(consultation_id)


class ConsultationIndex:
    """One row per consultation (id, times, turns, title, first model) so listing never scans checkpoints."""

    def __init__(self, execute: Callable[[str, tuple[Any, ...]], list[tuple[Any, ...]]], placeholder: str) -> None:
        """Wrap an ``execute(sql, params) -> rows`` function of a SQLite or Postgres connection."""
        self._execute = execute
        self._p = placeholder
        self._execute(INDEX_TABLE, ())
        self._execute(MESSAGES_TABLE, ())
        self._execute(STARTS_TABLE, ())
        try:  # consultations stored before owners existed belong to the machine's one user, "local"
            self._execute("ALTER TABLE advisor_consultations ADD COLUMN owner TEXT NOT NULL DEFAULT 'local'", ())
        except Exception as exc:
            if "duplicate column" not in str(exc).lower() and "already exists" not in str(exc).lower():
                raise

    def _sql(self, sql: str) -> str:
        return sql.replace("?", self._p)

    def create(self, consultation_id: str, now: str, title: str, owner: str = "local") -> None:
        """Record a new consultation of ``owner`` (a principal id)."""
        self._execute(self._sql("INSERT INTO advisor_consultations (id, created_at, updated_at, title, owner) "
                                "VALUES (?, ?, ?, ?, ?)"), (consultation_id, now, now, title[:200], owner))

    def touch(self, consultation_id: str, now: str, turns: int, top_model: str | None) -> None:
        """Record a consultation's latest turn."""
        self._execute(self._sql("UPDATE advisor_consultations SET updated_at = ?, turns = ?, top_model = ? "
                                "WHERE id = ?"), (now, turns, top_model, consultation_id))

    def get(self, consultation_id: str) -> dict[str, Any] | None:
        """One consultation's row, or None."""
        rows = self._execute(self._sql(f"{SELECT} WHERE id = ?"), (consultation_id,))
        return dict(zip(COLUMNS, rows[0], strict=True)) if rows else None

    def message(self, consultation_id: str, message_id: str) -> tuple[int, str] | None:
        """For a client message id seen before: the turn the consultation was at when it came, and its text."""
        rows = self._execute(self._sql("SELECT turn, text FROM advisor_messages WHERE consultation_id = ? AND "
                                       "message_id = ?"), (consultation_id, message_id))
        return (int(rows[0][0]), rows[0][1]) if rows else None

    def started(self, request_id: str) -> tuple[str, str] | None:
        """For a client request id that started a consultation before: that consultation's id and first message."""
        rows = self._execute(self._sql("SELECT consultation_id, text FROM advisor_starts WHERE request_id = ?"),
                             (request_id,))
        return (rows[0][0], rows[0][1]) if rows else None

    def record_start(self, request_id: str, consultation_id: str, text: str) -> None:
        """Remember which consultation a client request id starts, before it is created."""
        self._execute(self._sql("INSERT INTO advisor_starts (request_id, consultation_id, text) VALUES (?, ?, ?)"),
                      (request_id, consultation_id, text))

    def record_message(self, consultation_id: str, message_id: str, turn: int, text: str) -> None:
        """Remember a client message id before its message is applied: the turn it answers and its text."""
        self._execute(self._sql("INSERT INTO advisor_messages (consultation_id, message_id, turn, text) VALUES "
                                "(?, ?, ?, ?) ON CONFLICT (consultation_id, message_id) DO UPDATE SET turn = "
                                "excluded.turn, text = excluded.text"), (consultation_id, message_id, turn, text))

    def ids(self, owner: str | None = None, updated_before: str | None = None) -> list[str]:
        """Consultation ids of ``owner`` (None: all), optionally only those last updated before a time."""
        clauses, params = [], []
        if owner is not None:
            clauses.append("owner = ?")
            params.append(owner)
        if updated_before is not None:
            clauses.append("updated_at < ?")
            params.append(updated_before)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        return [r[0] for r in self._execute(self._sql(f"SELECT id FROM advisor_consultations{where}"), tuple(params))]

    def delete(self, consultation_id: str) -> None:
        """Forget a consultation's row, its message ids and its start ids."""
        for table, column in (("advisor_messages", "consultation_id"), ("advisor_starts", "consultation_id"),
                              ("advisor_consultations", "id")):
            self._execute(self._sql(f"DELETE FROM {table} WHERE {column} = ?"), (consultation_id,))

    def list(self, limit: int, offset: int, owner: str | None = None) -> list[dict[str, Any]]:
        """Consultations, newest first: ``owner``'s, or everyone's when ``owner`` is None."""
        where, params = ("WHERE owner = ? ", (owner,)) if owner is not None else ("", ())
        rows = self._execute(self._sql(f"{SELECT} {where}ORDER BY created_at DESC, id LIMIT ? OFFSET ?"),
                             (*params, limit, offset))
        return [dict(zip(COLUMNS, row, strict=True)) for row in rows]



def open_sqlite(path: Path) -> Store:
    """A SqliteSaver and the index in one SQLite file (two connections; SQLite serialises the writes)."""
    from langgraph.checkpoint.sqlite import SqliteSaver

    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30)  # SqliteSaver locks around its use
    saver = SqliteSaver(conn)
    saver.setup()  # WAL journal
    # In WAL mode NORMAL survives a killed process (commits sit in the WAL); only a power cut can lose the last
    # turns. FULL would fsync every step and triples the time of a turn.
    conn.execute("PRAGMA synchronous=NORMAL")
    index_conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
    index_conn.execute("PRAGMA synchronous=NORMAL")
    lock = threading.Lock()

    def execute(sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        with lock:
            rows = index_conn.execute(sql, params).fetchall()
            index_conn.commit()
            return rows

    def close() -> None:
        with lock:
            index_conn.close()
        with saver.lock:
            conn.close()

    def thread_bytes(ids: list[str]) -> int:
        total = 0
        for start in range(0, len(ids), 500):
            marks = ",".join("?" * len(ids[start:start + 500]))
            for sql in (f"SELECT SUM(LENGTH(checkpoint) + LENGTH(metadata)) FROM checkpoints WHERE thread_id IN "
                        f"({marks})", f"SELECT SUM(LENGTH(value)) FROM writes WHERE thread_id IN ({marks})"):
                with saver.lock:
                    total += conn.execute(sql, ids[start:start + 500]).fetchone()[0] or 0
        return total

    return Store(saver, ConsultationIndex(execute, "?"), close, str(path), thread_bytes=thread_bytes)


def open_postgres(url: str) -> Store:
    """A PostgresSaver over a connection pool, and the index in the same database.

    Raises:
        SettingsError: the Postgres packages are not installed (the message names ADVISOR_DATABASE_URL).
    """
    try:
        from langgraph.checkpoint.postgres import PostgresSaver
        from psycopg_pool import ConnectionPool
    except ImportError as exc:
        raise SettingsError(
            f"{DATABASE_URL_VAR} points at Postgres, but langgraph-checkpoint-postgres and psycopg-pool are not "
            "installed: pip install langgraph-checkpoint-postgres 'psycopg[binary,pool]', or unset "
            f"{DATABASE_URL_VAR} to keep consultations in SQLite under the data dir") from exc
    pool = ConnectionPool(url, kwargs={"autocommit": True, "prepare_threshold": 0}, min_size=2, max_size=POOL_SIZE,
                          open=True)
    lock_pool = ConnectionPool(url, kwargs={"autocommit": True}, min_size=1, max_size=LOCK_POOL_SIZE, open=True)
    saver = PostgresSaver(pool)  # type: ignore[arg-type]  # its cursors set dict rows themselves
    saver.setup()

    def execute(sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        with pool.connection() as conn:
            cur = conn.execute(sql, params)
            return list(cur.fetchall()) if cur.description else []

    @contextmanager
    def lock(key: str) -> Iterator[None]:
        # A session-level advisory lock on its own pooled connection: released by unlock, or by Postgres when the
        # holding process dies (its connection closes), so a killed worker never leaves a consultation locked.
        with lock_pool.connection() as conn:
            conn.execute("SELECT pg_advisory_lock(hashtextextended(%s, 0))", (key,))
            try:
                yield
            finally:
                conn.execute("SELECT pg_advisory_unlock(hashtextextended(%s, 0))", (key,))

    def close() -> None:
        lock_pool.close()
        pool.close()

    def thread_bytes(ids: list[str]) -> int:
        if not ids:
            return 0
        rows = execute("SELECT (SELECT COALESCE(SUM(pg_column_size(checkpoint)), 0) FROM checkpoints WHERE "
                       "thread_id = ANY(%s)) + (SELECT COALESCE(SUM(pg_column_size(blob)), 0) FROM checkpoint_blobs "
                       "WHERE thread_id = ANY(%s)) + (SELECT COALESCE(SUM(pg_column_size(blob)), 0) FROM "
                       "checkpoint_writes WHERE thread_id = ANY(%s))", (ids, ids, ids))
        return int(rows[0][0] or 0)

    return Store(saver, ConsultationIndex(execute, "%s"), close, "the Postgres database", lock, thread_bytes)


def open_store(data_dir: Path, database_url: str | None = None, path: Path | None = None) -> Store:
    """The store the configuration asks for: Postgres when ``database_url`` is a Postgres URL, else SQLite.

    Args:
        data_dir: the advisor's data directory; SQLite lives at ``data_dir/checkpoints.sqlite``.
        database_url: the value of ADVISOR_DATABASE_URL, if set.
        path: an explicit SQLite file instead of the default one.
    """
    if database_url:
        if not database_url.startswith(("postgres://", "postgresql://", "postgresql+psycopg://")):
            raise SettingsError(f"{DATABASE_URL_VAR} must be a postgres:// or postgresql:// URL; unset it to keep "
                                "consultations in SQLite under the data dir")
        return open_postgres(database_url.replace("postgresql+psycopg://", "postgresql://", 1))
    return open_sqlite(path or DataLayout(data_dir).checkpoints)
