"""A turn run beside the page's event handler, so its reply can be shown as it grows (LLM mode)."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from agent.replies import Reply

INTERVAL_S = 0.1  # the least time between two partial texts sent to the browser


def streamed(turn: Callable[[Callable[[str], None]], Reply], interval_s: float = INTERVAL_S) -> Iterator[str | Reply]:
    """Run ``turn(on_partial)`` in a thread; yield its growing text (at most one every ``interval_s``), then the reply.

    A text held back by the rate is sent once the interval is over, even if nothing newer comes; the turn's error is
    raised here, after the texts shown before it.
    """
    updates: queue.Queue[tuple[str, Any]] = queue.Queue()

    def run() -> None:
        try:
            updates.put(("reply", turn(lambda text: updates.put(("partial", text)))))
        except BaseException as exc:  # noqa: BLE001 (raised again in the caller's thread)
            updates.put(("error", exc))

    threading.Thread(target=run, daemon=True, name="web-turn").start()
    latest: str | None = None
    last = 0.0
    while True:
        wait = None if latest is None else max(0.0, interval_s - (time.monotonic() - last))
        try:
            kind, value = updates.get(timeout=wait)
        except queue.Empty:
            kind, value = "due", None
        if kind == "partial":
            latest = value
        elif kind == "error":
            raise value
        elif kind == "reply":
            if latest is not None:
                yield latest
            yield value
            return
        if latest is not None and time.monotonic() - last >= interval_s:
            yield latest
            latest, last = None, time.monotonic()
