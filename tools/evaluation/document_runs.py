"""From Milvus' chunk hits to document rankings, their per-query metrics, and query latency."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from tools.evaluation import metrics as rm

MAX_CHUNK_HITS = 300  # chunks fetched per query before collapsing to documents
DOC_DEPTH = 100


def doc_runs(hits: list[list[tuple]], qids: list[str]) -> dict[str, dict[str, float]]:
    """Collapse chunk hits to documents: a document ranks where its best chunk ranks.

    Milvus returns hits best first for every metric, but the sign of the raw distance differs (Milvus Lite
    reports BM25 as negative distances), so the order, not the raw value, defines the ranking.
    """
    runs: dict[str, dict[str, float]] = {}
    for qid, row in zip(qids, hits, strict=True):
        ranked: dict[str, float] = {}
        for position, (_chunk, doc, _distance) in enumerate(row):
            if doc is not None and doc not in ranked and len(ranked) < DOC_DEPTH:
                ranked[doc] = float(len(row) - position)
        runs[qid] = ranked
    return runs


def per_query_metrics(runs: dict[str, dict[str, float]], qrels: dict[str, dict[str, int]]) -> dict[str, Any]:
    """Every metric per query, with the top 10 documents and the rank of the first relevant one."""
    metrics = rm.evaluate_runs(runs, qrels)
    out = {}
    for qid, values in metrics.items():
        ranking = rm.rank(runs.get(qid, {}))
        first = next((i + 1 for i, d in enumerate(ranking) if d in qrels[qid]), None)
        out[qid] = {**values, "top10": ranking[:10], "first_relevant_rank": first}
    return out


def percentiles_ms(times: list[float]) -> dict[str, float]:
    """p50 and p95 (and the count) of times already in milliseconds."""
    if not times:
        return {"p50_ms": 0.0, "p95_ms": 0.0, "n": 0}
    return {"p50_ms": float(np.percentile(times, 50)), "p95_ms": float(np.percentile(times, 95)), "n": len(times)}


def latency_ms(fn: Callable[[int], Any], n: int) -> dict[str, float]:
    """p50 and p95 in milliseconds of ``fn(i)`` for i in range(n)."""
    times = []
    for i in range(n):
        start = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - start) * 1000)
    if not times:
        return {"p50_ms": 0.0, "p95_ms": 0.0, "n": 0}
    return {"p50_ms": float(np.percentile(times, 50)), "p95_ms": float(np.percentile(times, 95)), "n": len(times)}


def hit_depth(n_chunks: int, n_docs: int) -> int:
    """Chunk hits to fetch per query so that DOC_DEPTH distinct documents survive collapsing.

    Milvus Lite's search time grows with the hits returned: exactly DOC_DEPTH when no document was split,
    else enough for this corpus' chunks per document and a margin.
    """
    if n_chunks <= n_docs:
        return DOC_DEPTH
    return min(MAX_CHUNK_HITS, max(DOC_DEPTH, math.ceil(DOC_DEPTH * 1.2 * n_chunks / n_docs)))
