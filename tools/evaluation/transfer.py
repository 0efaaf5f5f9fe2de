"""Leaderboard transfer: does the published MTEB ranking of the candidates hold on the data measured here?"""

from __future__ import annotations

import statistics
from typing import Any

from knowledge.catalog import default_catalog
from knowledge.errors import ToolInputError, UnknownModelError
from knowledge.scores import default_scores


def _r(x: float, digits: int = 3) -> float:
    return round(float(x), digits)


def _published(models: list[str], benchmark: str, tasks: list[str] | None) -> dict[str, float | None]:
    scores, catalog = default_scores(), default_catalog()
    out: dict[str, float | None] = {}
    for model in models:
        try:
            key = catalog.get(model).score_name
        except UnknownModelError:
            key = model
        if tasks:
            per_task = scores.task_scores(key, benchmark)
            values = [per_task.get(t) for t in tasks]
            out[model] = statistics.fmean(values) if all(v is not None for v in values) else None  # type: ignore
        else:
            entry = scores.score(key, benchmark)
            out[model] = entry.best_estimate if entry else None
    return out


def _benchmark_for(tasks: list[str]) -> str | None:
    """A published benchmark that holds every one of these (real MTEB) tasks."""
    for name, info in default_scores().benchmarks.items():
        if set(tasks) <= set(info.tasks):
            return name
    return None


def leaderboard_transfer(measured: dict[str, float], benchmark: str | None = None,
                         tasks: list[str] | None = None) -> dict[str, Any]:
    """Rank correlation between the published ranking of the candidates and the ranking measured here.

    Args:
        measured: Model name -> score measured on the user's data or a bundled suite (higher is better).
        benchmark: The published benchmark to compare with (its retrieval mean).
        tasks: Real MTEB tasks instead: the published mean over exactly these tasks (benchmark found here).

    Returns:
        Both rankings, Spearman and Kendall coefficients (three or more ranked models), and a one-sentence reading.
    """
    from scipy.stats import kendalltau, spearmanr

    if tasks:
        benchmark = _benchmark_for(tasks)
        if benchmark is None:
            return {"benchmark": None, "n": 0, "spearman": None, "kendall": None, "rows": [],
                    "reading": "No published benchmark holds these tasks: nothing to compare with."}
    if benchmark is None:
        raise ToolInputError("leaderboard_transfer needs a benchmark or a list of MTEB tasks")
    benchmark = default_scores().benchmark(benchmark).name
    published = _published(list(measured), benchmark, tasks)
    both = [m for m in measured if published[m] is not None]
    missing = [m for m in measured if published[m] is None]

    def ranks(values: dict[str, float]) -> dict[str, int]:
        return {m: i + 1 for i, m in enumerate(sorted(values, key=lambda m: -values[m]))}

    measured_rank = ranks({m: measured[m] for m in both})
    published_rank = ranks({m: published[m] for m in both})  # type: ignore[misc]
    rows = [{"model": m, "measured": _r(measured[m], 4), "published": _r(published[m], 4),  # type: ignore[arg-type]
             "measured_rank": measured_rank[m], "published_rank": published_rank[m]} for m in both]
    out: dict[str, Any] = {"benchmark": benchmark, "n": len(both), "spearman": None, "kendall": None,
                           "rows": sorted(rows, key=lambda r: r["measured_rank"]), "not_on_leaderboard": missing}
    where = f"{benchmark}" + (f" ({len(tasks)} tasks)" if tasks else "")
    if len(both) < 3:
        out["reading"] = (f"Only {len(both)} candidate(s) have published scores on {where}: too few to measure how "
                          f"well the leaderboard transfers; trust the measured ranking"
                          + (f" (not on the leaderboard: {', '.join(missing)})." if missing else "."))
        return out
    xs, ys = [measured[m] for m in both], [published[m] for m in both]
    rho, tau = spearmanr(xs, ys).statistic, kendalltau(xs, ys).statistic
    out.update(spearman=_r(rho), kendall=_r(tau))
    n = len(both)
    swing = 12 / (n * (n * n - 1))  # how far one swapped adjacent pair moves Spearman's rho
    if rho >= 0.8:
        verdict = "the public ranking largely holds here: a fair guide to shortlist and order candidates"
    elif rho >= 0.4:
        verdict = "the public ranking only partly holds here: shortlist with it, decide on the measured scores"
    else:
        verdict = "the public ranking does not hold here: decide on the measured scores, not the leaderboard"
    out["reading"] = (f"Spearman {rho:.2f}, Kendall {tau:.2f} between {where} and the measured ranking of {n} models: "
                      f"{verdict} (with {n} models one swapped pair moves Spearman by {swing:.2f}).")
    return out
