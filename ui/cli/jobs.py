"""The ``jobs`` commands: list, show and cancel evaluation jobs (the API's and the web UI's) on this data dir.

They read and write the jobs table directly (``evaluations/jobs.sqlite``, or the ``ADVISOR_DATABASE_URL``
database), so they work whether or not a server runs: a cancelled running job is stopped by the worker running it
within a second.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from knowledge.errors import AdvisorError
from knowledge.settings import Settings
from ui.cli.exit_codes import fail

if TYPE_CHECKING:
    from agent.evaluation_jobs import EvaluationJobs

jobs_app = typer.Typer(help="List, show and cancel evaluation jobs (API and web-UI checks) of this data dir.",
                       no_args_is_help=True)


def _jobs() -> EvaluationJobs:
    from agent.evaluation_jobs import EvaluationJobs

    settings = Settings.from_env()
    return EvaluationJobs(settings.data_dir, settings=settings, start=False)


def _line(job: dict[str, Any]) -> str:
    error = f"  {job['error']['code']}: {job['error']['message']}" if job.get("error") else ""
    return (f"{job['id']}  {job['status']:<9} {float(job.get('progress') or 0):>4.0%}  {job.get('created_at', '')}  "
            f"{','.join(job.get('models') or [])}  {job.get('stage') or ''}{error}")


@jobs_app.command("list")
def jobs_list(
    limit: Annotated[int, typer.Option(help="How many jobs, newest first.", min=1)] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of lines.")] = False,
) -> None:
    """The newest evaluation jobs: id, status, progress, when, candidates, stage."""
    try:
        jobs = _jobs()
    except AdvisorError as exc:
        raise fail(exc) from exc
    try:
        found = jobs.list(limit=limit)
    finally:
        jobs.close()
    if as_json:
        sys.stdout.write(json.dumps(found, indent=2, default=str) + "\n")
    else:
        sys.stdout.write("".join(_line(j) + "\n" for j in found) or "no evaluation jobs\n")


@jobs_app.command("show")
def jobs_show(job_id: Annotated[str, typer.Argument(help="The job's id (12 hex digits).")]) -> None:
    """One job's status, progress and results summary as JSON."""
    try:
        jobs = _jobs()
        try:
            job = jobs.get(job_id)
        finally:
            jobs.close()
    except AdvisorError as exc:
        raise fail(exc) from exc
    sys.stdout.write(json.dumps(job, indent=2, default=str) + "\n")


@jobs_app.command("cancel")
def jobs_cancel(job_id: Annotated[str, typer.Argument(help="The job's id (12 hex digits).")]) -> None:
    """Cancel a pending or running job; its worker process is killed (a finished job is left as it is)."""
    try:
        jobs = _jobs()
        try:
            before = jobs.get(job_id)["status"]
            job = jobs.cancel(job_id)
        finally:
            jobs.close()
    except AdvisorError as exc:
        raise fail(exc) from exc
    if job["status"] == "cancelled" and before != "cancelled":
        sys.stdout.write(f"{job_id} cancelled (it was {before})\n")
    elif job["status"] in ("done", "failed", "cancelled"):
        sys.stdout.write(f"{job_id} had already finished: {job['status']}\n")
    else:
        sys.stdout.write(f"{job_id} is still {job['status']}: the cancel is recorded, and the worker running it "
                         "stops it at its next heartbeat\n")
