"""Evaluation jobs: one worker thread owns every run (Milvus Lite and the encoders are not shared across runs)."""

from __future__ import annotations

import json
import logging
import queue
import re
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from knowledge.errors import AdvisorError, ToolInputError
from tools.evaluate import EvalRequest, evaluate, summarise_results

logger = logging.getLogger(__name__)
JOB_ID = re.compile(r"^[0-9a-f]{12}$")
Runner = Callable[[EvalRequest, Callable[[str, float], None]], dict[str, Any]]


class UnknownJobError(ToolInputError):
    """No evaluation job has this id."""

    def __init__(self, job_id: str) -> None:
        """Name the id."""
        self.job_id = job_id
        super().__init__(f"Unknown evaluation job {job_id!r}.")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class EvaluationJobs:
    """A queue of evaluation jobs run one at a time by a single worker thread; status is kept in ``job.json``."""

    def __init__(self, data_dir: Path, runner: Runner = evaluate) -> None:
        self.data_dir = data_dir
        self.runner = runner
        self._jobs: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()
        self._queue: queue.Queue[tuple[str, EvalRequest] | None] = queue.Queue()
        self._worker = threading.Thread(target=self._work, name="evaluation-worker", daemon=True)
        self._worker.start()

    def new_job(self) -> tuple[str, Path]:
        """Reserve a job id and its upload folder ``data_dir/uploads/<id>``."""
        job_id = uuid.uuid4().hex[:12]
        folder = self.data_dir / "uploads" / job_id
        folder.mkdir(parents=True, exist_ok=False)
        return job_id, folder

    def out_dir(self, job_id: str) -> Path:
        """Where a job writes results.json and report.md."""
        return self.data_dir / "evaluations" / job_id

    def submit(self, job_id: str, request: EvalRequest) -> dict[str, Any]:
        """Queue a job; returns its status (pending)."""
        job = {"id": job_id, "status": "pending", "progress": 0.0, "stage": "queued", "models": list(request.models),
               "created_at": _now(), "finished_at": None, "summary": None, "error": None}
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
        path = self.out_dir(job_id) / "job.json"
        if not path.exists():
            raise UnknownJobError(job_id)
        job = json.loads(path.read_text(encoding="utf-8"))
        if job["status"] in ("pending", "running"):  # its process ended before the job did
            job.update(status="failed", error={"code": "interrupted", "message": "the server stopped during the run"})
        return job

    def close(self, timeout: float = 5.0) -> None:
        """Stop the worker after the current job."""
        self._queue.put(None)
        self._worker.join(timeout)

    def _update(self, job_id: str, **changes: Any) -> None:
        with self._lock:
            job = self._jobs[job_id]
            job.update(changes)
            snapshot = dict(job)
        self._save(snapshot)

    def _save(self, job: dict[str, Any]) -> None:
        folder = self.out_dir(job["id"])
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / "job.json.tmp"
        tmp.write_text(json.dumps(job, default=float), encoding="utf-8")
        tmp.replace(folder / "job.json")

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
