"""The check's latency figures: a single query's encoding and its Milvus search timed apart (p50 / p95 each, in
results.json, the job summary and report.md), and the batched pass per query."""

from __future__ import annotations

import pytest

from tools.evaluation.retrieval_check import LATENCY_QUERIES, EvalRequest, run_retrieval_check, summarise_results

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def run(general_copy, data_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    results = run_retrieval_check(EvalRequest(corpus=general_copy, models=["minilm", "bm25", "hybrid"], out_dir=out,
                                              data_dir=data_dir))
    return results, out


def test_each_query_is_timed_in_two_parts(run):
    results, _ = run
    n_queries = results["run"]["n_queries"]
    for spec, f in results["models"].items():
        assert f["status"] == "ok", f
        latency = f["latency"]
        assert latency["n"] == latency["search"]["n"] == min(LATENCY_QUERIES, n_queries)
        assert 0 < latency["search"]["p50_ms"] <= latency["search"]["p95_ms"]
        # The parts are timed inside each query's total: neither part's median exceeds the total's.
        assert latency["search"]["p50_ms"] <= latency["p50_ms"] * 1.01
        if spec == "bm25":
            assert latency["encode"] is None  # Milvus tokenizes the query inside the search
        else:
            assert latency["encode"]["n"] == latency["n"] and latency["encode"]["p50_ms"] > 0
            assert latency["encode"]["p50_ms"] <= latency["p50_ms"] * 1.01
            assert latency["encode"]["p50_ms"] + latency["search"]["p50_ms"] <= latency["p95_ms"] * 1.5


def test_the_batched_pass_is_reported_per_query(run):
    results, _ = run
    for spec, f in results["models"].items():
        batched = f["batched"]
        assert batched["queries_searched"] >= results["run"]["n_queries"]
        assert batched["search_ms_per_query"] > 0
        if spec == "bm25":
            assert batched["queries_encoded"] == 0 and batched["encode_ms_per_query"] is None
        else:
            assert batched["queries_encoded"] == max(0, results["run"]["n_queries"] - LATENCY_QUERIES)


def test_report_and_summary_show_encoding_and_search_apart(run):
    results, out = run
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "| model | query encoding p50 / p95 | search p50 / p95 | total p50 / p95 |" in report
    for spec in ("minilm", "bm25", "hybrid"):
        assert any(line.startswith(f"| {spec} | ") and line.count("|") == 7 for line in report.splitlines()), spec
    assert "| bm25 | in the search (BM25) |" in report
    summary = summarise_results(results)["models"]
    assert summary["minilm"]["query_encode_p95_ms"] == results["models"]["minilm"]["latency"]["encode"]["p95_ms"]
    assert summary["bm25"]["query_encode_p95_ms"] is None
    assert summary["hybrid"]["search_p95_ms"] == results["models"]["hybrid"]["latency"]["search"]["p95_ms"]
