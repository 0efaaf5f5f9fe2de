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


def _loadable(models: list[str] | None) -> tuple[list[str], list[str]]:
    """The asked models that can load here, and a sentence for each that cannot (offline: not on disk)."""
    from tools.encoders.candidates import require_offline_model

    loadable, absent = [], []
    for spec in dict.fromkeys(m.strip() for m in models or [] if m.strip()):
        try:
            require_offline_model(spec, [])
            loadable.append(spec)
        except ToolInputError as exc:
            absent.append(f"{spec} cannot load here offline ({str(exc).rstrip('.')}).")
    return loadable, absent

def _minutes(seconds: float) -> str:
    return f"about {max(1, round(seconds / 60))} minute{'s' * (round(seconds / 60) > 1)}" if seconds >= 60 else \
        f"about {int(seconds)} seconds"


def _per_task(figures: dict[str, Any]) -> str:
    per_task = figures["ndcg_at_10"].get("per_task") or {}
    return " (" + ", ".join(f"{t} {v:.3f}" for t, v in per_task.items()) + ")" if per_task else ""


def check_message(check: dict[str, Any]) -> str:
    """One sentence on a consultation's check (documents or quick MTEB): its progress, results or failure."""
    what = {"quick_mteb": f"The quick MTEB run ({check.get('suite')})",
            "probe": f"The {check.get('probe')} probe"}.get(check.get("kind") or "", "The document check")
    if check["status"] == "done" and check.get("kind") == "probe":
        readings = (check.get("summary") or {}).get("readings") or []
        return f"{what} is done: " + " ".join(readings)
    if check["status"] == "done":
        models = (check.get("summary") or {}).get("models", {})
        scores = ", ".join(f"{m} {f['ndcg_at_10']['mean']:.3f}" + _per_task(f) for m, f in models.items()
                           if f.get("status") == "ok")
        return f"{what} is done: nDCG@10 {scores}."
    if check["status"] == "failed":
        return f"{what} failed: {(check.get('error') or {}).get('message') or 'see the logs'}."
    return f"{what} is {check['status']} ({check.get('stage') or ''}, {(check.get('progress') or 0):.0%})."


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
        running = [c for c in evidence.checks(consultation) if c["status"] in ("pending", "running")
                   and c.get("kind", "documents") == "documents"]
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
        message = check_message(last)
        return {"status": last["status"], "job_id": last["job_id"], "progress": last.get("progress"),
                "message": message}

    def benchmark_models(models: list[str], language: str | None = None, suite: str | None = None,
                         go_ahead: bool = False,
                         config: RunnableConfig = None,  # type: ignore[assignment]  # LangChain injects it by this type
                         ) -> dict[str, Any]:
        """Run a quick MTEB benchmark of models on a bundled suite (offline) in the background: nDCG@10 per model.

        First returns the plan (suite, tasks, candidates, time estimate) and says which models cannot load here;
        called again with go_ahead=true after the user agreed, it starts the run as a job; its progress and results
        show in the consultation.

        Args:
            models: the models asked about: "minilm", "static", a Hugging Face id or a local path.
            language: the language asked about (e.g. "Japanese", "Chinese"); picks the bundled suite.
            suite: a bundled suite instead: quick-general, quick-zh, quick-multilingual, quick-legal, quick-medical,
                quick-code, quick-long.
            go_ahead: true once the user agreed to the stated plan.
            config: the run's configuration (set by the graph, never by the model).
        """
        from agent.evidence_intents import suite_for
        from agent.evidence_runs import suite_plan
        consultation = _consultation(config)
        suite, suite_note = suite_for(language, suite)
        loadable, absent = _loadable(models)
        candidates = loadable or list(BUNDLED)
        plan = suite_plan(suite, candidates)
        stand_in = " The bundled models stand in." if not loadable else ""
        summary = (f"suite {suite} (tasks {', '.join(plan['tasks'])}{suite_note}), candidates "
                   f"{', '.join(candidates)}, {_minutes(plan['estimated_seconds'])}")
        said = " ".join(absent) + stand_in
        if not go_ahead:
            return {"status": "plan", "suite": suite, "models": candidates, "unavailable": absent,
                    "estimated_seconds": plan["estimated_seconds"],
                    "message": (said + " " if said else "") + f"Plan for a quick MTEB run: {summary}, in the "
                               "background. Shall I go ahead?"}
        job = evidence.start_quick_mteb(consultation, candidates, suite)
        return {"status": "started", "job_id": job["job_id"], "suite": suite, "models": candidates,
                "unavailable": absent, "estimated_seconds": plan["estimated_seconds"],
                "message": f"Started the quick MTEB run ({summary}); job {job['job_id']}. Its progress shows in the "
                           "consultation; ask \"how is the check going?\" for its results."}

    def check_tokenization(models: list[str] | None = None,
                           config: RunnableConfig = None,  # type: ignore[assignment]  # LangChain injects it
                           ) -> dict[str, Any]:
        """How each candidate's tokenizer handles the documents attached to this consultation.

        Tokens per word per language, unknown-token rate, and the share of documents longer than the model's window.

        Args:
            models: candidates (default: the bundled MiniLM, whose tokenizer the static model shares); a model whose
                tokenizer cannot load here is listed with the reason.
            config: the run's configuration (set by the graph, never by the model).
        """
        from tools.probes.tokenization import tokenization_report

        consultation = _consultation(config)
        if not evidence.documents(consultation):
            evidence.plan(consultation, [])  # raises NoDocumentsError, which says how to attach them
        report = tokenization_report(list(models or ["minilm"]), evidence.documents_dir(consultation),
                                     data_dir=evidence.data_dir)
        report.pop("corpus", None)  # a server path
        return {**report, "message": f"Tokenization on your {report['docs_sampled']} documents: "
                                     + " ".join(report["readings"])}

    def run_probe(probe: str, models: list[str] | None = None,
                  config: RunnableConfig = None,  # type: ignore[assignment]  # LangChain injects it by this type
                  ) -> dict[str, Any]:
        """Start a vector probe of candidate models in the background; its readings show in the consultation.

        alignment: English against Chinese, Spanish, German, French and Japanese (translation pairs, accuracy@1);
        robustness: typos, casing, paraphrases against meaning-changing edits; consistency: intruders among a
        text's nearest neighbours.

        Args:
            probe: "alignment", "robustness" or "consistency".
            models: candidates (default: the bundled MiniLM and static models); models that cannot load here are
                left out with the reason.
            config: the run's configuration (set by the graph, never by the model).
        """
        from agent.evidence_runs import PROBES

        consultation = _consultation(config)
        if probe not in PROBES:
            raise ToolInputError(f"no probe {probe!r}: use one of {', '.join(PROBES)}")
        loadable, absent = _loadable(models)
        candidates = loadable or list(BUNDLED)
        job = evidence.start_probe(consultation, probe, candidates)
        said = " ".join(absent) + (" The bundled models stand in." if absent and not loadable else "")
        return {"status": "started", "job_id": job["job_id"], "probe": probe, "models": candidates,
                "unavailable": absent,
                "message": (said + " " if said else "") + f"Started the {probe} probe of {', '.join(candidates)} "
                           f"(job {job['job_id']}, usually under a minute); its readings show in the consultation."}

    return [StructuredTool.from_function(fn, parse_docstring=True)
            for fn in (check_documents, check_status, benchmark_models, check_tokenization, run_probe)]
