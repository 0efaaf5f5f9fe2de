"""Answers to the side questions of ``agent.side_questions``, in English or Chinese, built from state and tool results.

Each answer returns its text and the values it quotes (the evidence record's facts), so every number in it has a
source: the recommendation in the state, the ranking's own evaluation of a candidate, the hardware-fit and token
estimators, or the glossary.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from agent import interviewer as iv
from agent.answers import answer_from_result
from agent.state import FIELDS, AdvisorState, full_profile, stated_profile
from knowledge.catalog import default_catalog
from knowledge.errors import ToolInputError
from knowledge.glossary import load_glossary
from tools.estimate.chunking import estimate_tokens
from tools.estimate.hardware_fit import hardware_fit
from tools.profile.schema import DEFAULT_NOTES, parse_profile
from tools.rank.why_not import why_not as why_not_tool

Answer = tuple[str, dict[str, Any]]
PROVENANCE = {"said": ("you said", "您说的"), "corrected": ("corrected", "已更正"),
              "confirmed": ("confirmed", "已确认"), "edited": ("edited", "已编辑"),
              "assumed": ("assumed default", "默认值")}


def _zh(lang: str) -> int:
    return 1 if lang == "zh" else 0


def shortlist(state: AdvisorState, lang: str) -> Answer:
    """The current short list again, with its reasons (after a resume too: it is in the saved state)."""
    rec = state.get("recommendation")
    if not rec:
        return (("There is no short list yet: say 'recommend' and I'll rank the models now.",
                 "还没有候选名单：说“直接推荐”即可现在排名。")[_zh(lang)], {})
    return iv.explain_recommendation(rec, lang), {"recommendations": iv.shortlist(rec)}


def summary(state: AdvisorState, lang: str) -> Answer:
    """What the consultation knows: every field with its value and where it came from, and the short list."""
    profile, provenance = full_profile(state), state.get("provenance") or {}
    lines = [("What I have so far:", "目前掌握的信息：")[_zh(lang)]]
    facts: dict[str, Any] = {}
    for field in FIELDS:
        how = provenance.get(field)
        if how is None:
            lines.append(f"- {iv.label(field, lang)}: " + ("not given yet (default: {d})", "尚未提供（默认：{d}）")[
                _zh(lang)].format(d=DEFAULT_NOTES[field]))
            continue
        lines.append(f"- {iv.label(field, lang)}: {iv.show_value(field, profile[field])} "
                     f"({PROVENANCE.get(how, (how, how))[_zh(lang)]})")
        facts[field] = profile[field]
    growth = state.get("corpus_growth_docs_month")
    if growth:
        growth_line = ("- growth: about {n} documents a month", "- 增长：每月约 {n} 篇")[_zh(lang)]
        lines.append(growth_line.format(n=f"{growth:,.0f}"))
        facts["corpus_growth_docs_month"] = growth
    short = iv.shortlist(state.get("recommendation"))
    if short:
        lines.append(("Short list: ", "候选名单：")[_zh(lang)] + ", ".join(f"{r['rank']}. {r['model']}" for r in short))
        facts["recommendations"] = short
    return "\n".join(lines), facts


def why_not(state: AdvisorState, lang: str, model: str, versus: str | None = None) -> Answer:
    """Why ``model`` is not on the short list, or how it compares with ``versus``: the why_not tool, in words.

    The engine is ``tools.rank.why_not`` on the stated profile (the one the short list was ranked on): the constraint
    that rejected the model, or its score gap to the last pick and the factors behind it. English uses the tool's
    sentence; Chinese is built from the same result.
    """
    try:
        result = why_not_tool(model, stated_profile(state), versus)
    except ToolInputError as exc:
        return str(exc), {}
    text, facts = answer_from_result("why_not", result)
    return (_why_not_zh(result) if _zh(lang) and versus is None else text), facts  # "X vs Y": the tool's sentence


def _why_not_zh(result: dict[str, Any]) -> str:
    name, status, score = result["model"], result.get("status"), result.get("score") or 0.0
    if status == "rejected":
        return f"{name} 已被排除：{'；'.join(result['reasons'])}。"
    if status == "recommended":
        return f"{name} 在候选名单中：第 {result['rank']} 名，得分 {score:.3f}。"
    gap = result.get("compared_score")
    behind = f"，比第 {result.get('picks')} 名 {result['compared_to']}（{gap:.3f}）低 {gap - score:.3f}" if gap else ""
    where = f"排第 {result['rank']} 名" if result.get("rank") else "未进入排名（既非精选也不在评测的帕累托前沿）"
    factors = "；差距最大：" + "、".join(f"{g['factor']} {g['model_value']:.2f} 对 {g['other_value']:.2f}"
                                         for g in result.get("gaps") or []) if result.get("gaps") else ""
    return f"{name} 满足全部约束，但{where}（得分 {score:.3f}）{behind}{factors}。"


def indexing_time(state: AdvisorState, lang: str, model: str | None = None, accelerator: str | None = None,
                  corpus_docs: int | None = None, doc_length_tokens: int | None = None) -> Answer:
    """How long embedding the whole corpus would take: tokens to embed / the hardware-fit throughput estimate."""
    profile = full_profile(state)
    top = iv.shortlist(state.get("recommendation"))
    name = model or (top[0]["model"] if top else None)
    if name is None:
        return (("Name a model (or ask once we have a short list) and I'll estimate the indexing time.",
                 "请指定模型（或在得到候选名单后再问），我来估算建索引时间。")[_zh(lang)], {})
    card = default_catalog().get(name)
    docs = corpus_docs or profile["corpus_docs"]
    length = doc_length_tokens or profile["doc_length_tokens"]
    tokens = estimate_tokens(length, docs, card.max_tokens)
    total = tokens["embedded_tokens"]
    facts: dict[str, Any] = {"model": card.name, "embedded_tokens": total, "corpus_docs": docs,
                             "doc_length_tokens": length}
    if card.kind == "api":
        return ((f"{card.name} is a hosted API: {total:,} tokens to embed ({docs:,} documents of {length:,} tokens); "
                 "the time depends on your rate limit and how many requests run in parallel.",
                 f"{card.name} 是托管 API：需要向量化 {total:,} 个 token（{docs:,} 篇 x {length:,} token），"
                 "耗时取决于速率限制和并发请求数。")[_zh(lang)], facts)
    hw = parse_profile({"hardware": profile["hardware"]}).hardware
    device = accelerator or (hw.cpu_class() if hw.is_cpu_only else hw.accelerator)
    fit = hardware_fit(card.name, device)
    speed = (fit.get("throughput") or {}).get("tokens_per_s")
    if not fit["fits"] or not speed:
        return ((f"{card.name} does not fit {device}: {'; '.join(fit['notes'])}",
                 f"{card.name} 无法在 {device} 上运行：{'; '.join(fit['notes'])}")[_zh(lang)], facts)
    hours = total / speed / 3600
    facts.update(accelerator=device, tokens_per_s=speed, hours=round(hours, 1))
    return ((f"About {hours:,.1f} hours for {card.name} on {device}: {total:,} tokens to embed ({docs:,} documents "
             f"of {length:,} tokens) at an estimated {speed:,} tokens/s (a FLOP-based estimate, +-2x).",
             f"{card.name} 在 {device} 上约需 {hours:,.1f} 小时：需向量化 {total:,} 个 token（{docs:,} 篇 x {length:,} "
             f"token），估计速度 {speed:,} token/秒（基于算力的估算，误差约 2 倍）。")[_zh(lang)], facts)


def explain_term(state: AdvisorState, lang: str, term: str) -> Answer:
    """A retrieval term in a few sentences, with its source."""
    entry = next(t for t in load_glossary().terms if t.term == term)
    text = (entry.zh if lang == "zh" else entry.en) + f" ({entry.source})"
    return text, {"term": entry.term, "source": entry.source}


ANSWERS: dict[str, Callable[..., Answer]] = {
    "shortlist": shortlist, "summary": summary, "why_not": why_not, "indexing_time": indexing_time,
    "explain_term": explain_term}


def answer(tool: str, args: dict[str, Any], state: AdvisorState, lang: str) -> Answer:
    """The answer to one side question of ``agent.side_questions``."""
    given = {k: v for k, v in args.items() if v is not None and k not in ("option", "options")}
    if tool == "why_not" and not given.get("model"):  # "why not the third one?" before there is a short list
        text = ("请先说出模型名称，或等推荐列表出来后再问。" if _zh(lang) else
                "Name a model, or ask again once we have a short list.")
        return text, {"status": "needs_model"}
    return ANSWERS[tool](state, lang, **given)
