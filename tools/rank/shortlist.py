"""The recommendation engine: hard constraints, the weighted factors, and a justified, ranked short list."""

from __future__ import annotations

import functools
from typing import Any

from pydantic import BaseModel, ConfigDict

from knowledge.benchmark_map import MatchedBenchmark, match_benchmarks
from knowledge.catalog import ModelCard, default_catalog
from knowledge.errors import UnknownModelError
from knowledge.scores import default_scores
from tools.estimate.compute import limits_for
from tools.profile.schema import RequirementProfile, parse_profile
from tools.rank import factors as fx
from tools.rank.candidate import Candidate, accelerator_for, add_details, complete_score, screen_candidate

TOP_PER_BENCHMARK = 25
REJECTED_SHOWN = 5
RUNNERS_UP_SHOWN = 3
RELAXATIONS_TRIED = 12  # re-screens per profile for "what would change"


class Rejected(BaseModel):
    """A model ruled out by a hard constraint, with the constraint and what it would have scored."""

    model_config = ConfigDict(extra="forbid")

    model: str
    kind: str
    reasons: list[str]
    score_if_allowed: float
    benchmark_score: float | None


class Recommendation(BaseModel):
    """One ranked model with everything that justifies it."""

    model_config = ConfigDict(extra="forbid")

    rank: int
    model: str
    kind: str
    family: str
    score: float
    factors: dict[str, fx.Factor]
    benchmark: str | None
    benchmark_score: float | None
    benchmark_coverage: str | None
    estimated_cost_usd_month: float
    one_time_cost_usd: float
    dims: int | None
    max_tokens: int | None
    cost: dict[str, Any]
    hardware_fit: dict[str, Any] | None
    storage: dict[str, Any] | None
    chunking: dict[str, Any]
    milvus: dict[str, Any]
    reasons: list[str]
    caveats: list[str]
    headline: str = ""
    """'first indexing: 3.2 days on your T4; index HNSW float32 1024 dims, 1.20 GB of a 8 GB RAM budget'."""
    compute: dict[str, Any] | None = None
    """tools.estimate.compute.ComputeEstimate: first pass and monthly hours, where, owned or rented, formula."""
    vector_plan: dict[str, Any] | None = None
    """tools.estimate.vector_plan.VectorPlan: stored dims, dtype, index, memory vs budget, options."""
    prefixes: dict[str, Any] = {}
    reranker: dict[str, Any] | None = None
    hosting: dict[str, Any] | None = None


class RunnerUp(BaseModel):
    """A model that passed every constraint but ranked below the short list."""

    model_config = ConfigDict(extra="forbid")

    rank: int
    model: str
    kind: str
    score: float
    gap_to_last: float


class RecommendationResult(BaseModel):
    """The whole answer for one profile (the object batch files and the API return)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    status: str = "ok"
    error: str | None = None
    assumed_defaults: dict[str, str]
    profile: dict[str, Any]
    benchmarks: list[MatchedBenchmark]
    weights: dict[str, float]
    recommendations: list[Recommendation]
    rejected: list[Rejected]
    runners_up: list[RunnerUp] = []
    limits: dict[str, Any] = {}
    what_would_change: list[str]
    candidates_considered: int
    sources: list[str]


@functools.lru_cache(maxsize=4096)
def _curated(card: ModelCard) -> bool:
    """True when a curated YAML fact (with a checked_on date) is part of the card."""
    return any(p.checked_on is not None for p in card.provenance.values())


@functools.cache
def candidate_pool(benchmarks: tuple[str, ...]) -> tuple[ModelCard, ...]:
    """Curated models, the best well-covered models on the first two benchmarks, and the BM25 baseline."""
    catalog, scores = default_catalog(), default_scores()
    names: dict[str, None] = {}
    for card in catalog:
        if _curated(card) and "text" in (card.modalities or ["text"]):
            names[card.name] = None
    for bench in benchmarks[:2]:
        board = [r for r in scores.leaderboard(bench) if r.well_covered]
        for row in board[:TOP_PER_BENCHMARK]:
            names.setdefault(row.model, None)
    pool = []
    for name in names:
        try:
            card = catalog.get(name)
        except UnknownModelError:
            continue  # scored but left out of the catalog (mteb's random baselines)
        if card.kind == "api" and card.price_usd_per_1m_tokens is None:
            continue  # an API with no known price cannot be costed
        if any("cross" in t for t in card.model_type or []) or card.family == "static" and card.embed_dim is None:
            continue
        if card.kind == "open" and not card.n_parameters and card.family != "sparse":
            continue
        pool.append(card)
    bm25 = [c for c in catalog if c.family == "sparse" and "bm25" in c.name.lower()]
    pool.extend(bm25[:1])
    return tuple(pool)


def _what_would_change(ranked: list[Candidate], rejected: list[Candidate], profile: RequirementProfile,
                       benchmarks: tuple[str, ...]) -> list[str]:
    """Single-constraint changes that would lift a better model above the current first, and priority swaps."""
    lines: list[str] = []
    top = ranked[0] if ranked else None
    top_score = top.score if top else 0.0
    tried = 0
    for cand in sorted(rejected, key=lambda c: -c.factors["mteb_score"].value):
        if len(lines) >= 3 or tried >= RELAXATIONS_TRIED:
            break
        if len(cand.relaxations) != 1:
            continue
        tried += 1
        opening, update = cand.relaxations[0]
        relaxed = profile.model_copy(update=update)
        again = screen_candidate(cand.card, relaxed, benchmarks, fx.weights_for(list(relaxed.priorities)))
        if again.rejections or again.score <= top_score:
            continue
        above = (f"would rank above {top.card.name} ({again.score:.3f} against {top_score:.3f})" if top
                 else f"would be recommended (score {again.score:.3f})")
        lines.append(f"{opening}, {cand.card.name} {above}.")
    if top is not None:
        for first in ("quality", "cost", "latency"):
            if profile.priorities[0] == first:
                continue
            order = [first, *[p for p in ("quality", "cost", "latency") if p != first]]
            weights = fx.weights_for(order)
            best = max(ranked, key=lambda c: fx.total_score(c.factors, weights))
            if best.card.name != top.card.name:
                lines.append(f"If {first} came first in your priorities, {best.card.name} would rank first "
                             f"(score {fx.total_score(best.factors, weights):.3f}).")
    if profile.doc_length_tokens > 512 and top is not None and (top.card.max_tokens or 10**9) < 1024:
        lines.append(f"Documents of {profile.doc_length_tokens:,} tokens exceed {top.card.name}'s "
                     f"{top.card.max_tokens}-token window: if chunk-level retrieval hurts on your data "
                     "(check with `evaluate`), a long-context model gains.")
    return lines


def matched_benchmarks(profile: RequirementProfile) -> list[MatchedBenchmark]:
    """The profile's benchmarks that have published scores, most specific first."""
    return [m for m in match_benchmarks(profile.known_domain, profile.languages, profile.doc_length_tokens)
            if m.name in default_scores().benchmarks]


def evaluate_pool(profile: RequirementProfile) -> list[Candidate]:
    """Every candidate evaluated on ``profile``, rejected ones included."""
    bench_names = tuple(m.name for m in matched_benchmarks(profile))
    weights = fx.weights_for(list(profile.priorities))
    hardware = accelerator_for(profile)
    return [screen_candidate(card, profile, bench_names, weights, hardware) for card in candidate_pool(bench_names)]


def recommend_profile(profile: RequirementProfile) -> RecommendationResult:
    """Rank the catalog for a profile: constraints first, then the priority-weighted factors."""
    matched = matched_benchmarks(profile)
    bench_names = tuple(m.name for m in matched)
    weights = fx.weights_for(list(profile.priorities))
    candidates = evaluate_pool(profile)
    allowed = sorted((c for c in candidates if not c.rejections), key=lambda c: (-c.score, c.card.name))
    rejected = [c for c in candidates if c.rejections]
    recs = [add_details(c, profile, bench_names).to_recommendation(rank)
            for rank, c in enumerate(allowed[: profile.top_k], start=1)]
    best_rejected = [complete_score(c, profile, weights)
                     for c in sorted(rejected, key=lambda c: -c.factors["mteb_score"].value)[:REJECTED_SHOWN]]
    scores = default_scores()
    return RecommendationResult(
        id=profile.id,
        assumed_defaults=profile.assumed_defaults,
        profile=profile.model_dump(mode="json"),
        benchmarks=matched,
        weights=weights,
        recommendations=[Recommendation.model_validate(r) for r in recs],
        rejected=[Rejected(model=c.card.name, kind=c.card.kind, reasons=c.rejections, score_if_allowed=c.score,
                           benchmark_score=c.benchmark_scores[0].best_estimate if c.benchmark_scores else None)
                  for c in best_rejected],
        runners_up=[RunnerUp(rank=i, model=c.card.name, kind=c.card.kind, score=c.score,
                             gap_to_last=round(allowed[profile.top_k - 1].score - c.score, 4))
                    for i, c in enumerate(allowed[profile.top_k: profile.top_k + RUNNERS_UP_SHOWN],
                                          start=profile.top_k + 1)],
        limits=limits_for(profile).as_dict(),
        what_would_change=_what_would_change(allowed, rejected, profile, bench_names),
        candidates_considered=len(candidates),
        sources=[f"published MTEB scores: {scores.source}", f"model facts: mteb {scores.mteb_version} ModelMeta + "
                 "curated YAML (knowledge/data), each fact with its own source"],
    )


def recommend(profile: dict[str, Any]) -> dict[str, Any]:
    """Recommend embedding models for a requirement profile: a ranked short list with reasons and costs.

    Every number in the result comes with its formula or source. Hard constraints (languages, licence,
    on-prem, hardware, budget, latency, context window) reject models with the reason; the rest are
    ranked by eight factors weighted by the profile's priorities.

    Args:
        profile: the requirement profile: id, domain, languages, doc_length_tokens, corpus_docs,
            queries_per_month, budget_usd_month, hardware {accelerator, vram_gb, ram_gb, cpu_cores},
            deployment (self_hosted|api|any), data_must_stay_on_prem, license (commercial|any),
            latency_p95_ms, priorities (quality|cost|latency, in order), top_k. Missing fields take
            documented defaults, listed in the result's assumed_defaults.
    """
    return recommend_profile(parse_profile(profile)).model_dump(mode="json")
