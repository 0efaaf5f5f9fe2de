"""Big-corpus sampling keeps judged documents and hard negatives; a check on a small or messy corpus says so."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from tools.documents.sampling import BM25, ndcg_at_10, sample_corpus
from tools.evaluation.retrieval_check import EvalRequest, Evaluation
from tools.evaluation.retrieval_check import run_retrieval_check as evaluate

REPO = Path(__file__).resolve().parents[3]
GENERAL = REPO / "knowledge" / "benchmarks" / "ea-general-en"


def big_corpus(n: int = 2000) -> tuple[dict[str, str], dict[str, str], dict[str, dict[str, int]]]:
    rng = random.Random(7)
    words = [f"w{i}" for i in range(3000)]
    texts = {f"d{i}": " ".join(rng.choice(words) for _ in range(40)) for i in range(n)}
    queries, qrels = {}, {}
    for i in range(0, 50):
        doc = f"d{(i * 13) % n}"
        queries[f"q{i}"] = " ".join(texts[doc].split()[:3])
        qrels[f"q{i}"] = {doc: 1}
    return texts, queries, qrels


def test_bm25_and_ndcg():
    bm25 = BM25({"a": "apple pie recipe", "b": "banana bread", "c": "apple tart and apple pie"})
    assert bm25.top("apple pie", 2)[0] in ("a", "c") and bm25.top("banana", 1) == ["b"]
    assert ndcg_at_10(["x", "a"], {"a": 1}) == pytest.approx(1 / 1.584962500721156)


def test_sample_keeps_judged_documents_and_hard_negatives_and_estimates_the_full_figure():
    texts, queries, qrels = big_corpus()
    sample = sample_corpus(texts, queries, qrels, max_docs=1200)
    kept = set(sample.doc_ids)
    assert len(kept) == 1200 and all(d in kept for rel in qrels.values() for d in rel)
    bm25 = BM25(texts)
    for q in list(queries)[:10]:
        assert set(bm25.top(queries[q], 20)) <= kept
    info = sample.info
    assert info["n_docs_full"] == 2000 and info["judged"] == 50 and info["random"] > 0
    assert info["bm25_ndcg_full"] <= info["bm25_ndcg_sampled"] + 1e-9 and 0 < info["full_corpus_factor"] <= 1
    assert sample_corpus(texts, queries, qrels, max_docs=1200).doc_ids == sample.doc_ids  # deterministic


@pytest.mark.slow
def test_a_messy_tiny_corpus_is_checked_with_warnings_skips_and_missed_queries(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    rows = [json.loads(line) for line in (GENERAL / "corpus.jsonl").read_text().splitlines()[:8]]
    for row in rows:
        (folder / f"{row['_id']}.txt").write_text(f"{row['title']}\n\n{row['text']}")
    (folder / "README").write_text("no extension")
    (folder / "notes.gz").write_bytes(b"\x1f\x8b\x08\x00")
    out = tmp_path / "out"
    results = evaluate(EvalRequest(corpus=folder, models=["bm25"], out_dir=out, data_dir=tmp_path / "data",
                                   n_generated=20))
    assert any("README" in s for s in results["skipped_files"]) and any("notes.gz" in s
                                                                          for s in results["skipped_files"])
    warnings = " ".join(results["warnings"])
    assert "only 8 documents" in warnings and f"at least {20}" in warnings and "queries" in warnings
    report = (out / "report.md").read_text()
    assert "Skipped 2 file(s)" in report and "Warning:" in report and "What these queries can tell apart" in report
    written = out / "generated-queries"
    assert (written / "queries.jsonl").exists() and (written / "qrels" / "test.tsv").exists()
    again = Evaluation(EvalRequest(corpus=written, models=["bm25"], out_dir=tmp_path / "again",
                                   data_dir=tmp_path / "data"))
    assert again.query_info["source"] == "given" and again.corpus.queries == {
        q: t for q, t in results["query_texts"].items()}
    again.cache.close()
    with pytest.raises(Exception, match="README"):
        Evaluation(EvalRequest(corpus=folder, models=["bm25"], out_dir=tmp_path / "strict", data_dir=tmp_path / "d",
                               strict=True))


@pytest.mark.slow
def test_a_big_corpus_is_sampled_and_says_so(tmp_path):
    texts, queries, qrels = big_corpus(600)
    beir = tmp_path / "beir"
    (beir / "qrels").mkdir(parents=True)
    (beir / "corpus.jsonl").write_text("".join(json.dumps({"_id": d, "text": t}) + "\n" for d, t in texts.items()))
    (beir / "queries.jsonl").write_text("".join(json.dumps({"_id": q, "text": t}) + "\n" for q, t in queries.items()))
    (beir / "qrels" / "test.tsv").write_text("query-id\tcorpus-id\tscore\n" + "".join(
        f"{q}\t{d}\t1\n" for q, rel in qrels.items() for d in rel))
    results = evaluate(EvalRequest(corpus=beir, models=["bm25"], out_dir=tmp_path / "out",
                                   data_dir=tmp_path / "data", max_docs=200))
    assert results["run"]["n_docs"] == 200 and results["sample"]["n_docs_full"] == 600
    assert 0 < results["models"]["bm25"]["ndcg_at_10_full_corpus_estimate"] <= 1
    assert "Sampled** 200 of 600" in (tmp_path / "out" / "report.md").read_text()
