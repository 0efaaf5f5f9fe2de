"""Ambiguous figures are asked about, never stored as a guess: the confirming question and how its answer is read.

"2,000 a month" with nothing around it could be a budget or a query volume (or the corpus growing): the interview
asks "2,000 a month: is that your budget in US dollars, or queries a month?" and stores the figure only when the
answer says which, with provenance "confirmed". A bare figure with no unit and no question before it ("2000",
"ungefähr 20.000", "三千左右吧") could be a document count too, and is asked about the same way. An answer that
says neither leaves the figure out.

A reading the guard (``agent.understanding_guard``) doubts is a *check* (``kind: "check"``, the withheld ``values``
by field and the ``reasons``): "Before I note it: queries a month 64,800 (counted around the clock, but only during
office hours). Is that right?" A yes stores the values (provenance "confirmed"), a no leaves them out, and an answer
with a figure in it is read as a new answer.
"""

from __future__ import annotations

import re
from typing import Any

from agent import interviewer as iv
from agent import understanding_patterns as P
from agent.understanding_figures import period_factor

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


_YES = re.compile(r"^\W*(?:yes|yep|yeah|yup|right|correct|exactly|sure|ok(?:ay)?|that'?s (?:right|correct)|"
                  r"confirm(?:ed)?|是的?|对|對|没错|沒錯|ja|genau|richtig|stimmt|oui|exact(?:ement)?|"
                  r"c'est (?:ça|juste)|s[ií]|correcto|exacto|はい|そう(?:です)?|正しい|네|예|맞아요?|sim|certo|isso|"
                  r"esatto|giusto|corretto|tak|klopt|نعم|"
                  # s13-c: Czech, Finnish, Greek, Hebrew, Danish and Romanian
                  r"ano|přesně|správně|kyllä|joo|juuri niin|ναι|σωστά|ακριβώς|כן|נכון|בדיוק|korrekt|rigtigt|"
                  r"præcis|corect|exact)(?:\W|$)")
_NO = re.compile(r"^\W*(?:no|nope|nah|not (?:quite|really|right)|wrong|incorrect|不是|不对|不對|nein|falsch|non|"
                 r"pas (?:ça|vrai)|いいえ|違(?:う|います)|아니(?:요|에요)?|não|sbagliato|nie|nee|لا|"
                 r"ne|ei|όχι|οχι|לא|nej)(?:\W|$)")  # s13-c: cs, fi, el, he, da


def _check_value(field: str, value: Any) -> str:
    if field == "hardware" and isinstance(value, dict):
        parts = [str(value.get("accelerator") or "none").replace("none", "CPU only")]
        parts += [f"{value[k]:g} GB {w}" for k, w in (("vram_gb", "GPU memory"), ("ram_gb", "RAM")) if value.get(k)]
        parts += [f"{value['cpu_cores']} cores"] if value.get("cpu_cores") else []
        parts += ["rented" if value.get("owned") is False else "owned"] if "owned" in value else []
        return ", ".join(parts)
    if field == "doc_length_tokens":
        return f"{value:,} tokens a document"
    return iv.show_value(field, value)


def _check_question(pending: dict[str, Any], lang: str) -> str:
    values: dict[str, Any] = pending.get("values") or {}
    reasons: dict[str, str] = pending.get("reasons") or {}
    if lang == "zh":
        items = "；".join(f"{iv.label(f, 'zh')}：{_check_value(f, v)}" for f, v in values.items())
        return f"记录之前确认一下：{items}，对吗？（回答“对”，或直接给出正确的数字）"
    items = "; ".join(f"{iv.label(f, 'en')}: {_check_value(f, v)}" + (f" ({reasons[f]})" if reasons.get(f) else "")
                      for f, v in values.items())
    return f"Before I note it: {items}. Is that right? (yes, or give me the right figure)"


VAGUE_QUESTIONS = {
    "corpus_docs": ("Roughly how many documents will you index? For example 20k.",
                    "大概要索引多少篇文档？例如 2 万篇。"),
    "doc_length_tokens": ("Roughly how long is a typical document? For example 3 pages, 800 words or 1,000 tokens.",
                          "一篇典型文档大概多长？例如 3 页、800 字或 1000 个 token。"),
    "queries_per_month": ("Roughly how many queries? For example 2,000 a day or 50k a month.",
                          "大概有多少次查询？例如每天 2000 次或每月 5 万次。"),
    "budget_usd_month": ("Roughly what monthly budget, in US dollars? For example $300 a month, or no limit.",
                         "每月预算大概多少美元？例如每月 300 美元，或不限。"),
    "latency_p95_ms": ("Roughly what latency target (p95)? For example under 100 ms, under 500 ms, a second, or no "
                       "limit.", "延迟目标（p95）大概是多少？例如 100 毫秒以内、500 毫秒以内、1 秒，或不限。"),
}
VAGUE_QUESTIONS["hardware"] = (
    "Which card is it? The model name is enough (for example T4, L4, A10G, RTX 4090; `nvidia-smi` shows it), or its "
    "memory in GB.",
    "是哪一张卡？告诉我型号即可（例如 T4、L4、A10G、RTX 4090，`nvidia-smi` 可以看到），或者显存多少 GB。")
UNCLEAR_LEAD = ("I'm not sure how to read that figure.", "这个数字我不太确定该怎么理解。")
VAGUE_LEAD = ("I didn't catch a figure there.", "抱歉，我没有看到具体数字。")
PER_USER_QUESTION = ("{figure} people: about how many searches does each of them make a day?",
                     "{figure} 人：每人每天大约查询多少次？")
PER_UNIT_QUESTION = ('About {rate} searches a month per "{unit}": how many are there in all?',
                     "每个“{unit}”每月约 {rate} 次查询：一共大约有多少个？")
PER_UNIT_ANYONE = ("About {rate} searches a month each: how many of them (people, sites) are there in all?",
                   "每个每月约 {rate} 次查询：一共大约有多少个（人或门店）？")


def question(pending: dict[str, Any], lang: str) -> str:
    """The confirming question for an ambiguous figure (or a check of a doubtful reading)."""
    if pending.get("kind") == "check":
        return _check_question(pending, lang)
    if pending.get("kind") == "per_user":
        return PER_USER_QUESTION[1 if lang == "zh" else 0].format(figure=f"{pending['value']:,.0f}")
    if pending.get("kind") == "per_unit":  # "each store does ~40 lookups a day": how many stores?
        unit = str(pending.get("unit") or "")
        if not unit:  # a bare "each": people or sites
            return PER_UNIT_ANYONE[1 if lang == "zh" else 0].format(rate=f"{pending['value']:,.0f}")
        return PER_UNIT_QUESTION[1 if lang == "zh" else 0].format(rate=f"{pending['value']:,.0f}", unit=unit)
    if pending.get("kind") == "vague":
        i = 1 if lang == "zh" else 0
        lead = (UNCLEAR_LEAD if pending.get("unclear") else VAGUE_LEAD)[i]
        return f"{lead} {VAGUE_QUESTIONS[(pending.get('fields') or ['corpus_docs'])[0]][i]}"
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
    document count, "new documents" answers "2,000 a month" as growth. A check is answered by a yes
    (("confirmed", the values by field)) or a no without a figure (("neither", None)).
    """
    if pending.get("kind") == "check":
        if re.search(r"\d", text):
            return None  # "no, about 20k a month": a new answer, read as one
        period = _period_answer(text, pending)
        if period is not None:  # "per year" to "$30,000: a month, a year or once?"
            return "confirmed", period
        if _YES.search(text.strip().lower()):
            return "confirmed", dict(pending.get("values") or {})
        return ("neither", None) if _NO.search(text.strip().lower()) else None
    if pending.get("kind") == "per_user":
        return _per_user(text, pending)
    if pending.get("kind") == "per_unit":
        return _per_unit(text, pending)
    if pending.get("kind") == "vague":  # the answer is read as an answer to the field asked (``nodes.ask``)
        return ("neither", None) if _ANSWERS["neither"].search(text.lower()) else None
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


_TOTAL = re.compile(r"\bin total\b|\btotal\b|\boverall\b|\baltogether\b|\ball together\b|\bcombined\b|总共|一共|合计|"
                    r"全部|insgesamt|au total|en total|no total|in totale|合計|全体で|전체|총")


_ONCE = re.compile(r"\bonce\b|\bone[- ]?(?:off|time)\b|\bupfront\b|\bin total\b|一次性|总共|一回|初期|一時|일회|한 번|"
                   r"einmalig|une fois|una vez|uma vez|una tantum|eenmalig|jednorazow|engång|tek sefer|разово|"
                   r"единоразово|ek baar")


def _period_answer(text: str, pending: dict[str, Any]) -> dict[str, Any] | None:
    """The values of a check whose period was left open, in the period the answer names (None: it names none).

    The check carries ``base``: the figure for one period, whichever the user says ("a year" divides a budget by
    twelve, "a day" multiplies queries by thirty, "once" makes a budget one-off).
    """
    base, fields = pending.get("base"), list(pending.get("fields") or [])
    if not isinstance(base, int | float) or len(fields) != 1 or fields[0] not in ("budget_usd_month",
                                                                                   "queries_per_month"):
        return None
    low = P.normalise(text)
    if fields[0] == "budget_usd_month" and _ONCE.search(low):
        return {"one_time_budget_usd": float(base)}
    factor = period_factor(low, "")
    if factor == 1.0 and not any(rx.search(low) for rx, f in P.PERIODS if f == 1):
        return None
    value = float(base) * factor
    return {fields[0]: round(value, 2) if fields[0] == "budget_usd_month" else int(value)}


def _per_user(text: str, pending: dict[str, Any]) -> tuple[str, Any] | None:
    """"10-20 a day" to "how many searches does each make a day?": people x the rate, a month (a day by default)."""
    low = P.normalise(text)
    if _NO.search(low) and not re.search(r"\d", low):
        return "neither", None
    numbers = P.find_numbers(low)
    if len(numbers) != 1:
        return None
    rate = numbers[0].value
    named = any(rx.search(low) for rx, _ in P.PERIODS)
    factor = period_factor(low[numbers[0].end:numbers[0].end + 40], low[max(0, numbers[0].start - 30):
                                                                     numbers[0].start]) if named else 30.0
    # (no period named: the question asked per day)
    if _TOTAL.search(low):  # "about 2,000 a day in total": the whole team's traffic, not one person's
        return "queries_per_month", int(rate * factor)
    return "queries_per_month", int(rate * float(pending["value"]) * factor)


def _per_unit(text: str, pending: dict[str, Any]) -> tuple[str, Any] | None:
    """"about 300" to "how many stores are there?": the rate per store times the stores, a month."""
    low = P.normalise(text)
    if _NO.search(low) and not re.search(r"\d", low):
        return "neither", None
    numbers = [n for n in P.find_numbers(low) if n.value >= 1]
    if len(numbers) != 1:
        return None  # no count, or several: read as an ordinary message
    if _TOTAL.search(low) and any(rx.search(low) for rx, _ in P.PERIODS):
        return None  # "about 5k a day in total": a new answer, the whole traffic, read as one
    return "queries_per_month", int(float(pending["value"]) * numbers[0].value)
