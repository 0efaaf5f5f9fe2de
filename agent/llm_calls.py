"""Bounded calls to the chat endpoint: what counts as a failure, the sentence it becomes, and per-turn outages."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from knowledge.errors import LLMUnavailableError

logger = logging.getLogger(__name__)
LLM_ATTEMPTS = 2  # our own attempts per step, on top of the client's retries for 429 / 5xx / dropped connections
# A reply the client cannot turn into a message (not JSON, JSON of the wrong shape, a field of the wrong type)
# surfaces from inside langchain-openai as one of these, not as an openai.APIError.
UNREADABLE_REPLY: tuple[type[Exception], ...] = (ValueError, TypeError, LookupError, AttributeError)
UNREADABLE = "sent a reply that could not be read (not a chat completion)"
OUTAGE_MEMORY = 256  # turns remembered


def llm_errors() -> tuple[type[BaseException], ...]:
    """Failures of the chat endpoint that end in a sentence to the user rather than a traceback."""
    import openai

    return (openai.APIError, TimeoutError, ConnectionError, LLMUnavailableError)


def describe_failure(exc: BaseException) -> str:
    """What went wrong, as the middle of a sentence ("is rate-limited (HTTP 429)")."""
    import openai

    if isinstance(exc, openai.RateLimitError):
        return "is rate-limited (HTTP 429)"
    if isinstance(exc, openai.APITimeoutError | TimeoutError):
        return "did not answer in time"
    if isinstance(exc, openai.APIConnectionError | ConnectionError):
        return "dropped the connection mid-reply" if _cut_short(exc) else "could not be reached"
    if isinstance(exc, openai.APIStatusError):
        return f"answered with HTTP {exc.status_code}"
    if isinstance(exc, (openai.APIResponseValidationError, *UNREADABLE_REPLY)):
        return UNREADABLE
    return "failed"


def _cut_short(exc: BaseException) -> bool:
    """True when the server answered but closed the connection before the reply was complete."""
    cause = exc.__cause__
    while cause is not None:
        if type(cause).__name__ in ("RemoteProtocolError", "ReadError"):
            return True
        cause = cause.__cause__
    return False


FAILURE_OPENING = "The language model "


def failure_sentence(why: str | None, fallback: str) -> str:
    """The one sentence the user sees when the LLM step failed after its retries."""
    return f"{FAILURE_OPENING}{why or 'failed'}, so {fallback}."


def is_failure_sentence(text: str) -> bool:
    """Whether a note is a ``failure_sentence`` (shown as it is, never rephrased by the model that failed)."""
    return text.startswith(FAILURE_OPENING)


class TurnOutages:
    """Turns in which the chat endpoint already failed: the turn's later LLM steps go straight to their fallback.

    Without this a turn that extracts and then explains would wait out a hung endpoint twice.
    """

    def __init__(self, size: int = OUTAGE_MEMORY) -> None:
        """Remember at most ``size`` turns (oldest forgotten first)."""
        self._size = size
        self._seen: OrderedDict[tuple[str, int], str] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, int] | None) -> str | None:
        """What went wrong earlier in this turn, or None."""
        with self._lock:
            return self._seen.get(key) if key else None

    def record(self, key: tuple[str, int] | None, problem: str) -> None:
        """Note that the endpoint failed in this turn."""
        if key is None:
            return
        with self._lock:
            self._seen[key] = problem
            self._seen.move_to_end(key)
            while len(self._seen) > self._size:
                self._seen.popitem(last=False)


OUTAGES = TurnOutages()


def turn_key(turn: int) -> tuple[str, int] | None:
    """(thread id, turn) of the running graph step, or None outside a graph run."""
    from langgraph.config import get_config

    try:
        thread = (get_config().get("configurable") or {}).get("thread_id")
    except RuntimeError:
        return None
    return (str(thread), turn) if thread else None


def invoke_bounded(call: Callable[[], Any], check: Callable[[Any], str | None],
                   key: tuple[str, int] | None = None) -> tuple[Any, str | None]:
    """Run ``call`` up to LLM_ATTEMPTS times; return (result, None) or (None, what went wrong).

    ``check`` returns a problem description for a result that cannot be used (a malformed tool call). A timeout is
    not attempted again (the client already retried it), and once the endpoint failed in a turn (``key``), later
    calls of that turn are not made at all.
    """
    earlier = OUTAGES.get(key)
    if earlier:
        logger.info("chat endpoint already failed this turn (%s); using the fallback", earlier)
        return None, earlier
    import openai

    problem, endpoint_fault = "failed", False
    for attempt in range(1, LLM_ATTEMPTS + 1):
        try:
            result = call()
        except llm_errors() as exc:
            problem, endpoint_fault = describe_failure(exc), True
            logger.info("LLM call failed (attempt %d/%d): %s", attempt, LLM_ATTEMPTS, type(exc).__name__)
            if isinstance(exc, openai.APITimeoutError | TimeoutError):
                break
            continue
        except UNREADABLE_REPLY as exc:
            problem, endpoint_fault = UNREADABLE, True
            logger.warning("LLM reply unreadable (attempt %d/%d): %s", attempt, LLM_ATTEMPTS, type(exc).__name__)
            logger.debug("unreadable LLM reply", exc_info=True)
            continue
        problem, endpoint_fault = check(result) or "", False
        if not problem:
            return result, None
        logger.info("LLM reply unusable (attempt %d/%d): %s", attempt, LLM_ATTEMPTS, problem)
    logger.warning("LLM step gave up: the model %s", problem)
    if endpoint_fault:
        OUTAGES.record(key, problem)
    return None, problem
