"""Formatting for the web UI: chat messages, tables and upload notes built from service replies; no advice logic."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tools.documents.corpus import DOC_SUFFIXES

if TYPE_CHECKING:
    from agent.replies import ConsultationState, ConsultationSummary, ToolEvent

PROFILE_HEADERS = ["field", "value", "source"]
REC_HEADERS = ["#", "model", "kind", "fit score", "published score", "on benchmark", "$/month", "first indexing",
               "dims", "window"]
# in pixels, so a phone scrolls the table sideways instead of breaking words
REC_WIDTHS: list[str | int] = ["44px", "250px", "64px", "84px", "96px", "230px", "80px", "160px", "64px", "80px"]
SCORE_NOTE = ("**fit score** (0-1) is how well a model fits *your* profile: published quality, domain, languages, "
              "context window, cost, latency and hardware, weighted by your priorities (the factor chart shows its "
              "parts); it decides the rank. **published score** is the model's mean retrieval score "
              "(nDCG@10) on the benchmark named beside it, as published on MTEB; scores on different benchmarks are "
              "not comparable with each other.")
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


MARKDOWN_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?[^)]*\)")
HTML_IMAGE = re.compile(r"<\s*(img|image|picture|source|video|audio|iframe)\b([^>]*)>", re.IGNORECASE)
SRC = re.compile(r"src\s*=\s*[\"']?([^\"'\s>]*)", re.IGNORECASE)


def no_remote_images(text: str) -> str:
    """Chat text with its images turned into plain links: a viewer's browser fetches nothing it did not click."""
    text = MARKDOWN_IMAGE.sub(lambda m: f"[image: {m.group(1) or 'untitled'}]({m.group(2)})", text or "")
    def link(m: re.Match[str]) -> str:
        src = SRC.search(m.group(2))
        return f"[{m.group(1).lower()}: {src.group(1) if src else 'no source'}]"

    return HTML_IMAGE.sub(link, text)


def transcript_messages(state: ConsultationState) -> list[dict[str, str]]:
    """A stored consultation's transcript as openai-style chat messages (images as links)."""
    return [{"role": m.role, "content": no_remote_images(m.text)} for m in state.transcript]


def edited_values(table: Any, profile: dict[str, Any]) -> dict[str, str]:
    """Field -> new text for each row of the edited profile table whose value differs from the profile's."""
    rows = table.values.tolist() if hasattr(table, "values") else list(table or [])
    out = {}
    for row in rows:
        if len(row) >= 2 and row[0] in profile and str(row[1]).strip() != _value(profile[row[0]]):
            out[str(row[0])] = str(row[1]).strip()
    return out


def profile_rows(profile: dict[str, Any], provenance: dict[str, str]) -> list[list[str]]:
    """The profile as rows of field, value and where it came from (said / assumed / corrected / confirmed / edited)."""
    return [[key, _value(value), provenance.get(key, "-")] for key, value in profile.items()]


def recommendation_rows(rec: dict[str, Any] | None) -> list[list[Any]]:
    """The short list as table rows: each published score beside the benchmark it was measured on."""
    if not rec:
        return []
    from ui.web.summary import indexing_line

    return [[r["rank"], r["model"], r["kind"], round(r["score"], 3),
             "-" if r["benchmark_score"] is None else round(r["benchmark_score"], 4),
             (r.get("benchmark") or "-") + (f" ({r['benchmark_coverage']})" if r.get("benchmark_coverage") else ""),
             round(r["estimated_cost_usd_month"], 2), indexing_line(r), r["dims"] or "-",
             r["max_tokens"] or "unlimited"]
            for r in rec["recommendations"]]


def consultation_choices(summaries: Sequence[ConsultationSummary]) -> list[tuple[str, str]]:
    """Dropdown choices (label, id) for earlier consultations, newest first: the first message names each one."""
    def label(s: ConsultationSummary) -> str:
        title = " ".join((s.title or "").split()) or "(no message yet)"
        title = title if len(title) <= 48 else title[:47] + "…"
        return f"{title} · {s.top_model or 'no short list yet'} · {s.updated_at[:16].replace('T', ' ')}"

    return [(label(s), s.consultation_id) for s in summaries]


def candidate_choices(rec: dict[str, Any] | None) -> tuple[list[str], list[str]]:
    """Candidates to offer and to tick: the short list's open models + bm25 where on disk, else minilm + bm25."""
    from huggingface_hub import try_to_load_from_cache

    open_models = [r["model"] for r in (rec or {}).get("recommendations", []) if r["kind"] == "open"]
    on_disk = [m for m in open_models if isinstance(try_to_load_from_cache(m, "config.json"), str)]
    choices = list(dict.fromkeys(open_models + EXTRA_CANDIDATES))
    return choices, (on_disk + ["bm25"]) if on_disk else list(OFFLINE_CANDIDATES)


@dataclass
class Uploads:
    """The uploaded files sorted: those a check reads, those skipped with the reason, and what stops a check."""

    ready: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    total_bytes: int = 0
    problem: str | None = None


def sort_uploads(paths: Sequence[str], max_total_bytes: int) -> Uploads:
    """Which uploads a check reads; unsupported and empty files are skipped by name, not the whole batch refused."""
    out = Uploads()
    for path in paths:
        p = Path(path)
        if p.suffix.lower() not in DOC_SUFFIXES:
            out.skipped.append((p.name, f"unsupported type {p.suffix or '(none)'}"))
        elif p.stat().st_size == 0:
            out.skipped.append((p.name, "empty"))
        else:
            out.ready.append(path)
            out.total_bytes += p.stat().st_size
    if not paths:
        out.problem = "Upload at least one document first."
    elif not out.ready:
        out.problem = (f"None of the {len(paths)} file(s) can be read: "
                       + "; ".join(f"{n} ({why})" for n, why in out.skipped[:5])
                       + f". Use {', '.join(sorted(DOC_SUFFIXES))}.")
    elif out.total_bytes > max_total_bytes:
        out.problem = (f"The uploads total {out.total_bytes / 1e6:.1f} MB; the limit is {max_total_bytes / 1e6:.0f} MB "
                       "in total.")
    return out


def upload_summary(paths: Sequence[str], max_total_bytes: int) -> str:
    """A compact HTML note: the count and size, skipped files named, and the file list folded away."""
    if not paths:
        return ""
    up = sort_uploads(paths, max_total_bytes)
    n = up.total_bytes
    size = f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.1f} kB" if n >= 1e3 else f"{n} bytes"
    head = f"{len(up.ready)} of {len(paths)} file(s) ready ({size})"
    lines = []
    if up.problem:
        lines.append(f"<p class='warn'>⚠️ {html.escape(up.problem)}</p>")
    if up.skipped:
        names = "; ".join(f"{html.escape(n)} ({html.escape(why)})" for n, why in up.skipped[:10])
        more = f" and {len(up.skipped) - 10} more" if len(up.skipped) > 10 else ""
        lines.append(f"<p class='warn'>Skipped {len(up.skipped)}: {names}{more}. "
                     f"Readable types: {', '.join(sorted(DOC_SUFFIXES))}.</p>")
    if not up.problem:
        lines.append("<p>Pick candidates and run the check.</p>")
    items = "".join(f"<li>{html.escape(Path(p).name)}</li>" for p in up.ready)
    listing = f"<details><summary>{html.escape(head)}</summary><ul class='files'>{items}</ul></details>"
    return listing + "".join(lines)


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
    """Markdown: corpus size, how the queries were made, the caveats that limit the reading, the comparisons."""
    from ui.web.check_run import caveats, comparison_lines

    run, queries = results["run"], results["queries"]
    lines = [f"**{run['n_docs']} documents, {run['n_queries']} queries** ({queries.get('method') or 'given'})."]
    notes = caveats(results)
    if notes:
        lines += ["", "**Read with care:**", *[f"- ⚠️ {n}" for n in notes]]
    comparisons = comparison_lines(results)
    if comparisons:
        lines += ["", "**Differences between candidates:**", *[f"- {c}" for c in comparisons]]
    return "\n".join(lines)
