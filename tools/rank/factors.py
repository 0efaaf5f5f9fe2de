"""The ranking factors (each 0..1, with the number it came from) and the priority-weighted score."""

from __future__ import annotations

import bisect
import functools
import math
from dataclasses import dataclass

from knowledge.catalog import ModelCard
from knowledge.scores import BenchmarkScore, default_scores

FACTORS = ("mteb_score", "domain_specificity", "context_window", "tokenization", "vocabulary", "training_data",
           "dimensionality", "cost", "latency")
GROUPS = {
    "quality": ("mteb_score", "domain_specificity", "context_window", "tokenization", "vocabulary", "training_data"),
    "cost": ("cost", "dimensionality"),
    "latency": ("latency",),
}
BASE_WEIGHTS = {"mteb_score": 0.30, "domain_specificity": 0.08, "context_window": 0.08, "tokenization": 0.06,
                "vocabulary": 0.03, "training_data": 0.07, "dimensionality": 0.05, "cost": 0.18, "latency": 0.15}
PRIORITY_MULTIPLIERS = (2.0, 1.3, 1.0)  # first, second, third priority
UNLISTED_MULTIPLIER = 0.7
UNKNOWN = 0.4  # value of a factor whose inputs are unknown: below average, never zero
MULTILINGUAL_TOKENIZERS = {"SentencePiece-Unigram", "SentencePiece-BPE", "byte-BPE"}


@dataclass(frozen=True, slots=True)
class Factor:
    """One factor's value and the evidence behind it (a dataclass: ~120 are built per profile)."""

    value: float
    evidence: str


def _factor(value: float, evidence: str) -> Factor:
    """Build a Factor (values come from this module's own arithmetic)."""
    return Factor(value, evidence)


def weights_for(priorities: list[str]) -> dict[str, float]:
    """Factor weights: base weights scaled by the position of each factor's group in ``priorities``, summing to 1."""
    scaled = {}
    for group, factors in GROUPS.items():
        mult = PRIORITY_MULTIPLIERS[priorities.index(group)] if group in priorities else UNLISTED_MULTIPLIER
        for f in factors:
            scaled[f] = BASE_WEIGHTS[f] * mult
    total = sum(scaled.values())
    return {f: round(scaled[f] / total, 4) for f in FACTORS}


def total_score(factors: dict[str, Factor], weights: dict[str, float]) -> float:
    """Weighted sum of factor values."""
    return round(sum(weights[f] * factors[f].value for f in FACTORS), 4)


@functools.cache
def _board(benchmark: str) -> list[float]:
    """Sorted best estimates of the well-covered models on a benchmark."""
    rows = default_scores().leaderboard(benchmark)
    return sorted(r.best_estimate for r in rows if r.well_covered and r.best_estimate is not None)


def percentile(benchmark: str, value: float) -> float:
    """Share of well-covered models on ``benchmark`` whose figure is at or below ``value``."""
    board = _board(benchmark)
    return bisect.bisect_right(board, value) / len(board) if board else 0.5


def mteb_factor(card: ModelCard, benchmarks: list[str]) -> tuple[Factor, list[BenchmarkScore]]:
    """Mean leaderboard percentile over the first two matched benchmarks where the model is well covered."""
    scores = default_scores()
    used: list[BenchmarkScore] = []
    for bench in benchmarks:
        s = scores.score(card.score_name, bench)
        if s is not None and s.best_estimate is not None and s.well_covered:
            used.append(s)
        if len(used) == 2:
            break
    if not used:
        return _factor(value=UNKNOWN, evidence="no well-covered published score on the matching benchmarks"), []
    pct = [percentile(s.benchmark, s.best_estimate) for s in used if s.best_estimate is not None]
    text = "; ".join(f"{s.benchmark} {'retrieval' if s.retrieval_total else 'overall'} mean {s.best_estimate:.4f} "
                     f"({s.retrieval_scored if s.retrieval_total else s.tasks_scored}/"
                     f"{s.retrieval_total or s.tasks_total} tasks), percentile {p:.0%}"
                     for s, p in zip(used, pct, strict=True))
    return _factor(value=round(sum(pct) / len(pct), 4), evidence=text), used


def domain_factor(card: ModelCard, domain: str) -> Factor:
    """1 for a model tagged with the user's domain, 0.5 for general models, 0.2 for another specialist."""
    tags = set(card.domains or [])
    if domain == "general":
        return _factor(value=1.0, evidence="general domain: no specialisation needed")
    if domain in tags:
        return _factor(value=1.0, evidence=f"tagged for {domain} (curated domains: {', '.join(sorted(tags))})")
    if not tags or tags & {"general", "multilingual"}:
        return _factor(value=0.5, evidence=f"general-purpose model, not trained for {domain} specifically")
    return _factor(value=0.2, evidence=f"specialised for {', '.join(sorted(tags))}, not {domain}")


def context_factor(card: ModelCard, doc_length_tokens: int) -> Factor:
    """1 when a typical document fits the window, falling with log(window) / log(document length)."""
    window = card.max_tokens
    if window is None:
        return _factor(value=1.0, evidence="no context limit (static or lexical model)")
    if window >= doc_length_tokens:
        return _factor(value=1.0, evidence=f"window {window:,} tokens holds a {doc_length_tokens:,}-token document")
    value = max(0.0, min(1.0, math.log(window) / math.log(doc_length_tokens)))
    return _factor(value=round(value, 4),
                  evidence=f"window {window:,} < document {doc_length_tokens:,} tokens: chunking needed")


def tokenization_factor(card: ModelCard, languages: list[str]) -> Factor:
    """How well the tokenizer suits the languages: multilingual tokenizers for non-English text."""
    family, vocab = card.tokenizer_family, card.vocab_size
    non_english = [lang for lang in languages if lang != "eng"]
    if not non_english:
        return _factor(value=1.0, evidence=f"English text: any subword tokenizer works ({family or 'unknown'})")
    if family is None and vocab is None:
        return _factor(value=UNKNOWN, evidence="tokenizer unknown")
    if family in MULTILINGUAL_TOKENIZERS or (vocab or 0) >= 100_000:
        return _factor(value=1.0, evidence=f"{family or 'tokenizer'} with {vocab or '?'} entries covers "
                                          f"{', '.join(non_english)}")
    return _factor(value=0.2, evidence=f"{family} vocabulary of {vocab or '?'} is English-centred: "
                                      f"{', '.join(non_english)} text splits into many unknown or byte pieces")


def vocabulary_factor(card: ModelCard, languages: list[str]) -> Factor:
    """Vocabulary size against need: ~30k suffices for English, ~250k for many scripts."""
    vocab = card.vocab_size
    if vocab is None:
        return _factor(value=UNKNOWN, evidence="vocabulary size unknown")
    need = 30_000 if set(languages) <= {"eng"} else 250_000
    value = min(1.0, math.log(vocab) / math.log(need))
    return _factor(value=round(value, 4),
                  evidence=f"vocabulary {vocab:,} entries (about {need:,} suits these languages)")


def training_factor(scores: list[BenchmarkScore]) -> Factor:
    """Zero-shot share on the benchmarks used: scores on tasks the model trained on are less trustworthy."""
    known = [s.zero_shot for s in scores if s.zero_shot is not None]
    if not known:
        return _factor(value=UNKNOWN, evidence="training data not disclosed: zero-shot share unknown")
    value = sum(known) / len(known) / 100
    return _factor(value=round(value, 4), evidence=f"zero-shot on {value:.0%} of the benchmark tasks (mteb)")


def dimensionality_factor(dims: int | None, native: int | None) -> Factor:
    """Smaller vectors cost less memory and search time: 1 at <=256 dims, 0.5 at 1024, 0.2 from 4096."""
    if dims is None:
        return _factor(value=1.0, evidence="no dense vectors (lexical index)")
    value = max(0.2, min(1.0, 1 - math.log2(max(dims, 256) / 256) / 4))
    note = f" (Matryoshka-truncated from {native})" if native and native != dims else ""
    return _factor(value=round(value, 4), evidence=f"{dims} dimensions{note}")


def cost_factor(monthly_usd: float, budget: float | None) -> Factor:
    """1 / (1 + monthly cost / reference), the reference being the budget (or $50 without one)."""
    ref = budget if budget else 50.0
    return _factor(value=round(1 / (1 + monthly_usd / ref), 4),
                  evidence=f"${monthly_usd:,.2f}/month against a reference of ${ref:,.0f}")


def latency_factor(p95_ms: float | None, target_ms: float | None) -> Factor:
    """1 / (1 + p95 / target), the target being the user's (or 100 ms without one)."""
    if p95_ms is None:
        return _factor(value=UNKNOWN, evidence="latency unknown")
    ref = target_ms or 100.0
    return _factor(value=round(1 / (1 + p95_ms / ref), 4),
                  evidence=f"estimated query-embedding p95 {p95_ms:,.1f} ms against {ref:,.0f} ms")
