"""Module-level runners for the web check's worker-process tests (a spawned process imports them by name)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any


def where(request: Any, progress: Callable[[str, float], None]) -> dict[str, Any]:
    """Reports once and says which process it ran in."""
    progress("bm25: searching", 0.5)
    return {"pid": os.getpid(), "models": {}}


def stuck(request: Any, progress: Callable[[str, float], None]) -> dict[str, Any]:
    """Reports once, then burns CPU without reporting again (a parser stuck inside one pathological file)."""
    progress("minilm: reading files", 0.0)
    n = 0
    while True:
        n += 1
        if n % 10_000_000 == 0:
            time.sleep(0)


def hog(request: Any, progress: Callable[[str, float], None]) -> dict[str, Any]:
    """Grows its memory 50 MB at a time."""
    held = []
    while True:
        held.append(bytearray(50 * 1024 * 1024))
        progress("minilm: reading files", 0.1)
