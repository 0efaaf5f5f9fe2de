"""heldout50 (s16-b): users in the middle and at the end of a consultation, written blind, opened in round sixteen.

Corrections and follow-ups with ``prev``, put-offs, confirms and side questions in the middle of a correction, in
English, Chinese, German, French, Spanish, Japanese, Portuguese, Italian, Arabic and Hinglish. Measured on arrival at
c5f6afc (main): 223/259 (86.1%), 14 silent wrong fills. The classes fixed are in tests/agent/test_understanding_s16b.py.
"""

from __future__ import annotations

from interview_sets import accuracy

HELDOUT50 = accuracy.load_cases(accuracy.DATA / "heldout50_messages.yaml")

# Known misses: "would bge-m3 even fit on a 16GB T4?" (the card of a side question is not stored), a side question
# after a correction of the budget's period (not routed), and "200 manuals, each hundreds of pages" (the writer asks
# back; the committed convention reads the manuals as the documents and the pages as their length: two silent
# fills).
KNOWN = {"h50-en-44", "h50-de-20", "h50-ja-17"}


def test_the_blind_set_keeps_its_figure() -> None:
    assert len(HELDOUT50) == 220 and len({c["id"] for c in HELDOUT50}) == len(HELDOUT50)
    result = accuracy.score(HELDOUT50)
    assert result["right"] >= 257 and result["silent_wrong_fills"] <= 2


def test_only_the_known_cases_miss() -> None:
    result = accuracy.score(HELDOUT50)
    wrong = {o.case["id"] for o in result["outcomes"] if o.silent or o.problems}
    assert wrong <= KNOWN, sorted(wrong - KNOWN)
