"""The message as the interview guard reads it: normalised, questions left out, and which figure feeds which field.

Which figure a value came from is found by leaving each figure of the message out in turn and reading it again with the
reader's own ``extract_fields``: the fields that change depend on that figure. A figure no field depends on is
*unused*. Used by ``agent.understanding_guard`` and its rules (``agent.understanding_guard_rules``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from agent import understanding_patterns as P
from agent.understanding_figures import Found
from agent.understanding_numbers import Number, find_numbers, split_sentences
from agent.understanding_quantities import extract_fields

MAX_FIGURES = 12  # figures left out one at a time (a longer message is reviewed on its first 12)
# Counts the reader leaves as words ("two call centres", "zwei Abteilungen"): figures for the guard, never for a field.
_WORDS = {w: i for i, group in enumerate([(), (), ("two", "zwei", "deux", "dos", "due", "duas", "twee"),
                                           ("three", "drei", "trois", "tres", "tre", "três", "drie"),
                                           ("four", "vier", "quatre", "cuatro", "quattro", "quatro"),
                                           ("five", "fünf", "cinq", "cinco", "cinque", "vijf")]) for w in group}
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(_WORDS) + r")\b(?=\s+[a-zà-ÿ])(?!\s+(?:thirds?|quarters?|halves|fifths?|"
                          r"tenths?|drittel|viertel|tiers|quarts|tercios|cuartos|terzi|quarti)\b)")
LONG_MESSAGE = 800  # characters: past this, each figure is read with the sentences around it only


@dataclass
class Reading:
    """The message as the guard reads it: normalised, questions left out, and which fields each figure feeds."""

    text: str
    asked: str | None
    numbers: list[Number]
    raw: str = ""

    @functools.cached_property
    def feeds(self) -> list[set[str]]:
        """Per figure, the fields whose value changes when it is left out (read once, when a rule asks).

        A long message is read around each figure only (its sentence and the ones either side), so that the cost
        stays bounded.
        """
        out = []
        whole = len(self.text) <= LONG_MESSAGE
        base = _flat(extract_fields(self.text, self.asked)) if whole else {}
        for n in self.numbers:
            start, end = (0, len(self.text)) if whole else around(self.text, n)
            text = self.text[start:end]
            here = base if whole else _flat(extract_fields(text, self.asked))
            a, b = n.start - start, n.end - start
            without = _flat(extract_fields(text[:a] + " " * (b - a) + text[b:], self.asked))
            fed = {k for k in here.keys() | without.keys() if here.get(k) != without.get(k)}
            out.append({k.split(".")[0] for k in fed} | fed)  # "hardware.cpu_cores" feeds "hardware" too
        return out

    def sources(self, name: str) -> list[Number]:
        """The figures the value of ``name`` depends on."""
        return [n for n, fed in zip(self.numbers, self.feeds, strict=False) if name in fed]

    def unused(self) -> list[Number]:
        """The figures no field depends on (a figure the message negates, "not 20万", is not counted)."""
        negated = [m.span() for m in P.negated_values(self.text)]
        return [n for n, fed in zip(self.numbers, self.feeds, strict=False)
                if not fed and not any(s <= n.start < e for s, e in negated)]


def _flat(found: Found) -> dict[str, Any]:
    """Everything a reading proposes, hardware by key, as one flat mapping."""
    flat = {k: v for k, v in found.updates.items() if k != "hardware"}
    flat.update({f"hardware.{k}": v for k, v in (found.updates.get("hardware") or {}).items()})
    flat.update({"corpus_tokens": found.corpus_tokens, "growth": found.growth, "top_k": found.top_k,
                 "ambiguous": (found.ambiguous or {}).get("value")})
    pending = found.ambiguous or {}
    if pending.get("kind") == "per_unit":  # one unit's rate, asked about: the rate figure's reading
        flat.setdefault("queries_per_month", int(pending["value"]))
        flat["ambiguous"] = None
    return {k: v for k, v in flat.items() if v is not None}


def read(message: str, asked: str | None) -> Reading:
    """Normalise ``message`` (question sentences blanked) and find its figures; ``feeds`` is worked out on demand."""
    low = P.normalise(message[: P.MAX_CHARS]) if isinstance(message, str) else ""
    chars = list(low)
    for start, end in split_sentences(low):
        if re.search(r"[?？]", low[start:end]):
            chars[start:end] = " " * (end - start)
    text = "".join(chars)
    numbers = find_numbers(text, MAX_FIGURES)
    numbers += [Number(m.start(), m.end(), float(_WORDS[m.group().lower()])) for m in _NUMBER_WORD.finditer(text)]
    return Reading(text, asked, sorted(numbers, key=lambda n: n.start)[:MAX_FIGURES], low.replace("？", "?"))


def around(text: str, n: Number) -> tuple[int, int]:
    """The sentence of figure ``n`` with the sentences either side of it."""
    spans = split_sentences(text)
    i = next((i for i, (s, e) in enumerate(spans) if s <= n.start < e), 0)
    return spans[max(0, i - 1)][0], spans[min(len(spans) - 1, i + 1)][1]


def clause(text: str, n: Number) -> tuple[int, int]:
    """The sentence around figure ``n``."""
    return next(((s, e) for s, e in split_sentences(text) if s <= n.start < e), (0, len(text)))
