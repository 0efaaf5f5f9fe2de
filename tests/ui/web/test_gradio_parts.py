"""The web UI's formatting helpers: Pareto front, upload checks, result rows (no browser)."""

from __future__ import annotations

from pathlib import Path

from ui.web import parts


def test_pareto_front_keeps_points_no_other_beats_on_cost_and_quality() -> None:
    points = [(0.0, 0.70), (0.0, 0.79), (10.0, 0.75), (20.0, 0.85), (30.0, 0.80)]
    assert parts.pareto_front(points) == [1, 3]


def test_check_uploads_names_the_problem(tmp_path: Path) -> None:
    good, empty, bad = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.exe"
    good.write_text("some text", encoding="utf-8")
    empty.write_text("", encoding="utf-8")
    bad.write_bytes(b"MZ")
    assert parts.check_uploads([], 100) == "Upload at least one document first."
    assert "Unsupported file type: c.exe" in parts.check_uploads([str(good), str(bad)], 100)
    assert "Empty file: b.txt" in parts.check_uploads([str(empty)], 100)
    assert "limit is" in parts.check_uploads([str(good)], 5)
    assert parts.check_uploads([str(good)], 100) is None


def test_eval_rows_show_interval_and_failures() -> None:
    metric = {"mean": 0.5, "ci95": [0.25, 0.75]}
    results = {"models": {
        "bm25": {"status": "ok", "kind": "bm25", "n_chunks": 4, "latency": {"p95_ms": 1.26},
                 "metrics": {"ndcg_at_10": metric, "recall_at_10": metric, "mrr_at_10": metric}},
        "x/y": {"status": "error", "error": "EncoderError: not on disk"}}}
    assert parts.eval_rows(results) == [["bm25", "bm25", 0.5, "[0.250, 0.750]", 0.5, 0.5, 1.3, 4, "ok"],
                                        ["x/y", "-", "-", "-", "-", "-", "-", "-", "failed: EncoderError: not on disk"]]


def test_progress_spans_all_candidates() -> None:
    seen: list[tuple[float, str]] = []
    report = parts.progress_callback(["minilm", "bm25"], lambda f, desc: seen.append((f, desc)))
    report("bm25: indexing in Milvus", 0.6)
    assert seen == [(0.8, "bm25: indexing in Milvus")]
