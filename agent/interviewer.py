"""The offline interviewer: templated questions and acknowledgements, and explanations built from tool results only."""

from __future__ import annotations

import re
from typing import Any

from tools.profile.schema import DEFAULT_NOTES

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

QUESTIONS: dict[str, tuple[str, str]] = {
    "domain": ("What are your documents about: which domain (legal, medical, finance, code, support tickets, "
               "scientific papers, e-commerce, or general)?",
               "您的文档属于哪个领域？（法律、医疗、金融、代码、客服工单、科研论文、电商，或通用）"),
    "languages": ("Which languages are the documents and the queries in?", "文档和查询使用哪些语言？"),
    "doc_length_tokens": ("How long is a typical document? Tokens, words or pages are all fine.",
                          "一篇典型文档有多长？可以用 token 数、字数或页数回答。"),
    "corpus_docs": ("How many documents will you index?", "您需要索引多少篇文档？"),
    "queries_per_month": ("How many queries a month do you expect?", "预计每月有多少次查询？"),
    "data_must_stay_on_prem": ("Must the data stay on your own servers, or may it be sent to a hosted API "
                               "(OpenAI, Cohere, Voyage ...)?",
                               "数据必须留在您自己的服务器上，还是可以发送给托管 API（OpenAI、Cohere 等）？"),
    "deployment": ("Do you want to run the model yourself (self-hosted), call a hosted API, or is either fine?",
                   "您希望自己部署模型、调用托管 API，还是两者皆可？"),
    "hardware": ("What hardware would compute the embeddings: a GPU (which one?), a Mac, or CPU only?",
                 "用什么硬件计算向量：GPU（哪一款？）、Mac，还是只有 CPU？"),
    "budget_usd_month": ("What monthly budget do you have for embeddings, in US dollars? 'No limit' is an answer too.",
                         "向量化每月预算是多少美元？也可以回答“不限”。"),
    "latency_p95_ms": ("Do you have a latency target for embedding one query (p95, in milliseconds)?",
                       "单个查询向量化有延迟要求吗（p95，毫秒）？"),
    "license": ("Is this for commercial use (the model's licence must allow it), or research only?",
                "是商业用途（模型许可证必须允许商用），还是仅用于研究？"),
}
LABELS: dict[str, tuple[str, str]] = {
    "domain": ("domain", "领域"), "languages": ("languages", "语言"),
    "doc_length_tokens": ("document length", "文档长度"), "corpus_docs": ("documents", "文档数"),
    "queries_per_month": ("queries a month", "每月查询"), "data_must_stay_on_prem": ("data on-premises", "数据本地化"),
    "deployment": ("deployment", "部署方式"), "hardware": ("hardware", "硬件"), "budget_usd_month": ("budget", "预算"),
    "latency_p95_ms": ("latency target", "延迟要求"), "license": ("licence", "许可证"),
    "priorities": ("priorities", "优先级"), "top_k": ("short-list length", "候选数量"),
    "query_length_tokens": ("query length", "查询长度"),
    "max_first_indexing_days": ("first-indexing limit", "首次索引时限"),
    "max_compute_utilisation": ("monthly compute limit", "每月算力上限"),
    "one_time_budget_usd": ("one-time budget", "一次性预算"), "precision_critical": ("precision-critical", "精度优先"),
}
TEXT: dict[str, tuple[str, str]] = {
    "greeting": ("Hello! I'm embedding-advisor. I'll ask a few questions about your RAG system and then recommend "
                 "embedding models, each with its numbers and their sources. Answer 'skip' to take a default, or "
                 "say 'just recommend' at any time.",
                 "您好！我是 embedding-advisor。我会问几个关于您的 RAG 系统的问题，"
                 "然后推荐向量模型，每个结论都附带数字和来源。回答“跳过”即采用默认值，随时可以说“直接推荐”。"),
    "noted": ("Noted: {items}.", "已记录：{items}。"),
    "corrected": ("Changed {items}.", "已更改：{items}。"),
    "unset": ("Took back {label} ({old}): I'll ask about it again.", "已撤销{label}（{old}），稍后会重新询问。"),
    "growth": ("Noted: the corpus grows by about {n} documents a month (kept apart from its size and the budget).",
               "已记录：文档每月新增约 {n} 篇（不计入文档总数和预算）。"),
    "skipped": ("Skipped {label}: I'll assume {default} (the default).", "跳过{label}：默认按“{default}”处理。"),
    "unparsed": ("I didn't catch that.", "抱歉，我没有理解。"),
    "left_out": ("Understood: I've left that figure out.", "好的，这个数字不计入。"),
    "invalid": ("I couldn't use that {label}: {problem}", "无法使用该{label}：{problem}"),
    "follow_up": ("You can change any constraint (for example 'we have an A100 now'), ask about a model or a cost, "
                  "or ask to check the short list on your own documents.",
                  "您可以修改任何条件（例如“我们现在有 A100 了”），询问某个模型或成本，"
                  "或者要求在您自己的文档上验证候选模型。"),
    "docs_check": ("To check the short list on your own documents, run:\n\n    {command}\n\nIt measures each model's "
                   "retrieval quality on queries built from your documents.",
                   "要在您自己的文档上验证候选模型，请运行：\n\n    {command}\n\n"
                   "它会用从文档生成的查询测量每个模型的检索效果。"),
    "docs_later": ("Once we have a short list I'll tell you how to check it on your documents.",
                   "得到候选名单后，我会告诉您如何在自己的文档上验证。"),
    "rec_title": ("**Recommendation** for {domain} documents in {languages}, ranked on {benchmarks} "
                  "({n} candidates considered):",
                  "**推荐结果**：{languages} 的{domain}文档，依据 {benchmarks} 排名（共评估 {n} 个候选）："),
    "none_fit": ("No model meets every constraint.", "没有模型满足全部约束。"),
    "ruled_out": ("Ruled out: {items}.", "已排除：{items}。"),
    "would_change": ("What would change the answer:", "哪些变化会改变结论："),
    "assumed": ("Assumed defaults (tell me if any is wrong): {items}.", "采用的默认值（如有不对请告诉我）：{items}。"),
    "what_changed": ("What changed: {items}.", "变化：{items}。"),
    "same_list": ("The short list stays the same: {models}.", "候选名单不变：{models}。"),
    "list_moved": ("Short list before: {before}; now: {after}.", "之前的候选：{before}；现在：{after}。"),
    "new_entries": ("New: {items}.", "新进入：{items}。"),
    "dropped": ("Dropped: {items}.", "移出：{items}。"),
    "assumed_for_answer": ("(Assumed, as you haven't said yet: {items}.)",
                           "（您还没有告诉我，以下按默认值计算：{items}。）"),
    "below_top": ("now ranked below the top {k}", "现在排在前 {k} 名之外"),
}
# Which of a recommendation's reasons explains a change of each field.
REASON_FOR: dict[str, tuple[str, ...]] = {
    "hardware": ("Fits", "Estimated"), "latency_p95_ms": ("Estimated",), "budget_usd_month": ("Cost",),
    "queries_per_month": ("Cost",), "corpus_docs": ("Cost", "Storage"), "doc_length_tokens": ("Chunking",),
    "deployment": ("Cost",), "data_must_stay_on_prem": ("Cost",),
}
EVALUATE_COMMAND = "embedding-advisor evaluate --corpus YOUR_DOCS --out-dir eval-results --models {models}"


def reply_language(text: str, current: str = "en") -> str:
    """"zh" when the message is written in Chinese, "en" when it is clearly not, else ``current``."""
    if CJK.search(text):
        return "zh"
    return "en" if re.search(r"[A-Za-z]{3,}", text) else current


def t(key: str, lang: str, **values: Any) -> str:
    """One template in the reply language, filled in."""
    en, zh = TEXT[key]
    return (zh if lang == "zh" else en).format(**values)


def question(field: str, lang: str) -> str:
    """The question that asks for one field."""
    en, zh = QUESTIONS[field]
    return zh if lang == "zh" else en


def label(field: str, lang: str) -> str:
    """A field's name in words."""
    en, zh = LABELS.get(field, (field, field))
    return zh if lang == "zh" else en


def show_value(field: str, value: Any) -> str:
    """A profile value in words, as the user gave it."""
    if field == "hardware" and isinstance(value, dict):
        acc = str(value.get("accelerator") or "none")
        return "CPU only" if acc.lower() in ("none", "cpu") else acc
    if field == "budget_usd_month":
        return "no limit" if value is None else f"${value:,.0f}/month"
    if field == "latency_p95_ms":
        return "no target" if value is None else f"{value:g} ms"
    if field == "data_must_stay_on_prem":
        return "data stays on-premises" if value else "hosted APIs allowed"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value).replace("_", "-")


ACK: dict[str, tuple[str, str]] = {
    "doc_length_tokens": ("{v} tokens per document", "每篇文档 {v} 个 token"),
    "corpus_docs": ("{v} documents", "{v} 篇文档"),
    "queries_per_month": ("{v} queries a month", "每月 {v} 次查询"),
}


def ack_item(field: str, value: Any, lang: str) -> str:
    """One understood value in words, for "Noted: ..."."""
    if field in ACK:
        en, zh = ACK[field]
        return (zh if lang == "zh" else en).format(v=show_value(field, value))
    if field == "data_must_stay_on_prem":
        return show_value(field, value)
    return f"{label(field, lang)} {show_value(field, value)}"


def default_note(field: str) -> str:
    """The documented default of a field, in words."""
    return DEFAULT_NOTES.get(field, "the default")


def short_reason(reason: str) -> str:
    """A reason without its formula and source: the part before the first parenthesis."""
    return reason.split(" (", 1)[0].rstrip(".;:,")


def shortlist(result: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The ranked models of a recommendation result: model, rank and score."""
    return [{"model": r["model"], "rank": r["rank"], "score": r["score"]} for r in (result or {}).get("recommendations",
                                                                                                     [])]


def _rec_line(rec: dict[str, Any]) -> str:
    parts = [f"{rec['rank']}. **{rec['model']}** ({rec['kind']}, score {rec['score']:.4f})"]
    if rec.get("benchmark") and rec.get("benchmark_score") is not None:
        parts.append(f"{rec['benchmark']} {rec['benchmark_score']:.4f} ({rec['benchmark_coverage']})")
    parts.append(f"${rec['estimated_cost_usd_month']:,.2f}/month, ${rec['one_time_cost_usd']:,.2f} once")
    shape = [f"{rec['dims']} dims" if rec.get("dims") else "",
             f"{rec['max_tokens']:,}-token window" if rec.get("max_tokens") else "no context limit"]
    parts.append(", ".join(p for p in shape if p))
    fit = rec.get("hardware_fit") or {}
    speed = fit.get("throughput") or {}
    if fit.get("fits") and speed:
        parts.append(f"fits {fit['accelerator']} in {fit['precision']}, query p95 {speed['query_latency_ms_p95']} ms")
    line = " - ".join(parts[:1]) + ": " + "; ".join(parts[1:])
    if rec.get("headline"):
        line += f"\n   - {rec['headline']}"
    return line + "".join(f"\n   - caveat: {c}" for c in rec.get("caveats", []))


def explain_recommendation(result: dict[str, Any], lang: str = "en") -> str:
    """The recommendation in a few lines, every number taken from ``result`` (a RecommendationResult dict)."""
    profile = result["profile"]
    benches = ", ".join(b["name"] for b in result["benchmarks"][:2]) or "-"
    out = [t("rec_title", lang, domain=profile["domain"], languages=", ".join(profile["languages"]),
             benchmarks=benches, n=result["candidates_considered"]), ""]
    out += [_rec_line(rec) for rec in result["recommendations"]] or [t("none_fit", lang)]
    if result["rejected"]:
        items = "; ".join(f"**{r['model']}** ({r['reasons'][0]})" for r in result["rejected"][:3])
        out += ["", t("ruled_out", lang, items=items)]
    if result["what_would_change"]:
        out += ["", t("would_change", lang)] + [f"- {line}" for line in result["what_would_change"]]
    if result["assumed_defaults"]:
        items = "; ".join(f"{label(k, lang)}: {v}" for k, v in result["assumed_defaults"].items())
        out += ["", t("assumed", lang, items=items)]
    return "\n".join(out)


def _why_new(rec: dict[str, Any], fields: list[str]) -> str:
    keys = [k for f in fields for k in REASON_FOR.get(f, ())] + ["Published"]
    for key in keys:
        for reason in rec["reasons"]:
            if reason.startswith(key):
                return short_reason(reason)
    return short_reason(rec["reasons"][0]) if rec["reasons"] else ""


def explain_changes(changes: list[dict[str, Any]], previous: list[dict[str, Any]] | None, result: dict[str, Any],
                    lang: str = "en") -> str:
    """What changed in the constraints and in the short list, and why, from the new result only."""
    out: list[str] = []
    if changes:
        items = "; ".join(f"{label(c['field'], lang)}: {show_value(c['field'], c['old'])} -> "
                          f"{show_value(c['field'], c['new'])}" for c in changes)
        out.append(t("what_changed", lang, items=items))
    before = [r["model"] for r in previous or []]
    now = {r["model"]: r for r in result["recommendations"]}
    if before == list(now):
        out.append(t("same_list", lang, models=", ".join(before) or "-"))
        return " ".join(out)
    out.append(t("list_moved", lang, before=", ".join(before) or "-", after=", ".join(now) or "-"))
    fields = [c["field"] for c in changes]
    new = [f"**{m}** (rank {r['rank']}: {_why_new(r, fields)})" for m, r in now.items() if m not in before]
    if new:
        out.append(t("new_entries", lang, items="; ".join(new)))
    rejected = {r["model"]: r for r in result["rejected"]}
    dropped = [f"**{m}** ({rejected[m]['reasons'][0] if m in rejected else t('below_top', lang, k=len(now))})"
               for m in before if m not in now]
    if dropped:
        out.append(t("dropped", lang, items="; ".join(dropped)))
    return "\n".join(out)


def evaluate_name(rec: dict[str, Any]) -> str | None:
    """How ``embedding-advisor evaluate --models`` names a recommended model (None: it cannot run it)."""
    model = rec["model"]
    if rec.get("family") == "sparse" and "bm25" in model.lower():
        return "bm25"
    if rec.get("kind") == "api":
        return "openai:" + model.split("/", 1)[1] if model.startswith("openai/") else None
    return model


def document_check(result: dict[str, Any] | None, lang: str = "en") -> str:
    """How to check the short list on the user's own documents (the evaluate command, BM25 as the baseline)."""
    names = [evaluate_name(r) for r in (result or {}).get("recommendations", [])]
    if not names:
        return t("docs_later", lang)
    runnable = list(dict.fromkeys([n for n in names if n] + ["bm25"]))
    return t("docs_check", lang, command=EVALUATE_COMMAND.format(models=",".join(runnable)))
