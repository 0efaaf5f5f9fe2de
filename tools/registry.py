"""The capabilities as LangChain tools: each plain function's Google docstring is what the LLM reads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tools.chunking import estimate_tokens
from tools.cost import estimate_cost
from tools.hardware_fit import hardware_fit
from tools.model_catalog import compare_models, search_models, show_model
from tools.recommend import recommend
from tools.storage import vector_storage

FUNCTIONS: tuple[Callable[..., dict[str, Any]], ...] = (
    search_models, show_model, compare_models, recommend, estimate_tokens, estimate_cost, hardware_fit,
    vector_storage,
)


def langchain_tools() -> list[Any]:
    """Wrap every capability as a LangChain ``StructuredTool`` (imports langchain_core only when called)."""
    from langchain_core.tools import StructuredTool

    return [StructuredTool.from_function(fn, parse_docstring=True) for fn in FUNCTIONS]
