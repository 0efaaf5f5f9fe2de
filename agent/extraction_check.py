"""The LLM's structured extraction checked against the rule-based reading of the same message.

The same rules hold in both modes: a value already stated changes only when the message names that field (or the
earlier figure, or the rules read a new value for it); a figure the rules find ambiguous ("2,000 a month") is asked
about, not stored; "no idea" / "skip" never becomes 0. What the check removes is logged, never silently kept.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from agent import understanding_patterns as P
from agent.understanding import Understanding

logger = logging.getLogger(__name__)
_NUMERIC = ("doc_length_tokens", "corpus_docs", "queries_per_month", "budget_usd_month", "latency_p95_ms")


def _named(field: str, text: str, old: Any, rules: Understanding) -> bool:
    if field in rules.updates or field in rules.corrected or field in rules.unset or field in rules.skipped:
        return True
    if field == "languages" and (rules.add_languages or rules.remove_languages):
        return True
    if P.FIELD_RES[field].search(text):
        return True
    if isinstance(old, int | float) and not isinstance(old, bool) and old:
        return any(abs(n.value - old) <= 0.005 * old for n in P.find_numbers(text))
    return False


# Words that can mean "nothing" for a figure: a 0 the model reads elsewhere ("just recommend") is an invention.
ZERO_WORDS = re.compile(r"(?<![\d.,])0(?![\d.,]*\d)|\b(?:zero|nothing|none|free|anything|no (?:budget|money|spend|"
                        r"queries|traffic)|nichts|kein\w*|rien|aucun\w*|nada|ningún|ninguno)\b|零|没有|无|不花|免费|"
                        r"ゼロ|なし", re.IGNORECASE)


def _unsaid_zero(value: Any, field: str, rules: Understanding, text: str) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != 0:
        return False
    return rules.updates.get(field) != 0 and not ZERO_WORDS.search(text)


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1)


def _misplaced(llm: Understanding, rules: Understanding) -> list[str]:
    """Numeric fields the LLM filled with a figure the rules read as something else (growth, or another field).

    "growing by 2,000 a month" is neither the corpus size nor a budget; "1M tickets, 50k queries" does not make
    50k the corpus. The rules decide where a figure of the message goes; the LLM may add figures they missed.
    """
    placed = [(f, v) for f, v in rules.updates.items() if f in _NUMERIC and isinstance(v, int | float)]
    if rules.growth_docs_month:
        placed.append(("growth", rules.growth_docs_month))
    out = []
    for field, value in llm.updates.items():
        if field not in _NUMERIC or isinstance(value, bool) or not isinstance(value, int | float):
            continue
        own = rules.updates.get(field)
        if isinstance(own, int | float) and _same(value, own):
            continue  # both readings agree
        if any(_same(value, other) for f, other in placed if f != field):
            out.append(field)
    return out


def check_extraction(llm: Understanding, rules: Understanding, text: str, stated: dict[str, Any]) -> Understanding:
    """``llm`` with the updates the rules forbid removed (and the rules' confirmation and take-backs added)."""
    low = P.normalise(text)
    for field in list(llm.updates):
        value = llm.updates[field]
        if field in stated and stated[field] != value and not _named(field, low, stated[field], rules):
            logger.info("LLM extraction changed %s without the message naming it: ignored", field)
            del llm.updates[field]
            llm.corrected.discard(field)
        elif field in rules.skipped and field not in rules.updates and value in (0, 0.0):
            logger.info("LLM extraction read a skipped %s as 0: ignored", field)
            del llm.updates[field]
        elif rules.confirm and field in rules.confirm["fields"] and field not in rules.updates and (
                isinstance(value, int | float) and abs(value - rules.confirm["monthly"]) <= 0.01 * max(1, value)):
            del llm.updates[field]  # ambiguous: the confirming question decides
    if rules.confirm and not any(f in llm.updates for f in rules.confirm["fields"]):
        llm.confirm = rules.confirm
    llm.unset = [f for f in rules.unset if f not in llm.updates]
    for field in [f for f in llm.updates if f in _NUMERIC and _unsaid_zero(llm.updates[f], f, rules, low)]:
        logger.info("LLM extraction read %s as 0 from a message that says no such thing: ignored", field)
        del llm.updates[field]
    for field in _misplaced(llm, rules):
        logger.info("LLM extraction put a figure the rules read as another field's into %s: ignored", field)
        del llm.updates[field]
        llm.corrected.discard(field)
    llm.growth_docs_month = llm.growth_docs_month or rules.growth_docs_month
    for field in [f for f in llm.updates if f in _NUMERIC and re.search(r"\d", str(llm.updates[f])) is None]:
        if llm.updates[field] is not None and not isinstance(llm.updates[field], int | float):
            del llm.updates[field]
    return llm
