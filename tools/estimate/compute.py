"""Compute feasibility: how long the first indexing pass takes and how many hours a month the embedding needs.

first indexing hours = embedded tokens / tokens per second / 3600, on the user's hardware (the calibrated throughput
estimate of hardware_fit, scaled by the CPU architecture's throughput class) or through a hosted API at the rate
limit of a stated tier (tokens per minute / 60), or its batch API's turnaround. Monthly compute hours = (re-embedded
tokens + queries x query tokens) / tokens per second / 3600. Both are hard constraints with documented, overridable
defaults (knowledge/data/deployment.yaml): the first pass within ``max_first_indexing_days`` and the monthly hours
within ``max_compute_utilisation`` x 730 h.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from knowledge.catalog import ModelCard
from knowledge.deployment import load_deployment
from knowledge.hardware import load_hardware

HOURS_PER_MONTH = 730
Basis = Literal["owned", "rented", "api_rate_limit", "api_batch"]


@dataclass(frozen=True)
class DeploymentLimits:
    """The feasibility limits and stated assumptions resolved for one profile."""

    first_indexing_days: float
    compute_utilisation: float
    query_tokens: int
    one_time_budget_usd: float | None
    memory_budget_gb: float
    precision_critical: bool
    cpu_arch: str | None
    arch_factor: float
    arch_label: str
    owned: bool
    where: str = ""
    """The hardware in words: 'your T4', 'a rented 16-core x86 server CPU'."""
    assumed: dict[str, str] = field(default_factory=dict)

    @functools.cached_property
    def monthly_compute_hours(self) -> float:
        """The monthly compute hours allowed: utilisation x 730 h (computed once: read for every screened model)."""
        return round(self.compute_utilisation * HOURS_PER_MONTH, 1)

    def as_dict(self) -> dict[str, Any]:
        """The JSON form reported as a result's ``limits``."""
        return {"first_indexing_days": self.first_indexing_days, "compute_utilisation": self.compute_utilisation,
                "monthly_compute_hours": self.monthly_compute_hours, "query_tokens": self.query_tokens,
                "one_time_budget_usd": self.one_time_budget_usd, "memory_budget_gb": self.memory_budget_gb,
                "precision_critical": self.precision_critical, "cpu_arch": self.cpu_arch,
                "cpu_throughput_class": self.arch_factor, "owned_hardware": self.owned, "assumed": dict(self.assumed)}


_last: tuple[Any, DeploymentLimits] | None = None  # (profile, its limits): one profile is screened ~120 times


def limits_for(profile: Any) -> DeploymentLimits:
    """Resolve the profile's deployment limits: given values, else the documented defaults (listed in ``assumed``)."""
    global _last
    last = _last  # one read: another thread may replace it (a tuple swap is atomic)
    if last is not None and last[0] is profile:
        return last[1]
    hw = profile.hardware
    limits = _limits(profile.query_length_tokens, profile.known_domain, profile.max_first_indexing_days,
                     profile.max_compute_utilisation, profile.one_time_budget_usd, profile.budget_usd_month,
                     hw.ram_gb, profile.precision_critical, hw.cpu_arch, hw.is_cpu_only, hw.accelerator, hw.owned,
                     hw.cpu_cores or 8)
    _last = (profile, limits)
    return limits


@functools.lru_cache(maxsize=4096)
def _limits(query_tokens: int | None, domain: str, days: float | None, utilisation: float | None,
            one_time: float | None, monthly_budget: float | None, ram_gb: float | None, precision: bool | None,
            arch: str | None, cpu_only: bool, accelerator: str, owned: bool, cores: int = 8) -> DeploymentLimits:
    facts = load_deployment()
    lim = facts.limits
    assumed: dict[str, str] = {}
    if query_tokens is None:
        query_tokens = facts.query_tokens_by_domain.values.get(domain, facts.query_tokens_by_domain.values["general"])
        assumed["query_length_tokens"] = f"queries average {query_tokens} tokens ({domain} default)"
    if days is None:
        days = lim.max_first_indexing_days
        assumed["max_first_indexing_days"] = f"the first indexing pass must finish within {days:g} days"
    if utilisation is None:
        utilisation = lim.max_compute_utilisation
        assumed["max_compute_utilisation"] = (f"monthly embedding compute may use {utilisation:.0%} of the month "
                                              f"({utilisation * HOURS_PER_MONTH:g} h)")
    if one_time is None and monthly_budget is not None:
        one_time = monthly_budget
        assumed["one_time_budget_usd"] = f"the first pass may cost one month's budget (${monthly_budget:,.0f})"
    if precision is None:
        precision = domain in ("legal", "medical", "finance")
        assumed["precision_critical"] = (f"{domain}: precision-critical, a reranker is suggested" if precision
                                         else f"{domain}: not precision-critical, no reranker suggested")
    ram = ram_gb or 16.0
    budget = round(ram * lim.vector_ram_share, 2)
    if arch is None:
        arch = "x86" if cpu_only else None
    if arch is None and not cpu_only:
        try:
            arch = "apple" if load_hardware().find(accelerator).kind == "apple" else "x86"
        except Exception:  # noqa: BLE001 - an accelerator given only with vram_gb: host assumed x86
            arch = "x86"
    entry = facts.architecture(arch or "x86")
    owner = "your" if owned else "a rented"
    if cpu_only:
        where = f"{owner} {cores}-core {entry.label}"
    else:
        try:
            where = f"{owner} {load_hardware().find(accelerator).name}"
        except Exception:  # noqa: BLE001 - a GPU given only with vram_gb keeps the user's name
            where = f"{owner} {accelerator}"
    return DeploymentLimits(first_indexing_days=float(days), compute_utilisation=float(utilisation),
                            query_tokens=int(query_tokens), one_time_budget_usd=one_time, memory_budget_gb=budget,
                            precision_critical=bool(precision), cpu_arch=arch,
                            arch_factor=entry.relative_throughput if cpu_only else 1.0, arch_label=entry.label,
                            owned=owned, where=where, assumed=assumed)


class ComputeEstimate(BaseModel):
    """How long the first pass takes and what the monthly compute is, where, on what basis, with the formula."""

    model_config = ConfigDict(extra="forbid")

    where: str
    basis: Basis
    owned: bool
    tokens_per_s: float
    first_indexing_hours: float
    first_indexing_days: float
    first_indexing_limit_days: float
    monthly_compute_hours: float | None
    monthly_limit_hours: float
    rented_once_usd: float | None
    rented_monthly_usd: float | None
    cost_note: str
    formula: str
    headline: str
    batch: dict[str, Any] | None = None


def duration(hours: float) -> str:
    """Hours in words: minutes under an hour, hours under two days, else days."""
    if hours < 1:
        return f"{max(1, round(hours * 60))} minutes"
    if hours < 48:
        return f"{hours:,.1f} hours"
    return f"{hours / 24:,.1f} days"


def hardware_label(profile: Any, accelerator: str, limits: DeploymentLimits) -> str:
    """'your T4', 'a rented T4', 'your 32-core x86 server CPU'."""
    hw = profile.hardware
    owner = "your" if hw.owned else "a rented"
    if hw.is_cpu_only:
        return f"{owner} {hw.cpu_cores or 8}-core {limits.arch_label}"
    return f"{owner} {accelerator}"


def self_hosted_compute(tokens_per_s: float, embedded_tokens: int, monthly_tokens: float, accelerator: str,
                        where: str, limits: DeploymentLimits) -> ComputeEstimate:
    """The first pass and monthly hours of an open model at ``tokens_per_s`` on the user's (or rented) hardware."""
    hours = embedded_tokens / tokens_per_s / 3600
    monthly = monthly_tokens / tokens_per_s / 3600
    acc = load_hardware().find(accelerator)
    hourly = float(acc.hourly_usd.value)
    rentable = not (acc.kind == "cpu" and limits.cpu_arch not in ("x86", "arm_server")) and acc.kind != "apple"
    rented_once = round(hours * hourly, 2) if rentable else None
    rented_monthly = round(monthly * hourly, 2) if rentable else None
    arch = (f" x {limits.arch_factor:g} ({limits.arch_label} throughput class)"
            if acc.kind == "cpu" and limits.arch_factor != 1 else "")
    arch_text = f" (incl.{arch})" if arch else ""
    formula = (f"first pass = {embedded_tokens:,} tokens / {tokens_per_s:,.0f} tokens/s{arch_text}"
               f" / 3600 = {hours:,.1f} h ({hours / 24:,.2f} days, limit {limits.first_indexing_days:g}); monthly = "
               f"{monthly_tokens:,.0f} tokens (re-embedding + queries x {limits.query_tokens} tokens) / "
               f"{tokens_per_s:,.0f} tokens/s / 3600 = {monthly:,.1f} h (limit {limits.compute_utilisation:.0%} of "
               f"{HOURS_PER_MONTH} h = {limits.monthly_compute_hours:g} h)")
    if limits.owned:
        note = "hardware you own: the cost is time, not money (electricity not counted)"
        if rented_once is not None:
            note += f"; rented by the hour it would be ${rented_once:,.2f} once and ${rented_monthly:,.2f}/month"
    elif rented_once is not None:
        note = (f"rented {acc.name} at ${hourly}/h ({acc.hourly_usd.source}): ${rented_once:,.2f} for the first pass, "
                f"${rented_monthly:,.2f}/month of embedding compute")
    else:
        note = f"{acc.name} with this CPU architecture is not rented by the hour in the hardware table: cost is time"
    return ComputeEstimate(
        where=where, basis="owned" if limits.owned else "rented", owned=limits.owned,
        tokens_per_s=round(tokens_per_s, 1), first_indexing_hours=round(hours, 2),
        first_indexing_days=round(hours / 24, 3), first_indexing_limit_days=limits.first_indexing_days,
        monthly_compute_hours=round(monthly, 2), monthly_limit_hours=limits.monthly_compute_hours,
        rented_once_usd=rented_once, rented_monthly_usd=rented_monthly, cost_note=note, formula=formula,
        headline=f"first indexing: {duration(hours)} on {where}")


def api_tokens_per_s(card: ModelCard) -> tuple[float, str]:
    """Tokens per second a hosted API allows at the recorded tier, and the words that say which."""
    limit = load_deployment().rate_limit(card.provider)
    if limit is None:
        return 1e6 / 60, "an assumed 1,000,000 tokens/min (no rate limit recorded for this provider)"
    tpm = limit.tokens_per_minute
    return tpm / 60, f"{card.provider}'s {limit.tier} limit of {tpm:,} tokens/min"


def api_compute(card: ModelCard, embedded_tokens: int, monthly_tokens: float,
                limits: DeploymentLimits) -> ComputeEstimate:
    """The first pass of a hosted API at its documented rate limit (and through its batch API where there is one)."""
    tps, tier = api_tokens_per_s(card)
    hours = embedded_tokens / tps / 3600
    monthly = monthly_tokens / tps / 3600
    limit = load_deployment().rate_limit(card.provider)
    batch = None
    if limit is not None and limit.batch_turnaround_hours and card.batch_price_usd_per_1m_tokens is not None:
        batch_hours = max(hours, limit.batch_turnaround_hours)
        batch = {"hours": round(batch_hours, 2), "price_usd_per_1m_tokens": card.batch_price_usd_per_1m_tokens,
                 "usd": round(embedded_tokens / 1e6 * card.batch_price_usd_per_1m_tokens, 2),
                 "turnaround_hours": limit.batch_turnaround_hours,
                 "formula": f"batch jobs return within {limit.batch_turnaround_hours:g} h; at the same token rate the "
                            f"first pass takes max({hours:,.1f} h, {limit.batch_turnaround_hours:g} h)"}
    formula = (f"first pass = {embedded_tokens:,} tokens / ({tier} / 60 = {tps:,.0f} tokens/s) / 3600 = "
               f"{hours:,.1f} h; "
               f"monthly = {monthly_tokens:,.0f} tokens / {tps:,.0f} tokens/s / 3600 = {monthly:,.1f} h of rate-limit "
               "time (a higher tier raises the limit)")
    source = limit.source if limit else "assumption"
    return ComputeEstimate(
        where=f"{card.provider or 'the provider'}'s API", basis="api_rate_limit", owned=False,
        tokens_per_s=round(tps, 1), first_indexing_hours=round(hours, 2), first_indexing_days=round(hours / 24, 3),
        first_indexing_limit_days=limits.first_indexing_days, monthly_compute_hours=round(monthly, 2),
        monthly_limit_hours=limits.monthly_compute_hours, rented_once_usd=None, rented_monthly_usd=None,
        cost_note=f"hosted API: paid per token; throughput from {tier} ({source})", formula=formula,
        headline=(f"first indexing: {duration(hours)} through the {card.provider or 'provider'} API ("
                  + (f"{limit.tokens_per_minute:,} tokens/min at {limit.tier})" if limit else "assumed rate limit)")),
        batch=batch)
