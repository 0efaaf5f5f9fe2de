"""An on-disk embedding cache keyed by model id + revision + text hash, so no text is encoded twice.

It also keeps each document's chunk windows in the model's tokenizer, so a cached run does not tokenize again.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

Windows = tuple[int, list[tuple[int, int]] | None]
"""A document cut into chunks: its length in tokens and each chunk's character span (None: the whole text)."""


def text_key(model_key: str, kind: str, text: str) -> bytes:
    """The cache key of one text for one model revision and input kind (query / document prefixes differ)."""
    return hashlib.blake2b(f"{model_key}\x00{kind}\x00{text}".encode(), digest_size=20).digest()


class EmbeddingCache:
    """SQLite table of float32 vectors; safe to share between threads of one process."""

    def __init__(self, path: Path) -> None:
        """Open (or create) the cache database at ``path``."""
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, dim INTEGER, vec BLOB)")
        self._db.execute("CREATE TABLE IF NOT EXISTS windows (key BLOB PRIMARY KEY, value TEXT)")

    def get_many(self, keys: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        """Return the cached vectors among ``keys``."""
        found: dict[bytes, np.ndarray] = {}
        with self._lock:
            for start in range(0, len(keys), 900):  # SQLite's bound-parameter limit
                chunk = list(keys[start : start + 900])
                marks = ",".join("?" * len(chunk))
                for key, _dim, blob in self._db.execute(f"SELECT key, dim, vec FROM vectors WHERE key IN ({marks})",
                                                        chunk):
                    found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def present(self, keys: Sequence[bytes]) -> set[bytes]:
        """Which of ``keys`` are cached (their vectors are not read)."""
        found: set[bytes] = set()
        unique = list(dict.fromkeys(keys))
        with self._lock:
            for start in range(0, len(unique), 900):
                chunk = unique[start : start + 900]
                marks = ",".join("?" * len(chunk))
                found.update(k for (k,) in self._db.execute(f"SELECT key FROM vectors WHERE key IN ({marks})", chunk))
        return found

    def put_many(self, items: Sequence[tuple[bytes, np.ndarray]]) -> None:
        """Store vectors (float32)."""
        rows = [(k, int(v.shape[0]), np.ascontiguousarray(v, dtype=np.float32).tobytes()) for k, v in items]
        with self._lock, self._db:
            self._db.executemany("INSERT OR REPLACE INTO vectors (key, dim, vec) VALUES (?, ?, ?)", rows)

    def get_windows(self, keys: Sequence[bytes]) -> dict[bytes, Windows]:
        """Return the cached chunk windows among ``keys`` (see ``tools.documents.token_windows``)."""
        found: dict[bytes, Windows] = {}
        with self._lock:
            for start in range(0, len(keys), 900):
                chunk = list(keys[start : start + 900])
                marks = ",".join("?" * len(chunk))
                for key, value in self._db.execute(f"SELECT key, value FROM windows WHERE key IN ({marks})", chunk):
                    n_tokens, spans = json.loads(value)
                    found[key] = (n_tokens, None if spans is None else [(a, b) for a, b in spans])
        return found

    def put_windows(self, items: Sequence[tuple[bytes, Windows]]) -> None:
        """Store chunk windows: a document's length in tokens and its chunks' character spans (None: one chunk)."""
        rows = [(key, json.dumps([n_tokens, spans])) for key, (n_tokens, spans) in items]
        with self._lock, self._db:
            self._db.executemany("INSERT OR REPLACE INTO windows (key, value) VALUES (?, ?)", rows)

    def close(self) -> None:
        """Close the database."""
        self._db.close()
