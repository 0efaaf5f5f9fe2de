from __future__ import annotations

import math
import time

import pytest

from knowledge.errors import UnknownBenchmarkError
from knowledge.refresh import SCORES_FILE
from knowledge.scores import load_scores

MODELS = [
    "intfloat/multilingual-e5-large",
    "sentence-transformers/all-MiniLM-L6-v2",
    "intfloat/e5-mistral-7b-instruct",
    "Alibaba-NLP/gte-Qwen2-7B-instruct",
    "BAAI/bge-m3",
    "Alibaba-NLP/gte-multilingual-base",
]
BENCHMARKS = ["MTEB(Law, v1)", "MTEB(Medical, v1)", "MTEB(Code, v1)", "LongEmbed"]


def _close(a, b) -> bool:
    if a is None or (isinstance(a, float) and math.isnan(a)):
        return b is None
    return b is not None and abs(float(a) - b) < 1e-6


@pytest.mark.slow
@pytest.mark.parametrize("benchmark", BENCHMARKS)
def test_snapshot_equals_mteb_aggregation(results_cache, scores, benchmark):
    """The committed figures are what mteb's own BenchmarkResults computes from the published results.

    All models are loaded, as the leaderboard does: mteb's summary drops tasks that none of the loaded models
    has, so a table built from a handful of models can differ from the leaderboard's (e.g. e5-large on Code).
    """
    import mteb
    from mteb.cache import ResultCache

    results = ResultCache(cache_path=results_cache).load_results(
        tasks=mteb.get_benchmark(benchmark), only_main_score=True)
    table = results.get_benchmark_result().set_index("Model")
    per_task = results.to_dataframe().set_index("task_name")
    compared = 0
    for model in MODELS:
        ours = scores.score(model, benchmark)
        if model not in table.index:
            assert ours is None or ours.mean_task is None
            continue
        row = table.loc[model]
        assert ours is not None, f"{model} has mteb results on {benchmark} but none in the snapshot"
        assert _close(row["Mean (Task)"], ours.mean_task), (model, row["Mean (Task)"], ours.mean_task)
        assert _close(row["Mean (TaskType)"], ours.mean_task_type)
        if "Retrieval" in table.columns:
            assert _close(row["Retrieval"], ours.retrieval)
        zero_shot = int(row["Zero-shot"])
        assert ours.zero_shot == (zero_shot if zero_shot >= 0 else None)
        assert ours.rank == int(row["Rank (Borda)"])
        for task, value in scores.task_scores(model, benchmark).items():
            expected = per_task.at[task, model] if task in per_task.index else None
            assert _close(expected, value), (model, task, expected, value)
        compared += 1
    assert compared >= 5


def test_snapshot_is_compact_and_fast(scores):
    assert SCORES_FILE.stat().st_size < 10 * 1024 * 1024
    start = time.perf_counter()
    load_scores()
    assert time.perf_counter() - start < 1.0
    assert "f4cc6c8b365a3c779dbc708d6affe0b0355b2ddf" in scores.source
    assert len(scores.benchmarks) >= 50 and len(scores.models()) >= 450


def test_bge_m3_published_figures(scores):
    s = scores.score("BAAI/bge-m3", "MTEB(Multilingual, v2)")
    assert s.retrieval is not None and 0.4 < s.retrieval < 0.8
    assert s.retrieval_scored == s.retrieval_total == 18
    assert s.tasks_scored == 130 and s.tasks_total == 131
    assert s.mean_task is None  # mteb gives no mean with a task missing...
    assert 0.4 < s.mean_available < 0.8  # ...we report the mean over the 130 scored tasks beside it
    assert s.zero_shot is not None and 0 <= s.zero_shot <= 100


def test_leaderboard_is_sorted_and_complete_figures_win(scores):
    board = scores.leaderboard("MTEB(Law, v1)")
    values = [r.best_estimate for r in board]
    assert values == sorted(values, reverse=True)
    assert len(board) > 100


def test_unknown_benchmark_suggests(scores):
    with pytest.raises(UnknownBenchmarkError) as err:
        scores.benchmark("MTEB(Laws, v1)")
    assert "MTEB(Law, v1)" in err.value.suggestions
    assert scores.benchmark("mteb(law,v1)").name == "MTEB(Law, v1)"


def test_corrupt_snapshot_names_the_file_and_the_fix(tmp_path):
    from knowledge.errors import KnowledgeDataError

    broken = tmp_path / "score_snapshot.json.gz"
    broken.write_bytes(b"not gzip at all")
    with pytest.raises(KnowledgeDataError, match="score_snapshot.json.gz.*knowledge refresh"):
        load_scores(broken)


def test_every_scored_name_is_a_model(scores):
    from knowledge.refresh import MODEL_META_FILE, read_json_gz

    known = set(read_json_gz(MODEL_META_FILE, "model snapshot")["models"])
    assert set(scores.models()) <= known
