"""Every error the advisor raises on purpose, in one hierarchy each surface maps in one place.

``AdvisorError``
    ``ToolInputError`` -- the caller can fix it (HTTP 4xx, a polite Slack reply, CLI exit 2); the LLM sees it too.
        ``NotFoundError`` -- a named thing does not exist (HTTP 404).
    ``SettingsError`` -- the operator can fix the configuration (CLI exit 2; never reaches a request).
    ``ServiceUnavailableError`` -- the service could not do it now; retrying later may work (HTTP 503, CLI exit 1).
    ``KnowledgeDataError`` -- the project's own data is broken (HTTP 500, CLI exit 1).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class AdvisorError(Exception):
    """Base class of every error the advisor raises on purpose."""


# --- the project's own data ----------------------------------------------------------------------------------------


class KnowledgeDataError(AdvisorError):
    """Curated or snapshot data is malformed; the message names the file and field."""


# --- the caller can fix it -----------------------------------------------------------------------------------------


class ToolInputError(AdvisorError):
    """The caller gave something a tool cannot use; the message says what and how to fix it."""


class NoDocumentsError(ToolInputError):
    """The consultation has no documents attached yet."""


class NotFoundError(ToolInputError):
    """The caller named something (a model, a consultation, a job) that does not exist."""


class UnknownModelError(NotFoundError):
    """A model name is not in the catalog."""

    def __init__(self, name: str, candidates: Iterable[str], suggestions: list[str] | None = None) -> None:
        """Build the message with the closest catalog names (or the ``suggestions`` given)."""
        self.name = name
        self.suggestions = suggestions if suggestions is not None else close_matches(name, candidates)
        hint = f" Did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"Unknown model {name!r}.{hint}")


class UnknownConsultationError(NotFoundError):
    """No consultation has this id."""

    def __init__(self, consultation_id: str) -> None:
        """Name the id."""
        self.consultation_id = consultation_id
        super().__init__(f"Unknown consultation {consultation_id!r}; start a new one, or list them for their ids.")


class UnknownJobError(NotFoundError):
    """No evaluation job has this id."""

    def __init__(self, job_id: str) -> None:
        """Name the id."""
        self.job_id = job_id
        super().__init__(f"Unknown evaluation job {job_id!r}.")


class UnknownBenchmarkError(ToolInputError):
    """A benchmark name is not in the score snapshot."""

    def __init__(self, name: str, candidates: Iterable[str]) -> None:
        """Build the message with the closest benchmark names."""
        self.name = name
        self.field = "benchmark"
        self.suggestions = close_matches(name, candidates)
        hint = f" Did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"Unknown benchmark {name!r}.{hint}")


class UnknownTaskError(ToolInputError):
    """A task or suite name is neither bundled nor known to mteb."""

    def __init__(self, kind: str, name: str, candidates: list[str], suites: Iterable[str]) -> None:
        """Name the bad value, the closest known names and the bundled ``suites``."""
        self.name = name
        self.suggestions = close_matches(name, candidates)
        hint = f" Did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"Unknown {kind} {name!r}.{hint} Bundled suites: {', '.join(suites)}.")


class TaskDataUnavailableError(ToolInputError):
    """A real MTEB task's data cannot be loaded here (offline and not in the Hugging Face cache): pick another."""


class InvalidFilterError(ToolInputError):
    """A search filter has a value outside its allowed set or range."""

    def __init__(self, field: str, value: object, allowed: Iterable[str] | str) -> None:
        """Name the filter, the bad value and what is allowed."""
        self.field = field
        self.value = value
        allowed_text = allowed if isinstance(allowed, str) else ", ".join(allowed)
        super().__init__(f"Invalid value {value!r} for {field}; allowed: {allowed_text}.")


class InputFileError(ToolInputError):
    """A user-supplied file cannot be read or has bad content."""


class ProfileError(ToolInputError):
    """A profile is invalid; ``problems`` maps each offending field to what is wrong with it."""

    def __init__(self, problems: dict[str, str], where: str = "") -> None:
        """Build one message listing every offending field."""
        self.problems = problems
        prefix = f"{where}: " if where else ""
        super().__init__(prefix + "invalid profile: " + "; ".join(f"{k}: {v}" for k, v in problems.items()))


class ModelNotLoadableError(ToolInputError):
    """A candidate the caller named cannot be loaded here (not on disk, not an encoder, no tokenizer)."""


class MessageIdReusedError(ToolInputError):
    """A message id was already used in this consultation for another text (like a reused Idempotency-Key: 422)."""

    field = "message_id"


class RequestIdError(ToolInputError):
    """A start's request id is malformed or already started a consultation with another first message (422)."""

    field = "request_id"


# --- the operator can fix the configuration ------------------------------------------------------------------------


class SettingsError(AdvisorError):
    """A setting has a value that cannot be used; the message names the variable."""


# --- the service could not do it -----------------------------------------------------------------------------------


class ServiceUnavailableError(AdvisorError):
    """A service the advisor depends on failed or cannot be reached; retrying later may work.

    ``retry_after_s`` is the wait to suggest to an HTTP caller (``Retry-After``), or None when no wait helps.
    """

    service: str = "a service the advisor depends on"
    retry_after_s: int | None = 30


class LLMUnavailableError(ServiceUnavailableError):
    """The configured chat model could not be reached after bounded retries."""

    service = "the chat model"


class EncoderError(ServiceUnavailableError):
    """An embedding endpoint failed after its retries or sent something that is not an embeddings response."""

    service = "the embedding endpoint"


class MilvusUnavailableError(ServiceUnavailableError):
    """Milvus cannot be opened or reached; the message names the URI."""

    service = "Milvus"


class StorageFullError(ServiceUnavailableError):
    """The disk that holds the consultations is full; nothing stored before is lost.

    ``sentence`` is for the person in the conversation (no server path); the message adds where the data lives.
    """

    service = "storage"
    retry_after_s = None

    def __init__(self, where: str, saved: bool = False) -> None:
        """Name where the consultations live and whether the message itself was stored before the disk filled."""
        self.where = where
        self.saved = saved
        if saved:
            self.sentence = ("Your message was saved, but there was no space left to finish the reply; everything "
                             "said before is kept. Once space is freed, send it again with the same message_id "
                             "(or just go on: the missing reply comes first).")
        else:
            self.sentence = ("There is no space left to save this message, so it was not saved; everything said "
                             "before is kept. Send it again once space is freed.")
        super().__init__(f"No space left on the disk holding {where}. {self.sentence}")


def close_matches(name: str, candidates: Iterable[str], n: int = 5) -> list[str]:
    """Return up to ``n`` candidates close to ``name`` (case-insensitive, also on the part after '/')."""
    pool = list(candidates)
    lowered = {c.lower(): c for c in pool}
    short = {c.split("/")[-1].lower(): c for c in pool}
    key = name.lower()
    found: list[str] = []
    for table in (lowered, short):
        for match in difflib.get_close_matches(key.split("/")[-1] if table is short else key, table, n=n, cutoff=0.6):
            if table[match] not in found:
                found.append(table[match])
    substring = [c for c in pool if key.split("/")[-1] in c.lower() and c not in found]
    return (found + sorted(substring, key=len))[:n]


class QueueFullError(AdvisorError):
    """The evaluation queue is full: try again after ``retry_after`` seconds (HTTP 429)."""

    def __init__(self, depth: int, retry_after: int) -> None:
        """Say how full the queue is and when to come back."""
        self.retry_after = retry_after
        super().__init__(f"the evaluation queue is full ({depth} jobs waiting); try again in {retry_after} s")


class QuotaExceededError(AdvisorError):
    """A principal's stored data (uploads, results, checkpoints) is at its disk quota (HTTP 507)."""

    def __init__(self, used: int, quota: int) -> None:
        """Say how much is used of how much."""
        super().__init__(f"your stored data ({used:,} bytes) is at your disk quota of {quota:,} bytes "
                         "(ADVISOR_QUOTA_MB); delete consultations or evaluations you no longer need")


class JobStoppedError(AdvisorError):
    """An evaluation run was stopped from outside: ``code`` is cancelled, timeout or resource_limit."""

    def __init__(self, code: str, message: str) -> None:
        """Keep the code and the caller's sentence."""
        self.code = code
        super().__init__(message)


class JobFailedError(AdvisorError):
    """An evaluation run in a worker process ended with an error: ``code`` says how (invalid_input, ...)."""

    def __init__(self, code: str, message: str) -> None:
        """Keep the code and the caller's sentence."""
        self.code = code
        super().__init__(message)


class UnreadableRequestError(AdvisorError):
    """A saved job request that cannot be rebuilt; the message says why (lost, unreadable, or of an unknown kind).

    Raised and caught inside the job worker (the job fails with code ``interrupted`` or ``unknown_kind``); a surface
    that ever sees one reports it as the service's fault.
    """
