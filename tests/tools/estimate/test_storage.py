"""Storage estimates: exact bytes per dtype and index, the options table, input errors and a real Milvus Lite check."""

from __future__ import annotations

import json
import math
import os
import time
from pathlib import Path

import numpy as np
import pytest

from knowledge.errors import InvalidFilterError, KnowledgeDataError
from knowledge.milvus_layouts import MILVUS_INDEX_FILE, load_milvus_index
from tools.estimate.storage import INDEX_TYPES, MAX_OPTIONS, estimate_storage, storage_options, vector_storage

N, D = 1_000_000, 1024
RAW32 = N * D * 4  # 4,096,000,000


def hnsw_graph_bytes(n: int, m: int) -> int:
    """Independent graph size: 2M layer-0 links + M links on an expected 1/(M-1) upper levels, 4 B each, + 12 B."""
    layer0 = 2 * m * 4
    upper = m * 4 * sum((1 / m) ** level for level in range(1, 200))
    return round(n * (layer0 + upper + 12))


def test_flat_float32_is_exactly_the_raw_vectors():
    est = estimate_storage(N, D, "float32", "FLAT")
    assert est.raw_vector_bytes == est.memory_bytes == est.disk_bytes == 4_096_000_000
    assert est.index_overhead_bytes == 0 and est.index_params == {}
    assert "4,096,000,000 B" in est.formula
    assert "https://milvus.io/docs/flat.md" in est.sources


@pytest.mark.parametrize(("dtype", "expected"), [("float16", RAW32 // 2), ("bfloat16", RAW32 // 2),
                                                 ("int8", RAW32 // 4), ("binary", 128_000_000)])
def test_dtype_scales_the_raw_bytes(dtype, expected):
    est = estimate_storage(N, D, dtype, "FLAT")
    assert est.raw_vector_bytes == est.memory_bytes == est.disk_bytes == expected


def test_binary_flat_and_ivf_map_to_the_binary_indexes():
    flat = estimate_storage(N, D, "binary", "FLAT")
    assert flat.index_type == "BIN_FLAT" and "BIN_FLAT in Milvus" in flat.formula
    assert "https://milvus.io/docs/bin-flat.md" in flat.sources
    assert "https://milvus.io/docs/bin-flat.md" not in estimate_storage(N, D, "float32", "FLAT").sources
    ivf = estimate_storage(N, D, "binary", "BIN_IVF_FLAT")
    assert ivf.index_type == "BIN_IVF_FLAT"
    # Binary centroids stay binary: nlist x dims/8 bytes; ids 8 B each.
    assert ivf.memory_bytes == 128_000_000 + 4000 * D // 8 + N * 8


def test_hnsw_adds_exactly_the_graph_links():
    flat, hnsw = estimate_storage(N, D, "float32", "FLAT"), estimate_storage(N, D, "float32", "HNSW")
    assert hnsw.index_params == {"M": 16, "efConstruction": 200, "ef": 64}
    assert hnsw.memory_bytes - flat.memory_bytes == hnsw_graph_bytes(N, 16) == 144_266_667
    assert hnsw.index_overhead_bytes == hnsw_graph_bytes(N, 16)
    assert hnsw.disk_bytes == RAW32 + RAW32 + hnsw_graph_bytes(N, 16)  # binlogs + index file with the vectors
    wide = estimate_storage(N, D, "float32", "HNSW", index_params={"M": 32})
    assert wide.memory_bytes - RAW32 == hnsw_graph_bytes(N, 32)
    assert wide.index_params["M"] == 32 and wide.index_params["efConstruction"] == 200


def test_ivf_sq8_memory_is_codes_centroids_and_ids():
    est = estimate_storage(N, D, "float32", "IVF_SQ8")
    nlist = int(4 * math.sqrt(N))
    assert est.index_params == {"nlist": nlist, "nprobe": 8} and nlist == 4000
    assert est.memory_bytes == N * D + nlist * D * 4 + N * 8
    assert est.memory_bytes < estimate_storage(N, D, "float32", "FLAT").memory_bytes
    assert est.index_overhead_bytes < 0
    assert est.disk_bytes == RAW32 + est.memory_bytes


def test_ivf_flat_and_ivf_pq_layouts():
    flat = estimate_storage(N, D, "float32", "IVF_FLAT")
    assert flat.memory_bytes == RAW32 + 4000 * D * 4 + N * 8
    pq = estimate_storage(N, D, "float32", "IVF_PQ")
    assert pq.index_params["m"] == 512 and pq.index_params["nbits"] == 8
    assert pq.memory_bytes == N * 512 + 256 * D * 4 + 4000 * D * 4 + N * 8
    assert estimate_storage(10, 1, "float32", "IVF_FLAT").index_params == {"nlist": 12, "nprobe": 8}
    assert estimate_storage(1, 16, "float32", "IVF_FLAT").index_params == {"nlist": 4, "nprobe": 4}


def test_hnsw_sq_keeps_one_byte_per_dimension_and_optional_refine():
    est = estimate_storage(N, D, "float32", "HNSW_SQ")
    assert est.memory_bytes == N * D + hnsw_graph_bytes(N, 16)
    assert est.memory_bytes < estimate_storage(N, D, "float32", "HNSW").memory_bytes
    refined = estimate_storage(N, D, "float32", "HNSW_SQ", index_params={"refine": True, "refine_type": "FP16"})
    assert refined.memory_bytes == est.memory_bytes + N * D * 2


def test_truncating_to_a_quarter_quarters_the_raw_bytes():
    est = estimate_storage(N, D, "float32", "FLAT", truncate_dims=256, matryoshka_dims=[1024, 512, 256])
    assert est.dims == 256 and est.raw_vector_bytes == RAW32 // 4
    assert "1,024 -> 256" in est.formula


def test_diskann_keeps_pq_codes_and_cache_in_memory_and_the_graph_on_disk():
    est = estimate_storage(N, D, "float32", "DISKANN")
    assert est.memory_bytes < estimate_storage(N, D, "float32", "FLAT").memory_bytes
    assert est.memory_bytes == round(RAW32 * (0.125 + 0.1))
    assert est.disk_bytes > est.raw_vector_bytes
    assert est.disk_bytes == RAW32 + N * (D * 4 + 4 + 56 * 4) + RAW32 // 8
    assert est.index_params["max_degree"] == 56


def test_sparse_estimate_scales_with_nnz():
    small = estimate_storage(N, 30522, "float32", "SPARSE_INVERTED_INDEX", sparse_nnz_per_vector=100)
    large = estimate_storage(N, 30522, "float32", "SPARSE_INVERTED_INDEX", sparse_nnz_per_vector=200)
    assert small.raw_vector_bytes == N * 100 * 8
    assert small.memory_bytes == N * 100 * (8 + 8)
    assert large.raw_vector_bytes == 2 * small.raw_vector_bytes and large.memory_bytes == 2 * small.memory_bytes
    assert large.disk_bytes == 2 * small.disk_bytes


@pytest.mark.parametrize("index_type", INDEX_TYPES)
def test_every_index_type_estimates_with_sources_and_formula(index_type):
    est = estimate_storage(100_000, 768, "float32", index_type, sparse_nnz_per_vector=50)
    assert est.memory_bytes > 0 and est.disk_bytes >= est.raw_vector_bytes
    assert est.memory_bytes == est.raw_vector_bytes + est.index_overhead_bytes
    assert est.sources and all(url.startswith("https://") for url in est.sources)
    assert f"{est.raw_vector_bytes:,} B" in est.formula


def test_storage_options_lists_each_combination_once():
    rows = storage_options(N, D, matryoshka_dims=[1024, 768, 512, 256, 128, 64], sparse_nnz_per_vector=120)
    keys = [(r.dtype, r.index_type, r.dims) for r in rows]
    assert len(keys) == len(set(keys)) == MAX_OPTIONS
    base = {(dt, ix, D) for dt in ("float32", "float16", "int8") for ix in ("FLAT", "HNSW", "IVF_SQ8", "DISKANN")}
    assert base | {("binary", "BIN_FLAT", D)} <= set(keys)
    assert not any(dtype == "binary" and ix != "BIN_FLAT" for dtype, ix, _ in keys)
    assert {d for _, _, d in keys if d != D} == {768, 256, 64}  # largest, middle, smallest truncation
    assert ("float32", "SPARSE_INVERTED_INDEX", D) in keys
    plain = storage_options(N, 1002)  # not a multiple of 8: no binary row
    assert len(plain) == 12 and all(r.dtype != "binary" for r in plain)


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"n_vectors": 0}, "n_vectors"),
    ({"n_vectors": -5}, "n_vectors"),
    ({"dims": 0}, "dims"),
    ({"dims": 1.5}, "dims"),
    ({"dtype": "float64"}, "dtype"),
    ({"index_type": "ANNOY"}, "index_type"),
    ({"truncate_dims": 2048}, "truncate_dims"),
    ({"truncate_dims": 300, "matryoshka_dims": [512, 256]}, "truncate_dims"),
    ({"dtype": "binary", "index_type": "FLAT", "dims": 1001}, "dims"),
    ({"dtype": "binary", "index_type": "FLAT", "truncate_dims": 100}, "truncate_dims"),
    ({"dtype": "binary", "index_type": "HNSW"}, "index_type"),
    ({"dtype": "binary", "index_type": "DISKANN"}, "index_type"),
    ({"index_type": "SPARSE_INVERTED_INDEX"}, "sparse_nnz_per_vector"),
    ({"index_type": "SPARSE_INVERTED_INDEX", "sparse_nnz_per_vector": 10, "dtype": "float16"}, "dtype"),
    ({"index_type": "HNSW", "index_params": {"m": 16}}, "index_params"),
    ({"index_type": "HNSW", "index_params": {"M": 1}}, "index_params.M"),
    ({"index_type": "IVF_PQ", "index_params": {"m": 7}}, "index_params.m"),
    ({"index_type": "DISKANN", "index_params": {"pq_code_budget_gb_ratio": 0.5}},
     "index_params.pq_code_budget_gb_ratio"),
    ({"index_type": "HNSW_SQ", "index_params": {"sq_type": "SQ4"}}, "index_params.sq_type"),
    ({"matryoshka_dims": [4096], "truncate_dims": 256}, "matryoshka_dims"),
])
def test_bad_inputs_name_the_field(kwargs, field):
    args = {"n_vectors": 1000, "dims": 1024, **kwargs}
    with pytest.raises(InvalidFilterError) as info:
        estimate_storage(**args)
    assert info.value.field == field
    assert field in str(info.value)


def test_aliases_are_accepted():
    assert estimate_storage(N, D, "FP16", "hnsw").dtype == "float16"
    assert estimate_storage(N, D, "binary", "bin_flat").index_type == "BIN_FLAT"


def test_vector_storage_tool_is_bounded_json_and_its_docstring_parses():
    from langchain_core.tools import tool

    result = vector_storage(N, D, "float16", "HNSW", matryoshka_dims=[512, 256], sparse_nnz_per_vector=120)
    assert set(result) == {"estimate", "options"}
    assert result["estimate"]["raw_vector_bytes"] == RAW32 // 2 and result["estimate"]["formula"]
    assert 0 < len(result["options"]) <= MAX_OPTIONS and all("formula" not in row for row in result["options"])
    assert len(json.dumps(result)) < 20_000
    lc_tool = tool(parse_docstring=True)(vector_storage)
    assert "matryoshka_dims" in lc_tool.args and lc_tool.description.startswith("Estimate the RAM and disk")


def test_estimates_are_fast_enough_for_the_recommendation_engine():
    estimate_storage(N, D)
    start = time.perf_counter()
    for _ in range(1000):
        estimate_storage(N, D, "float16", "HNSW")
    assert time.perf_counter() - start < 1.0


def test_bundled_layouts_load_once_and_bad_data_names_file_and_field(tmp_path):
    table = load_milvus_index()
    assert load_milvus_index() is table
    assert {e.name for e in table.indexes} == set(INDEX_TYPES)
    broken = tmp_path / "milvus_index.yaml"
    broken.write_text(MILVUS_INDEX_FILE.read_text(encoding="utf-8").replace("max_degree: 56", "max_degre: 56"),
                      encoding="utf-8")
    with pytest.raises(KnowledgeDataError) as info:
        load_milvus_index(broken)
    assert str(broken) in str(info.value) and "indexes[DISKANN]" in str(info.value) and "max_degree" in str(info.value)


def _size_on_disk(path: Path) -> int:
    """Allocated bytes (st_blocks x 512) of a file or of every file under a directory."""
    files = [path] if path.is_file() else [Path(root, name) for root, _, names in os.walk(path) for name in names]
    return sum(f.stat().st_blocks * 512 for f in files if not f.is_symlink())


def _settled_size_on_disk(path: Path, timeout_s: float = 30.0) -> int:
    """Size on disk once it stops changing: Milvus Lite writes the FLAT index file a moment after flush returns."""
    deadline, last = time.monotonic() + timeout_s, -1
    while (size := _size_on_disk(path)) != last and time.monotonic() < deadline:
        last = size
        time.sleep(0.5)
    return size


@pytest.mark.slow
def test_milvus_lite_flat_collection_matches_the_estimate(tmp_path):
    from pymilvus import DataType, MilvusClient

    n, dims = 20_000, 128
    est = estimate_storage(n, dims, "float32", "FLAT")
    assert est.raw_vector_bytes == n * dims * 4
    db = tmp_path / "m.db"
    client = MilvusClient(str(db))
    try:
        schema = client.create_schema(auto_id=False)
        schema.add_field("id", DataType.INT64, is_primary=True)
        schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dims)
        index_params = client.prepare_index_params()
        index_params.add_index(field_name="vector", index_type="FLAT", metric_type="L2")
        client.create_collection("storage", schema=schema, index_params=index_params)
        vectors = np.random.default_rng(0).random((n, dims), dtype=np.float32)
        for start in range(0, n, 5000):
            client.insert("storage", [{"id": i, "vector": vectors[i]} for i in range(start, start + 5000)])
        client.flush("storage")
        assert client.get_collection_stats("storage")["row_count"] == n
        measured = _settled_size_on_disk(db)
    finally:
        client.close()
    ratio = measured / est.disk_bytes
    assert 0.5 <= ratio <= 3.0, f"Milvus Lite folder {measured:,} B vs estimated {est.disk_bytes:,} B: {ratio:.2f}x"
