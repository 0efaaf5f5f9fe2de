"""Evaluation jobs: a few supervised worker threads, each running one job at a time in a process of its own.

A job's request is saved beside its status, so a job the server was killed in is queued again when the next
server starts on the same data dir (``resumed`` counts it), and failed with code ``interrupted`` after
MAX_INTERRUPTIONS cut-short runs. One process owns the jobs of a data dir (a lock file); only it resumes them.
Every status write is guarded (a full disk cannot kill a worker), a supervisor restarts a worker thread that
died, the queue is bounded (QueueFullError: 429), a job can be cancelled and is stopped at its time limit, and
its uploads are deleted when it ends (and, at start-up, those no job will use).
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import json
import logging
import os
import queue
import re
import shutil
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from agent.job_process import run_in_process
from agent.principal import Principal
from knowledge.errors import (
    AdvisorError,
    JobFailedError,
    JobStoppedError,
    QueueFullError,
    ServiceUnavailableError,
    ToolInputError,
    UnknownJobError,
)
from knowledge.redact import scrub, scrub_tree
from knowledge.settings import DataLayout
from tools.evaluation.retrieval_check import EvalRequest, run_retrieval_check, summarise_results

if TYPE_CHECKING:
    from knowledge.settings import Settings

logger = logging.getLogger(__name__)
JOB_ID = re.compile(r"^[0-9a-f]{12}$")
Runner = Callable[[EvalRequest, Callable[[str, float], None]], dict[str, Any]]
MAX_INTERRUPTIONS = 2  # a job whose run the server died in this often is failed, not started a third time
SECRETS = ("milvus_token", "openai_api_key", "llm")  # never written to disk; taken from the settings on resume
PATHS = ("corpus", "out_dir", "data_dir", "queries", "qrels")
FINISHED = ("done", "failed", "cancelled")
RESTARTS_PER_MINUTE = 10  # a worker that dies more often is left dead, and /healthz says so


@dataclasses.dataclass(frozen=True)
class JobLimits:
    """How many jobs run at once, how many may wait, and how long one may run."""

    workers: int = 2
    max_queue: int = 16
    time_limit_s: float = 1800.0
    cpu_limit_s: int | None = None  # default: the time limit

    @classmethod
    def from_settings(cls, settings: Settings) -> JobLimits:
        """The limits ``ADVISOR_EVAL_WORKERS``, ``ADVISOR_EVAL_QUEUE`` and ``ADVISOR_EVAL_TIMEOUT_S`` set."""
        return cls(workers=settings.eval_workers, max_queue=settings.eval_queue,
                   time_limit_s=float(settings.eval_timeout_s))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _interrupted(message: str) -> dict[str, str]:
    return {"code": "interrupted", "message": message}


def _all_failed(summary: dict[str, Any]) -> dict[str, str] | None:
    """The job's error when no candidate could be evaluated (each one's reason listed), else None."""
    models = summary.get("models") or {}
    if not models or any(f.get("status") == "ok" for f in models.values()):
        return None
    reasons = "; ".join(f"{spec}: {f.get('error') or 'failed'}" for spec, f in models.items())
    return {"code": "all_candidates_failed", "message": f"no candidate could be evaluated ({reasons})"}


class EvaluationJobs:
    """A bounded queue of evaluation jobs run by supervised worker threads; status is kept in ``job.json``."""

    def __init__(self, data_dir: Path, runner: Runner = run_retrieval_check, settings: Settings | None = None,
                 workers: int | None = None, max_queue: int | None = None, time_limit_s: float | None = None,
                 isolate: bool | None = None, limits: JobLimits | None = None,
                 summarise: Callable[[dict[str, Any]], dict[str, Any]] = summarise_results) -> None:
        """Start the workers and the supervisor; queue again the jobs an earlier server was killed in.

        Args:
            data_dir: jobs live in ``data_dir/evaluations/<id>`` and uploads in ``data_dir/uploads/<id>``.
            runner: runs one request (default: tools.evaluation.retrieval_check.run_retrieval_check).
            settings: where a resumed job's Milvus token and embeddings key come from (they are not saved).
            workers: jobs run at once (default: ``limits.workers``).
            max_queue: jobs that may wait; one more is refused with QueueFullError.
            time_limit_s: a job running longer is stopped (failed, code ``timeout``).
            isolate: run each job in a process of its own (default: when ``runner`` is a module-level function,
                as the real one is); else in the worker thread, stopped at its next progress report.
            limits: the defaults of the three numbers above.
            summarise: the bounded summary of a run's results kept in its status (default: a check's).
        """
        limits = limits or JobLimits()
        self.data_dir = data_dir
        self.runner = runner
        self.summarise = summarise
        self.settings = settings
        self.workers = workers or limits.workers
        self.max_queue = max_queue or limits.max_queue
        self.time_limit_s = time_limit_s or limits.time_limit_s
        self.cpu_limit_s = limits.cpu_limit_s or int(self.time_limit_s) + 1
        self.isolate = (runner is run_retrieval_check) if isolate is None else isolate
        self._jobs: dict[str, dict[str, Any]] = {}
        self._stop: dict[str, str] = {}  # job id -> "cancelled" for jobs asked to stop
        self._lock = threading.Lock()
        self._queue: queue.Queue[tuple[str, EvalRequest] | None] = queue.Queue()
        self._closing = threading.Event()
        self._threads: list[threading.Thread | None] = [None] * self.workers
        self._restarts: list[float] = []
        self.restarts = 0
        self._owner_lock = self._claim()
        for index in range(self.workers):
            self._threads[index] = self._start_worker(index)
        self._supervisor = threading.Thread(target=self._supervise, name="evaluation-supervisor", daemon=True)
        self._supervisor.start()
        if self._owner_lock is not None:
            self._resume_interrupted()
            self._remove_orphans()

    def _claim(self) -> IO[str] | None:
        """Hold ``evaluations/.owner.lock`` for this process's life; None when another live process holds it."""
        folder = DataLayout(self.data_dir).evaluations
        folder.mkdir(parents=True, exist_ok=True)
        handle = (folder / ".owner.lock").open("a", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            logger.warning("another server owns the evaluation jobs under %s; this one will not resume them", folder)
            return None
        return handle

    # -- the public face --------------------------------------------------------------------------------------
    def new_job(self) -> tuple[str, Path]:
        """Reserve a job id and its upload folder ``data_dir/uploads/<id>`` (QueueFullError when full)."""
        self.check_capacity()
        job_id = uuid.uuid4().hex[:12]
        folder = DataLayout(self.data_dir).uploads / job_id
        folder.mkdir(parents=True, exist_ok=False)
        return job_id, folder

    def out_dir(self, job_id: str) -> Path:
        """Where a job writes results.json and report.md (and keeps job.json and request.json)."""
        return DataLayout(self.data_dir).evaluations / job_id

    def _waiting(self) -> int:
        with self._lock:
            return sum(1 for j in self._jobs.values() if j["status"] == "pending")

    def check_capacity(self) -> None:
        """Raise QueueFullError when ``max_queue`` jobs already wait."""
        depth = self._waiting()
        if depth >= self.max_queue:
            per_job = min(self.time_limit_s, 60.0)
            raise QueueFullError(depth, max(1, int(per_job * depth / self.workers / 4)))

    def submit(self, job_id: str, request: EvalRequest, owner: str | None = None) -> dict[str, Any]:
        """Queue a job for ``owner`` (a principal id); returns its status (pending). QueueFullError when full."""
        self.check_capacity()
        job = {"id": job_id, "status": "pending", "progress": 0.0, "stage": "queued", "models": list(request.models),
               "created_at": _now(), "finished_at": None, "summary": None, "error": None, "resumed": 0,
               "interruptions": 0, "owner": owner, "files": _stored_names(request.corpus)}
        self._save_request(job_id, request)  # first, so a job.json on disk always has its request beside it
        with self._lock:
            self._jobs[job_id] = job
        self._save(job)
        self._queue.put((job_id, request))
        logger.info("evaluation %s queued (%d models)", job_id, len(request.models))
        return self._public(job)

    @staticmethod
    def _public(job: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in job.items() if k != "owner"}

    def _find(self, job_id: str, principal: Principal | None) -> dict[str, Any]:
        if not JOB_ID.match(job_id or ""):
            raise UnknownJobError(job_id)
        with self._lock:
            job = dict(self._jobs[job_id]) if job_id in self._jobs else None
        if job is None:
            job = self._load(job_id)
            if job is None:
                raise UnknownJobError(job_id)
            if job["status"] in ("pending", "running") and self._owner_lock is not None:  # its process died
                job.update(status="failed", error=_interrupted("the server stopped during the run"))
        if principal is not None and not principal.can_see(job.get("owner")):
            raise UnknownJobError(job_id)  # another principal's job: as if it did not exist
        return job

    def get(self, job_id: str, principal: Principal | None = None) -> dict[str, Any]:
        """A job's status (jobs of an earlier process are read from their ``job.json``); others' ids are unknown."""
        return self._public(self._find(job_id, principal))

    def cancel(self, job_id: str, principal: Principal | None = None) -> dict[str, Any]:
        """Stop a pending or running job (status ``cancelled``); a finished one is returned as it is."""
        job = self._find(job_id, principal)
        if job["status"] not in FINISHED:
            with self._lock:
                self._stop[job_id] = "cancelled"
            if job["status"] == "pending":
                self._update(job_id, status="cancelled", stage="cancelled", finished_at=_now(),
                             error={"code": "cancelled", "message": "cancelled on request"})
                self._remove_uploads(job_id)
            deadline = time.monotonic() + 10
            while self._find(job_id, None)["status"] not in FINISHED and time.monotonic() < deadline:
                time.sleep(0.05)
        return self.get(job_id, principal)

    def delete(self, job_id: str, principal: Principal | None = None) -> None:
        """Cancel a job if it still runs, then remove its results and uploads."""
        self.cancel(job_id, principal)
        with self._lock:
            self._jobs.pop(job_id, None)
        shutil.rmtree(self.out_dir(job_id), ignore_errors=True)
        self._remove_uploads(job_id)

    def usage_bytes(self, owner: str) -> int:
        """Bytes on disk for ``owner``'s jobs: uploads and results."""
        with self._lock:
            ids = [j["id"] for j in self._jobs.values() if j.get("owner") == owner]
        total = 0
        for job_id in ids:
            for folder in (self.out_dir(job_id), DataLayout(self.data_dir).uploads / job_id):
                with contextlib.suppress(OSError):
                    total += sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        return total

    def health(self) -> dict[str, Any]:
        """Worker liveness and queue depth, for /healthz; ``ok`` is False when no worker is alive."""
        alive = sum(1 for t in self._threads if t is not None and t.is_alive())
        with self._lock:
            running = sum(1 for j in self._jobs.values() if j["status"] == "running")
            waiting = sum(1 for j in self._jobs.values() if j["status"] == "pending")
        return {"ok": alive > 0, "workers": self.workers, "alive": alive, "running": running,
                "queue_depth": waiting, "max_queue": self.max_queue, "restarts": self.restarts}

    def close(self, timeout: float = 5.0) -> None:
        """Stop the workers after their current jobs and let another process own the jobs."""
        self._closing.set()
        for _ in range(self.workers):
            self._queue.put(None)
        for thread in self._threads:
            if thread is not None:
                thread.join(timeout)
        if self._owner_lock is not None:
            self._owner_lock.close()  # closing the file releases the flock
            self._owner_lock = None

    # -- persistence (every write guarded: a full disk leaves the status in memory, never kills a worker) --------
    def _save_request(self, job_id: str, request: EvalRequest) -> None:
        values = {f.name: getattr(request, f.name) for f in dataclasses.fields(request) if f.name not in SECRETS}
        data = {k: str(v) if isinstance(v, Path) else v for k, v in values.items()}
        self._write(self.out_dir(job_id) / "request.json", data)

    def _load_request(self, job_id: str) -> EvalRequest | None:
        path = self.out_dir(job_id) / "request.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            fields: dict[str, Any] = {k: Path(v) if k in PATHS and v is not None else v for k, v in data.items()}
            if self.settings is not None:
                fields.update(milvus_token=self.settings.milvus_token, openai_api_key=self.settings.embeddings_api_key)
            return EvalRequest(**fields)
        except (OSError, ValueError, TypeError):
            logger.warning("evaluation %s: its request cannot be read back from %s", job_id, path)
            return None

    def _load(self, job_id: str) -> dict[str, Any] | None:
        try:
            return json.loads((self.out_dir(job_id) / "job.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    @staticmethod
    def _write(path: Path, data: dict[str, Any]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(data, default=float), encoding="utf-8")
        tmp.replace(path)  # a kill leaves the old file or the new one, never half of one

    def _save(self, job: dict[str, Any]) -> None:
        try:
            self._write(self.out_dir(job["id"]) / "job.json", job)
        except Exception as exc:  # a full or read-only disk: the status stays right in memory
            logger.error("evaluation %s: cannot save its status (%s); kept in memory", job["id"], exc)

    def _remove_uploads(self, job_id: str) -> None:
        shutil.rmtree(DataLayout(self.data_dir).uploads / job_id, ignore_errors=True)

    def _remove_orphans(self) -> None:
        """Uploads no queued job will read, and Milvus Lite folders of runs whose process is gone (kill -9)."""
        with self._lock:
            keep = {j for j, job in self._jobs.items() if job["status"] not in FINISHED}
        uploads = DataLayout(self.data_dir).uploads
        for folder in uploads.iterdir() if uploads.is_dir() else []:
            if folder.name not in keep and JOB_ID.match(folder.name):
                job = self._load(folder.name)
                if job is None or job.get("status") in FINISHED or folder.name not in keep:
                    logger.info("removing the orphan upload folder %s", folder.name)
                    shutil.rmtree(folder, ignore_errors=True)
        milvus = DataLayout(self.data_dir).milvus
        for folder in milvus.iterdir() if milvus.is_dir() else []:
            if _abandoned_run(folder):
                logger.info("removing the orphan Milvus Lite folder %s", folder.name)
                shutil.rmtree(folder, ignore_errors=True)

    def _resume_interrupted(self) -> None:
        """Queue again (oldest first) the jobs an earlier process left pending or running, or fail them."""
        left: list[dict[str, Any]] = []
        for path in DataLayout(self.data_dir).evaluations.glob("*/job.json"):
            with contextlib.suppress(OSError, ValueError):
                job = json.loads(path.read_text(encoding="utf-8"))
                if job.get("status") in ("pending", "running") and JOB_ID.match(job.get("id", "")):
                    left.append(job)
        for job in sorted(left, key=lambda j: (j.get("created_at") or "", j["id"])):
            interruptions = job.get("interruptions", 0) + (job["status"] == "running")
            request = self._load_request(job["id"])
            if request is None or interruptions >= MAX_INTERRUPTIONS:
                why = (f"the server stopped during the run {interruptions} times; it was not started again"
                       if request is not None else "the server stopped during the run, and its request was lost")
                job.update(status="failed", finished_at=_now(), interruptions=interruptions, error=_interrupted(why))
                logger.warning("evaluation %s: %s", job["id"], why)
            else:
                job.update(status="pending", stage="queued again after a server restart", progress=0.0,
                           resumed=job.get("resumed", 0) + 1, interruptions=interruptions)
                logger.warning("evaluation %s was cut short by a server stop; queued again (resume %d)", job["id"],
                               job["resumed"])
            with self._lock:
                self._jobs[job["id"]] = job
            self._save(job)
            if job["status"] == "pending" and request is not None:
                self._queue.put((job["id"], request))

    # -- the workers and their supervisor ---------------------------------------------------------------------
    def _start_worker(self, index: int) -> threading.Thread:
        thread = threading.Thread(target=self._work, name=f"evaluation-worker-{index}", daemon=True)
        thread.start()
        return thread

    def _supervise(self) -> None:
        """Restart a dead worker thread (at most RESTARTS_PER_MINUTE a minute); never dies itself."""
        while not self._closing.wait(0.2):
            try:
                for index, thread in enumerate(self._threads):
                    if self._closing.is_set() or (thread is not None and thread.is_alive()):
                        continue
                    now = time.monotonic()
                    self._restarts = [t for t in self._restarts if now - t < 60]
                    if len(self._restarts) >= RESTARTS_PER_MINUTE:
                        continue  # a worker that keeps dying is left dead: /healthz reports it
                    self._restarts.append(now)
                    logger.error("evaluation worker %d died; restarting it", index)
                    self._threads[index] = None
                    self._threads[index] = self._start_worker(index)
                    self.restarts += 1
            except Exception:
                logger.exception("the evaluation supervisor could not restart a worker")

    def _update(self, job_id: str, **changes: Any) -> None:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:  # deleted meanwhile
                return
            if job["status"] in FINISHED and changes.get("status") not in (None, *FINISHED):
                return  # a cancelled job stays cancelled
            job.update(changes)
            snapshot = dict(job)
        self._save(snapshot)

    def _work(self) -> None:
        while (item := self._queue.get()) is not None:
            job_id, request = item
            try:
                self._run_job(job_id, request)
            except Exception:  # _run_job guards everything; this is the last line
                logger.exception("evaluation %s: the worker failed around it", job_id)
            except BaseException:  # the thread dies (SystemExit, a thread kill): fail the job, the supervisor restarts
                with contextlib.suppress(Exception):
                    self._finish(job_id, "failed", error={"code": "internal_error",
                                                          "message": "the evaluation crashed; see the logs"})
                raise

    def _finish(self, job_id: str, status: str, **changes: Any) -> None:
        self._update(job_id, status=status, finished_at=_now(), **changes)
        with self._lock:
            self._stop.pop(job_id, None)
        self._remove_uploads(job_id)

    def _stop_reason(self, job_id: str) -> str | None:
        with self._lock:
            return self._stop.get(job_id)

    def _run_job(self, job_id: str, request: EvalRequest) -> None:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None or job["status"] in FINISHED:
            self._remove_uploads(job_id)
            return
        self._update(job_id, status="running", stage="starting")
        started = time.monotonic()

        def progress(stage: str, fraction: float) -> None:
            if not self.isolate:  # in the thread: stop at the next report
                if self._stop_reason(job_id) == "cancelled":
                    raise JobStoppedError("cancelled", "cancelled on request")
                if time.monotonic() - started > self.time_limit_s:
                    raise JobStoppedError("timeout", f"stopped after the {self.time_limit_s:g} s time limit per job")
            self._update(job_id, stage=scrub(stage, [self.data_dir], limit=200),
                         progress=round(min(max(fraction, 0.0), 1.0), 3))

        try:
            if self.isolate:
                results = run_in_process(self.runner, request, progress, lambda: self._stop_reason(job_id),
                                         self.time_limit_s, self.cpu_limit_s)
            else:
                results = self.runner(request, progress)
            self._scrub_outputs(request.out_dir)
            summary = scrub_tree(self.summarise(results), [self.data_dir])
        except JobStoppedError as exc:
            logger.warning("evaluation %s stopped: %s", job_id, exc.code)
            status = "cancelled" if exc.code == "cancelled" else "failed"
            self._finish(job_id, status, stage=status, error={"code": exc.code, "message": str(exc)})
        except ServiceUnavailableError as exc:
            logger.error("evaluation %s: %s", job_id, exc)
            self._finish(job_id, "failed", error={"code": "service_unavailable",
                                                  "message": scrub(str(exc), [self.data_dir])})
        except (JobFailedError, ToolInputError) as exc:
            code = getattr(exc, "code", "invalid_input")
            logger.info("evaluation %s failed: %s", job_id, code)
            self._finish(job_id, "failed", error={"code": code, "message": scrub(str(exc), [self.data_dir])})
        except AdvisorError:
            logger.exception("evaluation %s failed", job_id)
            self._finish(job_id, "failed", error={"code": "evaluation_failed",
                                                  "message": "the evaluation failed; see the logs"})
        except Exception:  # the worker must survive any one job
            logger.exception("evaluation %s crashed", job_id)
            self._finish(job_id, "failed", error={"code": "internal_error",
                                                  "message": "the evaluation crashed; see the logs"})
        else:
            summary["run"].pop("corpus", None)  # a server path, not the caller's business
            error = _all_failed(summary)
            self._finish(job_id, "failed" if error else "done", progress=1.0, stage="done", summary=summary,
                         error=error)

    def _scrub_outputs(self, out_dir: Path) -> None:
        """Keys, URLs and server paths out of results.json and report.md (an endpoint may echo a key)."""
        results = out_dir / "results.json"
        with contextlib.suppress(OSError, ValueError):
            data = json.loads(results.read_text(encoding="utf-8"))
            for figures in (data.get("models") or {}).values():
                if isinstance(figures, dict) and figures.get("error"):
                    figures["error"] = scrub(figures["error"], [self.data_dir])
            data.get("run", {}).pop("corpus", None)
            self._write(results, data)
        report = out_dir / "report.md"
        with contextlib.suppress(OSError):
            report.write_text(scrub(report.read_text(encoding="utf-8"), [self.data_dir], limit=None),
                              encoding="utf-8")


def _stored_names(corpus: Path) -> list[str]:
    """The corpus files as stored (sanitised names), for the job's status: its uploads are deleted when it ends."""
    if not corpus.is_dir():
        return [corpus.name]
    return sorted(str(p.relative_to(corpus)) for p in corpus.rglob("*") if p.is_file())[:1000]


def _abandoned_run(folder: Path) -> bool:
    """Whether a Milvus Lite run folder was left by a process that is gone (its ``.pid`` names a dead process)."""
    marker = folder / ".pid"
    try:
        pid = int(marker.read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return False  # kept on purpose (--keep-index) or not ours
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False
