"""The bench scorer of the interview's message sets, loaded once for the tests that assert a set's figure.

``bench/interview_accuracy.py`` is a script, not a package module: this loads it under one name so its dataclasses
find their module, and gives the two things every set test needs (the cases of a file, the ids that went wrong).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

_NAME = "interview_accuracy"
if _NAME not in sys.modules:
    _SPEC = importlib.util.spec_from_file_location(
        _NAME, Path(__file__).resolve().parents[2] / "bench" / "interview_accuracy.py")
    assert _SPEC is not None and _SPEC.loader is not None
    _MODULE = importlib.util.module_from_spec(_SPEC)
    sys.modules[_NAME] = _MODULE  # dataclasses look their module up
    _SPEC.loader.exec_module(_MODULE)
accuracy: Any = sys.modules[_NAME]


def cases(name: str) -> list[dict[str, Any]]:
    """The cases of ``tests/agent/data/{name}_messages.yaml``."""
    return accuracy.load_cases(accuracy.DATA / f"{name}_messages.yaml")


def missed(result: dict[str, Any]) -> set[str]:
    """The ids of the cases a scored set got wrong (a field missed or stored wrong, a tool not routed)."""
    return {o.case["id"] for o in result["outcomes"] if o.problems or o.silent}
