"""The project's error hierarchy: what callers can fix is a ToolInputError."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class AdvisorError(Exception):
    """Base class of every error the advisor raises on purpose."""


class KnowledgeDataError(AdvisorError):
    """Curated or snapshot data is malformed; the message names the file and field."""


class ToolInputError(AdvisorError):
    """The caller gave something a tool cannot use; the message says what and how to fix it."""


class UnknownModelError(ToolInputError):
    """A model name is not in the catalog."""

    def __init__(self, name: str, candidates: Iterable[str], suggestions: list[str] | None = None) -> None:
        """Build the message with the closest catalog names (or the ``suggestions`` given)."""
        self.name = name
        self.suggestions = suggestions if suggestions is not None else close_matches(name, candidates)
        hint = f" Did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"Unknown model {name!r}.{hint}")


class UnknownBenchmarkError(ToolInputError):
    """A benchmark name is not in the score snapshot."""

    def __init__(self, name: str, candidates: Iterable[str]) -> None:
        """Build the message with the closest benchmark names."""
        self.name = name
        self.field = "benchmark"
        self.suggestions = close_matches(name, candidates)
        hint = f" Did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"Unknown benchmark {name!r}.{hint}")


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


class LLMUnavailableError(AdvisorError):
    """The configured chat model could not be reached after bounded retries."""


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
