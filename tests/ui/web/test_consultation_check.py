"""The web UI's consultation check panel and the answer card's measured block, rendered from plain data."""

from __future__ import annotations

from tools.rank.measured import apply_measurements
from ui.web.consultation_check import panel
from ui.web.summary import measured_block, summary_card

DOCS = [{"name": f"d{i}.txt", "bytes": 100} for i in range(22)]
RUNNING = {"job_id": "abc123def456", "kind": "documents", "models": ["minilm", "bm25"], "n_documents": 22,
           "estimated_seconds": 34, "status": "running", "progress": 0.45, "stage": "minilm: encoding"}


def test_the_panel_follows_the_check_from_attached_to_done():
    assert panel([], []) == ""
    attached = panel(DOCS, [])
    assert "22 document(s) attached" in attached and "test the short list on my documents" in attached
    running = panel(DOCS, [RUNNING])
    assert "checking minilm, bm25 on 22 documents: minilm: encoding (45%; estimated 34 s in all)" in running
    assert "<progress value='0.450' max='1'>" in running
    done = panel(DOCS, [{**RUNNING, "status": "done", "summary": {"models": {
        "minilm": {"status": "ok", "ndcg_at_10": {"mean": 0.812}}, "bm25": {"status": "error"}}}}])
    assert "Check done" in done and "nDCG@10 minilm 0.812" in done and "<progress" not in done
    failed = panel(DOCS, [{**RUNNING, "status": "failed", "error": {"message": "no <b>queries</b>"}}])
    assert "Check failed" in failed and "no &lt;b&gt;queries&lt;/b&gt;" in failed  # escaped


def test_the_panel_shows_a_quick_mteb_run():
    run = {"job_id": "0123456789ab", "kind": "quick_mteb", "suite": "quick-multilingual", "models": ["minilm"],
           "status": "running", "progress": 0.3, "stage": "quick MTEB quick-multilingual: running (20 s of about 75 s)"}
    assert "quick MTEB (quick-multilingual) of minilm: quick MTEB quick-multilingual: running" in panel([], [run])
    done = {**run, "status": "done", "summary": {"models": {"minilm": {"status": "ok", "ndcg_at_10": {
        "mean": 0.485, "per_task": {"ea-crosslingual": 0.144, "ea-general-en": 0.983}}}}}}
    assert "nDCG@10 minilm 0.485 (ea-crosslingual 0.144, ea-general-en 0.983)" in panel([], [done])


def _measured(rows: list[dict]) -> dict:
    ok = {"status": "ok", "kind": "dense"}
    results = {"run": {"n_docs": 22, "n_queries": 50}, "queries": {"source": "generated"},
               "models": {"minilm": {**ok, "model": "sentence-transformers/all-MiniLM-L6-v2", "metrics": {
                   "ndcg_at_10": {"mean": 0.891, "ci95": [0.831, 0.946]}}},
                   "bm25": {"status": "ok", "kind": "bm25", "model": "bm25",
                            "metrics": {"ndcg_at_10": {"mean": 0.699, "ci95": [0.588, 0.802]}}}},
               "comparisons": [], "transfer": {"benchmark": "MTEB(eng, v2)", "n": len(rows), "kendall": None,
                                               "rows": rows, "reading": "too few"}}
    rec = {"recommendations": [{"rank": 1, "model": "org/big", "kind": "open", "score": 0.9,
                                "benchmark_score": 0.7}], "candidates_considered": 10}
    return apply_measurements(rec, results, "job1")


def test_the_card_shows_measured_ndcg_with_ci_and_the_transfer_check():
    rec = _measured([])
    block = measured_block(rec)
    assert "Measured on your 22 documents (50 generated queries)" in block
    assert "nDCG@10 0.891 (95% CI 0.831-0.946)" in block and "nDCG@10 0.699 (95% CI 0.588-0.802)" in block
    assert "Leaderboard order: cannot be tested here" in block
    assert "no short-listed model could load here" in block
    assert block in summary_card(rec, {})
    rows = [{"model": "a", "measured": 0.5, "published": 0.6, "measured_rank": 2, "published_rank": 1},
            {"model": "b", "measured": 0.7, "published": 0.4, "measured_rank": 1, "published_rank": 2}]
    assert "Leaderboard order: did not hold on your documents (2 candidates with a published score on MTEB(eng, v2))" \
        in measured_block(_measured(rows))
    assert measured_block({"recommendations": []}) == ""
