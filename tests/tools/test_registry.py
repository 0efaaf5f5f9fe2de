from __future__ import annotations

import json

import pytest

from knowledge.errors import ToolInputError
from tools.langchain_tools import FUNCTIONS, langchain_tools

TOOLS = {t.name: t for t in langchain_tools()}


def test_every_capability_is_a_tool_with_a_described_schema():
    assert set(TOOLS) == {fn.__name__ for fn in FUNCTIONS}
    for tool in TOOLS.values():
        assert len(tool.description) > 40
        for name, prop in tool.args_schema.model_json_schema()["properties"].items():
            assert prop.get("description"), f"{tool.name}.{name} has no description for the LLM"


@pytest.mark.parametrize(
    ("name", "args", "check"),
    [
        ("show_model", {"model": "BAAI/bge-m3"}, lambda r: r["name"] == "BAAI/bge-m3"),
        ("search_models", {"language": "zh", "limit": 3}, lambda r: len(r["models"]) == 3),
        ("compare_models", {"models": ["bge-m3", "multilingual-e5-large"]}, lambda r: len(r["models"]) == 2),
        ("estimate_tokens", {"doc_length_tokens": 6000, "corpus_docs": 1000}, lambda r: r["n_vectors"] > 1000),
        ("estimate_cost", {"model": "text-embedding-3-large", "corpus_docs": 10_000_000, "doc_length_tokens": 500,
                           "queries_per_month": 1_000_000},
         lambda r: r["estimate"]["one_time_usd"] > 600),
        ("hardware_fit", {"model": "BAAI/bge-m3", "accelerator": "T4"}, lambda r: r["fits"]),
        ("vector_storage", {"n_vectors": 1_000_000, "dims": 1024}, lambda r: r["estimate"]["raw_vector_bytes"] > 4e9),
        ("recommend", {"profile": {"languages": ["zh"], "top_k": 2}}, lambda r: len(r["recommendations"]) == 2),
    ],
)
def test_tools_run_and_return_json(name, args, check):
    result = TOOLS[name].invoke(args)
    json.dumps(result)
    assert check(result)


def test_caller_errors_surface_as_tool_input_errors():
    with pytest.raises(ToolInputError, match="Did you mean"):
        TOOLS["show_model"].invoke({"model": "bge-m4"})
    with pytest.raises(ToolInputError, match="corpus_docs"):
        TOOLS["recommend"].invoke({"profile": {"corpus_docs": -1}})


def test_data_tools_hide_bound_arguments_and_guard_paths(tmp_path):
    tools = {t.name: t for t in langchain_tools(data_dir=tmp_path, allowed_roots=[tmp_path / "uploads"])}
    assert {"quick_mteb", "probe_alignment", "probe_robustness", "probe_consistency", "tokenization_report",
            "evaluate_documents"} <= set(tools)
    for name in ("quick_mteb", "probe_alignment", "tokenization_report", "evaluate_documents"):
        properties = tools[name].args_schema.model_json_schema()["properties"]
        assert not {"data_dir", "openai_base_url", "openai_api_key"} & set(properties), name
        assert all(p.get("description") for p in properties.values()), name
    with pytest.raises(ToolInputError, match="only uploaded documents"):
        tools["tokenization_report"].invoke({"models": ["minilm"], "corpus": "/etc/passwd"})
    plan = tools["quick_mteb"].invoke({"models": ["minilm"], "suite": "quick-legal", "estimate_only": True})
    json.dumps(plan)
