"""Which consultations the web page started (and for whom), so its resume list never shows Slack or API ones."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path


class WebConsultations:
    """A small SQLite table: consultation id, owner (None until sign-in exists), created time.

    ``owner`` is the hook for per-user lists: the page passes the signed-in user once there is one, and
    ``ids(owner)`` then returns only that user's consultations.
    """

    def __init__(self, path: Path) -> None:
        """Open (or create) the table in ``path``."""
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._lock = threading.Lock()
        with self._lock:
            self._db.execute("CREATE TABLE IF NOT EXISTS web_consultations (consultation_id TEXT PRIMARY KEY, "
                             "owner TEXT, created_at TEXT NOT NULL)")

    def add(self, consultation_id: str, owner: str | None = None) -> None:
        """Record a consultation the page started."""
        with self._lock:
            self._db.execute("INSERT OR IGNORE INTO web_consultations VALUES (?, ?, ?)",
                             (consultation_id, owner, datetime.now(UTC).isoformat(timespec="seconds")))

    def ids(self, owner: str | None = None) -> set[str]:
        """The page's consultations; with an owner, only theirs."""
        with self._lock:
            if owner is None:
                rows = self._db.execute("SELECT consultation_id FROM web_consultations").fetchall()
            else:
                rows = self._db.execute("SELECT consultation_id FROM web_consultations WHERE owner = ?",
                                        (owner,)).fetchall()
        return {r[0] for r in rows}

    def owns(self, consultation_id: str, owner: str | None = None) -> bool:
        """Whether the page started this consultation (for this owner, when one is given)."""
        return consultation_id in self.ids(owner)

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()
