"""Short definitions of retrieval terms (knowledge/data/glossary.yaml), each with its source, and a lookup by name."""

from __future__ import annotations

import datetime as dt
import functools
import re

from pydantic import BaseModel, ConfigDict, Field

from knowledge.curated import DATA_DIR, load_data

GLOSSARY_FILE = DATA_DIR / "glossary.yaml"


class Term(BaseModel):
    """One term: the names it is asked by, its definition in English and Chinese, and where it is documented."""

    model_config = ConfigDict(extra="forbid")

    term: str = Field(min_length=1)
    names: list[str] = Field(min_length=1)
    en: str = Field(min_length=1)
    zh: str = Field(min_length=1)
    source: str = Field(min_length=1)


class Glossary(BaseModel):
    """The glossary file."""

    model_config = ConfigDict(extra="forbid")

    checked_on: str | dt.date
    terms: list[Term]


@functools.cache
def load_glossary() -> Glossary:
    """The validated glossary (an error names the file and field when it is malformed)."""
    return load_data(None, GLOSSARY_FILE, Glossary)


@functools.cache
def _names() -> tuple[tuple[re.Pattern[str], Term], ...]:
    pairs = [(name.lower(), term) for term in load_glossary().terms for name in term.names]
    pairs.sort(key=lambda p: -len(p[0]))
    return tuple((re.compile(rf"(?<![a-z0-9]){_AND.sub(_ANY_AND, re.escape(n))}(?![a-z0-9])"), t) for n, t in pairs)


# A pair of terms named with the "and" of any language of the interview ("dense et sparse", "dense und sparse")
_AND = re.compile(r"\\ and\\ ")
_ANY_AND = r"\\s+(?:and|et|und|y|e|en|i|och|ve|и|і|&)\\s+"


def find_term(text: str) -> Term | None:
    """The glossary term ``text`` (lower case) names, the longest name first; None when it names none."""
    found = find_term_span(text)
    return found[0] if found else None


def find_term_span(text: str) -> tuple[Term, int, int] | None:
    """Like ``find_term``, with where the name stands in ``text`` (start, end)."""
    for rx, term in _names():
        match = rx.search(text)
        if match:
            return term, match.start(), match.end()
    return None


def find_term_spans(text: str) -> list[tuple[Term, int, int]]:
    """Every glossary term ``text`` names, in order, a longer name first where two overlap.

    ("what's a reranker, and do we need one if we have hybrid search?": the reranker, then hybrid search.)
    """
    found: list[tuple[Term, int, int]] = []
    for rx, term in _names():
        for match in rx.finditer(text):
            if not any(match.start() < e and s < match.end() for _, s, e in found):
                found.append((term, match.start(), match.end()))
    return sorted(found, key=lambda f: f[1])
