"""Evaluation jobs: one worker thread owns every run (Milvus Lite and the encoders are not shared across runs).

A job's request is saved beside its status, so a job the server was killed in is queued again when the next
server starts on the same data dir (``resumed`` counts it), and failed with code ``interrupted`` after
MAX_INTERRUPTIONS cut-short runs. One process owns the jobs of a data dir (a lock file); only it resumes them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import json
import logging
import queue
import re
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from knowledge.errors import AdvisorError, ServiceUnavailableError, ToolInputError, UnknownJobError
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


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _interrupted(message: str) -> dict[str, str]:
    return {"code": "interrupted", "message": message}


class EvaluationJobs:
    """A queue of evaluation jobs run one at a time by a single worker thread; status is kept in ``job.json``."""

    def __init__(self, data_dir: Path, runner: Runner = run_retrieval_check, settings: Settings | None = None) -> None:
        """Start the worker and queue again the jobs an earlier server on this data dir was killed in.

        Args:
            data_dir: jobs live in ``data_dir/evaluations/<id>`` and uploads in ``data_dir/uploads/<id>``.
            runner: runs one request (default: tools.evaluation.retrieval_check.run_retrieval_check).
            settings: where a resumed job's Milvus token and embeddings key come from (they are not saved).
        """
        self.data_dir = data_dir
        self.runner = runner
        self.settings = settings
        self._jobs: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()
        self._queue: queue.Queue[tuple[str, EvalRequest] | None] = queue.Queue()
        self._owner_lock = self._claim()
        self._worker = threading.Thread(target=self._work, name="evaluation-worker", daemon=True)
        self._worker.start()
        if self._owner_lock is not None:
            self._resume_interrupted()

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

    def new_job(self) -> tuple[str, Path]:
        """Reserve a job id and its upload folder ``data_dir/uploads/<id>``."""
        job_id = uuid.uuid4().hex[:12]
        folder = DataLayout(self.data_dir).uploads / job_id
        folder.mkdir(parents=True, exist_ok=False)
        return job_id, folder

    def out_dir(self, job_id: str) -> Path:
        """Where a job writes results.json and report.md (and keeps job.json and request.json)."""
        return DataLayout(self.data_dir).evaluations / job_id

    def submit(self, job_id: str, request: EvalRequest) -> dict[str, Any]:
        """Queue a job; returns its status (pending)."""
        job = {"id": job_id, "status": "pending", "progress": 0.0, "stage": "queued", "models": list(request.models),
               "created_at": _now(), "finished_at": None, "summary": None, "error": None, "resumed": 0,
               "interruptions": 0}
        self._save_request(job_id, request)  # first, so a job.json on disk always has its request beside it
        with self._lock:
            self._jobs[job_id] = job
        self._save(job)
        self._queue.put((job_id, request))
        logger.info("evaluation %s queued (%d models)", job_id, len(request.models))
        return dict(job)

    def get(self, job_id: str) -> dict[str, Any]:
        """A job's status; jobs of an earlier process are read from their ``job.json``."""
        if not JOB_ID.match(job_id or ""):
            raise UnknownJobError(job_id)
        with self._lock:
            if job_id in self._jobs:
                return dict(self._jobs[job_id])
        job = self._load(job_id)
        if job is None:
            raise UnknownJobError(job_id)
        if job["status"] in ("pending", "running") and self._owner_lock is not None:  # its process died
            job.update(status="failed", error=_interrupted("the server stopped during the run"))
        return job

    def close(self, timeout: float = 5.0) -> None:
        """Stop the worker after the current job and let another process own the jobs."""
        self._queue.put(None)
        self._worker.join(timeout)
        if self._owner_lock is not None:
            self._owner_lock.close()  # closing the file releases the flock
            self._owner_lock = None

    # -- persistence ------------------------------------------------------------------------------------------
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
        except FileNotFoundError:
            return None

    @staticmethod
    def _write(path: Path, data: dict[str, Any]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(data, default=float), encoding="utf-8")
        tmp.replace(path)  # a kill leaves the old file or the new one, never half of one

    def _save(self, job: dict[str, Any]) -> None:
        self._write(self.out_dir(job["id"]) / "job.json", job)

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

    # -- the worker -------------------------------------------------------------------------------------------
    def _update(self, job_id: str, **changes: Any) -> None:
        with self._lock:
            job = self._jobs[job_id]
            job.update(changes)
            snapshot = dict(job)
        self._save(snapshot)

    def _work(self) -> None:
        while (item := self._queue.get()) is not None:
            job_id, request = item
            self._update(job_id, status="running", stage="starting")

            def progress(stage: str, fraction: float, job_id: str = job_id) -> None:
                self._update(job_id, stage=stage, progress=round(min(max(fraction, 0.0), 1.0), 3))

            try:
                summary = summarise_results(self.runner(request, progress))
            except ToolInputError as exc:
                logger.info("evaluation %s rejected its input", job_id)
                self._update(job_id, status="failed", finished_at=_now(),
                             error={"code": "invalid_input", "message": str(exc)})
            except ServiceUnavailableError as exc:
                logger.error("evaluation %s: %s", job_id, exc)
                self._update(job_id, status="failed", finished_at=_now(),
                             error={"code": "service_unavailable", "message": str(exc)})
            except AdvisorError:
                logger.exception("evaluation %s failed", job_id)
                self._update(job_id, status="failed", finished_at=_now(),
                             error={"code": "evaluation_failed", "message": "the evaluation failed; see the logs"})
            except Exception:  # the worker must survive any one job
                logger.exception("evaluation %s crashed", job_id)
                self._update(job_id, status="failed", finished_at=_now(),
                             error={"code": "internal_error", "message": "the evaluation crashed; see the logs"})
            else:
                summary["run"].pop("corpus", None)  # a server path, not the caller's business
                self._update(job_id, status="done", progress=1.0, stage="done", finished_at=_now(), summary=summary)
