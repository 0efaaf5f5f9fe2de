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
from tools.rank.evidence import Board, EvidenceBase, board_table, profile_evidence

PARETO_LAYERS = 2  # fronts of (board figure, size or price) drawn from the consultation's board into the pool
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
    evidence: dict[str, Any] | None = None
    """The model's row of the evidence table: board, figure, per-language figures, coverage, imputed, group."""
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
    evidence: dict[str, Any] | None = None
    """The consultation's evidence base: board, languages, task subset, domain and long boards, and the table."""
    weights: dict[str, float]
    recommendations: list[Recommendation]
    rejected: list[Rejected]
    runners_up: list[RunnerUp] = []
    limits: dict[str, Any] = {}
    what_would_change: list[str]
    candidates_considered: int
    sources: list[str]


@functools.cache
def _curated_names() -> tuple[str, ...]:
    return tuple(c.name for c in default_catalog() if any(p.checked_on is not None for p in c.provenance.values())
                 and "text" in (c.modalities or ["text"]))


@functools.cache
def _by_score_name() -> dict[str, list[ModelCard]]:
    out: dict[str, list[ModelCard]] = {}
    for card in default_catalog():
        out.setdefault(card.score_name, []).append(card)
    return out


def _frontier(scored: list[tuple[ModelCard, float]], layers: int) -> list[ModelCard]:
    """The first ``layers`` Pareto fronts of (board figure, size or price) within each group of comparable models.

    A model that another beats on the board while being smaller (or cheaper) and alike in kind, licence and window
    can never rank above it for any profile but by a rejection; a few fronts keep the runners-up for those.
    """
    groups: dict[tuple, list[tuple[ModelCard, float, float]]] = {}
    for card, score in scored:
        cost = card.price_usd_per_1m_tokens if card.kind == "api" else card.n_parameters
        if cost is None:
            continue
        family = card.family if card.family in ("late-interaction", "learned-sparse", "static") else "dense"
        key = (card.kind, card.commercial_use is not False, family, (card.max_tokens or 10**9) >= 4096)
        groups.setdefault(key, []).append((card, score, float(cost)))
    chosen: list[ModelCard] = []
    for rows in groups.values():
        rows = sorted(rows, key=lambda r: (r[2], -r[1], r[0].name))
        for _ in range(layers):
            front: list[tuple[ModelCard, float, float]] = []
            rest: list[tuple[ModelCard, float, float]] = []
            best = -1.0
            for row in rows:
                (front if row[1] > best else rest).append(row)
                best = max(best, row[1])
            chosen.extend(r[0] for r in front)
            rows = rest
            if not rows:
                break
    return chosen


def candidate_pool(evidence: EvidenceBase) -> tuple[ModelCard, ...]:
    """The curated models, the BM25 baseline, and every catalog model that the consultation's board can recommend.

    That is the Pareto fronts of (figure, size or price) per kind, licence, family and window on the board
    (strong small models reach edge profiles), and the front of the domain and long-document boards.

    Cross-encoders, unpriced APIs and open models without a parameter count (no hardware fit) are left out.
    """
    return _pool(evidence.primary, evidence.domain, evidence.long)


@functools.cache
def _pool(*boards: Board | None) -> tuple[ModelCard, ...]:
    catalog = default_catalog()
    names: dict[str, None] = dict.fromkeys(_curated_names())
    by_score_name = _by_score_name()
    for board, layers in zip(boards, (PARETO_LAYERS, 1, 1), strict=True):
        if board is None:
            continue
        table = board_table(board)
        scored = [(card, fig.score) for model, fig in table.figures.items() if fig.proven and fig.score is not None
                  for card in by_score_name.get(model, [])]
        for card in _frontier(scored, layers):
            names.setdefault(card.name, None)
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
        if "text" not in (card.modalities or ["text"]):
            continue
        if card.kind == "open" and not card.n_parameters and card.family != "sparse":
            continue
        pool.append(card)
    bm25 = [c for c in catalog if c.family == "sparse" and "bm25" in c.name.lower()]
    pool.extend(c for c in bm25[:1] if c not in pool)
    return tuple(pool)


def _what_would_change(ranked: list[Candidate], rejected: list[Candidate], profile: RequirementProfile,
                       benchmarks: tuple[str, ...]) -> list[str]:
    """One- or two-constraint changes that would lift a better model above the current first, and priority swaps."""
    lines: list[str] = []
    top = ranked[0] if ranked else None
    top_score = top.score if top else 0.0
    tried = 0
    for cand in sorted(rejected, key=lambda c: -c.factors["mteb_score"].value):
        if len(lines) >= 3 or tried >= RELAXATIONS_TRIED:
            break
        if not 1 <= len(cand.relaxations) <= 2:
            continue
        tried += 1
        opening = cand.relaxations[0][0] + "".join(f" and {o[0].lower() + o[1:]}" for o, _ in cand.relaxations[1:])
        update = {k: v for _, u in cand.relaxations for k, v in u.items()}
        relaxed = profile.model_copy(update=update)
        again = screen_candidate(cand.card, relaxed, benchmarks, fx.weights_for(list(relaxed.priorities)))
        if again.rejections or again.score <= top_score:
            continue
        above = (f"would rank above {top.card.name} ({again.score:.3f} against {top_score:.3f})" if top
                 else f"would be recommended (score {again.score:.3f})")
        lines.append(f"{opening}, {cand.card.name} {above}.")
    if top is not None:
        values = [[c.factors[f].value for f in fx.FACTORS] for c in ranked]  # read once for both orders
        for first in ("quality", "cost", "latency"):
            if profile.priorities[0] == first:
                continue
            order = [first, *[p for p in ("quality", "cost", "latency") if p != first]]
            weights = fx.weights_for(order)
            scores = fx.total_scores(values, weights)
            best_i = max(range(len(ranked)), key=scores.__getitem__)  # the first of equal scores, as max() keeps
            best = ranked[best_i]
            if best.card.name != top.card.name:
                lines.append(f"If {first} came first in your priorities, {best.card.name} would rank first "
                             f"(score {scores[best_i]:.3f}).")
    if profile.doc_length_tokens > 512 and top is not None and (top.card.max_tokens or 10**9) < 1024:
        lines.append(f"Documents of {profile.doc_length_tokens:,} tokens exceed {top.card.name}'s "
                     f"{top.card.max_tokens}-token window: if chunk-level retrieval hurts on your data "
                     "(check with `evaluate`), a long-context model gains.")
    return lines


def _one_per_model(ranked: list[Candidate]) -> list[Candidate]:
    """Keep the best-ranked offer of each model (self-hosted weights or a hosted API of them), naming the others."""
    kept: dict[str, Candidate] = {}
    for cand in ranked:
        first = kept.get(cand.card.score_name)
        if first is None:
            kept[cand.card.score_name] = cand
        else:
            where = cand.card.provider or ("self-hosted open weights" if cand.card.kind == "open" else cand.card.name)
            first.caveats.append(f"the same model is also offered as {cand.card.name} ({where}, "
                                 f"${cand.monthly_usd:,.2f}/month, score {cand.score:.3f})")
    return list(kept.values())


def matched_benchmarks(profile: RequirementProfile) -> list[MatchedBenchmark]:
    """The profile's benchmarks that have published scores, most specific first."""
    return [m for m in match_benchmarks(profile.known_domain, profile.languages, profile.doc_length_tokens)
            if m.name in default_scores().benchmarks]


def score_candidates(profile: RequirementProfile) -> list[Candidate]:
    """Every candidate evaluated on ``profile``, rejected ones included."""
    bench_names = tuple(m.name for m in matched_benchmarks(profile))
    weights = fx.weights_for(list(profile.priorities))
    hardware = accelerator_for(profile)
    evidence = profile_evidence(profile)
    return [screen_candidate(card, profile, bench_names, weights, hardware, evidence)
            for card in candidate_pool(evidence)]


def evidence_table(evidence: EvidenceBase, shown: list[Candidate]) -> dict[str, Any]:
    """The result's evidence block: the boards, and each short-listed model's coverage and figure in one table."""
    block = evidence.describe()
    table = board_table(evidence.primary)
    block["models_on_board"] = len(table.figures)
    block["models_complete"] = table.complete
    block["scale"] = {"zero": round(table.low, 6), "one": round(table.high, 6),
                      "formula": "(figure - 10th percentile of complete models) / (best - 10th percentile), clipped"}
    block["table"] = [{"model": c.card.name, **(c.evidence_entry() or {})} for c in shown]
    return block


def rank_profile(profile: RequirementProfile) -> RecommendationResult:
    """Rank the catalog for a profile: constraints first, then the priority-weighted factors."""
    matched = matched_benchmarks(profile)
    bench_names = tuple(m.name for m in matched)
    weights = fx.weights_for(list(profile.priorities))
    candidates = score_candidates(profile)
    allowed = _one_per_model(sorted((c for c in candidates if not c.rejections), key=Candidate.sort_key))
    rejected = [c for c in candidates if c.rejections]
    recs = [add_details(c, profile, bench_names).to_recommendation(rank)
            for rank, c in enumerate(allowed[: profile.top_k], start=1)]
    best_rejected = [complete_score(c, profile, weights)
                     for c in sorted(rejected, key=lambda c: -c.factors["mteb_score"].value)[:REJECTED_SHOWN]]
    scores = default_scores()
    shortlisted = allowed[: profile.top_k]
    return RecommendationResult(
        id=profile.id,
        assumed_defaults=profile.assumed_defaults,
        profile=profile.model_dump(mode="json"),
        benchmarks=matched,
        evidence=evidence_table(profile_evidence(profile), shortlisted),
        weights=weights,
        recommendations=[Recommendation.model_validate(r) for r in recs],
        rejected=[Rejected(model=c.card.name, kind=c.card.kind, reasons=c.rejections, score_if_allowed=c.score,
                           benchmark_score=c.figure.score if c.figure else None)
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

    Every number in the result comes with its formula or source. One evidence base per consultation
    (``evidence``): a board chosen language first, its retrieval tasks in the user's languages, and every
    model's figure on exactly those tasks (imputed with its uncertainty, or "unproven here"). Hard constraints
    (licence, on-prem, hardware, budget, latency, context window; a language only on evidence) reject models
    with the reason; the rest are ranked by eleven factors weighted by the profile's priorities.

    Args:
        profile: the requirement profile: id, domain, languages, doc_length_tokens, corpus_docs,
            queries_per_month, budget_usd_month, hardware {accelerator, vram_gb, ram_gb, cpu_cores},
            deployment (self_hosted|api|any), data_must_stay_on_prem, license (commercial|any),
            latency_p95_ms, priorities (quality|cost|latency, in order), top_k. Missing fields take
            documented defaults, listed in the result's assumed_defaults.
    """
    return rank_profile(parse_profile(profile)).model_dump(mode="json")
