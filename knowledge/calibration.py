"""The measured CPU calibration and the stated assumptions behind the hardware-fit estimator."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from knowledge.curated import DATA_DIR, Fact, load_data

CALIBRATION_FILE = DATA_DIR / "calibration.yaml"

Positive = Annotated[float, Field(gt=0)]
NonNegative = Annotated[float, Field(ge=0)]
# Measured speed per vCPU over the reference per-vCPU peak. It can pass 1: the reference counts a c7i vCPU, which is
# a hyperthread (half a core), while a vCPU of the calibration machine may be a whole core; it cannot pass 2.
RelativeSpeed = Annotated[float, Field(gt=0, le=2)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LengthMeasurement(_Strict):
    """Batched encoding throughput at one exact input length."""

    seq_tokens: int = Field(gt=0)
    texts_per_s: Positive
    tokens_per_s: Positive
    gflop_per_s: Positive
    gflop_per_s_per_core: Positive
    utilisation: RelativeSpeed


class QueryLatency(_Strict):
    """Single-query encode latency: what one search request waits for its query embedding."""

    query_tokens: int = Field(gt=0)
    calls: int = Field(gt=0)
    latency_ms_p50: Positive
    latency_ms_p95: Positive
    p95_over_p50: float = Field(ge=1)
    model_compute_ms: NonNegative
    overhead_ms: NonNegative
    overhead_rule: str


class CpuCalibration(_Strict):
    """One run of ``bench/calibrate.py``: the machine, what was measured, and the utilisation derived from it."""

    source: str = Field(min_length=4)
    checked_on: dt.date
    date: dt.date
    cpu_model: str
    cores: int = Field(gt=0)
    threads: int = Field(gt=0)
    torch_version: str
    sentence_transformers_version: str
    model: str
    n_parameters: int = Field(gt=0)
    n_embedding_parameters: int = Field(ge=0)
    hidden_size: int = Field(gt=0)
    batch_size: int = Field(gt=0)
    lengths: list[LengthMeasurement] = Field(min_length=1)
    reference_peak_gflops_per_core: Positive
    reference_peak_rule: str
    utilisation: RelativeSpeed
    utilisation_rule: str
    query: QueryLatency
    tokenizer_tokens_per_s_per_core: Positive
    runtime_memory_gb: Positive
    runtime_memory_rule: str
    note: str | None = None


class Calibration(_Strict):
    """Schema of ``calibration.yaml``."""

    cpu: CpuCalibration
    gpu_call_overhead_ms: Fact[Positive]
    apple_call_overhead_ms: Fact[Positive]
    gpu_runtime_memory_gb: Fact[Positive]
    apple_runtime_memory_gb: Fact[Positive]
    activation_memory_fraction: Fact[NonNegative]
    static_host_cores: Fact[Annotated[int, Field(gt=0)]]


def load_calibration(path: Path | None = None) -> Calibration:
    """Load and validate the calibration file.

    Args:
        path: A YAML file to read; ``None`` reads the bundled ``knowledge/data/calibration.yaml`` (cached).

    Returns:
        The validated calibration.

    Raises:
        KnowledgeDataError: The file is unreadable or invalid; the message names the file and the field.
    """
    return load_data(path, CALIBRATION_FILE, Calibration)
