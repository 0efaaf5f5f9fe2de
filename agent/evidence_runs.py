"""Quick MTEB and the vector probes asked from the chat, as jobs of the evaluation worker: requests, plan, runners.

The job worker (agent/evaluation_jobs.py) is reused: a second instance under ``data_dir/quick-mteb`` runs
``run_evidence_job`` in a process of its own, with the same progress, time limit, cancel and status files as the
document checks. Quick MTEB's results take the shape of a check's (nDCG@10 per model); a probe's keep its readings.
"""

from __future__ import annotations

import dataclasses
import json
import math
import statistics
import threading
import time
from collections.abc import Callable
from typing import Any

from knowledge.errors import JobFailedError, JobStoppedError
from tools.evaluation.retrieval_check import EvalRequest

# Tokens per second of an mteb run on the bundled tasks on a 2-core laptop CPU (measured: MiniLM ~1,000 tokens/s
# with the model's tokenizer; the static model ~100x faster); plus loading and calibrating each model.
MTEB_TOKENS_PER_S = {"minilm": 1000.0, "static": 100_000.0}
DEFAULT_MTEB_TOKENS_PER_S = 300.0
MTEB_START_UP_S = 15.0
TICK_S = 2.0


@dataclasses.dataclass
class QuickMtebRequest(EvalRequest):
    """A quick-MTEB run: the bundled suite and the time budget beside the check's fields (corpus: the suite's data)."""

    suite: str = "quick-general"
    time_budget_s: float = 900.0


@dataclasses.dataclass
class ProbeRequest(EvalRequest):
    """A vector probe run (alignment, robustness or consistency) of the request's models."""

    probe: str = "alignment"


PROBES = ("alignment", "robustness", "consistency")


def suite_plan(suite: str, models: list[str]) -> dict[str, Any]:
    """The suite's tasks, their size, and an estimate of the run's seconds, without loading any model."""
    from tools.benchmarks.bundled_tasks import BENCHMARKS_DIR, suite_tasks

    tasks = suite_tasks(suite)
    chars = 0
    for task in tasks:
        for name in ("corpus.jsonl", "queries.jsonl"):
            path = BENCHMARKS_DIR / task / name
            chars += path.stat().st_size if path.exists() else 0
    tokens = chars / 4.0
    seconds = sum(MTEB_START_UP_S + tokens / MTEB_TOKENS_PER_S.get(m, DEFAULT_MTEB_TOKENS_PER_S) for m in models)
    return {"suite": suite, "tasks": tasks, "tokens": int(tokens), "models": models,
            "estimated_seconds": math.ceil(seconds)}


def as_check_results(out: dict[str, Any], request: QuickMtebRequest) -> dict[str, Any]:
    """Quick MTEB's output in the shape of a check's results: per candidate the mean nDCG@10 over the suite's tasks."""
    plan = out.get("plan") or {}
    names = [m["model"] for m in plan.get("models") or []]
    models: dict[str, Any] = {}
    for spec, name in zip(request.models, names, strict=False):
        rows = [r for r in out.get("results") or [] if r["model"] == name]
        scored = [r for r in rows if "ndcg_at_10" in r]
        if not scored:
            errors = "; ".join(r.get("error", "") for r in rows) or "not run (over the time budget)"
            models[spec] = {"status": "error", "error": errors}
            continue
        per_task = {r["task"]: r["ndcg_at_10"] for r in scored}
        low, high = min(per_task.values()), max(per_task.values())
        models[spec] = {"status": "ok", "model": name, "kind": "dense", "n_chunks": 0, "latency": {"p95_ms": None},
                        "metrics": {"ndcg_at_10": {"mean": round(statistics.fmean(per_task.values()), 4),
                                                   "ci95": [low, high], "per_task": per_task},
                                    "recall_at_10": {"mean": round(statistics.fmean(r["recall_at_10"]
                                                                                    for r in scored), 4)},
                                    "mrr_at_10": {"mean": None}}}
    return {"run": {"suite": request.suite, "tasks": plan.get("tasks"), "n_docs": None,
                    "seconds": out.get("total_actual_s")},
            "queries": {"source": f"bundled suite {request.suite}",
                        "note": "the interval is the range over the suite's tasks, not a confidence interval"},
            "models": models, "comparisons": [], "transfer": out.get("transfer")}


def run_quick_mteb_job(request: QuickMtebRequest, progress: Callable[[str, float], None]) -> dict[str, Any]:
    """The worker's runner: quick MTEB on the bundled suite, results.json and quick_mteb.json in the job folder."""
    from tools.benchmarks.quick_mteb import quick_mteb

    progress(f"quick MTEB {request.suite}: loading {', '.join(request.models)} and planning", 0.05)
    expected = suite_plan(request.suite, list(request.models))["estimated_seconds"]
    stop = threading.Event()

    def tick() -> None:  # mteb reports nothing while it runs: progress by the clock against the estimate
        start = time.monotonic()
        while not stop.wait(TICK_S):
            elapsed = time.monotonic() - start
            try:
                progress(f"quick MTEB {request.suite}: running ({elapsed:.0f} s of about {expected} s)",
                         min(0.9, 0.05 + 0.85 * elapsed / max(expected, 1)))
            except JobStoppedError:  # in a worker thread the stop is noticed here; the run ends at the next task
                return

    ticker = threading.Thread(target=tick, name="quick-mteb-progress", daemon=True)
    ticker.start()
    try:
        out = quick_mteb(list(request.models), suite=request.suite, time_budget_s=request.time_budget_s,
                         data_dir=request.data_dir)
    finally:
        stop.set()
        ticker.join()
    if out["plan"].get("status") == "refused":
        raise JobFailedError("over_budget", out["plan"].get("message") or "the plan does not fit the time budget")
    progress("scoring", 0.95)
    results = as_check_results(out, request)
    request.out_dir.mkdir(parents=True, exist_ok=True)
    (request.out_dir / "quick_mteb.json").write_text(json.dumps(out, indent=1, default=str), encoding="utf-8")
    (request.out_dir / "results.json").write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    return results


def run_probe_job(request: ProbeRequest, progress: Callable[[str, float], None]) -> dict[str, Any]:
    """The worker's runner for a probe: each model's figures and one-line reading, results.json in the job folder."""
    from tools.probes import vector_probes

    if request.probe not in PROBES:
        raise JobFailedError("invalid_input", f"no probe {request.probe!r}: use one of {', '.join(PROBES)}")
    progress(f"{request.probe} probe: loading {', '.join(request.models)}", 0.1)
    out = getattr(vector_probes, f"probe_{request.probe}")(list(request.models), data_dir=request.data_dir)
    progress("done", 0.95)
    rows = out.get("models") or []
    results = {"run": {"probe": request.probe}, "probe": request.probe,
               "models": {spec: {"status": "ok", "model": row.get("model"), "reading": row.get("reading")}
                          for spec, row in zip(request.models, rows, strict=False)}, "readings": out.get("readings")}
    request.out_dir.mkdir(parents=True, exist_ok=True)
    (request.out_dir / "probe.json").write_text(json.dumps(out, indent=1, default=str), encoding="utf-8")
    (request.out_dir / "results.json").write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    return results


def run_evidence_job(request: EvalRequest, progress: Callable[[str, float], None]) -> dict[str, Any]:
    """The runner of the evidence worker: a probe or a quick-MTEB run, by the request's type."""
    if isinstance(request, ProbeRequest):
        return run_probe_job(request, progress)
    if isinstance(request, QuickMtebRequest):
        return run_quick_mteb_job(request, progress)
    raise JobFailedError("invalid_input", f"not an evidence run: {type(request).__name__}")


def summarise_evidence(results: dict[str, Any]) -> dict[str, Any]:
    """The bounded summary kept in the job's status: a probe's readings, or quick MTEB's like a check's."""
    from tools.evaluation.retrieval_check import summarise_results

    if "probe" in results:
        return {"run": results["run"], "probe": results["probe"], "models": results["models"],
                "readings": results.get("readings")}
    return summarise_results(results)
