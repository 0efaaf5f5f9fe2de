"""Milvus vector-index layouts (defaults and byte constants with sources) for the storage estimator."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from knowledge.curated import DATA_DIR, load_data

VectorDType = Literal["float32", "float16", "bfloat16", "int8", "binary"]
IndexType = Literal["FLAT", "IVF_FLAT", "IVF_SQ8", "IVF_PQ", "HNSW", "HNSW_SQ", "DISKANN", "SPARSE_INVERTED_INDEX"]
ParamValue = int | float | str | bool | None

MILVUS_INDEX_FILE = DATA_DIR / "milvus_index.yaml"

_IVF = {"centroid_bytes_per_dim", "id_bytes", "nlist_per_sqrt_n", "nlist_min", "nlist_max"}
_GRAPH = {"link_bytes", "layer0_links_per_m", "bookkeeping_bytes"}
# Exactly the keys tools/estimate/storage.py reads for each index, so a typo in the file stops start-up.
REQUIRED_LAYOUT: dict[str, set[str]] = {
    "FLAT": set(),
    "IVF_FLAT": _IVF,
    "IVF_SQ8": _IVF | {"code_bytes_per_dim"},
    "IVF_PQ": _IVF | {"codebook_bytes_per_value", "m_per_dim"},
    "HNSW": _GRAPH,
    "HNSW_SQ": _GRAPH | {"SQ6", "SQ8", "BF16", "FP16", "FP32"},
    "DISKANN": {"link_bytes", "degree_count_bytes"},
    "SPARSE_INVERTED_INDEX": {"posting_bytes", "raw_bytes_per_nnz"},
}
REQUIRED_DEFAULTS: dict[str, set[str]] = {
    "FLAT": set(),
    "IVF_FLAT": {"nlist", "nprobe"},
    "IVF_SQ8": {"nlist", "nprobe"},
    "IVF_PQ": {"nlist", "m", "nbits", "nprobe"},
    "HNSW": {"M", "efConstruction", "ef"},
    "HNSW_SQ": {"M", "efConstruction", "ef", "sq_type", "refine", "refine_type"},
    "DISKANN": {"max_degree", "search_list_size", "pq_code_budget_gb_ratio", "search_cache_budget_gb_ratio"},
    "SPARSE_INVERTED_INDEX": {"inverted_index_algo"},
}


class DTypeLayout(BaseModel):
    """Bytes one dimension of a vector takes in a Milvus vector field of this data type."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: VectorDType
    milvus_type: str = Field(min_length=4)
    bytes_per_dim: float = Field(gt=0)
    source: str = Field(pattern=r"^https://")
    note: str | None = None


class IndexLayout(BaseModel):
    """One index type: the dtypes it accepts, its default parameters and the byte constants of its layout."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: IndexType
    dtypes: list[VectorDType] = Field(min_length=1)
    binary_name: str | None = None
    binary_source: str | None = Field(default=None, pattern=r"^https://")
    defaults: dict[str, ParamValue]
    layout: dict[str, float]
    own_knowledge: list[str] = []
    source: str = Field(pattern=r"^https://")
    also: list[str] = []
    checked_on: dt.date
    note: str | None = None

    @model_validator(mode="after")
    def _check_keys(self) -> IndexLayout:
        for kind, given, required in (("layout", self.layout, REQUIRED_LAYOUT[self.name]),
                                      ("defaults", self.defaults, REQUIRED_DEFAULTS[self.name])):
            if set(given) != required:
                raise ValueError(f"{kind} must have exactly the keys {sorted(required)}; "
                                 f"missing {sorted(required - set(given))}, unknown {sorted(set(given) - required)}")
        if unknown := set(self.own_knowledge) - set(self.layout):
            raise ValueError(f"own_knowledge names keys that are not in layout: {sorted(unknown)}")
        if not ("binary" in self.dtypes) == (self.binary_name is not None) == (self.binary_source is not None):
            raise ValueError("binary_name and binary_source must be given exactly when binary is among the dtypes")
        if bad := [url for url in self.also if not url.startswith("https://")]:
            raise ValueError(f"also must list https URLs, got {bad}")
        return self

    def sources(self, binary: bool = False) -> list[str]:
        """Return the documentation pages behind this layout, main page first.

        Args:
            binary: Whether the estimate is for binary vectors (adds the BIN_* page).

        Returns:
            The URLs, without duplicates.
        """
        extra = [self.binary_source] if binary and self.binary_source else []
        return list(dict.fromkeys([self.source, *self.also, *extra]))


class MilvusIndexTable(BaseModel):
    """Schema of ``milvus_index.yaml``: every dtype and every index type exactly once, with lookup by name."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    dtypes: list[DTypeLayout]
    indexes: list[IndexLayout]

    _dtypes: dict[str, DTypeLayout] = PrivateAttr(default_factory=dict)
    _indexes: dict[str, IndexLayout] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _build_lookup(self) -> MilvusIndexTable:
        for kind, seen, names in (("dtypes", [e.name for e in self.dtypes], VectorDType),
                                  ("indexes", [e.name for e in self.indexes], IndexType)):
            expected = list(get_args(names))
            if sorted(seen) != sorted(expected):
                raise ValueError(f"{kind} must list each of {expected} exactly once, got {seen}")
        self._dtypes.update({entry.name: entry for entry in self.dtypes})
        self._indexes.update({entry.name: entry for entry in self.indexes})
        return self

    def dtype(self, name: str) -> DTypeLayout:
        """Return the layout of a vector data type.

        Args:
            name: One of the ``VectorDType`` names, e.g. ``"float16"``.

        Returns:
            The dtype entry.
        """
        return self._dtypes[name]

    def index(self, name: str) -> IndexLayout:
        """Return the layout of an index type.

        Args:
            name: One of the ``IndexType`` names, e.g. ``"HNSW"``.

        Returns:
            The index entry.
        """
        return self._indexes[name]


def load_milvus_index(path: Path | None = None) -> MilvusIndexTable:
    """Load and validate the Milvus index layouts.

    Args:
        path: A YAML file to read; ``None`` reads the bundled ``knowledge/data/milvus_index.yaml`` (cached).

    Returns:
        The validated table.

    Raises:
        KnowledgeDataError: The file is unreadable or invalid; the message names the file and the field.
    """
    return load_data(path, MILVUS_INDEX_FILE, MilvusIndexTable)
