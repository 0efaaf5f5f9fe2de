"""Index chunks in Milvus (Lite by default, or a server) and search them: dense, BM25, or hybrid fusion."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Literal, TypeGuard, get_args

import numpy as np

from knowledge.analyzers import client_side
from knowledge.errors import MilvusUnavailableError
from tools.documents.token_windows import Chunk
from tools.estimate.milvus_config import MilvusConfig, analyzer_for, create_collection
from tools.evaluation.sparse_bm25 import ClientBM25
from tools.evaluation.tokenizers import route

IndexName = Literal["FLAT", "HNSW", "IVF_FLAT", "IVF_SQ8"]


def is_index_name(value: str) -> TypeGuard[IndexName]:
    """Whether ``value`` is one of the index types an evaluation can build."""
    return value in get_args(IndexName)


INDEX_PARAMS: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "FLAT": ({}, {}),
    "HNSW": ({"M": 16, "efConstruction": 200}, {"ef": 128}),
    "IVF_FLAT": ({"nlist": 128}, {"nprobe": 16}),
    "IVF_SQ8": ({"nlist": 128}, {"nprobe": 16}),
}
INSERT_BATCH = 1000
SEARCH_BATCH = 100  # queries a search call; with HIT_FIELDS, 20 to 207 a call cost the same per query (measured)
RRF_K = 60
# Milvus Lite returns every stored field of every hit (the vectors too) unless told which: the primary key is all a
# hit needs (its document is the key's prefix). BM25 at 300 hits a query, 9,075 chunks: 57 -> 11 ms a query.
HIT_FIELDS = ["chunk_id"]


class _NotImplementedNoise(logging.Filter):
    """Drops gRPC's ERROR traceback for "Method not implemented!" (Milvus Lite's answer to AllocTimestamp).

    pymilvus falls back and nothing fails, but every evaluation logged it at the default level.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return "Method not implemented" not in record.getMessage()


logging.getLogger("grpc._server").addFilter(_NotImplementedNoise())


def eval_config(name: str, dims: int | None, languages: list[str], lexical: bool, index: IndexName) -> MilvusConfig:
    """A collection for one candidate: a dense field, a BM25 sparse field, or both (hybrid).

    The BM25 field is the production one: the server's analyzer for the corpus' languages (a multi-language analyzer
    keyed on a ``language`` field when several languages need different analyzers). ``MilvusStore.create`` turns it
    into client-computed BM25 vectors on Milvus Lite, which lacks most analyzers.
    """
    fields: list[dict[str, Any]] = [
        {"field_name": "chunk_id", "datatype": "VARCHAR", "is_primary": True, "max_length": 512},
        {"field_name": "doc_id", "datatype": "VARCHAR", "max_length": 512},
    ]
    if lexical:  # Milvus Lite materialises every stored field of every hit: text only where BM25 reads it
        analyzer = analyzer_for(languages)
        key = "multi_analyzer_params" if "analyzers" in analyzer else "analyzer_params"
        if "analyzers" in analyzer:
            fields.append({"field_name": "language", "datatype": "VARCHAR", "max_length": 16})
        fields.append({"field_name": "text", "datatype": "VARCHAR", "max_length": 65_535,
                       **({} if "client_side_bm25" in analyzer else {"enable_analyzer": True, key: analyzer}),
                       "analysis_languages": list(languages or ["eng"])})
    index_params, functions, search = [], [], {}
    if dims:
        build, query = INDEX_PARAMS[index]
        fields.append({"field_name": "dense", "datatype": "FLOAT_VECTOR", "dim": dims})
        index_params.append({"field_name": "dense", "index_type": index, "metric_type": "IP", "params": build})
        search["dense"] = {"metric_type": "IP", "params": query}
    if lexical:
        fields.append({"field_name": "sparse", "datatype": "SPARSE_FLOAT_VECTOR"})
        functions.append({"name": "bm25", "function_type": "BM25", "input_field_names": ["text"],
                          "output_field_names": ["sparse"]})
        index_params.append({"field_name": "sparse", "index_type": "SPARSE_INVERTED_INDEX", "metric_type": "BM25",
                             "params": {}})
        search["sparse"] = {"metric_type": "BM25", "params": {}}
    return MilvusConfig(collection_name=name, fields=fields, functions=functions, index_params=index_params,
                        search_params=search, hybrid=bool(dims and lexical), reasons=[])


def analysis_of(config: MilvusConfig) -> list[str]:
    """The analysis languages eval_config noted on the text field (the multi-language analyzer's, default first)."""
    text = next((f for f in config.fields if f["field_name"] == "text"), {})
    return list(text.get("analysis_languages", ["eng"]))


def client_bm25_config(config: MilvusConfig) -> MilvusConfig:
    """``config`` with its BM25 function replaced by client-computed BM25 vectors in a sparse field searched by IP.

    Milvus Lite has only the standard and jieba tokenizers, ignores stemmer filters and keeps BM25 statistics per
    segment: the client tokenizes with the production analyzer's twin and weighs terms with corpus-wide statistics.
    """
    fields = [f for f in config.fields if f["field_name"] not in ("text", "language")]
    index_params = [{**i, "metric_type": "IP"} if i["field_name"] == "sparse" else i for i in config.index_params]
    search = {**config.search_params, "sparse": {"metric_type": "IP", "params": {}}}
    return config.model_copy(update={"fields": fields, "functions": [], "index_params": index_params,
                                     "search_params": search})


class MilvusStore:
    """One Milvus database: Milvus Lite at a local path (held by this process) or a server URI."""

    def __init__(self, uri: str, token: str | None = None) -> None:
        """Open the database; a Lite path's folder is created."""
        from pymilvus import MilvusClient
        from pymilvus.exceptions import MilvusException

        self.uri = uri
        self.is_lite = "://" not in uri
        self.with_text: dict[str, bool] = {}
        self.with_language: dict[str, bool] = {}
        self.analysis: dict[str, list[str]] = {}
        self.client_bm25: dict[str, ClientBM25] = {}  # collections whose BM25 vectors the client computes
        self.lexical_vectors: dict[str, dict[str, dict[int, float]]] = {}
        self.lexical_plans: dict[str, dict[str, Any]] = {}
        if self.is_lite:
            Path(uri).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.client = MilvusClient(uri, token=token or "")
        except (MilvusException, OSError) as exc:
            held = " (a Milvus Lite database is held by one process: is another run using it?)" if self.is_lite else ""
            raise MilvusUnavailableError(f"cannot open Milvus at {uri}{held}: {exc}") from exc

    def create(self, config: MilvusConfig) -> None:
        """(Re)create a collection; on Milvus Lite, BM25 becomes client-computed sparse vectors searched by IP."""
        name = config.collection_name
        if self.client.has_collection(name):
            self.client.drop_collection(name)
        self.analysis[name] = analysis_of(config)
        config = config.model_copy(update={"fields": [{k: v for k, v in f.items() if k != "analysis_languages"}
                                                      for f in config.fields]})
        if config.functions and (self.is_lite or client_side(self.analysis[name])):
            self.client_bm25[name] = ClientBM25(analysis=self.analysis[name])
            config = client_bm25_config(config)
        create_collection(self.client, config)
        self.with_text[name] = any(f["field_name"] == "text" for f in config.fields)
        self.with_language[name] = any(f["field_name"] == "language" for f in config.fields)

    def fit_lexical(self, name: str, chunks: Sequence[Chunk]) -> None:
        """Corpus-wide BM25 statistics and every chunk's vector, before any insert (client-computed BM25 only)."""
        bm25 = self.client_bm25.get(name)
        if bm25 is None:
            return
        vectors = bm25.fit([c.text for c in chunks])
        self.lexical_vectors[name] = {c.chunk_id: v for c, v in zip(chunks, vectors, strict=True)}

    def lexical_plan(self, name: str, languages: list[str]) -> dict[str, Any]:
        """Which analyzer production runs, and how this store reproduced it (for the report)."""
        from tools.evaluation.lexical_plan import lexical_plan

        bm25 = self.client_bm25.get(name)
        return lexical_plan(languages, dict(bm25.languages) if bm25 else None, self.is_lite)

    def insert(self, name: str, chunks: Sequence[Chunk], vectors: np.ndarray | None, flush: bool = True) -> None:
        """Insert chunks (and their vectors) in batches, then flush (unless more parts follow)."""
        with_text = self.with_text.get(name, True)
        for start in range(0, len(chunks), INSERT_BATCH):
            rows = []
            for i, chunk in enumerate(chunks[start : start + INSERT_BATCH], start=start):
                row: dict[str, Any] = {"chunk_id": chunk.chunk_id, "doc_id": chunk.doc_id}
                if with_text:
                    row["text"] = chunk.text[:60_000]
                if self.with_language.get(name):
                    row["language"] = route(chunk.text, self.analysis[name])
                if name in self.client_bm25:
                    row["sparse"] = self.lexical_vectors[name][chunk.chunk_id]
                if vectors is not None:
                    row["dense"] = vectors[i].tolist()
                rows.append(row)
            self.client.insert(name, rows)
        if flush:
            self.flush(name)

    def flush(self, name: str) -> None:
        """Seal what was inserted so searches see all of it."""
        self.client.flush(name)

    def _hits(self, results: Any) -> list[list[tuple[str, str, float]]]:
        """(chunk_id, doc_id, distance) rows; the document id is the chunk id's prefix (``doc::n``)."""
        out = []
        for hits in results:
            row = []
            for hit in hits:
                chunk_id = hit.get("chunk_id") or hit["id"]
                row.append((chunk_id, chunk_id.rsplit("::", 1)[0], float(hit["distance"])))
            out.append(row)
        return out

    def search_dense(self, name: str, vectors: np.ndarray, limit: int, params: dict[str, Any]) -> list[list[tuple]]:
        """Top ``limit`` chunks per query vector: (chunk_id, doc_id, score)."""
        out: list[list[tuple]] = []
        for start in range(0, len(vectors), SEARCH_BATCH):
            res = self.client.search(name, data=[v.tolist() for v in vectors[start : start + SEARCH_BATCH]],
                                     anns_field="dense", limit=limit, search_params=params, output_fields=HIT_FIELDS)
            out.extend(self._hits(res))
        return out

    def _lexical_request(self, name: str, text: str) -> tuple[Any, dict[str, Any]] | None:
        """The sparse search data and parameters for one query text (None: no term of it is in the corpus)."""
        bm25 = self.client_bm25.get(name)
        if bm25 is not None:
            vector = bm25.query(text)
            return (vector, {"metric_type": "IP", "params": {}}) if vector else None
        params: dict[str, Any] = {"metric_type": "BM25"}
        if self.with_language.get(name):
            params["analyzer_name"] = route(text, self.analysis[name])
        return text, params

    def search_bm25(self, name: str, texts: list[str], limit: int) -> list[list[tuple]]:
        """Top ``limit`` chunks per query text by BM25."""
        out: list[list[tuple]] = [[] for _ in texts]
        asked = [(i, r) for i, r in enumerate(self._lexical_request(name, text) for text in texts) if r is not None]
        # Client vectors share one search parameter set and go in batches; server texts may each name an analyzer.
        step = SEARCH_BATCH if name in self.client_bm25 else 1
        for start in range(0, len(asked), step):
            part = asked[start : start + step]
            res = self.client.search(name, data=[r[0] for _, r in part], anns_field="sparse", limit=limit,
                                     search_params=part[0][1][1], output_fields=HIT_FIELDS)
            for (i, _), hits in zip(part, self._hits(res), strict=True):
                out[i] = hits
        return out

    def search_hybrid(self, name: str, vectors: np.ndarray, texts: list[str], limit: int, params: dict[str, Any],
                      fusion: Literal["rrf", "weighted", "weighted-rrf"] = "rrf",
                      weights: tuple[float, float] = (0.7, 0.3),
                      dense: list[list[tuple]] | None = None) -> list[list[tuple]]:
        """Dense + BM25 fused by RRF (k=60) or weighted scores, the way Milvus' RRFRanker / WeightedRanker fuse them.

        On Milvus Lite the fusion runs here, over one batched dense search and one batched BM25 search: Lite's
        ``hybrid_search`` fuses in Python a query at a time and batching it was slower (207 man-page queries at 300
        hits, 9,075 chunks: 177 ms a query in ``hybrid_search``, 15 ms here with the dense route reused). ``fuse``
        reproduces Lite's ranking exactly (tests/tools/evaluation/test_hybrid_fusion.py compares them on a real
        corpus). A Milvus server fuses in ``hybrid_search``, as production does.

        ``weighted-rrf`` (dense, lexical ``weights``) runs the two searches and fuses their ranks on the client, as an
        application does where Milvus's RRFRanker has no weights.

        ``dense``: the dense route's hits per query at ``limit``, when an exact search of the same vectors already
        found them (a dense candidate of the same model and chunks); client-side fusion then searches BM25 only.
        """
        if fusion != "weighted-rrf" and not self.is_lite:
            return self.search_hybrid_server(name, vectors, texts, limit, params, fusion, weights)
        dense = dense if dense is not None else self.search_dense(name, vectors, limit, params)
        lexical = self.search_bm25(name, texts, limit)
        if fusion == "weighted-rrf":
            return [weighted_rrf(d, lx, weights, limit) for d, lx in zip(dense, lexical, strict=True)]
        return [fuse([d, lx], fusion, weights, limit) for d, lx in zip(dense, lexical, strict=True)]

    def search_hybrid_server(self, name: str, vectors: np.ndarray, texts: list[str], limit: int,
                             params: dict[str, Any], fusion: Literal["rrf", "weighted"] = "rrf",
                             weights: tuple[float, float] = (0.7, 0.3)) -> list[list[tuple]]:
        """Dense + BM25 fused by Milvus' own ``hybrid_search`` (RRFRanker k=60 or WeightedRanker), a query at a time."""
        from pymilvus import AnnSearchRequest, RRFRanker, WeightedRanker

        ranker = RRFRanker(RRF_K) if fusion == "rrf" else WeightedRanker(*weights)
        out = []
        for vector, text in zip(vectors, texts, strict=True):
            reqs = [AnnSearchRequest(data=[vector.tolist()], anns_field="dense", param=params, limit=limit)]
            lexical = self._lexical_request(name, text)
            if lexical is not None:
                reqs.append(AnnSearchRequest(data=[lexical[0]], anns_field="sparse", param=lexical[1], limit=limit))
            res = self.client.hybrid_search(name, reqs, ranker if lexical is not None or fusion == "rrf"
                                            else WeightedRanker(weights[0]), limit=limit, output_fields=HIT_FIELDS)
            out.extend(self._hits(res))
        return out

    def timed(self, fn: Any, *args: Any, **kwargs: Any) -> tuple[Any, float]:
        """Call ``fn`` and return its result and wall milliseconds."""
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        return result, (time.perf_counter() - start) * 1000

    def close(self) -> None:
        """Release the database; for Milvus Lite also its in-process server, memory and file lock.

        Milvus Lite runs inside this process and keeps a database open until the process exits unless it is
        released: a long-running API server would otherwise hold every evaluation's collections in memory.
        """
        self.client.close()
        if self.is_lite:
            from milvus_lite.server_manager import server_manager_instance

            server_manager_instance.release_server(self.uri)


def weighted_rrf(dense: list[tuple], lexical: list[tuple], weights: tuple[float, float], limit: int) -> list[tuple]:
    """Reciprocal rank fusion with a weight per list: sum of weight / (k + rank), k = 60, best ``limit`` hits."""
    scores: dict[str, float] = {}
    docs: dict[str, str] = {}
    for hits, weight in ((dense, weights[0]), (lexical, weights[1])):
        for rank, (chunk_id, doc_id, _) in enumerate(hits, start=1):
            scores[chunk_id] = scores.get(chunk_id, 0.0) + weight / (RRF_K + rank)
            docs[chunk_id] = doc_id
    best = sorted(scores, key=lambda c: -scores[c])[:limit]
    return [(c, docs[c], scores[c]) for c in best]


def fuse(routes: Sequence[list[tuple]], fusion: Literal["rrf", "weighted"], weights: Sequence[float],
         limit: int) -> list[tuple]:
    """Milvus' hybrid fusion of per-route hits (best first), with Milvus Lite's exact ranking.

    RRF: a chunk scores the sum over routes of 1 / (k + rank), rank from 1, k = 60. Weighted (``WeightedRanker``,
    ``norm_score`` on): the sum of weight * (0.5 + atan(score) / pi) over the routes that found it (the
    normalisation Milvus applies to IP scores; the dense and the client BM25 routes are both IP). Sorted by score,
    equal scores by chunk id (Milvus' sort operator breaks ties on the primary key, ascending); the sums add the
    routes in order, as Milvus' merge operator does. A route with no hits (a query none of whose terms is in the
    corpus) adds nothing.
    """
    scores: dict[str, float] = {}
    docs: dict[str, str] = {}
    for n, hits in enumerate(routes):
        for rank, (chunk_id, doc_id, distance) in enumerate(hits):
            score = (1.0 / (RRF_K + rank + 1) if fusion == "rrf"
                     else weights[n] * (0.5 + math.atan(float(distance)) / math.pi))
            scores[chunk_id] = scores.get(chunk_id, 0.0) + score
            docs.setdefault(chunk_id, doc_id)
    best = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return [(chunk_id, docs[chunk_id], score) for chunk_id, score in best]


Opener = Callable[[], tuple[MilvusStore, Path | None]]


class BackgroundIndexer:
    """Opens a Milvus database, creates the collection and inserts parts on one worker thread, in order."""

    def __init__(self, open_store: Opener, config: Any) -> None:
        self.name = config.collection_name
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="milvus-index")
        self.opened: Future = self.pool.submit(self._open, open_store, config)
        self.inserts: list[Future] = []
        self.handed_over = False

    @staticmethod
    def _open(open_store: Opener, config: Any) -> tuple[MilvusStore, Path | None]:
        store, path = open_store()
        try:
            store.create(config)
        except BaseException:
            store.close()
            raise
        return store, path

    def fit_lexical(self, chunks: list[Chunk]) -> None:
        """Queue the corpus-wide BM25 statistics (before the parts: their vectors need them)."""
        self.inserts.append(self.pool.submit(lambda: self.opened.result()[0].fit_lexical(self.name, chunks)))

    def insert(self, chunks: list[Chunk], vectors: np.ndarray | None) -> None:
        """Queue one part (runs after the open and the parts before it)."""
        self.inserts.append(self.pool.submit(
            lambda: self.opened.result()[0].insert(self.name, chunks, vectors, flush=False)))

    def finish(self) -> tuple[MilvusStore, Path | None]:
        """Wait for every part, flush, and hand over the store; a failure closes it and is raised."""
        try:
            store, path = self.opened.result()
        finally:
            self.pool.shutdown(wait=True)
        self.handed_over = True  # from here on the caller closes the store, or this method does on failure
        try:
            for done in self.inserts:
                done.result()
            store.flush(self.name)
        except BaseException:
            store.close()
            raise
        return store, path

    def abandon(self) -> None:
        """The run failed before the store was handed over: let queued work end and release the database."""
        self.pool.shutdown(wait=True, cancel_futures=True)
        if not self.handed_over and not self.opened.cancelled() and self.opened.exception() is None:
            self.opened.result()[0].close()


def folder_bytes(path: Path) -> int:
    """Bytes on disk under ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0
