"""The page's charts: the short list on one benchmark board against a meaningful cost axis, factors, check nDCG."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FIGSIZE = (6.4, 4.0)  # wide enough at 1440 px, and the text still legible when the phone shrinks it to 360 px


def pareto_front(points: Sequence[tuple[float, float]]) -> list[int]:
    """Indices of the points no other point beats on both cost (lower) and quality (higher), cheapest first."""
    order = sorted(range(len(points)), key=lambda i: (points[i][0], -points[i][1]))
    front, best = [], -math.inf
    for i in order:
        if points[i][1] > best:
            front.append(i)
            best = points[i][1]
    return front


@dataclass
class BoardPoint:
    """One short-list model on the chart: its rank, name, score on the board and tasks covered."""

    rank: int
    model: str
    score: float
    coverage: str


def _board_score(model: str, board: str) -> tuple[float, str] | None:
    """A model's retrieval score on ``board`` from the published snapshot (the same figure for every model)."""
    from knowledge.errors import AdvisorError
    from knowledge.scores import default_scores

    try:
        figures = default_scores().score(model, board)
    except AdvisorError:
        return None
    if figures is None or figures.best_estimate is None:
        return None
    if figures.retrieval_total:
        return figures.best_estimate, f"{figures.retrieval_scored}/{figures.retrieval_total} retrieval tasks"
    return figures.best_estimate, f"{figures.tasks_scored}/{figures.tasks_total} tasks"


def board_points(rec: dict[str, Any]) -> tuple[str | None, list[BoardPoint], list[str]]:
    """The board most of the short list has published scores on, their scores there, and who is not on it.

    Every score on the chart comes from that one board, so one axis compares like with like; the board the
    ranking itself cited for each model may differ (the table shows it).
    """
    recs = rec.get("recommendations") or []
    boards = [b["name"] for b in rec.get("benchmarks") or []]
    for r in recs:
        if r.get("benchmark") and r["benchmark"] not in boards:
            boards.append(r["benchmark"])
    scored = {b: {r["model"]: s for r in recs if (s := _board_score(r["model"], b)) is not None} for b in boards}
    if not any(scored.values()):
        return None, [], [r["model"] for r in recs]
    board = max(boards, key=lambda b: (len(scored[b]), -boards.index(b)))
    points = [BoardPoint(r["rank"], r["model"], *scored[board][r["model"]])
              for r in recs if r["model"] in scored[board]]
    missing = [r["model"] for r in recs if r["model"] not in scored[board]]
    return board, points, missing


def _x_axis(recs: list[dict[str, Any]]) -> tuple[str, dict[str, float]]:
    """Monthly cost when some model costs money; else first-indexing hours; else query latency."""
    costs = {r["model"]: float(r.get("estimated_cost_usd_month") or 0.0) for r in recs}
    if any(costs.values()):
        return "estimated cost, $/month", costs
    hours = {r["model"]: h for r in recs if (h := indexing_hours(r)) is not None}
    if len(hours) == len(recs) and len(set(hours.values())) > 1:
        return "first indexing of the corpus, hours (all cost $0/month)", hours
    latency = {r["model"]: v for r in recs if (v := query_latency_ms(r)) is not None}
    if len(latency) == len(recs):
        return "query latency p95, ms (all cost $0/month)", latency
    return "estimated cost, $/month", costs


def indexing_hours(r: dict[str, Any]) -> float | None:
    """Hours to embed the corpus the first time, from whichever field the recommendation carries."""
    for source in (r, r.get("cost") or {}, r.get("indexing") or {}):
        for key in ("first_indexing_hours", "indexing_hours", "compute_hours_initial", "hours"):
            value = source.get(key)
            if isinstance(value, int | float) and not isinstance(value, bool):
                return float(value)
    return None


def query_latency_ms(r: dict[str, Any]) -> float | None:
    """The estimated p95 latency of one query, if the recommendation has it."""
    throughput = (r.get("hardware_fit") or {}).get("throughput") or {}
    value = throughput.get("query_latency_ms_p95")
    return float(value) if isinstance(value, int | float) else None


def quality_chart(rec: dict[str, Any] | None) -> Figure | None:
    """The short list's scores on one board against cost (or hours, or latency), the Pareto front in red."""
    if not rec or not rec.get("recommendations"):
        return None
    from matplotlib.figure import Figure

    fig = Figure(figsize=FIGSIZE, layout="constrained")
    ax = fig.add_subplot()
    board, points, missing = board_points(rec)
    if not points:
        ax.text(0.5, 0.5, "no published benchmark scores for the short list", ha="center", va="center")
        ax.set_axis_off()
        return fig
    label, xs = _x_axis(rec["recommendations"])
    coords = [(xs.get(p.model, 0.0), p.score) for p in points]
    front = pareto_front(coords)
    ax.scatter(*zip(*coords, strict=True), s=70, color="tab:blue", zorder=3, label="short list")
    ax.plot([coords[i][0] for i in front], [coords[i][1] for i in front], "o-", color="tab:red", ms=11,
            mfc="none", mew=2, zorder=2, label="Pareto front (nothing beats it on both)")
    for (x, y), p in zip(coords, points, strict=True):
        ax.annotate(f"#{p.rank}", (x, y), fontsize=11, fontweight="bold", xytext=(7, -4), textcoords="offset points")
    ys = [y for _, y in coords]
    pad = max(0.02, (max(ys) - min(ys)) * 0.25)
    ax.set_ylim(min(ys) - pad, max(ys) + pad)  # room above the best point: nothing sits under a label
    xmin, xmax = min(x for x, _ in coords), max(x for x, _ in coords)
    xpad = max(1e-9, (xmax - xmin) * 0.2) if xmax > xmin else max(1.0, abs(xmax) * 0.2)
    ax.set_xlim(xmin - xpad, xmax + xpad)
    ax.set_xlabel(label)
    ax.set_ylabel(f"retrieval score on {board}")
    ax.grid(alpha=0.3)
    names = "  ".join(f"#{p.rank} {p.model.split('/')[-1]}" for p in points)
    title = f"One board: {board}\n{names}"
    if missing:
        title += f"\nnot on this board: {', '.join(m.split('/')[-1] for m in missing)}"
    ax.set_title(title, fontsize=9, loc="left")
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, frameon=False)
    return fig


def factor_chart(rec: dict[str, Any] | None, top: int = 3) -> Figure | None:
    """Per-factor values (0-1) of the top models as grouped horizontal bars."""
    if not rec or not rec.get("recommendations"):
        return None
    from matplotlib.figure import Figure

    recs = rec["recommendations"][:top]
    names = list(recs[0]["factors"])
    fig = Figure(figsize=FIGSIZE, layout="constrained")
    ax = fig.add_subplot()
    height = 0.8 / len(recs)
    for k, r in enumerate(recs):
        ax.barh([i + k * height for i in range(len(names))], [r["factors"][n]["value"] for n in names],
                height=height, label=f"#{r['rank']} {r['model'].split('/')[-1]}")
    ax.set_yticks([i + height * (len(recs) - 1) / 2 for i in range(len(names))],
                  [n.replace("_", " ") for n in names], fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("factor value (0 = poor fit, 1 = best fit)")
    ax.set_title("What the fit score is made of", fontsize=9, loc="left")
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=min(3, len(recs)))
    return fig


def ndcg_chart(results: dict[str, Any] | None) -> Figure | None:
    """The check's nDCG@10 per candidate with its 95% interval, best first (horizontal: names stay readable)."""
    if not results:
        return None
    ok = {s: f for s, f in results.get("models", {}).items() if f.get("status") == "ok"}
    if not ok:
        return None
    from matplotlib.figure import Figure

    names = sorted(ok, key=lambda s: -ok[s]["metrics"]["ndcg_at_10"]["mean"])
    means = [ok[s]["metrics"]["ndcg_at_10"]["mean"] for s in names]
    lows = [max(0.0, m - ok[s]["metrics"]["ndcg_at_10"]["ci95"][0]) for s, m in zip(names, means, strict=True)]
    highs = [max(0.0, ok[s]["metrics"]["ndcg_at_10"]["ci95"][1] - m) for s, m in zip(names, means, strict=True)]
    fig = Figure(figsize=(FIGSIZE[0], 1.2 + 0.6 * len(names)), layout="constrained")
    ax = fig.add_subplot()
    ax.barh(names, means, xerr=[lows, highs], capsize=6, color="#4C72B0")
    for i, m in enumerate(means):
        ax.text(0.01, i, f"{m:.3f}", va="center", ha="left", color="white", fontsize=9, fontweight="bold")
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("nDCG@10 on your documents (bars: 95% interval)")
    run = results.get("run") or {}
    title = f"{run.get('n_queries', '?')} queries, {run.get('n_docs', '?')} documents"
    failed = [s for s, f in results.get("models", {}).items() if f.get("status") != "ok"]
    if failed:
        title += f"; failed, not plotted: {', '.join(failed)}"
    ax.set_title(title, fontsize=9, loc="left")
    return fig


def chart_caption(rec: dict[str, Any] | None) -> str:
    """What the quality chart plots, in words: the one board on its y axis, the x measure, who is left out."""
    if not rec or not rec.get("recommendations"):
        return ""
    board, points, missing = board_points(rec)
    if not points:
        return "No published benchmark scores for the short list, so no quality chart."
    label, _ = _x_axis(rec["recommendations"])
    text = (f"Quality chart: every point's height is its retrieval score on one board, **{board}** (scores on "
            f"different boards are not comparable); across: {label}. Red ring and line: the Pareto front.")
    if missing:
        text += f" Not on this board, so not plotted: {', '.join(missing)}."
    return text
