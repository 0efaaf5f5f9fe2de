"""Apply what was understood from a message to the profile: values, provenance, skips, and checks."""

from __future__ import annotations

import copy
from typing import Any

from agent import interviewer as iv
from agent.state import STATED, AdvisorState
from agent.understanding import Understanding
from agent.understanding_hardware import apple_chip, apple_with_memory
from knowledge.errors import ProfileError
from tools.profile.schema import DEFAULTS, parse_profile


def _hardware(old: dict[str, Any] | None, value: Any) -> dict[str, Any]:
    """Merge a hardware answer into the previous one; a new accelerator drops the old one's memory size."""
    new = {"accelerator": value} if isinstance(value, str) else dict(value or {})
    merged = dict(old or {})
    if "accelerator" in new and str(new["accelerator"]).lower() != str(merged.get("accelerator", "")).lower():
        merged.pop("vram_gb", None)
    merged.update({k: v for k, v in new.items() if v is not None})
    if "accelerator" not in new and "vram_gb" not in new and new.get("ram_gb") and \
            apple_chip(merged.get("accelerator")):
        merged["vram_gb"] = new["ram_gb"]  # "the mac is the 36gb one, not 64": an Apple chip's memory is unified
    if merged.get("accelerator"):  # "M3 Max 36GB" corrected to 64 GB is the 64 GB M3 Max
        merged["accelerator"] = apple_with_memory(str(merged["accelerator"]), merged.get("vram_gb"))
    return merged


def _languages(state: AdvisorState, u: Understanding) -> list[str] | None:
    profile, provenance = state.get("profile") or {}, state.get("provenance") or {}
    if "languages" in u.updates:
        value = u.updates["languages"]
        base = [value] if isinstance(value, str) else list(value)
    elif u.add_languages or u.remove_languages:
        base = list(profile.get("languages") or []) if provenance.get("languages") in STATED else []
    else:
        return None
    base += [lang for lang in u.add_languages if lang not in base]
    drop = {lang.lower() for lang in u.remove_languages}
    return [lang for lang in base if lang.lower() not in drop] or None


def _split_corpus_tokens(state: AdvisorState, u: Understanding, updates: dict[str, Any]) -> dict[str, Any]:
    """"2M tokens in total" becomes a document count (or length) once the other of the two is known."""
    total = getattr(u, "corpus_tokens", None) or state.get("corpus_tokens")
    if not total:
        return {}
    profile, provenance = state.get("profile") or {}, state.get("provenance") or {}

    def known(field: str) -> int | None:
        return updates.get(field) or (profile.get(field) if provenance.get(field) in STATED else None)

    length, docs = known("doc_length_tokens"), known("corpus_docs")
    if length and "corpus_docs" not in updates and not docs:
        return {"corpus_docs": max(1, round(total / length)), "corpus_tokens": None}
    if docs and "doc_length_tokens" not in updates and not length:
        return {"doc_length_tokens": max(1, round(total / docs)), "corpus_tokens": None}
    return {"corpus_tokens": total if not (length and docs) else None}


def _problems(stated: dict[str, Any]) -> dict[str, str]:
    try:
        parse_profile(stated)
    except ProfileError as exc:
        return {key.split(".")[0]: msg for key, msg in exc.problems.items()}
    return {}


def apply_understanding(state: AdvisorState, u: Understanding, lang: str) -> dict[str, Any]:
    """The state update for one understood message: profile, provenance, changes and acknowledgements.

    A value the profile contract rejects is not applied: the note says why, and the field stays unknown so
    it is asked again.

    Args:
        state: the consultation before the message.
        u: what the message says (agent.understanding's result, or the LLM's extraction converted to it).
        lang: the reply language, "en" or "zh".
    """
    profile = copy.deepcopy(state.get("profile") or {})
    provenance = dict(state.get("provenance") or {})
    old_profile, old_prov = copy.deepcopy(profile), dict(provenance)
    updates = {k: v for k, v in u.updates.items() if k != "languages"}
    languages = _languages(state, u)
    if languages is not None:
        updates["languages"] = languages
    if u.priorities:
        updates["priorities"] = list(u.priorities)
    if u.top_k:
        updates["top_k"] = u.top_k
    updates.update(_split_corpus_tokens(state, u, updates))
    if "hardware" in updates:
        updates["hardware"] = _hardware(profile.get("hardware") if provenance.get("hardware") in STATED else None,
                                        updates["hardware"])
    corpus_tokens = updates.pop("corpus_tokens", state.get("corpus_tokens"))
    for field, value in updates.items():
        was_stated = provenance.get(field) in STATED
        corrected = field in u.corrected or (was_stated and profile.get(field) != value)
        profile[field] = value
        provenance[field] = "confirmed" if field in u.confirmed else "corrected" if corrected else "said"
    notes: list[str] = []
    for field in u.unset:  # "that 2,000 was growth, not budget": the field is unknown again and asked again
        if field in updates:
            continue  # "scratch that, the 50k is per day not per month": taken back and given anew, the new value holds
        if provenance.get(field) in ("said", "corrected", "confirmed", "edited"):
            old_value = profile.pop(field, None)
            provenance.pop(field, None)
            notes.append(iv.t("unset", lang, label=iv.label(field, lang), old=iv.show_value(field, old_value)))
    growth = getattr(u, "growth_docs_month", None)
    if growth:
        notes.append(iv.t("growth", lang, n=f"{growth:,.0f}"))
    problems = _problems({k: v for k, v in profile.items() if provenance.get(k) in STATED})
    for field, problem in problems.items():
        if field in old_profile:
            profile[field], provenance[field] = old_profile[field], old_prov[field]
        else:
            profile.pop(field, None)
            provenance.pop(field, None)
        updates.pop(field, None)
        notes.append(iv.t("invalid", lang, label=iv.label(field, lang), problem=problem))
    for field in u.skipped:
        if field in DEFAULTS and provenance.get(field) not in STATED:
            profile[field], provenance[field] = copy.deepcopy(DEFAULTS[field]), "assumed"
            notes.append(iv.t("skipped", lang, label=iv.label(field, lang), default=iv.default_note(field)))
    said = [f for f in updates if provenance.get(f) in ("said", "confirmed")]  # (not a field taken back above)
    fixed = [f for f in updates if provenance.get(f) == "corrected"]
    if said:
        notes.insert(0, iv.t("noted", lang, items="; ".join(iv.ack_item(f, profile[f], lang) for f in said)))
    if fixed:
        notes.insert(0, iv.t("corrected", lang, items="; ".join(
            f"{iv.label(f, lang)} -> {iv.show_value(f, profile[f])}" for f in fixed)))
    changes = [{"field": f, "old": old_profile.get(f, DEFAULTS.get(f)), "new": profile[f]}
               for f in updates if old_profile.get(f, DEFAULTS.get(f)) != profile[f]]
    changes += [{"field": f, "old": old_profile[f], "new": DEFAULTS.get(f)} for f in u.unset
                if f in old_profile and f not in profile]
    pending = getattr(u, "confirm", None)
    update = {"profile": profile, "provenance": provenance, "changes": changes, "notes": notes,
              "corpus_tokens": corpus_tokens, "pending_confirmation": pending}
    if growth:
        update["corpus_growth_docs_month"] = growth
    return update
