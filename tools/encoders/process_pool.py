"""Encoding across CPU cores in several processes (sentence-transformers' multi-process pool), where that pays.

One process encodes with torch's threads over every core. A pool splits the batches among processes instead,
each with fewer threads: that wins where one model's matrix products are too small to keep many threads busy
(many cores), and loses where there are few cores, since each process pays its own start (importing torch and
receiving the model, seconds) and the batches are no faster per core. Measured on the 2-core machine of
`make bench` (row "MiniLM on 2,000 chunks: a pool of 2 processes / one process"), see ``POOL_MIN_CORES``.

The rule of ``encode_processes`` (``ADVISOR_ENCODE_PROCESSES=auto``): one process on a GPU or Apple GPU, and on
CPUs with fewer than ``POOL_MIN_CORES`` cores; from there one process per ``POOL_THREADS`` cores. A pool starts
on the first encode of more than one batch and lives until the process exits (an evaluation job's worker).
"""

from __future__ import annotations

import atexit
import contextlib
import math
import os
import threading
from collections.abc import Iterator
from typing import Any

import numpy as np

POOL_MIN_CORES = 8
"""Below this many cores one process is faster (2 cores: the pool of 2 was slower, bench/results.md)."""
POOL_THREADS = 4
"""torch threads per pool process: MiniLM-sized matrix products keep about 4 threads busy."""
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
    """How many processes encode with a local model on ``device``.

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
    return cores // POOL_THREADS if cores >= POOL_MIN_CORES else 1


@contextlib.contextmanager
def _threads_in_children(threads: int) -> Iterator[None]:
    """Spawned workers read their torch thread count from the environment they inherit at start."""
    names = ("OMP_NUM_THREADS", "MKL_NUM_THREADS")
    saved = {name: os.environ.get(name) for name in names}
    os.environ.update({name: str(threads) for name in names})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def pool_for(model: Any, processes: int) -> dict[str, Any]:
    """The running pool of ``processes`` CPU workers for ``model``, started on first use."""
    with _LOCK:
        entry = _POOLS.get(id(model))
        if entry is not None and entry[2] == processes and all(p.is_alive() for p in entry[1]["processes"]):
            return entry[1]
        if entry is not None:
            _stop(entry[1])
        threads = max(1, available_cores() // processes)
        with _threads_in_children(threads):
            pool = model.start_multi_process_pool(["cpu"] * processes)
        _POOLS[id(model)] = (model, pool, processes)
        return pool


def _stop(pool: dict[str, Any]) -> None:
    from sentence_transformers import SentenceTransformer

    with contextlib.suppress(Exception):
        SentenceTransformer.stop_multi_process_pool(pool)


def stop_pools() -> None:
    """Stop every pool this process started (at exit, or when a caller wants its cores back)."""
    with _LOCK:
        for _, pool, _ in _POOLS.values():
            _stop(pool)
        _POOLS.clear()


atexit.register(stop_pools)


def pool_encode(model: Any, texts: list[str], processes: int, batch_size: int = 32) -> np.ndarray:
    """Encode ``texts`` (already ordered by length) on a pool: contiguous runs of whole batches go to each worker."""
    pool = pool_for(model, processes)
    batches = math.ceil(len(texts) / batch_size)
    chunk = batch_size * max(1, math.ceil(batches / (processes * 4)))  # ~4 runs a worker: even ends, little IPC
    return np.asarray(model.encode(texts, pool=pool, batch_size=batch_size, chunk_size=chunk,
                                   convert_to_numpy=True, show_progress_bar=False))
