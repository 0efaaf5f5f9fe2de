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
                     "published": published.get(f.get("model"))})
    return sorted(rows, key=lambda r: -(r.get("ndcg_at_10") or -1))


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
    held = None
    if transfer.get("kendall") is not None:
        held = transfer["kendall"] >= 0.99
    scores = "; ".join(f"{r['candidate']} {r['ndcg_at_10']:.3f} (95% CI {r['ci95'][0]:.3f}-{r['ci95'][1]:.3f}"
                       + (f", published {r['published']:.3f}" if r.get("published") is not None else "") + ")"
                       for r in rows if r["status"] == "ok")
    text = [f"Measured on your {results.get('run', {}).get('n_docs', '?')} documents "
            f"({results.get('run', {}).get('n_queries', '?')} {results.get('queries', {}).get('source', '')} queries), "
            f"nDCG@10: {scores}."]
    if transfer.get("reading"):
        text.append(f"Leaderboard transfer: {transfer['reading']}")
    text.append("What changed: " + ("; ".join(changes) if changes else "nothing in the short list's order (no measured "
                                    "difference between recommended models was significant, or none was measured)."))
    verdict = results.get("queries", {}).get("verdict")
    if verdict:
        text.append(f"About the queries: {verdict}")
    out["measured"] = {"job_id": job_id, "candidates": rows, "leaderboard_order_held": held, "changes": changes,
                       "text": " ".join(text)}
    return out
