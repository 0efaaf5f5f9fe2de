"""Retrieval metrics as trec_eval defines them, bootstrap confidence intervals, and paired model comparison."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

CUTOFFS = (1, 5, 10, 100)
BOOTSTRAP_SAMPLES = 1000
PERMUTATIONS = 10_000
ALPHA = 0.05
POWER_Z = 0.8416  # z for 80% power
METRIC_NAMES = ("ndcg_at_10", "recall_at_1", "recall_at_5", "recall_at_10", "recall_at_100", "mrr_at_10",
                "map_at_100", "precision_at_1", "precision_at_5", "precision_at_10")


def rank(run: dict[str, float]) -> list[str]:
    """Document ids by decreasing score, ties broken by decreasing id (trec_eval's order)."""
    return [doc for doc, _ in sorted(run.items(), key=lambda item: (item[1], item[0]), reverse=True)]


def query_metrics(ranking: list[str], relevant: dict[str, int]) -> dict[str, float]:
    """All metrics for one query; ``relevant`` maps document id to a positive grade."""
    rel = {d: g for d, g in relevant.items() if g > 0}
    n_rel = len(rel)
    out: dict[str, float] = {}
    gains = [rel.get(d, 0) for d in ranking[:100]]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains[:10]))
    ideal = sorted(rel.values(), reverse=True)[:10]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    out["ndcg_at_10"] = dcg / idcg if idcg else 0.0
    hits = [1 if g > 0 else 0 for g in gains]
    for k in CUTOFFS:
        found = sum(hits[:k])
        out[f"recall_at_{k}"] = found / n_rel if n_rel else 0.0
        if k <= 10:
            out[f"precision_at_{k}"] = found / k
    first = next((i for i, h in enumerate(hits[:10]) if h), None)
    out["mrr_at_10"] = 1 / (first + 1) if first is not None else 0.0
    precision_sum, found = 0.0, 0
    for i, h in enumerate(hits[:100]):
        if h:
            found += 1
            precision_sum += found / (i + 1)
    out["map_at_100"] = precision_sum / n_rel if n_rel else 0.0
    return {name: out[name] for name in METRIC_NAMES}


def evaluate_runs(runs: dict[str, dict[str, float]], qrels: dict[str, dict[str, int]]) -> dict[str, dict[str, float]]:
    """Per-query metrics for every judged query (a query with no results scores 0)."""
    return {qid: query_metrics(rank(runs.get(qid, {})), rel) for qid, rel in qrels.items()}


def bootstrap_ci(values: np.ndarray, seed: int = 0, samples: int = BOOTSTRAP_SAMPLES) -> tuple[float, float]:
    """95% percentile-bootstrap interval of the mean over queries."""
    if len(values) == 0:
        return (0.0, 0.0)
    rng = np.random.default_rng(seed)
    means = values[rng.integers(0, len(values), size=(samples, len(values)))].mean(axis=1)
    low, high = np.percentile(means, [100 * ALPHA / 2, 100 * (1 - ALPHA / 2)])
    return (float(low), float(high))


def summarise(per_query: dict[str, dict[str, float]], seed: int = 0) -> dict[str, Any]:
    """Mean of each metric with its bootstrap 95% interval."""
    qids = sorted(per_query)
    summary: dict[str, Any] = {"n_queries": len(qids)}
    for name in METRIC_NAMES:
        values = np.array([per_query[q][name] for q in qids])
        low, high = bootstrap_ci(values, seed)
        summary[name] = {"mean": float(values.mean()) if len(values) else 0.0, "ci95": [low, high]}
    return summary


def paired_comparison(a: dict[str, dict[str, float]], b: dict[str, dict[str, float]], metric: str = "ndcg_at_10",
                      seed: int = 0) -> dict[str, Any]:
    """Paired bootstrap interval and sign-flip permutation p-value of mean(a - b) over shared queries."""
    qids = sorted(set(a) & set(b))
    diffs = np.array([a[q][metric] - b[q][metric] for q in qids])
    if len(diffs) == 0:
        return {"metric": metric, "n_queries": 0, "mean_difference": 0.0, "ci95": [0.0, 0.0], "p_value": 1.0,
                "significant": False, "queries_needed": None}
    low, high = bootstrap_ci(diffs, seed)
    rng = np.random.default_rng(seed + 1)
    observed = abs(diffs.mean())
    signs = rng.choice([-1.0, 1.0], size=(PERMUTATIONS, len(diffs)))
    p_value = float(((np.abs((signs * diffs).mean(axis=1)) >= observed - 1e-12).sum() + 1) / (PERMUTATIONS + 1))
    sd = float(diffs.std(ddof=1)) if len(diffs) > 1 else 0.0
    mean = float(diffs.mean())
    z = 1.959964
    needed = math.ceil(((z + POWER_Z) * sd / abs(mean)) ** 2) if mean != 0 and sd > 0 else None
    return {"metric": metric, "n_queries": len(diffs), "mean_difference": mean, "ci95": [low, high],
            "p_value": p_value, "significant": p_value < ALPHA and not (low <= 0 <= high),
            "queries_needed": needed}


def comparison_sentence(name_a: str, name_b: str, comparison: dict[str, Any]) -> str:
    """One plain sentence on whether two models differ, and how many queries would separate them."""
    metric, diff = comparison["metric"], comparison["mean_difference"]
    low, high = comparison["ci95"]
    if comparison["significant"]:
        better, worse = (name_a, name_b) if diff > 0 else (name_b, name_a)
        return (f"{better} beats {worse} on {metric} by {abs(diff):.3f} (95% CI {low:+.3f} to {high:+.3f}, "
                f"p = {comparison['p_value']:.3f}, {comparison['n_queries']} queries).")
    needed = comparison["queries_needed"]
    more = (f"; about {needed} queries would be needed to separate a difference this size"
            if needed and needed > comparison["n_queries"] else "")
    return (f"{name_a} and {name_b} are not significantly different on {metric} (difference {diff:+.3f}, "
            f"95% CI {low:+.3f} to {high:+.3f}, p = {comparison['p_value']:.3f}, {comparison['n_queries']} "
            f"queries){more}.")
