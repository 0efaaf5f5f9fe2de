"""Evaluate one model against one profile: constraints, factor values, costs, chunking and index plan."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from typing import Any

from knowledge.catalog import ModelCard
from knowledge.deployment import load_deployment
from knowledge.errors import ToolInputError
from knowledge.hardware import load_hardware
from knowledge.languages import known_languages
from knowledge.maturity import maturity
from knowledge.scores import BenchmarkScore
from tools.estimate.chunking import MIN_CHUNK_TOKENS, SPECIAL_TOKENS, ChunkPlan, plan_chunks
from tools.estimate.compute import (
    HOURS_PER_MONTH,
    ComputeEstimate,
    DeploymentLimits,
    api_compute,
    api_tokens_per_s,
    hardware_label,
    limits_for,
    self_hosted_compute,
)
from tools.estimate.cost import MONTHLY_REEMBED_SHARE, CostEstimate, api_cost, self_hosted_cost
from tools.estimate.hardware_fit import HardwareFit, fit_model
from tools.estimate.hosting import hosting_line
from tools.estimate.milvus_config import METRICS, MilvusConfig, build_config, is_learned_sparse
from tools.estimate.rerankers import suggest_reranker
from tools.estimate.storage import SPARSE, StorageEstimate, estimate_storage
from tools.estimate.vector_plan import VectorPlan, plan_vectors
from tools.profile.schema import RequirementProfile
from tools.rank import factors as fx
from tools.rank.evidence import Board, EvidenceBase, Figure, board_table, profile_evidence
from tools.rank.language_evidence import language_verdict

API_LATENCY_P95_MS = 300.0  # assumed round trip of a hosted embedding API, incl. network; measure with evaluate
BM25_LATENCY_P95_MS = 2.0  # no model: query analysis only
BM25_TOKENS_PER_S = 5e6  # analysis and indexing only; never the bottleneck
LOW_ZERO_SHOT = 80
_LANG_NAMES = {lang.code: lang.names[0].title() for lang in known_languages()}


@dataclass(slots=True)
class Candidate:
    """Everything computed for one model on one profile (slots: ~140 are built for every profile)."""

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
    figure: Figure | None = None
    """The model's figure on the consultation's board (exact, imputed or unproven)."""
    domain_figure: Figure | None = None
    long_figure: Figure | None = None

    @property
    def proven(self) -> bool:
        """True when the model has a figure on at least half of the board's tasks."""
        return self.figure is not None and self.figure.proven

    licence_unknown: bool = False
    """True when the profile needs commercial use and nobody knows whether the licence allows it."""

    def sort_key(self) -> tuple:
        """Proven before "unproven here", known licences before unknown ones, then the score."""
        return (not self.proven, self.licence_unknown, -self.score, self.card.name)

    def evidence_entry(self) -> dict[str, Any] | None:
        """The model's row of the consultation's evidence table."""
        if self.figure is None:
            return None
        entry = self.figure.describe()
        entry["domain"] = self.domain_figure.describe() if self.domain_figure else None
        entry["long"] = self.long_figure.describe() if self.long_figure else None
        return entry
    tokens_per_s: float | None = None
    first_pass_hours: float | None = None
    monthly_hours: float | None = None
    one_time_usd: float = 0.0
    use_batch: bool = False
    compute: ComputeEstimate | None = None
    vector_plan: VectorPlan | None = None
    prefixes: dict[str, Any] = field(default_factory=dict)
    reranker: dict[str, Any] | None = None
    hosting: dict[str, Any] | None = None
    headline: str = ""

    def to_recommendation(self, rank: int) -> dict[str, Any]:
        """The Recommendation fields for this candidate at ``rank``."""
        fig = self.figure
        coverage = None
        if fig is not None:
            coverage = f"{fig.coverage} retrieval tasks" + (" (imputed)" if fig.imputed else "")
        return {
            "rank": rank, "model": self.card.name, "kind": self.card.kind, "family": self.card.family,
            "score": self.score, "factors": self.factors,
            "benchmark": fig.board if fig is not None and fig.score is not None else None,
            "benchmark_score": None if fig is None or fig.score is None else round(fig.score, 6),
            "benchmark_coverage": coverage, "evidence": self.evidence_entry(),
            "estimated_cost_usd_month": self.monthly_usd,
            "one_time_cost_usd": self.cost.one_time_usd if self.cost else 0.0,
            "dims": self.dims, "max_tokens": self.card.max_tokens,
            "cost": self.cost.model_dump() if self.cost else {},
            "hardware_fit": self.fit.model_dump(mode="json") if self.fit else None,
            "storage": self.storage.model_dump() if self.storage else None,
            "chunking": self.plan.model_dump() if self.plan else {},
            "milvus": self.milvus.model_dump() if self.milvus else {},
            "reasons": self.reasons, "caveats": self.caveats,
            "headline": self.headline,
            "compute": self.compute.model_dump() if self.compute else None,
            "vector_plan": self.vector_plan.model_dump() if self.vector_plan else None,
            "prefixes": self.prefixes, "reranker": self.reranker, "hosting": self.hosting,
        }


def accelerator_for(profile: RequirementProfile) -> tuple[str, float | None, float | None]:
    """The hardware-table name, VRAM and RAM that the profile's models run on."""
    hw = profile.hardware
    if hw.is_cpu_only:
        return hw.cpu_class(), None, hw.ram_gb
    return hw.accelerator, hw.vram_gb, hw.ram_gb


def _dims(card: ModelCard) -> int | None:
    """The model's native output dimensions (a cut is an explicit vector-plan option, never silent)."""
    return None if card.family in ("sparse", "learned-sparse") else card.embed_dim


def _is_bm25(card: ModelCard) -> bool:
    return card.family == "sparse"


class _Facts:
    """What screening reads of one card, computed once per card.

    Hashed by identity (one object per distinct card, from ``_facts``), so the per-part caches below key on it without
    calling ModelCard's Python ``__hash__`` again: screening reads ~140 cards for each profile.
    """

    __slots__ = ("card", "bm25", "late", "prefix_tokens", "window", "dims", "commercial_use", "licence_note")

    def __init__(self, card: ModelCard) -> None:
        self.card = card
        self.bm25 = _is_bm25(card)
        self.late = _late_interaction(card)
        self.prefix_tokens = len((card.document_prefix or "").split()) * 2
        self.window = None if card.family == "static" or self.bm25 else card.max_tokens
        self.dims = _dims(card)
        self.commercial_use = card.commercial_use
        self.licence_note = card.licence.note


@functools.lru_cache(maxsize=4096)
def _facts(card: ModelCard) -> _Facts:
    return _Facts(card)


@functools.lru_cache(maxsize=65536)
def _language_rejections(facts: _Facts, languages: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"language: {why}" for _lang, why in language_verdict(facts.card, languages).ruled_out)


@functools.lru_cache(maxsize=1024)
def _api_rate(card: ModelCard) -> tuple[float, float | None]:
    """Tokens/s at the recorded rate limit and the batch API's turnaround in hours (None: no batch API)."""
    rate = load_deployment().rate_limit(card.provider)
    return api_tokens_per_s(card)[0], rate.batch_turnaround_hours if rate else None


def _late_interaction(card: ModelCard) -> bool:
    return card.family == "late-interaction"


@functools.lru_cache(maxsize=131072)
def _board_part(model: str, board: Board | None, what: str) -> tuple[fx.Factor, Figure | None]:
    return fx.board_factor(board_table(board) if board is not None else None, model, what)


@functools.lru_cache(maxsize=131072)
def _domain_part(facts: _Facts, domain: str, board: Board | None, on_board: bool) -> tuple[fx.Factor, Figure | None]:
    card = facts.card
    table = board_table(board) if board is not None else None
    return fx.domain_factor(card, domain, table, on_board), table.figure(card.score_name) if table else None


@functools.lru_cache(maxsize=131072)
def _language_part(facts: _Facts, languages: tuple[str, ...], measured: frozenset[str]) -> tuple[fx.Factor, ...]:
    card = facts.card
    proven = frozenset(language_verdict(card, languages).proven) | measured
    if card.family == "sparse":
        return (fx._factor(value=1.0, evidence="BM25 analyzer chosen per language"),
                fx._factor(value=1.0, evidence="BM25 vocabulary is the corpus itself"))
    return (fx.tokenization_factor(card, list(languages), proven), fx.vocabulary_factor(card, list(languages), proven))


@functools.lru_cache(maxsize=65536)
def _context_part(facts: _Facts, doc_length_tokens: int) -> fx.Factor:
    card = facts.card
    if card.family in ("static", "sparse"):
        return fx._factor(value=1.0, evidence="no context limit")
    return fx.context_factor(card, doc_length_tokens)


def _static_factors(card: ModelCard, languages: tuple[str, ...], evidence: EvidenceBase, domain: str,
                    doc_length_tokens: int) -> tuple[dict[str, fx.Factor], tuple[Figure | None, ...]]:
    """The factors that depend on the model and the consultation's evidence, languages and length, not on money.

    Each part is cached on what it depends on (the board, not the whole profile), so profiles sharing a board
    share the work.
    """
    facts = _facts(card)
    mteb, figure = _board_part(card.score_name, evidence.primary, "language")
    long_factor, long_figure = _board_part(card.score_name, evidence.long, "long-document")
    domain_factor, domain_figure = _domain_part(facts, domain, evidence.domain, evidence.domain_is_primary)
    tokenization, vocabulary = _language_part(facts, languages, frozenset(figure.per_language if figure else ()))
    values = {
        "mteb_score": mteb,
        "domain_specificity": domain_factor,
        "long_context": long_factor,
        "context_window": _context_part(facts, doc_length_tokens),
        "tokenization": tokenization,
        "vocabulary": vocabulary,
        "training_data": fx.training_factor_from(figure.zero_shot if figure else None, evidence.primary.name),
        "maturity": _maturity_factor(facts),
    }
    return values, (figure, domain_figure, long_figure)


@functools.lru_cache(maxsize=8192)
def _maturity_factor(facts: _Facts) -> fx.Factor:
    known, why = maturity(facts.card)
    return fx.maturity_factor(facts.card, known, why)


@functools.lru_cache(maxsize=65536)
def _fit(facts: _Facts, accelerator: str, vram: float | None, ram: float | None, seq_tokens: int,
         query_tokens: int = 32) -> HardwareFit:
    return fit_model(facts.card, accelerator, vram_gb=vram, ram_gb=ram, seq_tokens=seq_tokens,
                     query_tokens=query_tokens)


@functools.lru_cache(maxsize=65536)
def _plan(doc_length_tokens: int, corpus_docs: int, window: int | None, prefix_tokens: int) -> ChunkPlan:
    return plan_chunks(doc_length_tokens, corpus_docs, window, prefix_tokens=prefix_tokens)


def _indexing_rejection(card: ModelCard, hours: float, embedded: int, tps: float, limits: DeploymentLimits,
                        rejections: list[str], relax: list[tuple[str, dict[str, Any]]]) -> None:
    """Record 'first indexing takes N days ... over the limit' and the limit that would lift it."""
    where = f"{card.provider}'s API at its recorded rate limit" if card.kind == "api" else limits.where
    days = hours / 24
    rejections.append(f"first indexing takes {days:,.1f} days on {where} ({embedded:,} tokens at {tps:,.0f} "
                      f"tokens/s), over the {limits.first_indexing_days:g}-day limit")
    relax.append((f"With {math.ceil(days):,} days allowed for the first indexing",
                  {"max_first_indexing_days": float(math.ceil(days))}))


class _ProfileView:
    """What screening reads of one profile, resolved once for the ~140 cards screened against it."""

    __slots__ = ("commercial", "hardware", "known_domain", "langs", "limits", "query_tokens_month")

    def __init__(self, profile: RequirementProfile) -> None:
        self.langs = tuple(profile.languages)
        self.commercial = profile.license == "commercial"
        self.limits = limits_for(profile)
        self.known_domain = profile.known_domain
        self.hardware = accelerator_for(profile)
        self.query_tokens_month = profile.queries_per_month * self.limits.query_tokens


_last_view: tuple[RequirementProfile, _ProfileView] | None = None


def _view(profile: RequirementProfile) -> _ProfileView:
    """The profile's view; the last one is kept (by identity, as ``limits_for`` keeps its limits)."""
    global _last_view
    last = _last_view  # one read: another thread may replace it (a tuple swap is atomic)
    if last is not None and last[0] is profile:
        return last[1]
    view = _ProfileView(profile)
    _last_view = (profile, view)
    return view


def screen_candidate(card: ModelCard, profile: RequirementProfile, benchmarks: tuple[str, ...],
                     weights: dict[str, float],
                     hardware: tuple[str, float | None, float | None] | None = None,
                     evidence: EvidenceBase | None = None) -> Candidate:
    """Apply the hard constraints and compute every factor for ``card`` on ``profile`` (no report text).

    ``hardware`` is ``accelerator_for(profile)`` and ``evidence`` is ``profile_evidence(profile)``, passed in when
    screening many cards for one profile. ``benchmarks`` is kept for callers that name the benchmarks they matched
    and is not used for scoring: every model is scored on the consultation's evidence base.
    """
    facts = _facts(card)
    view = _view(profile)
    langs = view.langs
    rejections: list[str] = list(_language_rejections(facts, langs))
    relax: list[tuple[str, dict[str, Any]]] = []
    commercial = view.commercial
    if commercial and facts.commercial_use is False:
        rejections.append(f"licence {card.license} forbids commercial use ({facts.licence_note})")
        relax.append(("If non-commercial use were enough", {"license": "any"}))
    if card.kind == "api" and (profile.data_must_stay_on_prem or profile.deployment == "self_hosted"):
        rejections.append("hosted API: documents would leave your servers" if profile.data_must_stay_on_prem
                          else "hosted API, but deployment is self_hosted")
        relax.append(("If documents could be sent to a hosted API",
                      {"data_must_stay_on_prem": False, "deployment": "any"}))
    if card.kind == "open" and profile.deployment == "api":
        rejections.append("open-weights model, but deployment is api")
        relax.append(("If self-hosting were an option", {"deployment": "any"}))

    limits = view.limits
    bm25, late, prefix_tokens, window = facts.bm25, facts.late, facts.prefix_tokens, facts.window
    plan: ChunkPlan | None = None
    if window is not None and window - prefix_tokens - SPECIAL_TOKENS < MIN_CHUNK_TOKENS:
        rejections.append(f"context window {window} tokens cannot hold a {MIN_CHUNK_TOKENS}-token chunk")
    else:
        plan = _plan(profile.doc_length_tokens, profile.corpus_docs, window, prefix_tokens)

    n_vectors = plan.n_vectors if plan else profile.corpus_docs
    embedded = plan.embedded_tokens if plan else profile.doc_length_tokens * profile.corpus_docs
    dims = facts.dims
    fit: HardwareFit | None = None
    p95: float | None = None
    monthly = 0.0
    monthly_tokens = embedded * MONTHLY_REEMBED_SHARE + view.query_tokens_month
    accelerator, vram, ram = hardware or view.hardware
    tps: float | None = None
    one_time = 0.0
    use_batch = False
    if late and plan is not None:
        tokens = n_vectors * plan.chunk_tokens
        gb = tokens * (card.embed_dim or 128) * 2 / 1e9
        rejections.append(f"late-interaction model: one {card.embed_dim}-d vector per token, ~{tokens:,} vectors "
                          f"({gb:,.1f} GB in float16) for {n_vectors:,} chunks; it needs Milvus embedding lists "
                          "(2.6+) and MaxSim search, which this plan does not cover")
    if card.kind == "api":
        tps, turnaround = _api_rate(card)
        price = card.price_usd_per_1m_tokens or 0.0
        if card.batch_price_usd_per_1m_tokens is not None and turnaround:
            use_batch = max(embedded / tps / 3600, turnaround) / 24 <= limits.first_indexing_days
        bulk = card.batch_price_usd_per_1m_tokens if use_batch else price
        one_time = embedded / 1e6 * (bulk or 0.0)
        monthly = round(embedded * MONTHLY_REEMBED_SHARE / 1e6 * (bulk or 0.0)
                        + profile.queries_per_month * limits.query_tokens / 1e6 * price, 2)
        p95 = API_LATENCY_P95_MS
    elif bm25:
        p95 = BM25_LATENCY_P95_MS
        tps = BM25_TOKENS_PER_S
    else:
        try:
            fit = _fit(facts, accelerator, vram, ram, plan.chunk_tokens if plan else 256)
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
            factor = limits.arch_factor
            tps = fit.throughput.tokens_per_s * factor
            p95 = fit.throughput.query_latency_ms_p95 / factor
            if not profile.hardware.owned:
                hourly = float(load_hardware().find(fit.accelerator).hourly_usd.value)
                one_time = embedded / tps / 3600 * hourly
                monthly = round(HOURS_PER_MONTH * hourly, 2)
    first_hours = monthly_hours = None
    if tps:
        first_hours = embedded / tps / 3600
        monthly_hours = monthly_tokens / tps / 3600
        if first_hours > limits.first_indexing_days * 24:
            _indexing_rejection(card, first_hours, embedded, tps, limits, rejections, relax)
        if monthly_hours > limits.monthly_compute_hours:
            rejections.append(f"needs {monthly_hours:,.0f} h of embedding compute a month, over "
                              f"{limits.compute_utilisation:.0%} of the month ({limits.monthly_compute_hours:g} h)")
    if profile.budget_usd_month is not None and monthly > profile.budget_usd_month:
        rejections.append(f"costs ${monthly:,.2f}/month, over the ${profile.budget_usd_month:,.0f} budget")
        relax.append((f"With a budget of ${math.ceil(monthly):,}/month",
                      {"budget_usd_month": float(math.ceil(monthly))}))
    if limits.one_time_budget_usd is not None and one_time > limits.one_time_budget_usd:
        assumed = " (one month's budget, assumed)" if "one_time_budget_usd" in limits.assumed else ""
        rejections.append(f"the first indexing costs ${one_time:,.2f} once"
                          + (" at the batch price" if use_batch else "")
                          + f", over the ${limits.one_time_budget_usd:,.0f} one-time budget{assumed}")
        relax.append((f"With ${math.ceil(one_time):,} for the first indexing",
                      {"one_time_budget_usd": float(math.ceil(one_time))}))
    if p95 is not None and profile.latency_p95_ms is not None and p95 > profile.latency_p95_ms:
        rejections.append(f"estimated p95 {p95:,.0f} ms per query embedding exceeds the {profile.latency_p95_ms:,.0f} "
                          "ms target")
        relax.append((f"With a p95 latency target of {math.ceil(p95):,} ms", {"latency_p95_ms": float(math.ceil(p95))}))

    evidence = evidence or profile_evidence(profile)
    if rejections:  # nobody sees most rejected models: only the board figure now, the rest when shown
        mteb, figure = _board_part(card.score_name, evidence.primary, "language")
        static: dict[str, fx.Factor] = {"mteb_score": mteb}
        domain_figure = long_figure = None
    else:
        static, (figure, domain_figure, long_figure) = _static_factors(card, langs, evidence, view.known_domain,
                                                                        profile.doc_length_tokens)
    cand = Candidate(card=card, factors=dict(static), score=0.0, rejections=rejections, relaxations=relax,
                     licence_unknown=commercial and facts.commercial_use is None,
                     benchmark_scores=[], plan=plan, fit=fit, dims=dims, p95_ms=p95, monthly_usd=monthly,
                     embedded_tokens=embedded, figure=figure, domain_figure=domain_figure, long_figure=long_figure,
                     tokens_per_s=tps, first_pass_hours=first_hours, monthly_hours=monthly_hours,
                     one_time_usd=round(one_time, 2), use_batch=use_batch)
    if not rejections:
        complete_score(cand, profile, weights)
    return cand


def complete_score(cand: Candidate, profile: RequirementProfile, weights: dict[str, float]) -> Candidate:
    """Add the money and speed factors and the total score (skipped for rejected models nobody will see)."""
    if len(cand.factors) == 1:  # a rejected model screened with its board figure only
        static, (_, cand.domain_figure, cand.long_figure) = _static_factors(
            cand.card, tuple(profile.languages), profile_evidence(profile), profile.known_domain,
            profile.doc_length_tokens)
        cand.factors = dict(static)
    cand.factors["dimensionality"] = _dimensionality(cand, profile)
    cand.factors["cost"] = fx.cost_factor(cand.monthly_usd, profile.budget_usd_month)
    cand.factors["latency"] = fx.latency_factor(cand.p95_ms, profile.latency_p95_ms)
    cand.score = fx.total_score(cand.factors, weights)
    return cand


HNSW_GRAPH_BYTES = 140  # M=16: ~2 x 16 layer-0 links x 4 B + upper layers and bookkeeping (storage.py's layout)


def _prefixes(card: ModelCard) -> dict[str, Any]:
    """The query / document prefixes (instructions) the model expects, from the catalog, with their source."""
    src = card.provenance.get("query_prefix") or card.provenance.get("document_prefix")
    out: dict[str, Any] = {"query": card.query_prefix or None, "document": card.document_prefix or None,
                           "source": src.source if src else "catalog"}
    if card.kind == "api":
        out["note"] = card.rate_notes.split(";")[0] if card.rate_notes else None
    elif card.use_instructions and not card.query_prefix:
        out["note"] = "the model is trained with instructions but the catalog records none: see its model card"
    return out


def _dimensionality(cand: Candidate, profile: RequirementProfile) -> fx.Factor:
    """No penalty when native dims in float32 HNSW fit the index budget; otherwise the size-based factor."""
    if cand.dims is None:
        return fx.dimensionality_factor(None, None)
    n = cand.plan.n_vectors if cand.plan else profile.corpus_docs
    return _dimensionality_cached(cand.dims, cand.card.embed_dim, n, limits_for(profile).memory_budget_gb)


@functools.lru_cache(maxsize=65536)
def _dimensionality_cached(dims: int, native: int | None, n: int, budget: float) -> fx.Factor:
    gb = n * (dims * 4 + HNSW_GRAPH_BYTES) / 1e9
    if gb <= budget:
        return fx._factor(value=1.0, evidence=f"{dims} dimensions: ~{gb:,.2f} GB with HNSW float32, within the "
                                              f"{budget:g} GB index budget")
    base = fx.dimensionality_factor(dims, native)
    return fx._factor(value=base.value, evidence=f"{base.evidence}: ~{gb:,.1f} GB with HNSW float32, over the "
                                                  f"{budget:g} GB index budget (the vector plan compresses)")


def add_details(cand: Candidate, profile: RequirementProfile, benchmarks: tuple[str, ...]) -> Candidate:
    """Fill the cost breakdown, storage, Milvus config, reasons and caveats of a short-listed candidate."""
    card, plan, fit, p95 = cand.card, cand.plan, cand.fit, cand.p95_ms
    reasons, caveats = cand.reasons, cand.caveats
    limits = limits_for(profile)
    owned = profile.hardware.owned
    monthly_tokens = cand.embedded_tokens * MONTHLY_REEMBED_SHARE + profile.queries_per_month * limits.query_tokens
    accelerator = fit.accelerator if fit is not None else accelerator_for(profile)[0]
    where = hardware_label(profile, accelerator, limits)
    if card.kind == "api":
        cand.cost = api_cost(card, cand.embedded_tokens, profile.queries_per_month, query_tokens=limits.query_tokens,
                             batch=cand.use_batch)
        cand.compute = api_compute(card, cand.embedded_tokens, monthly_tokens, limits)
        caveats.append(f"API latency {API_LATENCY_P95_MS:.0f} ms p95 is an assumption: measure it with `evaluate`")
        price_note = card.provenance.get("price_usd_per_1m_tokens")
        if price_note and price_note.note and "not re-verified" in price_note.note:
            caveats.append(f"price ${card.price_usd_per_1m_tokens}/1M tokens not re-verified against the provider")
    elif _is_bm25(card):
        cpu = profile.hardware.cpu_class()
        cand.cost = self_hosted_cost(card.name, BM25_TOKENS_PER_S, cpu, cand.embedded_tokens,
                                     profile.queries_per_month, owned=owned, query_tokens=limits.query_tokens)
        cand.compute = self_hosted_compute(BM25_TOKENS_PER_S, cand.embedded_tokens, monthly_tokens, cpu,
                                           hardware_label(profile, cpu, limits), limits)
    elif fit is not None and fit.throughput is not None and cand.tokens_per_s:
        cand.cost = self_hosted_cost(card.name, cand.tokens_per_s, fit.accelerator, cand.embedded_tokens,
                                     profile.queries_per_month, owned=owned, query_tokens=limits.query_tokens)
        cand.compute = self_hosted_compute(cand.tokens_per_s, cand.embedded_tokens, monthly_tokens, fit.accelerator,
                                           where, limits)
    if fit is not None and fit.fits and fit.precision == "int8":
        caveats.append(f"fits {fit.accelerator} only with int8 weights: quantised inference loses some quality "
                       f"(typically 1-3 points of nDCG, more for small models); measure it with `embedding-advisor "
                       f"evaluate --models {card.name}` on a quantised copy")
    verdict = language_verdict(card, tuple(profile.languages))
    if verdict.unverified:
        caveats.append("no published score in " + ", ".join(_LANG_NAMES.get(x, x) for x in verdict.unverified)
                       + " and not listed among its languages: check it on your own text with `evaluate`")
    if plan is not None:
        metric = METRICS.get((card.similarity or "cosine").lower(), "COSINE")
        sparse = card.family in ("sparse", "learned-sparse")
        nnz = (load_deployment().limits.sparse_nnz_per_vector if is_learned_sparse(card)
               else max(1.0, min(plan.chunk_tokens, profile.doc_length_tokens) * 0.6))
        vp = plan_vectors(card.name, None if sparse else card.embed_dim, tuple(card.output_dimensions or ()),
                          plan.n_vectors, limits.memory_budget_gb, metric, nnz if sparse else None)
        cand.vector_plan = vp
        cand.dims = vp.dims
        cand.milvus = build_config(card, vp.dims or 0, plan.n_vectors, plan.chunk_tokens, profile.languages,
                                   profile.known_domain, memory_budget_gb=limits.memory_budget_gb, plan=vp)
        if sparse:
            cand.storage = estimate_storage(plan.n_vectors, card.embed_dim or 30522, "float32", SPARSE,
                                            sparse_nnz_per_vector=nnz)
        elif vp.dims:
            cand.storage = estimate_storage(plan.n_vectors, vp.dims, vp.dtype,
                                            "IVF_FLAT" if vp.dtype == "binary" else vp.index_type)
        cand.hosting = hosting_line(vp.memory_gb, vp.disk_gb, vp.fits, owned)
        if vp.truncated_from or vp.dtype != "float32" or vp.index_type not in ("FLAT", "HNSW", SPARSE):
            caveats.append(f"vector plan: {vp.note.split('; target')[0]}; quality cost: {vp.quality_cost}; measure "
                           f"it: {vp.measure_command}")
        if not vp.fits:
            caveats.append(vp.note)
    cand.prefixes = _prefixes(card)
    if limits.precision_critical:
        hourly = float(load_hardware().find(accelerator).hourly_usd.value) if card.kind != "api" else 0.0
        cand.reranker = suggest_reranker(
            profile.languages, api_ok=not profile.data_must_stay_on_prem and profile.deployment != "self_hosted",
            self_host_ok=profile.deployment != "api", commercial=profile.license == "commercial",
            accelerator=accelerator if card.kind != "api" else profile.hardware.cpu_class(), owned=owned,
            hourly_usd=hourly, queries_per_month=profile.queries_per_month, query_tokens=limits.query_tokens,
            chunk_tokens=plan.chunk_tokens if plan else 512, arch_factor=limits.arch_factor)
    if cand.compute is not None:
        comp = cand.compute
        cand.headline = comp.headline
        reasons.append(f"{comp.headline[0].upper()}{comp.headline[1:]} ({comp.first_indexing_hours:,.1f} h against a "
                       f"{comp.first_indexing_limit_days:g}-day limit; formula in compute.formula); {comp.cost_note}.")
    else:
        cand.headline = "first indexing: unknown (no throughput estimate)"
    if cand.vector_plan is not None:
        vp = cand.vector_plan
        cand.headline += (f"; index {vp.index_type} {vp.dtype}" + (f" {vp.dims} dims" if vp.dims else "")
                          + f", {vp.memory_gb:,.2f} GB of a {vp.memory_budget_gb:g} GB RAM budget"
                          + ("" if vp.fits else " (nothing fits)"))
    if cand.prefixes.get("query") or cand.prefixes.get("document"):
        reasons.append(f"Prefixes: queries {cand.prefixes['query']!r}, documents {cand.prefixes['document']!r} "
                       f"(source: {cand.prefixes['source']}).")
    if cand.reranker:
        rr = cand.reranker
        reasons.append(f"Reranker: {rr['model']} on the top {rr['depth']} hits, p95 {rr['latency_ms_p95']:,.0f} ms, "
                       f"${rr['monthly_usd']:,.2f}/month (precision-critical profile; formula in reranker.formula).")
    if "multi_vector" in (card.output_types or []) and not _late_interaction(card):
        caveats.append("also produces multi-vector (late-interaction) outputs: not planned here (Milvus embedding "
                       "lists, 2.6+, would hold them)")
    if "late_chunking" in (card.rate_notes or "") or "context" in card.name.lower().split("/")[-1]:
        caveats.append(f"contextual chunk embeddings: send whole documents up to {card.max_tokens:,} tokens and pool "
                       "per chunk (late chunking) rather than embedding chunks alone")

    fig = cand.figure
    if fig is not None and fig.score is not None:
        reasons.append(f"Published retrieval figure on the consultation's board {fig.text()} "
                       f"(source: MTEB published results; factor: {cand.factors['mteb_score'].evidence}).")
        if fig.per_language and len(fig.per_language) > 1:
            reasons.append("Per language: " + ", ".join(f"{k} {v:.4f}" for k, v in fig.per_language.items()) + ".")
        if fig.imputed:
            caveats.append(f"{fig.board}: only {fig.coverage} of the board's tasks published; the rest imputed "
                           f"(± {fig.uncertainty:.3f})")
        if fig.zero_shot is not None and fig.zero_shot < LOW_ZERO_SHOT:
            caveats.append(f"not zero-shot: trained on {100 - fig.zero_shot}% of {fig.board}'s tasks, "
                           "so its published score flatters it")
        if not fig.proven:
            caveats.append(f"unproven here: {fig.text()}")
    else:
        caveats.append(f"unproven here: no published figure on {fig.board if fig else 'the board'}'s tasks in your "
                       "languages: run `evaluate` on your data")
    for extra, label in ((cand.domain_figure, "Domain board"), (cand.long_figure, "Long documents")):
        if extra is not None and extra.score is not None:
            reasons.append(f"{label}: {extra.text()}.")
    if cand.factors["maturity"].value < 1:
        caveats.append(f"maturity: {cand.factors['maturity'].evidence} (small penalty applied)")
    if card.family == "late-interaction":
        caveats.append("late-interaction (ColBERT-type) model: one vector per token, so storage and index memory are "
                       "tens of times a single-vector model's; Milvus needs a multi-vector layout")
    if card.family == "learned-sparse":
        caveats.append("learned sparse model: a SPARSE_FLOAT_VECTOR index of its term weights, not a BM25 analyzer")
    licence_caveat = card.licence.caveat
    if licence_caveat:
        caveats.append(licence_caveat)
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
