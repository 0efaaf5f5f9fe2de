"""The scorer of ``bench/interview_accuracy.py``, loaded once for every interview test that scores a set of cases.

``accuracy`` is the bench module itself (``load_cases``, ``score``, ``DATA``); registering it in ``sys.modules``
lets its dataclasses find their module. Its ``run_case`` is shared by the session: a case (its content, whatever
file or test it comes from) is read once, and each test that scores it again gets a copy of that outcome. A set
scored whole by one test and case by case by another, or again in part, is read once in all.
"""

from __future__ import annotations

import copy
import functools
import importlib.util
import json
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

_PATH = Path(__file__).resolve().parents[2] / "bench" / "interview_accuracy.py"


def _once_per_session(run_case: Callable[[dict[str, Any]], Any]) -> Callable[[dict[str, Any]], Any]:
    outcomes: dict[str, Any] = {}

    @functools.wraps(run_case)
    def run_once(case: dict[str, Any]) -> Any:
        key = json.dumps(case, sort_keys=True, ensure_ascii=False, default=repr)
        if key not in outcomes:
            outcomes[key] = run_case(case)
        return copy.deepcopy(outcomes[key])

    return run_once


def _scorer() -> ModuleType:
    loaded = sys.modules.get("interview_accuracy")
    if loaded is not None:
        return loaded
    spec = importlib.util.spec_from_file_location("interview_accuracy", _PATH)
    assert spec is not None and spec.loader is not None, _PATH
    module = importlib.util.module_from_spec(spec)
    sys.modules["interview_accuracy"] = module
    spec.loader.exec_module(module)
    vars(module)["run_case"] = _once_per_session(module.run_case)  # ``score`` finds it in the module: shared too
    return module


accuracy = _scorer()


def read(message: str, asked: str | None = None, prev: dict[str, Any] | None = None) -> dict[str, Any]:
    """What the offline interview returns for one message (the question just asked, the fields said before)."""
    from agent.nodes import understand_offline

    return understand_offline(accuracy.initial_state({"m": message, "asked": asked, "prev": prev or {}}))


def said(update: dict[str, Any]) -> dict[str, Any]:
    """The fields an update stores as said or corrected (not asked back, assumed or skipped)."""
    provenance = update.get("provenance") or {}
    return {k: v for k, v in (update.get("profile") or {}).items() if provenance.get(k) in ("said", "corrected")}


def assert_reads(message: str, asked: str | None, want: dict[str, Any], prev: dict[str, Any] | None = None) -> None:
    """``message`` stores every field of ``want`` as said (figures within the scorer's 25%)."""
    import pytest

    got = said(read(message, asked, prev))
    for name, value in want.items():
        assert name in got, (message, got)
        close = pytest.approx(value, rel=0.25) if isinstance(value, int | float) else value
        assert got[name] == close, (message, got)


def assert_asks(message: str, asked: str | None, field: str) -> None:
    """``message`` stores no ``field`` and asks about it in a confirming question instead."""
    update = read(message, asked)
    pending = update.get("pending_confirmation") or {}
    assert field not in said(update) and field in (pending.get("fields") or []), (message, update)
