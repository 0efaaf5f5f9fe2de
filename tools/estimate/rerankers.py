"""A reranker suggestion for precision-critical profiles: which cross-encoder, its cost and its latency."""

from __future__ import annotations

from typing import Any

from knowledge.deployment import Reranker, load_deployment
from tools.estimate.throughput import estimate_throughput

RERANK_DEPTH = 50  # first-stage hits rescored per query


def _allowed(r: Reranker, multilingual: bool, api_ok: bool, commercial: bool) -> bool:
    if r.kind == "api" and not api_ok:
        return False
    if commercial and r.license.lower() not in ("apache-2.0", "mit", "proprietary"):
        return False
    return r.multilingual or not multilingual


def suggest_reranker(languages: list[str], api_ok: bool, self_host_ok: bool, commercial: bool, accelerator: str,
                     owned: bool, hourly_usd: float, queries_per_month: int, query_tokens: int,
                     chunk_tokens: int, arch_factor: float = 1.0) -> dict[str, Any] | None:
    """The reranker to put after the first stage, with its monthly cost and p95 latency for ``RERANK_DEPTH`` hits.

    Self-hosted: latency = depth x (query + chunk tokens) / tokens per second on the user's hardware (the same
    calibrated estimate as the embedding models); monthly hours = queries x that work / 3600. API: the provider's
    price per 1,000 searches and a stated latency.
    """
    multilingual = any(lang != "eng" for lang in languages)
    pool = [r for r in load_deployment().rerankers if _allowed(r, multilingual, api_ok, commercial)
            and (r.kind == "api" or self_host_ok)]
    if not pool:
        return None
    # Prefer self-hosting (documents stay put, no per-search fee); the smallest model that covers the languages.
    open_ones = sorted((r for r in pool if r.kind == "open"), key=lambda r: r.n_parameters or 0)
    choice = open_ones[0] if open_ones else pool[0]
    pair_tokens = query_tokens + min(chunk_tokens, choice.max_tokens)
    if choice.kind == "api":
        monthly = queries_per_month / 1000 * (choice.price_usd_per_1k_searches or 0)
        return {"model": choice.name, "kind": "api", "depth": RERANK_DEPTH, "latency_ms_p95": choice.latency_ms_p95,
                "monthly_usd": round(monthly, 2), "monthly_compute_hours": None,
                "formula": f"{queries_per_month:,} searches / 1,000 x ${choice.price_usd_per_1k_searches} = "
                           f"${monthly:,.2f}/month; latency {choice.latency_ms_p95:g} ms assumed",
                "why": "precision-critical: a cross-encoder rescoring the top hits typically adds several nDCG points "
                       "over the embedding alone; measure it with `evaluate`", "source": choice.source}
    est = estimate_throughput(choice.n_parameters or 1, None, accelerator, seq_tokens=max(pair_tokens, 16))
    tps = est.tokens_per_s * arch_factor
    latency = RERANK_DEPTH * pair_tokens / tps * 1000 * 1.12 + est.query_latency_ms_p50
    hours = queries_per_month * RERANK_DEPTH * pair_tokens / tps / 3600
    monthly = 0.0 if owned else hours * hourly_usd
    return {"model": choice.name, "kind": "open", "depth": RERANK_DEPTH, "latency_ms_p95": round(latency, 1),
            "monthly_usd": round(monthly, 2), "monthly_compute_hours": round(hours, 2),
            "formula": f"{RERANK_DEPTH} pairs x {pair_tokens} tokens / {tps:,.0f} tokens/s on {est.accelerator} = "
                       f"{latency:,.0f} ms per query (p95 incl. overhead); {queries_per_month:,} queries a month = "
                       f"{hours:,.1f} h" + (" on hardware you own ($0)" if owned else f" x ${hourly_usd}/h"),
            "why": "precision-critical: a cross-encoder rescoring the top hits typically adds several nDCG points over "
                   "the embedding alone; measure it with `evaluate`", "source": choice.source}
