"""The answer at the top of the page: the pick, why, first-indexing time, monthly cost and the Milvus set-up."""

from __future__ import annotations

import html
import json
from typing import Any

from ui.web.charts import indexing_hours

CARD_CSS = """
#summary-card .card {border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 10px 14px;
  background: var(--background-fill-secondary);}
#summary-card .pick {font-size: 1.15em; font-weight: 700; overflow-wrap: anywhere;}
#summary-card .why {margin: 4px 0 8px 0;}
#summary-card .facts {display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 6px 14px;}
#summary-card .facts div {font-size: 0.92em; overflow-wrap: anywhere;}
#summary-card .facts b {display: block; font-size: 0.8em; text-transform: uppercase; opacity: 0.7;}
#summary-card .also {margin-top: 6px; font-size: 0.88em; opacity: 0.85; overflow-wrap: anywhere;}
#summary-card .measured {margin-top: 8px; padding-top: 6px; border-top: 1px solid var(--border-color-primary);
  font-size: 0.92em; overflow-wrap: anywhere;}
#summary-card .measured ul {margin: 2px 0 2px 18px; padding: 0;}
"""


def _e(value: Any) -> str:
    return html.escape(str(value))


def _hours(hours: float) -> str:
    if hours < 1:
        return f"{hours * 60:.0f} min"
    if hours < 48:
        return f"{hours:.1f} h"
    return f"{hours:,.0f} h (~{hours / 24:,.0f} days)"


def indexing_line(r: dict[str, Any]) -> str:
    """First embedding of the whole corpus: hours on the profile's hardware, or what an API's figure rests on."""
    hours = indexing_hours(r)
    where = (r.get("hardware_fit") or {}).get("accelerator")
    if hours is not None:
        return f"{_hours(hours)}" + (f" on {where}" if where and r.get("kind") == "open" else "")
    if r.get("kind") == "api":
        return "set by the API's rate limits (not estimated)"
    return "not estimated"


def cost_line(r: dict[str, Any]) -> str:
    """Monthly cash cost, with the cloud-rental equivalent when own hardware makes it $0."""
    monthly = float(r.get("estimated_cost_usd_month") or 0.0)
    cost = r.get("cost") or {}
    text = f"${monthly:,.2f}/month"
    once = float(r.get("one_time_cost_usd") or 0.0)
    if once:
        text += f" + ${once:,.2f} once"
    rented = cost.get("cloud_equivalent_monthly_usd")
    if not monthly and rented:
        text += f" on your hardware (${rented:,.2f} if rented)"
    return text


def milvus_line(r: dict[str, Any]) -> str:
    """The index the advisor would build: dense index and metric, its parameters, and hybrid BM25 if any."""
    milvus = r.get("milvus") or {}
    parts = []
    for index in milvus.get("index_params") or []:
        params = ", ".join(f"{k}={v}" for k, v in (index.get("params") or {}).items())
        if index.get("field_name") == "dense":
            parts.append(f"{index.get('index_type')} {index.get('metric_type')}" + (f" ({params})" if params else ""))
    search = ((milvus.get("search_params") or {}).get("dense") or {}).get("params") or {}
    if search:
        parts.append("search " + ", ".join(f"{k}={v}" for k, v in search.items()))
    if milvus.get("hybrid"):
        ranker = (milvus.get("search_params") or {}).get("ranker") or {}
        parts.append(f"+ BM25 hybrid ({ranker.get('type', 'RRF')})")
    dims = next((f.get("dim") for f in milvus.get("fields") or [] if f.get("dim")), r.get("dims"))
    if dims:
        parts.insert(0, f"{dims}-d")
    return " · ".join(parts) if parts else "see the report"


def why_line(r: dict[str, Any], rec: dict[str, Any]) -> str:
    """One line: the best fit score of how many candidates, on which published figure, and what it fits."""
    bits = [f"best fit score {r['score']:.2f} of {rec.get('candidates_considered', 'all')} candidates"]
    if r.get("benchmark") and r.get("benchmark_score") is not None:
        bits.append(f"{r['benchmark_score']:.3f} on {r['benchmark']}"
                    + (f" ({r['benchmark_coverage']})" if r.get("benchmark_coverage") else ""))
    if r.get("max_tokens"):
        bits.append(f"{r['max_tokens']:,}-token window")
    fit = r.get("hardware_fit") or {}
    if fit.get("fits") and fit.get("accelerator"):
        bits.append(f"fits {fit['accelerator']} in {fit.get('precision', 'fp32')}")
    if (rec.get("profile") or {}).get("data_must_stay_on_prem") and r.get("kind") == "open":
        bits.append("runs on your servers")
    return "; ".join(bits) + "."


def summary_card(rec: dict[str, Any] | None, profile: dict[str, Any] | None = None) -> str:
    """HTML of the card: before a short list, what the advisor needs; after it, the answer in six lines."""
    recs = (rec or {}).get("recommendations") or []
    if not recs:
        from ui.web.parts import profile_rows

        known = "; ".join(f"{k.replace('_', ' ')}: {v}" for k, v, _ in profile_rows(profile or {}, {})
                          if v not in ("-", ""))[:300]
        body = ("Tell the advisor about your documents in the chat below (or say <i>just recommend</i>); "
                "the recommended model, its cost, indexing time and Milvus settings appear here.")
        if known:
            body += f"<div class='also'>So far: {_e(known)}</div>"
        return f"<div class='card'><div class='pick'>Your recommendation will appear here</div>{body}</div>"
    top = recs[0]
    also = " · ".join(f"#{r['rank']} {_e(r['model'])} ({r['score']:.2f}, {_e(cost_line(r))})" for r in recs[1:4])
    return (
        "<div class='card'>"
        f"<div class='pick'>Recommended: {_e(top['model'])} <span style='font-weight:400'>({_e(top['kind'])})"
        "</span></div>"
        f"<div class='why'>{_e(why_line(top, rec or {}))}</div>"
        "<div class='facts'>"
        f"<div><b>First indexing</b>{_e(indexing_line(top))}</div>"
        f"<div><b>Monthly cost</b>{_e(cost_line(top))}</div>"
        f"<div><b>Milvus</b>{_e(milvus_line(top))}</div>"
        "</div>"
        + (f"<div class='also'>Also short-listed: {also}</div>" if also else "")
        + measured_block(rec or {})
        + "</div>")


def transfer_line(measured: dict[str, Any]) -> str:
    """Did the leaderboard's order hold on the user's documents: yes, no, or why it cannot be told."""
    held = measured.get("leaderboard_order_held")
    transfer = measured.get("transfer") or {}
    if held is None:
        return ("Leaderboard order: cannot be tested here (fewer than two checked candidates have a published "
                f"score on {transfer.get('benchmark') or 'the leaderboard'}); decide on the measured scores.")
    return (f"Leaderboard order: {'held' if held else 'did not hold'} on your documents "
            f"({transfer.get('n', '?')} candidates with a published score on {transfer.get('benchmark') or '?'}).")


def measured_block(rec: dict[str, Any]) -> str:
    """The check on the user's documents: nDCG@10 with its 95% CI per candidate, the transfer check, what changed."""
    measured = rec.get("measured")
    if not measured:
        return ""
    items = "".join(
        f"<li><b style='display:inline;text-transform:none;font-size:1em;opacity:1'>{_e(c['candidate'])}</b> "
        f"nDCG@10 {c['ndcg_at_10']:.3f} (95% CI {c['ci95'][0]:.3f}-{c['ci95'][1]:.3f})"
        + (f", published {c['published']:.3f}" if c.get("published") is not None else "") + "</li>"
        for c in measured.get("candidates") or [] if c.get("status") == "ok")
    failed = [c["candidate"] for c in measured.get("candidates") or [] if c.get("status") != "ok"]
    head = (f"Measured on your {measured.get('n_documents') or '?'} documents "
            f"({measured.get('n_queries') or '?'} {measured.get('query_source') or ''} queries)")
    changes = "; ".join(measured.get("changes") or []) or (
        "the order stays (no significant measured difference between recommended models)"
        if measured.get("short_list_measured") else
        "the order stays: no short-listed model could load here (offline: the bundled models were measured)")
    return ("<div class='measured'>"
            f"<div><b style='display:inline'>{_e(head)}</b></div><ul>{items}</ul>"
            + (f"<div>Could not be measured: {_e(', '.join(failed))}</div>" if failed else "")
            + f"<div>{_e(transfer_line(measured))}</div><div>What changed: {_e(changes)}</div></div>")


def details_markdown(rec: dict[str, Any] | None) -> str:
    """The full report rendered in the page (sources, formulas, chunking, storage) and the top Milvus config."""
    if not rec or not rec.get("recommendations"):
        return "The full report (sources, formulas, chunking, storage, Milvus config) appears here with the short list."
    from tools.rank.report import render_markdown

    milvus = rec["recommendations"][0].get("milvus")
    config = ("\n\n## Milvus collection for the top pick\n\n```json\n"
              + json.dumps(milvus, indent=1, ensure_ascii=False, default=str) + "\n```\n") if milvus else ""
    return render_markdown(rec) + config
