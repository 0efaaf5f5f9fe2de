"""The capabilities as LangChain tools: each plain function's Google docstring is what the LLM reads."""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

from knowledge.settings import DataLayout
from tools.catalog.lookup import compare_models, search_models, show_model
from tools.documents.uploads import require_uploaded
from tools.estimate.chunking import estimate_tokens
from tools.estimate.cost import estimate_cost
from tools.estimate.hardware_fit import hardware_fit
from tools.estimate.storage import vector_storage
from tools.rank.shortlist import recommend
from tools.rank.why_not import why_not

FUNCTIONS: tuple[Callable[..., dict[str, Any]], ...] = (
    search_models, show_model, compare_models, recommend, estimate_tokens, estimate_cost, hardware_fit,
    vector_storage, why_not,
)


def bind(fn: Callable[..., Any], **bound: Any) -> Callable[..., Any]:
    """``fn`` with some keyword arguments fixed and hidden from its signature (so the LLM never sees them)."""
    signature = inspect.signature(fn)
    hints = typing.get_type_hints(fn)

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return fn(*args, **kwargs, **bound)

    wrapper.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[p for name, p in signature.parameters.items() if name not in bound])
    wrapper.__annotations__ = {k: v for k, v in hints.items() if k not in bound}
    wrapper.__doc__ = _without_args(fn.__doc__ or "", set(bound))
    return wrapper


def _without_args(doc: str, names: set[str]) -> str:
    """A Google docstring without the ``Args:`` entries (and their continuation lines) of ``names``."""
    out: list[str] = []
    skipping_indent: int | None = None
    for line in doc.splitlines():
        indent = len(line) - len(line.lstrip())
        if skipping_indent is not None and line.strip() and indent > skipping_indent:
            continue
        skipping_indent = None
        head = line.strip().split(":", 1)[0].split(" (", 1)[0]
        if head in names and ":" in line:
            skipping_indent = indent
            continue
        out.append(line)
    return "\n".join(out)


def _within(roots: list[Path], fn: Callable[..., Any], argument: str) -> Callable[..., Any]:
    """Refuse a path argument outside ``roots`` (the LLM chooses arguments; only uploads may be read)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        require_uploaded(kwargs[argument], roots)
        return fn(*args, **kwargs)

    return wrapper


def _offline_models(roots: list[Path], fn: Callable[..., Any]) -> Callable[..., Any]:
    """Refuse model specs that would download a model or read outside ``roots`` (the LLM names the candidates)."""
    from tools.encoders.candidates import require_offline_model

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        for spec in kwargs.get("models") or []:
            require_offline_model(spec, roots)
        return fn(*args, **kwargs)

    return wrapper


def evaluation_tool(data_dir: Path, allowed_roots: list[Path], out_root: Path) -> Callable[..., dict[str, Any]]:
    """Build the agent's evaluation tool, bound to a data directory and the folders it may read corpora from."""
    import time

    from tools.evaluation.retrieval_check import EvalRequest, run_retrieval_check, summarise_results

    def evaluate_documents(corpus_path: str, models: list[str] | None = None, queries_path: str | None = None,
                           qrels_path: str | None = None) -> dict[str, Any]:
        """Measure candidate embedding models on the user's own documents (indexed in Milvus).

        Reports nDCG@10 with a 95% confidence interval, recall@10, MRR@10 and query latency per model, and
        whether the differences between models are significant. Without queries, queries are generated.

        Args:
            corpus_path: the uploaded corpus (a folder or file the user provided).
            models: candidates: "minilm", "static", "bm25", "hybrid", "openai:<model>" or a model name.
            queries_path: optional queries file (.jsonl/.csv with id and text).
            qrels_path: optional relevance judgements (.tsv: query-id, corpus-id, score).
        """
        paths = [require_uploaded(p, allowed_roots) for p in (corpus_path, queries_path, qrels_path) if p]
        out = out_root / time.strftime("%Y%m%d-%H%M%S")
        request = EvalRequest(corpus=paths[0], models=models or ["minilm", "static", "bm25", "hybrid"], out_dir=out,
                              data_dir=data_dir, queries=Path(queries_path) if queries_path else None,
                              qrels=Path(qrels_path) if qrels_path else None)
        return {**summarise_results(run_retrieval_check(request)), "report": str(out / "report.md")}

    return evaluate_documents


def data_functions(data_dir: Path, allowed_roots: list[Path], openai_base_url: str | None = None,
                   openai_api_key: str | None = None) -> list[Callable[..., dict[str, Any]]]:
    """The capabilities that load models or read uploads, bound to a data directory and endpoint settings."""
    from tools.benchmarks.quick_mteb import quick_mteb
    from tools.evaluation.frontier_tool import frontier_tool
    from tools.probes.tokenization import tokenization_report
    from tools.probes.vector_probes import probe_alignment, probe_consistency, probe_robustness

    endpoint = {"openai_base_url": openai_base_url, "openai_api_key": openai_api_key}
    return [_offline_models(allowed_roots, fn) for fn in (
        bind(quick_mteb, data_dir=data_dir, **endpoint),
        bind(probe_alignment, data_dir=data_dir, **endpoint),
        bind(probe_robustness, data_dir=data_dir, **endpoint),
        bind(probe_consistency, data_dir=data_dir, **endpoint),
        _within(allowed_roots, bind(tokenization_report, data_dir=data_dir), "corpus"),
        evaluation_tool(data_dir, allowed_roots, DataLayout(data_dir).evaluations),
    )] + [_offline_model(allowed_roots, frontier_tool(data_dir, allowed_roots, DataLayout(data_dir).evaluations))]


def _offline_model(roots: list[Path], fn: Callable[..., Any]) -> Callable[..., Any]:
    """Refuse a single ``model`` argument that would download a model or read outside ``roots``."""
    from tools.encoders.candidates import require_offline_model

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        require_offline_model(kwargs.get("model", "minilm"), roots)
        return fn(*args, **kwargs)

    return wrapper


def langchain_tools(data_dir: Path | None = None, allowed_roots: list[Path] | None = None,
                    openai_base_url: str | None = None, openai_api_key: str | None = None) -> list[Any]:
    """Wrap every capability as a LangChain ``StructuredTool`` (imports langchain_core only when called).

    Without ``data_dir`` only the knowledge tools are returned; with it, also quick MTEB runs, the probes,
    tokenization diagnostics and evaluation on uploaded documents (reading only under ``allowed_roots``).
    """
    from langchain_core.tools import StructuredTool

    functions = list(FUNCTIONS)
    if data_dir is not None:
        roots = allowed_roots or [DataLayout(data_dir).uploads]
        functions += data_functions(data_dir, roots, openai_base_url, openai_api_key)
    return [StructuredTool.from_function(fn, parse_docstring=True) for fn in functions]
