from __future__ import annotations

import pytest
import yaml

from knowledge.catalog import default_catalog
from tools.estimate.milvus_config import analyzer_for, build_config, choose_index, create_collection
from tools.profile.schema import parse_profile
from tools.rank.shortlist import rank_profile


@pytest.mark.parametrize(("n", "budget", "hnsw_gb", "expected"),
                         [(10_000, None, 0.1, "FLAT"), (2_000_000, 64, 9.0, "HNSW"), (2_000_000, 4, 9.0, "IVF_SQ8"),
                          (80_000_000, None, 300, "DISKANN")])
def test_index_choice_follows_size_and_memory(n, budget, hnsw_gb, expected):
    assert choose_index(n, budget, hnsw_gb)[0] == expected


def test_analyzers_by_language():
    """Issue 19: every language gets the analyzer a Milvus server has for it, not the first language's standard."""
    # Chinese: character bigrams, which no Milvus analyzer makes: the client computes BM25 on every Milvus
    assert analyzer_for(["zho", "eng"])["client_side_bm25"]["analyzers"] == {"zho": "cjk-bigram"}
    assert analyzer_for(["deu"])["filter"][1] == {"type": "stemmer", "language": "german"}
    assert analyzer_for(["jpn"])["tokenizer"] == {"type": "lindera", "dict_kind": "ipadic"}
    assert analyzer_for(["Korean"])["tokenizer"] == {"type": "lindera", "dict_kind": "ko-dic"}
    assert analyzer_for(["tha"])["tokenizer"] == "icu"
    assert analyzer_for(["eng"]) == {"type": "english"}
    assert analyzer_for(["deu", "eng"]) == analyzer_for(["deu"])  # an alphabetic corpus: its first language's
    mixed = analyzer_for(["jpn", "kor"])  # two segmenting languages: Milvus's multi-language analyzer
    assert mixed["by_field"] == "language" and set(mixed["analyzers"]) == {"jpn", "kor", "default"}
    assert mixed["analyzers"]["default"] == mixed["analyzers"]["jpn"]


def test_hybrid_for_sparse_capable_models_and_lexical_domains():
    bge_m3 = default_catalog().get("BAAI/bge-m3")
    minilm = default_catalog().get("sentence-transformers/all-MiniLM-L6-v2")
    assert build_config(bge_m3, 1024, 1000, 512, ["eng"], "general").hybrid
    assert not build_config(minilm, 384, 1000, 256, ["eng"], "general").hybrid
    assert build_config(minilm, 384, 1000, 256, ["eng"], "legal").hybrid


@pytest.mark.slow
def test_recommended_config_creates_a_working_collection_in_milvus_lite(tmp_path):
    """The config of a real recommendation builds in Milvus Lite, and BM25 + dense hybrid search runs on it.

    Chinese BM25 is client-side (character bigrams, which no Milvus analyzer makes): the config has no BM25 function,
    and the client's vectors go into the sparse field and its query vectors search it by IP.
    """
    from pymilvus import AnnSearchRequest, MilvusClient, RRFRanker

    from tools.evaluation.sparse_bm25 import ClientBM25

    profile = parse_profile(yaml.safe_load(open("examples/legal-zh.yaml")))
    rec = rank_profile(profile).recommendations[0]
    config = rec.milvus
    assert config["hybrid"] and any(f["field_name"] == "sparse" for f in config["fields"])
    from tools.estimate.milvus_config import MilvusConfig

    cfg = MilvusConfig.model_validate(config)
    # Same schema at a test-sized dimension: the dense index type must also be buildable.
    dims = rec.dims
    client = MilvusClient(str(tmp_path / "lite.db"))
    try:
        create_collection(client, cfg)
        assert not cfg.functions and cfg.search_params["sparse"]["metric_type"] == "IP"
        texts = ["合同 解除 通知期 三十日", "the lease ends after notice", "供应商 违约 赔偿"]
        bm25 = ClientBM25(analysis=["zho"])
        rows = [{"chunk_id": f"c{i}", "doc_id": f"d{i}", "chunk_index": 0, "text": texts[i], "sparse": sparse,
                 "dense": [float((i + 1) * (j % 7 == i)) + 0.01 for j in range(dims)]}
                for i, sparse in enumerate(bm25.fit(texts))]
        client.insert(cfg.collection_name, rows)
        client.flush(cfg.collection_name)
        lexical = client.search(cfg.collection_name, data=[bm25.query("解除 通知期")], anns_field="sparse", limit=2,
                                search_params=cfg.search_params["sparse"])
        assert lexical[0][0]["chunk_id"] == "c0"
        dense_req = AnnSearchRequest(data=[rows[2]["dense"]], anns_field="dense",
                                     param=cfg.search_params["dense"]["params"], limit=3)
        sparse_req = AnnSearchRequest(data=[bm25.query("供应商 赔偿")], anns_field="sparse",
                                      param=cfg.search_params["sparse"]["params"], limit=3)
        fused = client.hybrid_search(cfg.collection_name, [dense_req, sparse_req], RRFRanker(60), limit=3)
        assert fused[0][0]["chunk_id"] == "c2"
    finally:
        client.close()
