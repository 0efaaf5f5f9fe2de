"""The bundled mini-benchmarks as MTEB tasks: data invariants, suites, profile mapping, and mteb.evaluate offline."""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pytest
import yaml

from knowledge.errors import InvalidFilterError, UnknownTaskError
from tools.benchmarks.bundled_tasks import (
    BENCHMARKS_DIR,
    SUITES,
    TASK_BENCHMARKS,
    bundled_data,
    bundled_spec,
    bundled_task,
    bundled_task_names,
    document_text,
    get_task,
    suite_benchmark,
    suite_for_profile,
    suite_tasks,
)
from tools.encoders.models import Encoder

TASKS = bundled_task_names()


def test_all_seven_bundled_benchmarks_are_tasks():
    assert TASKS == ["ea-code-search", "ea-crosslingual", "ea-general-en", "ea-general-zh", "ea-legal-en",
                     "ea-long-docs", "ea-medical-en"]


@pytest.mark.parametrize("name", TASKS)
def test_bundled_data_matches_its_task_yaml(name):
    spec, data = bundled_spec(name), bundled_data(name)
    raw = yaml.safe_load((BENCHMARKS_DIR / name / "task.yaml").read_text(encoding="utf-8"))
    assert spec.name == raw["name"] == name
    assert len(data["corpus"]) == spec.n_docs
    assert len(data["queries"]) == spec.n_queries
    assert sum(len(docs) for docs in data["qrels"].values()) == spec.n_qrels
    assert set(data["qrels"]) == set(data["queries"]), "every query is judged"
    assert {d for docs in data["qrels"].values() for d in docs} <= set(data["corpus"])
    assert all(score in (1, 2) for docs in data["qrels"].values() for score in docs.values())
    assert re.fullmatch(r"[0-9a-f]{16}", data["revision"])


@pytest.mark.parametrize("name", TASKS)
def test_task_loads_through_mteb_with_the_bundled_counts(name):
    task = bundled_task(name)
    assert task.metadata.name == name
    assert task.metadata.type == "Retrieval" and task.metadata.main_score == "ndcg_at_10"
    assert task.metadata.revision == bundled_data(name)["revision"]
    task.load_data()
    split = task.dataset["default"]["test"]
    spec = bundled_spec(name)
    assert len(split["corpus"]) == spec.n_docs and len(split["queries"]) == spec.n_queries
    assert split["top_ranked"] is None


def test_revision_changes_with_the_data():
    folder = BENCHMARKS_DIR / "ea-code-search"
    digest = hashlib.blake2b(digest_size=8)
    for path in (folder / "corpus.jsonl", folder / "queries.jsonl", folder / "qrels" / "test.tsv"):
        digest.update(path.read_bytes())
    assert bundled_data("ea-code-search")["revision"] == digest.hexdigest()


def test_suites_cover_the_profiles_and_name_real_benchmarks(scores):
    assert {"quick-general", "quick-legal", "quick-medical", "quick-code", "quick-zh", "quick-multilingual",
            "quick-long"} <= set(SUITES)
    for suite, tasks in SUITES.items():
        assert set(tasks) <= set(TASKS), suite
        assert suite_tasks(suite) == list(tasks)
    assert set(TASK_BENCHMARKS) == set(TASKS)
    for benchmark in TASK_BENCHMARKS.values():
        assert scores.benchmark(benchmark).name == benchmark
    assert suite_benchmark("quick-legal") == "MTEB(Law, v1)"
    assert suite_tasks("quick-all") and set(suite_tasks("quick-all")) == set(TASKS)


@pytest.mark.parametrize(
    ("domain", "languages", "length", "suite", "uncovered"),
    [
        ("general", ["en"], 500, "quick-general", None),
        ("legal", ["English"], 800, "quick-legal", None),
        ("medical", ["en"], 300, "quick-medical", None),
        ("code", ["en"], 200, "quick-code", None),
        ("general", ["en"], 4000, "quick-long", None),
        ("legal", ["en"], 6000, "quick-legal", "long documents"),
        ("general", ["zh"], 500, "quick-zh", None),
        ("legal", ["中文"], 500, "quick-zh", "domain legal"),
        ("general", ["zh", "en"], 500, "quick-multilingual", None),
        ("support", ["de", "fr"], 500, "quick-multilingual", None),
        ("general", ["ko"], 500, "quick-multilingual", "languages without bundled data: kor"),
        ("finance", ["en"], 500, "quick-general", "domain finance"),
    ],
)
def test_suite_for_profile(domain, languages, length, suite, uncovered):
    found = suite_for_profile(domain, languages, length)
    assert found["suite"] == suite
    assert found["tasks"] == list(SUITES[suite])
    if uncovered:
        assert any(uncovered in note for note in found["not_covered"]), found["not_covered"]
    else:
        assert found["not_covered"] == []


def test_bad_names_get_close_matches():
    with pytest.raises(UnknownTaskError, match="Did you mean: quick-legal"):
        suite_tasks("quick-legl")
    with pytest.raises(UnknownTaskError, match="Did you mean: ea-legal-en"):
        get_task("ea-legal-em")
    with pytest.raises(UnknownTaskError, match="NanoFiQA2018Retrieval"):
        get_task("NanoFiQA2018Retrievl")
    with pytest.raises(InvalidFilterError, match="languages"):
        suite_for_profile("general", ["klingon-xx"])


def test_real_mteb_tasks_resolve_by_name_offline():
    task = get_task("NanoSciFactRetrieval")
    assert task.metadata.type == "Retrieval"
    assert task.metadata.descriptive_stats  # sizes for the time estimate come with mteb, offline


def _hashing_encoder(dims: int = 512) -> Encoder:
    """A deterministic bag-of-words encoder (hashed lowercase words): exact, model-free scores."""

    def encode(texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), dims), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                out[i, int(hashlib.md5(word.encode()).hexdigest(), 16) % dims] += 1.0
        return out

    return Encoder(name="test/hashing-bow", revision="v1", dims=dims, max_tokens=None, encode_fn=encode,
                   count_tokens=lambda text: len(text.split()))


@pytest.mark.parametrize("name", ["ea-code-search", "ea-general-en", "ea-long-docs"])
def test_mteb_evaluate_runs_offline_and_matches_pytrec_eval(name, tmp_path):
    import mteb
    import pytrec_eval

    from tools.benchmarks.mteb_adapter import mteb_model

    encoder = _hashing_encoder()
    cache = mteb.ResultCache(cache_path=tmp_path)
    result = mteb.evaluate(mteb_model(encoder), bundled_task(name), cache=cache, show_progress_bar=False,
                           encode_kwargs={"batch_size": 32, "show_progress_bar": False})
    assert not result.exceptions
    ndcg = result.task_results[0].scores["test"][0]["ndcg_at_10"]

    data = bundled_data(name)
    doc_ids = list(data["corpus"])
    docs = encoder.encode([document_text(data["corpus"][d]) for d in doc_ids])
    queries = encoder.encode(list(data["queries"].values()))
    sims = queries @ docs.T
    run = {qid: {doc_ids[j]: float(sims[i, j]) for j in np.argsort(-sims[i])[:100]}
           for i, qid in enumerate(data["queries"])}
    evaluator = pytrec_eval.RelevanceEvaluator(data["qrels"], {"ndcg_cut.10"})
    expected = float(np.mean([v["ndcg_cut_10"] for v in evaluator.evaluate(run).values()]))
    assert ndcg == pytest.approx(expected, abs=1e-4)
    assert 0.1 < ndcg < 1.0
    # mteb cached the result under the encoder's own name and revision
    assert (tmp_path / "results" / "test__hashing-bow" / "v1" / f"{name}.json").exists()
