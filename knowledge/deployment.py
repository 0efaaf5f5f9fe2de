"""Deployment facts: API rate limits, CPU architectures, quantisation quality costs, rerankers, advice defaults."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from knowledge.curated import DATA_DIR, load_data

DEPLOYMENT_FILE = DATA_DIR / "deployment.yaml"
CpuArch = Literal["x86", "arm_server", "arm", "apple"]


class _Sourced(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field(min_length=4)
    checked_on: dt.date
    note: str | None = None


class Limits(_Sourced):
    """The documented, overridable defaults of the feasibility checks."""

    max_first_indexing_days: float = Field(gt=0)
    max_compute_utilisation: float = Field(gt=0, le=1)
    vector_ram_share: float = Field(gt=0, le=1)
    hosting_headroom: float = Field(ge=1)
    sparse_nnz_per_vector: float = Field(gt=0)


class QueryTokens(_Sourced):
    """Average query length by domain."""

    values: dict[str, int]


class CpuArchitecture(_Sourced):
    """A CPU architecture's per-core throughput against the x86 classes of hardware.yaml."""

    name: CpuArch
    label: str
    relative_throughput: float = Field(gt=0, le=4)
    rentable: bool


class ApiRateLimit(_Sourced):
    """A provider's embedding throughput at a stated tier, and its batch API's turnaround."""

    provider: str
    tier: str
    tokens_per_minute: int = Field(gt=0)
    batch_turnaround_hours: float | None = Field(default=None, gt=0)


class QualityCost(_Sourced):
    """Share of full-precision retrieval quality an option is reported to keep."""

    option: str
    retention: float = Field(gt=0, le=1)


class Reranker(_Sourced):
    """A second-stage reranker that may be suggested."""

    name: str
    kind: Literal["open", "api"]
    n_parameters: int | None = Field(default=None, gt=0)
    multilingual: bool
    license: str
    max_tokens: int = Field(gt=0)
    price_usd_per_1k_searches: float | None = Field(default=None, ge=0)
    latency_ms_p95: float | None = Field(default=None, gt=0)


class DeploymentFacts(BaseModel):
    """Schema of deployment.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    limits: Limits
    query_tokens_by_domain: QueryTokens
    cpu_architectures: list[CpuArchitecture] = Field(min_length=1)
    api_rate_limits: list[ApiRateLimit] = Field(min_length=1)
    quality_costs: list[QualityCost] = Field(min_length=1)
    rerankers: list[Reranker] = Field(min_length=1)

    def architecture(self, name: str) -> CpuArchitecture:
        """The architecture entry called ``name``."""
        return next(a for a in self.cpu_architectures if a.name == name)

    def rate_limit(self, provider: str | None) -> ApiRateLimit | None:
        """The rate limit of a provider, or None when none is recorded."""
        return next((r for r in self.api_rate_limits if r.provider == provider), None)

    def quality(self, option: str) -> QualityCost:
        """The reported quality cost of an option (float16, sq8, int8, pq, diskann, binary, matryoshka_*)."""
        return next(q for q in self.quality_costs if q.option == option)


@functools.cache
def _bundled() -> DeploymentFacts:
    return load_data(None, DEPLOYMENT_FILE, DeploymentFacts)


def load_deployment(path: Path | None = None) -> DeploymentFacts:
    """Load and validate deployment.yaml (the bundled file is read once per process)."""
    return _bundled() if path is None else load_data(path, DEPLOYMENT_FILE, DeploymentFacts)
