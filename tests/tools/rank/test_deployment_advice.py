"""Issue 15's suite: realistic consultations whose advice must survive deployment (tests/tools/rank/consultations.yaml).

Every case is checked for the invariants (no pick whose first indexing exceeds the limit, monthly compute within the
month, schema dims equal to the model's output, index memory within the budget or an explicit "nothing fits", prefixes
present where the catalog has them, "why not X" for a rejected and a lower-ranked model); some cases add their own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.catalog import default_catalog
from tools.profile.schema import parse_profile
from tools.rank.shortlist import rank_profile
from tools.rank.why_not import why_not

CASES = yaml.safe_load((Path(__file__).parent / "consultations.yaml").read_text(encoding="utf-8"))
IDS = [c["profile"]["id"] for c in CASES]


@pytest.fixture(scope="module")
def answers() -> dict[str, dict[str, Any]]:
    return {c["profile"]["id"]: rank_profile(parse_profile(c["profile"])).model_dump(mode="json") for c in CASES}


def _case(case_id: str) -> dict[str, Any]:
    return next(c for c in CASES if c["profile"]["id"] == case_id)


def test_suite_is_big_enough():
    assert len(CASES) >= 15


@pytest.mark.parametrize("case_id", IDS)
def test_first_indexing_and_monthly_compute_within_limits(answers, case_id):
    result = answers[case_id]
    limits = result["limits"]
    assert result["recommendations"] or result["what_would_change"], "no pick and no way out"
    for rec in result["recommendations"]:
        compute = rec["compute"]
        assert compute["first_indexing_days"] <= limits["first_indexing_days"], (rec["model"], compute)
        if compute["monthly_compute_hours"] is not None:
            assert compute["monthly_compute_hours"] <= limits["monthly_compute_hours"], (rec["model"], compute)
        assert rec["headline"].startswith("first indexing: "), rec["headline"]
        assert compute["formula"]


@pytest.mark.parametrize("case_id", IDS)
def test_schema_dims_match_model_output(answers, case_id):
    for rec in answers[case_id]["recommendations"]:
        card = default_catalog().get(rec["model"])
        plan = rec["vector_plan"]
        dense = [f for f in rec["milvus"]["fields"] if f["field_name"] == "dense"]
        if card.family == "sparse":
            assert not dense and plan["dims"] is None
            continue
        assert dense and dense[0]["dim"] == plan["dims"] == rec["dims"], rec["model"]
        if plan["dims"] != card.embed_dim:  # a cut is an explicit, supported Matryoshka option with its cost stated
            assert plan["truncated_from"] == card.embed_dim and plan["dims"] in (card.output_dimensions or [])
            assert plan["quality_cost"]
        expected_type = {"float32": "FLOAT_VECTOR", "float16": "FLOAT16_VECTOR", "int8": "INT8_VECTOR",
                         "binary": "BINARY_VECTOR"}[plan["dtype"]]
        assert dense[0]["datatype"] == expected_type


@pytest.mark.parametrize("case_id", IDS)
def test_index_memory_within_budget_or_nothing_fits(answers, case_id):
    result = answers[case_id]
    for rec in result["recommendations"]:
        plan = rec["vector_plan"]
        assert plan["memory_budget_gb"] > 0
        if plan["fits"]:
            assert plan["memory_gb"] <= plan["memory_budget_gb"] + 1e-9, (rec["model"], plan)
        else:
            assert "nothing fits" in plan["note"] and "would" in plan["note"], plan["note"]
        index = next(i for i in rec["milvus"]["index_params"] if i["field_name"] in ("dense", "sparse"))
        assert index["index_type"] == plan["index_type"]


@pytest.mark.parametrize("case_id", IDS)
def test_prefixes_present_where_the_catalog_has_them(answers, case_id):
    for rec in answers[case_id]["recommendations"]:
        card = default_catalog().get(rec["model"])
        prefixes = rec["prefixes"]
        if card.query_prefix:
            assert prefixes["query"] == card.query_prefix
        if card.document_prefix:
            assert prefixes["document"] == card.document_prefix


@pytest.mark.parametrize("case_id", IDS)
def test_why_not_a_rejected_and_a_lower_ranked_model(answers, case_id):
    result = answers[case_id]
    profile = _case(case_id)["profile"]
    if result["rejected"]:
        name = result["rejected"][0]["model"]
        answer = why_not(name, profile)
        assert answer["status"] == "rejected" and any(ch.isdigit() for ch in answer["sentence"]), answer
        assert answer["sentence"].count(". ") <= 1
    lower = result.get("runners_up") or []
    if lower:
        answer = why_not(lower[0]["model"], profile)
        assert answer["status"] == "lower_ranked", answer
        first = result["recommendations"][-1]["model"]
        assert first.split("/")[-1] in answer["sentence"] and any(ch.isdigit() for ch in answer["sentence"])


def test_data_on_prem_is_why_not_the_api():
    case = _case("de-legal-archive-32core")
    answer = why_not(case["expect"]["why_not_api"], case["profile"])
    assert answer["status"] == "rejected" and "leave your servers" in answer["sentence"]


def test_x_vs_y_names_both_with_numbers(answers):
    result = answers["fr-general-16core"]
    recs = result["recommendations"]
    answer = why_not(recs[-1]["model"], _case("fr-general-16core")["profile"], versus=recs[0]["model"])
    assert recs[0]["model"].split("/")[-1] in answer["sentence"] and recs[-1]["model"].split("/")[-1] in answer[
        "sentence"]


@pytest.mark.parametrize("case_id", [c["profile"]["id"] for c in CASES if c.get("expect", {}).get("reranker")])
def test_precision_critical_profiles_get_a_reranker(answers, case_id):
    for rec in answers[case_id]["recommendations"]:
        rr = rec["reranker"]
        assert rr and rr["model"] and rr["latency_ms_p95"] > 0 and rr["monthly_usd"] is not None, rec["model"]


def test_learned_sparse_model_is_costed_as_a_model():
    case = _case("learned-sparse-support-en")
    answer = why_not(case["expect"]["learned_sparse"], case["profile"])
    plan = answer["plan"]
    assert plan["compute"]["tokens_per_s"] < 1e6  # a 110M-parameter encoder, not BM25's analyzer
    assert plan["chunking"]["model_window"] == 512
    fields = {f["field_name"]: f for f in plan["milvus"]["fields"]}
    assert fields["sparse"]["datatype"] == "SPARSE_FLOAT_VECTOR"
    assert not any(fn["function_type"] == "BM25" for fn in plan["milvus"]["functions"])
    sparse_index = next(i for i in plan["milvus"]["index_params"] if i["field_name"] == "sparse")
    assert sparse_index["metric_type"] == "IP"


def test_query_length_comes_from_the_profile(answers):
    result = answers["api-multilingual-catalog-10-languages"]
    assert result["limits"]["query_tokens"] == 6
    for rec in result["recommendations"]:
        assert any("6 tokens" in a for a in rec["cost"]["assumptions"])


def test_one_time_cost_is_checked_against_the_budget(answers):
    result = answers["budget-50-big-first-pass"]
    for rec in result["recommendations"]:
        assert rec["one_time_cost_usd"] <= 50
    answer = why_not("text-embedding-3-large", _case("budget-50-big-first-pass")["profile"])
    assert answer["status"] == "rejected" and "once" in answer["sentence"] and "$50" in answer["sentence"], answer


def test_arm_board_is_not_costed_as_a_cloud_cpu(answers):
    result = answers["raspberry-pi-arm"]
    x86 = rank_profile(parse_profile({**_case("raspberry-pi-arm")["profile"],
                                           "hardware": {"accelerator": "none", "cpu_cores": 4, "ram_gb": 8}}))
    for rec in result["recommendations"]:
        assert "arm" in rec["compute"]["where"].lower()
    arm_speed = {r["model"]: r["compute"]["tokens_per_s"] for r in result["recommendations"]}
    x86_speed = {r.model: r.compute["tokens_per_s"] for r in x86.recommendations}
    assert any(arm_speed[m] < x86_speed[m] for m in arm_speed if m in x86_speed)


def test_rented_hardware_is_priced_and_owned_is_time(answers):
    for rec in answers["eu-support-rented-4core"]["recommendations"]:
        if rec["kind"] == "open":
            assert not rec["compute"]["owned"] and rec["compute"]["rented_once_usd"] is not None
    for rec in answers["t4-edge-box"]["recommendations"]:
        assert rec["compute"]["owned"] and "time" in rec["compute"]["cost_note"]


def test_hosting_line_for_every_pick(answers):
    for result in answers.values():
        for rec in result["recommendations"]:
            assert rec["hosting"]["usd_month"] >= 0 and rec["hosting"]["formula"]


def test_small_corpus_keeps_native_dims(answers):
    for rec in answers["small-faq-cpu"]["recommendations"]:
        assert rec["vector_plan"]["truncated_from"] is None
