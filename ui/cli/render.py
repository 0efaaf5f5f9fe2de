"""Rich rendering of tool results for the terminal; no logic beyond formatting."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

console = Console()


def _num(value: Any, digits: int = 4) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    if isinstance(value, int) and abs(value) >= 10_000:
        return _short_count(value)
    return str(value)


def _short_count(n: int) -> str:
    for unit, size in (("B", 1e9), ("M", 1e6), ("k", 1e3)):
        if n >= size:
            return f"{n / size:.1f}{unit}".replace(".0", "")
    return str(n)


def _value(value: Any) -> str:
    if isinstance(value, list):
        text = ", ".join(str(v) for v in value[:30])
        return text + (f" ... (+{len(value) - 30})" if len(value) > 30 else "")
    if isinstance(value, str) and value == "":
        return '"" (none)'
    if isinstance(value, str) and value != value.strip():
        return repr(value)
    if isinstance(value, bool) or value is None:
        return str(value) if value is not None else "-"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.6g}"
    return str(value)


def render_search(result: dict[str, Any]) -> None:
    """Print a search result as a table."""
    table = Table(title=f"{result['matched']} models match; scores: {result['benchmark']}", show_lines=False)
    for col in ("model", "kind", "family", "params", "context", "dim", "licence", "$/1M tok", "score", "tasks",
                "zero-shot"):
        table.add_column(col, overflow="fold")
    for m in result["models"]:
        tasks = f"{m['tasks_scored']}/{m['tasks_total']}" if m["tasks_total"] else "-"
        zero_shot = "-" if m["zero_shot"] is None else f"{m['zero_shot']}%"
        table.add_row(m["name"], m["kind"], m["family"], _num(m["n_parameters"]), _num(m["max_tokens"]),
                      _num(m["embed_dim"]), m["license"] or "-", _num(m["price_usd_per_1m_tokens"], 3),
                      _num(m["score"]), tasks, zero_shot)
    console.print(table)
    console.print(f"[dim]score = {result['benchmark']} retrieval mean where known (else the overall mean); "
                  f"tasks = the tasks behind the score; source: {result['source']}[/]")


def render_show(result: dict[str, Any]) -> None:
    """Print one model card: facts with sources, then published scores."""
    console.print(f"[bold]{result['name']}[/]  ({result['kind']}, {result['family']})"
                  + (f"  aliases: {', '.join(result['aliases'])}" if result["aliases"] else ""))
    facts = Table(show_header=True, header_style="bold")
    for col in ("fact", "value", "source"):
        facts.add_column(col, overflow="fold")
    for fact in result["facts"]:
        source = fact["source"] + (f" (checked {fact['checked_on']})" if fact["checked_on"] else "")
        if fact["note"]:
            source += f" - {fact['note']}"
        facts.add_row(fact["field"], _value(fact["value"]), source)
    console.print(facts)
    if not result["scores"]:
        console.print("No published MTEB scores in the snapshot.")
        return
    scores = Table(title="Published MTEB scores", header_style="bold")
    for col in ("benchmark", "retrieval mean", "retrieval tasks", "mean (task)", "tasks", "zero-shot", "rank"):
        scores.add_column(col)
    for s in result["scores"]:
        retrieval = _num(s["retrieval_mean"]) if s["retrieval_mean"] is not None else (
            f"({_num(s['retrieval_mean_available'])})" if s["retrieval_mean_available"] is not None else "-")
        mean = _num(s["mean_task"]) if s["mean_task"] is not None else f"({_num(s['mean_available'])})"
        rank = f"{s['rank']}/{s['n_ranked']}" if s["rank"] else "-"
        zero = "-" if s["zero_shot_pct"] is None else f"{s['zero_shot_pct']}%"
        scores.add_row(s["benchmark"], retrieval, s["retrieval_tasks"], mean, s["tasks"], zero, rank)
    console.print(scores)
    console.print(f"[dim]( ) = mean over the scored tasks only. {result['scores_note']}\nsource: "
                  f"{result['scores_source']}[/]")


def render_compare(result: dict[str, Any]) -> None:
    """Print a side-by-side comparison."""
    table = Table(title="Comparison", show_lines=True)
    table.add_column("")
    for name in result["models"]:
        table.add_column(name, overflow="fold")
    for row in result["facts"]:
        table.add_row(row["field"], *[_value(v) for v in row["values"]])
    for row in result["scores"]:
        cells = [f"{_num(v)}\n[dim]{k}, {t} tasks[/]" if v is not None else "-"
                 for v, k, t in zip(row["values"], row["kinds"], row["tasks"], strict=True)]
        table.add_row(row["benchmark"], *cells)
    console.print(table)
    console.print(f"[dim]scores source: {result['scores_source']}[/]")


def render_findings(findings: list[dict[str, Any]]) -> None:
    """Print consistency findings."""
    table = Table(title=f"{len(findings)} inconsistencies found", show_lines=False)
    for col in ("severity", "check", "model", "detail"):
        table.add_column(col, overflow="fold")
    for f in findings:
        table.add_row(f["severity"], f["check"], f["model"], f["detail"])
    console.print(table)


def render_recommendation(result: dict[str, Any]) -> None:
    """Print a recommendation: short list, reasons, caveats, rejected models and what would change."""
    console.print(f"[bold]Recommendation for {escape(str(result['id']))}[/]")
    if result["assumed_defaults"]:
        assumed = "; ".join(f"{k}: {v}" for k, v in result["assumed_defaults"].items())
        console.print(f"[dim]Assumed defaults: {escape(assumed)}[/]")
    console.print("Benchmarks: " + "; ".join(f"{b['name']} ({b['reason']})" for b in result["benchmarks"]),
                  markup=False)
    evidence = result.get("evidence")
    if evidence:
        extra = [f"{b['name']} ({b['role']})" for b in (evidence.get("domain_board"), evidence.get("long_board")) if b]
        console.print(f"Evidence: {evidence['board']}, {len(evidence['tasks'])} retrieval tasks in "
                      f"{', '.join(evidence['languages'])}; {evidence['reason']}"
                      + (f"; also {', '.join(extra)}" if extra else ""), markup=False, highlight=False)
        for note in evidence.get("notes", []):
            console.print(f"  ! {note}", markup=False, highlight=False)
    table = Table(title="Short list", show_lines=False)
    for col in ("rank", "model", "kind", "score", "benchmark score", "$/month", "once", "dims", "context"):
        table.add_column(col, overflow="fold")
    for rec in result["recommendations"]:
        bench = f"{_num(rec['benchmark_score'])}\n[dim]{rec['benchmark']}, {rec['benchmark_coverage']}[/]" \
            if rec["benchmark"] else "-"
        table.add_row(str(rec["rank"]), rec["model"], rec["kind"], f"{rec['score']:.3f}", bench,
                      f"${rec['estimated_cost_usd_month']:,.2f}", f"${rec['one_time_cost_usd']:,.2f}",
                      _num(rec["dims"]), _num(rec["max_tokens"]) if rec["max_tokens"] else "unlimited")
    console.print(table)
    if not result["recommendations"]:
        console.print("[bold red]No model meets every constraint.[/] See what was ruled out and what would change.")
    for rec in result["recommendations"]:
        console.print(f"\n[bold]{rec['rank']}. {rec['model']}[/]  score {rec['score']:.3f}")
        if rec.get("headline"):
            console.print(f"  [bold]{escape(rec['headline'])}[/]", highlight=False)
        for reason in rec["reasons"]:
            console.print(f"  - {reason}", highlight=False, markup=False)
        for caveat in rec["caveats"]:
            console.print(f"  [yellow]! {escape(caveat)}[/]", highlight=False)
    if result["rejected"]:
        console.print("\n[bold]Ruled out[/]")
        for r in result["rejected"]:
            console.print(f"  - {r['model']}: {'; '.join(r['reasons'])}", highlight=False, markup=False)
    if result["what_would_change"]:
        console.print("\n[bold]What would change the answer[/]")
        for line in result["what_would_change"]:
            console.print(f"  - {line}", highlight=False, markup=False)
    console.print("\n[dim]Weights: " + ", ".join(f"{k} {v:.2f}" for k, v in result["weights"].items()) + "[/]")


def render_evaluation(results: dict[str, Any], out_dir: Any) -> None:
    """Print an evaluation's table, comparisons and where the files are."""
    run, q = results["run"], results["queries"]
    console.print(f"[bold]{run['n_docs']} documents, {run['n_queries']} queries[/] ({q['source']}"
                  + (f": {escape(q['method'])}" if q.get("method") else "") + f"), index {run['index']}")
    table = Table(show_lines=False)
    for col in ("model", "nDCG@10", "95% CI", "R@10", "MRR@10", "p95 ms", "docs/s", "chunks", "status"):
        table.add_column(col)
    for spec, f in results["models"].items():
        if f.get("status") != "ok":
            table.add_row(escape(spec), "-", "-", "-", "-", "-", "-", "-", f"[red]{escape(str(f.get('error')))}[/]")
            continue
        m = f["metrics"]
        lo, hi = m["ndcg_at_10"]["ci95"]
        rate = f.get("encoding", {}).get("docs_per_s")
        table.add_row(escape(spec), f"{m['ndcg_at_10']['mean']:.3f}", f"{lo:.3f}-{hi:.3f}",
                      f"{m['recall_at_10']['mean']:.3f}",
                      f"{m['mrr_at_10']['mean']:.3f}", f"{f['latency']['p95_ms']:.1f}",
                      "cached" if rate is None and f.get("encoding") else _num(rate, 1), str(f["n_chunks"]), "ok")
    console.print(table)
    for comp in results.get("comparisons", []):
        console.print(f"- {comp['sentence']}", highlight=False, markup=False)
    if q.get("verdict"):
        console.print(f"What these queries can tell apart: {q['verdict']}", highlight=False, markup=False)
    elif "mean_lexical_overlap" in q:
        console.print(f"[dim]Query terms found in the target document: {q['mean_lexical_overlap']:.0%}[/]")
    if q.get("written_to"):
        console.print(f"[dim]Generated queries (BEIR, reusable with --corpus): {escape(q['written_to'])}[/]")
    sample = results.get("sample")
    if sample:
        console.print(f"Sampled {sample['n_docs_sampled']:,} of {sample['n_docs_full']:,} documents "
                      f"({sample['method']}). Estimated full-corpus nDCG@10: " + ", ".join(
                          f"{s} {f['ndcg_at_10_full_corpus_estimate']:.3f}" for s, f in results["models"].items()
                          if "ndcg_at_10_full_corpus_estimate" in f), highlight=False, markup=False)
    for warning in results.get("warnings", []):
        console.print(f"[yellow]Warning:[/] {escape(warning)}")
    skipped = results.get("skipped_files", [])
    if skipped:
        console.print(f"[yellow]Skipped {len(skipped)} file(s) or row(s)[/] (--strict stops instead):")
        for line in skipped[:10]:
            console.print(f"  - {line}", highlight=False, markup=False)
    written = escape(str(out_dir))
    console.print(f"[dim]Written: {written}/results.json, report.md, ndcg_at_10.png, quality_latency.png[/]")
