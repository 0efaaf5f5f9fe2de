"""Measured evidence changes the answer: a short list re-ranked by nDCG@10 measured on the user's documents.

A recommended model measured on the user's data moves above another measured one only where the paired difference is
significant; the published score stays beside the measurement, and the note says whether the leaderboard's order held
on this data (the transfer check) and what the measurement changed.
"""

from __future__ import annotations

import copy
from typing import Any

ALIASES = {"sentence-transformers/all-MiniLM-L6-v2": "minilm", "embedding-advisor/minilm-static-256": "static"}


def _spec(model: str, measured: dict[str, Any]) -> str | None:
    for spec in (model, ALIASES.get(model)):
        if spec and measured.get(spec, {}).get("status") == "ok":
            return spec
    return None


def _significant(comparisons: list[dict[str, Any]], better: str, worse: str) -> bool:
    for c in comparisons:
        if {c["a"], c["b"]} == {better, worse} and c["significant"]:
            return (c["mean_difference"] > 0) == (c["a"] == better)
    return False


def measurement_rows(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Every measured candidate: nDCG@10 with its 95% CI and, where the leaderboard has one, the published score."""
    published = {r["model"]: r["published"] for r in (results.get("transfer") or {}).get("rows", [])}
    rows = []
    for spec, f in results.get("models", {}).items():
        if f.get("status") != "ok":
            rows.append({"candidate": spec, "status": "error", "error": f.get("error")})
            continue
        ndcg = f["metrics"]["ndcg_at_10"]
        rows.append({"candidate": spec, "model": f.get("model"), "kind": f.get("kind"), "status": "ok",
                     "ndcg_at_10": round(ndcg["mean"], 4), "ci95": [round(x, 4) for x in ndcg["ci95"]],
                     # hybrid uses a dense model's name, but the leaderboard scored that model alone
                     "published": published.get(f.get("model")) if f.get("kind") == "dense" else None})
    return sorted(rows, key=lambda r: -(r.get("ndcg_at_10") or -1))


def order_held(transfer: dict[str, Any]) -> bool | None:
    """Whether the measured order of the candidates with a published score is the leaderboard's (None: under two)."""
    rows = transfer.get("rows") or []
    if transfer.get("kendall") is not None:
        return transfer["kendall"] >= 0.99
    if len(rows) < 2:
        return None
    return all(r["measured_rank"] == r["published_rank"] for r in rows)


def apply_measurements(result: dict[str, Any], results: dict[str, Any], job_id: str | None = None) -> dict[str, Any]:
    """A copy of ``result`` (a recommendation) with the check's measurements attached and the short list re-ranked.

    Each recommended model that was measured gets ``measured`` (nDCG@10, CI, published score); measured models swap
    places only where the measured difference is significant. ``result["measured"]`` holds every measured candidate
    (baselines included), whether the leaderboard order held, what changed, and a plain-words summary.
    """
    out = copy.deepcopy(result)
    models, comparisons = results.get("models", {}), results.get("comparisons", [])
    rows = measurement_rows(results)
    by_spec = {r["candidate"]: r for r in rows if r["status"] == "ok"}
    recs = out.get("recommendations", [])
    for rec in recs:
        spec = _spec(rec["model"], models)
        if spec:
            rec["measured"] = {**by_spec[spec], "published": rec.get("benchmark_score", by_spec[spec]["published"])}
            if models[spec].get("frontier"):
                cite_frontier(rec, models[spec]["frontier"], job_id)
    positions = [i for i, r in enumerate(recs) if "measured" in r]
    order = [recs[i] for i in positions]
    changes = []
    for _ in range(len(order)):  # bubble passes: a swap only on a significant measured difference
        for j in range(len(order) - 1):
            upper, lower = order[j]["measured"]["candidate"], order[j + 1]["measured"]["candidate"]
            if _significant(comparisons, lower, upper):
                changes.append(f"{order[j + 1]['model']} moved above {order[j]['model']}: measured nDCG@10 "
                               f"{order[j + 1]['measured']['ndcg_at_10']:.3f} against "
                               f"{order[j]['measured']['ndcg_at_10']:.3f} on your documents (significant)")
                order[j], order[j + 1] = order[j + 1], order[j]
    for i, rec in zip(positions, order, strict=True):
        recs[i] = rec
    for rank, rec in enumerate(recs, start=1):
        rec["rank"] = rank
    transfer = results.get("transfer") or {}
    held = order_held(transfer)
    scores = "; ".join(f"{r['candidate']} {r['ndcg_at_10']:.3f} (95% CI {r['ci95'][0]:.3f}-{r['ci95'][1]:.3f}"
                       + (f", published {r['published']:.3f}" if r.get("published") is not None else "") + ")"
                       for r in rows if r["status"] == "ok")
    text = [f"Measured on your {results.get('run', {}).get('n_docs', '?')} documents "
            f"({results.get('run', {}).get('n_queries', '?')} {results.get('queries', {}).get('source', '')} queries), "
            f"nDCG@10: {scores}."]
    if transfer.get("reading"):
        text.append(f"Leaderboard transfer: {transfer['reading']}")
    if held is not None and transfer.get("kendall") is None:
        names = " > ".join(r["model"] for r in sorted(transfer["rows"], key=lambda r: r["published_rank"]))
        text.append(f"The leaderboard's order ({names}) {'held' if held else 'did not hold'} on your documents.")
    if changes:
        changed = "; ".join(changes)
    elif not positions:
        changed = ("nothing in the short list's order: none of its models could be measured here (offline only the "
                   "bundled models load), so the measurements show how dense, static and lexical search do on your "
                   "documents.")
    else:
        changed = "nothing in the short list's order (no measured difference between recommended models was " \
                  "significant)."
    text.append("What changed: " + changed)
    verdict = results.get("queries", {}).get("verdict")
    if verdict:
        text.append(f"About the queries: {verdict}")
    out["measured"] = {"job_id": job_id, "n_documents": results.get("run", {}).get("n_docs"),
                       "n_queries": results.get("run", {}).get("n_queries"),
                       "query_source": results.get("queries", {}).get("source"), "candidates": rows,
                       "leaderboard_order_held": held, "changes": changes,
                       "short_list_measured": len(positions),
                       "transfer": {"benchmark": transfer.get("benchmark"), "n": transfer.get("n", 0),
                                    "kendall": transfer.get("kendall"), "reading": transfer.get("reading")},
                       "text": " ".join(text)}
    return out


def _point_summary(point: dict[str, Any]) -> dict[str, Any]:
    ndcg, recall = point["ndcg_at_10"], point["recall_at_10_vs_exact"]
    return {"label": point["label"], "where": point["where"], "ndcg_at_10": round(ndcg["mean"], 4),
            "ci95": [round(x, 4) for x in ndcg["ci95"]], "recall_at_10_vs_float32": round(recall["mean"], 4),
            "memory_gib": None if point["memory_bytes"] is None else round(point["memory_bytes"] / 2**30, 3),
            "query_latency_p50_ms": point["query_latency_p50_ms"], "pareto": point["pareto"]}


def _matches(point: dict[str, Any], dtype: str, index: str, dims: int | None) -> bool:
    return (point["vector_type"] == dtype and point["index"] == index and (dims is None or point["dims"] == dims)
            and "re-score" not in point["label"])


def cite_frontier(rec: dict[str, Any], frontier: dict[str, Any], job_id: str | None = None) -> None:
    """Cite in ``rec`` the measured frontier point of its vector plan (or the best measured one within its budget).

    The plan's layout (value type, index, dims) is looked up among the frontier's measured points and lands in
    ``rec["measured"]["vector_plan"]``, with every plan option's status: measured (its figures), estimated (published
    retention), or the frontier's label for a layout it could not run (server-only layouts on Milvus Lite: "server
    only: run with --milvus-uri"). The recommended Milvus config's reasons cite the point.
    """
    measured = [p for p in frontier.get("points", []) if p.get("status") == "measured" and "ndcg_at_10" in p]
    plan = rec.get("vector_plan")
    if not measured or not plan or plan.get("dims") is None:
        return
    status = {(p["vector_type"], p["index"]): p["status"] for p in frontier["points"] if p.get("status") != "measured"}
    options = []
    for option in plan.get("options", []):
        found = next((p for p in measured if _matches(p, option["dtype"], option["index_type"], option["dims"])), None)
        options.append({"dims": option["dims"], "dtype": option["dtype"], "index_type": option["index_type"],
                        "status": "measured" if found else status.get(
                            (option["dtype"], option["index_type"]),
                            "estimated from published retention: not among the measured points"),
                        "measured": _point_summary(found) if found else None})
    own = next((p for p in measured if _matches(p, plan["dtype"], plan["index_type"], plan["dims"])), None)
    exact = next((p for p in measured if p["label"] == "float32 exact"), measured[0])
    if own is None:  # the plan's layout was not run: the best measured point that fits the plan's memory budget
        budget = (plan.get("memory_budget_gb") or 0) * 2**30
        fitting = [p for p in measured if p["memory_bytes"] is not None and (not budget or p["memory_bytes"] <= budget)]
        cited = max(fitting or measured, key=lambda p: p["ndcg_at_10"]["mean"])
    else:
        cited = own
    point = _point_summary(cited)
    how = ("the plan's own layout, measured" if own is not None else
           f"the plan's layout ({plan['dtype']} {plan['index_type']}, {plan['dims']} dims) was not among the measured "
           "points; the best measured point within its memory budget")
    text = (f"Measured on your documents{f' (job {job_id})' if job_id else ''}: {point['label']} ({how}) keeps "
            f"nDCG@10 {point['ndcg_at_10']:.3f} (95% CI {point['ci95'][0]:.3f}-{point['ci95'][1]:.3f}) against "
            f"{exact['ndcg_at_10']['mean']:.3f} for exact float32, recall@10 {point['recall_at_10_vs_float32']:.3f} "
            "of exact search" + (f", {point['memory_gib']:.3f} GiB for the full corpus" if point["memory_gib"] else "")
            + ".")
    rec.setdefault("measured", {})["vector_plan"] = {**point, "matches_plan": own is not None, "job_id": job_id,
                                                     "text": text, "options": options}
    milvus = rec.get("milvus")
    if isinstance(milvus, dict) and isinstance(milvus.get("reasons"), list):
        milvus["reasons"] = [*milvus["reasons"], text]
