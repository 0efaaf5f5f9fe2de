"""Hardware fit: does a model fit an accelerator's memory, and how fast does it embed there."""

from __future__ import annotations

import functools
import math
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from knowledge.calibration import Calibration, load_calibration
from knowledge.catalog import ModelCard, default_catalog
from knowledge.errors import InvalidFilterError, ToolInputError
from knowledge.hardware import Accelerator, load_hardware

Precision = Literal["fp32", "fp16", "int8"]
PRECISIONS: tuple[Precision, ...] = ("fp32", "fp16", "int8")
BYTES_PER_PARAM = {"fp32": 4, "fp16": 2, "int8": 1}
# Share of parameters assumed to be the token-embedding table when the catalog does not say. It sits between
# BERT-base (~21%) and 7B decoders (~8%); multilingual vocabularies (bge-m3 ~45%) come out too slow.
UNKNOWN_EMBEDDING_SHARE = 0.15
# Width / depth of a typical transformer (MiniLM-L6 384/6, BERT-base 768/12, bge-m3 1024/24, Qwen3-8B 4096/36),
# used to infer the hidden size when the catalog's embedding size is missing or is not the hidden size.
ASPECT_RATIO = 64
TIGHT_FIT = 0.9
_PREFERENCE: dict[str, tuple[Precision, ...]] = {"cpu": ("fp32", "int8"), "gpu": ("fp16", "int8"),
                                                 "apple": ("fp16", "int8")}  # fmt: skip


class _Result(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MemoryEstimate(_Result):
    """Memory one copy of the model needs at a precision: the weights plus the runtime around them."""

    precision: Precision
    weights_gb: float
    total_gb: float
    formula: str


class ThroughputEstimate(_Result):
    """Batched embedding throughput and single-query latency on one accelerator."""

    accelerator: str
    precision: str
    seq_tokens: int
    tokens_per_s: float
    sequences_per_s: float
    query_latency_ms_p50: float
    query_latency_ms_p95: float
    formula: str
    calibration: str


class HardwareFit(_Result):
    """Whether a model fits an accelerator, at which precision, and how fast it runs there."""

    model: str
    accelerator: str
    memory_available_gb: float
    fits: bool
    precision: Precision | None
    memory: list[MemoryEstimate]
    throughput: ThroughputEstimate | None
    notes: list[str]


def _positive(value: float | int | None, field: str) -> None:
    """Raise InvalidFilterError naming ``field`` unless ``value`` is None or a finite number above zero."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
        raise InvalidFilterError(field, value, "a number greater than 0")


def _significant(value: float, digits: int = 4) -> float:
    """Round to ``digits`` significant figures: estimates carry no more, and JSON stays short."""
    return 0.0 if value == 0 else round(value, digits - 1 - math.floor(math.log10(abs(value))))


def _check_precision(precision: str) -> Precision:
    if precision not in PRECISIONS:
        raise InvalidFilterError("precision", precision, PRECISIONS)
    return precision  # type: ignore[return-value]


@functools.lru_cache(maxsize=256)
def _accelerator(name: str) -> Accelerator:
    return load_hardware().find(name)


def _calibration() -> Calibration:
    return load_calibration()


def _runtime_gb(kind: str) -> float:
    cal = _calibration()
    if kind == "cpu":
        return cal.cpu.runtime_memory_gb
    return (cal.apple_runtime_memory_gb if kind == "apple" else cal.gpu_runtime_memory_gb).value


@functools.lru_cache(maxsize=4096)
def _memory(n_parameters: int, precision: Precision, kind: str) -> MemoryEstimate:
    fraction = _calibration().activation_memory_fraction.value
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
    _positive(n_parameters, "n_parameters")
    if kind not in _PREFERENCE:
        raise InvalidFilterError("kind", kind, tuple(_PREFERENCE))
    return _memory(int(n_parameters), _check_precision(precision), kind)


def hidden_size_for(n_non_embedding: float, embed_dim: int | None = None) -> tuple[float, bool]:
    """Return the hidden size to use in the attention term, and whether it was inferred.

    A transformer has about 12 x layers x d^2 non-embedding parameters; with d = ASPECT_RATIO x layers that gives
    d = (ASPECT_RATIO x params / 12)^(1/3). The catalog's embedding size is used when it is within a factor of two
    of that (it is the hidden size for most models; projection heads and Matryoshka maxima can differ).

    Args:
        n_non_embedding: Non-embedding parameter count.
        embed_dim: The catalog's embedding size, if any.

    Returns:
        ``(hidden_size, inferred)``.
    """
    guess = (ASPECT_RATIO * n_non_embedding / 12) ** (1 / 3)
    if embed_dim and 0.5 * guess <= embed_dim <= 2 * guess:
        return float(embed_dim), False
    return guess, True


def flops_per_token(
    n_parameters: int, n_embedding_parameters: int | None, seq_tokens: int, hidden_size: float | None = None
) -> tuple[float, str]:
    """Forward FLOPs to embed one token of a ``seq_tokens``-long text.

    Matmuls: 2 x non-embedding parameters (an embedding lookup is no matmul). Attention: 4 x layers x d x
    seq_tokens (QK^T and AV, as in the PaLM paper's MFU accounting, appendix B); with 12 x layers x d^2 non-embedding
    parameters that is seq_tokens x non-embedding / (3 x d). Full bidirectional attention is counted, an upper
    bound for causal LLM embedders.

    Args:
        n_parameters: Total parameter count.
        n_embedding_parameters: Token-embedding parameters; ``None`` assumes 15% of the total.
        seq_tokens: Tokens per text.
        hidden_size: Model width d; ``None`` infers it from the parameter count.

    Returns:
        ``(flops, formula)``: FLOPs per token and the formula with the numbers plugged in.
    """
    if n_embedding_parameters is None:
        non_emb = n_parameters * (1 - UNKNOWN_EMBEDDING_SHARE)
        linear_text = f"2 x {n_parameters:,} x 0.85 (embedding share unknown, 15% assumed)"
    else:
        non_emb = max(n_parameters - n_embedding_parameters, 0)
        linear_text = f"2 x ({n_parameters:,} - {n_embedding_parameters:,} embedding)"
    linear = 2 * non_emb
    if non_emb <= 0:
        return 0.0, f"{linear_text} = 0 FLOP/token: a static model, no matmuls"
    d, inferred = hidden_size_for(non_emb) if hidden_size is None else (float(hidden_size), False)
    attention = seq_tokens * non_emb / (3 * d)
    d_text = f"d~{d:,.0f} inferred" if inferred else f"d={d:,.0f}"
    formula = (f"{linear_text} + attention {seq_tokens} x {non_emb:,.0f} / (3 x {d_text}) = "
               f"{linear / 1e6:,.1f} + {attention / 1e6:,.1f} = {(linear + attention) / 1e6:,.1f} MFLOP/token")
    return linear + attention, formula


def cpu_cores(acc: Accelerator) -> int:
    """Return the vCPU count of a CPU class: from its name (``cpu-8core``), else peak / calibrated per-core peak."""
    match = re.search(r"(\d+)\s*-?\s*core", acc.name.lower())
    if match:
        return int(match.group(1))
    per_core = _calibration().cpu.reference_peak_gflops_per_core
    return max(1, round(acc.fp32_tflops.value * 1000 / per_core))


def _calibration_text(acc: Accelerator, utilisation: float) -> str:
    cpu = _calibration().cpu
    cal = _calibration()
    ratio = f"p95/p50 = {cpu.query.p95_over_p50:.2f} from {cpu.query.calls} single-query calls on CPU"
    if acc.kind == "cpu":
        at = max(cpu.lengths, key=lambda m: m.seq_tokens)
        return (f"CPU utilisation {utilisation:.3f} measured by bench/calibrate.py on {cpu.cpu_model} "
                f"({cpu.cores} cores, torch {cpu.torch_version}) on {cpu.date}: {cpu.model} fp32, batch "
                f"{cpu.batch_size} x {at.seq_tokens} tokens = {at.tokens_per_s:,.0f} tokens/s "
                f"({at.gflop_per_s_per_core:.1f} GFLOP/s per core vs {cpu.reference_peak_gflops_per_core:.1f} "
                f"peak per core in hardware.yaml); per-call overhead {cpu.query.overhead_ms:.1f} ms and {ratio}")
    field = "apple_call_overhead_ms" if acc.kind == "apple" else "gpu_call_overhead_ms"
    device = "Apple GPU" if acc.kind == "apple" else "GPU"
    return (f"{device} utilisation {utilisation:.2f} from hardware.yaml defaults (an estimate, not measured: the "
            f"calibration machine has no {device}); per-call overhead {getattr(cal, field).value:.1f} ms assumed "
            f"(calibration.yaml {field}); {ratio}")


@functools.lru_cache(maxsize=8192)
def _throughput(
    n_parameters: int,
    n_embedding_parameters: int | None,
    acc_name: str,
    seq_tokens: int,
    precision: Precision,
    query_tokens: int,
    hidden_size: float | None,
) -> ThroughputEstimate:
    acc = _accelerator(acc_name)
    cal = _calibration()
    hardware = load_hardware()
    if precision == "int8" and not acc.int8_support.value:
        raise InvalidFilterError("precision", precision, f"fp16, fp32 ({acc.name} has no int8 support)")
    utilisation = cal.cpu.utilisation if acc.kind == "cpu" else hardware.utilisation_for(acc)
    # int8 is costed at the fp16 rate: hardware.yaml has no int8 TOPS, and dynamically quantised encoders
    # rarely reach the 2x the datasheets promise. CPU classes list fp16 = fp32.
    peak = acc.peak_tflops("fp32" if precision == "fp32" else "fp16")
    effective = peak * 1e12 * utilisation
    if acc.kind == "cpu":
        overhead_ms = cal.cpu.query.overhead_ms
    else:
        overhead_ms = (cal.apple_call_overhead_ms if acc.kind == "apple" else cal.gpu_call_overhead_ms).value
    weights_bytes = n_parameters * BYTES_PER_PARAM[precision]
    flops, flops_text = flops_per_token(n_parameters, n_embedding_parameters, seq_tokens, hidden_size)
    q_flops, _ = flops_per_token(n_parameters, n_embedding_parameters, query_tokens, hidden_size)
    if flops <= 0:
        # Static models: lookup + mean pooling on the host CPU; the tokeniser sets the pace.
        cores = cpu_cores(acc) if acc.kind == "cpu" else cal.static_host_cores.value
        per_core = cal.cpu.tokenizer_tokens_per_s_per_core
        tokens_per_s = per_core * cores
        compute_ms = query_tokens / per_core * 1e3
        formula = (f"{flops_text}; tokeniser-bound on the host CPU: {per_core:,.0f} tokens/s per core (measured) x "
                   f"{cores} cores = {tokens_per_s:,.0f} tokens/s; query p50 = {query_tokens} tokens / {per_core:,.0f} "
                   f"tokens/s = {compute_ms:.2f} ms + {overhead_ms:.1f} ms overhead")
    else:
        tokens_per_s = effective / flops
        compute_ms = query_tokens * q_flops / effective * 1e3
        memory_ms = weights_bytes / (acc.memory_bandwidth_gb_s.value * 1e9) * 1e3
        formula = (f"FLOPs/token = {flops_text}; effective = {peak:g} TFLOPS {precision} peak x {utilisation:.3f} "
                   f"utilisation = {effective / 1e12:,.3f} TFLOP/s; tokens/s = {effective / 1e12:,.3f}e12 / "
                   f"{flops / 1e6:,.1f}e6 = {tokens_per_s:,.0f}; query p50 = max({query_tokens} tokens x "
                   f"{q_flops / 1e6:,.1f} MFLOP / effective = {compute_ms:.2f} ms, weights {weights_bytes / 1e9:.2f} "
                   f"GB / {acc.memory_bandwidth_gb_s.value:g} GB/s = {memory_ms:.2f} ms) + {overhead_ms:.1f} ms "
                   "overhead")
        compute_ms = max(compute_ms, memory_ms)
    p50 = compute_ms + overhead_ms
    p95 = p50 * cal.cpu.query.p95_over_p50
    formula += f" = {p50:.1f} ms; p95 = p50 x {cal.cpu.query.p95_over_p50:.2f} = {p95:.1f} ms"
    return ThroughputEstimate(
        accelerator=acc.name,
        precision=precision,
        seq_tokens=seq_tokens,
        tokens_per_s=_significant(tokens_per_s),
        sequences_per_s=_significant(tokens_per_s / seq_tokens),
        query_latency_ms_p50=round(p50, 2),
        query_latency_ms_p95=round(p95, 2),
        formula=formula,
        calibration=_calibration_text(acc, utilisation),
    )


def estimate_throughput(
    n_parameters: int,
    n_embedding_parameters: int | None,
    accelerator: str,
    seq_tokens: int = 256,
    precision: str | None = None,
    query_tokens: int = 32,
    hidden_size: float | None = None,
) -> ThroughputEstimate:
    """Estimate batched embedding throughput and single-query latency.

    tokens/s = peak TFLOPS at the precision x utilisation / FLOPs per token (see ``flops_per_token``). CPU
    utilisation is the measured calibration; GPU and Apple utilisation are hardware.yaml's estimates. Query
    latency p50 = max(compute time, time to read the weights once) + a per-call overhead; p95 = p50 x the p95/p50
    ratio measured on CPU.

    Args:
        n_parameters: Total parameter count.
        n_embedding_parameters: Token-embedding parameters, or ``None`` when unknown.
        accelerator: Accelerator name or alias from hardware.yaml, e.g. ``"T4"`` or ``"cpu-8core"``.
        seq_tokens: Tokens per document text in the batched estimate.
        precision: ``"fp32"``, ``"fp16"`` or ``"int8"``; ``None`` means fp32 on CPU, fp16 elsewhere.
        query_tokens: Tokens per query in the latency estimate.
        hidden_size: Model width; ``None`` infers it from the parameter count.

    Returns:
        The estimate, with its formula and the calibration it rests on.

    Raises:
        ToolInputError: Unknown accelerator (with suggestions).
        InvalidFilterError: A non-positive count, an unknown precision, or int8 on a device without int8.
    """
    for field, value in (("n_parameters", n_parameters), ("seq_tokens", seq_tokens), ("query_tokens", query_tokens),
                         ("hidden_size", hidden_size)):  # fmt: skip
        _positive(value, field)
    if n_embedding_parameters is not None and not 0 <= n_embedding_parameters <= n_parameters:
        raise InvalidFilterError("n_embedding_parameters", n_embedding_parameters, "0 to n_parameters")
    acc = _accelerator(accelerator)
    chosen = _check_precision(precision) if precision is not None else ("fp32" if acc.kind == "cpu" else "fp16")
    return _throughput(int(n_parameters), n_embedding_parameters, acc.name, int(seq_tokens), chosen,
                       int(query_tokens), hidden_size)


def fit_model(
    card: ModelCard,
    accelerator: str = "cpu-8core",
    vram_gb: float | None = None,
    ram_gb: float | None = None,
    seq_tokens: int = 256,
    query_tokens: int = 32,
) -> HardwareFit:
    """Check whether a catalog model fits an accelerator and estimate its speed there.

    The precision tried first is fp16 on GPU and Apple, fp32 on CPU; int8 is the fallback where the device
    supports it.

    Args:
        card: The model's catalog card.
        accelerator: Accelerator name or alias from hardware.yaml.
        vram_gb: GPU / Apple memory to fit into; default the accelerator's memory.
        ram_gb: RAM to fit into on a CPU class; default the class's memory.
        seq_tokens: Tokens per document text for the throughput estimate.
        query_tokens: Tokens per query for the latency estimate.

    Returns:
        The fit, with memory at all three precisions and throughput at the chosen one.

    Raises:
        ToolInputError: A hosted API model, or an unknown accelerator.
        InvalidFilterError: ``vram_gb``, ``ram_gb`` or ``seq_tokens`` not above zero.
    """
    if card.kind == "api":
        raise ToolInputError(f"{card.name} is a hosted API; hardware fit applies to open-weights models.")
    _positive(vram_gb, "vram_gb")
    _positive(ram_gb, "ram_gb")
    _positive(seq_tokens, "seq_tokens")
    acc = _accelerator(accelerator)
    notes: list[str] = []
    if acc.kind == "cpu":
        available = ram_gb if ram_gb is not None else acc.memory_gb.value
        if vram_gb is not None:
            notes.append(f"vram_gb ignored: {acc.name} is a CPU class; ram_gb is checked instead.")
    else:
        available = vram_gb if vram_gb is not None else acc.memory_gb.value
        if ram_gb is not None:
            notes.append("ram_gb ignored: the fit on a GPU or Apple device is checked against vram_gb.")
        if acc.kind == "apple":
            notes.append("Unified memory: macOS lets the GPU use only part of it (roughly two-thirds to three-"
                         "quarters by default) and shares the rest with the OS and apps; treat a fit above ~65% as "
                         "tight.")
    if card.n_parameters is None:
        notes.append("parameter count unknown: memory and throughput cannot be estimated.")
        return HardwareFit(model=card.name, accelerator=acc.name, memory_available_gb=available, fits=False,
                           precision=None, memory=[], throughput=None, notes=notes)
    memory = [_memory(card.n_parameters, p, acc.kind) for p in PRECISIONS]
    by_precision = {m.precision: m for m in memory}
    options = [p for p in _PREFERENCE[acc.kind] if p != "int8" or acc.int8_support.value]
    chosen = next((p for p in options if by_precision[p].total_gb <= available), None)
    if chosen is None:
        need = min(by_precision[p].total_gb for p in options)
        notes.append(f"Does not fit: needs at least {need:.2f} GB ({options[-1]}), {available:g} GB available.")
        if acc.kind != "cpu" and "int8" not in options:
            notes.append(f"{acc.name} has no int8 support in hardware.yaml, so int8 was not tried.")
        return HardwareFit(model=card.name, accelerator=acc.name, memory_available_gb=available, fits=False,
                           precision=None, memory=memory, throughput=None, notes=notes)
    if chosen != options[0]:
        notes.append(f"{options[0]} needs {by_precision[options[0]].total_gb:.2f} GB; fits only in int8 "
                     "(quantised: expect a small quality loss, and check the runtime supports it).")
    elif by_precision[chosen].total_gb > TIGHT_FIT * available:
        notes.append(f"Tight fit: {by_precision[chosen].total_gb:.2f} of {available:g} GB; batch size and sequence "
                     "length may have to shrink.")
    seq = seq_tokens
    if card.max_tokens is not None and seq_tokens > card.max_tokens:
        seq = card.max_tokens
        notes.append(f"seq_tokens {seq_tokens} exceeds the model's {card.max_tokens}-token limit; estimated at "
                     f"{seq} tokens (longer texts are truncated or must be chunked).")
    non_emb = (card.n_parameters * (1 - UNKNOWN_EMBEDDING_SHARE) if card.n_embedding_parameters is None
               else card.n_parameters - card.n_embedding_parameters)
    hidden = None
    if non_emb > 0 and card.embed_dim:
        d, inferred = hidden_size_for(non_emb, card.embed_dim)
        hidden = None if inferred else d
    throughput = _throughput(card.n_parameters, card.n_embedding_parameters, acc.name, seq, chosen, int(query_tokens),
                             hidden)
    return HardwareFit(model=card.name, accelerator=acc.name, memory_available_gb=available, fits=True,
                       precision=chosen, memory=memory, throughput=throughput, notes=notes)


def hardware_fit(
    model: str,
    accelerator: str = "cpu-8core",
    vram_gb: float | None = None,
    ram_gb: float | None = None,
    seq_tokens: int = 256,
) -> dict[str, Any]:
    """Check whether an open-weights embedding model fits a GPU, Mac or CPU server, and estimate its speed there.

    Memory is given at fp32, fp16 and int8 (weights plus runtime overhead, each with its formula); the best
    precision that fits is chosen (fp16 on GPU/Apple, fp32 on CPU, int8 as fallback). Throughput (tokens/s,
    texts/s) and query latency (p50/p95 ms) are FLOP-based estimates: the CPU figures are calibrated by a
    measurement, GPU and Apple figures rest on an assumed utilisation, so treat them as +-2x.

    Args:
        model: Hugging Face id or alias of an open-weights model, e.g. "BAAI/bge-m3".
        accelerator: Device name, e.g. "T4", "A100-80GB", "H100", "M2 Pro", "cpu-8core" (default), "cpu-4core".
        vram_gb: GPU or unified memory to fit into, if it differs from the device's standard size.
        ram_gb: RAM to fit into on a CPU server, if it differs from the class's standard size.
        seq_tokens: Typical tokens per document chunk for the throughput estimate (default 256).
    """
    return fit_model(default_catalog().get(model), accelerator, vram_gb, ram_gb, seq_tokens).model_dump(mode="json")
