"""Uploads: file names made safe to store, and the check that a tool reads only what the user uploaded."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from knowledge.errors import ToolInputError


def sanitise_filename(name: str, taken: set[str] | None = None) -> str:
    """A safe file name: the last path part, only ``[A-Za-z0-9._-]``, no leading dot, unique within ``taken``.

    At most 100 characters; a long name is cut in its stem so it keeps its file type.
    """
    base = re.split(r"[\\/]", name or "")[-1]
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).lstrip(".") or "file"
    stem, dot, suffix = base.rpartition(".")
    if len(base) > 100:
        base = f"{stem[:99 - len(suffix)]}.{suffix}" if dot and stem and len(suffix) <= 16 else base[:100]
        stem, dot, suffix = base.rpartition(".")
    candidate, n = base, 1
    while taken is not None and candidate in taken:
        n += 1
        candidate = f"{stem}-{n}.{suffix}" if dot and stem else f"{base}-{n}"
    if taken is not None:
        taken.add(candidate)
    return candidate


def require_uploaded(path: str | Path, roots: Sequence[Path]) -> Path:
    """The resolved ``path`` if it lies under one of ``roots`` (an LLM picks tool arguments: only uploads are read)."""
    resolved = Path(path).resolve()
    if not any(resolved == root.resolve() or root.resolve() in resolved.parents for root in roots):
        raise ToolInputError(f"{resolved}: only uploaded documents can be read")
    return resolved
