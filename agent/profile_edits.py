"""Edits of the profile outside the conversation (web table, PATCH route, /set, Slack): parsed, validated, "edited".

An edit names fields and values. A value may be typed (JSON from the API) or text ("200k", "A100 80GB", "en, ja",
"$500 a month"): text is read by the same understanding as a chat answer to that field's question. The merged profile
is validated like every profile, and a bad value raises ``ProfileError`` naming the field. Accepted edits get the
provenance "edited" and flow into the consultation as a constraint change (re-ranking an existing short list).
"""

from __future__ import annotations

import copy
from typing import Any

from agent.state import AdvisorState, stated_profile
from agent.understanding import understand
from knowledge.errors import ProfileError
from tools.profile.schema import PROFILE_FIELDS, parse_profile

_TEXT_FIELDS = ("domain", "deployment", "license")
_BOOLEAN_TEXT = {"true": True, "yes": True, "1": True, "on": True, "false": False, "no": False, "0": False,
                 "off": False}


def _number(text: str) -> float | str:
    try:
        return float(text)
    except ValueError:
        return text.strip()


def parse_value(field: str, value: Any) -> Any:
    """One edited value in the profile's own type; text is read like an answer to that field's question.

    Raises:
        ProfileError: naming ``field`` when the text cannot be read as a value for it.
    """
    if field not in PROFILE_FIELDS:
        raise ProfileError({field: "unknown field; allowed: " + ", ".join(PROFILE_FIELDS)})
    if not isinstance(value, str):
        return value
    text = value.strip()
    low = text.lower()
    if field in _TEXT_FIELDS:
        return low.replace("-", "_") if field == "deployment" else low
    if field == "data_must_stay_on_prem" and low in _BOOLEAN_TEXT:
        return _BOOLEAN_TEXT[low]
    if field in ("budget_usd_month", "latency_p95_ms") and low in ("none", "no limit", "null", "unlimited", "-"):
        return None
    if field == "priorities":
        return [p.strip() for p in low.replace(">", ",").split(",") if p.strip()]
    if field == "hardware" and "=" in low:  # the web table's "accelerator=T4, vram_gb=16"
        pairs = dict(p.split("=", 1) for p in (x.strip() for x in text.split(",")) if "=" in p)
        return {k.strip(): (v.strip() if k.strip() == "accelerator" else _number(v)) for k, v in pairs.items()}
    if field == "top_k" and low.isdigit():
        return int(low)
    u = understand(text, field if field != "top_k" else None)
    if field == "languages" and (u.updates.get("languages") or u.add_languages):
        return u.updates.get("languages") or u.add_languages
    if field in u.updates:
        return u.updates[field]
    raise ProfileError({field: f"could not read {text!r} as a value for {field}"})


def edited_state(state: AdvisorState, changes: dict[str, Any]) -> dict[str, Any]:
    """The state update for an edit: profile, provenance "edited", changes and a note; validated first.

    Raises:
        ProfileError: every bad field named (an unknown field, a value the profile contract rejects).
    """
    if not isinstance(changes, dict) or not changes:
        raise ProfileError({"profile": "give at least one field to change, e.g. {\"corpus_docs\": 200000}"})
    parsed: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for field, value in changes.items():
        try:
            parsed[field] = parse_value(field, value)
        except ProfileError as exc:
            problems.update(exc.problems)
    try:
        profile = parse_profile({**stated_profile(state), **parsed})
    except ProfileError as exc:
        problems.update(exc.problems)
    if problems:
        raise ProfileError(problems)
    checked = profile.model_dump(mode="json")
    old = state.get("profile") or {}
    new_profile = copy.deepcopy(old)
    provenance = dict(state.get("provenance") or {})
    diff = []
    for field, value in parsed.items():
        value = checked[field] if field != "hardware" else {k: v for k, v in checked["hardware"].items()
                                                            if v is not None and (k in (value if isinstance(
                                                                value, dict) else {}) or k == "accelerator")}
        if field == "hardware" and isinstance(parsed[field], str):
            value = {"accelerator": checked["hardware"]["accelerator"]}
        if old.get(field) != value:
            diff.append({"field": field, "old": old.get(field), "new": value})
        new_profile[field], provenance[field] = value, "edited"
    return {"profile": new_profile, "provenance": provenance, "changes": diff, "pending_confirmation": None}
