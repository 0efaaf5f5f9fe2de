"""Offline tool calls: fill a request's missing arguments from the profile, run the tool, record the evidence."""

from __future__ import annotations

import inspect
import logging
import time
from typing import Any

from pydantic import ValidationError

from agent.answers import answer_from_result
from agent.state import Evidence
from knowledge.errors import ServiceUnavailableError, ToolInputError
from tools.profile.schema import DEFAULTS, parse_profile

logger = logging.getLogger(__name__)


def _accelerator(profile: dict[str, Any]) -> str:
    """The hardware-table name of the profile's accelerator (a CPU class when there is no GPU)."""
    hw = parse_profile({"hardware": profile["hardware"]}).hardware if profile.get("hardware") else None
    if hw is None or hw.is_cpu_only:
        return (hw.cpu_class() if hw else parse_profile({}).hardware.cpu_class())
    return hw.accelerator


def _shortlist(recommendation: dict[str, Any] | None) -> list[dict[str, Any]]:
    return list((recommendation or {}).get("recommendations") or [])


def resolve_places(args: dict[str, Any], recommendation: dict[str, Any] | None) -> dict[str, Any]:
    """``args`` with short-list places ("option": 2, "options": [1, 3]) replaced by the models at those places.

    A place beyond the list (or no list yet) leaves the model to be filled as usual (the top pick).
    """
    if "option" not in args and "options" not in args:
        return args
    recs = _shortlist(recommendation)
    out = {k: v for k, v in args.items() if k not in ("option", "options")}

    def at(place: int) -> str | None:
        index = place - 1 if place > 0 else len(recs) + place
        return recs[index]["model"] if 0 <= index < len(recs) else None

    if args.get("option") and out.get("model") is None:
        out["model"] = at(int(args["option"]))
    if args.get("options") and not out.get("models"):
        named = [m for m in (at(int(p)) for p in args["options"]) if m]
        out["models"] = named if len(named) >= 2 else None
    return out


PROFILE_SOURCE = {"corpus_docs": "corpus_docs", "doc_length_tokens": "doc_length_tokens",
                  "queries_per_month": "queries_per_month", "accelerator": "hardware", "language": "languages"}


def fill_args(fn: Any, args: dict[str, Any], profile: dict[str, Any], stated: dict[str, Any],
              recommendation: dict[str, Any] | None) -> tuple[dict[str, Any], list[str]]:
    """The call's arguments: given values kept, None values filled from the profile or dropped for the default.

    Returns the arguments and the profile fields whose documented default filled one (the user has not said them).

    Args:
        fn: the tool function (its signature says which arguments exist).
        args: the request's arguments; None means "fill from the profile".
        profile: every known profile value (defaults included).
        stated: the fields the user gave (what ``recommend`` gets).
        recommendation: the latest recommendation, if any: its short list fills model names.
    """
    params = inspect.signature(fn).parameters
    recs = _shortlist(recommendation)
    hardware = profile.get("hardware") or DEFAULTS["hardware"]
    fillers: dict[str, Any] = {
        "corpus_docs": lambda: profile.get("corpus_docs", DEFAULTS["corpus_docs"]),
        "doc_length_tokens": lambda: profile.get("doc_length_tokens", DEFAULTS["doc_length_tokens"]),
        "queries_per_month": lambda: profile.get("queries_per_month", DEFAULTS["queries_per_month"]),
        "accelerator": lambda: _accelerator(profile),
        "vram_gb": lambda: hardware.get("vram_gb"),
        "ram_gb": lambda: hardware.get("ram_gb"),
        "language": lambda: (profile.get("languages") or [None])[0],
        "license": lambda: profile.get("license"),
        "profile": lambda: stated,
        "model": lambda: recs[0]["model"] if recs else None,
        "models": lambda: [r["model"] for r in recs] if len(recs) >= 2 else None,
        "n_vectors": lambda: (recs[0]["chunking"]["n_vectors"] if recs else profile.get("corpus_docs")),
        "dims": lambda: recs[0]["dims"] if recs else None,
    }
    out: dict[str, Any] = {}
    assumed: list[str] = []

    def fill(name: str) -> Any:
        value = fillers[name]()
        source = PROFILE_SOURCE.get(name)
        if value is not None and source and source not in stated:
            assumed.append(source)
        return value

    for name, value in args.items():
        if name not in params:
            logger.info("dropping unknown argument %s of %s", name, getattr(fn, "__name__", fn))
            continue
        if value is None and name in fillers:
            value = fill(name)
        if value is not None:
            out[name] = value
    for name, param in params.items():  # required arguments the request left out
        if name not in out and param.default is inspect.Parameter.empty and name in fillers:
            value = fill(name)
            if value is not None:
                out[name] = value
    return out, assumed


def missing_args(fn: Any, args: dict[str, Any]) -> list[str]:
    """Required arguments of ``fn`` that ``args`` still lacks."""
    return [name for name, p in inspect.signature(fn).parameters.items()
            if p.default is inspect.Parameter.empty and name not in args]


def run_tool(tool: Any, args: dict[str, Any], turn: int, config: Any = None) -> tuple[str, Evidence]:
    """Call one tool with filled arguments; return the answer text and the evidence record.

    A ``ToolInputError``, a ``ServiceUnavailableError`` (or arguments the tool's schema rejects) becomes an error
    record whose text says what was wrong; anything else propagates.
    """
    start = time.perf_counter()
    try:
        result = tool.invoke(args, config=config)
    except (ToolInputError, ServiceUnavailableError, ValidationError) as exc:
        elapsed = round((time.perf_counter() - start) * 1000, 2)
        message = str(exc).splitlines()[0]
        return (f"I couldn't look that up: {message}",
                Evidence(tool=tool.name, args=args, status="error", duration_ms=elapsed, summary=message, facts={},
                         turn=turn))
    elapsed = round((time.perf_counter() - start) * 1000, 2)
    text, facts = answer_from_result(tool.name, result)
    return text, Evidence(tool=tool.name, args=args, status="ok", duration_ms=elapsed, summary=text.splitlines()[0],
                          facts=facts, turn=turn)
