"""Ambiguous figures are asked about, never stored as a guess: the confirming question and how its answer is read.

"2,000 a month" with nothing around it could be a budget or a query volume (or the corpus growing): the interview
asks "2,000 a month: is that your budget in US dollars, or queries a month?" and stores the figure only when the
answer says which, with provenance "confirmed". A bare figure with no unit and no question before it ("2000",
"ungefähr 20.000", "三千左右吧") could be a document count too, and is asked about the same way. An answer that
says neither leaves the figure out.
"""

from __future__ import annotations

import re
from typing import Any

_ANSWERS: dict[str, re.Pattern[str]] = {
    "budget_usd_month": re.compile(r"budget|dollar|\$|usd|spend|cost|money|预算|钱|费用|美元|budget|presupuesto|予算|"
                                   r"orçamento|예산"),
    "queries_per_month": re.compile(r"quer|search|request|lookup|question|traffic|查询|检索|请求|搜索|anfragen|requête|"
                                    r"consulta|クエリ|検索|suche|recherche|búsqueda|검색"),
    "growth": re.compile(r"grow|\bnew\b|\badd|新增|增长|wächst|neue|crece|nouveaux|増|追加"),
    "corpus_docs": re.compile(r"doc|file|record|article|ticket|contract|page|item|文档|文件|份|篇|dokument|fichier|"
                              r"archivo|文書|件|문서"),
    "neither": re.compile(r"^\s*(?:neither|none|no|nope|never ?mind|ignore (?:it|that)|都不是|都不)\b"),
}
_FIELD_WORDS = {"corpus_docs": ("the number of documents", "文档数量"),
                "queries_per_month": ("queries a month", "每月查询次数"),
                "budget_usd_month": ("your monthly budget in US dollars", "每月预算（美元）")}
QUESTION = ("{figure}: is that your budget in US dollars, or queries (or documents you add)?",
            "{figure}：这是预算（美元），还是查询次数（或新增的文档）？")


def question(pending: dict[str, Any], lang: str) -> str:
    """The confirming question for an ambiguous figure."""
    figure = f"{pending['value']:,.0f}"
    zh = lang == "zh"
    if "corpus_docs" not in pending.get("fields", ()):
        monthly = float(pending.get("monthly", pending["value"]))
        if abs(monthly - pending["value"]) < 0.5:
            figure = f"每月 {figure}" if zh else f"{figure} a month"
        else:  # "300 per day": the figure as said, and what it comes to a month
            figure = f"{figure}（每月 {monthly:,.0f}）" if zh else f"{figure} ({monthly:,.0f} a month)"
        return QUESTION[1 if zh else 0].format(figure=figure)
    words = [_FIELD_WORDS[f][1 if zh else 0] for f in pending["fields"] if f in _FIELD_WORDS]
    if zh:
        return f"{figure}：这是{'、'.join(words[:-1])}还是{words[-1]}？"
    return f"{figure}: is that {', '.join(words[:-1])}, or {words[-1]}?"


def resolve(text: str, pending: dict[str, Any]) -> tuple[str, Any] | None:
    """What an answer to the confirming question says: (field, value), ("growth", n), ("neither", None), or None.

    None means the message does not answer the question (it is read as an ordinary message instead). Only the
    fields the question offered count (growth where the figure was a rate): "documents" answers a bare figure as a
    document count, "new documents" answers "2,000 a month" as growth.
    """
    low = text.lower()
    offered = [*pending.get("fields", ()), "neither"]
    if "corpus_docs" not in offered:
        offered.append("growth")
    said = [name for name in offered if _ANSWERS[name].search(low)
            or (name == "growth" and _ANSWERS["corpus_docs"].search(low))]  # "documents" to "2,000 a month"
    if "growth" in said and "corpus_docs" in said:
        said.remove("corpus_docs")  # "new documents": growth
    if len(said) != 1:
        return None
    name = said[0]
    if name == "budget_usd_month":
        return name, round(float(pending["monthly"]), 2)
    if name in ("queries_per_month", "corpus_docs"):
        return name, int(pending["monthly"])
    if name == "growth":
        return name, float(pending["monthly"])
    return name, None
