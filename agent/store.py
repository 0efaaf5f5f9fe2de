"""Where consultations live: the LangGraph checkpointer (SQLite, or Postgres) and a small index for listing them.

With Postgres, several API workers share one database: a consultation's turns may land on any worker, and a
per-consultation advisory lock (held on a pooled connection for the length of a turn) serialises them across
processes, as the in-process lock does within one. A worker killed mid-turn loses its connection, and with it
the lock, so another worker finishes the turn.

Evaluation jobs live in the same database (``JobTable``; without Postgres in ``evaluations/jobs.sqlite`` under the
data dir): each is claimed by exactly one worker under a lease, and taken over by another when its worker dies.
An unreachable database fails at start-up with one sentence naming the URL (password redacted).
"""

from __future__ import annotations

import errno
import json
import logging
import re
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
    check_reachable(url)  # one clear sentence now, rather than a pool timeout's traceback 30 s later
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


# -- evaluation jobs shared by every worker on one database ------------------------------------------------------
JOBS_TABLE = """CREATE TABLE IF NOT EXISTS advisor_jobs (
    id TEXT PRIMARY KEY, scope TEXT NOT NULL, owner TEXT, status TEXT NOT NULL, created_at TEXT NOT NULL,
    claimed_by TEXT, attempt INTEGER NOT NULL DEFAULT 0, lease_until {real}, cancel_requested INTEGER NOT NULL
    DEFAULT 0, finishes INTEGER NOT NULL DEFAULT 0, doc TEXT NOT NULL)"""
JOBS_INDEX = "CREATE INDEX IF NOT EXISTS advisor_jobs_queue ON advisor_jobs (scope, status, created_at)"
JOB_COLUMNS = ("id", "owner", "status", "claimed_by", "attempt", "lease_until", "cancel_requested", "finishes", "doc")
JOB_SELECT = f"SELECT {', '.join(JOB_COLUMNS)} FROM advisor_jobs"


class JobTable:
    """Evaluation jobs in a database every worker shares (SQLite under the data dir, or Postgres).

    A job is claimed by exactly one worker: on Postgres the oldest pending row is picked with ``FOR UPDATE SKIP
    LOCKED``, on SQLite with one atomic ``UPDATE ... WHERE status = 'pending'``. The claimer holds a lease it renews
    (``heartbeat``); every later write of the claimer is fenced by its claim (``claimed_by`` and ``attempt``), so a
    worker that lost its lease (its job was given to another) can no longer change the job. ``scope`` is the data
    dir the job's files live in: workers sharing a data dir share its jobs.
    """

    def __init__(self, execute: Callable[[str, tuple[Any, ...]], tuple[list[tuple[Any, ...]], int]],
                 dialect: str, close: Callable[[], None]) -> None:
        """Wrap ``execute(sql, params) -> (rows, rowcount)`` of a SQLite or Postgres connection; create the table."""
        self._execute = execute
        self.dialect = dialect
        self.close = close
        # The database's clock, so that leases mean the same on every host.
        self._now = ("EXTRACT(EPOCH FROM clock_timestamp())" if dialect == "postgres"
                     else "((julianday('now') - 2440587.5) * 86400.0)")
        self._p = "%s" if dialect == "postgres" else "?"
        self._execute(JOBS_TABLE.format(real="DOUBLE PRECISION" if dialect == "postgres" else "REAL"), ())
        self._execute(JOBS_INDEX, ())

    def _sql(self, sql: str) -> str:
        return sql.replace("?", self._p).replace("NOW()", self._now)

    def _run(self, sql: str, params: tuple[Any, ...] = ()) -> tuple[list[tuple[Any, ...]], int]:
        return self._execute(self._sql(sql), params)

    @staticmethod
    def _row(row: tuple[Any, ...]) -> dict[str, Any]:
        out = dict(zip(JOB_COLUMNS, row, strict=True))
        out["doc"] = json.loads(out["doc"])
        return out

    def insert(self, scope: str, doc: dict[str, Any], if_absent: bool = False, created: str | None = None) -> bool:
        """Add a job (its status document ``doc``); with ``if_absent`` an existing id is left as it is.

        ``created`` orders the queue (default: the document's ``created_at``); give it with microseconds.
        """
        conflict = " ON CONFLICT (id) DO NOTHING" if if_absent else ""
        values = (doc["id"], scope, doc.get("owner"), doc["status"], created or doc["created_at"],
                  json.dumps(doc, default=float))
        _, count = self._run("INSERT INTO advisor_jobs (id, scope, owner, status, created_at, doc) VALUES "
                             f"(?, ?, ?, ?, ?, ?){conflict}", values)
        return count > 0

    def get(self, job_id: str) -> dict[str, Any] | None:
        """One job's row (``doc`` decoded), or None."""
        rows, _ = self._run(f"{JOB_SELECT} WHERE id = ?", (job_id,))
        return self._row(rows[0]) if rows else None

    def claim(self, scope: str, worker: str, lease_s: float) -> dict[str, Any] | None:
        """Take the oldest pending job of ``scope`` for ``worker`` (status running, lease set); None when none waits."""
        pick = "SELECT id FROM advisor_jobs WHERE scope = ? AND status = 'pending' ORDER BY created_at, id LIMIT 1"
        if self.dialect == "postgres":
            pick += " FOR UPDATE SKIP LOCKED"
        rows, _ = self._run(f"UPDATE advisor_jobs SET status = 'running', claimed_by = ?, attempt = attempt + 1, "
                            f"lease_until = NOW() + ?, cancel_requested = 0 WHERE id = ({pick}) AND status = 'pending' "
                            f"RETURNING {', '.join(JOB_COLUMNS)}", (worker, lease_s, scope))
        return self._row(rows[0]) if rows else None

    def heartbeat(self, job_id: str, worker: str, attempt: int, lease_s: float) -> tuple[bool, bool]:
        """Renew a claim's lease: (still ours, cancel asked for)."""
        rows, _ = self._run("UPDATE advisor_jobs SET lease_until = NOW() + ? WHERE id = ? AND claimed_by = ? AND "
                            "attempt = ? AND status = 'running' RETURNING cancel_requested",
                            (lease_s, job_id, worker, attempt))
        return (True, bool(rows[0][0])) if rows else (False, False)

    def write(self, doc: dict[str, Any], claim: tuple[str, int] | None = None, finish: bool = False,
              only_if: tuple[str, ...] = ()) -> bool:
        """Store a job's status document; fenced by ``claim`` (worker, attempt) or by its current status.

        Returns whether the row was written (False: the claim was lost, or the status was not one of ``only_if``).
        """
        sets = "status = ?, doc = ?" + (", finishes = finishes + 1, lease_until = NULL" if finish else "")
        params: list[Any] = [doc["status"], json.dumps(doc, default=float), doc["id"]]
        where = "id = ?"
        if claim is not None:
            where += " AND claimed_by = ? AND attempt = ? AND status = 'running'"
            params += list(claim)
        if only_if:
            where += f" AND status IN ({', '.join('?' * len(only_if))})"
            params += list(only_if)
        _, count = self._run(f"UPDATE advisor_jobs SET {sets} WHERE {where}", tuple(params))
        return count > 0

    def request_cancel(self, job_id: str) -> None:
        """Ask the worker running a job to stop it (it sees the flag at its next heartbeat)."""
        self._run("UPDATE advisor_jobs SET cancel_requested = 1 WHERE id = ? AND status = 'running'", (job_id,))

    def stale(self, scope: str) -> list[dict[str, Any]]:
        """Running jobs of ``scope`` whose lease ran out, and every running job's claimer (for dead-process checks)."""
        rows, _ = self._run(f"{JOB_SELECT} WHERE scope = ? AND status = 'running'", (scope,))
        out = [self._row(r) for r in rows]
        expired, _ = self._run("SELECT id FROM advisor_jobs WHERE scope = ? AND status = 'running' AND "
                               "lease_until < NOW()", (scope,))
        gone = {r[0] for r in expired}
        for row in out:
            row["expired"] = row["id"] in gone
        return out

    def ids(self, scope: str, owner: str | None = None, statuses: tuple[str, ...] = ()) -> list[str]:
        """Job ids of ``scope``, optionally of one owner and in some statuses, oldest first."""
        where, params = "scope = ?", [scope]
        if owner is not None:
            where += " AND owner = ?"
            params.append(owner)
        if statuses:
            where += f" AND status IN ({', '.join('?' * len(statuses))})"
            params += list(statuses)
        rows, _ = self._run(f"SELECT id FROM advisor_jobs WHERE {where} ORDER BY created_at, id", tuple(params))
        return [r[0] for r in rows]

    def count(self, scope: str, status: str) -> int:
        """How many jobs of ``scope`` have ``status``."""
        rows, _ = self._run("SELECT COUNT(*) FROM advisor_jobs WHERE scope = ? AND status = ?", (scope, status))
        return int(rows[0][0])

    def delete(self, job_id: str) -> None:
        """Forget a job."""
        self._run("DELETE FROM advisor_jobs WHERE id = ?", (job_id,))


def redact_url(url: str) -> str:
    """A database URL with its password replaced by ``***`` (for messages and logs)."""
    return re.sub(r"^([a-z+]+://[^:/@]*):[^@]*@", r"\1:***@", url)


def check_reachable(url: str, timeout_s: int = 5) -> None:
    """Connect once to the Postgres database at ``url``; SettingsError (one sentence, password redacted) if it fails."""
    import psycopg

    try:
        psycopg.connect(url, connect_timeout=timeout_s).close()
    except psycopg.Error as exc:
        reason = " ".join(str(exc).split()).rstrip(".")
        # psycopg repeats the URL's parts in its message; the password never appears, but keep it to one line.
        raise SettingsError(
            f"cannot connect to the database at {DATABASE_URL_VAR}={redact_url(url)} ({reason[:300]}): check that "
            "the PostgreSQL server is running and reachable at that host and port, and that the user, password and "
            "database name are right") from None


def open_job_table(data_dir: Path, database_url: str | None = None) -> JobTable:
    """The jobs table: in Postgres when ``database_url`` is set, else in ``data_dir/evaluations/jobs.sqlite``."""
    if database_url:
        url = database_url.replace("postgresql+psycopg://", "postgresql://", 1)
        check_reachable(url)
        from psycopg_pool import ConnectionPool

        pool = ConnectionPool(url, kwargs={"autocommit": True, "prepare_threshold": None}, min_size=1, max_size=4,
                              open=True)

        def execute_pg(sql: str, params: tuple[Any, ...]) -> tuple[list[tuple[Any, ...]], int]:
            with pool.connection() as conn:
                cur = conn.execute(sql, params)
                return (list(cur.fetchall()) if cur.description else []), cur.rowcount

        return JobTable(execute_pg, "postgres", pool.close)
    path = DataLayout(data_dir).evaluations / "jobs.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    lock = threading.Lock()

    def execute_sqlite(sql: str, params: tuple[Any, ...]) -> tuple[list[tuple[Any, ...]], int]:
        with lock:
            cur = conn.execute(sql, params)
            rows = cur.fetchall()
            return rows, cur.rowcount

    def close() -> None:
        with lock:
            conn.close()

    return JobTable(execute_sqlite, "sqlite", close)
