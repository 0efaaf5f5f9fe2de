"""The blind set of the twelfth session's helper s12-a (heldout35: zh, ja, ko, es, de, fr) keeps its figure.

Measured on arrival at main 2d5af21: 190/215 right, 7 silent wrong fills (193/214, 5 on the set as corrected by
convention: two lone peaks are the rate, "on-premise" is residency only, people corrected under a rate ask the
scaled rate back; see the cases' notes). Known misses: a
manufacturer's department in an opening (h35-ja-1: the blind writers split between general and unset) and "Cloud ist
bei uns tabu" as a deployment (h35-de-11: the committed sets read "no cloud" as residency only).
"""

from __future__ import annotations

from interview_sets import accuracy

HELDOUT35 = accuracy.load_cases(accuracy.DATA / "heldout35_messages.yaml")
KNOWN_MISSES = {"h35-ja-1", "h35-de-11"}


def test_the_blind_set_keeps_its_figure() -> None:
    assert len(HELDOUT35) == 180 and len({c["id"] for c in HELDOUT35}) == len(HELDOUT35)
    result = accuracy.score(HELDOUT35)
    assert result["right"] >= 212 and result["silent_wrong_fills"] == 0
    wrong = {o.case["id"] for o in result["outcomes"] if o.silent or o.problems}
    assert wrong <= KNOWN_MISSES, wrong - KNOWN_MISSES
