"""Cost estimates: hosted-API token spend, and self-hosted compute hours priced from the hardware table."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from knowledge.catalog import ModelCard, default_catalog
from knowledge.errors import InvalidFilterError, ToolInputError
from knowledge.hardware import load_hardware
from tools.estimate.chunking import plan_chunks
from tools.estimate.hardware_fit import fit_model

# Stated assumptions (each result repeats the ones it used).
QUERY_TOKENS = 32
MONTHLY_REEMBED_SHARE = 0.10
HOURS_PER_MONTH = 730


class CostEstimate(BaseModel):
    """Money and compute for one model on one profile, with the formula and its inputs."""

    model_config = ConfigDict(extra="forbid")

    model: str
    kind: Literal["api", "self_hosted"]
    one_time_usd: float
    monthly_usd: float
    """Cash per month: API spend, or 0 on hardware the user owns."""
    cloud_equivalent_monthly_usd: float | None = None
    """Self-hosted: what the monthly compute would cost on a rented instance of the same class."""
    compute_hours_initial: float | None = None
    compute_hours_monthly: float | None = None
    breakdown: dict[str, float]
    formula: str
    sources: list[str]
    assumptions: list[str]


def _assumptions(query_tokens: int, reembed_share: float) -> list[str]:
    return [f"queries average {query_tokens} tokens (assumed)",
            f"{reembed_share:.0%} of the corpus is re-embedded each month for new and changed documents (assumed)"]


def api_cost(card: ModelCard, embedded_tokens: int, queries_per_month: int, query_tokens: int = QUERY_TOKENS,
             reembed_share: float = MONTHLY_REEMBED_SHARE, batch: bool = False) -> CostEstimate:
    """Token spend of a hosted API: initial embedding once, then re-embedding and queries every month.

    With ``batch`` the first pass (and the monthly re-embedding) is priced at the provider's batch price.
    """
    price = card.price_usd_per_1m_tokens
    if price is None:
        raise ToolInputError(f"{card.name} has no known price per token; cost cannot be estimated")
    bulk = card.batch_price_usd_per_1m_tokens if batch and card.batch_price_usd_per_1m_tokens is not None else price
    initial = embedded_tokens / 1e6 * bulk
    reembed = embedded_tokens * reembed_share / 1e6 * bulk
    queries = queries_per_month * query_tokens / 1e6 * price
    prov = card.provenance.get("price_usd_per_1m_tokens")
    source = f"{prov.source} (checked {prov.checked_on})" if prov else "catalog"
    label = f"${bulk}/1M (batch price)" if bulk != price else f"${price}/1M"
    formula = (f"initial = {embedded_tokens:,} tokens x {label} = ${initial:,.2f}; monthly = re-embed "
               f"{reembed_share:.0%} (${reembed:,.2f}) + {queries_per_month:,} queries x {query_tokens} tokens x "
               f"${price}/1M (${queries:,.2f}) = ${reembed + queries:,.2f}")
    return CostEstimate(model=card.name, kind="api", one_time_usd=round(initial, 2),
                        monthly_usd=round(reembed + queries, 2),
                        breakdown={"initial_embedding": round(initial, 2), "reembedding_monthly": round(reembed, 2),
                                   "queries_monthly": round(queries, 2)},
                        formula=formula, sources=[source], assumptions=_assumptions(query_tokens, reembed_share))


def self_hosted_cost(model: str, tokens_per_s: float, accelerator: str, embedded_tokens: int, queries_per_month: int,
                     owned: bool = True, query_tokens: int = QUERY_TOKENS,
                     reembed_share: float = MONTHLY_REEMBED_SHARE) -> CostEstimate:
    """Compute hours from a throughput estimate, priced with the hardware table's hourly price."""
    if tokens_per_s <= 0:
        raise InvalidFilterError("tokens_per_s", tokens_per_s, "a positive throughput")
    acc = load_hardware().find(accelerator)
    hourly = float(acc.hourly_usd.value)
    hours_initial = embedded_tokens / tokens_per_s / 3600
    monthly_tokens = embedded_tokens * reembed_share + queries_per_month * query_tokens
    hours_monthly = monthly_tokens / tokens_per_s / 3600
    rented_monthly = hours_monthly * hourly
    cash_monthly = 0.0 if owned else HOURS_PER_MONTH * hourly
    cash_once = 0.0 if owned else hours_initial * hourly
    formula = (f"initial {embedded_tokens:,} tokens / {tokens_per_s:,.0f} tokens/s = {hours_initial:,.1f} h; monthly "
               f"{monthly_tokens:,.0f} tokens = {hours_monthly:,.1f} h x ${hourly}/h ({acc.name}) = "
               f"${rented_monthly:,.2f} if rented by the hour; "
               + ("$0 cash on hardware you own (electricity not counted)" if owned else
                  f"an always-on {acc.name} for query serving costs {HOURS_PER_MONTH} h x ${hourly} = "
                  f"${cash_monthly:,.2f}/month"))
    return CostEstimate(model=model, kind="self_hosted", one_time_usd=round(cash_once, 2),
                        monthly_usd=round(cash_monthly, 2), cloud_equivalent_monthly_usd=round(rented_monthly, 2),
                        compute_hours_initial=round(hours_initial, 2), compute_hours_monthly=round(hours_monthly, 2),
                        breakdown={"initial_hours": round(hours_initial, 2), "monthly_hours": round(hours_monthly, 2),
                                   "hourly_usd": hourly},
                        formula=formula, sources=[f"{acc.hourly_usd.source} (checked {acc.hourly_usd.checked_on})"],
                        assumptions=_assumptions(query_tokens, reembed_share))


def estimate_cost(model: str, corpus_docs: int, doc_length_tokens: int, queries_per_month: int,
                  accelerator: str = "cpu-8core", owned_hardware: bool = True) -> dict[str, Any]:
    """Estimate one-time and monthly cost of embedding a corpus and serving queries with one model.

    API models: price per token x tokens (initial embedding, monthly re-embedding, queries). Open models:
    compute hours on the accelerator from a throughput estimate, priced at its hourly cloud rate.

    Args:
        model: catalog name or alias, e.g. "text-embedding-3-large" or "BAAI/bge-m3".
        corpus_docs: number of documents, e.g. 10000000.
        doc_length_tokens: typical document length in tokens.
        queries_per_month: queries embedded per month.
        accelerator: for open models, where they run: "T4", "A100-80GB", "cpu-8core", ...
        owned_hardware: true if the user already owns that hardware (no cash cost), false to rent it.
    """
    card = default_catalog().get(model)
    plan = plan_chunks(doc_length_tokens, corpus_docs, card.max_tokens)
    if card.kind == "api":
        estimate = api_cost(card, plan.embedded_tokens, queries_per_month)
    else:
        fit = fit_model(card, accelerator, seq_tokens=plan.chunk_tokens)
        if fit.throughput is None:
            raise ToolInputError(f"{card.name}: throughput unknown ({'; '.join(fit.notes)})")
        estimate = self_hosted_cost(card.name, fit.throughput.tokens_per_s, accelerator, plan.embedded_tokens,
                                    queries_per_month, owned=owned_hardware)
    return {"estimate": estimate.model_dump(), "chunking": plan.model_dump()}
