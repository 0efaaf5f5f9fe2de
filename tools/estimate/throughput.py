"""Throughput: how fast a model embeds on an accelerator (tokens a second, query latency), from FLOPs."""

from __future__ import annotations

import functools
import re

from knowledge.errors import InvalidFilterError
from knowledge.hardware import Accelerator, load_hardware
from tools.estimate.model_memory import (
    BYTES_PER_PARAM,
    Estimate,
    Precision,
    accelerator_named,
    calibration,
    check_positive,
    check_precision,
    significant,
)

# Share of parameters assumed to be the token-embedding table when the catalog does not say. It sits between
# BERT-base (~21%) and 7B decoders (~8%); multilingual vocabularies (bge-m3 ~45%) come out too slow.
UNKNOWN_EMBEDDING_SHARE = 0.15
# Width / depth of a typical transformer (MiniLM-L6 384/6, BERT-base 768/12, bge-m3 1024/24, Qwen3-8B 4096/36),
# used to infer the hidden size when the catalog's embedding size is missing or is not the hidden size.
ASPECT_RATIO = 64


class ThroughputEstimate(Estimate):
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
    per_core = calibration().cpu.reference_peak_gflops_per_core
    return max(1, round(acc.fp32_tflops.value * 1000 / per_core))


def _calibration_text(acc: Accelerator, utilisation: float) -> str:
    cpu = calibration().cpu
    cal = calibration()
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
def throughput_estimate(
    n_parameters: int,
    n_embedding_parameters: int | None,
    acc_name: str,
    seq_tokens: int,
    precision: Precision,
    query_tokens: int,
    hidden_size: float | None,
) -> ThroughputEstimate:
    """The estimate for checked arguments (cached: the ranking asks for the same model and device many times)."""
    acc = accelerator_named(acc_name)
    cal = calibration()
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
        tokens_per_s=significant(tokens_per_s),
        sequences_per_s=significant(tokens_per_s / seq_tokens),
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
        check_positive(value, field)
    if n_embedding_parameters is not None and not 0 <= n_embedding_parameters <= n_parameters:
        raise InvalidFilterError("n_embedding_parameters", n_embedding_parameters, "0 to n_parameters")
    acc = accelerator_named(accelerator)
    chosen = check_precision(precision) if precision is not None else ("fp32" if acc.kind == "cpu" else "fp16")
    return throughput_estimate(int(n_parameters), n_embedding_parameters, acc.name, int(seq_tokens), chosen,
                       int(query_tokens), hidden_size)
