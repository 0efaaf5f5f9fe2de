"""Retrieval checks on the user's own documents: every candidate indexed in Milvus and measured, with statistics."""

from __future__ import annotations

import json
import logging
import math
import re
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.errors import AdvisorError, InputFileError, ToolInputError
from tools import retrieval_metrics as rm
from tools.corpus import Corpus, load_corpus, require_uploaded
from tools.embedding_cache import EmbeddingCache
from tools.encoders import Encoder, load_encoder
from tools.milvus_search import MilvusStore, eval_config, folder_bytes
from tools.query_gen import generate_offline, generate_with_llm, lexical_overlap
from tools.text_chunks import Chunk, offsets_function, split_documents, window_size

logger = logging.getLogger(__name__)

MAX_CHUNK_HITS = 300  # chunks fetched per query before collapsing to documents
DOC_DEPTH = 100
LATENCY_QUERIES = 50
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
    index: str = "FLAT"
    overlap: float = 0.125
    n_generated: int = 50
    seed: int = 0
    llm: Any = None
    example_queries: list[str] = field(default_factory=list)
    openai_base_url: str | None = None
    openai_api_key: str | None = None


def _languages(corpus: Corpus) -> list[str]:
    sample = "".join(list(corpus.docs.values())[:200])[:200_000]
    cjk = len(re.findall(r"[\u3400-\u9fff]", sample))
    return ["zho"] if cjk > 0.2 * max(1, len(sample)) else ["eng"]


def _doc_runs(hits: list[list[tuple]], qids: list[str]) -> dict[str, dict[str, float]]:
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


def _per_query(runs: dict[str, dict[str, float]], qrels: dict[str, dict[str, int]]) -> dict[str, Any]:
    metrics = rm.evaluate_runs(runs, qrels)
    out = {}
    for qid, values in metrics.items():
        ranking = rm.rank(runs.get(qid, {}))
        first = next((i + 1 for i, d in enumerate(ranking) if d in qrels[qid]), None)
        out[qid] = {**values, "top10": ranking[:10], "first_relevant_rank": first}
    return out


def _latency(fn: Callable[[int], Any], n: int) -> dict[str, float]:
    times = []
    for i in range(n):
        start = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - start) * 1000)
    if not times:
        return {"p50_ms": 0.0, "p95_ms": 0.0, "n": 0}
    return {"p50_ms": float(np.percentile(times, 50)), "p95_ms": float(np.percentile(times, 95)), "n": len(times)}


class Evaluation:
    """One evaluation run: candidates share the corpus, the queries and the embedding cache."""

    def __init__(self, request: EvalRequest, progress: Progress | None = None) -> None:
        """Load the corpus and queries (generating queries if none are given)."""
        self.req = request
        self.progress = progress or (lambda message, fraction: None)
        if request.index not in INDEXES:
            raise ToolInputError(f"--index {request.index!r}: use one of {', '.join(INDEXES)}")
        self.corpus = load_corpus(request.corpus, request.queries, request.qrels)
        self.texts = {d: self.corpus.text(d) for d in self.corpus.docs}  # what every model sees, title included
        self.languages = _languages(self.corpus)
        self.query_info: dict[str, Any] = {"source": "given"}
        if not self.corpus.queries:
            self._generate_queries()
        if not self.corpus.qrels:
            raise InputFileError(f"{request.corpus}: no queries could be generated from the corpus")
        self.qids = sorted(self.corpus.qrels)
        self.run_id = time.strftime("%Y%m%d-%H%M%S")
        self.cache = EmbeddingCache(request.data_dir / "cache" / "embeddings.sqlite")
        self.results: dict[str, Any] = {
            "run": {"id": self.run_id, "corpus": str(request.corpus), "n_docs": len(self.corpus.docs),
                    "n_queries": len(self.qids), "index": request.index, "languages": self.languages,
                    "milvus": request.milvus_uri or "milvus-lite"},
            "queries": self.query_info, "models": {}, "comparisons": [],
        }

    def _generate_queries(self) -> None:
        texts = self.texts
        if self.req.llm is not None:
            queries, qrels = generate_with_llm(self.req.llm, texts, self.req.n_generated, self.req.example_queries,
                                               self.req.seed)
            method = "LLM-written questions (document quoted as data; verbatim copies rejected)"
        else:
            queries, qrels = generate_offline(texts, self.req.n_generated, self.req.seed)
            method = "offline: salient-term keyword queries and templated questions (no LLM)"
        self.corpus.queries, self.corpus.qrels = queries, qrels
        overlaps = [lexical_overlap(queries[q], texts[next(iter(qrels[q]))]) for q in queries]
        self.query_info = {"source": "generated", "method": method, "n": len(queries),
                           "mean_lexical_overlap": float(np.mean(overlaps)) if overlaps else 0.0}

    # -- candidates -------------------------------------------------------------------------------------------
    def _store(self, name: str) -> tuple[MilvusStore, Path | None]:
        if self.req.milvus_uri:
            return MilvusStore(self.req.milvus_uri, self.req.milvus_token), None
        path = self.req.data_dir / "milvus" / self.run_id / f"{name}.db"
        return MilvusStore(str(path)), path

    def _encoder(self, spec: str) -> Encoder:
        return load_encoder(spec, self.req.data_dir / "models", self.cache, self.req.openai_base_url,
                            self.req.openai_api_key)

    def evaluate_candidate(self, spec: str) -> dict[str, Any]:
        """Index and measure one candidate; the figures are returned (and kept in ``results``)."""
        lexical = spec.lower() == "bm25"
        hybrid = spec.lower().split(":", 1)[0] in ("hybrid", "hybrid-weighted")
        fusion = "weighted" if spec.lower().startswith("hybrid-weighted") else "rrf"
        dense_spec = (spec.split(":", 1)[1] if ":" in spec else "minilm") if hybrid else None if lexical else spec
        encoder = self._encoder(dense_spec) if dense_spec else None
        offsets, splitter = offsets_function(encoder.handle if encoder else None)
        chunk_tokens = window_size(encoder.max_tokens if encoder else None)
        texts = self.texts
        self.progress(f"{spec}: chunking", 0.05)
        chunks, lengths = split_documents(texts, offsets, chunk_tokens, self.req.overlap)
        window = encoder.max_tokens if encoder else None
        figures: dict[str, Any] = {"status": "ok", "model": encoder.name if encoder else "bm25",
                                   "revision": encoder.revision if encoder else "milvus-bm25",
                                   "kind": f"hybrid ({fusion})" if hybrid else "bm25" if lexical else "dense",
                                   "chunk_tokens": chunk_tokens, "chunk_splitter": splitter, "n_chunks": len(chunks),
                                   "share_truncated_without_chunking":
                                       float(np.mean([n > window for n in lengths.values()])) if window else 0.0}
        vectors = None
        if encoder is not None:
            self.progress(f"{spec}: encoding {len(chunks)} chunks", 0.1)
            before = dict(encoder.stats)
            vectors = encoder.encode([c.text for c in chunks], "document")
            seconds = encoder.stats["encode_seconds"] - before["encode_seconds"]
            encoded = encoder.stats["encoded"] - before["encoded"]
            n_tokens = sum(lengths.values())
            figures["encoding"] = {"seconds": seconds, "encoded": int(encoded), "from_cache": len(chunks) - encoded,
                                   "docs_per_s": len(texts) / seconds if seconds and encoded == len(chunks) else None,
                                   "tokens_per_s": n_tokens / seconds if seconds and encoded == len(chunks) else None}
        name = re.sub(r"[^A-Za-z0-9_]", "_", f"c_{spec}")[:200]
        store, path = self._store(name)
        try:
            self.progress(f"{spec}: indexing in Milvus", 0.6)
            config = eval_config(name, encoder.dims if encoder else None, self.languages, lexical or hybrid,
                                 self.req.index)
            store.create(config)
            store.insert(name, chunks, vectors)
            questions = [self.corpus.queries[q] for q in self.qids]
            self.progress(f"{spec}: searching {len(questions)} queries", 0.8)
            params = config.search_params.get("dense", {})
            # Enough chunk hits for DOC_DEPTH documents at this corpus' chunks per document, and a margin.
            limit = min(MAX_CHUNK_HITS, max(DOC_DEPTH, math.ceil(DOC_DEPTH * 1.2 * len(chunks) / len(texts))))
            # The latency sample encodes its queries one by one; those vectors serve the results too.
            latency, sampled = self._query_latency(store, name, encoder, params, lexical, hybrid, questions)
            qvecs = None
            if encoder is not None:
                rest = encoder.encode(questions[len(sampled):], "query") if len(sampled) < len(questions) else None
                qvecs = np.vstack([v for v in (sampled, rest) if v is not None and len(v)])
            if hybrid:
                hits = store.search_hybrid(name, qvecs, questions, limit, params, fusion=fusion)
            elif lexical:
                hits = store.search_bm25(name, questions, limit)
            else:
                hits = store.search_dense(name, qvecs, limit, params)
            per_query = _per_query(_doc_runs(hits, self.qids), self.corpus.qrels)
            figures["metrics"] = rm.summarise({q: {k: v[k] for k in rm.METRIC_NAMES} for q, v in per_query.items()},
                                              self.req.seed)
            figures["per_query"] = per_query
            figures["latency"] = latency
            if encoder is not None and self.req.index != "FLAT":
                figures["ann"] = self._ann_check(store, name, chunks, vectors, qvecs, encoder.dims)
            figures["index_bytes_on_disk"] = folder_bytes(path) if path else None
            figures["raw_vector_bytes"] = int(vectors.nbytes) if vectors is not None else 0
        finally:
            store.close()
        figures["peak_memory_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return figures

    def _query_latency(self, store: MilvusStore, name: str, encoder: Encoder | None, params: dict, lexical: bool,
                       hybrid: bool, questions: list[str]) -> tuple[dict[str, float], np.ndarray]:
        """p50/p95 of encode + search for single queries, and the vectors of the queries it encoded."""
        n = min(LATENCY_QUERIES, len(questions))
        vectors = np.zeros((n if encoder is not None else 0, encoder.dims if encoder else 0), dtype=np.float32)

        def one(i: int) -> None:
            text = questions[i]
            vec = None
            if encoder is not None:
                vec = np.asarray(encoder.encode_fn([encoder.query_prefix + text]), dtype=np.float32)
                vec /= np.linalg.norm(vec, axis=1, keepdims=True)
                vectors[i] = vec[0]
            if hybrid:
                store.search_hybrid(name, vec, [text], 10, params)
            elif lexical:
                store.search_bm25(name, [text], 10)
            else:
                store.search_dense(name, vec, 10, params)

        return _latency(one, n), vectors

    def _ann_check(self, store: MilvusStore, name: str, chunks: list[Chunk], vectors: np.ndarray, qvecs: np.ndarray,
                   dims: int) -> dict[str, Any]:
        """Recall of the ANN index against exact search on the same vectors, and the latency it buys."""
        exact = np.argsort(-(qvecs @ vectors.T), axis=1)[:, :10]
        index_params = eval_config(name, dims, self.languages, False, self.req.index).search_params["dense"]
        ann, ann_ms = store.timed(store.search_dense, name, qvecs, 10, index_params)
        ids = {c.chunk_id: i for i, c in enumerate(chunks)}
        recall = np.mean([len({ids[h[0]] for h in row} & set(exact[i])) / 10 for i, row in enumerate(ann)])
        flat = f"{name}_flat"
        store.create(eval_config(flat, dims, self.languages, False, "FLAT"))
        store.insert(flat, chunks, vectors)
        _, flat_ms = store.timed(store.search_dense, flat, qvecs, 10, {})
        return {"index": self.req.index, "recall_at_10_vs_flat": float(recall),
                "recall_lost": float(1 - recall), "batch_search_ms": ann_ms, "flat_batch_search_ms": flat_ms,
                "latency_gained_ms": flat_ms - ann_ms}

    # -- the whole run ----------------------------------------------------------------------------------------
    def run(self) -> dict[str, Any]:
        """Evaluate every candidate in turn; results are written after each one, and a failure loses nothing."""
        self.req.out_dir.mkdir(parents=True, exist_ok=True)
        for spec in self.req.models:
            try:
                figures = self.evaluate_candidate(spec)
            except (AdvisorError, OSError, RuntimeError, ValueError) as exc:
                logger.warning("candidate %s failed: %s", spec, exc)
                figures = {"status": "error", "error": f"{type(exc).__name__}: {exc}"}
            self.results["models"][spec] = figures
            self._write()
        self._compare()
        self._difficulty()
        self._transfer()
        self._write()
        self.cache.close()
        return self.results

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
        from tools.quick_mteb import leaderboard_transfer

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

    def _write(self) -> None:
        target = self.req.out_dir / "results.json"
        tmp = target.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(self.results, indent=1, ensure_ascii=False, default=float), encoding="utf-8")
        tmp.replace(target)


def evaluate(request: EvalRequest, progress: Progress | None = None) -> dict[str, Any]:
    """Run an evaluation and write results.json, report.md and the plots into ``request.out_dir``."""
    from tools.eval_report import write_report

    results = Evaluation(request, progress).run()
    write_report(results, request.out_dir)
    return results


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
                        "n_chunks": f["n_chunks"]}
    return {"run": results["run"], "queries": results["queries"], "models": models,
            "comparisons": [c["sentence"] for c in results.get("comparisons", [])]}


def evaluation_tool(data_dir: Path, allowed_roots: list[Path], out_root: Path) -> Callable[..., dict[str, Any]]:
    """Build the agent's evaluation tool, bound to a data directory and the folders it may read corpora from."""
    def evaluate_documents(corpus_path: str, models: list[str] | None = None, queries_path: str | None = None,
                           qrels_path: str | None = None) -> dict[str, Any]:
        """Measure candidate embedding models on the user's own documents (indexed in Milvus).

        Reports nDCG@10 with a 95% confidence interval, recall@10, MRR@10 and query latency per model, and
        whether the differences between models are significant. Without queries, queries are generated.

        Args:
            corpus_path: the uploaded corpus (a folder or file the user provided).
            models: candidates: "minilm", "static", "bm25", "hybrid", "openai:<model>" or a model name.
            queries_path: optional queries file (.jsonl/.csv with id and text).
            qrels_path: optional relevance judgements (.tsv: query-id, corpus-id, score).
        """
        paths = [require_uploaded(p, allowed_roots) for p in (corpus_path, queries_path, qrels_path) if p]
        out = out_root / time.strftime("%Y%m%d-%H%M%S")
        request = EvalRequest(corpus=paths[0], models=models or ["minilm", "static", "bm25", "hybrid"], out_dir=out,
                              data_dir=data_dir, queries=Path(queries_path) if queries_path else None,
                              qrels=Path(qrels_path) if qrels_path else None)
        return {**summarise_results(evaluate(request)), "report": str(out / "report.md")}

    return evaluate_documents
