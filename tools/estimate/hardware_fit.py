"""Hardware fit: does a model fit an accelerator's memory, at which precision, and how fast it embeds there."""

from __future__ import annotations

from typing import Any

from knowledge.catalog import ModelCard, default_catalog
from knowledge.errors import ToolInputError
from tools.estimate.model_memory import (
    PRECISIONS,
    PREFERENCE,
    Estimate,
    MemoryEstimate,
    Precision,
    accelerator_named,
    check_positive,
    memory_estimate,
)
from tools.estimate.throughput import UNKNOWN_EMBEDDING_SHARE, ThroughputEstimate, hidden_size_for, throughput_estimate

TIGHT_FIT = 0.9


class HardwareFit(Estimate):
    """Whether a model fits an accelerator, at which precision, and how fast it runs there."""

    model: str
    accelerator: str
    memory_available_gb: float
    fits: bool
    precision: Precision | None
    memory: list[MemoryEstimate]
    throughput: ThroughputEstimate | None
    notes: list[str]


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
    check_positive(vram_gb, "vram_gb")
    check_positive(ram_gb, "ram_gb")
    check_positive(seq_tokens, "seq_tokens")
    acc = accelerator_named(accelerator)
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
    memory = [memory_estimate(card.n_parameters, p, acc.kind) for p in PRECISIONS]
    by_precision = {m.precision: m for m in memory}
    options = [p for p in PREFERENCE[acc.kind] if p != "int8" or acc.int8_support.value]
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
    throughput = throughput_estimate(card.n_parameters, card.n_embedding_parameters, acc.name, seq, chosen,
                                     int(query_tokens), hidden)
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
