"""Curated facts that mteb lacks (API prices, tokenizers, domains...), loaded from YAML with provenance."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from knowledge.errors import KnowledgeDataError

T = TypeVar("T")

DATA_DIR = Path(__file__).parent / "data"

TokenizerFamily = Literal["WordPiece", "BPE", "byte-BPE", "SentencePiece-Unigram", "SentencePiece-BPE", "none"]
Domain = Literal["general", "legal", "medical", "code", "finance", "scientific", "ecommerce", "support", "multilingual"]
OutputType = Literal["dense", "sparse", "multi_vector"]
Architecture = Literal["static", "encoder", "decoder-llm", "sparse-lexical", "sparse-learned", "api"]


class Fact(BaseModel, Generic[T]):
    """One curated value with where it came from and when it was checked."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value: T
    source: str = Field(min_length=4)
    checked_on: dt.date
    note: str | None = None


class _Entry(BaseModel):
    """Shared shape: entry-level ``source``/``checked_on`` apply to facts given as plain values."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=2)
    aliases: list[str] = []
    source: str = Field(min_length=4)
    checked_on: dt.date

    @model_validator(mode="before")
    @classmethod
    def _wrap_plain_values(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        meta = {"name", "aliases", "source", "checked_on", "provider", "api_model_id", "scores_as"}
        wrapped = dict(data)
        for key, value in data.items():
            if key in meta or value is None:
                continue
            if isinstance(value, dict) and "value" in value:
                fact = {"source": data.get("source"), "checked_on": data.get("checked_on"), **value}
                wrapped[key] = fact
            else:
                wrapped[key] = {"value": value, "source": data.get("source"), "checked_on": data.get("checked_on")}
        return wrapped


class ApiModelEntry(_Entry):
    """A hosted embedding API model: price, limits, dimensions."""

    provider: str
    api_model_id: str
    scores_as: str | None = None
    """Catalog name whose published scores this API model shares (an API serving open weights)."""
    price_usd_per_1m_tokens: Fact[float]
    batch_price_usd_per_1m_tokens: Fact[float] | None = None
    max_input_tokens: Fact[int]
    dimensions: Fact[int]
    output_dimensions: Fact[list[int]] | None = None
    supports_shortening: Fact[bool] | None = None
    output_dtypes: Fact[list[str]] | None = None
    languages: Fact[list[str]] | None = None
    domains: Fact[list[Domain]] | None = None
    tokenizer_family: Fact[TokenizerFamily] | None = None
    tokenizer_name: Fact[str] | None = None
    vocab_size: Fact[int] | None = None
    rate_notes: Fact[str] | None = None
    release_date: Fact[dt.date] | None = None
    query_prefix: Fact[str] | None = None
    document_prefix: Fact[str] | None = None


class OpenModelEntry(_Entry):
    """An open-weights model: tokenizer, vocabulary, domains, output types, prefixes."""

    tokenizer_family: Fact[TokenizerFamily]
    vocab_size: Fact[int]
    domains: Fact[list[Domain]]
    output_types: Fact[list[OutputType]]
    architecture: Fact[Architecture]
    matryoshka_dims: Fact[list[int]] | None = None
    query_prefix: Fact[str] | None = None
    document_prefix: Fact[str] | None = None
    max_tokens: Fact[int] | None = None
    dimensions: Fact[int] | None = None
    n_parameters: Fact[int] | None = None
    license: Fact[str] | None = None
    languages: Fact[list[str]] | None = None
    training_data_notes: Fact[str] | None = None
    hf_id: Fact[str] | None = None


class _FileSchema(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ApiModelsFile(_FileSchema):
    """Schema of ``api_models.yaml``."""

    models: list[ApiModelEntry]


class OpenModelsFile(_FileSchema):
    """Schema of ``open_models.yaml``."""

    models: list[OpenModelEntry]


SchemaT = TypeVar("SchemaT", bound=BaseModel)


def load_yaml(path: Path, schema: type[SchemaT]) -> SchemaT:
    """Load and validate one curated YAML file; errors name the file and the field."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeDataError(f"{path}: cannot read YAML: {exc}") from exc
    try:
        return schema.model_validate(raw)
    except ValidationError as exc:
        problems = [f"{_where(raw, list(err['loc']))}: {err['msg']}" for err in exc.errors()]
        raise KnowledgeDataError(f"{path}: invalid data:\n  " + "\n  ".join(problems)) from exc


@functools.cache
def _load_bundled(path: Path, schema: type[SchemaT]) -> SchemaT:
    return load_yaml(path, schema)


def load_data(path: Path | None, bundled: Path, schema: type[SchemaT]) -> SchemaT:
    """Load ``path``, or the bundled file (read once per process) when ``path`` is None."""
    return _load_bundled(bundled, schema) if path is None else load_yaml(path, schema)


def _where(raw: Any, loc: list[Any]) -> str:
    """A validation error's location, naming list entries by their ``name`` (``models[BAAI/bge-m3].vocab_size``)."""
    if len(loc) >= 2 and isinstance(raw, dict) and isinstance(loc[1], int):
        entries = raw.get(loc[0])
        entry = entries[loc[1]] if isinstance(entries, list) and loc[1] < len(entries) else None
        if isinstance(entry, dict) and "name" in entry:
            return f"{loc[0]}[{entry['name']}]" + "".join(f".{p}" for p in loc[2:])
    return ".".join(str(p) for p in loc)


def load_api_models(path: Path | None = None) -> list[ApiModelEntry]:
    """Return the curated hosted-API models."""
    return load_yaml(path or DATA_DIR / "api_models.yaml", ApiModelsFile).models


def load_open_models(path: Path | None = None) -> list[OpenModelEntry]:
    """Return the curated open-weights models."""
    return load_yaml(path or DATA_DIR / "open_models.yaml", OpenModelsFile).models
