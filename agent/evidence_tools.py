"""The consultation's evidence tools: check the short list on the attached documents (as a job), and its status.

Both read the consultation id from the run's config (the graph's thread id), never from the LLM's arguments.
"""

from __future__ import annotations

from typing import Any

from langchain_core.runnables import RunnableConfig

from agent.evidence import BASELINES, ConsultationEvidence
from knowledge.errors import ToolInputError

BUNDLED = ("minilm", "static")


def _consultation(config: RunnableConfig | None) -> str:
    thread = ((config or {}).get("configurable") or {}).get("thread_id")
    if not thread:
        raise ToolInputError("this tool works inside a consultation only")
    return str(thread)


def check_candidates(models: list[str] | None, roots: list[Any]) -> list[str]:
    """The candidates of a check: those named (or the short list) that can load here, else the bundled models.

    BM25 and hybrid always join as the baselines.
    """
    from tools.encoders.candidates import require_offline_model
    from tools.encoders.models import MINILM_NAME

    runnable = []
    for spec in models or []:
        spec = "minilm" if spec == MINILM_NAME else spec
        try:
            require_offline_model(spec, roots)
        except ToolInputError:
            continue
        if spec.lower() not in BASELINES:
            runnable.append(spec)
    return list(dict.fromkeys((runnable or list(BUNDLED)) + list(BASELINES)))


def _minutes(seconds: float) -> str:
    return f"about {max(1, round(seconds / 60))} minute{'s' * (round(seconds / 60) > 1)}" if seconds >= 60 else \
        f"about {int(seconds)} seconds"


def evidence_tools(evidence: ConsultationEvidence) -> list[Any]:
    """The check and status tools as LangChain tools bound to ``evidence``."""
    from langchain_core.tools import StructuredTool

    def check_documents(models: list[str] | None = None, go_ahead: bool = False,
                        example_queries: list[str] | None = None,
                        config: RunnableConfig = None,  # type: ignore[assignment]  # LangChain injects it by this type
                        ) -> dict[str, Any]:
        """Check candidate embedding models on the documents attached to this consultation (nDCG@10 with 95% CI).

        A long check is only planned (documents, candidates, time estimate) until called again with go_ahead=true,
        after the user agreed. The check runs in the background: its progress and results show in the consultation.

        Args:
            models: candidates (default: the short list's models that can load here, else the bundled MiniLM and
                static models); BM25 and hybrid are always added as baselines.
            go_ahead: true once the user agreed to the stated plan.
            example_queries: a few queries in the user's own words; generated queries follow their style.
            config: the run's configuration (set by the graph, never by the model).
        """
        consultation = _consultation(config)
        running = [c for c in evidence.checks(consultation) if c["status"] in ("pending", "running")]
        if running:  # asked twice (a go-ahead read by the rules and by the model): one check at a time
            return {"status": "running", "job_id": running[-1]["job_id"], "models": running[-1]["models"],
                    "message": f"The document check {running[-1]['job_id']} is already {running[-1]['status']} "
                               f"({(running[-1].get('progress') or 0):.0%}); its results re-rank the short list "
                               "when it is done."}
        candidates = check_candidates(models, [evidence.documents_dir(consultation)])
        plan = evidence.plan(consultation, candidates)
        skipped = f" ({len(plan['skipped_files'])} file(s) will be skipped)" if plan["skipped_files"] else ""
        absent = [m for m in models or [] if m not in candidates and m.lower() not in BASELINES
                  and not (m.endswith("all-MiniLM-L6-v2") and "minilm" in candidates)]
        stand_in = (f" ({', '.join(absent)} cannot load here, so the bundled models stand in)"
                    if absent and not set(candidates) - {*BUNDLED, *BASELINES} else
                    f" ({', '.join(absent)} cannot load here)" if absent else "")
        summary = (f"{plan['n_documents']} documents{skipped}, candidates {', '.join(candidates)}{stand_in}, "
                   f"{_minutes(plan['estimated_seconds'])}")
        if plan["long"] and not go_ahead:
            return {"status": "plan", "message": f"Plan for the document check: {summary}. Shall I go ahead?",
                    "models": candidates, "estimated_seconds": plan["estimated_seconds"],
                    "n_documents": plan["n_documents"]}
        job = evidence.start_check(consultation, candidates, example_queries)
        return {"status": "started", "job_id": job["job_id"], "models": candidates,
                "job_folder": str(evidence.jobs.out_dir(job["job_id"])),
                "estimated_seconds": plan["estimated_seconds"], "n_documents": plan["n_documents"],
                "message": f"Started the document check ({summary}); job {job['job_id']}. Its progress shows in the "
                           "consultation, and its results re-rank the short list when it is done."}

    def check_status(config: RunnableConfig = None) -> dict[str, Any]:  # type: ignore[assignment]
        """Status, progress and results (nDCG@10 per candidate) of this consultation's document checks."""
        checks = evidence.checks(_consultation(config))
        if not checks:
            return {"status": "none", "message": "No document check has been started in this consultation."}
        last = checks[-1]
        if last["status"] == "done":
            models = (last.get("summary") or {}).get("models", {})
            scores = ", ".join(f"{m} {f['ndcg_at_10']['mean']:.3f}" for m, f in models.items()
                               if f.get("status") == "ok")
            message = f"The document check is done: nDCG@10 {scores}."
        else:
            message = f"The document check is {last['status']} ({last.get('stage') or ''}, " \
                      f"{(last.get('progress') or 0):.0%})."
        return {"status": last["status"], "job_id": last["job_id"], "progress": last.get("progress"),
                "message": message}

    return [StructuredTool.from_function(fn, parse_docstring=True) for fn in (check_documents, check_status)]
