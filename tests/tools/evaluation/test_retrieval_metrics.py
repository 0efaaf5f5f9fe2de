from __future__ import annotations

import numpy as np
import pytest
import pytrec_eval

from tools.evaluation.metrics import (
    METRIC_NAMES,
    bootstrap_ci,
    comparison_sentence,
    evaluate_runs,
    paired_comparison,
)

TREC = {"ndcg_at_10": "ndcg_cut_10", "recall_at_1": "recall_1", "recall_at_5": "recall_5",
        "recall_at_10": "recall_10", "recall_at_100": "recall_100", "map_at_100": "map_cut_100",
        "precision_at_1": "P_1", "precision_at_5": "P_5", "precision_at_10": "P_10"}


def random_case(seed: int, n_queries: int = 40, n_docs: int = 150):
    rng = np.random.default_rng(seed)
    qrels, runs = {}, {}
    for q in range(n_queries):
        relevant = rng.choice(n_docs, size=rng.integers(1, 6), replace=False)
        qrels[f"q{q}"] = {f"d{d}": int(rng.integers(1, 4)) for d in relevant}
        scored = rng.choice(n_docs, size=rng.integers(5, 130), replace=False)
        # Rounded scores create ties, which trec_eval breaks by decreasing document id.
        runs[f"q{q}"] = {f"d{d}": float(np.round(rng.random(), 2)) for d in scored}
    return qrels, runs


@pytest.mark.parametrize("seed", range(6))
def test_metrics_equal_pytrec_eval(seed):
    qrels, runs = random_case(seed)
    ours = evaluate_runs(runs, qrels)
    measures = set(TREC.values()) | {"recip_rank"}
    theirs = pytrec_eval.RelevanceEvaluator(qrels, measures).evaluate(runs)
    for qid, values in ours.items():
        for name, trec in TREC.items():
            assert values[name] == pytest.approx(theirs[qid][trec], abs=1e-9), (qid, name)
        # pytrec_eval has no MRR cut-off: equal when the first hit is in the top 10, else ours is 0.
        if values["mrr_at_10"] > 0:
            assert values["mrr_at_10"] == pytest.approx(theirs[qid]["recip_rank"], abs=1e-9)
        else:
            assert theirs[qid]["recip_rank"] <= 1 / 11 + 1e-9


def test_empty_run_scores_zero():
    out = evaluate_runs({}, {"q": {"d": 1}})["q"]
    assert all(out[m] == 0 for m in METRIC_NAMES)


def test_bootstrap_interval_contains_the_mean_and_narrows_with_more_queries():
    rng = np.random.default_rng(0)
    small, large = rng.random(30), rng.random(3000)
    lo, hi = bootstrap_ci(small)
    assert lo < small.mean() < hi
    lo2, hi2 = bootstrap_ci(large)
    assert (hi2 - lo2) < (hi - lo) / 5


def test_paired_comparison_detects_a_real_difference_and_not_noise():
    rng = np.random.default_rng(1)
    base = {f"q{i}": {"ndcg_at_10": float(v)} for i, v in enumerate(rng.random(200))}
    better = {q: {"ndcg_at_10": min(1.0, m["ndcg_at_10"] + 0.1)} for q, m in base.items()}
    noisy = {q: {"ndcg_at_10": m["ndcg_at_10"] + float(rng.normal(0, 0.01))} for q, m in base.items()}
    real = paired_comparison(better, base)
    assert real["significant"] and real["p_value"] < 0.001 and real["mean_difference"] > 0.05
    assert "beats" in comparison_sentence("A", "B", real)
    same = paired_comparison(noisy, base)
    assert not same["significant"]
    sentence = comparison_sentence("A", "B", same)
    assert "not significantly different" in sentence
