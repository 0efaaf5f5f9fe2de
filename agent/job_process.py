"""One evaluation run in a worker process of its own: killable, CPU- and memory-limited, off the server's GIL.

The process dies with the server that started it (``PR_SET_PDEATHSIG`` on Linux, else a watcher thread), so a
server killed with -9 leaves no run behind writing into a job another worker has taken over.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from typing import Any

from knowledge.errors import AdvisorError, JobFailedError, JobStoppedError, ServiceUnavailableError, ToolInputError

logger = logging.getLogger(__name__)
POLL_S = 0.1
PR_SET_PDEATHSIG = 1
ADDRESS_SPACE_RESERVE_MB = 8192


def runner_ref(runner: Callable[..., Any]) -> str:
    """``module:qualname`` of a module-level runner (what a worker process imports)."""
    return f"{runner.__module__}:{runner.__qualname__}"


def _die_with_parent(parent: int) -> None:
    """Make this process end when the process that started it does (kill -9 included)."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != parent:  # it died before the call
                os._exit(1)
            return
    except (OSError, AttributeError):
        pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def address_space_mb(memory_mb: int) -> int:
    """RLIMIT_AS for a resident-memory limit: the limit plus a reserve of address space that is never touched.

    torch and Milvus Lite reserve ~3 GB they never use (measured: a MiniLM + BM25 + hybrid check peaks at 4.0 GB
    virtual, 1.0 GB resident).
    """
    return memory_mb + ADDRESS_SPACE_RESERVE_MB


def resident_mb(pid: int) -> float | None:
    """Resident memory of a process in MB (Linux ``/proc``), or None where it cannot be read."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        return None
    return None


def memory_error_message(memory_mb: int) -> str:
    """What a job that ran out of its memory limit is told (names the limit and the setting)."""
    return (f"the run needed more than the {memory_mb:,} MB memory limit per evaluation job "
            "(ADVISOR_EVAL_MEMORY_MB); try fewer or smaller files, fewer candidates, or raise the limit")


def _child(ref: str, request: Any, conn: Any, cpu_limit_s: int | None, log_level: int, memory_mb: int | None = None,
           parent: int | None = None) -> None:
    """The worker process: limits first, then the runner; progress and the outcome go back over ``conn``."""
    if parent is not None:
        _die_with_parent(parent)
    os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core for the job, the rest for the server's requests
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    with contextlib.suppress(OSError):
        os.nice(10)
    import resource

    if cpu_limit_s:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_CPU, (cpu_limit_s, cpu_limit_s + 5))
    if memory_mb:  # the hard stop for one huge allocation; resident memory is watched by the parent
        ceiling = address_space_mb(memory_mb) * 1024 * 1024
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
    logging.basicConfig(level=log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    module, _, name = ref.partition(":")
    runner = getattr(importlib.import_module(module), name)

    def progress(stage: str, fraction: float) -> None:
        conn.send(("progress", stage, fraction))

    try:
        conn.send(("done", runner(request, progress)))
    except MemoryError:
        conn.send(("error", "memory_limit", memory_error_message(memory_mb or 0)))
    except ToolInputError as exc:
        conn.send(("error", "invalid_input", str(exc)))
    except ServiceUnavailableError as exc:
        conn.send(("error", "service_unavailable", str(exc)))
    except AdvisorError:
        logging.getLogger(__name__).exception("evaluation failed")
        conn.send(("error", "evaluation_failed", "the evaluation failed; see the logs"))
    except Exception as exc:
        if memory_mb and _out_of_memory(exc):
            conn.send(("error", "memory_limit", memory_error_message(memory_mb)))
            return
        logging.getLogger(__name__).exception("evaluation crashed")
        conn.send(("error", "internal_error", "the evaluation crashed; see the logs"))
    finally:
        conn.close()


def _out_of_memory(exc: BaseException) -> bool:
    """Whether an error is an allocation refused under RLIMIT_AS (numpy, torch and C libraries word it their way)."""
    text = f"{type(exc).__name__}: {exc}".lower()
    return isinstance(exc, MemoryError) or any(k in text for k in (
        "cannot allocate memory", "unable to allocate", "out of memory", "std::bad_alloc", "enomem"))


def run_in_process(runner: Callable[..., Any], request: Any, progress: Callable[[str, float], None],
                   should_stop: Callable[[], str | None], time_limit_s: float | None,
                   cpu_limit_s: int | None = None, memory_mb: int | None = None,
                   on_start: Callable[[int], None] | None = None) -> dict[str, Any]:
    """Run ``runner(request, progress)`` in a fresh (spawned) process and return its results.

    Args:
        runner: a module-level function (imported by name in the worker process).
        request: the EvalRequest (secrets travel over the pipe, never to disk; an LLM object is not sent).
        progress: called with each progress report.
        should_stop: polled; "cancelled" kills the run.
        time_limit_s: wall-clock limit; the process is killed when it passes.
        cpu_limit_s: CPU-seconds limit (RLIMIT_CPU) in the process.
        memory_mb: resident-memory limit of the process (watched here, with RLIMIT_AS in the process as the hard
            stop for one huge allocation); a run over it is killed and fails with code ``memory_limit``.
        on_start: called with the worker process's pid once it runs.

    Raises:
        JobStoppedError: cancelled (or another stop reason ``should_stop`` gave), over the time limit, or killed by
            a resource limit.
        JobFailedError: the runner raised (the code says how).
    """
    ctx = multiprocessing.get_context("spawn")  # never fork a threaded server
    receiver, sender = ctx.Pipe(duplex=False)
    request = dataclasses.replace(request, llm=None) if hasattr(request, "llm") else request
    proc = ctx.Process(target=_child, args=(runner_ref(runner), request, sender,
                                            cpu_limit_s, logging.getLogger().getEffectiveLevel(), memory_mb,
                                            os.getpid()),
                       name="evaluation-run", daemon=True)
    proc.start()
    sender.close()
    if on_start is not None and proc.pid is not None:
        on_start(proc.pid)
    started = time.monotonic()
    try:
        while True:
            reason = should_stop()
            if reason is not None:
                raise JobStoppedError(reason, "cancelled on request" if reason == "cancelled" else
                                      f"stopped ({reason})")
            if time_limit_s and time.monotonic() - started > time_limit_s:
                raise JobStoppedError("timeout", f"stopped after the {time_limit_s:g} s time limit per job "
                                            "(ADVISOR_EVAL_TIMEOUT_S); try fewer or smaller files")
            if memory_mb and proc.pid is not None and (used := resident_mb(proc.pid)) is not None and used > memory_mb:
                raise JobFailedError("memory_limit", memory_error_message(memory_mb) + f" (it reached {used:,.0f} MB)")
            if not receiver.poll(POLL_S):
                if not proc.is_alive() and not receiver.poll(0):
                    break
                continue
            try:
                message = receiver.recv()
            except (EOFError, OSError):
                break
            if message[0] == "progress":
                progress(message[1], message[2])
            elif message[0] == "done":
                return message[1]
            else:
                raise JobFailedError(message[1], message[2])
        proc.join(5)
        code = proc.exitcode
        if code in (-signal.SIGXCPU, -signal.SIGKILL):
            raise JobStoppedError("resource_limit", f"the run was stopped by the CPU-time limit ({cpu_limit_s} s) or "
                                               "the machine's memory limit")
        if memory_mb and code not in (0, None):  # an allocation refused deep in C code aborts the process
            raise JobFailedError("memory_limit", memory_error_message(memory_mb) + f" (exit code {code})")
        raise JobFailedError("internal_error", f"the worker process ended without a result (exit code {code})")
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        receiver.close()
