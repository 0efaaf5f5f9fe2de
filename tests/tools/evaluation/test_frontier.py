"""The quality/memory frontier: client-side exact search per vector type, and every Lite index type in Milvus Lite."""

from __future__ import annotations

import numpy as np
import pytest

from knowledge.errors import ToolInputError
from tools.evaluation.frontier import (
    LITE_INDEXES,
    SERVER_ONLY_LABEL,
    FrontierData,
    binary_codes,
    hamming_scores,
    int8_quantize,
    int8_scale,
    measure_frontier,
)


def known_corpus(n_docs: int = 600, chunks_per_doc: int = 2, n_queries: int = 60, dims: int = 64,
                 seed: int = 7) -> FrontierData:
    """Clustered unit vectors (so near neighbours are close calls); each query is a noisy copy of one chunk."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(20, dims))
    vectors = centres[rng.integers(0, 20, n_docs * chunks_per_doc)] + 0.6 * rng.normal(size=(n_docs * chunks_per_doc,
                                                                                             dims))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    targets = rng.choice(len(vectors), n_queries, replace=False)
    queries = vectors[targets] + 0.08 * rng.normal(size=(n_queries, dims)).astype(np.float32)
    queries = (queries / np.linalg.norm(queries, axis=1, keepdims=True)).astype(np.float32)
    docs = [f"d{i // chunks_per_doc}" for i in range(len(vectors))]
    qids = [f"q{i}" for i in range(n_queries)]
    return FrontierData(vectors=vectors, queries=queries, chunk_docs=docs,
                        chunk_ids=[f"{d}::{i % chunks_per_doc}" for i, d in enumerate(docs)], qids=qids,
                        qrels={q: {docs[t]: 1} for q, t in zip(qids, targets, strict=True)}, depth=40,
                        full_vectors=1_000_000, matryoshka_dims=[32, 16])


@pytest.fixture(scope="module")
def client_frontier() -> dict:
    return measure_frontier(known_corpus())


def _point(result: dict, label: str) -> dict:
    return next(p for p in result["points"] if p["label"] == label)


def test_float32_exact_against_itself_is_recall_one(client_frontier):
    point = _point(client_frontier, "float32 exact")
    assert point["recall_at_10_vs_exact"]["mean"] == 1.0
    assert point["recall_at_10_vs_exact"]["ci95"] == [1.0, 1.0]


def test_binary_below_int8_below_float16(client_frontier):
    recall = {p["vector_type"]: p["recall_at_10_vs_exact"]["mean"] for p in client_frontier["points"]
              if p["label"] in ("float16 exact", "int8 exact", "binary exact (Hamming)")}
    assert recall["binary"] < recall["int8"] < recall["float16"] <= 1.0
    rescored = _point(client_frontier, "binary + float32 re-score of top 4x")
    assert rescored["recall_at_10_vs_exact"]["mean"] > recall["binary"]


def test_matryoshka_points_and_footprints_for_the_full_corpus(client_frontier):
    labels = [p["label"] for p in client_frontier["points"]]
    assert "Matryoshka 32d float32 exact" in labels and "Matryoshka 16d float32 exact" in labels
    f32, f16 = _point(client_frontier, "float32 exact"), _point(client_frontier, "float16 exact")
    assert f32["memory_bytes"] == 1_000_000 * 64 * 4 and f16["memory_bytes"] == f32["memory_bytes"] // 2
    assert _point(client_frontier, "binary exact (Hamming)")["memory_bytes"] == 1_000_000 * 64 // 8
    assert f32["monthly_usd"] > f16["monthly_usd"] > 0
    pareto = [p for p in client_frontier["points"] if p["pareto"]]
    assert pareto and all(p["status"] == "measured" for p in pareto)
    least = min(p["memory_bytes"] for p in client_frontier["points"])
    cheapest = max((p for p in client_frontier["points"] if p["memory_bytes"] == least),
                   key=lambda p: p["ndcg_at_10"]["mean"])
    assert cheapest["pareto"]  # nothing uses less memory and scores higher
    rescored, plain = (_point(client_frontier, label) for label in ("binary + float32 re-score of top 4x",
                                                                    "binary exact (Hamming)"))
    assert rescored["disk_bytes"] == plain["disk_bytes"] + 1_000_000 * 64 * 4  # the re-score reads float32


def test_quantizers():
    vectors = np.array([[0.5, -0.5, 0.0, 0.7071]], dtype=np.float32)
    scale = int8_scale(vectors)
    assert int8_quantize(vectors, scale).tolist() == [[90, -90, 0, 127]]
    codes = binary_codes(np.array([[1, -1, 1, -1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1]], dtype=np.float32))
    assert hamming_scores(codes[:1], codes).tolist() == [[0, -2]]


def test_mismatched_inputs_are_refused():
    data = known_corpus(n_docs=10, n_queries=3)
    data.queries = data.queries[:, :8]
    with pytest.raises(ToolInputError, match="vectors"):
        measure_frontier(data)


@pytest.mark.slow
def test_every_lite_index_type_runs_in_milvus_lite(tmp_path):
    from tools.evaluation.milvus_search import MilvusStore

    store = MilvusStore(str(tmp_path / "lite.db"))
    try:
        result = measure_frontier(known_corpus(n_docs=300, n_queries=30), store, "t")
    finally:
        store.close()
    lite = {p["index"]: p for p in result["points"] if p["where"] == "Milvus Lite"}
    assert set(lite) == set(LITE_INDEXES)
    assert lite["FLAT"]["recall_at_10_vs_exact"]["mean"] == pytest.approx(1.0)
    for point in lite.values():
        assert point["recall_at_10_vs_exact"]["mean"] >= 0.8 and point["query_latency_p50_ms"] > 0
    assert lite["HNSW_SQ"]["memory_bytes"] < lite["HNSW"]["memory_bytes"]
    server = [p for p in result["points"] if p["status"] == SERVER_ONLY_LABEL]
    assert {p["index"] for p in server} >= {"IVF_PQ", "IVF_RABITQ", "DISKANN"}
    assert all("ndcg_at_10" not in p and not p["pareto"] for p in server)  # never presented as measured


def test_the_agent_tool_reads_only_uploads_and_named_models(tmp_path):
    from tools.langchain_tools import langchain_tools

    uploads = tmp_path / "uploads"
    (uploads / "docs").mkdir(parents=True)
    (uploads / "docs" / "a.txt").write_text("Tenants must give thirty days notice.")
    tool = {t.name: t for t in langchain_tools(data_dir=tmp_path / "data", allowed_roots=[uploads])}[
        "measure_vector_frontier"]
    properties = tool.args_schema.model_json_schema()["properties"]
    assert set(properties) == {"corpus_path", "model", "full_corpus_docs", "queries_path", "qrels_path"}
    assert all(p.get("description") for p in properties.values())
    with pytest.raises(ToolInputError, match="only uploaded documents"):
        tool.invoke({"corpus_path": "/etc"})
    with pytest.raises(ToolInputError):
        tool.invoke({"corpus_path": str(uploads / "docs"), "model": "evil-org/evil-model"})
    with pytest.raises(ToolInputError, match="dense"):
        tool.invoke({"corpus_path": str(uploads / "docs"), "model": "bm25"})
    assert not (tmp_path / "data").exists()
