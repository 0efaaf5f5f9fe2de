"""The ranking factors (each 0..1, with the number it came from) and the priority-weighted score."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from knowledge.catalog import ModelCard
from knowledge.scores import BenchmarkScore
from tools.rank.evidence import BoardTable, Figure

FACTORS = ("mteb_score", "domain_specificity", "long_context", "context_window", "tokenization", "vocabulary",
           "training_data", "maturity", "dimensionality", "cost", "latency")
GROUPS = {
    "quality": ("mteb_score", "domain_specificity", "long_context", "context_window", "tokenization", "vocabulary",
                "training_data", "maturity"),
    "cost": ("cost", "dimensionality"),
    "latency": ("latency",),
}
# mteb_score is the consultation's board; domain_specificity and long_context are the domain board and LongEmbed
# (neutral, i.e. equal for every model, when the consultation has none). maturity is the small documented penalty
# (0.05 x (1 - 0.5)) that an obscure fine-tune must out-score.
BASE_WEIGHTS = {"mteb_score": 0.30, "domain_specificity": 0.08, "long_context": 0.06, "context_window": 0.05,
                "tokenization": 0.04, "vocabulary": 0.02, "training_data": 0.05, "maturity": 0.05,
                "dimensionality": 0.05, "cost": 0.18, "latency": 0.15}
UNDISCLOSED = 0.75  # zero-shot share unknown (most hosted APIs): a caution, not a verdict on the figure
OBSCURE = 0.5  # maturity of a model with no known organisation, paper or curated entry
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
    return dict(_weights(tuple(priorities)))  # a copy: callers keep the dict in their results


@functools.lru_cache(maxsize=256)
def _weights(priorities: tuple[str, ...]) -> dict[str, float]:
    scaled = {}
    for group, factors in GROUPS.items():
        mult = PRIORITY_MULTIPLIERS[priorities.index(group)] if group in priorities else UNLISTED_MULTIPLIER
        for f in factors:
            scaled[f] = BASE_WEIGHTS[f] * mult
    total = sum(scaled.values())
    return {f: round(scaled[f] / total, 4) for f in FACTORS}


def total_score(factors: dict[str, Factor], weights: dict[str, float]) -> float:
    """Weighted sum of factor values."""
    return round(sum([w * factors[f].value for f, w in weights.items()]), 4)


def total_scores(values: list[list[float]], weights: dict[str, float]) -> list[float]:
    """``total_score`` of many candidates at once, each given as its factor values in FACTORS order.

    The same sums in the same order (``weights`` lists the factors in FACTORS order, as ``weights_for`` builds it).
    """
    if list(weights) != list(FACTORS):
        raise ValueError("weights must list the factors in FACTORS order")
    w = list(weights.values())
    return [round(sum([a * b for a, b in zip(w, row, strict=True)]), 4) for row in values]


def board_factor(table: BoardTable | None, model: str, what: str) -> tuple[Factor, Figure | None]:
    """A board figure as a factor: its linear position between the board's 10th percentile and its best model.

    Unproven models (under half of the board's tasks) get UNKNOWN and rank in the "unproven here" group.
    """
    if table is None:
        return _factor(value=1.0, evidence=f"no {what} board for this consultation: equal for every model"), None
    figure = table.figure(model)
    value = table.value(figure)
    if value is None:
        return _factor(value=UNKNOWN, evidence=f"unproven here: {figure.text()}"), figure
    return _factor(value=value, evidence=f"{figure.text()}; {table.low:.4f} (10th percentile) = 0, "
                                         f"{table.high:.4f} (best) = 1"), figure


def domain_factor(card: ModelCard, domain: str, table: BoardTable | None = None, on_board: bool = False) -> Factor:
    """The domain board's figure where there is one; otherwise curated tags, rewarding only a matching domain."""
    if domain == "general":
        return _factor(value=1.0, evidence="general domain: no specialisation rewarded (equal for every model)")
    if on_board:
        return _factor(value=1.0, evidence=f"the consultation's board is the {domain} board itself: measured there, "
                                          "not rewarded twice (equal for every model)")
    if table is not None:
        factor, figure = board_factor(table, card.score_name, "domain")
        if figure is not None and figure.proven:
            return factor
    tags = set(card.domains or [])
    if domain in tags:
        return _factor(value=0.8, evidence=f"tagged for {domain} (curated domains: {', '.join(sorted(tags))}); "
                                          "no figure on the domain board")
    if not tags or tags & {"general", "multilingual"}:
        return _factor(value=0.5, evidence=f"general-purpose model, no figure on a {domain} board")
    return _factor(value=0.3, evidence=f"specialised for {', '.join(sorted(tags))}, not {domain}")


def maturity_factor(card: ModelCard, known: bool, why: str) -> Factor:
    """1 for a model from a known organisation, with a paper or a curated entry; OBSCURE otherwise."""
    if known:
        return _factor(value=1.0, evidence=why)
    return _factor(value=OBSCURE, evidence=why)


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


def tokenization_factor(card: ModelCard, languages: list[str], proven: frozenset[str] = frozenset()) -> Factor:
    """How well the tokenizer suits the languages; published scores in every language settle it (no penalty)."""
    family, vocab = card.tokenizer_family, card.vocab_size
    non_english = [lang for lang in languages if lang != "eng"]
    if non_english and set(non_english) <= proven:
        return _factor(value=1.0, evidence=f"published scores in {', '.join(non_english)} measure the tokenizer's "
                                          "effect directly")
    if not non_english:
        return _factor(value=1.0, evidence=f"English text: any subword tokenizer works ({family or 'unknown'})")
    if family is None and vocab is None:
        return _factor(value=UNKNOWN, evidence="tokenizer unknown")
    if family in MULTILINGUAL_TOKENIZERS or (vocab or 0) >= 100_000:
        return _factor(value=1.0, evidence=f"{family or 'tokenizer'} with {vocab or '?'} entries covers "
                                          f"{', '.join(non_english)}")
    return _factor(value=0.2, evidence=f"{family} vocabulary of {vocab or '?'} is English-centred: "
                                      f"{', '.join(non_english)} text splits into many unknown or byte pieces")


def vocabulary_factor(card: ModelCard, languages: list[str], proven: frozenset[str] = frozenset()) -> Factor:
    """Vocabulary size against need (~30k for English, ~250k for many scripts), unless scores settle it."""
    vocab = card.vocab_size
    if set(languages) <= proven:
        return _factor(value=1.0, evidence=f"published scores in {', '.join(languages)}: vocabulary measured, "
                                          "not guessed")
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


@functools.lru_cache(maxsize=4096)
def training_factor_from(zero_shot: int | None, board: str) -> Factor:
    """The zero-shot share (mteb) on the consultation's board: scores on trained-on tasks are less trustworthy."""
    if zero_shot is None:
        return _factor(value=UNDISCLOSED, evidence=f"training data not disclosed: zero-shot share on {board} unknown")
    return _factor(value=round(zero_shot / 100, 4), evidence=f"zero-shot on {zero_shot}% of {board}'s tasks (mteb)")


@functools.lru_cache(maxsize=65536)
def dimensionality_factor(dims: int | None, native: int | None) -> Factor:
    """Smaller vectors cost less memory and search time: 1 at <=256 dims, 0.5 at 1024, 0.2 from 4096."""
    if dims is None:
        return _factor(value=1.0, evidence="no dense vectors (lexical index)")
    value = max(0.2, min(1.0, 1 - math.log2(max(dims, 256) / 256) / 4))
    note = f" (Matryoshka-truncated from {native})" if native and native != dims else ""
    return _factor(value=round(value, 4), evidence=f"{dims} dimensions{note}")


@functools.lru_cache(maxsize=65536)
def cost_factor(monthly_usd: float, budget: float | None) -> Factor:
    """1 / (1 + monthly cost / reference), the reference being the budget (or $50 without one)."""
    ref = budget if budget else 50.0
    return _factor(value=round(1 / (1 + monthly_usd / ref), 4),
                  evidence=f"${monthly_usd:,.2f}/month against a reference of ${ref:,.0f}")


@functools.lru_cache(maxsize=65536)
def latency_factor(p95_ms: float | None, target_ms: float | None) -> Factor:
    """1 / (1 + p95 / target) against the user's target; without a target latency is neutral (1 for every model)."""
    if target_ms is None:
        shown = "unknown" if p95_ms is None else f"{p95_ms:,.1f} ms"
        return _factor(value=1.0, evidence=f"no latency target: not a factor (estimated p95 {shown})")
    if p95_ms is None:
        return _factor(value=UNKNOWN, evidence="latency unknown")
    ref = target_ms
    return _factor(value=round(1 / (1 + p95_ms / ref), 4),
                  evidence=f"estimated query-embedding p95 {p95_ms:,.1f} ms against {ref:,.0f} ms")
