"""The frontier as the agent's tool: one model's quality/memory points on the user's documents, bounded for an LLM."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from knowledge.errors import ToolInputError
from tools.documents.uploads import require_uploaded


def summarise_frontier(frontier: dict[str, Any]) -> list[dict[str, Any]]:
    """One short row per point: quality with intervals where measured, footprint, cost, Pareto flag, status."""
    rows = []
    for p in frontier["points"]:
        row: dict[str, Any] = {"point": p["label"], "where": p["where"], "status": p["status"],
                               "memory_gib": None if p["memory_bytes"] is None else round(p["memory_bytes"] / 2**30, 3),
                               "monthly_usd": p["monthly_usd"], "pareto": p["pareto"]}
        if "ndcg_at_10" in p:
            row["ndcg_at_10"] = round(p["ndcg_at_10"]["mean"], 4)
            row["ndcg_ci95"] = [round(x, 4) for x in p["ndcg_at_10"]["ci95"]]
            row["recall_at_10_vs_float32"] = round(p["recall_at_10_vs_exact"]["mean"], 4)
        rows.append(row)
    return rows


def frontier_tool(data_dir: Path, allowed_roots: list[Path], out_root: Path) -> Callable[..., dict[str, Any]]:
    """Build the agent's frontier tool, bound to a data directory and the folders it may read corpora from."""
    def measure_vector_frontier(corpus_path: str, model: str = "minilm", full_corpus_docs: int | None = None,
                                queries_path: str | None = None, qrels_path: str | None = None) -> dict[str, Any]:
        """Measure how much quality a model keeps on the user's documents as its vectors shrink, in Milvus.

        Encodes the documents once, then scores float32, float16, int8 and binary vectors (binary also with a
        float32 re-score), Matryoshka dimensions where the model was trained for them, and the Milvus Lite index
        types (FLAT, HNSW, HNSW_SQ, IVF_FLAT, IVF_SQ8): nDCG@10 and recall@10 against exact float32 search with 95%
        intervals, memory, disk and monthly cost for the full corpus, the Pareto points marked. Server-only
        options (IVF_PQ, IVF_RABITQ, DISKANN, INT8/BINARY fields) are listed as not measured.

        Args:
            corpus_path: the uploaded corpus (a folder or file the user provided).
            model: one dense candidate: "minilm", "static", "openai:<model>" or a model name.
            full_corpus_docs: documents in the user's whole corpus (memory and cost are for this size).
            queries_path: optional queries file (.jsonl/.csv with id and text).
            qrels_path: optional relevance judgements (.tsv: query-id, corpus-id, score).
        """
        from tools.evaluation.retrieval_check import EvalRequest, run_retrieval_check

        if model.lower() == "bm25" or model.lower().startswith("hybrid"):
            raise ToolInputError(f"model {model!r}: the frontier is about dense vectors; name one dense model")
        paths = [require_uploaded(p, allowed_roots) for p in (corpus_path, queries_path, qrels_path) if p]
        out = out_root / time.strftime("%Y%m%d-%H%M%S")
        request = EvalRequest(corpus=paths[0], models=[model], out_dir=out, data_dir=data_dir,
                              queries=Path(queries_path) if queries_path else None,
                              qrels=Path(qrels_path) if qrels_path else None, frontier=True,
                              full_corpus_docs=full_corpus_docs)
        figures = run_retrieval_check(request)["models"][model]
        if figures.get("status") != "ok":
            return {"model": model, "status": "error", "error": figures.get("error")}
        frontier = figures["frontier"]
        return {"model": model, "status": "ok", "full_corpus_vectors": frontier["full_corpus_vectors"],
                "points": summarise_frontier(frontier), "report": str(out / "report.md")}

    return measure_vector_frontier
