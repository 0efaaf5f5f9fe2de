"""Measured nDCG re-ranks the short list only where the difference is significant; the published score stays beside."""

from __future__ import annotations

from tools.rank.measured import apply_measurements


def figures(model: str, mean: float, kind: str = "dense") -> dict:
    return {"status": "ok", "model": model, "kind": kind,
            "metrics": {"ndcg_at_10": {"mean": mean, "ci95": [mean - 0.05, mean + 0.05]}}}


RESULT = {"recommendations": [
    {"rank": 1, "model": "org/big", "benchmark_score": 0.70},
    {"rank": 2, "model": "org/mid", "benchmark_score": 0.65},
    {"rank": 3, "model": "sentence-transformers/all-MiniLM-L6-v2", "benchmark_score": 0.42}]}


def results(significant: bool) -> dict:
    return {"run": {"n_docs": 30, "n_queries": 40}, "queries": {"source": "generated", "verdict": "it separates."},
            "models": {"org/big": figures("org/big", 0.61), "minilm": figures("sentence-transformers/all-MiniLM-L6-v2",
                                                                              0.74),
                       "bm25": figures("bm25", 0.70, "bm25"), "broken": {"status": "error", "error": "boom"}},
            "comparisons": [{"a": "minilm", "b": "org/big", "significant": significant, "mean_difference": 0.13}],
            "transfer": {"kendall": -1.0, "reading": "the published order did not hold here.", "rows": []}}


def test_a_significant_measured_difference_moves_a_model_up():
    out = apply_measurements(RESULT, results(True), "job1")
    assert [r["model"] for r in out["recommendations"]] == ["sentence-transformers/all-MiniLM-L6-v2", "org/mid",
                                                            "org/big"]
    assert [r["rank"] for r in out["recommendations"]] == [1, 2, 3]
    top = out["recommendations"][0]["measured"]
    assert top["ndcg_at_10"] == 0.74 and top["published"] == 0.42 and top["ci95"] == [0.69, 0.79]
    measured = out["measured"]
    assert measured["leaderboard_order_held"] is False and len(measured["changes"]) == 1
    assert {c["candidate"] for c in measured["candidates"]} == {"org/big", "minilm", "bm25", "broken"}
    assert "Measured on your 30 documents" in measured["text"] and "did not hold" in measured["text"]
    assert RESULT["recommendations"][0]["model"] == "org/big"  # the input is not changed


def test_without_significance_the_order_stays():
    out = apply_measurements(RESULT, results(False))
    assert [r["model"] for r in out["recommendations"]] == ["org/big", "org/mid",
                                                            "sentence-transformers/all-MiniLM-L6-v2"]
    assert out["measured"]["changes"] == [] and "nothing in the short list's order" in out["measured"]["text"]


def _fpoint(label: str, dtype: str, index: str, ndcg: float | None, memory: int | None, status: str = "measured"):
    point = {"label": label, "vector_type": dtype, "index": index, "dims": 384, "where": "Milvus Lite",
             "status": status, "memory_bytes": memory, "query_latency_p50_ms": 1.0, "pareto": ndcg is not None}
    if ndcg is not None:
        point |= {"ndcg_at_10": {"mean": ndcg, "ci95": [ndcg - 0.04, ndcg + 0.04]},
                  "recall_at_10_vs_exact": {"mean": 0.97, "ci95": [0.95, 0.99]}}
    return point


FRONTIER = {"points": [
    _fpoint("float32 exact", "float32", "FLAT", 0.74, 2**31),
    _fpoint("float32 HNSW", "float32", "HNSW", 0.73, 2**31 + 2**28),
    _fpoint("int8 exact", "int8", "FLAT", 0.72, 2**29),
    _fpoint("float32 IVF_PQ", "float32", "IVF_PQ", None, 2**27, "server only: run with --milvus-uri"),
    _fpoint("float32 IVF_RABITQ + refine SQ8", "float32", "IVF_RABITQ", None, None,
            "server only: run with --milvus-uri")]}


def _planned(dtype: str, index: str) -> dict:
    options = [{"dims": 384, "dtype": "float32", "index_type": "HNSW"},
               {"dims": 384, "dtype": "float32", "index_type": "IVF_PQ"},
               {"dims": 384, "dtype": "float16", "index_type": "HNSW"}]
    return {"recommendations": [
        {"rank": 1, "model": "sentence-transformers/all-MiniLM-L6-v2", "benchmark_score": 0.42,
         "milvus": {"reasons": ["HNSW because ..."]},
         "vector_plan": {"dims": 384, "dtype": dtype, "index_type": index, "memory_budget_gb": 1.0,
                         "options": options}}]}


def test_the_plan_cites_its_measured_frontier_point():
    """Issue 19: when a frontier ran, the consultation's plan and Milvus config cite a measured point."""
    res = results(False)
    res["models"]["minilm"]["frontier"] = FRONTIER
    rec = apply_measurements(_planned("float32", "HNSW"), res, "job7")["recommendations"][0]
    cited = rec["measured"]["vector_plan"]
    assert cited["label"] == "float32 HNSW" and cited["matches_plan"] and cited["ndcg_at_10"] == 0.73
    assert "float32 HNSW (the plan's own layout, measured)" in cited["text"] and "job job7" in cited["text"]
    assert rec["milvus"]["reasons"][-1] == cited["text"]
    status = {(o["dtype"], o["index_type"]): o["status"] for o in cited["options"]}
    assert status == {("float32", "HNSW"): "measured", ("float32", "IVF_PQ"): "server only: run with --milvus-uri",
                      ("float16", "HNSW"): "estimated from published retention: not among the measured points"}
    # A plan whose layout was not run cites the best measured point within its memory budget (1 GiB: int8 exact),
    # never a server-only point.
    other = apply_measurements(_planned("float32", "IVF_RABITQ"), res)["recommendations"][0]["measured"]
    assert other["vector_plan"]["label"] == "int8 exact" and not other["vector_plan"]["matches_plan"]
    assert "was not among the measured points" in other["vector_plan"]["text"]


def test_two_published_candidates_say_whether_their_order_held():
    rows = [{"model": "org/big", "measured": 0.61, "published": 0.70, "measured_rank": 2, "published_rank": 1},
            {"model": "sentence-transformers/all-MiniLM-L6-v2", "measured": 0.74, "published": 0.42,
             "measured_rank": 1, "published_rank": 2}]
    data = {**results(False), "transfer": {"benchmark": "MTEB(eng, v2)", "n": 2, "kendall": None, "rows": rows,
                                          "reading": "Only 2 candidate(s) have published scores: too few."}}
    measured = apply_measurements(RESULT, data)["measured"]
    assert measured["leaderboard_order_held"] is False and measured["transfer"]["n"] == 2
    assert "(org/big > sentence-transformers/all-MiniLM-L6-v2) did not hold on your documents" in measured["text"]
    data["transfer"]["rows"] = rows[:1]
    assert apply_measurements(RESULT, data)["measured"]["leaderboard_order_held"] is None
