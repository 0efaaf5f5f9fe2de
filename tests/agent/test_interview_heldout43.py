"""The opened blind set heldout43 (enterprise e-mail and ticket style, ten languages; thirteenth session, s13-a).

Written blind by an outside writer in the twelfth session and never opened until this one: 82.8% (226/273) with 28
silent wrong fills and 24/29 side questions routed at ddcd6bb. The classes it showed are tested phrased anew in
tests/agent/test_understanding_s13a.py.
"""

from __future__ import annotations

from interview_sets import accuracy

HELDOUT43 = accuracy.load_cases(accuracy.DATA / "heldout43_messages.yaml")
# Left as misses: a cost question before a number routed to the term "embedding" (h43-en-16); conversations a day
# times the searches each (h43-en-17); the embedding's share of a total time budget (h43-it-12); "per dag per
# persoon, 7 dagen per week" (h43-nl-2); people corrected under a rate in Polish and Arabic (h43-pl-6, h43-ar-6); a
# language inside a why-not question (h43-pl-12); two shifts a day (h43-ru-3); "only our own servers" as self-hosting
# (h43-ru-12); a card corrected in Arabic (h43-ar-14); a domain inside an answer to the count question (h43-ar-20); a
# sum's period corrected to a quarter (h43-vi-6); a count and a deadline inside an indexing question (h43-vi-20); a
# rate's period corrected from a day to a week with its factor kept (h43-id-15)
KNOWN_MISSES = {"h43-en-16", "h43-en-17", "h43-it-12", "h43-nl-2", "h43-pl-6", "h43-pl-12", "h43-ru-3", "h43-ru-12",
                "h43-ar-6", "h43-ar-14", "h43-ar-20", "h43-vi-6", "h43-vi-20", "h43-id-15"}


def test_the_set_keeps_its_figure() -> None:
    assert len(HELDOUT43) == 220 and len({c["id"] for c in HELDOUT43}) == len(HELDOUT43)
    result = accuracy.score(HELDOUT43)
    assert result["right"] >= 260 and result["silent_wrong_fills"] <= 5
    assert result["side_questions_routed"] >= 28 and result["side_questions"] == 29
    wrong = {o.case["id"] for o in result["outcomes"] if o.silent or o.problems}
    assert wrong <= KNOWN_MISSES, wrong - KNOWN_MISSES
