"""Evidence a consultation gathers on the user's own data: attached documents and checks run by the job worker.

A consultation's documents live in ``data_dir/consultations/<id>/documents``; each check it starts is an evaluation
job (agent/evaluation_jobs.py, one worker, progress and results on disk) listed in ``checks.json`` beside them.
"""

from __future__ import annotations

import json
import logging
import math
import re
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge.errors import NoDocumentsError, ToolInputError
from knowledge.settings import DataLayout

if TYPE_CHECKING:
    from agent.evaluation_jobs import EvaluationJobs
    from knowledge.settings import Settings

logger = logging.getLogger(__name__)
CONSULTATION_ID = re.compile(r"^[A-Za-z0-9_-]{1,80}$")
BASELINES = ("bm25", "hybrid")
# Tokens per second each kind of candidate encodes on a 2-core laptop CPU (measured: MiniLM ~21 chunks/s at 252
# tokens; a static model ~130x faster); BM25 only tokenizes. Plus a fixed start-up per candidate (load, index).
TOKENS_PER_S = {"minilm": 5000.0, "static": 300_000.0, "bm25": 200_000.0, "hybrid": 5000.0}
DEFAULT_TOKENS_PER_S = 1500.0  # any other local sentence-transformers model (larger than MiniLM)
START_UP_S = 8.0
LONG_RUN_S = 20.0
"""A check expected to take longer than this is planned first and started only when the user says go ahead."""


class ConsultationEvidence:
    """Documents attached to consultations and the checks run on them; thread-safe."""

    def __init__(self, data_dir: Path, jobs: EvaluationJobs | None = None, settings: Settings | None = None,
                 mteb_jobs: EvaluationJobs | None = None) -> None:
        """Keep the data dir; the job workers (checks, quick MTEB) are started on first use unless given."""
        self.data_dir = data_dir
        self.settings = settings
        self._jobs = jobs
        self._owned = False  # whether this object started the worker (and so stops it)
        self._mteb_jobs = mteb_jobs  # quick MTEB asked from the chat: a worker of its own
        self._mteb_owned = mteb_jobs is None
        self._lock = threading.Lock()

    @property
    def jobs(self) -> EvaluationJobs:
        """The evaluation worker checks run on (the API's evaluation jobs share it)."""
        with self._lock:
            if self._jobs is None:
                from agent.evaluation_jobs import EvaluationJobs

                self._jobs = EvaluationJobs(self.data_dir, settings=self.settings)
                self._owned = True
            return self._jobs

    def use_jobs(self, jobs: EvaluationJobs) -> None:
        """Run checks on ``jobs`` (a surface's worker) instead of starting one."""
        with self._lock:
            if self._owned and self._jobs is not None:
                self._jobs.close()
            self._jobs, self._owned = jobs, False

    @property
    def mteb_jobs(self) -> EvaluationJobs:
        """The worker quick-MTEB runs go through (the job machinery under ``data_dir/quick-mteb``, own processes)."""
        with self._lock:
            if self._mteb_jobs is None:
                from agent.evaluation_jobs import EvaluationJobs
                from agent.evidence_runs import run_evidence_job, summarise_evidence

                self._mteb_jobs = EvaluationJobs(DataLayout(self.data_dir).evidence_jobs, runner=run_evidence_job,
                                                 settings=self.settings, isolate=True, summarise=summarise_evidence)
            return self._mteb_jobs

    def close(self) -> None:
        """Stop the worker if this object started it (and the quick-MTEB worker)."""
        if self._jobs is not None and self._owned:
            self._jobs.close()
        if self._mteb_jobs is not None and self._mteb_owned:
            self._mteb_jobs.close()

    def folder(self, consultation_id: str) -> Path:
        """``data_dir/consultations/<id>``; the id is checked so that it cannot leave the data dir."""
        if not CONSULTATION_ID.match(consultation_id or ""):
            raise ToolInputError(f"not a consultation id: {consultation_id!r}")
        return DataLayout(self.data_dir).consultation_documents / consultation_id

    def documents_dir(self, consultation_id: str) -> Path:
        """Where the consultation's attached documents are kept."""
        return self.folder(consultation_id) / "documents"

    def documents(self, consultation_id: str) -> list[dict[str, Any]]:
        """The attached files: name and size."""
        folder = self.documents_dir(consultation_id)
        if not folder.is_dir():
            return []
        return [{"name": p.name, "bytes": p.stat().st_size} for p in sorted(folder.iterdir()) if p.is_file()]

    def attach_path(self, consultation_id: str, path: Path, max_files: int = 10_000) -> list[str]:
        """Copy a file, or the supported files of a folder, into the consultation (the terminal chat's attach)."""
        from tools.documents.file_readers import DOC_SUFFIXES
        from tools.documents.uploads import sanitise_filename

        path = path.expanduser()
        if not path.exists():
            raise ToolInputError(f"{path}: no such file or folder")
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower()
                                                      in DOC_SUFFIXES and not p.name.startswith("."))[:max_files]
        target = self.documents_dir(consultation_id)
        target.mkdir(parents=True, exist_ok=True)
        taken = {p.name for p in target.iterdir()}
        names = []
        for file in files:
            name = sanitise_filename(file.name, taken)
            (target / name).write_bytes(file.read_bytes())
            names.append(name)
        return names

    # -- checks ------------------------------------------------------------------------------------------------
    def plan(self, consultation_id: str, models: list[str]) -> dict[str, Any]:
        """What a check would do and how long it should take: documents, tokens, candidates, seconds."""
        if not self.documents(consultation_id):
            raise NoDocumentsError("no documents are attached to this consultation yet: upload some first "
                                   "(POST /v1/consultations/{id}/documents, the web UI's upload, or a path in the "
                                   "terminal chat)")
        from tools.documents.corpus import load_corpus

        corpus = load_corpus(self.documents_dir(consultation_id))
        chars = sum(len(t) for t in corpus.docs.values())
        tokens = chars / (2.0 if any(ord(c) > 0x2E80 for c in list(corpus.docs.values())[0][:200]) else 4.0)
        seconds = sum(START_UP_S + tokens / TOKENS_PER_S.get(m, DEFAULT_TOKENS_PER_S) for m in models)
        return {"n_documents": len(corpus.docs), "skipped_files": corpus.skipped, "tokens": int(tokens),
                "models": models, "estimated_seconds": math.ceil(seconds), "long": seconds > LONG_RUN_S}

    def start_check(self, consultation_id: str, models: list[str], example_queries: list[str] | None = None
                    ) -> dict[str, Any]:
        """Queue a retrieval check of ``models`` on the attached documents; returns the job's status."""
        import uuid

        from tools.evaluation.retrieval_check import EvalRequest

        plan = self.plan(consultation_id, models)
        jobs = self.jobs
        job_id = uuid.uuid4().hex[:12]
        settings = self.settings
        request = EvalRequest(corpus=self.documents_dir(consultation_id), models=models, out_dir=jobs.out_dir(job_id),
                              data_dir=self.data_dir, example_queries=list(example_queries or []),
                              milvus_uri=settings.milvus_uri if settings else None,
                              milvus_token=settings.milvus_token if settings else None,
                              openai_base_url=settings.embeddings_base_url if settings else None,
                              openai_api_key=settings.embeddings_api_key if settings else None)
        job = jobs.submit(job_id, request)
        record = {"job_id": job_id, "kind": "documents", "models": models,
                  "started_at": time.strftime("%Y-%m-%dT%H:%M:%S"), "n_documents": plan["n_documents"],
                  "estimated_seconds": plan["estimated_seconds"]}
        self._record(consultation_id, record)
        return {**job, **record}

    def start_quick_mteb(self, consultation_id: str, models: list[str], suite: str) -> dict[str, Any]:
        """Queue a quick-MTEB run of ``models`` on a bundled suite for the consultation; returns the job's status."""
        import uuid

        from agent.evidence_runs import QuickMtebRequest, suite_plan
        from tools.benchmarks.bundled_tasks import BENCHMARKS_DIR

        plan = suite_plan(suite, models)
        jobs = self.mteb_jobs
        job_id = uuid.uuid4().hex[:12]
        request = QuickMtebRequest(corpus=BENCHMARKS_DIR / plan["tasks"][0], models=models,
                                   out_dir=jobs.out_dir(job_id), data_dir=self.data_dir, suite=suite)
        job = jobs.submit(job_id, request)
        record = {"job_id": job_id, "kind": "quick_mteb", "suite": suite, "models": models,
                  "started_at": time.strftime("%Y-%m-%dT%H:%M:%S"), "n_documents": None,
                  "estimated_seconds": plan["estimated_seconds"]}
        self._record(consultation_id, record)
        return {**job, **record}

    def start_probe(self, consultation_id: str, probe: str, models: list[str]) -> dict[str, Any]:
        """Queue a vector probe (alignment, robustness, consistency) of ``models``; returns the job's status."""
        import uuid

        from agent.evidence_runs import ProbeRequest

        jobs = self.mteb_jobs
        job_id = uuid.uuid4().hex[:12]
        request = ProbeRequest(corpus=Path(f"{probe}-probe"), models=models, out_dir=jobs.out_dir(job_id),
                               data_dir=self.data_dir, probe=probe)
        job = jobs.submit(job_id, request)
        record = {"job_id": job_id, "kind": "probe", "probe": probe, "models": models,
                  "started_at": time.strftime("%Y-%m-%dT%H:%M:%S"), "n_documents": None, "estimated_seconds": None}
        self._record(consultation_id, record)
        return {**job, **record}

    def _record(self, consultation_id: str, record: dict[str, Any]) -> None:
        with self._lock:
            checks = self._read_checks(consultation_id)
            checks.append(record)
            path = self.folder(consultation_id) / "checks.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(checks, indent=1), encoding="utf-8")

    def _read_checks(self, consultation_id: str) -> list[dict[str, Any]]:
        path = self.folder(consultation_id) / "checks.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []

    def checks(self, consultation_id: str) -> list[dict[str, Any]]:
        """Every check of the consultation with its status, progress and (when done) results summary."""
        from agent.evaluation_jobs import UnknownJobError

        out = []
        for record in self._read_checks(consultation_id):
            try:
                jobs = self.mteb_jobs if record.get("kind") in ("quick_mteb", "probe") else self.jobs
                job = jobs.get(record["job_id"])
            except UnknownJobError:
                job = {"status": "failed", "error": {"code": "lost", "message": "the job's files are gone"}}
            out.append({**record, "status": job.get("status"), "progress": job.get("progress"),
                        "stage": job.get("stage"), "summary": job.get("summary"), "error": job.get("error")})
        return out

    def results_path(self, job_id: str) -> Path:
        """The full results.json of a check's job."""
        return DataLayout(self.data_dir).evaluations / job_id / "results.json"


def measured_results(job_folder: Path) -> dict[str, Any] | None:
    """A finished check's results (None while it runs or when it failed)."""
    job = job_folder / "job.json"
    results = job_folder / "results.json"
    if not job.exists() or not results.exists():
        return None
    if json.loads(job.read_text(encoding="utf-8")).get("status") != "done":
        return None
    return json.loads(results.read_text(encoding="utf-8"))
