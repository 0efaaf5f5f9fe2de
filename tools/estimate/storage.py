"""Vector storage in Milvus: raw bytes, serving memory and disk per dtype and index type, each with its formula."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import Any, NamedTuple, get_args

from pydantic import BaseModel, ConfigDict, Field

from knowledge.errors import InvalidFilterError
from knowledge.milvus_layouts import IndexLayout, IndexType, VectorDType, load_milvus_index

__all__ = ["IndexType", "StorageEstimate", "VectorDType", "estimate_storage", "storage_options", "vector_storage"]

DTYPES: tuple[str, ...] = get_args(VectorDType)
INDEX_TYPES: tuple[str, ...] = get_args(IndexType)
SPARSE = "SPARSE_INVERTED_INDEX"
OPTION_DTYPES = ("float32", "float16", "int8", "binary")
OPTION_INDEXES = ("FLAT", "HNSW", "IVF_SQ8", "DISKANN")
# Matryoshka rows: at most three truncated sizes (largest, middle, smallest) x two dtypes, on HNSW.
MATRYOSHKA_ROWS = 3
MATRYOSHKA_DTYPES = ("float32", "float16")
MAX_OPTIONS = 20
_DTYPE_ALIASES = {"fp32": "float32", "float": "float32", "fp16": "float16", "half": "float16", "bf16": "bfloat16",
                  "bit": "binary", "ubinary": "binary"}
_INDEX_ALIASES = {"BIN_FLAT": "FLAT", "BIN_IVF_FLAT": "IVF_FLAT", "SPARSE": SPARSE}
_SQ_TYPES = ("SQ6", "SQ8", "BF16", "FP16")
_REFINE_TYPES = (*_SQ_TYPES, "FP32")
_OWN = " [{keys}: own reading of the {lib} layout, not stated in the Milvus docs]"


class StorageEstimate(BaseModel):
    """Bytes one vector field needs in Milvus for one dtype, index type and dimension count."""

    model_config = ConfigDict(extra="forbid")

    n_vectors: int
    dims: int = Field(description="Dimensions stored, after Matryoshka truncation (vocabulary size for sparse).")
    dtype: str
    index_type: str = Field(description="The Milvus index name (FLAT on binary vectors is BIN_FLAT).")
    index_params: dict[str, Any]
    raw_vector_bytes: int = Field(description="n_vectors x dims x bytes per value (binary: dims/8 bytes a vector).")
    index_overhead_bytes: int = Field(description="memory_bytes - raw_vector_bytes: what serving the index adds to the "
                                      "raw vectors; negative when the index replaces them (IVF_SQ8, IVF_PQ, HNSW_SQ, "
                                      "DISKANN keep compressed codes in RAM instead).")
    memory_bytes: int = Field(description="Query-node RAM to serve the loaded index.")
    disk_bytes: int = Field(description="Object storage: raw-vector binlogs plus index files.")
    formula: str
    sources: list[str]


def _fmt(value: float) -> str:
    return f"{round(value):,} B"


def _gb(value: float) -> str:
    return f"{value / 1e9:,.2f} GB"


def _positive_int(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise InvalidFilterError(field, value, "a positive integer")
    return value


def _choice(value: object, field: str, allowed: tuple[str, ...], aliases: dict[str, str], upper: bool) -> str:
    key = str(value).strip()
    key = key.upper() if upper else key.lower()
    key = aliases.get(key, key)
    if key not in allowed:
        raise InvalidFilterError(field, value, allowed)
    return key


def _matryoshka(values: list[int] | None, dims: int) -> list[int]:
    if not values:
        return []
    if not isinstance(values, list | tuple) or not all(
            isinstance(v, int) and not isinstance(v, bool) and 0 < v <= dims for v in values):
        raise InvalidFilterError("matryoshka_dims", values, f"a list of integers from 1 to dims ({dims})")
    return sorted(set(values), reverse=True)


def _number(params: dict[str, Any], key: str, low: float, high: float, integer: bool, high_open: bool = False) -> Any:
    value = params[key]
    kind = int if integer else (int, float)
    ok = isinstance(value, kind) and not isinstance(value, bool) and low <= value and (
        value < high if high_open else value <= high)
    if not ok:
        noun = "an integer" if integer else "a number"
        raise InvalidFilterError(f"index_params.{key}", value, f"{noun} in [{low}, {high}{')' if high_open else ']'}")
    return value


def _params(entry: IndexLayout, given: dict[str, Any] | None) -> dict[str, Any]:
    if given is not None and not isinstance(given, dict):
        raise InvalidFilterError("index_params", given, "a mapping of parameter names to values")
    for key in given or {}:
        if key not in entry.defaults:
            raise InvalidFilterError("index_params", key, sorted(entry.defaults) or "no parameters for this index")
    return {**entry.defaults, **(given or {})}


class _Field(NamedTuple):
    """What every layout needs: vector count, stored dims, bytes per dim (binary: 1/8) and raw bytes."""

    n: int
    dims: int
    bpd: float
    raw: float


class _Result(NamedTuple):
    """Bytes one layout gives, the formula parts behind them and the library whose layout we assumed."""

    memory: float
    index_file: float
    parts: list[str]
    memory_expr: str
    index_expr: str
    lib: str


def _graph(entry: IndexLayout, params: dict[str, Any], f: _Field) -> tuple[float, str]:
    m = _number(params, "M", 2, 2048, integer=True)
    for key in ("efConstruction", "ef"):
        _number(params, key, 1, 1 << 31, integer=True)
    lay = entry.layout
    per_vector = lay["layer0_links_per_m"] * m * lay["link_bytes"] + m * lay["link_bytes"] / (m - 1) \
        + lay["bookkeeping_bytes"]
    return f.n * per_vector, (
        f"graph = {f.n:,} x ({lay['layer0_links_per_m']:g}x{m} layer-0 links x {lay['link_bytes']:g} B + "
        f"{m}x{lay['link_bytes']:g} B/({m}-1) upper layers + {lay['bookkeeping_bytes']:g} B label/level) "
        f"= {_fmt(f.n * per_vector)}")


def _flat(entry: IndexLayout, params: dict[str, Any], f: _Field) -> _Result:
    return _Result(f.raw, 0.0, [], "raw vectors", "none: Milvus builds no index file for FLAT/BIN_FLAT", "")


def _pq_codes(entry: IndexLayout, params: dict[str, Any], f: _Field) -> tuple[float, str]:
    lay = entry.layout
    if params["m"] is None:  # the docs recommend m = D/2; m must divide D
        params["m"] = max(d for d in range(1, max(1, int(f.dims * lay["m_per_dim"])) + 1) if f.dims % d == 0)
    m, nbits = _number(params, "m", 1, f.dims, integer=True), _number(params, "nbits", 1, 16, integer=True)
    if f.dims % m:
        raise InvalidFilterError("index_params.m", m, f"a divisor of dims ({f.dims})")
    codes = f.n * math.ceil(m * nbits / 8) + 2**nbits * f.dims * lay["codebook_bytes_per_value"]
    return codes, (f"PQ codes = {f.n:,} x ceil({m}x{nbits}/8) B + codebooks 2^{nbits} x {f.dims:,} x "
                   f"{lay['codebook_bytes_per_value']:g} B = {_fmt(codes)}")


def _ivf(entry: IndexLayout, params: dict[str, Any], f: _Field) -> _Result:
    lay = entry.layout
    if params["nlist"] is None:
        rule = f"{lay['nlist_per_sqrt_n']:g} x sqrt(n) clipped to [{lay['nlist_min']:g}, {lay['nlist_max']:g}]"
        params["nlist"] = int(min(lay["nlist_max"], max(lay["nlist_min"], lay["nlist_per_sqrt_n"] * math.sqrt(f.n))))
    else:
        rule = "given"
    nlist = _number(params, "nlist", int(lay["nlist_min"]), int(lay["nlist_max"]), integer=True)
    # nprobe above nlist searches every list anyway; capping keeps the default valid for tiny collections.
    params["nprobe"] = min(nlist, _number(params, "nprobe", 1, int(lay["nlist_max"]), integer=True))
    centroid_bpd = f.bpd if f.bpd < 1 else lay["centroid_bytes_per_dim"]  # binary centroids stay binary
    centroids, ids = nlist * f.dims * centroid_bpd, f.n * lay["id_bytes"]
    if entry.name == "IVF_FLAT":
        codes, codes_text = f.raw, "vectors = raw"
    elif entry.name == "IVF_SQ8":
        codes = f.n * f.dims * lay["code_bytes_per_dim"]
        codes_text = f"SQ8 codes = {f.n:,} x {f.dims:,} x {lay['code_bytes_per_dim']:g} B = {_fmt(codes)}"
    else:
        codes, codes_text = _pq_codes(entry, params, f)
    index = codes + centroids + ids
    held = "vectors" if entry.name == "IVF_FLAT" else "codes"
    return _Result(index, index, [
        f"nlist = {nlist:,} ({rule})", f"centroids = {nlist:,} x {f.dims:,} x {centroid_bpd:g} B = {_fmt(centroids)}",
        f"ids = {f.n:,} x {lay['id_bytes']:g} B = {_fmt(ids)}", codes_text], f"{held} + centroids + ids",
        f"{held} + centroids + ids", "faiss IVF")


def _hnsw(entry: IndexLayout, params: dict[str, Any], f: _Field) -> _Result:
    graph, graph_text = _graph(entry, params, f)
    if entry.name == "HNSW":
        return _Result(f.raw + graph, f.raw + graph, [graph_text], "raw + graph", "raw + graph", "hnswlib/faiss HNSW")
    sq = _choice(params["sq_type"], "index_params.sq_type", _SQ_TYPES, {}, upper=True)
    if not isinstance(params["refine"], bool):
        raise InvalidFilterError("index_params.refine", params["refine"], "true or false")
    codes = f.n * f.dims * entry.layout[sq]
    parts = [graph_text, f"{sq} codes = {f.n:,} x {f.dims:,} x {entry.layout[sq]:g} B = {_fmt(codes)}"]
    if params["refine"]:
        ref = _choice(params["refine_type"] or "FP32", "index_params.refine_type", _REFINE_TYPES, {}, upper=True)
        if entry.layout[ref] <= entry.layout[sq]:
            raise InvalidFilterError("index_params.refine_type", ref, f"a type more precise than sq_type {sq}")
        codes += f.n * f.dims * entry.layout[ref]
        parts.append(f"refine copy = {f.n:,} x {f.dims:,} x {entry.layout[ref]:g} B ({ref})")
    return _Result(codes + graph, codes + graph, parts, "codes + graph", "codes + graph", "hnswlib/faiss HNSW")


def _diskann(entry: IndexLayout, params: dict[str, Any], f: _Field) -> _Result:
    degree = _number(params, "max_degree", 1, 512, integer=True)
    _number(params, "search_list_size", 1, 1 << 31, integer=True)
    pq_ratio = _number(params, "pq_code_budget_gb_ratio", 0.0, 0.25, integer=False)
    cache_ratio = _number(params, "search_cache_budget_gb_ratio", 0.0, 0.3, integer=False, high_open=True)
    if pq_ratio <= 0:
        raise InvalidFilterError("index_params.pq_code_budget_gb_ratio", pq_ratio, "a number in (0, 0.25]")
    pq, cache, lay = f.raw * pq_ratio, f.raw * cache_ratio, entry.layout
    index = f.n * (f.dims * f.bpd + lay["degree_count_bytes"] + degree * lay["link_bytes"]) + pq
    return _Result(pq + cache, index, [
        f"PQ codes = raw x {pq_ratio:g} = {_fmt(pq)}", f"cache = raw x {cache_ratio:g} = {_fmt(cache)}",
        f"disk index = {f.n:,} x ({f.dims:,} x {f.bpd:g} B vector + {lay['degree_count_bytes']:g} B degree + "
        f"{degree} x {lay['link_bytes']:g} B neighbours) + PQ codes = {_fmt(index)}"],
        "PQ codes + cache (graph on disk)", "disk index", "DiskANN disk-node")


def _sparse(entry: IndexLayout, params: dict[str, Any], f: _Field) -> _Result:
    postings = f.raw / entry.layout["raw_bytes_per_nnz"] * entry.layout["posting_bytes"]
    return _Result(f.raw + postings, postings, [
        f"postings = nnz x {entry.layout['posting_bytes']:g} B (4 B doc id + 4 B weight) = {_fmt(postings)}"],
        "raw rows + postings", "postings", "Knowhere sparse")


_LAYOUTS: dict[str, Callable[[IndexLayout, dict[str, Any], _Field], _Result]] = {
    "FLAT": _flat, "IVF_FLAT": _ivf, "IVF_SQ8": _ivf, "IVF_PQ": _ivf, "HNSW": _hnsw, "HNSW_SQ": _hnsw,
    "DISKANN": _diskann, SPARSE: _sparse}


def estimate_storage(n_vectors: int, dims: int, dtype: str = "float32", index_type: str = "HNSW",
                     index_params: dict[str, Any] | None = None, truncate_dims: int | None = None,
                     sparse_nnz_per_vector: float | None = None,
                     matryoshka_dims: list[int] | None = None) -> StorageEstimate:
    """Estimate the memory and disk one Milvus vector field needs; arguments and result as ``_estimate_storage``.

    Calls with the default index parameters are cached: the vector plan and the recommendation ask for the same
    layouts again.
    """
    if index_params is None and matryoshka_dims is None:
        try:
            return _cached_storage(n_vectors, dims, dtype, index_type, truncate_dims, sparse_nnz_per_vector)
        except TypeError:  # an unhashable argument: let the checks below name it
            pass
    return _estimate_storage(n_vectors, dims, dtype, index_type, index_params, truncate_dims, sparse_nnz_per_vector,
                             matryoshka_dims)


@functools.lru_cache(maxsize=16384)
def _cached_storage(n_vectors: int, dims: int, dtype: str, index_type: str, truncate_dims: int | None,
                    sparse_nnz_per_vector: float | None) -> StorageEstimate:
    return _estimate_storage(n_vectors, dims, dtype, index_type, None, truncate_dims, sparse_nnz_per_vector, None)


def _estimate_storage(n_vectors: int, dims: int, dtype: str = "float32", index_type: str = "HNSW",
                      index_params: dict[str, Any] | None = None, truncate_dims: int | None = None,
                      sparse_nnz_per_vector: float | None = None,
                      matryoshka_dims: list[int] | None = None) -> StorageEstimate:
    """Estimate the memory and disk one Milvus vector field needs; constants are loaded once, no I/O per call.

    Args:
        n_vectors: Number of vectors (chunks) stored.
        dims: Full embedding dimensions (for sparse vectors: the vocabulary size, which does not enter the bytes).
        dtype: One of ``float32``, ``float16``, ``bfloat16``, ``int8``, ``binary``.
        index_type: One of ``IndexType``; ``BIN_FLAT``/``BIN_IVF_FLAT`` are accepted for binary vectors.
        index_params: Overrides of the index defaults (e.g. ``{"M": 32}``); unknown keys are rejected.
        truncate_dims: Matryoshka truncation applied before storing; must not exceed ``dims``.
        sparse_nnz_per_vector: Average non-zero weights a sparse vector has; required for the sparse index.
        matryoshka_dims: The model's supported truncations; when given, ``truncate_dims`` must be one of them.

    Returns:
        The estimate with the formula (numbers plugged in) and the Milvus documentation behind it.

    Raises:
        InvalidFilterError: An argument is out of range or the dtype/index combination does not exist in Milvus.
    """
    table = load_milvus_index()
    n, full = _positive_int(n_vectors, "n_vectors"), _positive_int(dims, "dims")
    dtype = _choice(dtype, "dtype", DTYPES, _DTYPE_ALIASES, upper=False)
    index_type = _choice(index_type, "index_type", INDEX_TYPES, _INDEX_ALIASES, upper=True)
    entry = table.index(index_type)
    if dtype not in entry.dtypes:
        if index_type == SPARSE:
            raise InvalidFilterError("dtype", dtype, "float32 (Milvus sparse vectors are SPARSE_FLOAT_VECTOR)")
        supported = [e.binary_name or e.name if dtype == "binary" else e.name for e in table.indexes
                     if dtype in e.dtypes]
        raise InvalidFilterError("index_type", index_type, f"{', '.join(supported)} for {dtype} vectors")
    stored, notes = full, []
    if truncate_dims is not None:
        stored = _positive_int(truncate_dims, "truncate_dims")
        if index_type == SPARSE:
            raise InvalidFilterError("truncate_dims", stored, "none: Matryoshka truncation applies to dense vectors")
        allowed = _matryoshka(matryoshka_dims, full)
        if stored > full:
            raise InvalidFilterError("truncate_dims", stored, f"an integer from 1 to dims ({full})")
        if allowed and stored not in allowed and stored != full:
            raise InvalidFilterError("truncate_dims", stored, [str(d) for d in allowed])
        if stored != full:
            notes.append(f"Matryoshka truncation {full:,} -> {stored:,} dims")
    if dtype == "binary" and stored % 8:
        raise InvalidFilterError("truncate_dims" if stored != full else "dims", stored, "a multiple of 8 for binary")
    params = _params(entry, index_params)
    bpd = table.dtype(dtype).bytes_per_dim
    if index_type == SPARSE:
        if sparse_nnz_per_vector is None or isinstance(sparse_nnz_per_vector, bool) or not isinstance(
                sparse_nnz_per_vector, int | float) or not 0 < sparse_nnz_per_vector < math.inf:
            raise InvalidFilterError("sparse_nnz_per_vector", sparse_nnz_per_vector, "a positive number")
        raw = n * sparse_nnz_per_vector * entry.layout["raw_bytes_per_nnz"]
        raw_text = (f"raw = {n:,} x {sparse_nnz_per_vector:g} nnz x {entry.layout['raw_bytes_per_nnz']:g} B "
                    f"(4 B index + 4 B weight) = {_fmt(raw)}; dims ({stored:,}) do not enter the bytes")
    else:
        raw = n * stored * bpd
        raw_text = f"raw = {n:,} x {stored:,} dims x {bpd:g} B ({dtype}) = {_fmt(raw)}"
    res = _LAYOUTS[index_type](entry, params, _Field(n, stored, bpd, raw))
    name = (entry.binary_name or entry.name) if dtype == "binary" else entry.name  # the table gives binary a name
    if name != entry.name:
        notes.append(f"{entry.name} on binary vectors is {name} in Milvus")
    disk = raw + res.index_file
    own = entry.own_knowledge if res.lib else []
    formula = "; ".join([
        *notes, raw_text, *res.parts, f"memory = {res.memory_expr} = {_fmt(res.memory)} ({_gb(res.memory)})",
        f"disk = raw binlogs {_fmt(raw)} + index files ({res.index_expr}) {_fmt(res.index_file)} = {_fmt(disk)} "
        f"({_gb(disk)})"]) + (_OWN.format(keys=", ".join(own), lib=res.lib) if own else "")
    sources = list(dict.fromkeys([*entry.sources(binary=dtype == "binary"), table.dtype(dtype).source]))
    raw_int, memory_int = round(raw), round(res.memory)
    return StorageEstimate(n_vectors=n, dims=stored, dtype=dtype, index_type=name, index_params=params,
                           raw_vector_bytes=raw_int, index_overhead_bytes=memory_int - raw_int,
                           memory_bytes=memory_int, disk_bytes=round(disk), formula=formula, sources=sources)


def _truncations(matryoshka_dims: list[int] | None, dims: int) -> list[int]:
    smaller = [d for d in _matryoshka(matryoshka_dims, dims) if d < dims]
    if len(smaller) <= MATRYOSHKA_ROWS:
        return smaller
    return [smaller[0], smaller[len(smaller) // 2], smaller[-1]]


def storage_options(n_vectors: int, dims: int, matryoshka_dims: list[int] | None = None,
                    sparse_nnz_per_vector: float | None = None) -> list[StorageEstimate]:
    """Return a small table of alternatives: dtypes x indexes, Matryoshka truncations and the sparse index.

    Args:
        n_vectors: Number of vectors stored.
        dims: Full embedding dimensions.
        matryoshka_dims: Truncations the model supports; up to three (largest, middle, smallest) get HNSW rows.
        sparse_nnz_per_vector: Average non-zero weights per sparse vector; adds a SPARSE_INVERTED_INDEX row.

    Returns:
        At most ``MAX_OPTIONS`` estimates, each (dtype, index type, dims) once; combinations Milvus lacks
        (binary with HNSW, IVF_SQ8 or DISKANN; binary when dims is not a multiple of 8) are left out.
    """
    table = load_milvus_index()
    binary_ok = _positive_int(dims, "dims") % 8 == 0
    rows = [estimate_storage(n_vectors, dims, dtype, index)
            for dtype in OPTION_DTYPES if dtype != "binary" or binary_ok
            for index in OPTION_INDEXES if dtype in table.index(index).dtypes]
    rows += [estimate_storage(n_vectors, dims, dtype, "HNSW", truncate_dims=t, matryoshka_dims=matryoshka_dims)
             for t in _truncations(matryoshka_dims, dims) for dtype in MATRYOSHKA_DTYPES]
    if sparse_nnz_per_vector is not None:
        rows.append(estimate_storage(n_vectors, dims, "float32", SPARSE, sparse_nnz_per_vector=sparse_nnz_per_vector))
    return rows


def vector_storage(n_vectors: int, dims: int, dtype: str = "float32", index_type: str = "HNSW",
                   matryoshka_dims: list[int] | None = None, sparse_nnz_per_vector: float | None = None,
                   truncate_dims: int | None = None) -> dict[str, Any]:
    """Estimate the RAM and disk a Milvus collection's vectors need, and compare dtypes, indexes and truncations.

    Memory is what a query node holds to serve the index (DISKANN keeps only PQ codes and a cache in RAM); disk is
    the raw-vector binlogs plus index files in object storage. Scalar fields, primary keys and replicas are not
    included. Each estimate carries its formula with the numbers plugged in and the Milvus docs it relies on.

    Args:
        n_vectors: Number of vectors (chunks) to store, e.g. 1000000.
        dims: Embedding dimensions of the model, e.g. 1024.
        dtype: Value type: "float32", "float16", "bfloat16", "int8" or "binary" (1 bit per dimension).
        index_type: "FLAT", "IVF_FLAT", "IVF_SQ8", "IVF_PQ", "HNSW", "HNSW_SQ", "DISKANN" or
            "SPARSE_INVERTED_INDEX" (BM25 or learned sparse vectors; needs sparse_nnz_per_vector).
        matryoshka_dims: Smaller dimensions the model supports (Matryoshka), e.g. [768, 512, 256]; adds rows.
        sparse_nnz_per_vector: Average non-zero terms per sparse vector, e.g. 120; adds a sparse-index row.
        truncate_dims: Store vectors truncated to this many dimensions (one of matryoshka_dims when given).

    Returns:
        {"estimate": the requested configuration, "options": up to 20 alternatives without formulas}; byte
        fields are raw_vector_bytes, index_overhead_bytes (memory minus raw), memory_bytes and disk_bytes.
    """
    estimate = estimate_storage(n_vectors, dims, dtype, index_type, truncate_dims=truncate_dims,
                                sparse_nnz_per_vector=sparse_nnz_per_vector, matryoshka_dims=matryoshka_dims)
    options = storage_options(n_vectors, dims, matryoshka_dims, sparse_nnz_per_vector)
    return {"estimate": estimate.model_dump(mode="json"),
            "options": [row.model_dump(mode="json", exclude={"formula"}) for row in options]}
