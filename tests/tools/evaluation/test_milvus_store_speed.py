"""Milvus Lite collections are ready without pymilvus' fixed wait, and searches carry only the primary key per hit."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from knowledge.errors import MilvusUnavailableError
from tools.documents.token_windows import Chunk
from tools.estimate.milvus_config import wait_for_indexes
from tools.evaluation.milvus_search import MilvusStore, eval_config


def _vectors(n: int, dims: int, seed: int) -> np.ndarray:
    vectors = np.random.default_rng(seed).standard_normal((n, dims)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


@pytest.mark.parametrize("index", ["FLAT", "HNSW"])
def test_collections_are_indexed_loaded_and_searched_exactly_without_the_half_second_wait(tmp_path: Path, index,
                                                                                          monkeypatch):
    store = MilvusStore(str(tmp_path / "lite.db"))
    sleeps: list[float] = []
    real_sleep = time.sleep

    def recorded(seconds: float) -> None:
        sleeps.append(seconds)
        real_sleep(seconds)

    try:
        monkeypatch.setattr(time, "sleep", recorded)
        store.create(eval_config("c", 16, ["eng"], True, index))  # dense + sparse: two indexes
        monkeypatch.setattr(time, "sleep", real_sleep)
        # pymilvus alone sleeps 0.5 s per index before asking whether it is built (a wall-clock bound failed under load)
        assert sum(sleeps) < 0.2 and max(sleeps, default=0) < 0.5, sleeps
        assert sorted(store.client.list_indexes("c")) == ["dense", "sparse"]
        assert all(store.client.describe_index("c", i)["state"] == "Finished" for i in ("dense", "sparse"))
        assert "Loaded" in str(store.client.get_load_state("c")["state"])
        texts = [f"document {i} about topic {i % 7}" for i in range(60)]
        chunks = [Chunk(f"d{i}::0", f"d{i}", 0, t) for i, t in enumerate(texts)]
        vectors = _vectors(60, 16, 1)
        store.fit_lexical("c", chunks)
        store.insert("c", chunks, vectors)
        queries = _vectors(5, 16, 2)
        hits = store.search_dense("c", queries, 10, {"metric_type": "IP", "params": {"ef": 64}})
        exact = np.argsort(-(queries @ vectors.T), axis=1)[:, :10]
        if index == "FLAT":
            assert [[h[0] for h in row] for row in hits] == [[f"d{i}::0" for i in row] for row in exact]
        assert all(h[1] == h[0].split("::")[0] for row in hits for h in row)
        raw = store.client.search("c", data=[queries[0].tolist()], anns_field="dense", limit=3,
                                  search_params={"metric_type": "IP", "params": {}}, output_fields=["chunk_id"])
        assert "dense" not in raw[0][0].get("entity", {})  # what search_dense asks for: no vector per hit
        lexical = store.search_bm25("c", ["topic 3"], 5)
        assert lexical[0] and all(int(h[1][1:]) % 7 == 3 for h in lexical[0][:3])
        fused = store.search_hybrid("c", queries[:2], ["topic 3", "document 5"], 5, {"metric_type": "IP",
                                                                                      "params": {"ef": 64}})
        assert [len(row) for row in fused] == [5, 5]
    finally:
        store.close()


class _Stuck:
    """A client whose index never finishes, or fails."""

    def __init__(self, state: str) -> None:
        self.state = state

    def list_indexes(self, collection: str) -> list[str]:
        return ["dense"]

    def describe_index(self, collection: str, name: str) -> dict:
        return {"state": self.state, "index_state_fail_reason": "disk full"}


def test_an_index_that_fails_or_never_finishes_is_a_clear_error():
    with pytest.raises(MilvusUnavailableError, match="'dense' of collection 'c' failed to build: disk full"):
        wait_for_indexes(_Stuck("Failed"), "c")
    with pytest.raises(MilvusUnavailableError, match="not built within 0.05 s"):
        wait_for_indexes(_Stuck("InProgress"), "c", timeout_s=0.05)
