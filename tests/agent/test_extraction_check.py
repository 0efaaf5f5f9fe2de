"""LLM mode: the structured extraction is held to the rules of the offline reading of the same message."""

from __future__ import annotations

from agent.extraction_check import check_extraction
from agent.understanding import Understanding, understand


def _llm(**updates) -> Understanding:
    return Understanding(updates=dict(updates), corrected=set(updates))


def test_a_stated_field_changes_only_when_the_message_names_it():
    stated = {"queries_per_month": 600, "data_must_stay_on_prem": True}
    text = "no wait, 600 is wrong ... roughly 130k"
    rules = understand(text, "data_must_stay_on_prem", stated)
    checked = check_extraction(_llm(queries_per_month=130_000, data_must_stay_on_prem=False), rules, text, stated)
    assert checked.updates == {"queries_per_month": 130_000}  # the on-prem answer was not named: kept as it was


def test_ambiguous_figures_skips_and_growth_follow_the_rules():
    text = "2,000 a month"
    checked = check_extraction(_llm(budget_usd_month=2000.0), understand(text), text, {})
    assert checked.updates == {} and checked.confirm["value"] == 2000
    checked = check_extraction(_llm(corpus_docs=0), understand("no idea", "corpus_docs"), "no idea", {})
    assert checked.updates == {}
    text = "growing by maybe 2,000 a month"
    checked = check_extraction(_llm(corpus_docs=2000), understand(text, None, {"corpus_docs": 40_000}), text,
                               {"corpus_docs": 40_000})
    assert checked.updates == {} and checked.growth_docs_month == 2000


def test_a_named_change_goes_through():
    stated = {"hardware": {"accelerator": "T4"}}
    text = "actually we have an L4 now"
    checked = check_extraction(_llm(hardware={"accelerator": "L4"}), understand(text, None, stated), text, stated)
    assert checked.updates == {"hardware": {"accelerator": "L4"}}


def test_a_figure_the_rules_place_elsewhere_is_not_taken_for_another_field():
    text = "growing by maybe 2,000 a month"
    checked = check_extraction(_llm(budget_usd_month=2000.0), understand(text, "budget_usd_month", {}), text, {})
    assert checked.updates == {} and checked.growth_docs_month == 2000
    text = "1M tickets, 50k queries a month"
    checked = check_extraction(_llm(corpus_docs=50_000, queries_per_month=50_000), understand(text), text, {})
    assert checked.updates == {"queries_per_month": 50_000}
    text = "we add 2,000 docs a month and can spend 500 a month"
    checked = check_extraction(_llm(budget_usd_month=500.0, queries_per_month=2000), understand(text), text, {})
    assert checked.updates == {"budget_usd_month": 500.0}


def test_the_table_of_model_mistakes_leaves_no_silent_wrong_fill():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "bench" / "llm_extraction_check.py"
    spec = importlib.util.spec_from_file_location("llm_extraction_check", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    cases = bench.load_cases()
    assert len(cases) >= 36
    unchecked = bench.score(cases, None)
    checked = bench.score(cases, check_extraction)
    assert unchecked["wrong_fills"] >= 20  # the table holds the mistakes models make
    assert checked["wrong_fills"] == 0, checked["bad"]
    assert checked["right"] == checked["expected"]  # and no right value is thrown away


def test_a_zero_nobody_said_is_not_stored_but_a_said_one_is():
    checked = check_extraction(_llm(queries_per_month=0), understand("just recommend"), "just recommend", {})
    assert checked.updates == {}
    text = "we cannot spend anything on this"
    checked = check_extraction(_llm(budget_usd_month=0.0), understand(text, "budget_usd_month"), text, {})
    assert checked.updates == {"budget_usd_month": 0.0}
