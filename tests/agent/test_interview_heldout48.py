"""heldout48: developers, IT managers and buyers in eleven languages, written blind last session, opened for s15-b.

Latin-American Spanish, Italian, Polish, Turkish, Russian, Indonesian, Vietnamese, Thai, Swedish, Dutch and Korean
(220 messages, 254 fields). It read 211/254 (83.1%) with 15 silent wrong fills at 50fe90f. Its classes were fixed in
general and checked on phrasings of our own (``test_understanding_s15b.py``).
"""

from __future__ import annotations

from interview_sets import accuracy

HELDOUT48 = accuracy.load_cases(accuracy.DATA / "heldout48_messages.yaml")

# Cases with a field still missed or filled wrong, or a side question not routed: Argentine pesos (no rate kept) and
# a count read beside them in a window that names no country, a call centre's advisers read as a support domain (a
# self-description), a quarter corrected in dong with no currency in the gloss, a term asked after "que mencionaste"
# with "exactamente"
KNOWN_MISSES = {"h48-es-1", "h48-es-2", "h48-es-20", "h48-vi-13"}


def test_the_set_keeps_its_figure() -> None:
    assert len(HELDOUT48) == 220 and len({c["id"] for c in HELDOUT48}) == len(HELDOUT48)
    result = accuracy.score(HELDOUT48)
    assert result["fields"] == 254
    assert result["right"] >= 251 and result["silent_wrong_fills"] <= 1
    assert result["side_questions_routed"] >= 27


def test_only_the_known_cases_miss() -> None:
    result = accuracy.score(HELDOUT48)
    wrong = {o.case["id"] for o in result["outcomes"] if o.silent or o.problems}
    assert wrong <= KNOWN_MISSES, sorted(wrong - KNOWN_MISSES)
