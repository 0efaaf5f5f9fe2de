"""Which of many phrase patterns can match a text, found without running them all.

The phrase table has some 2,700 patterns. Python's ``re`` tries every branch of an alternation at every position of
the text, so one pattern of all of them costs about a millisecond and a half a message on a 2-core machine: more
than the rest of the reading together. Most patterns need a literal ("por ", "trimestre", "外") that any match
contains, so a text without any of a pattern's literals cannot match it. ``PhraseFilter`` reads those literals from
each pattern's parse tree once and keys them by their first three characters; a text then looks up its own
substrings of up to three characters and runs only the patterns whose literals it contains. The filter is exact:
a pattern it leaves out cannot match, and one with no literal it can prove (a lone character class, ``(?i)``) is
always run.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from re import _constants as C  # type: ignore[attr-defined]  # noqa: N812
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_MAX_STRINGS = 32  # alternatives one literal set may hold before it stops being worth checking
_MAX_CLASS = 8  # characters of a class ("[éè]") expanded into alternatives
_KEY = 3  # characters a literal is keyed by
_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}


def _product(left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
    if len(left) * len(right) > _MAX_STRINGS:
        return None
    return frozenset(a + b for a, b in itertools.product(left, right))


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two sets one of whose strings every match contains: longer shortest string, fewer."""
    if a is None or "" in a:
        return None if b is None or "" in b else b
    if b is None or "" in b:
        return a
    return max(a, b, key=lambda s: (min(map(len, s)), -len(s)))


def _node(op: Any, av: Any) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """(every string the node can match, when few and known; a set one of which every match contains)."""
    if op is C.LITERAL:
        return frozenset({chr(av)}), None
    if op is C.IN:
        items = av
        if all(kind is C.LITERAL for kind, _ in items) and len(items) <= _MAX_CLASS:
            return frozenset(chr(c) for _, c in items), None
        return None, None
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE:
            return None, None
        return _sequence(sub)
    if op is C.BRANCH:
        results = [_sequence(branch) for branch in av[1]]
        exact: frozenset[str] | None = None
        if all(e is not None for e, _ in results):
            union = frozenset[str]().union(*(e for e, _ in results if e is not None))
            exact = union if len(union) <= _MAX_STRINGS else None
        required = [_better(e, r) for e, r in results]
        if any(r is None for r in required):
            return exact, None
        union_required = frozenset[str]().union(*(r for r in required if r is not None))
        return exact, union_required if len(union_required) <= _MAX_STRINGS * 4 else None
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)):
        low, high, sub = av
        inner_exact, inner_required = _sequence(sub)
        if low == 0:
            if high == 1 and inner_exact is not None:
                return inner_exact | {""}, None
            return None, None
        if low == high and inner_exact is not None and low <= 3:
            out: frozenset[str] | None = frozenset({""})
            for _ in range(low):
                out = _product(out, inner_exact) if out is not None else None
            if out is not None:
                return out, None
        return None, _better(inner_exact, inner_required)
    return None, None  # any character, a category, a back reference: no literal


def _sequence(items: Iterable[tuple[Any, Any]]) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """A run of consecutive nodes: literal runs are joined across zero-width assertions (the word bounds of "por")."""
    run: frozenset[str] | None = frozenset({""})
    whole_exact = True
    best: frozenset[str] | None = None
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the literals on each side are next to each other in every match
        exact, required = _node(op, av)
        best = _better(best, required)
        if exact is not None and run is not None:
            joined = _product(run, exact)
            if joined is not None:
                run = joined
                continue
        whole_exact = False  # a node of no known strings, or too many strings joined: the run ends here
        best = _better(best, run)
        run = exact if exact is not None else frozenset({""})
    best = _better(best, run)
    return (run if whole_exact else None), best


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains; ``None`` when no such set can be read off it."""
    if pattern.flags & re.IGNORECASE:
        return None
    exact, required = _sequence(_parser.parse(pattern.pattern, pattern.flags))
    return _better(exact, required)


class PhraseFilter:
    """The patterns of a list that can match a text, by the literals each needs."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self._always: list[int] = []
        self._by_literal: dict[str, list[int]] = defaultdict(list)  # a literal -> the patterns that need it
        for i, rx in enumerate(patterns):
            literals = required_literals(rx)
            if literals is None:
                self._always.append(i)
                continue
            for literal in literals:
                self._by_literal[literal].append(i)
        self._by_key: dict[str, list[str]] = defaultdict(list)  # the literals by their first characters
        for literal in self._by_literal:
            self._by_key[literal[:_KEY]].append(literal)

    def candidates(self, text: str) -> set[int]:
        """Indices of the patterns that may match ``text``; every pattern that matches it is among them."""
        out = set(self._always)
        n = len(text)
        keys = {text[i:i + k] for k in range(1, _KEY + 1) for i in range(n - k + 1)}
        for key in keys & self._by_key.keys():
            for literal in self._by_key[key]:  # each literal is looked for once, whatever patterns share it
                if literal in text:
                    out.update(self._by_literal[literal])
        return out


class AnyPattern:
    """Many patterns asked one question, "does any of them occur in this text?", at the cost of the few that can.

    The same answer as one alternation of them all (``re.compile("|".join(...))``), which runs every branch at
    every position of the text.
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)
        self._filter = PhraseFilter(self.patterns)

    def search(self, text: str) -> re.Match[str] | None:
        """A match of one of the patterns in ``text`` (not necessarily the leftmost), or None."""
        for i in sorted(self._filter.candidates(text)):
            found = self.patterns[i].search(text)
            if found:
                return found
        return None
