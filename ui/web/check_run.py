"""A document check for the page in a worker process like the API's jobs: progress, a cancel that kills it, wording.

The check runs through agent/job_process.py (the API's evaluation jobs use it too): a spawned process at lower
priority, under the same wall-clock, CPU-time and memory limits (``ADVISOR_EVAL_TIMEOUT_S``,
``ADVISOR_EVAL_MEMORY_MB``), so parsing a pathological file never holds the web server's threads or GIL, and Cancel
stops it at once, whatever step it is in.
"""

from __future__ import annotations

import logging
import os
import queue
import shutil
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from knowledge.errors import JobStoppedError

if TYPE_CHECKING:
    from agent.evaluation_jobs import JobLimits

logger = logging.getLogger(__name__)
Runner = Callable[[Any, Callable[[str, float], None]], dict[str, Any]]
EASY_BM25_RECALL = 0.9  # BM25 finds the target in the top 10 this often: lexical matching already solves the check
EASY_OVERLAP = 0.6  # this share of query terms appears in the target document


class _CheckCancelled(Exception):
    """The user cancelled the check; raised from its progress callback when it runs in a thread (tests' runners)."""


def _limits() -> JobLimits:
    """The evaluation jobs' limits from the environment (the defaults where a setting is unusable)."""
    from agent.evaluation_jobs import JobLimits
    from knowledge.errors import SettingsError
    from knowledge.settings import Settings

    try:
        return JobLimits.from_settings(Settings.from_env())
    except SettingsError:
        return JobLimits()


def _module_level(runner: Runner) -> bool:
    """Whether a worker process can import ``runner`` by name (a module-level function, not a lambda or closure)."""
    qualname = getattr(runner, "__qualname__", "")
    return callable(runner) and "<" not in qualname and "." not in qualname and hasattr(runner, "__module__")


class CheckRun:
    """One evaluation in a worker process: ``events()`` yields (stage, fraction) as it goes; ``cancel()`` kills it.

    A watcher thread of the page starts the process and relays its progress; the process itself does the work.
    A runner a process cannot import (a test's closure) runs on the watcher thread instead and stops at its next
    progress report. Uploads are removed when the check ends.
    """

    def __init__(self, runner: Runner, request: Any, limits: JobLimits | None = None,
                 isolate: bool | None = None) -> None:
        """Start ``runner(request, progress)``: in a worker process (default for a module-level runner)."""
        self.results: dict[str, Any] | None = None
        self.error: BaseException | None = None
        self.cancelled = threading.Event()
        self.limits = limits or _limits()
        self.isolate = _module_level(runner) if isolate is None else isolate
        self.pid: int | None = None  # the worker process, while it runs
        self._events: queue.Queue[tuple[str, float] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._work, args=(runner, request), name="web-check", daemon=True)
        self._thread.start()

    def _progress(self, stage: str, fraction: float) -> None:
        if self.cancelled.is_set() and not self.isolate:
            raise _CheckCancelled(stage)
        self._events.put((stage, min(max(fraction, 0.0), 1.0)))

    def _work(self, runner: Runner, request: Any) -> None:
        from agent.job_process import run_in_process

        limits = self.limits
        try:
            if self.isolate:
                self.results = run_in_process(
                    runner, request, self._progress, lambda: "cancelled" if self.cancelled.is_set() else None,
                    limits.time_limit_s, limits.cpu_limit_s or int(limits.time_limit_s) + 1, limits.memory_mb,
                    on_start=self._started)
            else:
                self.results = runner(request, self._progress)
        except _CheckCancelled:
            logger.info("document check cancelled")
        except JobStoppedError as exc:
            if exc.code == "cancelled":
                logger.info("document check cancelled: its worker process was killed")
            else:
                self.error = exc
        except BaseException as exc:  # handed to the page, which names it; the thread must not die silently
            self.error = exc
        finally:
            self.pid = None
            corpus = getattr(request, "corpus", None)
            if corpus is not None and os.path.isdir(corpus) and "uploads" in getattr(corpus, "parts", ()):
                shutil.rmtree(corpus, ignore_errors=True)  # the page's copy of the uploads: done with
            self._events.put(None)

    def _started(self, pid: int) -> None:
        self.pid = pid

    def cancel(self) -> None:
        """Stop the check: its worker process is killed within a tenth of a second."""
        self.cancelled.set()

    @property
    def running(self) -> bool:
        """Whether the check is still working."""
        return self._thread.is_alive()

    def events(self, poll_s: float = 0.25) -> Iterator[tuple[str, float] | None]:
        """Progress events as they come; None every ``poll_s`` without one (a chance to notice a cancel)."""
        while True:
            try:
                item = self._events.get(timeout=poll_s)
            except queue.Empty:
                yield None
                continue
            if item is None:
                return
            yield item

    def join(self, timeout: float | None = None) -> None:
        """Wait for the check to end."""
        self._thread.join(timeout)


def stage_line(stage: str, fraction: float, n_models: int, models: list[str]) -> tuple[str, float]:
    """A stage as the page shows it ("candidate 1 of 2 · minilm: encoding 120/599 chunks") and the overall share."""
    spec = stage.split(":", 1)[0]
    index = models.index(spec) if spec in models else 0
    overall = (index + fraction) / max(1, n_models)
    return f"⏳ Candidate {index + 1} of {n_models} · {stage} ({overall:.0%})", overall


def outcome_line(results: dict[str, Any]) -> str:
    """"Checked 2 of 3 candidates; hybrid failed: <reason>." — never a count that hides a failure."""
    models = results["models"]
    ok = [s for s, f in models.items() if f.get("status") == "ok"]
    failed = {s: _short(f.get("error") or "no reason given") for s, f in models.items() if f.get("status") != "ok"}
    line = f"Checked {len(ok)} of {len(models)} candidate{'s' if len(models) != 1 else ''}"
    if failed:
        line += "; " + "; ".join(f"{s} failed: {why}" for s, why in failed.items())
    return line + "."


def _short(reason: str, limit: int = 160) -> str:
    """The first sentence of a failure reason, cut to ``limit`` characters (the table keeps it whole)."""
    first = reason.split("\n", 1)[0]
    return first if len(first) <= limit else first[: limit - 1] + "…"


def caveats(results: dict[str, Any]) -> list[str]:
    """What limits the reading of a check: too easy queries, few queries, generated queries."""
    info, run = results.get("queries") or {}, results.get("run") or {}
    notes = []
    recall, overlap = info.get("bm25_recall_at_10"), info.get("mean_lexical_overlap")
    if (recall is not None and recall >= EASY_BM25_RECALL) or (overlap is not None and overlap >= EASY_OVERLAP):
        figures = []
        if overlap is not None:
            figures.append(f"{overlap:.0%} of query terms appear in the target document")
        if recall is not None:
            figures.append(f"BM25 finds the target in the top 10 for {recall:.0%} of queries")
        notes.append(f"This check was too easy ({'; '.join(figures)}): lexical matching already solves it, so it "
                     "says little about how the models rank harder, paraphrased questions.")
    n_queries = run.get("n_queries") or 0
    if n_queries and n_queries < 30:
        notes.append(f"Only {n_queries} queries: intervals are wide, and small differences are noise.")
    if info.get("source") == "generated":
        notes.append(f"Queries were generated from the documents ({info.get('method') or 'generated'}), not "
                     "written by your users.")
    return notes


def comparison_lines(results: dict[str, Any]) -> list[str]:
    """The pairwise comparisons, a p-value under 0.001 written as such rather than "p = 0.000"."""
    lines = []
    for comp in results.get("comparisons", []):
        sentence = comp.get("sentence", "")
        if comp.get("p_value") is not None and comp["p_value"] < 0.001:
            sentence = sentence.replace("p = 0.000", "p < 0.001")
        lines.append(sentence)
    return lines


def run_keeping_queries(request: Any, progress: Callable[[str, float], None]) -> dict[str, Any]:
    """Evaluate and write the report like ``evaluate``, and keep the queries asked (``queries.jsonl``) beside it."""
    import json

    from tools.evaluation.report import write_report
    from tools.evaluation.retrieval_check import Evaluation

    evaluation = Evaluation(request, progress)
    results = evaluation.run()
    write_report(results, request.out_dir)
    corpus = evaluation.corpus
    with (request.out_dir / "queries.jsonl").open("w", encoding="utf-8") as out:
        for qid in sorted(corpus.qrels):
            relevant = [d for d, grade in corpus.qrels[qid].items() if grade > 0]
            out.write(json.dumps({"id": qid, "text": corpus.queries.get(qid, ""), "relevant": relevant},
                                 ensure_ascii=False) + "\n")
    return results
