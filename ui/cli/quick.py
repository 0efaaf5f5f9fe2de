"""The ``mteb`` and ``probe`` commands (registered in ui/cli/app.py): quick MTEB runs and probes as rich tables."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from knowledge.errors import AdvisorError, InvalidFilterError, ToolInputError
from ui.cli.exit_codes import fail

PROBES = ("alignment", "robustness", "consistency", "tokenization")


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _where() -> dict[str, Any]:
    """Data dir and embeddings endpoint from the environment; the libraries' chatter kept off the terminal."""
    from knowledge.settings import Settings

    settings = Settings.from_env()
    data_dir = settings.ensure_data_dir()  # before the slow imports: a read-only or full disk fails at once
    logging.basicConfig(level=settings.log_level)
    # Progress bars and load reports of the model libraries would drown the tables (they go to stderr anyway).
    import datasets
    import transformers

    transformers.logging.set_verbosity_error()
    datasets.disable_progress_bars()
    return {"data_dir": data_dir, "openai_base_url": settings.embeddings_base_url,
            "openai_api_key": settings.embeddings_api_key}


def _emit_json(payload: object) -> None:
    sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n")


def _n(value: Any, digits: int = 3) -> str:
    if value is None:
        return "-"
    return f"{value:.{digits}f}" if isinstance(value, float) else str(value)


def mteb_cmd(
    models: Annotated[str, typer.Option(help="Comma-separated candidates: minilm, static, openai:<model>, "
                                             "a Hugging Face id or a local path.")] = "minilm",
    suite: Annotated[str | None, typer.Option(help="Bundled suite (offline): quick-general, quick-legal, "
                                                   "quick-medical, quick-code, quick-zh, quick-multilingual, "
                                                   "quick-long, quick-all.")] = None,
    tasks: Annotated[str | None, typer.Option(help="Comma-separated MTEB task names (e.g. NanoFiQA2018Retrieval; "
                                                   "data online or in the HF cache) or bundled task names.")] = None,
    time_budget: Annotated[float, typer.Option(help="Seconds the evaluation may take.")] = 300,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the plan and time estimate; run nothing.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
) -> None:
    """Run MTEB retrieval tasks (bundled suites offline) on candidate models within a time budget.

    Estimates the time first from the tasks' sizes and each model's throughput measured here; over the budget it
    runs the most specific tasks that fit, or refuses. Results are cached by mteb under the data dir
    (mteb-cache/), and compared with the published MTEB ranking (Spearman / Kendall).
    """
    from tools.benchmarks.quick_mteb import quick_mteb

    try:
        result = quick_mteb(_split(models), suite=suite, tasks=_split(tasks) or None, time_budget_s=time_budget,
                            estimate_only=dry_run, **_where())
    except AdvisorError as exc:
        raise fail(exc) from exc
    if as_json:
        _emit_json(result)
    else:
        _render_mteb(result)
    if result["plan"]["status"] == "refused":
        raise typer.Exit(code=1)


def _render_mteb(result: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    plan = result["plan"]
    if not result["results"]:
        table = Table(title=f"Plan ({plan['status']}): estimated seconds per model and task")
        for col in ("model", "task", "docs", "queries", "tokens", "estimate s", "cached"):
            table.add_column(col, overflow="fold")
        for row in plan["estimates"]:
            table.add_row(row["model"], row["task"], str(row["n_docs"]), str(row["n_queries"]), str(row["tokens"]),
                          _n(row["estimate_s"], 1), "yes" if row["cached"] else "")
        console.print(table)
    console.print(f"[bold]plan:[/] {escape(plan['message'])}", highlight=False)
    if not result["results"]:
        return
    table = Table(title="Quick MTEB: nDCG@10 per model and task")
    for col in ("model", "task", "nDCG@10", "recall@10", "actual s", "estimate s", "actual / estimate"):
        table.add_column(col, overflow="fold")
    for row in result["results"]:
        timing = "cached" if row["cached"] else _n(row.get("actual_over_estimate"), 2)
        table.add_row(row["model"], row["task"], _n(row.get("ndcg_at_10"), 4), _n(row.get("recall_at_10"), 4),
                      _n(row["actual_s"], 1), _n(row["estimate_s"], 1), row.get("error", timing))
    console.print(table)
    transfer = result.get("transfer")
    if transfer:
        if transfer["rows"]:
            table = Table(title=f"Leaderboard transfer: {transfer['benchmark']}")
            for col in ("model", "measured", "rank", "published", "rank"):
                table.add_column(col)
            for row in transfer["rows"]:
                table.add_row(row["model"], _n(row["measured"], 4), str(row["measured_rank"]),
                              _n(row["published"], 4), str(row["published_rank"]))
            console.print(table)
        console.print(f"[bold]leaderboard transfer:[/] {escape(transfer['reading'])}", highlight=False)


def probe_cmd(
    probe: Annotated[str, typer.Argument(help="alignment | robustness | consistency | tokenization")],
    models: Annotated[str, typer.Option(help="Comma-separated candidates: minilm, static, openai:<model>, "
                                             "a Hugging Face id or a local path.")] = "minilm,static",
    corpus: Annotated[Path | None, typer.Option(help="Your corpus (folder or file); tokenization only.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
) -> None:
    """Probe candidate models: multilingual alignment, robustness to small edits, semantic consistency, tokenization.

    Each probe prints its numbers and a one-line reading per model. Tokenization runs on your corpus (--corpus).
    """
    from tools.probes import vector_probes as probes
    from tools.probes.tokenization import tokenization_report

    try:
        if probe not in PROBES:
            raise InvalidFilterError("probe", probe, PROBES)
        if probe == "tokenization":
            if corpus is None:
                raise ToolInputError("the tokenization probe needs --corpus PATH (a folder or file of your documents)")
            result = tokenization_report(_split(models), corpus, data_dir=_where()["data_dir"])
        else:
            run = {"alignment": probes.probe_alignment, "robustness": probes.probe_robustness,
                   "consistency": probes.probe_consistency}[probe]
            result = run(_split(models), **_where())
    except AdvisorError as exc:
        raise fail(exc) from exc
    if as_json:
        _emit_json(result)
        return
    {"alignment": _render_alignment, "robustness": _render_robustness, "consistency": _render_consistency,
     "tokenization": _render_tokenization}[probe](result)


def _readings(console: Any, result: dict[str, Any]) -> None:
    for reading in result["readings"]:
        console.print(f"- {reading}", highlight=False, markup=False)


def _render_alignment(result: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title="Multilingual alignment with English: true vs random pairs, accuracy@1 both ways")
    for col in ("model", "level", "lang", "true cos", "random cos", "gap", "acc@1 eng->xx", "acc@1 xx->eng"):
        table.add_column(col, overflow="fold")
    for model in result["models"]:
        for level in ("words", "sentences"):
            for lang, v in model[level]["languages"].items():
                table.add_row(model["model"], level, lang, _n(v["true_pair_cosine"]), _n(v["random_pair_cosine"]),
                              _n(v["gap"]), _n(v["acc_at_1_eng_to_xx"]), _n(v["acc_at_1_xx_to_eng"]))
    console.print(table)
    _readings(console, result)


def _render_robustness(result: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title="Robustness: cosine to the original and top-10 pool neighbours kept, by kind of edit")
    for col in ("model", "edit", "should", "n", "mean cos", "min cos", "top-10 kept", "top-10 changed"):
        table.add_column(col, overflow="fold")
    for model in result["models"]:
        for should, groups in (("stay", model["preserving_by_kind"]), ("move", model["controls_by_change"])):
            for kind, g in groups.items():
                table.add_row(model["model"], kind, should, str(g["n"]), _n(g["mean_cosine"]), _n(g["min_cosine"]),
                              _n(g["mean_top10_overlap"], 2), f"{g['share_top10_changed']:.0%}")
    console.print(table)
    flagged = Table(title="Flagged: large swings (should stay) and controls that did not move")
    for col in ("model", "flag", "id", "edit", "cosine", "top-10 kept", "original -> variant"):
        flagged.add_column(col, overflow="fold")
    for model in result["models"]:
        for flag, rows in (("swing", model["large_swings"]), ("stuck", model["stuck_controls"])):
            for row in rows:
                flagged.add_row(model["model"], flag, row["id"], row["kind"], _n(row["cosine"]),
                                _n(row["top10_overlap"], 1), f"{row['original']} -> {row['variant']}")
    console.print(flagged)
    _readings(console, result)


def _render_consistency(result: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title="Local semantic consistency: intrusion rate among the 5 nearest items (0 is perfect)")
    kinds = sorted({k for m in result["models"] for k in m["intrusion_rate_by_kind"]})
    for col in ("model", "overall", *kinds):
        table.add_column(col)
    for model in result["models"]:
        table.add_row(model["model"], _n(model["intrusion_rate"]),
                      *(_n(model["intrusion_rate_by_kind"].get(k)) for k in kinds))
    console.print(table)
    _readings(console, result)


def _render_tokenization(result: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    langs = ", ".join(f"{k} {v}" for k, v in result["languages"].items())
    console.print(f"Tokenization on {result['corpus']}: {result['docs_sampled']} of {result['docs_total']} documents; "
                  f"languages (detected): {langs}", highlight=False)
    table = Table(title="Tokenizers")
    for col in ("model", "source", "family", "vocab", "unknown", "window", "over window", "tokens/doc"):
        table.add_column(col, overflow="fold")
    per_lang = Table(title="Tokens per word (per character where words are not spaced) and unknown tokens")
    for col in ("model", "lang", "docs", "tokens/unit", "unit", "unknown"):
        per_lang.add_column(col, overflow="fold")
    for row in result["models"]:
        if "error" in row:
            table.add_row(row["model"], f"not loadable: {row['error']}", "-", "-", "-", "-", "-", "-")
            continue
        source = "ESTIMATE" if row["source"].startswith("ESTIMATE") else row["source"]
        table.add_row(row["model"], source, str(row["family"]), _n(row["vocab_size"]), _pct(row["unknown_token_rate"]),
                      _n(row["context_window"]), f"{row['share_docs_over_window']:.0%}",
                      _n(row["tokens_per_doc_mean"], 0))
        for lang, v in row["by_language"].items():
            per_lang.add_row(row["model"], lang, str(v["docs"]), _n(v["tokens_per_unit"], 2), v["unit"],
                             _pct(v["unknown_rate"]))
    console.print(table)
    console.print(per_lang)
    _readings(console, result)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.2%}"
