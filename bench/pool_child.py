"""Child process of `make bench`: MiniLM on 2,000 chunks in one process against a multi-process pool, same texts.

One process encodes with torch's threads over every core; the pool runs one process per core (one torch thread
each), the product's code path (tools/encoders/process_pool.py) forced on. The pool's start (spawning, importing
torch, receiving the model) is timed apart from its encoding. Runs alternate (one process, pool, one process, ...)
so that a change of load on a shared machine hits both. One JSON line.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

RUNS = int(os.environ.get("BENCH_POOL_RUNS", "2"))


def main() -> None:
    import torch
    from evaluate_child import build_corpus

    from tools.documents.corpus import load_corpus
    from tools.encoders.models import load_minilm
    from tools.encoders.process_pool import available_cores, encode_processes, pool_for, stop_pools

    with tempfile.TemporaryDirectory(prefix="advisor-pool-") as tmp:
        build_corpus(Path(tmp) / "corpus")
        corpus = load_corpus(Path(tmp) / "corpus")
        texts = [corpus.text(d) for d in corpus.docs]
    cores = available_cores()
    single = load_minilm(processes=1)
    pooled = load_minilm(processes=max(2, cores))
    single.encode_fn(texts[:64])  # warm-up: first-call allocations
    one, pool, start = [], [], []
    for _ in range(RUNS):
        t = time.perf_counter()
        single.encode_fn(texts)
        one.append(time.perf_counter() - t)
        stop_pools()
        t = time.perf_counter()
        pool_for(pooled.handle, max(2, cores))
        start.append(time.perf_counter() - t)
        t = time.perf_counter()
        pooled.encode_fn(texts)
        pool.append(time.perf_counter() - t)
    stop_pools()
    print(json.dumps({"texts": len(texts), "cores": cores, "processes": max(2, cores),
                      "torch_threads_one_process": torch.get_num_threads(),
                      "one_process_s": statistics.median(one), "pool_encode_s": statistics.median(pool),
                      "pool_start_s": statistics.median(start), "runs": RUNS,
                      "auto_processes_here": encode_processes(None, "cpu")}))


if __name__ == "__main__":
    main()
