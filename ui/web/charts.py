"""The page's charts: the short list on one benchmark board against a meaningful cost axis, factors, check nDCG."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MIN_SHARED_TASKS = 3  # a board where the models share fewer tasks gives way to a later board that has more
FIGSIZE = (5.4, 4.4)  # 540 px: fills half the page at 1440 px; a phone shrinks it only to ~65%, text stays legible


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


def _task_scores(model: str, board: str) -> dict[str, float]:
    """A model's published scores on the board's retrieval tasks (all tasks if the board has no retrieval ones)."""
    from knowledge.errors import AdvisorError
    from knowledge.scores import default_scores

    try:
        snapshot = default_scores()
        info = snapshot.benchmark(board)
        scores = snapshot.task_scores(model, info.name)
    except AdvisorError:
        return {}
    wanted = {t for t, kind in zip(info.tasks, info.task_types, strict=True) if kind == "Retrieval"} or set(info.tasks)
    return {t: v for t, v in scores.items() if t in wanted and v is not None}


def _common(per_model: dict[str, dict[str, float]]) -> tuple[list[str], set[str]]:
    """The models kept and the tasks all of them have: drop the least-covered model until some task is shared."""
    kept = [m for m, tasks in per_model.items() if tasks]
    while kept:
        shared = set.intersection(*(set(per_model[m]) for m in kept))
        if shared:
            return kept, shared
        kept.remove(min(kept, key=lambda m: len(per_model[m])))
    return [], set()


def board_points(rec: dict[str, Any]) -> tuple[str | None, list[BoardPoint], list[str]]:
    """The consultation's board the short list shares tasks on, each model's mean over those tasks, who is left out.

    Boards are tried in the consultation's order (domain first); the first one where most of the short list
    shares at least MIN_SHARED_TASKS tasks wins.

    One board and one task set for every point, so the axis compares like with like: a model scored on 4 of 7
    tasks is not set against one scored on all 7. The board the ranking cited per model may differ (the table
    shows it).
    """
    recs = rec.get("recommendations") or []
    evidence = rec.get("evidence") or {}
    if evidence.get("board"):  # the consultation's own evidence base: one board, one task set, for every model
        board, n_tasks = evidence["board"], len(evidence.get("tasks") or [])
        coverage = f"{n_tasks} retrieval tasks" if n_tasks else "retrieval tasks"
        points, missing = [], []
        for r in recs:
            e = r.get("evidence") or {}
            if e.get("board") == board and e.get("score") is not None and not e.get("imputed"):
                points.append(BoardPoint(r["rank"], r["model"], float(e["score"]), coverage))
            else:  # imputed or not on the board: not a published figure on this axis
                missing.append(r["model"])
        if points:
            return board, points, missing
    boards = [b["name"] for b in rec.get("benchmarks") or []]
    for r in recs:
        if r.get("benchmark") and r["benchmark"] not in boards:
            boards.append(r["benchmark"])
    best: tuple[tuple[int, int, int], str, list[str], set[str], dict[str, dict[str, float]]] | None = None
    for i, board in enumerate(boards):
        per_model = {r["model"]: _task_scores(r["model"], board) for r in recs}
        kept, shared = _common(per_model)
        key = (len(kept), min(len(shared), MIN_SHARED_TASKS), -i)  # then the consultation's own board first
        if kept and (best is None or key > best[0]):
            best = (key, board, kept, shared, per_model)
    if best is None:
        return None, [], [r["model"] for r in recs]
    _, board, kept, shared, per_model = best
    points = [BoardPoint(r["rank"], r["model"], sum(per_model[r["model"]][t] for t in shared) / len(shared),
                         f"{len(shared)} shared tasks") for r in recs if r["model"] in kept]
    return board, points, [r["model"] for r in recs if r["model"] not in kept]


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
    ax.scatter([x for x, _ in coords], [y for _, y in coords], s=90, color="tab:blue", zorder=3, label="short list")
    ax.plot([coords[i][0] for i in front], [coords[i][1] for i in front], "o-", color="tab:red", ms=11,
            mfc="none", mew=2, zorder=2, label="Pareto front (nothing beats it on both)")
    for (x, y), p in zip(coords, points, strict=True):
        ax.annotate(f"#{p.rank}", (x, y), fontsize=13, fontweight="bold", xytext=(8, -5), textcoords="offset points")
    ys = [y for _, y in coords]
    pad = max(0.02, (max(ys) - min(ys)) * 0.25)
    ax.set_ylim(min(ys) - pad, max(ys) + pad)  # room above the best point: nothing sits under a label
    xmin, xmax = min(x for x, _ in coords), max(x for x, _ in coords)
    xpad = max(1e-9, (xmax - xmin) * 0.2) if xmax > xmin else max(1.0, abs(xmax) * 0.2)
    ax.set_xlim(xmin - xpad, xmax + xpad)
    ax.set_xlabel(label, fontsize=11)
    ax.set_ylabel(f"mean score, {points[0].coverage} of {board}", fontsize=11)
    ax.tick_params(labelsize=10)
    ax.grid(alpha=0.3)
    names = [f"#{p.rank} {p.model.split('/')[-1]}" for p in points]
    lines = ["   ".join(names[i:i + 2]) for i in range(0, len(names), 2)]
    title = "\n".join([f"One board: {board}", *lines])
    if missing:
        title += f"\nnot on this board: {', '.join(m.split('/')[-1] for m in missing)}"
    ax.set_title(title, fontsize=10, loc="left")
    ax.legend(fontsize=9, loc="upper center", bbox_to_anchor=(0.5, -0.17), ncol=2, frameon=False)
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
                  [n.replace("_", " ") for n in names], fontsize=10)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("factor value (0 = poor fit, 1 = best fit)", fontsize=11)
    ax.set_title("What the fit score is made of", fontsize=10, loc="left")
    ax.legend(fontsize=9, loc="upper center", bbox_to_anchor=(0.5, -0.17), ncol=2, frameon=False)
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
    text = (f"Quality chart: every point's height is its mean published score on the same "
            f"{points[0].coverage.replace(' shared tasks', ' retrieval tasks')} of one board, **{board}** (scores on "
            f"different boards or task sets are not comparable); across: {label}. Red ring and line: the Pareto "
            "front.")
    if missing:
        text += f" Not on this board, so not plotted: {', '.join(missing)}."
    return text
