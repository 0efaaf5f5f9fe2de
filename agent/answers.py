"""Side-question answers built from tool results: each returns the text and the values it quotes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from agent.interviewer import explain_recommendation

Answer = tuple[str, dict[str, Any]]
SHOWN = 5
SHOW_FIELDS = ("kind", "n_parameters", "max_tokens", "embed_dim", "license", "price_usd_per_1m_tokens")
COMPARE_FIELDS = ("n_parameters", "max_tokens", "embed_dim", "license", "price_usd_per_1m_tokens")


def _v(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return "-" if value is None else str(value).lower()
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:.4f}" if value < 1 else f"{value:,.2f}"
    if isinstance(value, list):
        return ", ".join(map(str, value[:6]))
    return str(value)


def _search(result: dict[str, Any]) -> Answer:
    rows = result["models"][:SHOWN]
    lines = [f"Top {len(rows)} of {result['matched']:,} matching models on {result['benchmark']} "
             "(published MTEB scores):"]
    for i, row in enumerate(rows, start=1):
        bits = [f"score {_v(row['score'])} ({row['score_kind']})" if row.get("score") is not None else "no score"]
        bits.append(f"{row['max_tokens']:,}-token window" if row.get("max_tokens") else "no context limit")
        if row.get("embed_dim"):
            bits.append(f"{row['embed_dim']:,} dims")
        if row.get("price_usd_per_1m_tokens") is not None:
            bits.append(f"${row['price_usd_per_1m_tokens']} per 1M tokens")
        bits.append(f"licence {row.get('license') or 'unknown'}")
        lines.append(f"{i}. {row['name']}: " + ", ".join(bits))
    facts = {"benchmark": result["benchmark"], "matched": result["matched"],
             "models": [{k: r.get(k) for k in ("name", "score", "max_tokens", "embed_dim", "price_usd_per_1m_tokens",
                                                "license", "score_kind")} for r in rows]}
    return "\n".join(lines), facts


def _show(result: dict[str, Any]) -> Answer:
    facts = {f["field"]: f["value"] for f in result["facts"] if f["field"] in SHOW_FIELDS}
    lines = [f"{result['name']}: " + "; ".join(f"{k} {_v(v)}" for k, v in facts.items())]
    scored = [s for s in result["scores"] if s.get("retrieval_mean") is not None][:3]
    for s in scored:
        lines.append(f"- {s['benchmark']}: retrieval mean {_v(s['retrieval_mean'])} ({s['retrieval_tasks']} tasks), "
                     f"rank {s['rank']} of {s['n_ranked']}")
    facts["scores"] = [{k: s[k] for k in ("benchmark", "retrieval_mean", "retrieval_tasks", "rank", "n_ranked")}
                       for s in scored]
    return "\n".join(lines), facts


def _compare(result: dict[str, Any]) -> Answer:
    names = result["models"]
    rows = [r for r in result["facts"] if r["field"] in COMPARE_FIELDS]
    lines = ["Compared: " + ", ".join(names)]
    lines += [f"- {r['field']}: " + " | ".join(f"{n} {_v(v)}" for n, v in zip(names, r["values"], strict=False))
              for r in rows]
    scores = result["scores"][:3]
    lines += [f"- {s['benchmark']}: " + " | ".join(f"{n} {_v(v)} ({k})" for n, v, k in
                                                  zip(names, s["values"], s["tasks"], strict=False)) for s in scores]
    return "\n".join(lines), {"models": names, "facts": rows, "scores": scores}


def _cost(result: dict[str, Any]) -> Answer:
    est = result["estimate"]
    text = (f"{est['model']}: ${est['one_time_usd']:,.2f} once and ${est['monthly_usd']:,.2f} a month. "
            f"How: {est['formula']}. Assumptions: {'; '.join(est['assumptions'])}.")
    keys = ("model", "one_time_usd", "monthly_usd", "formula", "assumptions")
    return text, {k: est[k] for k in keys}


def _fit(result: dict[str, Any]) -> Answer:
    name, acc = result["model"], result["accelerator"]
    if not result["fits"]:
        text = f"{name} does not fit {acc} ({result['memory_available_gb']} GB): {'; '.join(result['notes'])}"
        return text, {k: result[k] for k in ("model", "accelerator", "memory_available_gb", "fits", "notes")}
    mem = next(m for m in result["memory"] if m["precision"] == result["precision"])
    speed = result.get("throughput") or {}
    text = (f"{name} fits {acc} ({result['memory_available_gb']} GB) in {result['precision']}: {mem['formula']}.")
    if speed:
        text += (f" Estimated {speed['tokens_per_s']:,} tokens/s and query p95 {speed['query_latency_ms_p95']} ms "
                 "(a FLOP-based estimate).")
    return text, {"model": name, "accelerator": acc, "memory": mem, "throughput": speed}


def _tokens(result: dict[str, Any]) -> Answer:
    text = (f"{result['n_vectors']:,} vectors, {result['embedded_tokens']:,} tokens to embed. How: "
            f"{result['formula']}.")
    return text, {k: result[k] for k in ("n_vectors", "embedded_tokens", "formula")}


def _storage(result: dict[str, Any]) -> Answer:
    est = result["estimate"]
    text = f"{est['index_type']} index, {est['dtype']}: {est['formula']}."
    return text, {k: est[k] for k in ("index_type", "dtype", "formula")}


def why_not_text(result: dict[str, Any]) -> str:
    """The answer to "why not X?" / "X vs Y": the tool's sentence, then X's first-indexing headline."""
    plan = result.get("plan") or {}
    lines = [result["sentence"]]
    if plan.get("headline") and result.get("status") != "both_rejected":
        lines.append(f"For {result['model']}: {plan['headline']}.")
    return "\n".join(lines)


def _why_not(result: dict[str, Any]) -> Answer:
    facts = {k: result.get(k) for k in ("model", "status", "sentence", "reasons", "score", "rank", "compared_to")}
    facts["gaps"] = [{k: g[k] for k in ("factor", "model_value", "other_value")} for g in result.get("gaps") or []]
    facts["headline"] = (result.get("plan") or {}).get("headline")
    return why_not_text(result), facts


def _recommend(result: dict[str, Any]) -> Answer:
    facts = {"recommendations": [{k: r[k] for k in ("model", "rank", "score")} for r in result["recommendations"]]}
    return explain_recommendation(result), facts


ANSWERS: dict[str, Callable[[dict[str, Any]], Answer]] = {
    "search_models": _search, "show_model": _show, "compare_models": _compare, "estimate_cost": _cost,
    "hardware_fit": _fit, "estimate_tokens": _tokens, "vector_storage": _storage, "recommend": _recommend,
    "check_documents": lambda r: (r["message"], {k: v for k, v in r.items() if k != "message"}),
    "check_status": lambda r: (r["message"], {k: v for k, v in r.items() if k != "message"}),
    "benchmark_models": lambda r: (r["message"], {k: v for k, v in r.items() if k != "message"}),
    "run_probe": lambda r: (r["message"], {k: v for k, v in r.items() if k != "message"}),
    "check_tokenization": lambda r: (r["message"], {k: v for k, v in r.items() if k not in ("message", "models")}),
    "why_not": _why_not,
}


def answer_from_result(tool: str, result: dict[str, Any]) -> Answer:
    """The answer to a side question from one tool's result, and the values it quotes."""
    builder = ANSWERS.get(tool)
    if builder is None:
        scalars = {k: v for k, v in result.items() if isinstance(v, str | int | float | bool)}
        return f"{tool}: " + "; ".join(f"{k} {_v(v)}" for k, v in scalars.items()), scalars
    return builder(result)
