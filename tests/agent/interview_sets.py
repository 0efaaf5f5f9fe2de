"""The scorer of ``bench/interview_accuracy.py``, loaded once for every interview test that scores a set of cases.

``accuracy`` is the bench module itself (``load_cases``, ``score``, ``DATA``); registering it in ``sys.modules``
lets its dataclasses find their module.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

_PATH = Path(__file__).resolve().parents[2] / "bench" / "interview_accuracy.py"


def _scorer() -> ModuleType:
    loaded = sys.modules.get("interview_accuracy")
    if loaded is not None:
        return loaded
    spec = importlib.util.spec_from_file_location("interview_accuracy", _PATH)
    assert spec is not None and spec.loader is not None, _PATH
    module = importlib.util.module_from_spec(spec)
    sys.modules["interview_accuracy"] = module
    spec.loader.exec_module(module)
    return module


accuracy = _scorer()
