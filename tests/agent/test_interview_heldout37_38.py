"""The ninth session's blind sets opened for its classes: heldout37 (English and Chinese) and heldout38 (twelve
languages), written from the writer brief alone and measured on arrival at 319055b (83.4% / 20 silent and 86.3% / 10).

Their misses named the session's classes (ambiguous figures asked back, rates with a peak and an average, policy
fields, corrections, chat-typed quantities, side questions and domains); each set keeps at least the figure it reached
when the classes were merged.
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy


@pytest.mark.parametrize(("name", "right", "silent"), [("heldout37", 201, 5), ("heldout38", 199, 2)])
def test_the_blind_set_keeps_its_figure(name: str, right: int, silent: int) -> None:
    result = accuracy.score(accuracy.load_cases(accuracy.DATA / f"{name}_messages.yaml"))
    assert result["right"] >= right and result["silent_wrong_fills"] <= silent
