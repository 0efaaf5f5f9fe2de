"""Token and chunking estimates: corpus tokens, chunks per document, share of documents a window truncates."""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import Any

from pydantic import BaseModel, ConfigDict

from knowledge.errors import InvalidFilterError

# Assumption, stated in every result: document lengths are log-normal around the typical length the user
# gives (taken as the mean), with this spread. sigma 0.75 puts ~10% of documents above 2.1x the median.
LENGTH_SIGMA = 0.75
PREFERRED_CHUNK_TOKENS = 512  # retrieval quality drops with long chunks even where the window allows more
MIN_CHUNK_TOKENS = 128
DEFAULT_OVERLAP_RATIO = 0.125
SPECIAL_TOKENS = 2  # [CLS]/[SEP] or <s>/</s>
_QUANTILES = [NormalDist().inv_cdf((i + 0.5) / 40) for i in range(40)]


class ChunkPlan(BaseModel):
    """How documents are cut for one model, and what that costs in vectors and tokens."""

    model_config = ConfigDict(extra="forbid")

    model_window: int | None
    chunk_tokens: int
    overlap_tokens: int
    chunks_per_doc: float
    share_truncated_without_chunking: float
    corpus_tokens: int
    embedded_tokens: int
    n_vectors: int
    formula: str
    assumptions: list[str]


def _median(mean_tokens: float) -> float:
    return mean_tokens / math.exp(LENGTH_SIGMA**2 / 2)


def share_truncated(doc_length_tokens: int, window: int | None) -> float:
    """Share of documents longer than ``window`` tokens under the log-normal length assumption."""
    if window is None:
        return 0.0
    z = (math.log(window) - math.log(_median(doc_length_tokens))) / LENGTH_SIGMA
    return 1.0 - NormalDist().cdf(z)


def _expected_chunks(doc_length_tokens: int, chunk: int, overlap: int) -> float:
    median = _median(doc_length_tokens)
    step = chunk - overlap
    total = 0.0
    for q in _QUANTILES:
        length = median * math.exp(LENGTH_SIGMA * q)
        total += 1 if length <= chunk else math.ceil((length - overlap) / step)
    return total / len(_QUANTILES)


def plan_chunks(
    doc_length_tokens: int,
    corpus_docs: int,
    max_tokens: int | None,
    prefix_tokens: int = 0,
    overlap_ratio: float = DEFAULT_OVERLAP_RATIO,
    preferred_chunk_tokens: int = PREFERRED_CHUNK_TOKENS,
) -> ChunkPlan:
    """Plan a sliding-window chunking for a model's context window and estimate tokens and vectors.

    Args:
        doc_length_tokens: typical (mean) document length in tokens.
        corpus_docs: number of documents.
        max_tokens: the model's context window; None for models without a limit (static, BM25).
        prefix_tokens: tokens taken by the model's document prefix.
        overlap_ratio: overlap between consecutive chunks as a share of the chunk (0 to 0.5).
        preferred_chunk_tokens: the chunk size used when the window allows more.
    """
    if doc_length_tokens <= 0:
        raise InvalidFilterError("doc_length_tokens", doc_length_tokens, "a positive number of tokens")
    if corpus_docs <= 0:
        raise InvalidFilterError("corpus_docs", corpus_docs, "a positive number of documents")
    if not 0 <= overlap_ratio <= 0.5:
        raise InvalidFilterError("overlap_ratio", overlap_ratio, "a share from 0 to 0.5")
    usable = None if max_tokens is None else max_tokens - prefix_tokens - SPECIAL_TOKENS
    if usable is not None and usable < MIN_CHUNK_TOKENS:
        raise InvalidFilterError("max_tokens", max_tokens, f"a window of at least {MIN_CHUNK_TOKENS + 2} tokens")
    chunk = preferred_chunk_tokens if usable is None else min(usable, preferred_chunk_tokens)
    overlap = int(round(chunk * overlap_ratio))
    per_doc = _expected_chunks(doc_length_tokens, chunk, overlap)
    corpus_tokens = doc_length_tokens * corpus_docs
    n_vectors = int(math.ceil(per_doc * corpus_docs))
    # Each chunk re-embeds its overlap; documents shorter than a chunk add nothing.
    embedded = int(corpus_tokens + max(0.0, per_doc - 1) * overlap * corpus_docs)
    truncated = share_truncated(doc_length_tokens, usable)
    formula = (f"chunk {chunk} tokens (window {max_tokens if max_tokens else 'unlimited'} - prefix {prefix_tokens} - "
               f"{SPECIAL_TOKENS} special, capped at {preferred_chunk_tokens}), overlap {overlap}; "
               f"chunks/doc = E[ceil((L - {overlap}) / {chunk - overlap})] = {per_doc:.2f}; "
               f"vectors = {per_doc:.2f} x {corpus_docs:,} = {n_vectors:,}; corpus tokens = {doc_length_tokens:,} x "
               f"{corpus_docs:,} = {corpus_tokens:,}; embedded tokens with overlap = {embedded:,}")
    return ChunkPlan(
        model_window=max_tokens,
        chunk_tokens=chunk,
        overlap_tokens=overlap,
        chunks_per_doc=round(per_doc, 3),
        share_truncated_without_chunking=round(truncated, 4),
        corpus_tokens=corpus_tokens,
        embedded_tokens=embedded,
        n_vectors=n_vectors,
        formula=formula,
        assumptions=[f"document lengths log-normal with mean {doc_length_tokens:,} tokens and sigma {LENGTH_SIGMA} "
                     "(assumed; measure with `evaluate` on real documents)",
                     "token counts are in the model's own tokenizer (a different tokenizer can count 1.2-2x more "
                     "tokens for the same text, most for CJK text in English vocabularies)"],
    )


def estimate_tokens(doc_length_tokens: int, corpus_docs: int, max_tokens: int | None = 512,
                    overlap_ratio: float = DEFAULT_OVERLAP_RATIO) -> dict[str, Any]:
    """Estimate corpus tokens, chunks per document and vectors for a context window, with the formula.

    Args:
        doc_length_tokens: typical document length in tokens, e.g. 6000.
        corpus_docs: number of documents, e.g. 200000.
        max_tokens: the model's context window in tokens (e.g. 512, 8192); null for no limit.
        overlap_ratio: overlap between consecutive chunks as a share of the chunk, 0 to 0.5.
    """
    return plan_chunks(doc_length_tokens, corpus_docs, max_tokens, overlap_ratio=overlap_ratio).model_dump()
