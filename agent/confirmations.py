"""Ambiguous figures are asked about, never stored as a guess: the confirming question and how its answer is read.

"2,000 a month" with nothing around it could be a budget or a query volume (or the corpus growing): the interview
asks "2,000 a month: is that your budget in US dollars, or queries a month?" and stores the figure only when the
answer says which, with provenance "confirmed". An answer that says neither leaves the figure out.
"""

from __future__ import annotations

import re
from typing import Any

_ANSWERS: dict[str, re.Pattern[str]] = {
    "budget_usd_month": re.compile(r"budget|dollar|\$|usd|spend|cost|money|预算|钱|费用|美元|budget|presupuesto|予算"),
    "queries_per_month": re.compile(r"quer|search|request|lookup|question|traffic|查询|检索|请求|搜索|anfragen|requête|"
                                    r"consulta|クエリ|検索"),
    "growth": re.compile(r"grow|document|docs|new|add|新增|增长|文档|wächst|dokument|document|crece|増"),
    "neither": re.compile(r"^\s*(?:neither|none|no|nope|never ?mind|ignore (?:it|that)|都不是|都不)\b"),
}
QUESTION = ("{figure} a month: is that your budget in US dollars, or queries a month (or documents you add)?",
            "每月 {figure}：这是预算（美元），还是每月查询次数（或每月新增的文档）？")


def question(pending: dict[str, Any], lang: str) -> str:
    """The confirming question for an ambiguous figure."""
    figure = f"{pending['value']:,.0f}"
    return QUESTION[1 if lang == "zh" else 0].format(figure=figure)


def resolve(text: str, pending: dict[str, Any]) -> tuple[str, Any] | None:
    """What an answer to the confirming question says: (field, value), ("growth", n), ("neither", None), or None.

    None means the message does not answer the question (it is read as an ordinary message instead).
    """
    low = text.lower()
    said = [name for name, rx in _ANSWERS.items() if rx.search(low)]
    if len(said) != 1:
        return None
    name = said[0]
    if name == "budget_usd_month":
        return name, round(float(pending["monthly"]), 2)
    if name == "queries_per_month":
        return name, int(pending["monthly"])
    if name == "growth":
        return name, float(pending["monthly"])
    return name, None
