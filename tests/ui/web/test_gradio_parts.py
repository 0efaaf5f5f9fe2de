"""The web UI's parts without a browser: charts on one board, the summary card, uploads, check runs, resume list."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from tools.rank.shortlist import recommend
from ui.web import charts, parts, summary
from ui.web.check_run import CheckRun, caveats, comparison_lines, outcome_line, stage_line
from ui.web.sessions import WebConsultations

LEGAL = {"domain": "legal", "languages": ["zh", "en"], "corpus_docs": 200_000, "doc_length_tokens": 10_000,
         "data_must_stay_on_prem": True}


@pytest.fixture(scope="module")
def legal() -> dict[str, Any]:
    return recommend(LEGAL)


def test_pareto_front_keeps_points_no_other_beats_on_cost_and_quality() -> None:
    points = [(0.0, 0.70), (0.0, 0.79), (10.0, 0.75), (20.0, 0.85), (30.0, 0.80)]
    assert charts.pareto_front(points) == [1, 3]


def test_quality_chart_plots_one_board_and_hours_when_every_cost_is_zero(legal: dict[str, Any]) -> None:
    board, points, missing = charts.board_points(legal)
    assert board == legal["evidence"]["board"]  # the consultation's evidence base
    by_model = {r["model"]: r for r in legal["recommendations"]}
    for p in points:  # every plotted height is the model's published figure on that one board, never an imputed one
        e = by_model[p.model]["evidence"]
        assert e["board"] == board and not e["imputed"] and p.score == pytest.approx(e["score"])
    assert len(points) + len(missing) == len(legal["recommendations"])
    fig = charts.quality_chart(legal)
    ax = fig.axes[0]
    assert ax.get_ylabel() == f"mean score, {len(legal['evidence']['tasks'])} retrieval tasks of {board}"
    assert all(r["estimated_cost_usd_month"] == 0 for r in legal["recommendations"])
    assert ax.get_xlabel().startswith("first indexing of the corpus, hours")
    xs = sorted(x for line in ax.collections for x, _ in line.get_offsets())
    assert len(set(xs)) > 1  # no longer one vertical line at $0
    ys = [p.score for p in points]
    low, high = ax.get_ylim()
    assert low < min(ys) and high > max(ys) + 0.01  # headroom: nothing sits on the frame
    assert board in charts.chart_caption(legal) and "one board" in charts.chart_caption(legal)


def test_without_an_evidence_base_the_chart_uses_the_tasks_every_model_shares(legal: dict[str, Any]) -> None:
    from knowledge.scores import default_scores

    old_style = {k: v for k, v in legal.items() if k != "evidence"}
    board, points, _ = charts.board_points(old_style)
    snapshot = default_scores()
    info = snapshot.benchmark(board)
    retrieval = {t for t, k in zip(info.tasks, info.task_types, strict=True) if k == "Retrieval"}
    tasks = [{t for t, v in snapshot.task_scores(p.model, board).items() if v is not None} for p in points]
    shared = set.intersection(*tasks) & retrieval
    for p in points:  # the mean over the same tasks of the one board
        scores = snapshot.task_scores(p.model, board)
        assert p.score == pytest.approx(sum(scores[t] for t in shared) / len(shared))


def test_quality_chart_uses_cost_when_a_model_costs_money() -> None:
    rec = recommend({"domain": "support", "languages": ["en"], "corpus_docs": 1_000_000,
                     "doc_length_tokens": 400, "deployment": "api"})
    assert any(r["estimated_cost_usd_month"] for r in rec["recommendations"])
    fig = charts.quality_chart(rec)
    assert fig.axes[0].get_xlabel() == "estimated cost, $/month"


def test_ndcg_chart_has_interval_bars_and_names_failures() -> None:
    metric = {"mean": 0.5, "ci95": [0.25, 0.75]}
    results = {"run": {"n_queries": 40, "n_docs": 10}, "models": {
        "bm25": {"status": "ok", "metrics": {"ndcg_at_10": metric}},
        "x/y": {"status": "error", "error": "EncoderError: not on disk"}}}
    fig = charts.ndcg_chart(results)
    assert fig.axes[0].get_xlabel().startswith("nDCG@10")
    assert "failed, not plotted: x/y" in fig.axes[0].get_title(loc="left")


def test_summary_card_has_pick_why_indexing_cost_and_milvus(legal: dict[str, Any]) -> None:
    top = legal["recommendations"][0]
    card = summary.summary_card(legal)
    assert f"Recommended: {top['model']}" in card
    assert "best fit score" in card and top["benchmark"] in card
    hours = top["cost"]["compute_hours_initial"]
    shown, unit = summary.indexing_line(top).split(" ", 2)[:2]
    assert unit == "h" and float(shown.replace(",", "")) == pytest.approx(hours, abs=0.5)
    assert "$0.00/month on your hardware" in card and "if rented" in card
    assert "IVF_SQ8 COSINE" in card or "HNSW" in card
    assert "<script" not in summary.summary_card({"recommendations": [{**top, "model": "<script>x</script>"}]})
    details = summary.details_markdown(legal)
    for part in ("Chunking", "Storage", "Milvus collection", "source"):
        assert part in details


def test_summary_card_reads_an_indexing_field_wherever_it_is() -> None:
    assert charts.indexing_hours({"first_indexing_hours": 2.5}) == 2.5
    assert charts.indexing_hours({"indexing": {"hours": 0.25}}) == 0.25
    assert charts.indexing_hours({"cost": {}}) is None
    assert summary.indexing_line({"kind": "api", "cost": {}}).startswith("set by the API")


def test_short_list_rows_name_the_benchmark_of_each_score(legal: dict[str, Any]) -> None:
    rows = parts.recommendation_rows(legal)
    assert len(parts.REC_HEADERS) == len(rows[0])
    for row, r in zip(rows, legal["recommendations"], strict=True):
        assert row[5].startswith(r["benchmark"])
    assert "fit score" in parts.SCORE_NOTE and "not comparable" in parts.SCORE_NOTE


def test_uploads_skip_unsupported_and_empty_files_by_name(tmp_path: Path) -> None:
    good, empty, bad = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.exe"
    good.write_text("some text", encoding="utf-8")
    empty.write_text("", encoding="utf-8")
    bad.write_bytes(b"MZ")
    assert parts.sort_uploads([], 100).problem == "Upload at least one document first."
    up = parts.sort_uploads([str(good), str(empty), str(bad)], 100)
    assert up.ready == [str(good)] and up.problem is None
    assert up.skipped == [("b.txt", "empty"), ("c.exe", "unsupported type .exe")]
    assert "None of the 1 file(s)" in parts.sort_uploads([str(bad)], 100).problem
    assert "limit is" in parts.sort_uploads([str(good)], 5).problem
    note = parts.upload_summary([str(good), str(bad)], 100)
    assert "1 of 2 file(s) ready (9 bytes)" in note and "Skipped 1: c.exe (unsupported type .exe)" in note
    assert "<details>" in note  # the file list is folded away
    assert parts.upload_summary([str(good)], 100).count("warn") == 0  # the warning left with the file


def test_eval_rows_show_interval_and_failures() -> None:
    metric = {"mean": 0.5, "ci95": [0.25, 0.75]}
    results = {"models": {
        "bm25": {"status": "ok", "kind": "bm25", "n_chunks": 4, "latency": {"p95_ms": 1.26},
                 "metrics": {"ndcg_at_10": metric, "recall_at_10": metric, "mrr_at_10": metric}},
        "x/y": {"status": "error", "error": "EncoderError: not on disk"}}}
    assert parts.eval_rows(results) == [["bm25", "bm25", 0.5, "[0.250, 0.750]", 0.5, 0.5, 1.3, 4, "ok"],
                                        ["x/y", "-", "-", "-", "-", "-", "-", "-", "failed: EncoderError: not on disk"]]
    assert outcome_line(results) == "Checked 1 of 2 candidates; x/y failed: EncoderError: not on disk."


def test_check_caveats_say_too_easy_and_p_values_are_not_zero() -> None:
    results = {"run": {"n_queries": 20}, "models": {},
               "queries": {"source": "generated", "method": "offline", "bm25_recall_at_10": 0.95,
                           "mean_lexical_overlap": 0.7},
               "comparisons": [{"p_value": 0.0001, "sentence": "bm25 beats minilm on ndcg_at_10 by 0.2 (p = 0.000)"}]}
    notes = caveats(results)
    assert notes[0].startswith("This check was too easy") and "95% of queries" in notes[0]
    assert any("Only 20 queries" in n for n in notes) and any("generated" in n for n in notes)
    assert comparison_lines(results) == ["bm25 beats minilm on ndcg_at_10 by 0.2 (p < 0.001)"]


def test_stage_line_spans_all_candidates() -> None:
    line, overall = stage_line("bm25: indexing in Milvus", 0.6, 2, ["minilm", "bm25"])
    assert overall == pytest.approx(0.8)
    assert line.startswith("⏳ Candidate 2 of 2 · bm25: indexing in Milvus")


def test_cancel_stops_the_run_at_its_next_step() -> None:
    steps: list[int] = []
    release = threading.Event()

    def runner(request: Any, progress: Any) -> dict[str, Any]:
        for i in range(1000):
            progress(f"minilm: encoding {i}/1000 chunks", i / 1000)
            steps.append(i)
            release.wait(0.01)
        return {"models": {}}

    run = CheckRun(runner, None)
    events = run.events(poll_s=0.05)
    first = next(e for e in events if e is not None)
    assert first[0].startswith("minilm: encoding 0/1000")
    run.cancel()
    start = time.monotonic()
    list(events)  # ends when the thread does
    assert time.monotonic() - start < 2
    assert run.results is None and run.error is None and not run.running
    assert len(steps) < 1000


def test_a_failing_run_hands_its_error_to_the_page() -> None:
    def runner(request: Any, progress: Any) -> dict[str, Any]:
        raise ValueError("no documents")

    run = CheckRun(runner, None)
    assert [e for e in run.events(poll_s=0.05) if e is not None] == []
    run.join(5)
    assert isinstance(run.error, ValueError)


def test_web_consultations_keep_the_pages_own_and_per_owner(tmp_path: Path) -> None:
    store = WebConsultations(tmp_path / "web.sqlite")
    store.add("a1")
    store.add("b2", owner="ana")
    assert store.ids() == {"a1", "b2"}
    assert store.ids("ana") == {"b2"} and store.owns("b2", "ana") and not store.owns("a1", "ana")
    store.close()


def test_the_page_stores_nothing_until_the_user_types_and_lists_only_its_own(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from agent.service import AdvisorService
    from knowledge.settings import Settings
    from ui.web.app import WebUI

    with AdvisorService(Settings(data_dir=tmp_path)) as service:
        ui = WebUI(service)
        history, consultation_id, *_ = ui.new()
        assert consultation_id is None and "What are your documents about" in history[0]["content"]
        assert service.list() == []
        steps = list(ui.respond("legal contracts in English, 200k docs", None, history))
        pending = steps[0][1][-1]
        assert pending.metadata["status"] == "pending"  # shown at once, before the tools run
        final = steps[-1]
        cid = final[2]
        assert cid and [s.consultation_id for s in service.list()] == [cid]
        assert all(m.metadata["status"] == "done" for m in final[1] if getattr(m, "metadata", None))
        service.start("support tickets from Slack")  # another surface's consultation
        labels = [label for label, _ in ui.earlier_choices()]
        assert len(labels) == 1 and labels[0].startswith("legal contracts in English")
        resumed = ui.load(SimpleNamespace(query_params={"c": cid}, username=None))
        assert resumed[1] == cid and resumed[0][0]["content"].startswith("legal contracts")
        other = next(s.consultation_id for s in service.list() if s.consultation_id != cid)
        with pytest.warns(UserWarning, match="No consultation"):  # gr.Warning outside a page
            assert ui.load(SimpleNamespace(query_params={"c": other}, username=None))[1] is None  # not this page's


def test_an_edited_profile_table_flows_into_the_consultation(tmp_path: Path) -> None:
    from agent.service import AdvisorService
    from knowledge.settings import Settings
    from ui.web.app import WebUI

    with AdvisorService(Settings(data_dir=tmp_path)) as service:
        ui = WebUI(service)
        reply = service.start("Legal contracts in English, 200k docs, a T4")
        rows = parts.profile_rows(reply.profile, reply.provenance)
        assert parts.edited_values(rows, reply.profile) == {}
        edited = [[f, "500k" if f == "corpus_docs" else "accelerator=L4" if f == "hardware" else v, s]
                  for f, v, s in rows]
        assert parts.edited_values(edited, reply.profile) == {"corpus_docs": "500k", "hardware": "accelerator=L4"}
        history, _, _, table, *_ = ui.edit_profile(edited, reply.consultation_id, [])
        assert "Edited:" in history[-1]["content"]
        by_field = {f: (v, s) for f, v, s in table}
        assert by_field["corpus_docs"] == ("500000", "edited") and by_field["hardware"][1] == "edited"
        assert by_field["hardware"][0].startswith("accelerator=L4")
