"""The Slack app's memory in SQLite: thread -> consultation, events handled, assistant threads, files, feedback."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import Any


class SlackThreads:
    """Durable maps in SQLite: (channel, thread_ts) -> consultation id, and the event ids already handled."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._lock = threading.Lock()
        with self._lock:
            self._db.execute("CREATE TABLE IF NOT EXISTS slack_threads (channel TEXT, thread_ts TEXT, "
                             "consultation_id TEXT NOT NULL, PRIMARY KEY (channel, thread_ts))")
            self._db.execute("CREATE TABLE IF NOT EXISTS slack_events (event_id TEXT PRIMARY KEY, seen REAL)")
            self._db.execute("CREATE TABLE IF NOT EXISTS slack_assistant_threads (channel TEXT, thread_ts TEXT, "
                             "PRIMARY KEY (channel, thread_ts))")
            self._db.execute("CREATE TABLE IF NOT EXISTS slack_files (channel TEXT, thread_ts TEXT, file_id TEXT, "
                             "name TEXT, seen REAL)")
            self._db.execute("CREATE UNIQUE INDEX IF NOT EXISTS slack_files_once ON slack_files (channel, thread_ts, "
                             "file_id)")
            self._db.execute("CREATE TABLE IF NOT EXISTS slack_feedback (consultation_id TEXT, user_id TEXT, "
                             "value TEXT, seen REAL)")

    def consultation(self, channel: str, thread_ts: str) -> str | None:
        """The consultation of a thread, if it has one."""
        with self._lock:
            row = self._db.execute("SELECT consultation_id FROM slack_threads WHERE channel=? AND thread_ts=?",
                                   (channel, thread_ts)).fetchone()
        return row[0] if row else None

    def link(self, channel: str, thread_ts: str, consultation_id: str) -> None:
        """Remember the consultation of a thread."""
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO slack_threads VALUES (?, ?, ?)",
                             (channel, thread_ts, consultation_id))

    def mark_assistant(self, channel: str, thread_ts: str) -> None:
        """Remember that a thread is an assistant (AI app) thread: its replies are streamed."""
        with self._lock:
            self._db.execute("INSERT OR IGNORE INTO slack_assistant_threads VALUES (?, ?)", (channel, thread_ts))

    def is_assistant(self, channel: str, thread_ts: str) -> bool:
        """Whether the thread was opened as an assistant thread."""
        with self._lock:
            row = self._db.execute("SELECT 1 FROM slack_assistant_threads WHERE channel=? AND thread_ts=?",
                                   (channel, thread_ts)).fetchone()
        return row is not None

    def claim_file(self, channel: str, thread_ts: str, file: dict[str, Any]) -> bool:
        """True the first time a file is seen in a thread (its message and its ``file_shared`` event both name it)."""
        with self._lock:
            cur = self._db.execute("INSERT OR IGNORE INTO slack_files VALUES (?, ?, ?, ?, ?)",
                                   (channel, thread_ts, file.get("id"), file.get("name"), time.time()))
        return cur.rowcount == 1

    def files(self, channel: str, thread_ts: str) -> list[str]:
        """Names of the files shared in a thread."""
        with self._lock:
            rows = self._db.execute("SELECT name FROM slack_files WHERE channel=? AND thread_ts=?",
                                    (channel, thread_ts)).fetchall()
        return [r[0] for r in rows]

    def record_feedback(self, consultation_id: str, user_id: str, value: str) -> None:
        """Keep a feedback click on a short list."""
        with self._lock:
            self._db.execute("INSERT INTO slack_feedback VALUES (?, ?, ?, ?)",
                             (consultation_id, user_id, value, time.time()))

    def feedback(self, consultation_id: str) -> list[tuple[str, str]]:
        """(user, value) of every feedback click on a consultation."""
        with self._lock:
            rows = self._db.execute("SELECT user_id, value FROM slack_feedback WHERE consultation_id=?",
                                    (consultation_id,)).fetchall()
        return [(r[0], r[1]) for r in rows]

    def claim_event(self, event_id: str) -> bool:
        """True the first time an event id is seen (Slack retries deliver the same id again)."""
        with self._lock:
            cur = self._db.execute("INSERT OR IGNORE INTO slack_events VALUES (?, ?)", (event_id, time.time()))
        return cur.rowcount == 1

    def close(self) -> None:
        """Close the database."""
        self._db.close()
