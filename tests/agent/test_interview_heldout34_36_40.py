"""The ninth session's never-opened sets opened by the eleventh session's lead: heldout34 (English), heldout36 (ten
languages) and heldout40 (eight languages), written from the writer brief alone and never read until then. Measured at
3eceb71 on opening: 189/221 (85.5%) / 16 silent, 181/219 (82.6%) / 18 and 196/226 (86.7%) / 22.

Their misses named the lead rounds' readings (tests/agent/test_understanding_lead11.py); each set keeps at least the
figure it reached when the session's classes were merged.
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy


@pytest.mark.parametrize(("name", "right", "silent"), [("heldout34", 199, 9), ("heldout36", 197, 10),
                                                       ("heldout40", 210, 13)])
def test_the_opened_set_keeps_its_figure(name: str, right: int, silent: int) -> None:
    result = accuracy.score(accuracy.load_cases(accuracy.DATA / f"{name}_messages.yaml"))
    assert result["right"] >= right and result["silent_wrong_fills"] <= silent
