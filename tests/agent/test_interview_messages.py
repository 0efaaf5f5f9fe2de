"""The table of realistic interview messages: field accuracy, no silent wrong fills (bench/interview_accuracy.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "interview_accuracy", Path(__file__).resolve().parents[2] / "bench" / "interview_accuracy.py")
accuracy = importlib.util.module_from_spec(_SPEC)
sys.modules["interview_accuracy"] = accuracy  # dataclasses look their module up
_SPEC.loader.exec_module(accuracy)

CASES = accuracy.load_cases(accuracy.SUITE)
HELDOUT = accuracy.load_cases(accuracy.HELDOUT)


def test_the_suite_is_large_and_multilingual() -> None:
    assert len(CASES) >= 300
    languages = {c["id"].split("-")[0] for c in CASES}
    assert {"en", "zh", "de", "fr", "es", "ja"} <= languages
    assert len({c["id"] for c in CASES + HELDOUT}) == len(CASES) + len(HELDOUT)


@pytest.mark.parametrize("case", [c for c in CASES if not c.get("tool")], ids=lambda c: c["id"])
def test_no_silent_wrong_fill(case: dict) -> None:
    outcome = accuracy.run_case(case)
    assert not outcome.silent, f"{case['m']!r}: {outcome.silent}"


def test_field_accuracy_on_the_suite() -> None:
    result = accuracy.score(CASES)
    assert result["silent_wrong_fills"] == 0
    assert result["accuracy"] >= 0.97, f"{result['accuracy']:.1%}"


def test_held_out_messages_hold_up() -> None:
    result = accuracy.score(HELDOUT)
    assert result["silent_wrong_fills"] <= 4
    assert result["accuracy"] >= 0.85, f"{result['accuracy']:.1%}"
