"""Readings shared while one message is read: the same text read twice in that time is read once.

The guard reads a message again with each figure left out, and every reading reads the message's sentences and
clauses again, so most texts are read several times over (about ten normalisations and five full readings a message);
the same text always gives the same reading. The memo lives only while one message is read (``one_message``), so
nothing of a message is kept after its reading and a timed pass over messages read before is not a memo's hits.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
_MEMO: ContextVar[dict[tuple[Any, ...], Any] | None] = ContextVar("understanding_memo", default=None)


@contextlib.contextmanager
def one_message() -> Iterator[None]:
    """Share readings until the block ends (inside an outer block, the outer block's memo)."""
    if _MEMO.get() is not None:
        yield
        return
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def once_per_message(function: F) -> F:
    """``function`` (of hashable arguments, returning a value nobody changes) read once per text inside ``one_message``.

    Outside ``one_message`` every call runs ``function``.
    """

    @functools.wraps(function)
    def read(*args: Any) -> Any:
        memo = _MEMO.get()
        if memo is None:
            return function(*args)
        key = (function, *args)
        if key not in memo:
            memo[key] = function(*args)
        return memo[key]

    return read  # type: ignore[return-value]


def in_one_message(function: F) -> F:
    """``function`` run inside ``one_message``: its readings are shared while it runs."""

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        with one_message():
            return function(*args, **kwargs)

    return run  # type: ignore[return-value]
