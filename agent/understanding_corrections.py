"""Corrections that point back at an earlier figure: only the field that figure was stored in changes.

"no wait, 600 is wrong ... roughly 130k" when 600 was stored as queries a month sets queries to 130,000 and touches
nothing else; "that 600 was per day" re-reads the same figure per day (x30); "queries are per day, not per month"
re-reads the stored value with the new period; "the 2,000 was document growth, not budget" takes the budget back
(unset, to be asked again) and records the growth instead of turning 2,000 into a document count.
"""

from __future__ import annotations

import re
from typing import Any

from agent import understanding_patterns as P
from agent.understanding_quantities import as_field, period_factor
from tools.profile.schema import NUMERIC_FIELDS

_RATE_FIELDS = ("queries_per_month", "budget_usd_month")


def _same(a: float, b: Any) -> bool:
    return isinstance(b, int | float) and not isinstance(b, bool) and b > 0 and abs(a - b) <= 0.005 * b


def _target(value: float, text: str, stated: dict[str, Any]) -> str | None:
    """The stated field holding ``value``; the one the text names when several do."""
    # "that 3k was per week, not per day" with 90,000 a month stored: the figure as first read (x the period taken back)
    scaled = [value, *(value * factor for _, factor, negated in _periods(text) if negated)]
    fields = [f for f in NUMERIC_FIELDS if any(_same(v, stated.get(f)) for v in scaled)]
    named = [f for f in fields if P.FIELD_RES[f].search(text)]
    return (named or fields)[0] if fields else None


def _periods(text: str) -> list[tuple[int, float, bool]]:
    """(position, factor to per month, negated) of each period ``text`` names."""
    out = []
    for rx, factor in P.PERIODS:
        for m in rx.finditer(text):
            negated = bool(re.search(r"(?:\bnot|\bisn'?t|\brather than|\binstead of|不是)\s*$", text[:m.start()])
                           or re.match(r"\s*(?:ではなく|じゃなく|이 아니라|가 아니라)", text[m.end():]))
            out.append((m.start(), factor, negated))
    return sorted(out)


def refer_back(text: str, stated: dict[str, Any], result: Any, leftovers: list[P.Number]) -> None:
    """Apply a correction of an earlier figure to ``result`` (an Understanding), in place."""
    if not (P.CORRECTION.search(text) or re.search(r"\b(?:was|were|is|are)\b|不是|是", text)):
        return
    for num in P.find_numbers(text):
        target = _target(num.value, text, stated)
        if target is None:
            continue
        for name in [f for f, v in result.updates.items() if f in NUMERIC_FIELDS and _same(num.value, v)]:
            del result.updates[name]  # the old figure itself is not a new value
        if result.confirm and _same(num.value, result.confirm.get("value")):
            result.confirm = None
        words = P.FIELD_WORDS[target]
        if P.GROWTH_WORD.search(text) or re.search(rf"\bnot (?:the |a |my |our )?(?:{words})|不是(?:{words})", text):
            result.unset.append(target)
            if P.GROWTH_WORD.search(text):
                result.growth_docs_month = num.value
            return
        other = [n for n in leftovers if not _same(n.value, num.value)]
        if target in result.updates:
            result.corrected.add(target)
        elif other:
            result.updates[target] = as_field(target, other[0].value, text[other[0].start:])
            result.corrected.add(target)
        elif target in _RATE_FIELDS and period_factor(text[num.end:num.end + 30], "") != 1.0:
            result.updates[target] = as_field(target, num.value, text[num.end:num.end + 30])
            result.corrected.add(target)
        elif target in _RATE_FIELDS and (new := next((f for _, f, negated in _periods(text) if not negated), None)):
            # "1日ではなく1週間あたり3000回": the period the correction names, before the figure
            value = num.value * new
            result.updates[target] = round(value, 2) if target == "budget_usd_month" else int(value)
            result.corrected.add(target)
        return
    if not (P.CORRECTION.search(text) or any(negated for _, _, negated in _periods(text))):
        return
    for target in _RATE_FIELDS:  # "queries are per day, not per month"
        if target not in stated or target in result.updates or not P.FIELD_RES[target].search(text):
            continue
        periods = _periods(text)
        new = next((f for _, f, negated in periods if not negated), None)
        old = next((f for _, f, negated in periods if negated), 1.0)
        if new is not None and new != old:
            value = stated[target] * new / old
            result.updates[target] = round(value, 2) if target == "budget_usd_month" else int(value)
            result.corrected.add(target)
