"""The quality/memory frontier of one model's vectors: types, Matryoshka dimensions and Milvus index types, measured.

The vectors a retrieval check already encoded are reused (nothing is encoded again). Each point is scored against
exact float32 search on the same queries:

* vector types computed exactly on the client: float16, int8 (one symmetric scale for the corpus, so inner
  products keep their order up to rounding), binary (sign bits, Hamming distance) with and without the standard
  full-precision re-score of the top candidates, and Matryoshka truncations for models trained for them;
* the index types Milvus Lite runs (FLAT, HNSW, HNSW_SQ, IVF_FLAT, IVF_SQ8), measured in Milvus Lite;
* server-only configurations (INT8/BINARY vector fields, IVF_PQ, IVF_RABITQ, DISKANN) are measured only on a Milvus
  server (``--milvus-uri``); otherwise they are listed with their estimated footprint, labelled, never measured.

Memory and disk are estimated for the user's full corpus size (tools/estimate/storage.py), monthly cost from them.
Results land in ``results.json`` under ``models.<spec>.frontier`` (see README, "The frontier").
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from knowledge.errors import ToolInputError
from tools.estimate.storage import estimate_storage
from tools.evaluation import metrics as rm

LITE_INDEXES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "FLAT": ({}, {}),
    "HNSW": ({"M": 16, "efConstruction": 200}, {"ef": 128}),
    "HNSW_SQ": ({"M": 16, "efConstruction": 200, "sq_type": "SQ8"}, {"ef": 128}),
    "IVF_FLAT": ({"nlist": 128}, {"nprobe": 16}),
    "IVF_SQ8": ({"nlist": 128}, {"nprobe": 16}),
}
# Server-only points: (label, vector type, Milvus index, build params, search params). IVF_RABITQ needs Milvus 2.6.
SERVER_ONLY: list[tuple[str, str, str, dict[str, Any], dict[str, Any]]] = [
    ("int8 HNSW (INT8_VECTOR)", "int8", "HNSW", {"M": 16, "efConstruction": 200}, {"ef": 128}),
    ("binary BIN_IVF_FLAT (BINARY_VECTOR)", "binary", "IVF_FLAT", {"nlist": 128}, {"nprobe": 16}),
    ("float32 IVF_PQ", "float32", "IVF_PQ", {"nlist": 128, "m": 0, "nbits": 8}, {"nprobe": 16}),
    ("float32 IVF_RABITQ + refine SQ8", "float32", "IVF_RABITQ", {"nlist": 128, "refine": True, "refine_type": "SQ8"},
     {"nprobe": 16, "rbq_query_bits": 0, "refine_k": 2}),
    ("float32 DISKANN", "float32", "DISKANN", {}, {"search_list": 100}),
]
SERVER_ONLY_LABEL = "server only: run with --milvus-uri"
RESCORE_MULTIPLIER = 4  # binary candidates re-scored in float32: 4x the hits kept (sentence-transformers' default)
INT8_PERCENTILE = 99.9  # the int8 scale covers this share of the corpus' absolute values; the rest are clipped
LATENCY_QUERIES = 20
# Hosted cost: a memory-optimised cloud VM's price per GiB of RAM, and object storage per GB (list prices: AWS
# r7i.xlarge on demand, us-east-1, 4 vCPU and 32 GiB at $0.2646/h; S3 Standard). A managed Milvus prices differently.
RAM_USD_PER_GIB_MONTH = 0.2646 * 730 / 32
DISK_USD_PER_GB_MONTH = 0.023
COST_SOURCE = "AWS r7i.xlarge on-demand us-east-1 ($0.2646/h for 32 GiB) and S3 Standard ($0.023/GB-month), list prices"


@dataclass
class FrontierData:
    """What one dense candidate's check already holds: its vectors, the chunks' documents, the queries' judgements."""

    vectors: np.ndarray  # chunks x dims, L2-normalised float32
    queries: np.ndarray  # queries x dims, L2-normalised float32
    chunk_docs: list[str]
    chunk_ids: list[str]
    qids: list[str]
    qrels: dict[str, dict[str, int]]
    depth: int  # chunk hits fetched per query before collapsing to documents
    full_vectors: int  # chunks the user's whole corpus will have
    matryoshka_dims: list[int] | None = None
    seed: int = 0


def _runs(order: np.ndarray, data: FrontierData) -> dict[str, dict[str, float]]:
    """Chunk indices best first per query -> document rankings (a document ranks where its best chunk ranks)."""
    runs = {}
    for qid, row in zip(data.qids, order, strict=True):
        ranked: dict[str, float] = {}
        for position, i in enumerate(row):
            doc = data.chunk_docs[int(i)]
            if doc not in ranked and len(ranked) < 100:
                ranked[doc] = float(len(row) - position)
        runs[qid] = ranked
    return runs


def _top(scores: np.ndarray, depth: int) -> np.ndarray:
    """Indices of the ``depth`` highest scores per row, best first (ties by index, as a stable sort gives)."""
    depth = min(depth, scores.shape[1])
    part = np.argpartition(-scores, depth - 1, axis=1)[:, :depth]
    rows = np.take_along_axis(scores, part, axis=1)
    return np.take_along_axis(part, np.argsort(-rows, axis=1, kind="stable"), axis=1)


def int8_quantize(vectors: np.ndarray, scale: float) -> np.ndarray:
    """Symmetric int8 codes with one scale for every dimension (inner products keep their order up to rounding)."""
    return np.clip(np.round(vectors / scale), -127, 127).astype(np.int8)


def int8_scale(vectors: np.ndarray) -> float:
    """The scale that maps INT8_PERCENTILE of the corpus' absolute values into [-127, 127]."""
    return float(np.percentile(np.abs(vectors), INT8_PERCENTILE)) / 127 or 1.0


def binary_codes(vectors: np.ndarray) -> np.ndarray:
    """Sign bits packed 8 to a byte (Milvus BINARY_VECTOR's layout)."""
    return np.packbits(vectors > 0, axis=1)


def hamming_scores(queries: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """Negative Hamming distances between packed codes (higher is closer)."""
    table = np.unpackbits(np.arange(256, dtype=np.uint8)[:, None], axis=1).sum(axis=1).astype(np.int32)
    out = np.empty((len(queries), len(codes)), dtype=np.int32)
    for i, q in enumerate(queries):
        out[i] = -table[np.bitwise_xor(codes, q)].sum(axis=1)
    return out


def client_orders(data: FrontierData) -> dict[str, tuple[str, str, int | None, Callable[[], np.ndarray]]]:
    """Client-computed points: label -> (vector type, index, truncated dims, search returning chunk orders)."""
    v, q, depth = data.vectors, data.queries, data.depth

    def exact(vecs: np.ndarray, qs: np.ndarray) -> Callable[[], np.ndarray]:
        return lambda: _top(qs.astype(np.float32) @ vecs.astype(np.float32).T, depth)

    def int8() -> np.ndarray:
        scale = int8_scale(v)
        return _top(int8_quantize(q, scale).astype(np.int32) @ int8_quantize(v, scale).astype(np.int32).T, depth)

    def binary(rescore: bool) -> Callable[[], np.ndarray]:
        def search() -> np.ndarray:
            scores = hamming_scores(binary_codes(q), binary_codes(v))
            if not rescore:
                return _top(scores, depth)
            candidates = _top(scores, depth * RESCORE_MULTIPLIER)
            rows = [c[np.argsort(-(v[c] @ qv), kind="stable")[:depth]] for qv, c in zip(q, candidates, strict=True)]
            return np.stack(rows)
        return search

    points: dict[str, tuple[str, str, int | None, Callable[[], np.ndarray]]] = {
        "float32 exact": ("float32", "FLAT", None, exact(v, q)),
        "float16 exact": ("float16", "FLAT", None, exact(v.astype(np.float16), q.astype(np.float16))),
        "int8 exact": ("int8", "FLAT", None, int8),
        "binary exact (Hamming)": ("binary", "FLAT", None, binary(False)),
        f"binary + float32 re-score of top {RESCORE_MULTIPLIER}x": ("binary", "FLAT", None, binary(True)),
    }
    for dims in sorted({d for d in data.matryoshka_dims or [] if 0 < d < v.shape[1]}, reverse=True):
        tv = v[:, :dims] / np.linalg.norm(v[:, :dims], axis=1, keepdims=True)
        tq = q[:, :dims] / np.linalg.norm(q[:, :dims], axis=1, keepdims=True)
        points[f"Matryoshka {dims}d float32 exact"] = ("float32", "FLAT", dims, exact(tv, tq))
    return points


class Frontier:
    """Measures every point of one candidate against exact float32 search on the same queries."""

    def __init__(self, data: FrontierData) -> None:
        """Score exact float32 search first: every other point's recall is measured against it."""
        if data.vectors.ndim != 2 or data.queries.ndim != 2 or data.vectors.shape[1] != data.queries.shape[1]:
            raise ToolInputError(f"frontier: vectors {data.vectors.shape} and queries {data.queries.shape} differ")
        if len(data.chunk_docs) != len(data.vectors) or len(data.qids) != len(data.queries):
            raise ToolInputError("frontier: one document id per vector and one query id per query vector are needed")
        self.data = data
        self.dims = data.vectors.shape[1]
        self.exact_order = _top(data.queries @ data.vectors.T, data.depth)
        self.exact_top10 = self._top10(_runs(self.exact_order, data))
        self.points: list[dict[str, Any]] = []

    @staticmethod
    def _top10(runs: dict[str, dict[str, float]]) -> dict[str, list[str]]:
        return {q: rm.rank(r)[:10] for q, r in runs.items()}

    def _quality(self, order: np.ndarray) -> dict[str, Any]:
        runs = _runs(order, self.data)
        per_query = rm.evaluate_runs(runs, self.data.qrels)
        ndcg = np.array([per_query[q]["ndcg_at_10"] for q in self.data.qids])
        top10 = self._top10(runs)
        recall = np.array([len(set(top10[q]) & set(self.exact_top10[q])) / max(1, len(self.exact_top10[q]))
                           for q in self.data.qids])
        return {"ndcg_at_10": {"mean": float(ndcg.mean()), "ci95": list(rm.bootstrap_ci(ndcg, self.data.seed))},
                "recall_at_10_vs_exact": {"mean": float(recall.mean()),
                                          "ci95": list(rm.bootstrap_ci(recall, self.data.seed))}}

    def _footprint(self, dtype: str, index: str, params: dict[str, Any], dims: int | None,
                   rescore: bool = False) -> dict[str, Any]:
        if index not in ("FLAT", "HNSW", "HNSW_SQ", "IVF_FLAT", "IVF_SQ8", "IVF_PQ", "DISKANN"):
            return {"memory_bytes": None, "disk_bytes": None, "monthly_usd": None,
                    "footprint_note": f"no layout for {index} in knowledge/data/milvus_index.yaml"}
        given = {k: v for k, v in params.items() if k in ("M", "efConstruction", "sq_type")}
        est = estimate_storage(self.data.full_vectors, self.dims, dtype, index, given or None, truncate_dims=dims)
        memory, disk, note = est.memory_bytes, est.disk_bytes, est.formula
        if rescore:  # the re-score reads the float32 vectors, kept on disk beside the binary index
            disk += self.data.full_vectors * self.dims * 4
            note += f"; + float32 vectors on disk for the re-score ({self.data.full_vectors:,} x {self.dims} x 4 B)"
        return {"memory_bytes": memory, "disk_bytes": disk,
                "monthly_usd": round(memory / 2**30 * RAM_USD_PER_GIB_MONTH + disk / 1e9 * DISK_USD_PER_GB_MONTH, 2),
                "footprint_note": note}

    def add(self, label: str, dtype: str, index: str, where: str, order: np.ndarray | None, latency_ms: float | None,
            params: dict[str, Any] | None = None, dims: int | None = None, status: str = "measured") -> None:
        """Record one point (``order`` None for a point that was not measured)."""
        point: dict[str, Any] = {"label": label, "vector_type": dtype, "index": index, "dims": dims or self.dims,
                                 "params": params or {}, "where": where, "status": status,
                                 "query_latency_p50_ms": latency_ms,
                                 **self._footprint(dtype, index, params or {}, dims, "re-score" in label)}
        if order is not None:
            point.update(self._quality(order))
        self.points.append(point)

    def run_client(self) -> None:
        """Every vector type and Matryoshka truncation, searched exactly on the client."""
        for label, (dtype, index, dims, search) in client_orders(self.data).items():
            start = time.perf_counter()
            order = search()
            per_query = (time.perf_counter() - start) * 1000 / max(1, len(self.data.qids))
            self.add(label, dtype, index, "client (exact search, numpy)", order, per_query, dims=dims)

    def run_milvus(self, store: Any, prefix: str) -> None:
        """The Lite index types in Milvus (a server also gets the server-only points); each collection is dropped."""
        for index, (build, query) in LITE_INDEXES.items():
            self._measure_index(store, prefix, f"float32 {index}", index, build, query)
        for label, dtype, index, build, query in SERVER_ONLY:
            build = {**build, "m": _pq_m(self.dims)} if "m" in build else build
            if store.is_lite or dtype != "float32":
                status = SERVER_ONLY_LABEL if store.is_lite else (
                    "not measured: INT8/BINARY fields need the vectors stored in that type; the client-computed "
                    f"{dtype} point above measures the same vectors exactly")
                self.add(label, dtype, index, status, None, None, {**build, **query}, status=status)
                continue
            self._measure_index(store, prefix, label, index, build, query)

    def _measure_index(self, store: Any, prefix: str, label: str, index: str, build: dict[str, Any],
                       query: dict[str, Any]) -> None:
        from tools.evaluation.milvus_search import eval_config

        name = f"{prefix}_fr_{index.lower()}"
        config = eval_config(name, self.dims, [], False, "FLAT")
        config.index_params[0].update(index_type=index, params=build)
        store.create(config)
        try:
            store.insert(name, [_Chunk(c, d) for c, d in zip(self.data.chunk_ids, self.data.chunk_docs, strict=True)],
                         self.data.vectors)
            params = {"metric_type": "IP", "params": query}
            order = self._milvus_order(store, name, params)
            latency = self._milvus_latency(store, name, params)
        finally:
            store.client.drop_collection(name)
        self.add(label, "float32", index, "Milvus Lite" if store.is_lite else "Milvus server", order, latency,
                 {**build, **query})

    def _milvus_order(self, store: Any, name: str, params: dict[str, Any]) -> np.ndarray:
        ids = {c: i for i, c in enumerate(self.data.chunk_ids)}
        hits = store.search_dense(name, self.data.queries, min(self.data.depth, len(ids)), params)
        width = max(len(h) for h in hits) if hits else 0
        order = np.full((len(hits), width), -1, dtype=np.int64)
        for r, row in enumerate(hits):
            order[r, : len(row)] = [ids[h[0]] for h in row]
        return order

    def _milvus_latency(self, store: Any, name: str, params: dict[str, Any]) -> float:
        times = []
        for vector in self.data.queries[:LATENCY_QUERIES]:
            start = time.perf_counter()
            store.search_dense(name, vector[None, :], 10, params)
            times.append((time.perf_counter() - start) * 1000)
        return float(np.percentile(times, 50)) if times else 0.0

    def result(self) -> dict[str, Any]:
        """Every point, the Pareto-optimal ones marked (highest nDCG@10 for their memory among measured points)."""
        measured = [p for p in self.points if p["status"] == "measured" and p["memory_bytes"] is not None]
        for p in self.points:
            p["pareto"] = p in measured and not any(
                o is not p and o["memory_bytes"] <= p["memory_bytes"]
                and o["ndcg_at_10"]["mean"] >= p["ndcg_at_10"]["mean"]
                and (o["memory_bytes"] < p["memory_bytes"] or o["ndcg_at_10"]["mean"] > p["ndcg_at_10"]["mean"])
                for o in measured)
        return {"full_corpus_vectors": self.data.full_vectors, "sample_vectors": len(self.data.vectors),
                "dims": self.dims, "queries": len(self.data.qids), "reference": "float32 exact",
                "cost_source": COST_SOURCE, "points": self.points}


def _pq_m(dims: int) -> int:
    """IVF_PQ sub-quantizers: the largest divisor of ``dims`` up to dims / 4 (PQ needs m to divide the dimensions)."""
    return max(m for m in range(1, dims // 4 + 1) if dims % m == 0) if dims >= 4 else 1


@dataclass
class _Chunk:
    """The two fields MilvusStore.insert reads from a chunk."""

    chunk_id: str
    doc_id: str
    text: str = ""


def matryoshka_dims(model: str) -> list[int] | None:
    """The truncations a model was trained for (Matryoshka), from the catalog; None for other models."""
    from knowledge.catalog import default_catalog

    try:
        card = default_catalog().get(model)
    except (ToolInputError, KeyError):
        return None
    return list(card.output_dimensions or []) or None


def measure_frontier(data: FrontierData, store: Any = None, prefix: str = "c") -> dict[str, Any]:
    """Measure every client point, and the Milvus index types when ``store`` (Lite or a server) is given."""
    frontier = Frontier(data)
    frontier.run_client()
    if store is not None:
        frontier.run_milvus(store, prefix)
    return frontier.result()
