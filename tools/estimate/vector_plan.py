"""The vector plan: stored dims, value type and Milvus index chosen so the index fits the memory budget.

Native output dimensions are the default. Cheaper layouts are tried in order of their reported quality cost
(float16 field, SQ8 codes in HNSW_SQ / IVF_SQ8, DISKANN, IVF_PQ, a Matryoshka truncation the model supports, binary),
and the first whose serving memory fits the budget is chosen; every one is listed as an explicit option with its
memory, disk and expected quality cost (knowledge/data/deployment.yaml). When nothing fits, the plan says so and
what would. The Milvus field type and dim follow the chosen option, so the schema always matches what the model
outputs under it. The byte formula of the chosen option is the recommendation's ``storage.formula``.
"""

from __future__ import annotations

import functools
from typing import Any

from pydantic import BaseModel, ConfigDict

from knowledge.deployment import load_deployment
from tools.estimate.storage import SPARSE, estimate_storage

FLAT_BELOW_VECTORS = 50_000
MIN_TRUNCATED_DIMS = 256
DATATYPES = {"float32": "FLOAT_VECTOR", "float16": "FLOAT16_VECTOR", "int8": "INT8_VECTOR",
             "binary": "BINARY_VECTOR", "sparse": "SPARSE_FLOAT_VECTOR"}
SEARCH_KEYS = {"ef", "nprobe"}
MEASURE = ("embedding-advisor evaluate --corpus ./sample-of-your-docs --models {model} --index {index} -o out/plan "
           "(reports the recall lost against exact search)")
TARGET = ("target: Milvus server 2.5+ (standalone, distributed or Zilliz Cloud); Milvus Lite lacks FLOAT16 / INT8 / "
          "BINARY fields, IVF_PQ and DISKANN")


class VectorOption(BaseModel):
    """One way to store the vectors: dims, value type and index, with memory, disk and the quality it keeps."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    dims: int | None
    dtype: str
    index_type: str
    memory_gb: float
    disk_gb: float
    fits: bool
    retention: float
    quality_cost: str


class VectorPlan(BaseModel):
    """The chosen vector layout for one model on one profile and the options it was chosen from."""

    model_config = ConfigDict(extra="forbid")

    native_dims: int | None
    dims: int | None
    truncated_from: int | None
    dtype: str
    milvus_datatype: str
    index_type: str
    index_params: dict[str, Any]
    search_params: dict[str, Any]
    metric_type: str | None
    n_vectors: int
    memory_gb: float
    disk_gb: float
    memory_budget_gb: float
    fits: bool
    quality_cost: str
    note: str
    options: list[VectorOption]
    measure_command: str


def _cost_text(key: str | None, extra: str = "", full: bool = True) -> tuple[float, str]:
    """The retention and its words: with ``full`` the published note and source, else a short label."""
    if key is None:
        return 1.0, "none: native dimensions in float32" + extra
    q = load_deployment().quality(key)
    if not full:
        return q.retention, f"~{q.retention:.0%} kept ({key})" + extra
    return q.retention, f"keeps ~{q.retention:.0%} of retrieval quality ({q.note}; {q.source})" + extra


def _layouts(native: int, mrl: tuple[int, ...], n_vectors: int) -> list[tuple[int, str, str, str | None]]:
    """(dims, dtype, index, quality key) in order of expected quality cost."""
    if n_vectors < FLAT_BELOW_VECTORS:
        rows: list[tuple[int, str, str, str | None]] = [(native, "float32", "FLAT", None)]
    else:
        rows = [(native, "float32", "HNSW", None)]
    rows += [(native, "float16", "HNSW", "float16"), (native, "float32", "HNSW_SQ", "sq8"),
             (native, "float32", "IVF_SQ8", "sq8"), (native, "float32", "DISKANN", "diskann"),
             (native, "int8", "HNSW", "int8"), (native, "float32", "IVF_PQ", "pq")]
    for d in _truncations(native, mrl):
        key = "matryoshka_half" if d >= native / 2 else "matryoshka_quarter"
        rows += [(d, "float16", "HNSW", key), (d, "float32", "IVF_SQ8", key)]
    if native % 8 == 0:
        rows.append((native, "binary", "IVF_FLAT", "binary"))
    return rows


def _truncations(native: int, mrl: tuple[int, ...]) -> list[int]:
    """Up to four supported truncations: the largest at most half, a quarter, 512 and 256 dims."""
    allowed = sorted((d for d in mrl if MIN_TRUNCATED_DIMS <= d < native), reverse=True)
    picks = {next((d for d in allowed if d <= native * share), None) for share in (0.5, 0.25)}
    picks |= {d for d in allowed if d in (512, MIN_TRUNCATED_DIMS)}
    return sorted((d for d in picks if d is not None), reverse=True)


def _split(index: str, params: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    if index == "DISKANN":
        build = {k: v for k, v in params.items() if k != "search_list_size"}
        return build, {"search_list": params.get("search_list_size", 100)}
    if index == "FLAT":
        return {}, {}
    return ({k: v for k, v in params.items() if k not in SEARCH_KEYS and v is not None},
            {k: v for k, v in params.items() if k in SEARCH_KEYS})


def plan_vectors(model: str, native_dims: int | None, mrl_dims: tuple[int, ...], n_vectors: int,
                 memory_budget_gb: float, metric: str, sparse_nnz: float | None = None) -> VectorPlan:
    """Choose the vector layout for ``model`` (``native_dims`` None: a sparse model with ``sparse_nnz`` terms a vector).

    Args:
        model: catalog name (for the measure command).
        native_dims: the model's output dimensions; None for a sparse model.
        mrl_dims: the Matryoshka truncations the model supports (empty when none).
        n_vectors: vectors (chunks) stored.
        memory_budget_gb: RAM the index may take.
        metric: the dense metric from the model's similarity (COSINE, IP, L2).
        sparse_nnz: non-zero terms per sparse vector (sparse models only).
    """
    plan = _plan(native_dims, mrl_dims, n_vectors, memory_budget_gb, metric, sparse_nnz)
    return plan.model_copy(update={"measure_command": MEASURE.format(model=model, index=plan.measure_command)})


@functools.lru_cache(maxsize=8192)
def _plan(native_dims: int | None, mrl_dims: tuple[int, ...], n_vectors: int, memory_budget_gb: float, metric: str,
          sparse_nnz: float | None) -> VectorPlan:
    if native_dims is None:
        est = estimate_storage(n_vectors, 30522, "float32", SPARSE, sparse_nnz_per_vector=sparse_nnz or 250)
        mem, disk = est.memory_bytes / 1e9, est.disk_bytes / 1e9
        fits = mem <= memory_budget_gb
        note = (f"sparse inverted index: {mem:,.2f} GB in memory against {memory_budget_gb:g} GB" if fits else
                f"nothing fits: the sparse index needs {mem:,.2f} GB against {memory_budget_gb:g} GB; "
                f"{mem / load_deployment().limits.vector_ram_share:,.0f} GB of RAM would hold it")
        option = VectorOption(dims=None, dtype="sparse", index_type=SPARSE, memory_gb=round(mem, 3),
                              disk_gb=round(disk, 3), fits=fits, retention=1.0, quality_cost="none")
        return VectorPlan(native_dims=None, dims=None, truncated_from=None, dtype="sparse",
                          milvus_datatype=DATATYPES["sparse"], index_type=SPARSE,
                          index_params={"inverted_index_algo": "DAAT_MAXSCORE"}, search_params={}, metric_type=None,
                          n_vectors=n_vectors, memory_gb=round(mem, 3), disk_gb=round(disk, 3),
                          memory_budget_gb=memory_budget_gb, fits=fits, quality_cost="none", note=note,
                          options=[option], measure_command="FLAT")
    options: list[VectorOption] = []
    chosen = None
    for dims, dtype, index, key in _layouts(native_dims, mrl_dims, n_vectors):
        est = estimate_storage(n_vectors, dims, dtype, index)
        mem, disk = est.memory_bytes / 1e9, est.disk_bytes / 1e9
        extra = f"; Matryoshka {native_dims} -> {dims} dims" if dims != native_dims and key and "matryoshka" in key \
            else ""
        retention, text = _cost_text(key, extra, full=False)
        if key in ("matryoshka_half", "matryoshka_quarter") and index == "IVF_SQ8":
            retention *= load_deployment().quality("sq8").retention
            text = f"~{retention:.0%} kept ({key} + sq8){extra}"
        option = VectorOption(dims=dims, dtype=dtype, index_type=est.index_type, memory_gb=round(mem, 3),
                              disk_gb=round(disk, 3), fits=mem <= memory_budget_gb, retention=round(retention, 3),
                              quality_cost=text)
        options.append(option)
        if chosen is None and option.fits:
            chosen = (option, est)
    if chosen is None:
        smallest = min(options, key=lambda o: o.memory_gb)
        est = estimate_storage(n_vectors, smallest.dims or native_dims, smallest.dtype,
                               "IVF_FLAT" if smallest.dtype == "binary" else smallest.index_type)
        need = min((o for o in options if o.index_type in ("HNSW_SQ", "IVF_SQ8") and o.dims == native_dims),
                   key=lambda o: o.memory_gb)
        share = load_deployment().limits.vector_ram_share
        note = (f"nothing fits in {memory_budget_gb:g} GB: even {smallest.dtype} {smallest.index_type} at "
                f"{smallest.dims} dims needs {smallest.memory_gb:,.1f} GB; {need.memory_gb / share:,.0f} GB of RAM "
                f"would hold {need.index_type} at native dims, or sharding over "
                f"{-(-need.memory_gb // memory_budget_gb):.0f} query nodes would")
        chosen = (smallest, est)
        fits = False
    else:
        fits = True
        option = chosen[0]
        first = options[0]
        note = (f"{option.index_type} {option.dtype} at {option.dims} dims: {option.memory_gb:,.2f} GB in memory "
                f"against a {memory_budget_gb:g} GB budget")
        if option is not first:
            note += (f" ({first.index_type} {first.dtype} would need {first.memory_gb:,.1f} GB, over the budget)")
    option, est = chosen
    keys = {"float16": "float16", "int8": "int8", "HNSW_SQ": "sq8", "IVF_SQ8": "sq8", "DISKANN": "diskann",
            "IVF_PQ": "pq", "BIN_IVF_FLAT": "binary"}
    key = keys.get(option.dtype) or keys.get(option.index_type)
    full = [] if key is None else [_cost_text(key)[1]]
    if option.dims is not None and native_dims is not None and option.dims != native_dims:
        full.append(_cost_text("matryoshka_half" if option.dims >= native_dims / 2 else "matryoshka_quarter")[1]
                    + f" ({native_dims} -> {option.dims} dims)")
    quality = "; ".join(full) if full else option.quality_cost
    build, search = _split(option.index_type if option.dtype != "binary" else "IVF_FLAT", est.index_params)
    metric_type = "HAMMING" if option.dtype == "binary" else metric
    return VectorPlan(
        native_dims=native_dims, dims=option.dims, truncated_from=native_dims if option.dims != native_dims else None,
        dtype=option.dtype, milvus_datatype=DATATYPES[option.dtype], index_type=option.index_type, index_params=build,
        search_params=search, metric_type=metric_type, n_vectors=n_vectors, memory_gb=option.memory_gb,
        disk_gb=option.disk_gb, memory_budget_gb=memory_budget_gb, fits=fits, quality_cost=quality,
        note=f"{note}; {TARGET}", options=options,
        measure_command=option.index_type if option.index_type in ("FLAT", "HNSW", "HNSW_SQ", "IVF_SQ8") else "HNSW")
