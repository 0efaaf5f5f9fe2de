"""Encoding across CPU cores in several processes (a sentence-transformers multi-process pool), where that pays.

One process encodes with torch's threads over every core. A pool gives each process whole batches and one or a
few threads instead: no thread waits at a barrier for another that the OS has paused, which is what a shared or
busy machine does to torch's threads. Each process pays its start (importing torch, receiving the model: ~12 s on
the bench machine), so a pool pays only for a large encode.

Measured on the 2-core bench machine, busy with other work (`make bench` row "MiniLM on 2,000 chunks: a pool of 2
processes / one process"): 124 s in one process with 2 torch threads, 79.5 s in a pool of 2 one-thread processes,
plus 12.6 s to start the pool. On the same machine when quiet, torch's 2 threads ran 1.85x one thread (11,979 vs
6,488 tokens/s at 128 tokens), so a pool of 2 can gain at most ~8% and loses its 12 s start below ~3 minutes of
encoding: the gain measured above is the pool taking a larger share of a busy machine, not a faster encode. Hence
the rule of ``encode_processes`` (``ADVISOR_ENCODE_PROCESSES=auto``): on a CPU with at least ``MIN_AUTO_CORES`` cores,
(not measured here: no such machine), a pool of one process per core (at most ``MAX_AUTO_PROCESSES``, the cores shared
among them as threads), started only for an encode of at least ``POOL_MIN_TEXTS`` texts not in the cache; one process
on a GPU or Apple GPU, on fewer cores (set ``ADVISOR_ENCODE_PROCESSES=2`` on a 2-core machine shared with other work),
and for smaller encodes. The pool lives until the process exits (an evaluation job's worker); its processes die with
the process that started them.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import math
import os
import signal
import sys
import threading
from typing import Any

import numpy as np

POOL_MIN_TEXTS = 1000
"""Texts to encode before a pool pays its ~12 s start (1,000 MiniLM chunks: ~40-60 s on 2 cores)."""
MAX_AUTO_PROCESSES = 8
MIN_AUTO_CORES = 4
"""Fewer cores encode in one process unless a number is set (2 threads scale 1.85x on a quiet 2-core machine)."""
MAX_PROCESSES = 64

_POOLS: dict[int, tuple[Any, dict[str, Any], int]] = {}  # id(model) -> (model, pool, processes)
_LOCK = threading.Lock()


def available_cores() -> int:
    """CPU cores this process may run on (its affinity mask, e.g. a container's share), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def encode_processes(requested: int | None, device: str, cores: int | None = None) -> int:
    """How many processes may encode with a local model on ``device`` (a pool starts only for a large encode).

    Args:
        requested: ``ADVISOR_ENCODE_PROCESSES`` as a number, or None for the rule (``auto``).
        device: the torch device the model is on; only ``cpu`` is ever split into processes.
        cores: the cores to plan for (default: this process's).
    """
    if device != "cpu":
        return 1  # one GPU is one device: its batches are not faster split among processes
    if requested is not None:
        return max(1, min(MAX_PROCESSES, requested))
    cores = cores or available_cores()
    return min(MAX_AUTO_PROCESSES, cores) if cores >= MIN_AUTO_CORES else 1


def _die_with_parent() -> None:
    """Linux: this process gets SIGKILL when its parent dies (a killed job's pool never lingers)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG


def _worker(threads: int, model: Any, input_queue: Any, output_queue: Any) -> None:
    """One pool process: its share of the cores as torch threads, then sentence-transformers' worker loop."""
    _die_with_parent()
    import torch

    torch.set_num_threads(threads)
    type(model)._multi_process_worker("cpu", model, input_queue, output_queue)  # noqa: SLF001


def _start(model: Any, processes: int) -> dict[str, Any]:
    """``SentenceTransformer.start_multi_process_pool`` on the CPU, with threads set and death tied to this process."""
    import multiprocessing

    model.to("cpu")
    model.share_memory()
    ctx = multiprocessing.get_context("spawn")
    pool: dict[str, Any] = {"input": ctx.Queue(), "output": ctx.Queue(), "processes": []}
    threads = max(1, available_cores() // processes)
    try:
        for _ in range(processes):
            process = ctx.Process(target=_worker, args=(threads, model, pool["input"], pool["output"]), daemon=True)
            process.start()
            pool["processes"].append(process)
    except BaseException:
        _stop(pool)
        raise
    return pool


def running_pool(model: Any) -> dict[str, Any] | None:
    """The pool already running for ``model``, if any (every process alive)."""
    entry = _POOLS.get(id(model))
    if entry is None or entry[0] is not model or not all(p.is_alive() for p in entry[1]["processes"]):
        return None
    return entry[1]


def pool_for(model: Any, processes: int) -> dict[str, Any]:
    """The running pool of ``processes`` CPU workers for ``model``, started on first use."""
    with _LOCK:
        entry = _POOLS.get(id(model))
        if entry is not None and entry[2] == processes and running_pool(model) is not None:
            return entry[1]
        if entry is not None:
            _stop(entry[1])
        pool = _start(model, processes)
        _POOLS[id(model)] = (model, pool, processes)
        return pool


def _stop(pool: dict[str, Any]) -> None:
    from sentence_transformers import SentenceTransformer

    with contextlib.suppress(Exception):
        SentenceTransformer.stop_multi_process_pool(pool)  # type: ignore[arg-type]


def stop_pools() -> None:
    """Stop every pool this process started (at exit, or when a caller wants its cores back)."""
    with _LOCK:
        for _, pool, _ in _POOLS.values():
            _stop(pool)
        _POOLS.clear()


atexit.register(stop_pools)


def pool_encode(model: Any, texts: list[str], pool: dict[str, Any], batch_size: int = 32) -> np.ndarray:
    """Encode ``texts`` (already ordered by length) on ``pool``: contiguous runs of whole batches go to each worker."""
    batches = math.ceil(len(texts) / batch_size)
    chunk = batch_size * max(1, math.ceil(batches / (len(pool["processes"]) * 4)))  # ~4 runs a worker, little IPC
    return np.asarray(model.encode(texts, pool=pool, batch_size=batch_size, chunk_size=chunk,
                                   convert_to_numpy=True, show_progress_bar=False))
