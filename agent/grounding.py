"""Check that every number, model id and link in an answer comes from tool results (or the user's own words)."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A digit glued to a word or a hyphen is part of a name ("bge-m3", "text-embedding-3-large", "p95"), not a figure.
NUMBER = re.compile(r"(?<![\w.\-])\d[\d,]*(?:\.\d+)?(?![\w])")
# A link anywhere (a rendered markdown image fetches it: a way out for data), or a Hugging Face-style id "org/name".
LINK = re.compile(r"\b(?:https?|ftp|file)://[^\s)\]>\"']+|\bwww\.[^\s)\]>\"']+", re.IGNORECASE)
# Both parts have a letter and the name has a digit or a separator ("bge-m3"): "and/or" and "TCP/IP" are no ids.
MODEL_ID = re.compile(r"(?<![\w/.:-])(?=[\w.-]*[A-Za-z])[A-Za-z0-9][\w.-]*/(?=[\w.-]*[A-Za-z])(?=[\w.]*[\d_.-])"
                      r"[\w.-]*[A-Za-z0-9](?![\w/])")


def numbers(text: str) -> list[tuple[float, int]]:
    """Every number in ``text`` as (value, decimals shown); thousands separators are understood."""
    out = []
    for match in NUMBER.finditer(text):
        raw = match.group().replace(",", "")
        try:
            value = float(raw)
        except ValueError:
            continue
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        out.append((value, decimals))
    return out


def _matches(value: float, decimals: int, pool: set[float]) -> bool:
    """True when a source value shown to ``decimals`` places reads as ``value`` (exact for integers)."""
    tolerance = 0.5 * 10 ** -decimals + 1e-9
    return any(abs(v - value) <= tolerance for v in pool)


def ungrounded(text: str, sources: Iterable[str], names: Iterable[str] = ()) -> list[str]:
    """Numbers in ``text`` that none of ``sources`` contains (names such as model ids are ignored first).

    Args:
        text: the answer to check.
        sources: texts the numbers may come from (JSON of tool results, the user's messages).
        names: identifiers containing digits (``bge-m3``, ``MTEB(eng, v2)``) to remove before checking.
    """
    for name in sorted(set(names), key=len, reverse=True):
        if name:
            text = text.replace(name, " ")
    pool = {v for source in sources for v, _ in numbers(source)}
    pool |= {round(v * 100, 6) for v in list(pool) if abs(v) <= 1}  # shares quoted as percentages
    return [f"{v:g}" for v, d in numbers(text) if not _matches(v, d, pool)]


def foreign_references(text: str, sources: Iterable[str], known: Iterable[str] = ()) -> list[str]:
    """Links and ``org/name`` model ids in ``text`` that neither ``sources`` nor ``known`` contain.

    Args:
        text: the answer to check.
        sources: texts the references may come from (JSON of tool results, the user's messages).
        known: names that are never foreign (the catalog's model names).
    """
    pool = "\n".join(sources).lower()
    allowed = {k.lower() for k in known}
    links = LINK.findall(text)
    for link in links:
        text = text.replace(link, " ")
    found = [link.rstrip(".,;:!?") for link in links] + MODEL_ID.findall(text)
    return [r for r in found if r.lower() not in allowed and r.lower() not in pool]
