"""Scrub text from elsewhere (an endpoint's error, an exception) of secrets, URLs and server paths."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

SECRET_PATTERNS = [
    re.compile(r"\b(?:sk|pk|rk|xox[abprs]|xapp|ghp|gho|github_pat|hf|glpat|AKIA)[-_][A-Za-z0-9_\-]{8,}"),
    re.compile(r"(?i)\b(bearer|token|basic)\s+[A-Za-z0-9._~+/=\-]{8,}"),
    re.compile(r"(?i)\b(api[-_]?key|apikey|access[-_]?token|secret|password|passwd|token)(\s*[=:]\s*)['\"]?"
               r"[^\s'\",}]{4,}"),
    re.compile(r"\beyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{5,}"),  # a JWT
]
URL = re.compile(r"(?i)\b(?:https?|wss?|grpc|tcp|postgres(?:ql)?|redis|mysql)://[^\s'\"<>)]+")
HOST_PORT = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}(?::\d{2,5})?\b")
ABSOLUTE_PATH = re.compile(r"(?<![\w.:])/(?:[\w.@+-]+/)+[\w.@+-]*")
MAX_CHARS = 2000


def _secret(match: re.Match[str]) -> str:
    if match.lastindex and match.lastindex >= 2:  # key=value: keep the key's name
        return f"{match.group(1)}{match.group(2)}[redacted]"
    if match.lastindex == 1:  # "Bearer xyz"
        return f"{match.group(1)} [redacted]"
    return "[redacted]"


def scrub(text: str, paths: Iterable[Path | str] = (), limit: int | None = MAX_CHARS) -> str:
    """``text`` without keys and tokens, URLs, IP addresses and absolute paths (``paths`` named ones first).

    Args:
        text: the text to show or store.
        paths: server folders to name as "<data dir>" (the rest of an absolute path becomes "<path>").
        limit: cut the text to this many characters (None: keep it whole).
    """
    text = str(text)
    for path in sorted((str(p) for p in paths if str(p) not in ("", "/")), key=len, reverse=True):
        text = text.replace(path, "<data dir>")
    for pattern in SECRET_PATTERNS:
        text = pattern.sub(_secret, text)
    text = URL.sub("<url>", text)
    text = HOST_PORT.sub("<host>", text)
    text = ABSOLUTE_PATH.sub("<path>", text)
    return text if limit is None or len(text) <= limit else text[:limit] + " ..."


def scrub_tree(value: Any, paths: Iterable[Path | str] = ()) -> Any:
    """``scrub`` every string of a JSON-like value (dicts, lists), keys kept."""
    paths = list(paths)
    if isinstance(value, str):
        return scrub(value, paths)
    if isinstance(value, dict):
        return {k: scrub_tree(v, paths) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub_tree(v, paths) for v in value]
    return value
