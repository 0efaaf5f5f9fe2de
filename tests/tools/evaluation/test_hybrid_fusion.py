"""Hybrid fusion on the client ranks exactly as Milvus Lite's own ``hybrid_search`` does, on a real corpus.

On Milvus Lite the check fuses one batched dense search and one batched BM25 search itself (Lite's
``hybrid_search`` fuses in Python a query at a time, the slowest part of a long-document check). These tests
index the bundled general-English set (MiniLM vectors, client BM25, 64-token chunks so that the routes are cut
at the requested depth) and compare every query's fused top-k with Milvus' RRFRanker and WeightedRanker.
"""

from __future__ import annotations

import pytest

from tools.evaluation.milvus_search import RRF_K, MilvusStore, eval_config, fuse

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def indexed(general_copy, tmp_path_factory):
    from tools.documents.corpus import load_corpus
    from tools.documents.token_windows import offsets_function, split_documents
    from tools.encoders.models import load_minilm

    corpus = load_corpus(general_copy)
    encoder = load_minilm()
    offsets, _ = offsets_function(encoder.handle)
    chunks, _ = split_documents({d: corpus.text(d) for d in corpus.docs}, offsets, 64, 0.125)
    vectors = encoder.encode([c.text for c in chunks], "document")
    queries = [corpus.queries[q] for q in sorted(corpus.queries)]
    qvecs = encoder.encode(queries, "query")
    store = MilvusStore(str(tmp_path_factory.mktemp("milvus") / "fusion.db"))
    config = eval_config("hybrid", encoder.dims, ["eng"], True, "FLAT")
    store.create(config)
    store.fit_lexical("hybrid", chunks)
    store.insert("hybrid", chunks, vectors)
    yield store, config.search_params["dense"], qvecs, queries, len(chunks)
    store.close()


@pytest.mark.parametrize("fusion", ["rrf", "weighted"])
@pytest.mark.parametrize("limit", [10, 60])
def test_client_fusion_ranks_as_milvus_hybrid_search(indexed, fusion, limit):
    store, params, qvecs, queries, n_chunks = indexed
    assert n_chunks > 3 * limit  # each route is cut at the limit: fusion sees partial, different lists
    ours = store.search_hybrid("hybrid", qvecs, queries, limit, params, fusion=fusion)
    milvus = store.search_hybrid_server("hybrid", qvecs, queries, limit, params, fusion=fusion)
    assert len(ours) == len(milvus) == len(queries) == 88
    for mine, theirs in zip(ours, milvus, strict=True):
        assert [h[0] for h in mine] == [h[0] for h in theirs]
        assert [h[1] for h in mine] == [h[1] for h in theirs]
        assert [h[2] for h in mine] == pytest.approx([h[2] for h in theirs], rel=1e-6)


def test_fused_rankings_differ_from_either_route(indexed):
    """The comparison above is not vacuous: the fused top 10 is neither the dense nor the BM25 top 10."""
    store, params, qvecs, queries, _ = indexed
    fused = store.search_hybrid("hybrid", qvecs, queries, 10, params)
    dense = store.search_dense("hybrid", qvecs, 10, params)
    lexical = store.search_bm25("hybrid", queries, 10)
    differs = sum([h[0] for h in f] != [h[0] for h in d] and [h[0] for h in f] != [h[0] for h in lx]
                  for f, d, lx in zip(fused, dense, lexical, strict=True))
    assert differs >= len(queries) // 2


def test_fuse_breaks_ties_by_chunk_id_as_milvus_does():
    dense = [("d::0", "d", 0.9), ("a::0", "a", 0.8)]
    lexical = [("c::0", "c", 7.0), ("b::0", "b", 5.0)]
    # d and c tie (both first), a and b tie (both second): the smaller primary key first, whatever the route.
    assert [h[0] for h in fuse([dense, lexical], "rrf", (0.5, 0.5), 4)] == ["c::0", "d::0", "a::0", "b::0"]
    both = fuse([dense, [("a::0", "a", 7.0)]], "rrf", (0.5, 0.5), 2)
    assert [h[0] for h in both] == ["a::0", "d::0"]  # found by both routes: 1/62 + 1/61 beats 1/61
    assert both[0][2] == pytest.approx(1 / (RRF_K + 2) + 1 / (RRF_K + 1))


def test_fuse_with_one_empty_route_is_the_other_routes_order():
    dense = [("a::0", "a", 0.9), ("b::0", "b", 0.8), ("c::0", "c", 0.1)]
    assert [h[0] for h in fuse([dense, []], "rrf", (0.5, 0.5), 2)] == ["a::0", "b::0"]
    assert [h[0] for h in fuse([dense, []], "weighted", (0.7, 0.3), 3)] == ["a::0", "b::0", "c::0"]


def test_a_hybrid_after_its_dense_candidate_reuses_its_search_and_ranks_the_same(general_copy, data_dir, tmp_path,
                                                                                  monkeypatch):
    """The hybrid's dense route is the minilm candidate's exact search (same model, chunks, query vectors)."""
    from tools.evaluation.retrieval_check import EvalRequest, Evaluation

    alone = Evaluation(EvalRequest(corpus=general_copy, models=["hybrid"], out_dir=tmp_path / "alone",
                                   data_dir=data_dir)).run()["models"]["hybrid"]
    searched: list[tuple[str, int]] = []
    original = MilvusStore.search_dense

    def spy(self, name, vectors, limit, params):
        searched.append((name, len(vectors)))
        return original(self, name, vectors, limit, params)

    monkeypatch.setattr(MilvusStore, "search_dense", spy)
    both = Evaluation(EvalRequest(corpus=general_copy, models=["minilm", "hybrid"], out_dir=tmp_path / "both",
                                  data_dir=data_dir)).run()["models"]
    assert both["hybrid"]["metrics"]["ndcg_at_10"]["mean"] == alone["metrics"]["ndcg_at_10"]["mean"]
    assert {q: v["top10"] for q, v in both["hybrid"]["per_query"].items()} == \
        {q: v["top10"] for q, v in alone["per_query"].items()}
    # The hybrid's batched pass searched densely only the queries minilm had not searched to the full depth (its
    # shallow-first pass stops early where the top 10 documents are decided); its latency sample searches each.
    minilm = sum(n for name, n in searched if name == "c_minilm")
    deep = both["minilm"]["search_depth"]
    assert minilm == 88 + deep.get("queries_searched_deep", 0) + 50
    hybrid_batched = sum(n for name, n in searched if name == "c_hybrid" and n > 1)
    assert hybrid_batched == 88 - deep.get("queries_searched_deep", 88)
