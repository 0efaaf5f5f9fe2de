"""The per-job memory limit (ADVISOR_EVAL_MEMORY_MB): a run that grows past it, or asks for too much at once, is
stopped with an error naming the limit, and the worker goes on with the next job."""

from __future__ import annotations

import time

import job_runners
import pytest

from agent.evaluation_jobs import EvaluationJobs, JobLimits
from knowledge.errors import SettingsError
from knowledge.settings import Settings
from tools.evaluation.retrieval_check import EvalRequest


def submit(jobs: EvaluationJobs, data_dir) -> str:
    job_id, folder = jobs.new_job()
    (folder / "c.jsonl").write_text('{"id": "d1", "text": "x"}\n')
    jobs.submit(job_id, EvalRequest(corpus=folder / "c.jsonl", models=["bm25"], out_dir=jobs.out_dir(job_id),
                                    data_dir=data_dir))
    return job_id


def wait(jobs: EvaluationJobs, job_id: str, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while (job := jobs.get(job_id))["status"] not in ("done", "failed", "cancelled"):
        assert time.monotonic() < deadline, job
        time.sleep(0.05)
    return job


@pytest.mark.parametrize("runner", [job_runners.hog, job_runners.one_huge_allocation])
def test_a_job_over_the_memory_limit_fails_naming_the_limit(tmp_path, runner):
    jobs = EvaluationJobs(tmp_path, runner, workers=1, isolate=True, limits=JobLimits(memory_mb=300))
    try:
        job = wait(jobs, submit(jobs, tmp_path))
        assert job["status"] == "failed" and job["error"]["code"] == "memory_limit", job
        assert "300 MB memory limit" in job["error"]["message"]
        assert "ADVISOR_EVAL_MEMORY_MB" in job["error"]["message"]
        jobs.runner = job_runners.quick  # the worker is fine: the next job runs
        assert wait(jobs, submit(jobs, tmp_path))["status"] == "done"
    finally:
        jobs.close()


def test_the_memory_limit_setting():
    assert Settings.from_env({"ADVISOR_DATA_DIR": "/tmp/x"}).eval_memory_mb == 4096
    settings = Settings.from_env({"ADVISOR_DATA_DIR": "/tmp/x", "ADVISOR_EVAL_MEMORY_MB": "0"})
    assert JobLimits.from_settings(settings).memory_mb is None  # 0: no limit
    assert JobLimits.from_settings(Settings.from_env({"ADVISOR_DATA_DIR": "/tmp/x", "ADVISOR_EVAL_MEMORY_MB": "512"})
                                   ).memory_mb == 512
    with pytest.raises(SettingsError, match="ADVISOR_EVAL_MEMORY_MB='lots'"):
        Settings.from_env({"ADVISOR_DATA_DIR": "/tmp/x", "ADVISOR_EVAL_MEMORY_MB": "lots"})
