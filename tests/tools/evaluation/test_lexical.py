"""The lexical candidate in every language: detection, analyzer twins, client BM25, and real corpora in Milvus Lite."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from knowledge.analyzers import analysis_languages, analyzer
from tools.evaluation import metrics as rm
from tools.evaluation.milvus_search import client_bm25_config, eval_config
from tools.evaluation.sparse_bm25 import EMPTY_TERM, ClientBM25
from tools.evaluation.tokenizers import corpus_languages, detect_language, route, tokenizer_for

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "bench"))

from real_corpora import bigram_bm25_runs, bigram_tokens, man_corpus  # noqa: E402


@pytest.mark.parametrize(("text", "code"), [
    ("マニュアルページの名前と要約文を検索する", "jpn"),
    ("搜索手册页名称和描述", "zho"),
    ("설명서 페이지 이름과 설명을 검색합니다", "kor"),
    ("ค้นหาชื่อและคำอธิบายของหน้าคู่มือ", "tha"),
    ("Suche in Handbuchseiten und deren Kurzbeschreibungen nach Schlüsselwörtern", "deu"),
    ("search the manual page names and short descriptions for keywords", "eng"),
    ("apropos -k の検索オプションは apropos(1) を参照してください", "jpn"),
    ("12345 --- ###", "und"),
])
def test_each_text_gets_its_language(text, code):
    assert detect_language(text) == code


def test_corpus_languages_and_the_analyzers_they_get():
    shares = corpus_languages(["これは日本語の文書です。"] * 8 + ["An English page about the same tool."] * 2)
    assert shares == {"jpn": 0.8, "eng": 0.2}
    assert analysis_languages(shares) == ["jpn"]  # lindera keeps the English words whole
    # Issue 19 (second pass): one analyzer for an alphabetic corpus, its main language's; per-document routing made
    # a query's English words stem unlike the untranslated pages' (man-ru 0.526 routed, 0.635 one analyzer).
    assert analysis_languages({"deu": 0.6, "eng": 0.4}) == ["deu"]
    assert analysis_languages({"rus": 0.7, "eng": 0.3}) == ["rus"]
    assert analysis_languages({"jpn": 0.5, "kor": 0.5}) == ["jpn", "kor"]  # segmenting analyzers still share a corpus
    assert route("An English page", ["deu", "eng"]) == "eng"
    assert route("日本語", ["deu", "eng"]) == "deu"  # not one of the corpus' analyzers: the default


def test_tokenizers_reproduce_the_production_analyzers():
    japanese = ["マニュアル", "ページ", "の", "名前", "を", "検索", "する"]
    assert tokenizer_for("jpn")("マニュアルページの名前を検索する。") == japanese
    assert tokenizer_for("kor")("설명을 검색합니다") == ["설명", "을", "검색", "합니다"]
    assert tokenizer_for("zho")("搜索手册页 Keyword 字") == ["搜索", "索手", "手册", "册页", "keyword", "字"]
    assert tokenizer_for("tha")("ค้นหาชื่อ") == ["ค้นหา", "ชื่อ"]
    # Lite silently ignores the stemmer filter; the client twin stems as the server's `english` analyzer does.
    assert tokenizer_for("eng")("Running runners ran") == ["run", "runner", "ran"]
    assert tokenizer_for("deu")("Die Handbuchseiten") == ["die", "handbuchseit"]
    assert analyzer("jpn").exact and not analyzer("tha").exact


def test_client_bm25_scores_are_bm25():
    """Inner products of the client's vectors equal an independent BM25 over the same terms."""
    docs = {"a": "the quick brown fox jumps over the lazy dog", "b": "a quick brown dog",
            "c": "lazy cats sleep all day", "d": "foxes and dogs are not cats"}
    queries = {"q1": "quick fox", "q2": "lazy dog day", "q3": "cats"}
    bm25 = ClientBM25(analysis=["und"])
    vectors = dict(zip(docs, bm25.fit(list(docs.values())), strict=True))
    reference = bigram_bm25_runs(docs, queries)
    for qid, text in queries.items():
        query = bm25.query(text)
        ours = {d: sum(w * v.get(t, 0.0) for t, w in query.items()) for d, v in vectors.items()}
        assert {d: s for d, s in ours.items() if s > 0} == pytest.approx(reference[qid])
    assert bm25.query("unknown words only") == {}
    assert ClientBM25(analysis=["und"]).fit(["...", "words"])[0] == {EMPTY_TERM: pytest.approx(1e-6)}


def test_lite_gets_client_vectors_and_a_server_the_analyzer():
    config = eval_config("c", 8, ["jpn"], True, "FLAT")
    text = next(f for f in config.fields if f["field_name"] == "text")
    assert text["analyzer_params"]["tokenizer"]["type"] == "lindera" and config.functions
    lite = client_bm25_config(config)
    assert not lite.functions and lite.search_params["sparse"]["metric_type"] == "IP"
    assert {f["field_name"] for f in lite.fields} == {"chunk_id", "doc_id", "dense", "sparse"}
    multi = eval_config("c", None, ["jpn", "kor"], True, "FLAT")
    assert "language" in {f["field_name"] for f in multi.fields}
    assert "multi_analyzer_params" in next(f for f in multi.fields if f["field_name"] == "text")
    chinese = eval_config("c", None, ["zho"], True, "FLAT")  # no server analyzer makes bigrams: client-side anywhere
    assert "enable_analyzer" not in next(f for f in chinese.fields if f["field_name"] == "text")


def test_bigram_reference_tokens():
    assert bigram_tokens("検索する Keyword") == ["検索", "索す", "する", "keyword"]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["ja", "zh", "ko", "de", "ru"])
def test_lexical_candidate_matches_the_bigram_reference_on_real_pages(lang, tmp_path):
    """Man pages of the machine (NAME line = query): BM25 in Milvus Lite at least as good as character bigrams."""
    from tools.evaluation.retrieval_check import EvalRequest, Evaluation

    corpus = man_corpus(lang)
    if len(corpus.queries) < 20:
        pytest.skip(f"only {len(corpus.queries)} {lang} man pages on this machine")
    reference = rm.evaluate_runs(bigram_bm25_runs(corpus.docs, corpus.queries), corpus.qrels)
    ref_ndcg = sum(v["ndcg_at_10"] for v in reference.values()) / len(reference)
    request = EvalRequest(corpus=corpus.write_beir(tmp_path / "corpus"), models=["bm25"], out_dir=tmp_path / "out",
                          data_dir=tmp_path / "data")
    figures = Evaluation(request).check_candidate("bm25")
    assert figures["metrics"]["ndcg_at_10"]["mean"] >= ref_ndcg - 0.005
    plan = figures["lexical"]
    assert plan["languages"][0]["analyzer"] == analyzer({"ja": "jpn", "zh": "zho", "ko": "kor", "de": "deu",
                                                          "ru": "rus"}[lang]).name
    assert "client" in plan["measured_with"]


def test_report_explains_a_hybrid_below_its_better_part():
    from tools.evaluation.report import hybrid_notes

    def model(ndcg: float) -> dict:
        return {"status": "ok", "metrics": {"ndcg_at_10": {"mean": ndcg}}}

    notes = hybrid_notes({"models": {"bm25": model(0.75), "minilm": model(0.31), "hybrid:minilm": model(0.59)}})
    assert len(notes) == 1 and "below its better part bm25 (0.750)" in notes[0] and "minilm is much weaker" in notes[0]
    good = hybrid_notes({"models": {"bm25": model(0.5), "minilm": model(0.6), "hybrid": model(0.65)}})
    assert "at least as good as its better part, minilm" in good[0]


def test_weighted_rrf_lets_a_tie_breaker_reorder_only_ties():
    from tools.evaluation.milvus_search import weighted_rrf

    lexical = [("a::0", "a", 9.0), ("b::0", "b", 8.0), ("c::0", "c", 7.0)]
    dense = [("c::0", "c", 0.9), ("d::0", "d", 0.8), ("b::0", "b", 0.7)]
    assert [h[0] for h in weighted_rrf(dense, lexical, (0.5, 0.5), 4)][:1] == ["c::0"]  # equal say: c wins
    fused = weighted_rrf(dense, lexical, (0.01, 0.99), 4)
    assert [h[0] for h in fused] == ["a::0", "b::0", "c::0", "d::0"]  # BM25 ranks; the dense list only fills in


def test_hybrid_fusion_follows_the_dense_models_languages():
    from tools.estimate.milvus_config import hybrid_fusion

    assert hybrid_fusion({"eng"}, ["eng"]) == {"type": "RRF", "k": 60}
    assert hybrid_fusion(None, ["jpn"]) == {"type": "RRF", "k": 60}  # unknown coverage: plain RRF
    weighted = hybrid_fusion({"eng"}, ["jpn", "eng"])
    assert weighted["type"] == "weighted-RRF" and weighted["weights"] == {"dense": 0.01, "sparse": 0.99}
    assert "not jpn" in weighted["reason"]
    assert hybrid_fusion({"eng", "zho"}, ["Chinese"])["type"] == "RRF"


def test_report_says_why_a_hybrid_fused_by_weighted_rrf():
    from tools.evaluation.report import hybrid_notes

    def model(ndcg: float, **extra) -> dict:
        return {"status": "ok", "metrics": {"ndcg_at_10": {"mean": ndcg}}, **extra}

    fusion = {"type": "weighted-RRF", "reason": "the dense model was trained on eng, not jpn: ..."}
    notes = hybrid_notes({"models": {"bm25": model(0.744), "minilm": model(0.308),
                                     "hybrid:minilm": model(0.745, fusion=fusion)}})
    assert "at least as good as its better part, bm25" in notes[0] and "trained on eng, not jpn" in notes[0]
    below = hybrid_notes({"models": {"bm25": model(0.608, chunk_tokens=512, n_chunks=60), "minilm": model(0.186),
                                     "hybrid:minilm": model(0.567, fusion=fusion, chunk_tokens=254, n_chunks=207)}})
    assert "0.041 below its better part bm25" in below[0] and "254-token chunks (207 of them)" in below[0]


@pytest.mark.slow
def test_hybrid_with_an_out_of_language_model_keeps_bm25s_quality(tmp_path):
    """Chinese man pages, English-only MiniLM: the hybrid does not drag BM25 down (plain RRF did: 0.385 against 0.608).

    Each page is cut to its first 600 characters so that BM25 alone and the hybrid rank the same chunks: what is
    compared is the fusion, not the chunking.
    """
    from tools.evaluation.retrieval_check import EvalRequest, run_retrieval_check

    corpus = man_corpus("zh")
    if len(corpus.queries) < 20:
        pytest.skip("too few Chinese man pages on this machine")
    corpus.docs = {d: text[:600] for d, text in corpus.docs.items()}
    request = EvalRequest(corpus=corpus.write_beir(tmp_path / "corpus"), models=["bm25", "minilm", "hybrid:minilm"],
                          out_dir=tmp_path / "out", data_dir=tmp_path / "data")
    models = run_retrieval_check(request)["models"]
    ndcg = {spec: f["metrics"]["ndcg_at_10"]["mean"] for spec, f in models.items()}
    assert models["hybrid:minilm"]["fusion"]["type"] == "weighted-RRF" and ndcg["minilm"] < ndcg["bm25"] - 0.2
    assert ndcg["hybrid:minilm"] >= ndcg["bm25"] - 0.01
