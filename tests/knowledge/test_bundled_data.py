"""Invariants over the bundled mini-benchmarks and probe data (their loaders land with the quick-MTEB issue)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import yaml

BENCHMARKS = Path(__file__).resolve().parents[2] / "knowledge" / "benchmarks"
PROBES = Path(__file__).resolve().parents[2] / "knowledge" / "probes"
TASKS = sorted(p.name for p in BENCHMARKS.iterdir() if p.is_dir()) if BENCHMARKS.exists() else []


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("task", TASKS)
def test_mini_benchmark_is_consistent(task):
    folder = BENCHMARKS / task
    corpus = _jsonl(folder / "corpus.jsonl")
    queries = _jsonl(folder / "queries.jsonl")
    with (folder / "qrels" / "test.tsv").open(encoding="utf-8") as fh:
        qrels = list(csv.DictReader(fh, delimiter="\t"))
    doc_ids = [d["_id"] for d in corpus]
    query_ids = [q["_id"] for q in queries]
    assert len(set(doc_ids)) == len(doc_ids) >= 60
    assert len(set(query_ids)) == len(query_ids) >= 30
    assert all(d["text"].strip() for d in corpus) and all(q["text"].strip() for q in queries)
    assert {r["corpus-id"] for r in qrels} <= set(doc_ids)
    assert {r["query-id"] for r in qrels} == set(query_ids)
    assert all(int(r["score"]) > 0 for r in qrels)
    meta = yaml.safe_load((folder / "task.yaml").read_text(encoding="utf-8"))
    assert meta["name"] == task
    assert len((folder / "README.md").read_text(encoding="utf-8")) > 500


def test_probe_data_sizes():
    for name in ("alignment_words.tsv", "alignment_sentences.tsv"):
        with (PROBES / name).open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        assert len(rows) >= 100
        assert all(all(r[lang].strip() for lang in ("eng", "zho", "spa", "deu", "fra", "jpn")) for r in rows)
    robustness = _jsonl(PROBES / "robustness.jsonl")
    assert len(robustness) >= 100 and sum(not r["should_stay_close"] for r in robustness) >= 20
    consistency = _jsonl(PROBES / "consistency.jsonl")
    assert sum(c["kind"] == "polysemy" for c in consistency) >= 12
