"""Block Kit for the advisor's replies: the text, the short list as fields, feedback and "Edit profile" actions."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from agent.replies import Reply

MAX_SECTION = 2900  # Block Kit caps a section's text at 3,000 characters


def escape(text: str) -> str:
    """Text Slack shows as typed: ``<!channel>``, ``<@U1>`` and links are not expanded (``& < >`` escaped)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _fmt(value: Any, spec: str = "") -> str:
    return "n/a" if value is None else format(value, spec)


def render_blocks(reply: Reply) -> list[dict[str, Any]]:
    """Block Kit for a reply: the text, then the short list as a table-like section list with the top reasons."""
    blocks: list[dict[str, Any]] = []
    text = reply.text.strip() or reply.pending_question or "…"
    rec = reply.recommendation
    if rec and rec.get("recommendations"):
        text = text.split("\n\n")[0]  # the short list below replaces the long text rendering
    blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": escape(text)[:MAX_SECTION]}})
    if not rec or not rec.get("recommendations"):
        return blocks
    blocks += [{"type": "divider"}, {"type": "header", "text": {"type": "plain_text", "text": "Short list"}}]
    for r in rec["recommendations"][:5]:
        blocks.append({"type": "section", "fields": [
            {"type": "mrkdwn", "text": f"*{r['rank']}. {r['model']}*\n{r['kind']}, score {_fmt(r['score'], '.3f')}"},
            {"type": "mrkdwn", "text": f"${_fmt(r['estimated_cost_usd_month'], ',.2f')}/month · "
                                       f"{_fmt(r.get('dims'))} dims · {_fmt(r.get('max_tokens'), ',')} tokens"},
        ]})
        reasons = "\n".join(f"• {x}" for x in r.get("reasons", [])[:2])
        if reasons:
            blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": reasons[:MAX_SECTION]}]})
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": (
        f"Full report: `embedding-advisor chat --id {reply.consultation_id}` · "
        "or `embedding-advisor recommend --profile profile.yaml` with this profile")}]})
    if reply.pending_question:
        blocks.append({"type": "section", "text": {"type": "mrkdwn",
                                                   "text": escape(reply.pending_question)[:MAX_SECTION]}})
    return blocks


EDIT_ACTION, EDIT_VIEW = "edit_profile", "edit_profile_view"


def edit_button(consultation_id: str) -> dict[str, Any]:
    """The "Edit profile" action under a reply: opens a form of the profile's fields."""
    return {"type": "actions", "elements": [{"type": "button", "action_id": EDIT_ACTION, "value": consultation_id,
                                             "text": {"type": "plain_text", "text": "Edit profile"}}]}


def edit_view(state: Any, channel: str, thread_ts: str) -> dict[str, Any]:
    """A modal with one text input per interview field, filled with the current values and their provenance."""
    from agent.state import FIELDS

    blocks = []
    for field in FIELDS:
        element: dict[str, Any] = {"type": "plain_text_input", "action_id": "value"}
        if field in state.profile:
            element["initial_value"] = shown_value(state.profile[field])[:150]
        hint = state.provenance.get(field, "not given")
        blocks.append({"type": "input", "block_id": field, "optional": True, "element": element,
                       "label": {"type": "plain_text", "text": field}, "hint": {"type": "plain_text", "text": hint}})
    meta = json.dumps({"consultation_id": state.consultation_id, "channel": channel, "thread_ts": thread_ts})
    return {"type": "modal", "callback_id": EDIT_VIEW, "private_metadata": meta, "blocks": blocks,
            "title": {"type": "plain_text", "text": "Edit profile"}, "submit": {"type": "plain_text", "text": "Save"}}


def shown_value(value: Any) -> str:
    """A profile value as the edit form shows it (and as ``agent.profile_edits`` reads it back)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items() if v is not None)
    return str(value)


FEEDBACK_ACTIONS = ("feedback_helpful", "feedback_not_helpful")


def feedback_block(consultation_id: str) -> dict[str, Any]:
    """Two buttons under a short list; their value carries the consultation id."""
    return {"type": "actions", "block_id": "feedback", "elements": [
        {"type": "button", "action_id": FEEDBACK_ACTIONS[0], "value": consultation_id,
         "text": {"type": "plain_text", "text": "👍 Helpful"}},
        {"type": "button", "action_id": FEEDBACK_ACTIONS[1], "value": consultation_id,
         "text": {"type": "plain_text", "text": "👎 Not helpful"}}]}


def reply_blocks(reply: Reply) -> list[dict[str, Any]]:
    """The reply as Block Kit (short list as fields, not a wall of text), with feedback buttons under a short list."""
    blocks = render_blocks(reply)
    if reply.recommendation and reply.recommendation.get("recommendations"):
        blocks.append(feedback_block(reply.consultation_id))
    return blocks
