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

    Results are validated against the benchmark's tasks, so a task's figure covers the benchmark's own subsets.

    All models are loaded, as the leaderboard does: mteb's summary drops tasks that none of the loaded models
    has, so a table built from a handful of models can differ from the leaderboard's (e.g. e5-large on Code).
    """
    import mteb
    from mteb.cache import ResultCache

    results = ResultCache(cache_path=results_cache).load_results(
        tasks=mteb.get_benchmark(benchmark), only_main_score=True, validate_and_filter=True)
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


LANGUAGE_CASES = [
    ("MTEB(Multilingual, v2)", "pol", ["BAAI/bge-m3", "intfloat/multilingual-e5-large", "google/embeddinggemma-300m"]),
    ("MTEB(Multilingual, v2)", "ara", ["BAAI/bge-m3", "Alibaba-NLP/gte-multilingual-base"]),
    ("MTEB(Multilingual, v2)", "jpn", ["Snowflake/snowflake-arctic-embed-l-v2.0", "BAAI/bge-m3"]),
    ("MTEB(Europe, v1)", "deu", ["BAAI/bge-m3", "intfloat/multilingual-e5-large"]),
    ("RTEB(Law, beta)", "jpn", ["BAAI/bge-m3", "Qwen/Qwen3-Embedding-8B"]),
]


@pytest.mark.slow
@pytest.mark.parametrize(("benchmark", "language", "models"), LANGUAGE_CASES)
def test_language_figures_equal_mteb_subset_aggregation(results_cache, scores, benchmark, language, models):
    """Each per-language figure is ``TaskResult.get_score(languages=...)`` over the benchmark's own subsets."""
    import mteb
    from mteb.cache import ResultCache

    from knowledge.languages import normalise_language

    bench = mteb.get_benchmark(benchmark)
    codes = normalise_language(language).codes
    loaded = ResultCache(cache_path=results_cache).load_results(tasks=bench, models=models, only_main_score=True,
                                                                validate_and_filter=True)
    compared = 0
    for model in models:
        ours = scores.language_task_scores(model, benchmark, language)
        results = {tr.task_name: tr for mr in loaded if mr.model_name == model for tr in mr.task_results}
        for task in bench.tasks:
            i = [t.metadata.name for t in bench.tasks].index(task.metadata.name)
            task_codes = {tag.split("-")[0] for sub in task.hf_subsets
                          for tag in task.metadata.hf_subsets_to_langscripts.get(sub, [])}
            if not task_codes & codes or task.metadata.type != "Retrieval" or task.metadata.name not in results:
                continue
            expected = results[task.metadata.name].get_score(languages=sorted(task_codes & codes))
            assert _close(expected, ours[i]), (model, task.metadata.name, expected, ours[i])
            compared += 1
    assert compared >= 2
