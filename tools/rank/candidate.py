"""Evaluate one model against one profile: constraints, factor values, costs, chunking and index plan."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from typing import Any

from knowledge.catalog import ModelCard
from knowledge.errors import ToolInputError
from knowledge.languages import known_languages
from knowledge.maturity import maturity
from knowledge.scores import BenchmarkScore
from tools.estimate.chunking import MIN_CHUNK_TOKENS, SPECIAL_TOKENS, ChunkPlan, plan_chunks
from tools.estimate.cost import MONTHLY_REEMBED_SHARE, QUERY_TOKENS, CostEstimate, api_cost, self_hosted_cost
from tools.estimate.hardware_fit import HardwareFit, fit_model
from tools.estimate.milvus_config import MilvusConfig, build_config
from tools.estimate.storage import StorageEstimate, estimate_storage
from tools.profile.schema import RequirementProfile
from tools.rank import factors as fx
from tools.rank.evidence import Board, EvidenceBase, Figure, board_table, profile_evidence
from tools.rank.language_evidence import language_verdict

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
        }


def accelerator_for(profile: RequirementProfile) -> tuple[str, float | None, float | None]:
    """The hardware-table name, VRAM and RAM that the profile's models run on."""
    hw = profile.hardware
    if hw.is_cpu_only:
        return hw.cpu_class(), None, hw.ram_gb
    return hw.accelerator, hw.vram_gb, hw.ram_gb


def _dims(card: ModelCard, n_vectors: int) -> int | None:
    return _dims_cached(card, n_vectors >= 1_000_000)


@functools.lru_cache(maxsize=65536)
def _dims_cached(card: ModelCard, large: bool) -> int | None:
    if card.family in ("sparse", "learned-sparse"):
        return None
    native = card.embed_dim
    options = sorted(d for d in card.output_dimensions or [] if native and d < native)
    if native and native > 1024 and large and options:
        return next((d for d in options if d >= 1024), native)
    return native


@functools.lru_cache(maxsize=131072)
def _board_part(model: str, board: Board | None, what: str) -> tuple[fx.Factor, Figure | None]:
    return fx.board_factor(board_table(board) if board is not None else None, model, what)


@functools.lru_cache(maxsize=131072)
def _domain_part(card: ModelCard, domain: str, board: Board | None, on_board: bool) -> tuple[fx.Factor, Figure | None]:
    table = board_table(board) if board is not None else None
    return fx.domain_factor(card, domain, table, on_board), table.figure(card.score_name) if table else None


@functools.lru_cache(maxsize=131072)
def _language_part(card: ModelCard, languages: tuple[str, ...], measured: frozenset[str]) -> tuple[fx.Factor, ...]:
    proven = frozenset(language_verdict(card, languages).proven) | measured
    if card.family == "sparse":
        return (fx._factor(value=1.0, evidence="BM25 analyzer chosen per language"),
                fx._factor(value=1.0, evidence="BM25 vocabulary is the corpus itself"))
    return (fx.tokenization_factor(card, list(languages), proven), fx.vocabulary_factor(card, list(languages), proven))


@functools.lru_cache(maxsize=65536)
def _context_part(card: ModelCard, doc_length_tokens: int) -> fx.Factor:
    if card.family in ("static", "sparse"):
        return fx._factor(value=1.0, evidence="no context limit")
    return fx.context_factor(card, doc_length_tokens)


def _static_factors(card: ModelCard, languages: tuple[str, ...], evidence: EvidenceBase, domain: str,
                    doc_length_tokens: int) -> tuple[dict[str, fx.Factor], tuple[Figure | None, ...]]:
    """The factors that depend on the model and the consultation's evidence, languages and length, not on money.

    Each part is cached on what it depends on (the board, not the whole profile), so profiles sharing a board
    share the work.
    """
    mteb, figure = _board_part(card.score_name, evidence.primary, "language")
    long_factor, long_figure = _board_part(card.score_name, evidence.long, "long-document")
    domain_factor, domain_figure = _domain_part(card, domain, evidence.domain, evidence.domain_is_primary)
    tokenization, vocabulary = _language_part(card, languages, frozenset(figure.per_language if figure else ()))
    values = {
        "mteb_score": mteb,
        "domain_specificity": domain_factor,
        "long_context": long_factor,
        "context_window": _context_part(card, doc_length_tokens),
        "tokenization": tokenization,
        "vocabulary": vocabulary,
        "training_data": fx.training_factor_from(figure.zero_shot if figure else None, evidence.primary.name),
        "maturity": _maturity_factor(card),
    }
    return values, (figure, domain_figure, long_figure)


@functools.lru_cache(maxsize=8192)
def _maturity_factor(card: ModelCard) -> fx.Factor:
    known, why = maturity(card)
    return fx.maturity_factor(card, known, why)


@functools.lru_cache(maxsize=65536)
def _fit(card: ModelCard, accelerator: str, vram: float | None, ram: float | None, seq_tokens: int) -> HardwareFit:
    return fit_model(card, accelerator, vram_gb=vram, ram_gb=ram, seq_tokens=seq_tokens)


@functools.lru_cache(maxsize=65536)
def _plan(doc_length_tokens: int, corpus_docs: int, window: int | None, prefix_tokens: int) -> ChunkPlan:
    return plan_chunks(doc_length_tokens, corpus_docs, window, prefix_tokens=prefix_tokens)


def screen_candidate(card: ModelCard, profile: RequirementProfile, benchmarks: tuple[str, ...],
                     weights: dict[str, float],
                     hardware: tuple[str, float | None, float | None] | None = None,
                     evidence: EvidenceBase | None = None) -> Candidate:
    """Apply the hard constraints and compute every factor for ``card`` on ``profile`` (no report text).

    ``hardware`` is ``accelerator_for(profile)`` and ``evidence`` is ``profile_evidence(profile)``, passed in when
    screening many cards for one profile. ``benchmarks`` is kept for callers that name the benchmarks they matched
    and is not used for scoring: every model is scored on the consultation's evidence base.
    """
    rejections: list[str] = []
    relax: list[tuple[str, dict[str, Any]]] = []
    langs = tuple(profile.languages)

    for _lang, why in language_verdict(card, langs).ruled_out:
        rejections.append(f"language: {why}")
    if profile.license == "commercial" and card.commercial_use is False:
        rejections.append(f"licence {card.license} forbids commercial use ({card.licence.note})")
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

    evidence = evidence or profile_evidence(profile)
    if rejections:  # nobody sees most rejected models: only the board figure now, the rest when shown
        mteb, figure = _board_part(card.score_name, evidence.primary, "language")
        static: dict[str, fx.Factor] = {"mteb_score": mteb}
        domain_figure = long_figure = None
    else:
        static, (figure, domain_figure, long_figure) = _static_factors(card, langs, evidence, profile.known_domain,
                                                                        profile.doc_length_tokens)
    cand = Candidate(card=card, factors=dict(static), score=0.0, rejections=rejections, relaxations=relax,
                     licence_unknown=profile.license == "commercial" and card.commercial_use is None,
                     benchmark_scores=[], plan=plan, fit=fit, dims=dims, p95_ms=p95, monthly_usd=monthly,
                     embedded_tokens=embedded, figure=figure, domain_figure=domain_figure, long_figure=long_figure)
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
    verdict = language_verdict(card, tuple(profile.languages))
    if verdict.unverified:
        caveats.append("no published score in " + ", ".join(_LANG_NAMES.get(x, x) for x in verdict.unverified)
                       + " and not listed among its languages: check it on your own text with `evaluate`")
    if plan is not None:
        ram = profile.hardware.ram_gb
        hnsw = estimate_storage(plan.n_vectors, cand.dims, "float32", "HNSW") if cand.dims else None
        cand.milvus = build_config(card, cand.dims or 0, plan.n_vectors, plan.chunk_tokens, profile.languages,
                                   profile.known_domain, memory_budget_gb=(ram or 16) * 0.5,
                                   hnsw_memory_gb=(hnsw.memory_bytes / 1e9 if hnsw else 0))
        dense_index = next((i["index_type"] for i in cand.milvus.index_params if i["field_name"] == "dense"), None)
        if cand.dims and dense_index:
            cand.storage = estimate_storage(plan.n_vectors, cand.dims, "float32", dense_index)

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
