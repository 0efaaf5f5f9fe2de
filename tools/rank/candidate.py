"""Evaluate one model against one profile: constraints, factor values, costs, chunking and index plan."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from typing import Any

from knowledge.catalog import ModelCard
from knowledge.errors import ToolInputError
from knowledge.languages import known_languages
from knowledge.scores import BenchmarkScore
from tools.estimate.chunking import MIN_CHUNK_TOKENS, SPECIAL_TOKENS, ChunkPlan, plan_chunks
from tools.estimate.cost import MONTHLY_REEMBED_SHARE, QUERY_TOKENS, CostEstimate, api_cost, self_hosted_cost
from tools.estimate.hardware_fit import HardwareFit, fit_model
from tools.estimate.milvus_config import MilvusConfig, build_config
from tools.estimate.storage import StorageEstimate, estimate_storage
from tools.profile.schema import RequirementProfile
from tools.rank import factors as fx

API_LATENCY_P95_MS = 300.0  # assumed round trip of a hosted embedding API, incl. network; measure with evaluate
BM25_LATENCY_P95_MS = 2.0  # no model: query analysis only
BM25_TOKENS_PER_S = 5e6  # analysis and indexing only; never the bottleneck
LOW_ZERO_SHOT = 80
_LANG_NAMES = {lang.code: lang.names[0].title() for lang in known_languages()}


@dataclass
class Candidate:
    """Everything computed for one model on one profile."""

    card: ModelCard
    factors: dict[str, fx.Factor]
    score: float
    rejections: list[str]
    relaxations: list[tuple[str, dict[str, Any]]]
    """Each a sentence opening ("With a budget of $40/month") and the profile update that lifts the rejection."""
    benchmark_scores: list[BenchmarkScore]
    plan: ChunkPlan | None
    fit: HardwareFit | None
    dims: int | None
    p95_ms: float | None
    monthly_usd: float
    embedded_tokens: int
    cost: CostEstimate | None = None
    storage: StorageEstimate | None = None
    milvus: MilvusConfig | None = None
    reasons: list[str] = field(default_factory=list)
    caveats: list[str] = field(default_factory=list)

    def to_recommendation(self, rank: int) -> dict[str, Any]:
        """The Recommendation fields for this candidate at ``rank``."""
        first = self.benchmark_scores[0] if self.benchmark_scores else None
        coverage = None
        if first is not None:
            coverage = (f"{first.retrieval_scored}/{first.retrieval_total} retrieval tasks" if first.retrieval_total
                        else f"{first.tasks_scored}/{first.tasks_total} tasks")
        return {
            "rank": rank, "model": self.card.name, "kind": self.card.kind, "family": self.card.family,
            "score": self.score, "factors": self.factors,
            "benchmark": first.benchmark if first else None,
            "benchmark_score": first.best_estimate if first else None, "benchmark_coverage": coverage,
            "estimated_cost_usd_month": self.monthly_usd,
            "one_time_cost_usd": self.cost.one_time_usd if self.cost else 0.0,
            "dims": self.dims, "max_tokens": self.card.max_tokens,
            "cost": self.cost.model_dump() if self.cost else {},
            "hardware_fit": self.fit.model_dump(mode="json") if self.fit else None,
            "storage": self.storage.model_dump() if self.storage else None,
            "chunking": self.plan.model_dump() if self.plan else {},
            "milvus": self.milvus.model_dump() if self.milvus else {},
            "reasons": self.reasons, "caveats": self.caveats,
        }


def accelerator_for(profile: RequirementProfile) -> tuple[str, float | None, float | None]:
    """The hardware-table name, VRAM and RAM that the profile's models run on."""
    hw = profile.hardware
    if hw.is_cpu_only:
        return hw.cpu_class(), None, hw.ram_gb
    return hw.accelerator, hw.vram_gb, hw.ram_gb


@functools.lru_cache(maxsize=65536)
def _language_gaps(card: ModelCard, languages: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    codes = card.language_codes
    if not codes or "multilingual" in codes:
        return (), not codes
    aliases = {"zho": {"zho", "cmn", "yue", "wuu"}}
    return tuple(lang for lang in languages if not (aliases.get(lang, {lang}) & codes)), False


def _dims(card: ModelCard, n_vectors: int) -> int | None:
    return _dims_cached(card, n_vectors >= 1_000_000)


@functools.lru_cache(maxsize=65536)
def _dims_cached(card: ModelCard, large: bool) -> int | None:
    if card.family == "sparse":
        return None
    native = card.embed_dim
    options = sorted(d for d in card.output_dimensions or [] if native and d < native)
    if native and native > 1024 and large and options:
        return next((d for d in options if d >= 1024), native)
    return native


@functools.lru_cache(maxsize=65536)
def _static_factors(card: ModelCard, languages: tuple[str, ...], benchmarks: tuple[str, ...], domain: str,
                    doc_length_tokens: int) -> tuple[dict[str, fx.Factor], tuple[BenchmarkScore, ...]]:
    """The factors that depend on the model and the profile's domain, languages and length, not on money."""
    mteb, used = fx.mteb_factor(card, list(benchmarks))
    static = card.family in ("static", "sparse")
    values = {
        "mteb_score": mteb,
        "domain_specificity": fx.domain_factor(card, domain),
        "context_window": fx._factor(value=1.0, evidence="no context limit") if static
        else fx.context_factor(card, doc_length_tokens),
        "tokenization": fx.tokenization_factor(card, list(languages)),
        "vocabulary": fx.vocabulary_factor(card, list(languages)),
        "training_data": fx.training_factor(used),
    }
    if card.family == "sparse":
        values["tokenization"] = fx._factor(value=1.0, evidence="BM25 analyzer chosen per language")
        values["vocabulary"] = fx._factor(value=1.0, evidence="BM25 vocabulary is the corpus itself")
    return values, tuple(used)


@functools.lru_cache(maxsize=65536)
def _fit(card: ModelCard, accelerator: str, vram: float | None, ram: float | None, seq_tokens: int) -> HardwareFit:
    return fit_model(card, accelerator, vram_gb=vram, ram_gb=ram, seq_tokens=seq_tokens)


@functools.lru_cache(maxsize=65536)
def _plan(doc_length_tokens: int, corpus_docs: int, window: int | None, prefix_tokens: int) -> ChunkPlan:
    return plan_chunks(doc_length_tokens, corpus_docs, window, prefix_tokens=prefix_tokens)


def screen_candidate(card: ModelCard, profile: RequirementProfile, benchmarks: tuple[str, ...],
                     weights: dict[str, float],
                     hardware: tuple[str, float | None, float | None] | None = None) -> Candidate:
    """Apply the hard constraints and compute every factor for ``card`` on ``profile`` (no report text).

    ``hardware`` is ``accelerator_for(profile)``, passed in when screening many cards for one profile.
    """
    rejections: list[str] = []
    relax: list[tuple[str, dict[str, Any]]] = []
    langs = tuple(profile.languages)

    missing, _ = _language_gaps(card, langs)
    if missing:
        rejections.append("does not list " + ", ".join(f"{_LANG_NAMES.get(m, m)} ({m})" for m in missing)
                          + " among its languages (mteb ModelMeta)")
    if profile.license == "commercial" and card.commercial_use is not True:
        why = "forbids" if card.commercial_use is False else "does not clearly allow"
        rejections.append(f"licence {card.license or 'unknown'} {why} commercial use")
        relax.append(("If non-commercial use were enough", {"license": "any"}))
    if card.kind == "api" and (profile.data_must_stay_on_prem or profile.deployment == "self_hosted"):
        rejections.append("hosted API: documents would leave your servers" if profile.data_must_stay_on_prem
                          else "hosted API, but deployment is self_hosted")
        relax.append(("If documents could be sent to a hosted API",
                      {"data_must_stay_on_prem": False, "deployment": "any"}))
    if card.kind == "open" and profile.deployment == "api":
        rejections.append("open-weights model, but deployment is api")
        relax.append(("If self-hosting were an option", {"deployment": "any"}))

    prefix_tokens = len((card.document_prefix or "").split()) * 2
    plan: ChunkPlan | None = None
    window = None if card.family in ("static", "sparse") else card.max_tokens
    if window is not None and window - prefix_tokens - SPECIAL_TOKENS < MIN_CHUNK_TOKENS:
        rejections.append(f"context window {window} tokens cannot hold a {MIN_CHUNK_TOKENS}-token chunk")
    else:
        plan = _plan(profile.doc_length_tokens, profile.corpus_docs, window, prefix_tokens)

    n_vectors = plan.n_vectors if plan else profile.corpus_docs
    embedded = plan.embedded_tokens if plan else profile.doc_length_tokens * profile.corpus_docs
    dims = _dims(card, n_vectors)
    fit: HardwareFit | None = None
    p95: float | None = None
    monthly = 0.0
    monthly_tokens = embedded * MONTHLY_REEMBED_SHARE + profile.queries_per_month * QUERY_TOKENS
    accelerator, vram, ram = hardware or accelerator_for(profile)
    if card.kind == "api":
        monthly = round(monthly_tokens / 1e6 * (card.price_usd_per_1m_tokens or 0.0), 2)
        p95 = API_LATENCY_P95_MS
    elif card.family == "sparse":
        p95 = BM25_LATENCY_P95_MS
    else:
        try:
            fit = _fit(card, accelerator, vram, ram, plan.chunk_tokens if plan else 256)
        except ToolInputError as exc:
            rejections.append(str(exc))
        if fit is not None and not fit.fits:
            need = min((m.total_gb for m in fit.memory), default=None)
            rejections.append(f"does not fit {fit.accelerator} ({fit.memory_available_gb:g} GB): needs "
                              f"{need:.1f} GB even in int8" if need else f"does not fit {fit.accelerator}")
            if need:
                field = "vram_gb" if vram else "ram_gb"
                relax.append((f"With at least {math.ceil(need)} GB of {'VRAM' if vram else 'RAM'}",
                              {"hardware": profile.hardware.model_copy(update={field: float(math.ceil(need))})}))
        if fit is not None and fit.throughput is not None:
            p95 = fit.throughput.query_latency_ms_p95
    if profile.budget_usd_month is not None and monthly > profile.budget_usd_month:
        rejections.append(f"costs ${monthly:,.2f}/month, over the ${profile.budget_usd_month:,.0f} budget")
        relax.append((f"With a budget of ${math.ceil(monthly):,}/month",
                      {"budget_usd_month": float(math.ceil(monthly))}))
    if p95 is not None and profile.latency_p95_ms is not None and p95 > profile.latency_p95_ms:
        rejections.append(f"estimated p95 {p95:,.0f} ms per query embedding exceeds the {profile.latency_p95_ms:,.0f} "
                          "ms target")
        relax.append((f"With a p95 latency target of {math.ceil(p95):,} ms", {"latency_p95_ms": float(math.ceil(p95))}))

    static, used = _static_factors(card, langs, benchmarks, profile.known_domain, profile.doc_length_tokens)
    cand = Candidate(card=card, factors=dict(static), score=0.0, rejections=rejections, relaxations=relax,
                     benchmark_scores=list(used), plan=plan, fit=fit, dims=dims, p95_ms=p95, monthly_usd=monthly,
                     embedded_tokens=embedded)
    if not rejections:
        complete_score(cand, profile, weights)
    return cand


def complete_score(cand: Candidate, profile: RequirementProfile, weights: dict[str, float]) -> Candidate:
    """Add the money and speed factors and the total score (skipped for rejected models nobody will see)."""
    cand.factors["dimensionality"] = fx.dimensionality_factor(cand.dims, cand.card.embed_dim)
    cand.factors["cost"] = fx.cost_factor(cand.monthly_usd, profile.budget_usd_month)
    cand.factors["latency"] = fx.latency_factor(cand.p95_ms, profile.latency_p95_ms)
    cand.score = fx.total_score(cand.factors, weights)
    return cand


def add_details(cand: Candidate, profile: RequirementProfile, benchmarks: tuple[str, ...]) -> Candidate:
    """Fill the cost breakdown, storage, Milvus config, reasons and caveats of a short-listed candidate."""
    card, plan, fit, p95 = cand.card, cand.plan, cand.fit, cand.p95_ms
    reasons, caveats = cand.reasons, cand.caveats
    if card.kind == "api":
        cand.cost = api_cost(card, cand.embedded_tokens, profile.queries_per_month)
        caveats.append(f"API latency {API_LATENCY_P95_MS:.0f} ms p95 is an assumption: measure it with `evaluate`")
        price_note = card.provenance.get("price_usd_per_1m_tokens")
        if price_note and price_note.note and "not re-verified" in price_note.note:
            caveats.append(f"price ${card.price_usd_per_1m_tokens}/1M tokens not re-verified against the provider")
    elif card.family == "sparse":
        cand.cost = self_hosted_cost(card.name, BM25_TOKENS_PER_S, profile.hardware.cpu_class(), cand.embedded_tokens,
                                     profile.queries_per_month)
    elif fit is not None and fit.throughput is not None:
        cand.cost = self_hosted_cost(card.name, fit.throughput.tokens_per_s, fit.accelerator, cand.embedded_tokens,
                                     profile.queries_per_month, owned=True)
    _, known_langs = _language_gaps(card, tuple(profile.languages))
    if known_langs:
        caveats.append("languages not listed in its metadata: check coverage on your own text")
    if plan is not None:
        ram = profile.hardware.ram_gb
        hnsw = estimate_storage(plan.n_vectors, cand.dims, "float32", "HNSW") if cand.dims else None
        cand.milvus = build_config(card, cand.dims or 0, plan.n_vectors, plan.chunk_tokens, profile.languages,
                                   profile.known_domain, memory_budget_gb=(ram or 16) * 0.5,
                                   hnsw_memory_gb=(hnsw.memory_bytes / 1e9 if hnsw else 0))
        dense_index = next((i["index_type"] for i in cand.milvus.index_params if i["field_name"] == "dense"), None)
        if cand.dims and dense_index:
            cand.storage = estimate_storage(plan.n_vectors, cand.dims, "float32", dense_index)

    used = cand.benchmark_scores
    mteb = cand.factors["mteb_score"]
    if used:
        reasons.append(f"Published {mteb.evidence} (source: MTEB published results).")
        first = used[0]
        covered = first.retrieval_scored if first.retrieval_total else first.tasks_scored
        total = first.retrieval_total or first.tasks_total
        if covered < total:
            caveats.append(f"{first.benchmark}: only {covered}/{total} tasks have a published score")
        if first.zero_shot is not None and first.zero_shot < LOW_ZERO_SHOT:
            caveats.append(f"not zero-shot: trained on {100 - first.zero_shot}% of {first.benchmark}'s tasks, "
                           "so its published score flatters it")
        if first.benchmark not in set(benchmarks[:3]):
            caveats.append(f"scores come from {first.benchmark}, not a benchmark in your languages")
    else:
        caveats.append("no well-covered published score on the matching benchmarks: run `evaluate` on your data")
    if card.license is None:
        caveats.append("licence unknown")
    if cand.cost is not None:
        reasons.append(f"Cost: ${cand.cost.monthly_usd:,.2f}/month, ${cand.cost.one_time_usd:,.2f} once "
                       f"({cand.cost.formula}; source: {cand.cost.sources[0]}).")
    if fit is not None and fit.fits:
        mem = next((m for m in fit.memory if m.precision == fit.precision), None)
        reasons.append(f"Fits {fit.accelerator} ({fit.memory_available_gb:g} GB) in {fit.precision}"
                       + (f": {mem.formula}" if mem else "") + " (parameters: mteb ModelMeta).")
    if p95 is not None and fit is not None and fit.throughput is not None:
        reasons.append(f"Estimated {fit.throughput.tokens_per_s:,.0f} tokens/s and p95 {p95:,.1f} ms per query "
                       f"({fit.throughput.formula}; calibration: {fit.throughput.calibration}).")
    if plan is not None:
        reasons.append(f"Chunking: {plan.chunk_tokens}-token chunks with {plan.overlap_tokens} overlap, "
                       f"{plan.chunks_per_doc:.2f} chunks per document, {plan.n_vectors:,} vectors; without chunking "
                       f"{plan.share_truncated_without_chunking:.0%} of documents would be truncated ({plan.formula}).")
    if cand.storage is not None:
        reasons.append(f"Storage: {cand.storage.raw_vector_bytes / 1e9:,.2f} GB of raw vectors, "
                       f"{cand.storage.memory_bytes / 1e9:,.2f} GB in memory with {cand.storage.index_type} "
                       f"({cand.storage.formula}).")
    if profile.known_domain != "general":
        reasons.append(f"Domain: {cand.factors['domain_specificity'].evidence}.")
    return cand
