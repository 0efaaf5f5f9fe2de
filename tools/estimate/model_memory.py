"""Model memory: how much memory one loaded copy of a model needs at a precision, and the estimators' shared rules."""

from __future__ import annotations

import functools
import math
from typing import Literal

from pydantic import BaseModel, ConfigDict

from knowledge.calibration import Calibration, load_calibration
from knowledge.errors import InvalidFilterError
from knowledge.hardware import Accelerator, load_hardware

Precision = Literal["fp32", "fp16", "int8"]
PRECISIONS: tuple[Precision, ...] = ("fp32", "fp16", "int8")
BYTES_PER_PARAM = {"fp32": 4, "fp16": 2, "int8": 1}
PREFERENCE: dict[str, tuple[Precision, ...]] = {"cpu": ("fp32", "int8"), "gpu": ("fp16", "int8"),
                                                 "apple": ("fp16", "int8")}  # fmt: skip




class Estimate(BaseModel):
    """An estimator's result: frozen, and no field beyond those declared."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class MemoryEstimate(Estimate):
    """Memory one copy of the model needs at a precision: the weights plus the runtime around them."""

    precision: Precision
    weights_gb: float
    total_gb: float
    formula: str


def check_positive(value: float | int | None, field: str) -> None:
    """Raise InvalidFilterError naming ``field`` unless ``value`` is None or a finite number above zero."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
        raise InvalidFilterError(field, value, "a number greater than 0")


def significant(value: float, digits: int = 4) -> float:
    """Round to ``digits`` significant figures: estimates carry no more, and JSON stays short."""
    return 0.0 if value == 0 else round(value, digits - 1 - math.floor(math.log10(abs(value))))


def check_precision(precision: str) -> Precision:
    """``precision`` if it is one of PRECISIONS, else an InvalidFilterError listing them."""
    if precision not in PRECISIONS:
        raise InvalidFilterError("precision", precision, PRECISIONS)
    return precision


@functools.lru_cache(maxsize=256)
def accelerator_named(name: str) -> Accelerator:
    """The hardware table's accelerator of that name (cached)."""
    return load_hardware().find(name)


def calibration() -> Calibration:
    """The calibration constants (knowledge/data/calibration.yaml)."""
    return load_calibration()


def _runtime_gb(kind: str) -> float:
    cal = calibration()
    if kind == "cpu":
        return cal.cpu.runtime_memory_gb
    return (cal.apple_runtime_memory_gb if kind == "apple" else cal.gpu_runtime_memory_gb).value


@functools.lru_cache(maxsize=4096)
def memory_estimate(n_parameters: int, precision: Precision, kind: str) -> MemoryEstimate:
    """The memory estimate for a checked precision and device kind (cached)."""
    fraction = calibration().activation_memory_fraction.value
    runtime = _runtime_gb(kind)
    bytes_per = BYTES_PER_PARAM[precision]
    unit = "bytes" if bytes_per > 1 else "byte"
    weights = n_parameters * bytes_per / 1e9
    total = weights * (1 + fraction) + runtime
    where = "CPU runtime (measured)" if kind == "cpu" else f"{'Metal' if kind == 'apple' else 'CUDA'} runtime"
    formula = (f"{n_parameters:,} params x {bytes_per} {unit} = {weights:.2f} GB; + {fraction:.0%} activations "
               f"and {runtime:.2f} GB {where} = {total:.2f} GB")
    return MemoryEstimate(precision=precision, weights_gb=round(weights, 4), total_gb=round(total, 3), formula=formula)


def estimate_memory(n_parameters: int, precision: str, kind: str = "gpu") -> MemoryEstimate:
    """Estimate the memory one loaded copy of a model needs.

    Rule: weights = parameters x bytes per parameter (4 fp32, 2 fp16, 1 int8); total = weights x (1 + the
    activation fraction in calibration.yaml) + a fixed runtime: the CUDA/Metal context on GPU and Apple (an
    assumption), the measured interpreter + torch + batch-activation footprint on CPU.

    Args:
        n_parameters: Total parameter count, embedding table included.
        precision: ``"fp32"``, ``"fp16"`` or ``"int8"``.
        kind: Device kind the runtime overhead is for: ``"gpu"``, ``"apple"`` or ``"cpu"``.

    Returns:
        The estimate with its formula.

    Raises:
        InvalidFilterError: A non-positive parameter count, or an unknown precision or kind.
    """
    check_positive(n_parameters, "n_parameters")
    if kind not in PREFERENCE:
        raise InvalidFilterError("kind", kind, tuple(PREFERENCE))
    return memory_estimate(int(n_parameters), check_precision(precision), kind)
