"""Quick MTEB: plan bundled or real MTEB tasks under a time budget and run them with mteb."""

from __future__ import annotations

import logging
import math
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from knowledge.errors import InvalidFilterError, TaskDataUnavailableError, ToolInputError
from knowledge.settings import DataLayout
from tools.benchmarks.bundled_tasks import (
    SUITES,
    TASK_BENCHMARKS,
    bundled_data,
    bundled_task_names,
    document_text,
    get_task,
    suite_benchmark,
    suite_tasks,
)
from tools.benchmarks.mteb_adapter import mteb_identity, mteb_model
from tools.encoders.candidates import load_candidates
from tools.encoders.models import Encoder
from tools.evaluation.transfer import leaderboard_transfer

logger = logging.getLogger(__name__)

TASK_OVERHEAD_S = 0.1
"""mteb's own work per task (data set conversion, scoring, writing the result): 0.07-0.14 s measured on the bundled
tasks with an encoder that takes no time (0.27 s on a loaded machine)."""
FIRST_EVALUATE_S = 3.0
"""The first ``mteb.evaluate`` of a process imports torch and sentence-transformers unless a model already did
(a static model does not): 2.6-3.1 s measured here."""
CHARS_PER_TOKEN = 4.0
"""Real MTEB tasks are sized from mteb's descriptive statistics, which count characters; ~4 a token in English."""
CALIBRATION_TEXTS = 32
CALIBRATION_ROUNDS = 2
MAX_TASKS = 20
ENCODE_BATCH_SIZE = 32
_THROUGHPUT: dict[str, dict[str, Any]] = {}
_WORKLOAD: dict[tuple[str, str], dict[str, Any]] = {}


def _r(x: float, digits: int = 3) -> float:
    return round(float(x), digits)


def _tokens(encoder: Encoder, text: str) -> int:
    """Tokens the model reads from ``text`` (special tokens included, truncated at the window)."""
    if encoder.count_tokens is None:
        n = int(len(text) / CHARS_PER_TOKEN) + 1
    else:
        # A token is rarely over 12 characters: cutting the text first keeps counting long documents cheap.
        cut = text if encoder.max_tokens is None else text[: encoder.max_tokens * 12]
        n = encoder.count_tokens(cut) + 2
    return min(n, encoder.max_tokens) if encoder.max_tokens else n


def measure_throughput(encoder: Encoder) -> dict[str, Any]:
    """Seconds per text and per token of this model on this machine, fitted on short and long bundled texts.

    Calls the model directly (never the embedding cache); measured once per model and process.
    """
    if encoder.cache_key in _THROUGHPUT:
        return _THROUGHPUT[encoder.cache_key]
    data = bundled_data("ea-general-en")
    short = list(data["queries"].values())[:CALIBRATION_TEXTS]
    long = [document_text(d) for d in list(data["corpus"].values())[:CALIBRATION_TEXTS]]
    encoder.encode_fn(short)  # warm-up: the first call pays one-off costs
    seconds = {"short": 0.0, "long": 0.0}
    for _ in range(CALIBRATION_ROUNDS):  # alternating rounds average out a busy machine's swings
        for label, texts in (("short", short), ("long", long)):
            start = time.perf_counter()
            encoder.encode_fn(texts)
            seconds[label] += (time.perf_counter() - start) / CALIBRATION_ROUNDS
    tok_a, tok_b = (sum(_tokens(encoder, t) for t in texts) for texts in (short, long))
    n_a, t_a, t_b = len(short), seconds["short"], seconds["long"]
    per_token = max((t_b - t_a) / (tok_b - tok_a), 0.0) if tok_b > tok_a else t_b / tok_b
    per_text = max((t_a - tok_a * per_token) / n_a, 0.0)
    result = {"seconds_per_text": per_text, "seconds_per_token": per_token,
              "tokens_per_s_long_texts": _r(tok_b / t_b, 1) if t_b else None,
              "calibration_seconds": _r(CALIBRATION_ROUNDS * (t_a + t_b))}
    _THROUGHPUT[encoder.cache_key] = result
    return result


def task_workload(encoder: Encoder, task: Any) -> dict[str, Any]:
    """How many texts and tokens one model encodes for one task.

    Bundled tasks are counted with the model's tokenizer; real MTEB tasks come from mteb's descriptive statistics.
    """
    task_name = task.metadata.name
    key = (encoder.cache_key, task_name)
    if key in _WORKLOAD:
        return _WORKLOAD[key]
    if task_name in bundled_task_names():
        data = bundled_data(task_name)
        docs = [document_text(d) for d in data["corpus"].values()]
        queries = list(data["queries"].values())
        out = {"n_docs": len(docs), "n_queries": len(queries),
               "tokens": sum(_tokens(encoder, t) for t in docs) + sum(_tokens(encoder, t) for t in queries),
               "sized_by": "the model's tokenizer on the bundled data"}
    else:
        stats = task.metadata.descriptive_stats or {}
        split = stats.get(task.eval_splits[0]) or next(iter(stats.values()), None)
        if not split or "num_documents" not in split:
            raise ToolInputError(f"MTEB task {task_name} has no size statistics in mteb; cannot estimate its time")

        def tokens(n: int, part: str) -> int:
            chars = (split.get(f"{part}_text_statistics") or {}).get("average_text_length", 400.0)
            per_text = chars / CHARS_PER_TOKEN + 2
            return int(n * (min(per_text, encoder.max_tokens) if encoder.max_tokens else per_text))

        out = {"n_docs": split["num_documents"], "n_queries": split["num_queries"],
               "tokens": tokens(split["num_documents"], "documents") + tokens(split["num_queries"], "queries"),
               "sized_by": f"mteb descriptive statistics (characters / {CHARS_PER_TOKEN})"}
    _WORKLOAD[key] = out
    return out


def estimate_seconds(workload: dict[str, Any], throughput: dict[str, float]) -> float:
    """Estimated wall time of one task for one model: texts x per-text cost + tokens x per-token cost + overhead."""
    n_texts = workload["n_docs"] + workload["n_queries"]
    return (n_texts * throughput["seconds_per_text"] + workload["tokens"] * throughput["seconds_per_token"]
            + TASK_OVERHEAD_S)


def _is_cached(result_cache: Any, model: Any, task: Any) -> bool:
    if result_cache is None:
        return False
    existing = result_cache.load_task_result(task.metadata.name, model.mteb_model_meta)
    return bool(existing and existing.is_mergeable(task) and not existing.get_missing_evaluations(task))


def resolve_tasks(suite: str | None, tasks: list[str] | None) -> dict[str, Any]:
    """The task objects of a suite or of an explicit list of names (exactly one of the two), by name, in order.

    Raises:
        ToolInputError: Both or neither given; UnknownTaskError for a name neither bundled nor in mteb.
    """
    if (suite is None) == (not tasks):
        raise ToolInputError(f"give either a suite ({', '.join(SUITES)}) or a list of tasks, not both or neither")
    names = suite_tasks(suite) if suite is not None else [t.strip() for t in tasks or [] if t.strip()]
    if len(set(names)) > MAX_TASKS:
        raise ToolInputError(f"{len(set(names))} tasks: give at most {MAX_TASKS} per run")
    return {name: get_task(name) for name in dict.fromkeys(names)}


def make_plan(encoders: list[Encoder], tasks: dict[str, Any], time_budget_s: float,
              result_cache: Any = None) -> dict[str, Any]:
    """Estimate every (model, task) run and fit the plan into the budget.

    Tasks are kept in the given order (a suite lists its most specific task first) while they fit; a task whose
    results are already in mteb's cache costs nothing. When nothing fits, the plan is refused.
    """
    if time_budget_s <= 0:
        raise InvalidFilterError("time_budget_s", time_budget_s, "a positive number of seconds")
    task_names = list(tasks)
    rows, per_task = [], {name: 0.0 for name in task_names}
    first_run = 0.0 if "sentence_transformers" in sys.modules else FIRST_EVALUATE_S
    models_out = []
    for encoder in encoders:
        wrapped = mteb_model(encoder)
        name, revision = mteb_identity(encoder)
        cached = {t: _is_cached(result_cache, wrapped, tasks[t]) for t in task_names}
        # Measuring costs a few seconds of encoding: only when something is left to run.
        throughput = None if all(cached.values()) else measure_throughput(encoder)
        models_out.append({"model": name, "revision": revision, "throughput": throughput})
        for task_name in task_names:
            workload = task_workload(encoder, tasks[task_name])
            seconds = 0.0 if throughput is None or cached[task_name] else estimate_seconds(workload, throughput)
            per_task[task_name] += seconds
            rows.append({"model": name, "task": task_name, "estimate_s": _r(seconds, 2),
                         "cached": cached[task_name], **workload})
    total = sum(per_task.values()) + (first_run if any(per_task.values()) else 0.0)
    kept, dropped, used = [], [], 0.0
    for task_name in task_names:
        cost = per_task[task_name] + (first_run if per_task[task_name] and not used else 0.0)
        if used + cost <= time_budget_s:
            kept.append(task_name)
            used += cost
        else:
            dropped.append(task_name)
    # The run goes model by model, task by task: its first real evaluation pays the imports.
    first = next((row for row in rows if row["task"] in kept and row["estimate_s"]), None)
    if first is not None:
        first["estimate_s"] = _r(first["estimate_s"] + first_run, 2)
    if not dropped:
        status = "ok"
        message = (f"estimated {total:.0f} s within the {time_budget_s:.0f} s budget" if total
                   else "every result is already in mteb's cache")
    elif kept:
        status = "reduced"
        message = (f"the full plan needs ~{total:.0f} s, over the {time_budget_s:.0f} s budget: running "
                   f"{', '.join(kept)} (~{used:.0f} s) and leaving out {', '.join(dropped)}")
    else:
        status = "refused"
        cheapest = math.ceil(min(v for v in per_task.values() if v) + first_run)
        message = (f"refused: even the cheapest task needs ~{cheapest} s for {len(encoders)} model(s), over the "
                   f"{time_budget_s:g} s budget; raise the budget to at least {cheapest} s or give fewer models")
    logger.info("quick MTEB plan: %s", message)
    return {"status": status, "message": message, "budget_s": time_budget_s, "estimate_total_s": _r(total, 1),
            "estimate_planned_s": _r(used, 1), "tasks": kept, "dropped_tasks": dropped, "models": models_out,
            "estimates": rows}


def load_real_task_data(task: Any) -> None:
    """Load a real MTEB task's data now, so that a missing data set fails before any model is loaded or run.

    Raises:
        TaskDataUnavailableError: Offline and not in the Hugging Face cache (or no such data set).
    """
    from datasets.exceptions import DatasetNotFoundError

    try:
        task.load_data()
    except (OSError, DatasetNotFoundError) as exc:  # offline: ConnectionError (an OSError) at once
        raise TaskDataUnavailableError(
            f"MTEB task {task.metadata.name}: its data ({task.metadata.dataset.get('path')}) cannot be loaded here "
            f"(offline and not in the Hugging Face cache: {type(exc).__name__}). Run it with network access, or use "
            f"a bundled suite that works offline: {', '.join(SUITES)}.") from exc


def run_plan(encoders: list[Encoder], tasks: dict[str, Any], plan: dict[str, Any],
             result_cache: Any = None) -> list[dict[str, Any]]:
    """Run the planned tasks for every model with ``mteb.evaluate``; each row has the score and actual vs estimate."""
    import mteb

    tasks = {name: tasks[name] for name in plan["tasks"]}
    estimates = {(row["model"], row["task"]): row for row in plan["estimates"]}
    rows = []
    for encoder in encoders:
        wrapped = mteb_model(encoder)
        name = wrapped.mteb_model_meta.name
        for task_name, task in tasks.items():
            start = time.perf_counter()
            result = mteb.evaluate(wrapped, task, cache=result_cache, overwrite_strategy="only-missing",
                                   show_progress_bar=False,
                                   encode_kwargs={"batch_size": ENCODE_BATCH_SIZE, "show_progress_bar": False})
            actual = time.perf_counter() - start
            estimate = estimates[(name, task_name)]
            row: dict[str, Any] = {"model": name, "task": task_name, "actual_s": _r(actual, 2),
                                   "estimate_s": estimate["estimate_s"], "cached": estimate["cached"]}
            if result.exceptions or not result.task_results:
                row["error"] = "; ".join(str(e.exception) for e in result.exceptions or []) or "no result"
            else:
                task_result = result.task_results[0]
                split = task_result.scores[task.eval_splits[0]][0]
                row.update(main_score=_r(task_result.get_score(), 4), ndcg_at_10=_r(split.get("ndcg_at_10", 0), 4),
                           recall_at_10=_r(split.get("recall_at_10", 0), 4))
            if not estimate["cached"] and estimate["estimate_s"]:
                row["actual_over_estimate"] = _r(actual / estimate["estimate_s"], 2)
            rows.append(row)
    return rows


def _measured_means(results: list[dict[str, Any]], tasks: list[str]) -> dict[str, float]:
    per_model: dict[str, dict[str, float]] = {}
    for row in results:
        if "main_score" in row:
            per_model.setdefault(row["model"], {})[row["task"]] = row["main_score"]
    return {m: statistics.fmean(s.values()) for m, s in per_model.items() if set(s) >= set(tasks) and tasks}


def quick_mteb(models: list[str], suite: str | None = None, tasks: list[str] | None = None,
               time_budget_s: float = 300, estimate_only: bool = False, *, data_dir: Path | None = None,
               openai_base_url: str | None = None, openai_api_key: str | None = None) -> dict[str, Any]:
    """Run a quick MTEB retrieval evaluation of candidate models, within a time budget, and check the leaderboard.

    Give a bundled suite (offline; quick-general, quick-legal, quick-medical, quick-code, quick-zh,
    quick-multilingual, quick-long, quick-all) or MTEB task names (e.g. NanoFiQA2018Retrieval; these need their data
    online or in the Hugging Face cache). The time is estimated first from the tasks' sizes and each model's
    throughput measured here; over the budget, the plan keeps the most specific tasks that fit, or is refused. Returns
    nDCG@10 per model and task, actual against estimated seconds, and the rank correlation (Spearman, Kendall)
    between the published MTEB ranking of the candidates and the measured one, with a reading.

    Args:
        models: Candidate models: "minilm", "static", "openai:<model>", a Hugging Face id or a local path.
        suite: A bundled suite name; give this or tasks.
        tasks: MTEB task names or bundled task names (ea-legal-en, ...); give this or suite.
        time_budget_s: Wall-clock budget in seconds for the evaluation.
        estimate_only: Only plan and estimate the time; run nothing.
        data_dir: Folder for distilled models and mteb's result cache (set by the application, not by the user).
        openai_base_url: Endpoint of "openai:" candidates (set by the application, not by the user).
        openai_api_key: Key for that endpoint (set by the application, not by the user).
    """
    task_objects = resolve_tasks(suite, tasks)
    for name, task in task_objects.items():
        if name not in bundled_task_names():
            load_real_task_data(task)
    encoders = load_candidates(models, data_dir, cache=False, openai_base_url=openai_base_url,
                               openai_api_key=openai_api_key)
    result_cache = None
    if data_dir is not None:
        import mteb

        result_cache = mteb.ResultCache(cache_path=DataLayout(data_dir).mteb_cache)
    plan = make_plan(encoders, task_objects, time_budget_s, result_cache)
    out: dict[str, Any] = {"suite": suite, "plan": plan, "results": [], "transfer": None}
    if plan["status"] == "refused" or estimate_only:
        return out
    start = time.perf_counter()
    out["results"] = run_plan(encoders, task_objects, plan, result_cache)
    out["total_actual_s"] = _r(time.perf_counter() - start, 1)
    measured = _measured_means(out["results"], plan["tasks"])
    real = [t for t in plan["tasks"] if t not in bundled_task_names()]
    if real and len(real) == len(plan["tasks"]):
        out["transfer"] = leaderboard_transfer(measured, tasks=real)
    elif measured:
        benchmark = suite_benchmark(suite) if suite else TASK_BENCHMARKS.get(plan["tasks"][0])
        out["transfer"] = leaderboard_transfer(measured, benchmark=benchmark) if benchmark else None
    return out
