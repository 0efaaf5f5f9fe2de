"""Render a recommendation result (the JSON object) as a Markdown report."""

from __future__ import annotations

from typing import Any


def _money(value: float | None) -> str:
    return "-" if value is None else f"${value:,.2f}"


def _num(value: float | None, digits: int = 4) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _evidence_lines(evidence: dict[str, Any] | None) -> list[str]:
    """The evidence base: board, languages, task subset, the other boards, and each short-listed model's coverage."""
    if not evidence:
        return []
    out = ["## Evidence", "",
           f"Board: **{evidence['board']}**, languages {', '.join(evidence['languages'])}, "
           f"{len(evidence['tasks'])} retrieval tasks ({', '.join(evidence['tasks'])}); {evidence['reason']}."]
    for key, label in (("domain_board", "Domain board"), ("long_board", "Long-document board")):
        board = evidence.get(key)
        if board:
            out.append(f"{label}: {board['name']} ({', '.join(board['languages'])}, {len(board['tasks'])} task(s)); "
                       f"{board['reason']}.")
    out += [f"Note: {n}" for n in evidence.get("notes", [])]
    out += ["", "| model | figure | per language | tasks | imputed | group |", "|---|---|---|---|---|---|"]
    for row in evidence.get("table", []):
        if "board" not in row:
            continue
        per_lang = ", ".join(f"{k} {v:.4f}" for k, v in row["per_language"].items()) or "-"
        figure = _num(row["score"]) + (f" ± {row['uncertainty']:.3f}" if row["imputed"] else "")
        out.append(f"| {row['model']} | {figure} | {per_lang} | {row['tasks_scored']}/{row['tasks_total']} | "
                   f"{'yes' if row['imputed'] else 'no'} | {row['group']} |")
    return [*out, ""]
def _deployment_lines(rec: dict[str, Any]) -> list[str]:
    """First indexing, the vector plan and its options, prefixes, reranker and hosting of one pick."""
    out: list[str] = []
    compute = rec.get("compute")
    if compute:
        out += ["", f"First indexing and compute ({compute['basis']}): {compute['formula']}. {compute['cost_note']}."]
        if compute.get("batch"):
            out.append(f"Batch API: {compute['batch']['formula']}, ${compute['batch']['usd']:,.2f} at the batch price.")
    plan = rec.get("vector_plan")
    if plan:
        out += ["", f"Vector plan: {plan['note']}. Quality cost: {plan['quality_cost']}. Measure: "
                    f"`{plan['measure_command']}`", "",
                "| dims | dtype | index | memory GB | disk GB | fits | quality kept |", "|---|---|---|---|---|---|---|"]
        out += [f"| {o['dims'] or '-'} | {o['dtype']} | {o['index_type']} | {o['memory_gb']:,.2f} | "
                f"{o['disk_gb']:,.2f} | {'yes' if o['fits'] else 'no'} | {o['quality_cost']} |"
                for o in plan["options"]]
    prefixes = rec.get("prefixes") or {}
    if prefixes.get("query") or prefixes.get("document") or prefixes.get("note"):
        out += ["", f"Prefixes: query `{prefixes.get('query') or ''}`, document `{prefixes.get('document') or ''}`"
                    + (f" ({prefixes['note']})" if prefixes.get("note") else "")]
    if rec.get("reranker"):
        rr = rec["reranker"]
        out += ["", f"Reranker: {rr['model']} ({rr['kind']}), top {rr['depth']}: {rr['formula']}."]
    if rec.get("hosting"):
        host = rec["hosting"]
        out += ["", f"Vector database hosting: ${host['usd_month']:,.2f}/month ({host['formula']})."]
    return out


def render_markdown(result: dict[str, Any]) -> str:
    """The consultation report: short list, reasons, caveats, rejected models, what would change the answer."""
    out: list[str] = [f"# Embedding model recommendation: {result['id']}", ""]
    if result.get("status") != "ok":
        return "\n".join([*out, f"**Failed:** {result.get('error')}", ""])
    profile = result["profile"]
    out += ["## Requirements", "", "| field | value | |", "|---|---|---|"]
    assumed = result.get("assumed_defaults", {})
    for key, value in profile.items():
        shown = ", ".join(map(str, value)) if isinstance(value, list) else value
        if isinstance(value, dict):
            shown = ", ".join(f"{k}={v}" for k, v in value.items() if v is not None)
        out.append(f"| {key} | {shown} | {'assumed default' if key in assumed else 'given'} |")
    out += ["", "Benchmarks matched: " + "; ".join(f"{b['name']} ({b['reason']})" for b in result["benchmarks"]), ""]
    out += _evidence_lines(result.get("evidence"))
    out += ["## Short list", "",
            "| rank | model | kind | score | benchmark score | $/month | once | dims | context |",
            "|---|---|---|---|---|---|---|---|---|"]
    for rec in result["recommendations"]:
        bench = f"{_num(rec['benchmark_score'])} ({rec['benchmark']}, {rec['benchmark_coverage']})" \
            if rec["benchmark"] else "-"
        out.append(f"| {rec['rank']} | {rec['model']} | {rec['kind']} | {rec['score']:.3f} | {bench} | "
                   f"{_money(rec['estimated_cost_usd_month'])} | {_money(rec['one_time_cost_usd'])} | "
                   f"{rec['dims'] or '-'} | {rec['max_tokens'] or 'unlimited'} |")
    if not result["recommendations"]:
        out.append("| - | no model meets every constraint: see the rejected models and what would change |")
    weights = result["weights"]
    out += ["", "Factor weights (from your priorities): " + ", ".join(f"{k} {v:.2f}" for k, v in weights.items()), ""]
    for rec in result["recommendations"]:
        out += [f"### {rec['rank']}. {rec['model']}", ""]
        if rec.get("headline"):
            out += [f"**{rec['headline']}**", ""]
        out += [f"- {reason}" for reason in rec["reasons"]]
        out += _deployment_lines(rec)
        if rec["caveats"]:
            out += ["", "Caveats:"] + [f"- {c}" for c in rec["caveats"]]
        out += ["", "| factor | value | evidence |", "|---|---|---|"]
        out += [f"| {name} | {f['value']:.2f} | {f['evidence']} |" for name, f in rec["factors"].items()]
        milvus = rec.get("milvus") or {}
        if milvus:
            idx = "; ".join(f"{i['field_name']}: {i['index_type']} {i['metric_type']} {i['params']}"
                            for i in milvus["index_params"])
            out += ["", f"Milvus collection `{milvus['collection_name']}`: {idx}"
                    + (" (hybrid dense + BM25, RRF)" if milvus["hybrid"] else ""), ""]
    if result["rejected"]:
        out += ["## Ruled out", ""]
        out += [f"- **{r['model']}** ({r['kind']}): {'; '.join(r['reasons'])}" for r in result["rejected"]]
        out.append("")
    if result["what_would_change"]:
        out += ["## What would change the answer", ""] + [f"- {line}" for line in result["what_would_change"]] + [""]
    out += ["## Sources", ""] + [f"- {s}" for s in result["sources"]] + [""]
    return "\n".join(out)
