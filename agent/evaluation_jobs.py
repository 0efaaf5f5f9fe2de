"""Evaluation jobs: a queue in a database all workers share; supervised threads run each job in its own process.

Jobs live in the jobs table (agent/store.py: Postgres with ADVISOR_DATABASE_URL, else ``evaluations/jobs.sqlite``
under the data dir); every process on the same data dir takes jobs from it. A job is claimed by exactly one worker
(``FOR UPDATE SKIP LOCKED`` / one atomic UPDATE) under a lease its process renews every second; when that process
dies the job is queued again (``resumed``): at once when it was a process of this host, else once the lease has
run out, and failed with code ``interrupted`` after MAX_INTERRUPTIONS cut-short runs. Every write of a claimer is
fenced by its claim, so a worker that lost its lease changes nothing. The request is saved beside the job (secrets
are not), ``job.json`` mirrors the status for people and tools. Every status write is guarded (a full disk or a
database hiccup cannot kill a worker), a supervisor restarts a worker thread that died, the queue is bounded
(QueueFullError: 429), a job can be cancelled from any worker and is stopped at its time and memory limits, and its
uploads are deleted when it ends (and, at start-up of the first process on a data dir, those no job will use).
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
import socket
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from agent.evidence_runs import ProbeRequest, QuickMtebRequest, run_evidence_job, summarise_evidence
from agent.job_process import run_in_process
from agent.principal import Principal
from agent.store import open_job_table
from knowledge.errors import (
    AdvisorError,
    JobFailedError,
    JobStoppedError,
    QueueFullError,
    ServiceUnavailableError,
    ToolInputError,
    UnknownJobError,
    UnreadableRequestError,
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
DEFAULT_LEASE_S = 30.0  # a claim not renewed for this long is taken over by another worker
POLL_S = 1.0  # an idle worker looks for jobs queued by other processes this often
PROGRESS_WRITE_S = 0.5  # progress of a running job is written to the database at most this often
_LIVE_WORKERS: set[str] = set()  # the worker ids of this process's live EvaluationJobs
_MIRROR_LOCK = threading.Lock()  # one job.json check-and-replace at a time in this process
# What a job runs: its kind is saved with its request (request.json) and its status, so that a resumed or taken-over
# job is rebuilt as the request it was (a quick-MTEB run stays one) and given the runner of its kind.
REQUEST_KINDS: dict[str, type[EvalRequest]] = {"documents": EvalRequest, "quick_mteb": QuickMtebRequest,
                                               "probe": ProbeRequest}
KIND_RUNNERS: dict[str, Runner] = {"documents": run_retrieval_check, "quick_mteb": run_evidence_job,
                                   "probe": run_evidence_job}
KIND_SUMMARIES: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "documents": summarise_results, "quick_mteb": summarise_evidence, "probe": summarise_evidence}


def request_kind(request: EvalRequest) -> str:
    """The kind of a request (``documents``, ``quick_mteb`` or ``probe``), by its exact type.

    Raises:
        ToolInputError: a request type no kind stands for (it could not be rebuilt after a restart).
    """
    for kind, cls in REQUEST_KINDS.items():
        if type(request) is cls:
            return kind
    raise ToolInputError(f"cannot queue a {type(request).__name__}: a job's request must be one of "
                         f"{', '.join(c.__name__ for c in REQUEST_KINDS.values())}")


def request_to_json(request: EvalRequest) -> dict[str, Any]:
    """The request as saved in ``request.json``: its kind and its fields (paths as strings, secrets left out)."""
    values = {f.name: getattr(request, f.name) for f in dataclasses.fields(request) if f.name not in SECRETS}
    return {"kind": request_kind(request), **{k: str(v) if isinstance(v, Path) else v for k, v in values.items()}}


def request_from_json(data: dict[str, Any], settings: Settings | None = None) -> EvalRequest:
    """The request ``request_to_json`` saved, with the secrets taken from ``settings``.

    A file of a version before kinds were saved has none: a ``suite`` field makes it a quick-MTEB run, a ``probe``
    field a probe, else a document check.

    Raises:
        UnreadableRequestError: an unknown kind (named), or fields its kind does not have.
    """
    data = dict(data)
    kind = data.pop("kind", None)
    if kind is None:
        kind = "quick_mteb" if "suite" in data else "probe" if "probe" in data else "documents"
    cls = REQUEST_KINDS.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise UnreadableRequestError(f"its request is of an unknown kind {kind!r} (known kinds: "
                                     f"{', '.join(REQUEST_KINDS)}); it cannot be run again")
    fields: dict[str, Any] = {k: Path(v) if k in PATHS and v is not None else v for k, v in data.items()}
    if settings is not None:
        fields.update(milvus_token=settings.milvus_token, openai_api_key=settings.embeddings_api_key)
    try:
        return cls(**fields)
    except TypeError as exc:
        raise UnreadableRequestError(f"its {kind} request cannot be rebuilt ({exc})") from exc


@dataclasses.dataclass(frozen=True)
class JobLimits:
    """How many jobs run at once, how many may wait, and how long one may run."""

    workers: int = 2
    max_queue: int = 16
    time_limit_s: float = 1800.0
    cpu_limit_s: int | None = None  # default: the time limit
    memory_mb: int | None = None  # address space of a job's worker process (RLIMIT_AS); None: no limit

    @classmethod
    def from_settings(cls, settings: Settings) -> JobLimits:
        """The limits ``ADVISOR_EVAL_WORKERS``, ``_QUEUE``, ``_TIMEOUT_S`` and ``_MEMORY_MB`` set."""
        return cls(workers=settings.eval_workers, max_queue=settings.eval_queue,
                   time_limit_s=float(settings.eval_timeout_s), memory_mb=settings.eval_memory_mb or None)


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
    """Evaluation jobs in a shared database, run by supervised worker threads; status also mirrored in ``job.json``.

    Workers of every process on the same data dir (and database) take jobs from one queue: a job is claimed by
    exactly one of them under a lease it renews, and queued again (``resumed``) when its worker dies: at once when
    that worker was a process of this host that is gone, else when its lease runs out.
    """

    def __init__(self, data_dir: Path, runner: Runner = run_retrieval_check, settings: Settings | None = None,
                 workers: int | None = None, max_queue: int | None = None, time_limit_s: float | None = None,
                 isolate: bool | None = None, limits: JobLimits | None = None, database_url: str | None = None,
                 lease_s: float | None = None, start: bool = True,
                 summarise: Callable[[dict[str, Any]], dict[str, Any]] = summarise_results) -> None:
        """Open the jobs table, start the workers, the lease keeper and the supervisor.

        Args:
            data_dir: jobs live in ``data_dir/evaluations/<id>`` and uploads in ``data_dir/uploads/<id>``.
            runner: runs one request (default: tools.evaluation.retrieval_check.run_retrieval_check).
            settings: where a resumed job's Milvus token and embeddings key come from (they are not saved), and the
                database (``ADVISOR_DATABASE_URL``) when ``database_url`` is not given.
            workers: jobs run at once in this process (default: ``limits.workers``).
            max_queue: jobs that may wait; one more is refused with QueueFullError.
            time_limit_s: a job running longer is stopped (failed, code ``timeout``).
            isolate: run each job in a process of its own (default: when ``runner`` is a module-level function,
                as the real one is); else in the worker thread, stopped at its next progress report.
            limits: the defaults of the numbers above, and the memory limit per job.
            database_url: a Postgres URL for the jobs table (default: the settings', else SQLite under the data dir).
            lease_s: how long a claim holds without a heartbeat (default: ``ADVISOR_JOB_LEASE_S``, 30 s).
            start: False opens the jobs without running any (the CLI's ``jobs`` commands): no workers, no clean-up.
            summarise: the bounded summary of a run's results kept in its status (default: a check's).

        Raises:
            SettingsError: the database cannot be reached (one sentence naming the URL, password redacted).
        """
        limits = limits or (JobLimits.from_settings(settings) if settings is not None else JobLimits())
        self.data_dir = data_dir
        self.runner = runner
        self.summarise = summarise
        self.settings = settings
        self.workers = workers or limits.workers
        self.max_queue = max_queue or limits.max_queue
        self.time_limit_s = time_limit_s or limits.time_limit_s
        self.cpu_limit_s = limits.cpu_limit_s or int(self.time_limit_s) + 1
        self.memory_limit_mb = limits.memory_mb
        self.lease_s = float(lease_s or (settings.job_lease_s if settings is not None else DEFAULT_LEASE_S))
        self.isolate = (runner is run_retrieval_check) if isolate is None else isolate
        self.scope = str(data_dir.resolve())
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        if database_url is None and settings is not None:
            database_url = settings.database_url
        self._table = open_job_table(data_dir, database_url)
        self._docs: dict[str, dict[str, Any]] = {}  # jobs running here: their latest status (also if a write failed)
        self._claims: dict[str, tuple[str, int]] = {}  # job id -> (worker, attempt) of the claims held here
        self._requests: dict[str, EvalRequest] = {}  # requests submitted here (with their secrets and LLM)
        self._stop: dict[str, str] = {}  # job id -> "cancelled" or "lease_lost" for jobs asked to stop
        self._last_write: dict[str, float] = {}
        self._lock = threading.Lock()
        self._queue: queue.Queue[str | None] = queue.Queue()  # wake-ups ("a job was queued"); None ends a worker
        self._closing = threading.Event()
        self._threads: list[threading.Thread | None] = [None] * self.workers
        self._restarts: list[float] = []
        self.restarts = 0
        _LIVE_WORKERS.add(self.worker_id)
        self._owner_lock = self._first_process() if start else None
        if self._owner_lock is not None:
            self._import_left_behind()
            self._remove_orphans()
        self._reap()
        self._keeper = threading.Thread(target=self._keep_leases, name="evaluation-leases", daemon=True)
        if not start:
            self._closing.set()
            return
        for index in range(self.workers):
            self._threads[index] = self._start_worker(index)
        self._keeper.start()
        self._supervisor = threading.Thread(target=self._supervise, name="evaluation-supervisor", daemon=True)
        self._supervisor.start()

    def _first_process(self) -> IO[str] | None:
        """Hold ``evaluations/.owner.lock`` while first on the data dir (orphans are removed then), else None."""
        folder = DataLayout(self.data_dir).evaluations
        folder.mkdir(parents=True, exist_ok=True)
        handle = (folder / ".owner.lock").open("a", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            logger.info("another server works on the evaluation jobs under %s; both take jobs from one queue", folder)
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
        return self._table.count(self.scope, "pending")

    def check_capacity(self) -> None:
        """Raise QueueFullError when ``max_queue`` jobs already wait (in the shared queue)."""
        depth = self._waiting()
        if depth >= self.max_queue:
            per_job = min(self.time_limit_s, 60.0)
            raise QueueFullError(depth, max(1, int(per_job * depth / self.workers / 4)))

    def submit(self, job_id: str, request: EvalRequest, owner: str | None = None) -> dict[str, Any]:
        """Queue a job for ``owner`` (a principal id); returns its status (pending). QueueFullError when full."""
        self.check_capacity()
        kind = request_kind(request)
        job = {"id": job_id, "kind": kind, "status": "pending", "progress": 0.0, "stage": "queued",
               "models": list(request.models),
               "created_at": _now(), "finished_at": None, "summary": None, "error": None, "resumed": 0,
               "interruptions": 0, "owner": owner, "files": _stored_names(request.corpus)}
        self._save_request(job_id, request)  # first, so that any worker claiming it finds its request
        with self._lock:
            self._requests[job_id] = request
        self._table.insert(self.scope, job, created=datetime.now(UTC).isoformat(timespec="microseconds"))
        self._mirror(job)
        self._queue.put(job_id)
        logger.info("evaluation %s queued (%d models)", job_id, len(request.models))
        return self._public(job)

    @staticmethod
    def _public(job: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in job.items() if k != "owner"}

    def _find(self, job_id: str, principal: Principal | None) -> dict[str, Any]:
        if not JOB_ID.match(job_id or ""):
            raise UnknownJobError(job_id)
        with self._lock:
            job = dict(self._docs[job_id]) if job_id in self._docs else None
        if job is None:
            row = self._table.get(job_id)
            job = row["doc"] if row is not None else None
        if job is None:  # a job of a version before the jobs table, finished then
            job = self._load(job_id)
            if job is None:
                raise UnknownJobError(job_id)
            if job["status"] in ("pending", "running"):
                job.update(status="failed", error=_interrupted("the server stopped during the run"))
        if principal is not None and not principal.can_see(job.get("owner")):
            raise UnknownJobError(job_id)  # another principal's job: as if it did not exist
        return job

    def get(self, job_id: str, principal: Principal | None = None) -> dict[str, Any]:
        """A job's status, whichever worker runs it; another principal's ids are unknown."""
        return self._public(self._find(job_id, principal))

    def cancel(self, job_id: str, principal: Principal | None = None) -> dict[str, Any]:
        """Stop a pending or running job (``cancelled``) on whichever worker it runs; a finished one is left as is."""
        job = self._find(job_id, principal)
        if job["status"] not in FINISHED:
            with self._lock:
                self._stop[job_id] = "cancelled"
            cancelled = {**job, "status": "cancelled", "stage": "cancelled", "finished_at": _now(),
                         "error": {"code": "cancelled", "message": "cancelled on request"}}
            if job["status"] == "pending" and self._guarded(self._table.write, cancelled, only_if=("pending",)):
                self._mirror(cancelled)
                self._remove_uploads(job_id)
            else:  # running here or on another worker: its worker sees the request within a second and stops it
                self._guarded(self._table.request_cancel, job_id)
            deadline = time.monotonic() + 10
            while self._find(job_id, None)["status"] not in FINISHED and time.monotonic() < deadline:
                time.sleep(0.05)
        return self.get(job_id, principal)

    def delete(self, job_id: str, principal: Principal | None = None) -> None:
        """Cancel a job if it still runs, then remove its row, results and uploads."""
        self.cancel(job_id, principal)
        with self._lock:  # a worker still finishing it (its clean-up after the last write) writes nothing more
            self._docs.pop(job_id, None)
        self._table.delete(job_id)
        with _MIRROR_LOCK:
            shutil.rmtree(self.out_dir(job_id), ignore_errors=True)
        self._remove_uploads(job_id)

    def list(self, principal: Principal | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """The newest jobs ``principal`` may see (every job without one), newest first."""
        ids = self._table.ids(self.scope)[::-1]
        out = []
        for job_id in ids:
            try:
                out.append(self.get(job_id, principal))
            except UnknownJobError:
                continue
            if len(out) >= limit:
                break
        return out

    def usage_bytes(self, owner: str) -> int:
        """Bytes on disk for ``owner``'s jobs: uploads and results."""
        total = 0
        for job_id in self._table.ids(self.scope, owner=owner):
            for folder in (self.out_dir(job_id), DataLayout(self.data_dir).uploads / job_id):
                with contextlib.suppress(OSError):
                    total += sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        return total

    def health(self) -> dict[str, Any]:
        """Worker liveness and queue depth (of the shared queue), for /healthz; ``ok`` is False with no worker."""
        alive = sum(1 for t in self._threads if t is not None and t.is_alive())
        running = waiting = -1
        with contextlib.suppress(Exception):  # the database is away: liveness still answers
            running = self._table.count(self.scope, "running")
            waiting = self._table.count(self.scope, "pending")
        return {"ok": alive > 0, "workers": self.workers, "alive": alive, "running": max(running, 0),
                "queue_depth": max(waiting, 0), "max_queue": self.max_queue, "restarts": self.restarts}

    def close(self, timeout: float = 5.0) -> None:
        """Stop the workers after their current jobs; jobs left running go to another worker when the lease ends."""
        self._closing.set()
        for _ in range(self.workers):
            self._queue.put(None)
        for thread in self._threads:
            if thread is not None:
                thread.join(timeout)
        if self._keeper.is_alive():
            self._keeper.join(timeout)
        _LIVE_WORKERS.discard(self.worker_id)
        with contextlib.suppress(Exception):
            self._table.close()
        if self._owner_lock is not None:
            self._owner_lock.close()  # closing the file releases the flock
            self._owner_lock = None

    # -- persistence (every write guarded: a full disk or a lost database never kills a worker) ---------------
    def _guarded(self, write: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return write(*args, **kwargs)
        except Exception as exc:
            logger.error("evaluation jobs: a database write failed (%s); the status stays in memory", exc)
            return None

    def _save_request(self, job_id: str, request: EvalRequest) -> None:
        self._write(self.out_dir(job_id) / "request.json", request_to_json(request))

    def _load_request(self, job_id: str) -> EvalRequest:
        """The saved request, rebuilt as its kind (UnreadableRequestError: lost, unreadable, or an unknown kind)."""
        path = self.out_dir(job_id) / "request.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            logger.warning("evaluation %s: its request cannot be read back from %s", job_id, path)
            raise UnreadableRequestError("its request was lost (request.json cannot be read)") from exc
        if not isinstance(data, dict):
            raise UnreadableRequestError("its request was lost (request.json holds no request)")
        try:
            return request_from_json(data, self.settings)
        except UnreadableRequestError as exc:
            logger.warning("evaluation %s: %s", job_id, exc)
            raise

    def _runner_for(self, kind: str) -> tuple[Runner, Callable[[dict[str, Any]], dict[str, Any]]]:
        """The runner and summary of a job's kind; a runner or summary given to this worker (tests) wins."""
        runner = KIND_RUNNERS[kind] if self.runner in KIND_RUNNERS.values() else self.runner
        summarise = KIND_SUMMARIES[kind] if self.summarise in KIND_SUMMARIES.values() else self.summarise
        return runner, summarise

    def _load(self, job_id: str) -> dict[str, Any] | None:
        try:
            return json.loads((self.out_dir(job_id) / "job.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    @staticmethod
    def _write(path: Path, data: dict[str, Any]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_text(json.dumps(data, default=float), encoding="utf-8")
        tmp.replace(path)  # a kill leaves the old file or the new one, never half of one

    def _mirror(self, job: dict[str, Any]) -> None:
        """``job.json`` beside the results (the database holds the truth; this copy is for people and tools).

        Threads mirror a job in the order they get the CPU, not the order its status changed: a worker can claim and
        finish a job between its submitter's insert and the submitter's "pending" copy. An older stage never
        replaces a newer one (``_life_stage``), and a deleted job's folder is not made again.
        """
        path = self.out_dir(job["id"]) / "job.json"
        try:
            with _MIRROR_LOCK:
                if not path.parent.is_dir():  # made when the job was queued: gone, the job was deleted
                    return
                with contextlib.suppress(OSError, ValueError):
                    if _life_stage(json.loads(path.read_text(encoding="utf-8"))) > _life_stage(job):
                        return
                self._write(path, job)
        except Exception as exc:  # a full or read-only disk: the status stays right in the database and memory
            logger.error("evaluation %s: cannot save its status (%s); kept in memory", job["id"], exc)

    def _remove_uploads(self, job_id: str) -> None:
        shutil.rmtree(DataLayout(self.data_dir).uploads / job_id, ignore_errors=True)

    def _remove_orphans(self) -> None:
        """Uploads no queued job will read, and Milvus Lite folders of runs whose process is gone (kill -9)."""
        keep = set(self._table.ids(self.scope, statuses=("pending", "running")))
        uploads = DataLayout(self.data_dir).uploads
        for folder in uploads.iterdir() if uploads.is_dir() else []:
            if folder.name not in keep and JOB_ID.match(folder.name):
                logger.info("removing the orphan upload folder %s", folder.name)
                shutil.rmtree(folder, ignore_errors=True)
        milvus = DataLayout(self.data_dir).milvus
        for folder in milvus.iterdir() if milvus.is_dir() else []:
            if _abandoned_run(folder):
                logger.info("removing the orphan Milvus Lite folder %s", folder.name)
                shutil.rmtree(folder, ignore_errors=True)

    def _import_left_behind(self) -> None:
        """Jobs a server of an earlier version left pending or running (``job.json`` only): queue again or fail."""
        left: list[dict[str, Any]] = []
        for path in DataLayout(self.data_dir).evaluations.glob("*/job.json"):
            with contextlib.suppress(OSError, ValueError):
                job = json.loads(path.read_text(encoding="utf-8"))
                if job.get("status") in ("pending", "running") and JOB_ID.match(job.get("id", "")):
                    left.append(job)
        for job in sorted(left, key=lambda j: (j.get("created_at") or "", j["id"])):
            if self._table.get(job["id"]) is not None:
                continue  # in the table: the lease keeper looks after it
            interruptions = job.get("interruptions", 0) + (job["status"] == "running")
            try:
                request: EvalRequest | None = self._load_request(job["id"])
                unreadable = ""
            except UnreadableRequestError as exc:
                request, unreadable = None, str(exc)
            if request is not None:
                job.setdefault("kind", request_kind(request))
            if request is None or interruptions >= MAX_INTERRUPTIONS:
                why = (f"the server stopped during the run {interruptions} times; it was not started again"
                       if request is not None else
                       "the server stopped during the run, and its request was lost" if "lost" in unreadable else
                       f"the server stopped during the run, and {unreadable}")
                job.update(status="failed", finished_at=_now(), interruptions=interruptions, error=_interrupted(why))
                logger.warning("evaluation %s: %s", job["id"], why)
            else:
                job.update(status="pending", stage="queued again after a server restart", progress=0.0,
                           resumed=job.get("resumed", 0) + 1, interruptions=interruptions)
                logger.warning("evaluation %s was cut short by a server stop; queued again (resume %d)", job["id"],
                               job["resumed"])
            if self._table.insert(self.scope, job, if_absent=True):
                self._mirror(job)

    # -- claims and leases --------------------------------------------------------------------------------------
    def _claimer_gone(self, claimer: str | None) -> bool:
        """Whether the worker holding a claim is a process of this host that no longer runs."""
        host, _, rest = (claimer or "").partition(":")
        pid = rest.partition(":")[0]
        if host != socket.gethostname() or not pid.isdigit() or claimer == self.worker_id:
            return False
        if int(pid) == os.getpid():
            return claimer not in _LIVE_WORKERS  # an earlier life of this process (same pid, in a container)
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
        return False

    def _reap(self) -> None:
        """Queue again (or fail, after MAX_INTERRUPTIONS) the running jobs whose worker died or whose lease ended."""
        try:
            rows = self._table.stale(self.scope)
        except Exception as exc:
            logger.error("evaluation jobs: cannot read the running jobs (%s)", exc)
            return
        for row in rows:
            if row["claimed_by"] == self.worker_id or not (row["expired"] or self._claimer_gone(row["claimed_by"])):
                continue
            job = row["doc"]
            interruptions = job.get("interruptions", 0) + 1
            if interruptions >= MAX_INTERRUPTIONS:
                why = f"its worker stopped during the run {interruptions} times; it was not started again"
                job.update(status="failed", finished_at=_now(), interruptions=interruptions, error=_interrupted(why))
            else:
                job.update(status="pending", stage="queued again: its worker stopped", progress=0.0,
                           resumed=job.get("resumed", 0) + 1, interruptions=interruptions)
            if self._guarded(self._table.write, job, claim=(row["claimed_by"], row["attempt"]),
                             finish=job["status"] == "failed"):
                logger.warning("evaluation %s: its worker %s stopped (%s); %s", job["id"], row["claimed_by"],
                               "lease ended" if row["expired"] else "process gone",
                               "failed" if job["status"] == "failed" else f"queued again (resume {job['resumed']})")
                self._mirror(job)
                if job["status"] == "failed":
                    self._remove_uploads(job["id"])
                else:
                    self._queue.put(job["id"])

    def _keep_leases(self) -> None:
        """Renew the leases of the jobs running here, pass on cancels asked elsewhere, and reap dead workers' jobs."""
        tick = min(1.0, self.lease_s / 3)
        last_reap = time.monotonic()
        while not self._closing.wait(tick):
            try:
                with self._lock:
                    claims = dict(self._claims)
                for job_id, (worker, attempt) in claims.items():
                    held = self._guarded(self._table.heartbeat, job_id, worker, attempt, self.lease_s)
                    if held is None:
                        continue  # the database is away for now: try again at the next tick
                    ours, cancel = held
                    with self._lock:
                        doc = self._docs.get(job_id)  # None: deleted; finished: its last write went first
                        if not ours and job_id in self._claims and doc is not None and doc["status"] not in FINISHED:
                            logger.error("evaluation %s: its lease was lost (given to another worker); "
                                         "stopping it here", job_id)
                            self._stop[job_id] = "lease_lost"
                        elif cancel:
                            self._stop.setdefault(job_id, "cancelled")
                if time.monotonic() - last_reap >= min(self.lease_s / 3, 5.0):
                    last_reap = time.monotonic()
                    self._reap()
            except Exception:
                logger.exception("the evaluation lease keeper failed a round")

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

    def _update(self, job_id: str, force: bool = False, **changes: Any) -> None:
        """Change a job running here; written to the database under its claim (a lost claim writes nothing)."""
        with self._lock:
            job = self._docs.get(job_id)
            claim = self._claims.get(job_id)
            if job is None or claim is None:
                return
            if job["status"] in FINISHED and changes.get("status") not in (None, *FINISHED):
                return
            job.update(changes)
            snapshot = dict(job)
            now = time.monotonic()
            if not force and now - self._last_write.get(job_id, 0.0) < PROGRESS_WRITE_S:
                return  # progress is kept in memory (get() reads it here); written at most every PROGRESS_WRITE_S
            self._last_write[job_id] = now
        finish = snapshot["status"] in FINISHED
        written = self._guarded(self._table.write, snapshot, claim=claim, finish=finish)
        if written is False:
            logger.warning("evaluation %s: its claim is no longer ours; this worker's result is dropped", job_id)
            with self._lock:
                self._stop[job_id] = "lease_lost"
            return
        self._mirror(snapshot)

    def _work(self) -> None:
        while True:
            try:
                item = self._queue.get(timeout=POLL_S)
            except queue.Empty:
                item = ""
            if item is None or self._closing.is_set():
                return
            while not self._closing.is_set() and (claimed := self._claim()) is not None:
                job_id, request = claimed
                try:
                    self._run_job(job_id, request)
                except Exception:  # _run_job guards everything; this is the last line
                    logger.exception("evaluation %s: the worker failed around it", job_id)
                except BaseException:  # the thread dies (SystemExit, a thread kill): fail the job; supervisor restarts
                    with contextlib.suppress(Exception):
                        self._finish(job_id, "failed", error={"code": "internal_error",
                                                              "message": "the evaluation crashed; see the logs"})
                    raise
                finally:
                    with self._lock:
                        for table in (self._docs, self._claims, self._stop, self._last_write, self._requests):
                            table.pop(job_id, None)

    def _claim(self) -> tuple[str, EvalRequest | str] | None:
        """Claim the oldest pending job for this process (None when none waits or the database is away)."""
        row = self._guarded(self._table.claim, self.scope, self.worker_id, self.lease_s)
        if row is None:
            return None
        job = row["doc"]
        job.update(status="running", stage="starting")
        with self._lock:
            self._docs[job["id"]] = job
            self._claims[job["id"]] = (self.worker_id, row["attempt"])
            request = self._requests.get(job["id"])
        if row["attempt"] > 1 or request is None:
            try:
                request = self._load_request(job["id"])
            except UnreadableRequestError as exc:
                return job["id"], str(exc)
        logger.info("evaluation %s claimed by %s (attempt %d)", job["id"], self.worker_id, row["attempt"])
        return job["id"], request

    def _finish(self, job_id: str, status: str, **changes: Any) -> None:
        self._update(job_id, force=True, status=status, finished_at=_now(), **changes)
        if self._stop_reason(job_id) != "lease_lost":  # else the worker that holds the job now still reads them
            self._remove_uploads(job_id)

    def _stop_reason(self, job_id: str) -> str | None:
        with self._lock:
            return self._stop.get(job_id)

    def _run_job(self, job_id: str, request: EvalRequest | str) -> None:
        if isinstance(request, str):  # why its saved request cannot be rebuilt
            code = "unknown_kind" if "unknown kind" in request else "interrupted"
            self._finish(job_id, "failed", error={"code": code, "message": request})
            return
        kind = request_kind(request)
        runner, summarise = self._runner_for(kind)
        self._update(job_id, force=True, status="running", stage="starting", kind=kind)
        started = time.monotonic()

        def progress(stage: str, fraction: float) -> None:
            if not self.isolate:  # in the thread: stop at the next report
                reason = self._stop_reason(job_id)
                if reason is not None:
                    raise JobStoppedError(reason, "cancelled on request" if reason == "cancelled" else
                                          "its claim was given to another worker")
                if time.monotonic() - started > self.time_limit_s:
                    raise JobStoppedError("timeout", f"stopped after the {self.time_limit_s:g} s time limit per job")
            self._update(job_id, stage=scrub(stage, [self.data_dir], limit=200),
                         progress=round(min(max(fraction, 0.0), 1.0), 3))

        try:
            if self.isolate:
                results = run_in_process(runner, request, progress, lambda: self._stop_reason(job_id),
                                         self.time_limit_s, self.cpu_limit_s, self.memory_limit_mb)
            else:
                results = runner(request, progress)
            if self._stop_reason(job_id) == "lease_lost":
                raise JobStoppedError("lease_lost", "its claim was given to another worker")
            self._scrub_outputs(request.out_dir)
            summary = scrub_tree(summarise(results), [self.data_dir])
        except JobStoppedError as exc:
            logger.warning("evaluation %s stopped: %s", job_id, exc.code)
            if exc.code == "lease_lost":
                return  # another worker runs it now: nothing of this run is written
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


def _life_stage(job: dict[str, Any]) -> tuple[int, int]:
    """How far a job's life has gone: its runs so far, then queued (0), running (1) or finished (2)."""
    with contextlib.suppress(AttributeError, TypeError, ValueError):  # a copy someone edited by hand
        return int(job.get("resumed") or 0), {"pending": 0, "running": 1}.get(job.get("status", ""), 2)
    return 0, 0


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
