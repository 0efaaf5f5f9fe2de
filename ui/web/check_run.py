"""A document check run on a thread for the page: its progress as events, a cancel that stops it, honest wording."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterator
from typing import Any

logger = logging.getLogger(__name__)
Runner = Callable[[Any, Callable[[str, float], None]], dict[str, Any]]
EASY_BM25_RECALL = 0.9  # BM25 finds the target in the top 10 this often: lexical matching already solves the check
EASY_OVERLAP = 0.6  # this share of query terms appears in the target document


class _CheckCancelled(Exception):
    """The user cancelled the check; raised from its progress callback, so it stops at the next step."""


class CheckRun:
    """One evaluation on a worker thread: ``events()`` yields (stage, fraction) as it goes; ``cancel()`` stops it.

    The evaluation reports progress between steps (chunking, each encoded part, indexing, searching); a cancel
    takes effect at the next report, which raises :class:`_CheckCancelled` inside the run. The candidate's
    Milvus Lite database is removed on the way out, as after a failure.
    """

    def __init__(self, runner: Runner, request: Any) -> None:
        """Start ``runner(request, progress)`` on a daemon thread."""
        self.results: dict[str, Any] | None = None
        self.error: BaseException | None = None
        self.cancelled = threading.Event()
        self._events: queue.Queue[tuple[str, float] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._work, args=(runner, request), name="web-check", daemon=True)
        self._thread.start()

    def _progress(self, stage: str, fraction: float) -> None:
        if self.cancelled.is_set():
            raise _CheckCancelled(stage)
        self._events.put((stage, min(max(fraction, 0.0), 1.0)))

    def _work(self, runner: Runner, request: Any) -> None:
        try:
            self.results = runner(request, self._progress)
        except _CheckCancelled:
            logger.info("document check cancelled")
        except BaseException as exc:  # handed to the page, which names it; the thread must not die silently
            self.error = exc
        finally:
            self._events.put(None)

    def cancel(self) -> None:
        """Stop at the next progress report."""
        self.cancelled.set()

    @property
    def running(self) -> bool:
        """Whether the thread is still working."""
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
        """Wait for the thread."""
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
