"""Retrieval checks on the user's own documents: every candidate indexed in Milvus and measured, with statistics."""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import re
import resource
import shutil
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np

from knowledge.errors import AdvisorError, InputFileError, LLMUnavailableError, ToolInputError
from knowledge.redact import scrub
from knowledge.settings import DataLayout
from tools.documents.corpus import Corpus, load_corpus
from tools.documents.query_generation import QuerySet, generate_query_set, lexical_overlap
from tools.documents.query_llm import generate_with_llm
from tools.documents.query_sets import lexical_verdict, withhold_lexical_verdicts, write_query_set
from tools.documents.token_windows import Chunk, offsets_function, split_documents, window_size
from tools.encoders.cache import EmbeddingCache
from tools.encoders.candidates import load_encoder
from tools.encoders.models import Encoder
from tools.estimate.milvus_config import hybrid_fusion
from tools.evaluation import metrics as rm
from tools.evaluation.document_runs import doc_runs, hit_depth, latency_ms, per_query_metrics, percentiles_ms
from tools.evaluation.milvus_search import (
    BackgroundIndexer,
    IndexName,
    MilvusStore,
    eval_config,
    folder_bytes,
    is_index_name,
)
from tools.evaluation.report import write_report
from tools.evaluation.transfer import leaderboard_transfer

logger = logging.getLogger(__name__)

LATENCY_QUERIES = 50
SHALLOW_DOCS = 10  # the documents that every metric but Recall@100 and MAP@100 reads
ENCODE_PART = 128  # chunks encoded between hand-overs to the indexer and progress reports (a cancel waits one)
INDEXES = ("FLAT", "HNSW", "IVF_FLAT", "IVF_SQ8")
Progress = Callable[[str, float], None]


@dataclass
class EvalRequest:
    """What to evaluate and where; per-run knobs, passed explicitly."""

    corpus: Path
    models: list[str]
    out_dir: Path
    data_dir: Path
    queries: Path | None = None
    qrels: Path | None = None
    milvus_uri: str | None = None
    milvus_token: str | None = None
    index: str = "FLAT"  # checked against IndexName when the run starts
    overlap: float = 0.125
    n_generated: int = 50
    seed: int = 0
    llm: Any = None
    example_queries: list[str] = field(default_factory=list)
    openai_base_url: str | None = None
    openai_api_key: str | None = None
    keep_index: bool = False  # keep each candidate's Milvus Lite database under data_dir/milvus/<run id>
    device: str | None = None  # torch device for local models: None/auto = a GPU when present
    encode_processes: int | None = None  # CPU processes encoding local models: None/auto = the measured rule
    embeddings_concurrency: int = 4  # batches in flight to an OpenAI-compatible embeddings endpoint
    frontier: bool = False  # measure each dense candidate's quality/memory frontier from the vectors it encoded
    full_corpus_docs: int | None = None  # the user's whole corpus, for the frontier's memory and cost (default: sample)
    strict: bool = False  # an unsupported or unreadable file is an error, not a skipped file
    max_docs: int = 20_000  # a bigger corpus is sampled around the queries (hard negatives kept)


MIN_DOCS = 20
"""Below this many documents any model finds the right one: the check cannot tell models apart."""
MIN_QUERIES = 30
"""Below this many queries the confidence intervals are too wide to separate close models."""


def size_warnings(n_docs: int, n_queries: int) -> list[str]:
    """Plain warnings when a corpus or a query set is too small to tell models apart, with the number needed."""
    warnings = []
    if n_docs < MIN_DOCS:
        warnings.append(f"only {n_docs} document{'s' * (n_docs != 1)}: with so few, every model finds the right one "
                        f"and the figures say little; add at least {MIN_DOCS} (a few hundred for a fair comparison)")
    if n_queries < MIN_QUERIES:
        warnings.append(f"only {n_queries} quer{'ies' if n_queries != 1 else 'y'}: the confidence intervals are too "
                        f"wide to separate close models; at least {MIN_QUERIES} are needed")
    return warnings


def _languages(corpus: Corpus) -> list[str]:
    """The languages that get their own BM25 analyzer, each document's detected on its own (a sample of 500)."""
    from tools.evaluation.tokenizers import analysis_languages, corpus_languages

    return analysis_languages(corpus_languages(list(corpus.docs.values())[:500]))


def _model_languages(model: str) -> set[str] | None:
    """ISO 639-3 codes the catalog lists for ``model`` (None when the model or its languages are unknown)."""
    from knowledge.catalog import default_catalog
    from knowledge.errors import UnknownModelError
    from tools.encoders.models import MINILM_NAME, STATIC_NAME

    try:  # the static model is distilled from MiniLM: the same languages
        return default_catalog().get(MINILM_NAME if model == STATIC_NAME else model).language_codes or None
    except UnknownModelError:
        return None


def _collection_name(spec: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", f"c_{spec}")[:200]


class Evaluation:
    """One evaluation run: candidates share the corpus, the queries and the embedding cache."""

    def __init__(self, request: EvalRequest, progress: Progress | None = None) -> None:
        """Load the corpus and queries (generating queries if none are given)."""
        self.req = request
        self.progress = progress or (lambda message, fraction: None)
        if not is_index_name(request.index):
            raise ToolInputError(f"--index {request.index!r}: use one of {', '.join(INDEXES)}")
        self.index: IndexName = request.index
        if not request.models:
            raise ToolInputError("--models: give at least one candidate, e.g. minilm,bm25")
        if not 0 <= request.overlap <= 0.5:
            raise ToolInputError(f"--overlap {request.overlap}: use a share of the chunk from 0 to 0.5")
        if request.full_corpus_docs is not None and request.full_corpus_docs < 1:
            raise ToolInputError(f"--full-corpus-docs {request.full_corpus_docs}: give the number of documents (>= 1)")
        if request.n_generated < 1:
            raise ToolInputError(f"--n-queries {request.n_generated}: generate at least 1 query")
        self.corpus = load_corpus(request.corpus, request.queries, request.qrels, strict=request.strict)
        self.texts = {d: self.corpus.text(d) for d in self.corpus.docs}  # what every model sees, title included
        self.languages = _languages(self.corpus)
        self.query_info: dict[str, Any] = {"source": "given"}
        self.query_set: QuerySet | None = None
        if not self.corpus.queries:
            self._generate_queries()
        if not self.corpus.qrels:
            skipped = (f"; {len(self.corpus.skipped)} file(s) or row(s) were skipped: "
                       + "; ".join(self.corpus.skipped[:5]) if self.corpus.skipped else "")
            raise InputFileError(f"{request.corpus.name}: no queries could be generated from the corpus{skipped}")
        self.qids = sorted(self.corpus.qrels)
        self.run_id = f"{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}"  # unique across processes
        self.cache = EmbeddingCache(DataLayout(request.data_dir).embedding_cache)
        # Candidates that share a tokenizer share its chunks; a hybrid shares the exact dense search of its model.
        self._chunk_memo: dict[tuple, tuple[list[Chunk], dict[str, int]]] = {}
        self._dense_memo: dict[tuple, dict[str, Any]] = {}
        self.sample_info: dict[str, Any] | None = None
        if len(self.texts) > request.max_docs:
            self._sample()
        self.results: dict[str, Any] = {
            "run": {"id": self.run_id, "corpus": str(request.corpus), "n_docs": len(self.corpus.docs),
                    "n_queries": len(self.qids), "index": request.index, "languages": self.languages,
                    "milvus": request.milvus_uri or "milvus-lite"},
            "queries": self.query_info, "models": {}, "comparisons": [],
            "query_texts": {q: self.corpus.queries[q] for q in self.qids},
            "skipped_files": self.corpus.skipped, "sample": self.sample_info,
            "warnings": size_warnings(len(self.corpus.docs), len(self.qids)),
        }

    def _generate_queries(self) -> None:
        texts = self.texts
        failed = ""
        query_set: QuerySet | None = None
        if self.req.llm is not None:
            try:
                query_set = generate_with_llm(self.req.llm, texts, self.req.n_generated, self.req.example_queries,
                                              self.req.seed)
            except LLMUnavailableError as exc:
                logger.warning("LLM query generation failed, generating offline: %s", exc)
                failed = f" ({exc}; offline queries used instead)"
        if query_set is None:
            query_set = generate_query_set(texts, self.req.n_generated, self.req.seed, self.req.example_queries,
                                           titles=self.corpus.titles)
            query_set.method += failed
        self.query_set = query_set
        # A query taken from a document is matched against the rest of it, as a person's summary would be.
        self.texts.update(query_set.masked)
        queries, qrels = query_set.queries, query_set.qrels
        self.corpus.queries, self.corpus.qrels = queries, qrels
        overlaps = [lexical_overlap(queries[q], self.texts[next(iter(qrels[q]))]) for q in queries]
        self.query_info = {"source": "generated", "method": query_set.method, "n": len(queries),
                           "mean_lexical_overlap": float(np.mean(overlaps)) if overlaps else 0.0,
                           "kinds": dict(sorted(Counter(query_set.kinds.values()).items())),
                           "passages_skipped": dict(query_set.skipped), "examples": [queries[q] for q in
                                                                                   sorted(queries)[:5]]}

    def _sample(self) -> None:
        """Keep the judged documents, each query's BM25 and static-model top documents, and a random share."""
        from tools.documents.sampling import sample_corpus

        dense_top = None
        try:
            static = self._encoder("static")
            ids = list(self.texts)
            vectors = static.encode([self.texts[d] for d in ids], "document")

            def dense_top(questions: list[str], k: int) -> list[list[str]]:
                scores = static.encode(questions, "query") @ vectors.T
                return [[ids[i] for i in np.argsort(-row)[:k]] for row in scores]
        except (AdvisorError, OSError, RuntimeError, ValueError) as exc:
            logger.warning("the static model is not available for hard negatives: %s", exc)
        self.progress(f"sampling {self.req.max_docs:,} of {len(self.texts):,} documents", 0.02)
        sample = sample_corpus(self.texts, self.corpus.queries, self.corpus.qrels, self.req.max_docs, dense_top,
                               self.req.seed)
        self.texts = {d: self.texts[d] for d in sample.doc_ids}
        self.corpus.docs = {d: self.corpus.docs[d] for d in sample.doc_ids}
        self.sample_info = sample.info

    # -- candidates -------------------------------------------------------------------------------------------
    def _store(self, name: str) -> tuple[MilvusStore, Path | None]:
        if self.req.milvus_uri:
            return MilvusStore(self.req.milvus_uri, self.req.milvus_token), None
        path = self._lite_path(name)
        if not self.req.keep_index:  # marks the run folder as this process's: orphaned if the process dies
            path.parent.mkdir(parents=True, exist_ok=True)
            (path.parent / ".pid").write_text(str(os.getpid()), encoding="utf-8")
        return MilvusStore(str(path)), path

    def _lite_path(self, name: str) -> Path:
        """Where a candidate's Milvus Lite database lives: one folder per run under the data directory."""
        return DataLayout(self.req.data_dir).milvus / self.run_id / f"{name}.db"

    def _encoder(self, spec: str) -> Encoder:
        return load_encoder(spec, DataLayout(self.req.data_dir).models, self.cache, self.req.openai_base_url,
                            self.req.openai_api_key, device=self.req.device,
                            concurrency=self.req.embeddings_concurrency, processes=self.req.encode_processes)

    def check_candidate(self, spec: str) -> dict[str, Any]:
        """Index and measure one candidate; the figures are returned (and kept in ``results``).

        Its Milvus Lite database is deleted afterwards (the figures hold what it measured) unless
        ``keep_index`` is set; a Milvus server's collection is left in place.
        """
        try:
            return self._evaluate_candidate(spec)
        finally:
            if not self.req.milvus_uri and not self.req.keep_index:
                path = self._lite_path(_collection_name(spec))
                shutil.rmtree(path, ignore_errors=True)
                with contextlib.suppress(OSError):
                    (path.parent / ".pid").unlink()
                    path.parent.rmdir()  # the run's folder, once empty

    def _evaluate_candidate(self, spec: str) -> dict[str, Any]:
        lexical = spec.lower() == "bm25"
        hybrid = spec.lower().split(":", 1)[0] in ("hybrid", "hybrid-weighted")
        fusion: Literal["rrf", "weighted", "weighted-rrf"] = (
            "weighted" if spec.lower().startswith("hybrid-weighted") else "rrf")
        dense_spec = (spec.split(":", 1)[1] if ":" in spec else "minilm") if hybrid else None if lexical else spec
        encoder = self._encoder(dense_spec) if dense_spec else None
        weights, ranker = (0.7, 0.3), None
        if hybrid and fusion == "rrf" and encoder is not None:  # a dense model out of its languages only breaks ties
            ranker = hybrid_fusion(_model_languages(encoder.name), self.languages)
            if ranker["type"] == "weighted-RRF":
                fusion, weights = "weighted-rrf", (ranker["weights"]["dense"], ranker["weights"]["sparse"])
        name = _collection_name(spec)
        config = eval_config(name, encoder.dims if encoder else None, self.languages, lexical or hybrid,
                             self.index)
        # Milvus opens, and takes each encoded part, on a worker thread while the model chunks and encodes.
        indexer = BackgroundIndexer(lambda: self._store(name), config)
        try:
            offsets, splitter = offsets_function(encoder.handle if encoder else None)
            chunk_tokens = window_size(encoder.max_tokens if encoder else None)
            texts = self.texts
            self.progress(f"{spec}: chunking", 0.05)
            chunk_key = (encoder.cache_key if encoder else None, splitter, chunk_tokens, self.req.overlap)
            if chunk_key not in self._chunk_memo:
                self._chunk_memo[chunk_key] = split_documents(texts, offsets, chunk_tokens, self.req.overlap,
                                                               self.cache, encoder.cache_key if encoder else "")
            chunks, lengths = self._chunk_memo[chunk_key]
            if lexical or hybrid:
                indexer.fit_lexical(chunks)
            window = encoder.max_tokens if encoder else None
            figures: dict[str, Any] = {
                "status": "ok", "model": encoder.name if encoder else "bm25",
                "revision": encoder.revision if encoder else "milvus-bm25",
                "kind": f"hybrid ({fusion})" if hybrid else "bm25" if lexical else "dense",
                **({"fusion": ranker} if ranker else {}),
                "chunk_tokens": chunk_tokens, "chunk_splitter": splitter, "n_chunks": len(chunks),
                "share_truncated_without_chunking":
                    float(np.mean([n > window for n in lengths.values()])) if window else 0.0}
            vectors = self._encode_parts(spec, encoder, chunks, lengths, figures, indexer) if encoder else None
            if encoder is None:
                indexer.insert(chunks, None)
            self.progress(f"{spec}: indexing in Milvus", 0.6)
            store, path = indexer.finish()
        except BaseException:
            indexer.abandon()
            raise
        try:
            questions = [self.corpus.queries[q] for q in self.qids]
            self.progress(f"{spec}: timing {min(LATENCY_QUERIES, len(questions))} single queries", 0.7)
            params = config.search_params.get("dense", {})
            limit = hit_depth(len(chunks), len(texts))
            # The latency sample encodes its queries one by one; those vectors serve the results too.
            latency, sampled = self._query_latency(store, name, encoder, params, lexical, hybrid, questions)
            self.progress(f"{spec}: searching {len(questions)} queries", 0.8)
            qvecs = None
            batch: dict[str, Any] = {"queries_encoded": 0, "encode_s": 0.0, "queries_searched": 0, "search_s": 0.0}
            if encoder is not None:
                started = time.perf_counter()
                rest = encoder.encode(questions[len(sampled):], "query") if len(sampled) < len(questions) else None
                batch.update(queries_encoded=len(questions) - len(sampled), encode_s=time.perf_counter() - started)
                qvecs = np.vstack([v for v in (sampled, rest) if v is not None and len(v)])
            # An exact dense search (FLAT) of the same model's vectors of the same chunks, for the same query vectors,
            # returns the same hits in any collection: the hybrid reuses the dense candidate's instead of searching.
            memo = (self._dense_memo.setdefault(chunk_key, {"qvecs": qvecs, "hits": {}})
                    if encoder is not None and qvecs is not None and self.index == "FLAT" else None)
            if memo is not None and qvecs is not None and not np.array_equal(memo["qvecs"], qvecs):
                memo = None

            def search(rows: list[int], depth: int) -> list[list[tuple]]:
                asked = [questions[i] for i in rows]
                started = time.perf_counter()
                try:
                    if lexical:
                        return store.search_bm25(name, asked, depth)
                    assert qvecs is not None  # dense and hybrid candidates have an encoder
                    if hybrid:
                        dense = None
                        if memo is not None and (store.is_lite or fusion == "weighted-rrf"):  # fused here
                            known = memo["hits"]
                            missing = [i for i in rows if (i, depth) not in known]
                            if missing:
                                found = store.search_dense(name, qvecs[missing], depth, params)
                                known.update({(i, depth): row for i, row in zip(missing, found, strict=True)})
                            dense = [known[(i, depth)] for i in rows]
                        return store.search_hybrid(name, qvecs[rows], asked, depth, params, fusion=fusion,
                                                   weights=weights, dense=dense)
                    hits = store.search_dense(name, qvecs[rows], depth, params)
                    if memo is not None:
                        memo["hits"].update({(i, depth): row for i, row in zip(rows, hits, strict=True)})
                    return hits
                finally:
                    batch["queries_searched"] += len(rows)
                    batch["search_s"] += time.perf_counter() - started

            # Exact searches (FLAT, BM25) rank a shallow result as a prefix of a deep one; fusion and ANN do not.
            exact = not hybrid and (lexical or self.index == "FLAT")
            runs, figures["search_depth"] = self._document_runs(search, limit,
                                                                len(chunks) / len(texts) if exact else None)
            per_query = per_query_metrics(runs, self.corpus.qrels)
            figures["metrics"] = rm.summarise({q: {k: v[k] for k in rm.METRIC_NAMES} for q, v in per_query.items()},
                                              self.req.seed)
            figures["per_query"] = per_query
            figures["latency"] = latency
            figures["batched"] = batched_figures(batch)
            if encoder is not None and vectors is not None and qvecs is not None and self.index != "FLAT":
                figures["ann"] = self._ann_check(store, name, chunks, vectors, qvecs, encoder.dims)
            if lexical or hybrid:
                figures["lexical"] = store.lexical_plan(name, self.languages)
            if self.req.frontier and encoder is not None and vectors is not None and qvecs is not None and not hybrid:
                self.progress(f"{spec}: measuring the quality/memory frontier", 0.9)
                figures["frontier"] = self._frontier(store, name, encoder, chunks, vectors, qvecs, limit)
            figures["index_bytes_on_disk"] = folder_bytes(path) if path else None
            figures["raw_vector_bytes"] = int(vectors.nbytes) if vectors is not None else 0
        finally:
            store.close()
        figures["peak_memory_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return figures

    def _document_runs(self, search: Callable[[list[int], int], list[list[tuple]]], depth: int,
                       chunks_per_doc: float | None) -> tuple[dict[str, dict[str, float]], dict[str, int]]:
        """Every query's document ranking, searched shallow first where the search is exact.

        Every metric but Recall@100 and MAP@100 reads only the top 10 documents, and those two only the ranks
        of the relevant documents. A document missing from an exact shallow result ranks below every document
        in it (its best chunk is deeper), so the shallow ranking is a prefix of the deep one: a query with 10
        documents there, its relevant ones among them, has all its metrics decided. Only the others are searched
        to ``depth`` (Milvus Lite's search time grows with the hits it returns). The metrics are the same.
        """
        rows = list(range(len(self.qids)))
        shallow = math.ceil(SHALLOW_DOCS * 1.2 * chunks_per_doc) if chunks_per_doc else depth
        if shallow >= depth:
            return doc_runs(search(rows, depth), self.qids), {"hits_per_query": depth, "queries": len(rows)}
        runs = doc_runs(search(rows, shallow), self.qids)
        wanted = min(SHALLOW_DOCS, len(self.texts))
        deeper = [i for i, q in enumerate(self.qids) if len(runs[q]) < wanted
                  or any(g > 0 and d not in runs[q] for d, g in self.corpus.qrels[q].items())]
        if deeper:
            qids = [self.qids[i] for i in deeper]
            runs.update(doc_runs(search(deeper, depth), qids))
        return runs, {"shallow_hits_per_query": shallow, "hits_per_query": depth, "queries_searched_deep": len(deeper),
                      "queries": len(rows)}

    def _encode_parts(self, spec: str, encoder: Encoder, chunks: list[Chunk], lengths: dict[str, int],
                      figures: dict[str, Any], indexer: BackgroundIndexer) -> np.ndarray:
        """Encode the chunks part by part, handing each part to the indexer; the encoding figures go in ``figures``."""
        encoder.plan([c.text for c in chunks])  # a large encode may start a multi-process CPU pool
        before = dict(encoder.stats)
        vectors = np.zeros((len(chunks), encoder.dims), dtype=np.float32)
        # Parts of similar length: the encoder batches each part by tokens, and a part of mixed lengths would
        # leave more padding in its batches (2,000 mixed chunks: 3.4% padded tokens in random parts, 1% here).
        order = sorted(range(len(chunks)), key=lambda i: -len(chunks[i].text))
        for start in range(0, len(chunks), ENCODE_PART):
            self.progress(f"{spec}: encoding {start}/{len(chunks)} chunks", 0.1 + 0.5 * start / len(chunks))
            rows = order[start : start + ENCODE_PART]
            part = [chunks[i] for i in rows]
            vectors[rows] = encoder.encode([c.text for c in part], "document")
            indexer.insert(part, vectors[rows])
        seconds = encoder.stats["encode_seconds"] - before["encode_seconds"]
        encoded = encoder.stats["encoded"] - before["encoded"]
        complete = bool(seconds) and encoded == len(chunks)
        figures["encoding"] = {"seconds": seconds, "encoded": int(encoded), "from_cache": len(chunks) - encoded,
                               "docs_per_s": len(self.texts) / seconds if complete else None,
                               "tokens_per_s": sum(lengths.values()) / seconds if complete else None}
        return vectors

    def _query_latency(self, store: MilvusStore, name: str, encoder: Encoder | None, params: dict, lexical: bool,
                       hybrid: bool, questions: list[str]) -> tuple[dict[str, Any], np.ndarray]:
        """p50/p95 of single queries: encode + search, and each part alone; and the vectors of the queries encoded.

        ``encode`` is the query's embedding (None for BM25: Milvus tokenizes the text inside the search), ``search``
        Milvus' answer; the top-level p50/p95 are of their sum per query.
        """
        n = min(LATENCY_QUERIES, len(questions))
        vectors = np.zeros((n if encoder is not None else 0, encoder.dims if encoder else 0), dtype=np.float32)
        encode_ms: list[float] = []
        search_ms: list[float] = []

        def one(i: int) -> None:
            text = questions[i]
            vec = None
            if encoder is not None:
                start = time.perf_counter()
                vec = np.asarray(encoder.encode_fn([encoder.query_prefix + text]), dtype=np.float32)
                vec /= np.linalg.norm(vec, axis=1, keepdims=True)
                encode_ms.append((time.perf_counter() - start) * 1000)
                vectors[i] = vec[0]
            start = time.perf_counter()
            if lexical:
                store.search_bm25(name, [text], 10)
            elif vec is None:
                raise AssertionError("dense and hybrid candidates have an encoder")
            elif hybrid:
                store.search_hybrid(name, vec, [text], 10, params)
            else:
                store.search_dense(name, vec, 10, params)
            search_ms.append((time.perf_counter() - start) * 1000)

        latency: dict[str, Any] = latency_ms(one, n)
        latency["encode"] = percentiles_ms(encode_ms) if encoder is not None else None
        latency["search"] = percentiles_ms(search_ms)
        return latency, vectors

    def _ann_check(self, store: MilvusStore, name: str, chunks: list[Chunk], vectors: np.ndarray, qvecs: np.ndarray,
                   dims: int) -> dict[str, Any]:
        """Recall of the ANN index against exact search on the same vectors, and the latency it buys."""
        exact = np.argsort(-(qvecs @ vectors.T), axis=1)[:, :10]
        index_params = eval_config(name, dims, self.languages, False, self.index).search_params["dense"]
        ann, ann_ms = store.timed(store.search_dense, name, qvecs, 10, index_params)
        ids = {c.chunk_id: i for i, c in enumerate(chunks)}
        recall = np.mean([len({ids[h[0]] for h in row} & set(exact[i])) / 10 for i, row in enumerate(ann)])
        flat = f"{name}_flat"
        store.create(eval_config(flat, dims, self.languages, False, "FLAT"))
        store.insert(flat, chunks, vectors)
        _, flat_ms = store.timed(store.search_dense, flat, qvecs, 10, {})
        return {"index": self.index, "recall_at_10_vs_flat": float(recall),
                "recall_lost": float(1 - recall), "batch_search_ms": ann_ms, "flat_batch_search_ms": flat_ms,
                "latency_gained_ms": flat_ms - ann_ms}

    def _frontier(self, store: MilvusStore, name: str, encoder: Encoder, chunks: list[Chunk], vectors: np.ndarray,
                  qvecs: np.ndarray, depth: int) -> dict[str, Any]:
        """The quality/memory frontier of this candidate's vectors (encoded once, reused here)."""
        from tools.evaluation.frontier import FrontierData, matryoshka_dims, measure_frontier

        start = time.perf_counter()
        docs = self.req.full_corpus_docs or len(self.texts)
        data = FrontierData(vectors=vectors, queries=qvecs, chunk_docs=[c.doc_id for c in chunks],
                            chunk_ids=[c.chunk_id for c in chunks], qids=self.qids, qrels=self.corpus.qrels,
                            depth=depth, full_vectors=max(1, round(len(chunks) * docs / len(self.texts))),
                            matryoshka_dims=matryoshka_dims(encoder.name), seed=self.req.seed)
        return {**measure_frontier(data, store, name), "seconds": time.perf_counter() - start}

    # -- the whole run ----------------------------------------------------------------------------------------
    def run(self) -> dict[str, Any]:
        """Evaluate every candidate in turn; results are written after each one, and a failure loses nothing."""
        self.req.out_dir.mkdir(parents=True, exist_ok=True)
        if self.query_set is not None:
            folder = write_query_set(self.req.out_dir / "generated-queries", self.query_set, self.texts,
                                     self.corpus.titles)
            self.query_info["written_to"] = str(folder)
        for spec in self.req.models:
            try:
                figures = self.check_candidate(spec)
            except (AdvisorError, OSError, RuntimeError, ValueError) as exc:
                logger.warning("candidate %s failed: %s", spec, exc)
                figures = {"status": "error", "error": scrub(f"{type(exc).__name__}: {exc}", [self.req.data_dir])}
            self.results["models"][spec] = figures
            self._write()
        self._chunk_memo.clear()
        self._dense_memo.clear()
        self._estimate_full_corpus()
        self._compare()
        self._difficulty()
        self._transfer()
        self._write()
        self.cache.close()
        return self.results

    def _estimate_full_corpus(self) -> None:
        """On a sample, each candidate's nDCG@10 scaled by what BM25 loses from the sample to the full corpus."""
        if not self.sample_info:
            return
        factor = self.sample_info["full_corpus_factor"]
        for figures in self.results["models"].values():
            if figures.get("status") == "ok":
                figures["ndcg_at_10_full_corpus_estimate"] = min(1.0, figures["metrics"]["ndcg_at_10"]["mean"] * factor)

    def _compare(self) -> None:
        ok = {s: f for s, f in self.results["models"].items() if f["status"] == "ok"}
        ranked = sorted(ok, key=lambda s: -ok[s]["metrics"]["ndcg_at_10"]["mean"])
        for i, a in enumerate(ranked):
            for b in ranked[i + 1:]:
                comp = rm.paired_comparison(ok[a]["per_query"], ok[b]["per_query"], seed=self.req.seed)
                comp["sentence"] = rm.comparison_sentence(a, b, comp)
                self.results["comparisons"].append({"a": a, "b": b, **comp})

    def _transfer(self) -> None:
        """How the published ranking of the candidates compares with the ranking measured here."""
        measured = {f["model"]: f["metrics"]["ndcg_at_10"]["mean"] for f in self.results["models"].values()
                    if f.get("status") == "ok" and f["kind"] == "dense"}
        benchmark = "MTEB(cmn, v1)" if self.languages == ["zho"] else "MTEB(eng, v2)"
        self.results["transfer"] = leaderboard_transfer(measured, benchmark=benchmark) if measured else None

    def _difficulty(self) -> None:
        info = self.results["queries"]
        bm25 = self.results["models"].get("bm25")
        if bm25 and bm25["status"] == "ok":
            info["bm25_recall_at_10"] = bm25["metrics"]["recall_at_10"]["mean"]
            info["bm25_ndcg_at_10"] = bm25["metrics"]["ndcg_at_10"]["mean"]
        if "mean_lexical_overlap" not in info:
            overlaps = [lexical_overlap(self.corpus.queries[q], self.texts[next(iter(self.corpus.qrels[q]))])
                        for q in self.qids]
            info["mean_lexical_overlap"] = float(np.mean(overlaps)) if overlaps else 0.0
        withhold_lexical_verdicts(info, self.results["models"], self.results["comparisons"])
        info["verdict"] = lexical_verdict(info, self.results["models"], self.results["comparisons"])

    def _write(self) -> None:
        target = self.req.out_dir / "results.json"
        tmp = target.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(self.results, indent=1, ensure_ascii=False, default=float), encoding="utf-8")
        tmp.replace(target)


def run_retrieval_check(request: EvalRequest, progress: Progress | None = None) -> dict[str, Any]:
    """Run an evaluation and write results.json, report.md and the plots into ``request.out_dir``."""
    results = Evaluation(request, progress).run()
    write_report(results, request.out_dir)
    return results


def batched_figures(batch: dict[str, Any]) -> dict[str, Any]:
    """The all-queries pass in batches: query encoding and search, each in ms per query (None where not done)."""
    def per_query(seconds: float, n: int) -> float | None:
        return seconds * 1000 / n if n else None

    return {"queries_encoded": batch["queries_encoded"], "queries_searched": batch["queries_searched"],
            "encode_ms_per_query": per_query(batch["encode_s"], batch["queries_encoded"]),
            "search_ms_per_query": per_query(batch["search_s"], batch["queries_searched"]),
            "encode_s": round(batch["encode_s"], 4), "search_s": round(batch["search_s"], 4)}


def summarise_results(results: dict[str, Any]) -> dict[str, Any]:
    """A bounded summary for an LLM or a chat reply: means, intervals, latency, comparisons (no per-query rows)."""
    models = {}
    for spec, f in results["models"].items():
        if f.get("status") != "ok":
            models[spec] = {"status": "error", "error": f.get("error")}
            continue
        m = f["metrics"]
        models[spec] = {"status": "ok", "ndcg_at_10": m["ndcg_at_10"], "recall_at_10": m["recall_at_10"]["mean"],
                        "mrr_at_10": m["mrr_at_10"]["mean"], "latency_p95_ms": f["latency"]["p95_ms"],
                        "query_encode_p95_ms": (f["latency"].get("encode") or {}).get("p95_ms"),
                        "search_p95_ms": (f["latency"].get("search") or {}).get("p95_ms"),
                        "n_chunks": f["n_chunks"]}
    return {"run": results["run"], "queries": results["queries"], "models": models,
            "comparisons": [c["sentence"] for c in results.get("comparisons", [])]}
