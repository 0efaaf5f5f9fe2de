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
