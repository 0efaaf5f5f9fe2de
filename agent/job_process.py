"""One evaluation run in a worker process of its own: killable, CPU-limited, and off the server's GIL."""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import logging
import multiprocessing
import os
import time
from collections.abc import Callable
from typing import Any

from knowledge.errors import AdvisorError, JobFailedError, JobStoppedError, ServiceUnavailableError, ToolInputError

logger = logging.getLogger(__name__)
POLL_S = 0.1


def runner_ref(runner: Callable[..., Any]) -> str:
    """``module:qualname`` of a module-level runner (what a worker process imports)."""
    return f"{runner.__module__}:{runner.__qualname__}"


def _child(ref: str, request: Any, conn: Any, cpu_limit_s: int | None, log_level: int) -> None:
    """The worker process: limits first, then the runner; progress and the outcome go back over ``conn``."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core for the job, the rest for the server's requests
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    with contextlib.suppress(OSError):
        os.nice(10)
    if cpu_limit_s:
        import resource

        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_CPU, (cpu_limit_s, cpu_limit_s + 5))
    logging.basicConfig(level=log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    module, _, name = ref.partition(":")
    runner = getattr(importlib.import_module(module), name)

    def progress(stage: str, fraction: float) -> None:
        conn.send(("progress", stage, fraction))

    try:
        conn.send(("done", runner(request, progress)))
    except ToolInputError as exc:
        conn.send(("error", "invalid_input", str(exc)))
    except ServiceUnavailableError as exc:
        conn.send(("error", "service_unavailable", str(exc)))
    except AdvisorError:
        logging.getLogger(__name__).exception("evaluation failed")
        conn.send(("error", "evaluation_failed", "the evaluation failed; see the logs"))
    except Exception:
        logging.getLogger(__name__).exception("evaluation crashed")
        conn.send(("error", "internal_error", "the evaluation crashed; see the logs"))
    finally:
        conn.close()


def run_in_process(runner: Callable[..., Any], request: Any, progress: Callable[[str, float], None],
                   should_stop: Callable[[], str | None], time_limit_s: float | None,
                   cpu_limit_s: int | None = None) -> dict[str, Any]:
    """Run ``runner(request, progress)`` in a fresh (spawned) process and return its results.

    Args:
        runner: a module-level function (imported by name in the worker process).
        request: the EvalRequest (secrets travel over the pipe, never to disk; an LLM object is not sent).
        progress: called with each progress report.
        should_stop: polled; "cancelled" kills the run.
        time_limit_s: wall-clock limit; the process is killed when it passes.
        cpu_limit_s: CPU-seconds limit (RLIMIT_CPU) in the process.

    Raises:
        JobStoppedError: cancelled, over the time limit, or killed by a resource limit.
        JobFailedError: the runner raised (the code says how).
    """
    ctx = multiprocessing.get_context("spawn")  # never fork a threaded server
    receiver, sender = ctx.Pipe(duplex=False)
    request = dataclasses.replace(request, llm=None) if hasattr(request, "llm") else request
    proc = ctx.Process(target=_child, args=(runner_ref(runner), request, sender,
                                            cpu_limit_s, logging.getLogger().getEffectiveLevel()),
                       name="evaluation-run", daemon=True)
    proc.start()
    sender.close()
    started = time.monotonic()
    try:
        while True:
            if should_stop() == "cancelled":
                raise JobStoppedError("cancelled", "cancelled on request")
            if time_limit_s and time.monotonic() - started > time_limit_s:
                raise JobStoppedError("timeout", f"stopped after the {time_limit_s:g} s time limit per job "
                                            "(ADVISOR_EVAL_TIMEOUT_S); try fewer or smaller files")
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
        import signal

        if code in (-signal.SIGXCPU, -signal.SIGKILL):
            raise JobStoppedError("resource_limit", f"the run was stopped by the CPU-time limit ({cpu_limit_s} s) or "
                                               "the machine's memory limit")
        raise JobFailedError("internal_error", f"the worker process ended without a result (exit code {code})")
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        receiver.close()
