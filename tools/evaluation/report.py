"""Write an evaluation's report.md and PNG plots (nDCG@10 with 95% CIs; quality against query latency)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

MISSED_SHOWN = 5


def _ok(results: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s: f for s, f in results["models"].items() if f.get("status") == "ok"}


def plot_ndcg(results: dict[str, Any], path: Path) -> None:
    """Bar chart of nDCG@10 per candidate with bootstrap 95% interval bars."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ok = _ok(results)
    names = sorted(ok, key=lambda s: -ok[s]["metrics"]["ndcg_at_10"]["mean"])
    means = [ok[s]["metrics"]["ndcg_at_10"]["mean"] for s in names]
    lows = [m - ok[s]["metrics"]["ndcg_at_10"]["ci95"][0] for s, m in zip(names, means, strict=True)]
    highs = [ok[s]["metrics"]["ndcg_at_10"]["ci95"][1] - m for s, m in zip(names, means, strict=True)]
    fig, ax = plt.subplots(figsize=(max(4, 1.4 * len(names) + 2), 3.6), dpi=110)
    ax.bar(names, means, yerr=[lows, highs], capsize=6, color="#4C72B0")
    ax.set_ylabel("nDCG@10 (95% CI)")
    ax.set_ylim(0, 1)
    ax.set_title(f"{results['run']['n_queries']} queries, {results['run']['n_docs']} documents")
    ax.tick_params(axis="x", rotation=20)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def _ms(figure: dict[str, Any] | None) -> str:
    return "-" if not figure or not figure.get("n") else f"{figure['p50_ms']:.1f} / {figure['p95_ms']:.1f}"


def latency_lines(results: dict[str, Any]) -> list[str]:
    """The query-latency table: a single query's encoding and search apart (p50 / p95), and the batched pass."""
    rows = []
    for spec, f in _ok(results).items():
        latency, batched = f.get("latency") or {}, f.get("batched") or {}
        if "search" not in latency:
            continue  # results of an earlier version: the total only (in the table above)
        enc, srch = batched.get("encode_ms_per_query"), batched.get("search_ms_per_query")
        rows.append(f"| {spec} | {_ms(latency.get('encode')) if latency.get('encode') else 'in the search (BM25)'} | "
                    f"{_ms(latency['search'])} | {_ms(latency)} | {'-' if enc is None else f'{enc:.2f}'} | "
                    f"{'-' if srch is None else f'{srch:.2f}'} |")
    if not rows:
        return []
    return ["Query latency, ms: one query at a time (p50 / p95 of "
            f"{max((f.get('latency') or {}).get('n', 0) for f in _ok(results).values())} queries), and per query when "
            "all queries are encoded and searched in batches.", "",
            "| model | query encoding p50 / p95 | search p50 / p95 | total p50 / p95 | batched encoding per query | "
            "batched search per query |", "|---|---|---|---|---|---|", *rows]


def plot_quality_latency(results: dict[str, Any], path: Path) -> None:
    """Scatter of nDCG@10 against p95 query latency (encode + search)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ok = _ok(results)
    fig, ax = plt.subplots(figsize=(5, 3.6), dpi=110)
    for spec, f in ok.items():
        x, y = f["latency"]["p95_ms"], f["metrics"]["ndcg_at_10"]["mean"]
        ax.scatter([x], [y], s=60)
        ax.annotate(spec, (x, y), textcoords="offset points", xytext=(6, 4), fontsize=8)
    ax.set_xlabel("query latency p95, ms (encode + search)")
    ax.set_ylabel("nDCG@10")
    ax.set_ylim(0, 1)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def plot_frontier(spec: str, frontier: dict[str, Any], path: Path) -> None:
    """nDCG@10 against memory for the full corpus (log scale), the Pareto points joined and labelled."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    measured = [p for p in frontier["points"] if "ndcg_at_10" in p and p["memory_bytes"]]
    fig, ax = plt.subplots(figsize=(6.4, 4.2), dpi=110)
    for p in measured:
        ax.scatter([p["memory_bytes"] / 2**30], [p["ndcg_at_10"]["mean"]], s=50 if p["pareto"] else 25,
                   color="#C44E52" if p["pareto"] else "#8C8C8C", zorder=3)
    pareto = sorted((p for p in measured if p["pareto"]), key=lambda p: p["memory_bytes"])
    ax.plot([p["memory_bytes"] / 2**30 for p in pareto], [p["ndcg_at_10"]["mean"] for p in pareto], color="#C44E52",
            label="Pareto frontier")
    for p in pareto:
        ax.annotate(p["label"], (p["memory_bytes"] / 2**30, p["ndcg_at_10"]["mean"]), textcoords="offset points",
                    xytext=(5, -10), fontsize=7)
    ax.set_xscale("log")
    ax.set_xlabel(f"memory for {frontier['full_corpus_vectors']:,} vectors, GiB (estimate)")
    ax.set_ylabel("nDCG@10 (measured)")
    ax.set_title(f"{spec}: quality against memory")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def frontier_file(spec: str) -> str:
    """The frontier chart's file name for one candidate."""
    return "frontier_" + "".join(ch if ch.isalnum() else "_" for ch in spec) + ".png"


def _size(n: int | None) -> str:
    return "-" if n is None else f"{n / 2**30:.2f} GiB" if n >= 2**28 else f"{n / 2**20:.1f} MiB"


def render_frontier(spec: str, frontier: dict[str, Any]) -> list[str]:
    """The frontier table of one candidate: measured points first, Pareto points marked, server-only labelled."""
    lines = [f"### {spec}: quality against memory", "",
             f"{frontier['queries']} queries, {frontier['sample_vectors']:,} vectors measured; memory, disk and cost "
             f"estimated for the full corpus of {frontier['full_corpus_vectors']:,} vectors ({frontier['dims']} "
             f"dims). Recall@10 is against exact float32 search on the same queries. Cost: {frontier['cost_source']}. "
             f"Frontier measured in {frontier.get('seconds', 0):.1f} s from the vectors already encoded.", "",
             "| point | where | nDCG@10 (95% CI) | recall@10 vs exact (95% CI) | memory | disk | p50 ms | $/month "
             "| Pareto |", "|---|---|---|---|---|---|---|---|---|"]
    for p in sorted(frontier["points"], key=lambda p: ("ndcg_at_10" not in p, -(p.get("memory_bytes") or 0))):
        if "ndcg_at_10" in p:
            n, r = p["ndcg_at_10"], p["recall_at_10_vs_exact"]
            quality = (f"{n['mean']:.3f} ({n['ci95'][0]:.3f}-{n['ci95'][1]:.3f}) | {r['mean']:.3f} "
                       f"({r['ci95'][0]:.3f}-{r['ci95'][1]:.3f})")
        else:
            quality = f"{p['status']} | -"
        latency = "-" if p["query_latency_p50_ms"] is None else f"{p['query_latency_p50_ms']:.2f}"
        cost = "-" if p["monthly_usd"] is None else f"{p['monthly_usd']:,.2f}"
        lines.append(f"| {p['label']} | {p['where']} | {quality} | {_size(p['memory_bytes'])} | "
                     f"{_size(p['disk_bytes'])} | {latency} | {cost} | {'yes' if p['pareto'] else ''} |")
    lines += ["", f"![frontier of {spec}]({frontier_file(spec)})", ""]
    return lines


def hybrid_notes(results: dict[str, Any]) -> list[str]:
    """How each hybrid compares with its better part, and why it scores below it where it does.

    RRF weighs a weak list as much as a strong one; a hybrid whose dense model was not trained on the corpus'
    language fused with a weighted RRF in which that list only breaks ties (``fusion`` in its figures).
    """
    ok = _ok(results)
    notes = []
    for spec, f in ok.items():
        head, _, dense = spec.partition(":")
        if head.lower() not in ("hybrid", "hybrid-weighted"):
            continue
        parts = {p: ok[p]["metrics"]["ndcg_at_10"]["mean"] for p in ("bm25", dense or "minilm") if p in ok}
        fusion = f.get("fusion") or {}
        why = f" It fused with weighted RRF because {fusion['reason']}." if fusion.get("reason") else ""
        if len(parts) < 2:
            if why:
                notes.append(f"- {spec} ({f['metrics']['ndcg_at_10']['mean']:.3f}).{why}")
            continue
        better, weaker = sorted(parts, key=lambda p: -parts[p])
        mean = f["metrics"]["ndcg_at_10"]["mean"]
        if mean >= parts[better]:
            notes.append(f"- {spec} ({mean:.3f}) is at least as good as its better part, {better} "
                         f"({parts[better]:.3f}).{why}")
            continue
        smaller = better == "bm25" and f.get("chunk_tokens", 0) < ok["bm25"].get("chunk_tokens", 0)
        chunks = (f" Its BM25 side searches the dense model's {f['chunk_tokens']}-token chunks ({f.get('n_chunks')} "
                  f"of them), where BM25 alone ranked {ok['bm25']['chunk_tokens']}-token chunks "
                  f"({ok['bm25'].get('n_chunks')}): a long page's terms are split across chunks, so BM25 loses some of "
                  "its matches before any fusion." if smaller else "")
        if why:
            notes.append(f"- {spec} ({mean:.3f}) is {parts[better] - mean:.3f} below its better part {better} "
                         f"({parts[better]:.3f}); {weaker} scores {parts[weaker]:.3f} alone.{why}{chunks} Use "
                         f"{better} alone on this corpus, or a dense model trained on its language.")
            continue
        fusion_name = "weighted-score" if head.lower() == "hybrid-weighted" else "RRF"
        notes.append(f"- {spec} ({mean:.3f}) scores below its better part {better} ({parts[better]:.3f}) because "
                     f"{weaker} is much weaker on this corpus ({parts[weaker]:.3f}): {fusion_name} fusion gives its "
                     f"ranking a fixed share of every result list, so its misses push {better}'s hits down (typical "
                     f"of a model not trained for the corpus' language).{chunks} Use {better} alone, or fuse with a "
                     "stronger dense model.")
    return notes


def render(results: dict[str, Any]) -> str:
    """The Markdown report."""
    run, q = results["run"], results["queries"]
    method = f": {q['method']}" if q.get("method") else ""
    lines = [f"# Retrieval check on {run['corpus']}", "",
             f"{run['n_docs']} documents, {run['n_queries']} queries ({q['source']}{method}), index {run['index']}, "
             f"Milvus {run['milvus']}.", ""]
    if "mean_lexical_overlap" in q:
        lines.append(f"Query difficulty: {q['mean_lexical_overlap']:.0%} of query terms appear in the target document"
                     + (f"; BM25 finds the target in the top 10 for {q['bm25_recall_at_10']:.0%} of queries"
                        if "bm25_recall_at_10" in q else "")
                     + ". High figures mean the check is easy: lexical matching already solves it.")
        lines.append("")
    sample = results.get("sample")
    if sample:
        lines += [f"**Sampled** {sample['n_docs_sampled']:,} of {sample['n_docs_full']:,} documents: "
                  f"{sample['method']} ({sample['judged']} judged, {sample['hard_negatives_bm25']} BM25 and "
                  f"{sample['hard_negatives_dense']} static-model hard negatives, {sample['random']} random). "
                  "Estimated full-corpus nDCG@10: "
                  + ", ".join(f"{s} {f['ndcg_at_10_full_corpus_estimate']:.3f}" for s, f in _ok(results).items()
                              if "ndcg_at_10_full_corpus_estimate" in f) + ".", ""]
    if q.get("verdict"):
        lines += [f"What these queries can tell apart: {q['verdict']}", ""]
    if q.get("no_verdict"):
        lines += [f"**{q['no_verdict']}**", ""]
    for warning in results.get("warnings", []):
        lines.append(f"**Warning:** {warning}.")
    skipped = results.get("skipped_files", [])
    if skipped:
        lines.append(f"**Skipped {len(skipped)} file(s) or row(s)** (use --strict to stop instead):")
        lines += [f"- {s}" for s in skipped[:MISSED_SHOWN]] + ([f"- ... and {len(skipped) - MISSED_SHOWN} more"]
                                                             if len(skipped) > MISSED_SHOWN else [])
    if results.get("warnings") or skipped:
        lines.append("")
    lines += ["| model | nDCG@10 (95% CI) | R@1 | R@10 | R@100 | MRR@10 | MAP@100 | p50 / p95 ms | docs/s | chunks |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    for spec, f in results["models"].items():
        if f.get("status") != "ok":
            lines.append(f"| {spec} | failed: {f.get('error')} | | | | | | | | |")
            continue
        m = f["metrics"]
        lo, hi = m["ndcg_at_10"]["ci95"]
        rate = f.get("encoding", {}).get("docs_per_s")
        lines.append(f"| {spec} | {m['ndcg_at_10']['mean']:.3f} ({lo:.3f}-{hi:.3f}) | {m['recall_at_1']['mean']:.3f} | "
                     f"{m['recall_at_10']['mean']:.3f} | {m['recall_at_100']['mean']:.3f} | "
                     f"{m['mrr_at_10']['mean']:.3f} | {m['map_at_100']['mean']:.3f} | "
                     f"{f['latency']['p50_ms']:.1f} / {f['latency']['p95_ms']:.1f} | "
                     f"{'-' if rate is None else f'{rate:.1f}'} | {f['n_chunks']} |")
    lines += ["", *latency_lines(results), ""]
    for comp in results.get("comparisons", []):
        lines.append(f"- {comp['sentence']}")
    for spec, f in _ok(results).items():
        ann = f.get("ann")
        if ann:
            lines.append(f"- {spec}: {ann['index']} keeps {ann['recall_at_10_vs_flat']:.1%} of FLAT's top-10 "
                         f"(recall lost {ann['recall_lost']:.1%}); batch search {ann['batch_search_ms']:.0f} ms "
                         f"against FLAT {ann['flat_batch_search_ms']:.0f} ms.")
        if f["share_truncated_without_chunking"]:
            lines.append(f"- {spec}: {f['share_truncated_without_chunking']:.0%} of documents exceed its window and "
                         f"were chunked ({f['chunk_tokens']}-token chunks, {f['chunk_splitter']}).")
    lines += hybrid_notes(results)
    for spec, f in _ok(results).items():
        if f.get("lexical"):
            lines.append(f"- {spec}: {f['lexical']['summary']}")
    frontiers = {s: f["frontier"] for s, f in _ok(results).items() if f.get("frontier")}
    if frontiers:
        lines += ["", "## Quality/memory frontier (results.json: `models.<candidate>.frontier`)", ""]
        for spec, frontier in frontiers.items():
            lines += render_frontier(spec, frontier)
    transfer = results.get("transfer")
    if transfer:
        lines += ["", f"Leaderboard transfer ({transfer['benchmark']}): {transfer['reading']}"]
    lines += ["", "## Queries each model missed", ""]
    for spec, f in _ok(results).items():
        missed = [(qid, r) for qid, r in f["per_query"].items() if not r["first_relevant_rank"]
                  or r["first_relevant_rank"] > 10]
        lines.append(f"**{spec}**: {len(missed)} of {len(f['per_query'])} queries without a relevant document "
                     "in the top 10" + (":" if missed else "."))
        texts = results.get("query_texts", {})
        lines += [f"- `{qid}` {texts.get(qid, '')!r}: ranked `{r['top10'][0] if r['top10'] else '-'}` first; "
                  f"first relevant at {r['first_relevant_rank'] or '>100'}" for qid, r in missed[:MISSED_SHOWN]]
    lines += ["", "![nDCG@10](ndcg_at_10.png)", "", "![quality against latency](quality_latency.png)", ""]
    return "\n".join(lines)


def write_report(results: dict[str, Any], out_dir: Path) -> None:
    """report.md and the two plots."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "report.md").write_text(render(results), encoding="utf-8")
    if _ok(results):
        plot_ndcg(results, out_dir / "ndcg_at_10.png")
        plot_quality_latency(results, out_dir / "quality_latency.png")
    for spec, f in _ok(results).items():
        if f.get("frontier"):
            plot_frontier(spec, f["frontier"], out_dir / frontier_file(spec))
