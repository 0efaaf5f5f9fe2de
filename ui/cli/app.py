"""The ``embedding-advisor`` command line (typer + rich); heavy libraries load inside the commands that need them."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from knowledge.errors import AdvisorError, ToolInputError
from ui.cli.exit_codes import fail

app = typer.Typer(
    name="embedding-advisor",
    help="Choose the right embedding model for your RAG system, and prove the choice on your own data.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
models_app = typer.Typer(help="Search, show and compare embedding models (catalog + published MTEB scores).",
                         no_args_is_help=True)
knowledge_app = typer.Typer(help="Rebuild and check the committed knowledge snapshots.", no_args_is_help=True)
app.add_typer(models_app, name="models")
app.add_typer(knowledge_app, name="knowledge")


def _emit_json(payload: object) -> None:
    sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n")


@models_app.command("search")
def models_search(
    language: Annotated[str | None, typer.Option(help="Language the model must support (zh, German).")] = None,
    max_params: Annotated[str | None, typer.Option(help="Largest parameter count, e.g. 600M, 7B.")] = None,
    min_context: Annotated[int | None, typer.Option(help="Smallest context window in tokens.")] = None,
    open_weights: Annotated[bool, typer.Option("--open-weights", help="Only open-weights models.")] = False,
    api: Annotated[bool, typer.Option("--api", help="Only hosted API models.")] = False,
    license: Annotated[str, typer.Option(help="'commercial' keeps licences that allow commercial use.")] = "any",
    domain: Annotated[str | None, typer.Option(help="legal, medical, code, finance, scientific, ...")] = None,
    benchmark: Annotated[str | None, typer.Option(help="Benchmark that ranks results: 'MTEB(Law, v1)'.")] = None,
    sort: Annotated[str, typer.Option(help="score | size | price")] = "score",
    limit: Annotated[int, typer.Option(help="How many models to list.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Search the catalog with filters, ranked by published score on the matching benchmark."""
    from tools.catalog.lookup import search_models
    from ui.cli.render import render_search

    if open_weights and api:
        raise fail(ToolInputError("--open-weights and --api exclude each other; give one or neither"))
    kind = "open" if open_weights else "api" if api else "any"
    try:
        result = search_models(language=language, max_params=max_params, min_context=min_context, kind=kind,
                               license=license, domain=domain, benchmark=benchmark, sort=sort, limit=limit)
    except AdvisorError as exc:
        raise fail(exc) from exc
    _emit_json(result) if as_json else render_search(result)


@models_app.command("show")
def models_show(
    name: Annotated[str, typer.Argument(help="Model name or alias, e.g. BAAI/bge-m3.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show every fact about one model with its source, and its published MTEB scores."""
    from tools.catalog.lookup import show_model
    from ui.cli.render import render_show

    try:
        result = show_model(name)
    except AdvisorError as exc:
        raise fail(exc) from exc
    _emit_json(result) if as_json else render_show(result)


@models_app.command("compare")
def models_compare(
    names: Annotated[list[str], typer.Argument(help="Two to eight model names or aliases.")],
    benchmark: Annotated[list[str] | None, typer.Option(help="Benchmark(s) to compare on (repeatable).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Compare models side by side: facts and published scores on shared benchmarks."""
    from tools.catalog.lookup import compare_models
    from ui.cli.render import render_compare

    try:
        result = compare_models(names, benchmarks=benchmark)
    except AdvisorError as exc:
        raise fail(exc) from exc
    _emit_json(result) if as_json else render_compare(result)


@knowledge_app.command("refresh")
def knowledge_refresh(
    results: Annotated[Path | None, typer.Option(help="MTEB results cache: a folder or a .tar.gz archive.")] = None,
    download: Annotated[bool, typer.Option("--download", help="Let mteb fetch the public results (network).")] = False,
    source: Annotated[str, typer.Option(help="Where the results come from, recorded in the snapshot.")] = (
        "MTEB results cache"
    ),
    out_dir: Annotated[Path | None, typer.Option(help="Where to write the snapshots (default: the package).")] = None,
) -> None:
    """Rebuild the ModelMeta and score snapshots from mteb and an MTEB results cache."""
    from rich.console import Console
    from rich.progress import Progress

    from knowledge.refresh import DATA_DIR, refresh

    logging.basicConfig(level=logging.ERROR)
    console = Console()
    try:
        with Progress(console=console, transient=True) as progress:
            bar = progress.add_task("benchmarks", total=None)

            def step(name: str, i: int, n: int) -> None:
                progress.update(bar, total=n, completed=i, description=name)

            summary = refresh(results, source, out_dir or DATA_DIR, download=download, progress=step)
    except AdvisorError as exc:
        raise fail(exc) from exc
    for key, value in summary.items():
        console.print(f"{key}: {value}")


@knowledge_app.command("check")
def knowledge_check(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Cross-check the catalog's facts (dimensions against embedding parameters, ...) and list inconsistencies."""
    from knowledge.consistency import check_catalog
    from ui.cli.render import render_findings

    findings = [f.model_dump() for f in check_catalog()]
    _emit_json(findings) if as_json else render_findings(findings)


@app.command("recommend")
def recommend_cmd(
    profile: Annotated[Path, typer.Option(help="Requirement profile, YAML or JSON (see examples/).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON object instead of the report.")] = False,
) -> None:
    """Recommend embedding models for one requirement profile: a justified, ranked short list."""
    from tools.profile.schema import load_profile_file
    from tools.rank.shortlist import rank_profile
    from ui.cli.render import render_recommendation

    try:
        result = rank_profile(load_profile_file(profile)).model_dump(mode="json")
    except AdvisorError as exc:
        raise fail(exc) from exc
    _emit_json(result) if as_json else render_recommendation(result)


@app.command("batch")
def batch_cmd(
    input_file: Annotated[Path, typer.Argument(help="Profiles: a YAML list, JSONL or CSV file.")],
    out_dir: Annotated[Path, typer.Option("-o", "--out-dir", help="Output folder.")],
    resume: Annotated[bool, typer.Option("--resume", help="Skip profiles already in recommendations.jsonl.")] = False,
) -> None:
    """Run many consultations: writes recommendations.jsonl, summary.csv and reports/<id>.md.

    Exit code 0 when every row succeeded, 1 when some rows failed (each recorded with its error),
    2 when the input file itself is unusable.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from agent.batch import run_batch
    from knowledge.settings import ensure_writable_dir

    console = Console(stderr=True)
    try:
        ensure_writable_dir(out_dir, "--out-dir", "choose")  # a read-only or full disk stops here, in one line
        with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=console) as bar:
            task = bar.add_task("profiles", total=None)
            counts = run_batch(input_file, out_dir, resume=resume,
                               progress=lambda done, total: bar.update(task, completed=done, total=total))
    except AdvisorError as exc:
        raise fail(exc) from exc
    console.print(f"{counts['ok']} ok, {counts['error']} failed, {counts['skipped']} skipped (resume); "
                  f"results in {out_dir}")
    if counts["error"]:
        raise typer.Exit(code=1)


@app.command("evaluate")
def evaluate_cmd(
    corpus: Annotated[Path, typer.Option(help="Corpus folder or file (txt md html pdf docx jsonl csv, or BEIR).")],
    out_dir: Annotated[Path, typer.Option("-o", "--out-dir", help="Where results.json, report.md and plots go.")],
    models: Annotated[str, typer.Option(help="Comma-separated: minilm, static, bm25, hybrid (RRF), hybrid-weighted, "
                                             "openai:<model>, an HF id or a local path.")] = (
        "minilm,static,bm25,hybrid"),
    queries: Annotated[Path | None, typer.Option(help="Queries (.jsonl / .csv with id and text).")] = None,
    qrels: Annotated[Path | None, typer.Option(help="Judgements (.tsv: query-id, corpus-id, score).")] = None,
    index: Annotated[str, typer.Option(help="FLAT (exact), HNSW, IVF_FLAT or IVF_SQ8.")] = "FLAT",
    milvus_uri: Annotated[str | None, typer.Option(help="A Milvus server instead of Milvus Lite.")] = None,
    milvus_token: Annotated[str | None, typer.Option(help="Token for the Milvus server.")] = None,
    n_queries: Annotated[int, typer.Option(help="Queries to generate when none are given.")] = 50,
    overlap: Annotated[float, typer.Option(help="Chunk overlap as a share of the chunk (0-0.5).")] = 0.125,
    keep_index: Annotated[bool, typer.Option(help="Keep each candidate's Milvus Lite database under the data "
                                                  "dir (deleted once measured by default).")] = False,
    frontier: Annotated[bool, typer.Option(help="Also measure each dense candidate's quality/memory frontier from the "
                                                "vectors it encoded: float32/float16/int8/binary, Matryoshka dims, "
                                                "Milvus index types (results.json: models.<candidate>.frontier).")
                        ] = False,
    full_corpus_docs: Annotated[int | None, typer.Option(help="Documents in your whole corpus, for the frontier's "
                                                              "memory, disk and cost (default: this corpus).")
                                ] = None,
    strict: Annotated[bool, typer.Option(help="Stop at an unsupported or unreadable file instead of skipping "
                                              "and listing it.")] = False,
    example_query: Annotated[list[str] | None, typer.Option(
        help="An example of your users' queries (repeatable): generated queries follow its length and words.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results JSON.")] = False,
) -> None:
    """Measure candidate models on your own documents in Milvus: nDCG, recall, MRR, MAP with 95% CIs, latency."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TimeElapsedColumn

    from knowledge.settings import Settings, ensure_writable_dir
    from tools.evaluation.retrieval_check import EvalRequest, run_retrieval_check

    settings = Settings.from_env()
    console = Console(stderr=True)
    try:
        request = EvalRequest(
            corpus=corpus, models=[m.strip() for m in models.split(",") if m.strip()], out_dir=out_dir,
            data_dir=settings.ensure_data_dir(), queries=queries, qrels=qrels,
            milvus_uri=milvus_uri or settings.milvus_uri, milvus_token=milvus_token or settings.milvus_token,
            index=index.upper(), overlap=overlap, n_generated=n_queries, keep_index=keep_index, strict=strict,
            example_queries=list(example_query or []),
            frontier=frontier, full_corpus_docs=full_corpus_docs, openai_base_url=settings.embeddings_base_url,
            openai_api_key=settings.embeddings_api_key, device=settings.device,
            embeddings_concurrency=settings.embeddings_concurrency, encode_processes=settings.encode_processes)
        ensure_writable_dir(out_dir, "--out-dir", "choose")
        with Progress("[progress.description]{task.description}", BarColumn(), TimeElapsedColumn(),
                      console=console, transient=True) as bar:
            task = bar.add_task("loading corpus", total=1.0)
            results = run_retrieval_check(
                request, progress=lambda msg, frac: bar.update(task, description=msg, completed=frac))
    except AdvisorError as exc:
        raise fail(exc) from exc
    if as_json:
        _emit_json(results)
    else:
        from ui.cli.render import render_evaluation

        render_evaluation(results, out_dir)
    if any(f.get("status") != "ok" for f in results["models"].values()):
        raise typer.Exit(code=1)


def _register_sibling_commands() -> None:
    """Commands whose functions live in their own modules (each imports its heavy libraries lazily)."""
    from ui.cli.chat import chat_cmd
    from ui.cli.jobs import jobs_app
    from ui.cli.quick import mteb_cmd, probe_cmd
    from ui.cli.serve import serve_cmd, slack_cmd
    from ui.cli.web import ui_cmd

    app.command("chat")(chat_cmd)
    app.command("mteb")(mteb_cmd)
    app.command("probe")(probe_cmd)
    app.command("serve")(serve_cmd)
    app.command("slack")(slack_cmd)
    app.command("ui")(ui_cmd)
    app.add_typer(jobs_app, name="jobs")


_register_sibling_commands()


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
