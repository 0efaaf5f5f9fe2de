"""Formatting for the web UI: chat messages, tables and charts built from service replies; no advice logic."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tools.documents.corpus import DOC_SUFFIXES

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from agent.replies import ConsultationState, ConsultationSummary, ToolEvent

PROFILE_HEADERS = ["field", "value", "source"]
REC_HEADERS = ["rank", "model", "kind", "score", "benchmark score", "$/month", "dims", "context"]
EVAL_HEADERS = ["candidate", "kind", "nDCG@10", "95% CI", "recall@10", "MRR@10", "p95 ms", "chunks", "status"]
OFFLINE_CANDIDATES = ["minilm", "bm25"]
EXTRA_CANDIDATES = ["minilm", "static", "bm25", "hybrid"]


def _value(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items() if v is not None)
    return "-" if value is None else str(value)


def tool_messages(events: Sequence[ToolEvent]) -> list[Any]:
    """One collapsible chat message per tool call: name as title, summary as body, status done, duration."""
    import gradio as gr

    return [gr.ChatMessage(role="assistant", content=f"{e.summary}\n\nargs: `{json.dumps(e.args, default=str)}`",
                           metadata={"title": f"Tool call: {e.name}" + (" (failed)" if e.status == "error" else ""),
                                     "status": "done", "duration": round(e.duration_ms / 1000, 2)})
            for e in events]


def transcript_messages(state: ConsultationState) -> list[dict[str, str]]:
    """A stored consultation's transcript as openai-style chat messages."""
    return [{"role": m.role, "content": m.text} for m in state.transcript]


def profile_rows(profile: dict[str, Any], provenance: dict[str, str]) -> list[list[str]]:
    """The requirement profile as rows of field, value and where it came from (said / assumed / corrected)."""
    return [[key, _value(value), provenance.get(key, "-")] for key, value in profile.items()]


def recommendation_rows(rec: dict[str, Any] | None) -> list[list[Any]]:
    """The short list as table rows."""
    if not rec:
        return []
    return [[r["rank"], r["model"], r["kind"], round(r["score"], 4),
             "-" if r["benchmark_score"] is None else round(r["benchmark_score"], 4),
             round(r["estimated_cost_usd_month"], 2), r["dims"] or "-", r["max_tokens"] or "unlimited"]
            for r in rec["recommendations"]]


def pareto_front(points: Sequence[tuple[float, float]]) -> list[int]:
    """Indices of the points no other point beats on both cost (lower) and quality (higher), cheapest first."""
    order = sorted(range(len(points)), key=lambda i: (points[i][0], -points[i][1]))
    front, best = [], -math.inf
    for i in order:
        if points[i][1] > best:
            front.append(i)
            best = points[i][1]
    return front


def quality_cost_chart(rec: dict[str, Any] | None) -> Figure | None:
    """Benchmark score against monthly cost for the short list, the Pareto front drawn as a line."""
    if not rec:
        return None
    from matplotlib.figure import Figure

    rows = [r for r in rec["recommendations"] if r["benchmark_score"] is not None]
    fig = Figure(figsize=(6, 3.6), layout="constrained")
    ax = fig.add_subplot()
    if not rows:
        ax.text(0.5, 0.5, "no benchmark scores to plot", ha="center", va="center")
        return fig
    points = [(r["estimated_cost_usd_month"], r["benchmark_score"]) for r in rows]
    front = pareto_front(points)
    ax.scatter(*zip(*points, strict=True), color="tab:blue", label="short list")
    ax.plot([points[i][0] for i in front], [points[i][1] for i in front], "o-", color="tab:red",
            label="Pareto front")
    for (x, y), r in zip(points, rows, strict=True):
        ax.annotate(r["model"].split("/")[-1], (x, y), fontsize=7, xytext=(4, 4), textcoords="offset points")
    ax.set_xscale("symlog", linthresh=1.0)
    ax.set_xlim(-0.5, max(2.0, 1.5 * max(x for x, _ in points)))  # self-hosted models all cost $0: keep 0 in view
    ax.set_xlabel("estimated cost, $/month")
    ax.set_ylabel(f"benchmark score ({rows[0]['benchmark'] or '-'})")
    ax.legend(fontsize=8)
    return fig


def factor_chart(rec: dict[str, Any] | None, top: int = 3) -> Figure | None:
    """Per-factor values (0-1) of the top models as grouped horizontal bars."""
    if not rec or not rec["recommendations"]:
        return None
    from matplotlib.figure import Figure

    recs = rec["recommendations"][:top]
    names = list(recs[0]["factors"])
    fig = Figure(figsize=(6, 3.6), layout="constrained")
    ax = fig.add_subplot()
    height = 0.8 / len(recs)
    for k, r in enumerate(recs):
        ax.barh([i + k * height for i in range(len(names))], [r["factors"][n]["value"] for n in names],
                height=height, label=r["model"].split("/")[-1])
    ax.set_yticks([i + height * (len(recs) - 1) / 2 for i in range(len(names))], names, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.legend(fontsize=7)
    return fig


def consultation_choices(summaries: Sequence[ConsultationSummary]) -> list[tuple[str, str]]:
    """Dropdown choices (label, id) for earlier consultations, newest first."""
    return [(f"{s.updated_at[:16].replace('T', ' ')} · {(s.title or 'untitled')[:40]} · {s.top_model or '-'}",
             s.consultation_id) for s in summaries]


def candidate_choices(rec: dict[str, Any] | None) -> tuple[list[str], list[str]]:
    """Candidates to offer and to tick: the short list's open models + bm25 where on disk, else minilm + bm25."""
    from huggingface_hub import try_to_load_from_cache

    open_models = [r["model"] for r in (rec or {}).get("recommendations", []) if r["kind"] == "open"]
    on_disk = [m for m in open_models if isinstance(try_to_load_from_cache(m, "config.json"), str)]
    choices = list(dict.fromkeys(open_models + EXTRA_CANDIDATES))
    return choices, (on_disk + ["bm25"]) if on_disk else list(OFFLINE_CANDIDATES)


def check_uploads(paths: Sequence[str], max_total_bytes: int) -> str | None:
    """Why these uploads cannot be evaluated (no files, unsupported type, over the total), or None if they can."""
    if not paths:
        return "Upload at least one document first."
    bad = [Path(p).name for p in paths if Path(p).suffix.lower() not in DOC_SUFFIXES]
    if bad:
        return f"Unsupported file type: {', '.join(bad)}. Use {', '.join(sorted(DOC_SUFFIXES))}."
    empty = [Path(p).name for p in paths if Path(p).stat().st_size == 0]
    if empty:
        return f"Empty file: {', '.join(empty)}."
    total = sum(Path(p).stat().st_size for p in paths)
    if total > max_total_bytes:
        return f"The uploads total {total / 1e6:.1f} MB; the limit is {max_total_bytes / 1e6:.0f} MB in total."
    return None


def progress_callback(models: Sequence[str], report: Callable[..., Any]) -> Callable[[str, float], None]:
    """Map the evaluation's per-candidate progress ("<spec>: step", fraction) onto one bar over all candidates."""
    def on_progress(message: str, fraction: float) -> None:
        spec = message.split(":", 1)[0]
        index = list(models).index(spec) if spec in models else 0
        report((index + fraction) / max(1, len(models)), desc=message)

    return on_progress


def eval_rows(results: dict[str, Any]) -> list[list[Any]]:
    """Evaluation results as table rows, with the 95% interval of nDCG@10."""
    rows = []
    for spec, f in results["models"].items():
        if f.get("status") != "ok":
            rows.append([spec, "-", "-", "-", "-", "-", "-", "-", f"failed: {f.get('error')}"])
            continue
        m = f["metrics"]
        low, high = m["ndcg_at_10"]["ci95"]
        rows.append([spec, f["kind"], round(m["ndcg_at_10"]["mean"], 4), f"[{low:.3f}, {high:.3f}]",
                     round(m["recall_at_10"]["mean"], 4), round(m["mrr_at_10"]["mean"], 4),
                     round(f["latency"]["p95_ms"], 1), f["n_chunks"], "ok"])
    return rows


def eval_summary(results: dict[str, Any]) -> str:
    """A short Markdown note: corpus size, how the queries were made, and the pairwise comparisons."""
    run, queries = results["run"], results["queries"]
    lines = [f"**{run['n_docs']} documents, {run['n_queries']} queries** ({queries.get('method') or 'given'})."]
    lines += [f"- {c['sentence']}" for c in results.get("comparisons", [])]
    return "\n".join(lines)
