"""heldout46: non-specialists in twelve languages, written blind in the thirteenth session, opened for s14-a.

Lawyers, clinic managers, librarians, town-hall clerks, shop owners and HR managers writing in English, Chinese,
German, French, Korean, Arabic, Hebrew, Czech, Romanian, Greek, Danish and Finnish (220 messages, 257 fields). It read
178/257 (69.3%) with 15 silent wrong fills at dcb2949. Its classes were fixed in general and checked on phrasings of
our own (``test_understanding_s14a.py``); two cases were corrected to the sets' conventions (h46-zh-23, h46-ar-15,
with a note each).
"""

from __future__ import annotations

from interview_sets import accuracy

HELDOUT46 = accuracy.load_cases(accuracy.DATA / "heldout46_messages.yaml")

# Cases with a field still missed or filled wrong, or a side question not routed (a vendor's model named by its maker,
# a rate per hour over hours a day, an average after the extremes in another sentence, a factor asked back by
# convention, a Danish "kr." with no word only Danish writes)
KNOWN_MISSES = {"h46-en-11", "h46-en-12", "h46-en-13", "h46-en-15", "h46-en-17", "h46-en-20", "h46-en-27",
                "h46-en-31", "h46-zh-18", "h46-de-15", "h46-fr-5", "h46-ko-20", "h46-ar-14", "h46-he-9", "h46-he-14",
                "h46-cs-11", "h46-ro-14", "h46-el-15", "h46-da-2", "h46-fi-2"}


def test_the_set_keeps_its_figure() -> None:
    assert len(HELDOUT46) == 220 and len({c["id"] for c in HELDOUT46}) == len(HELDOUT46)
    result = accuracy.score(HELDOUT46)
    assert result["fields"] == 257
    assert result["right"] >= 243 and result["silent_wrong_fills"] <= 3
    assert result["side_questions_routed"] >= 25


def test_only_the_known_cases_miss() -> None:
    result = accuracy.score(HELDOUT46)
    wrong = {o.case["id"] for o in result["outcomes"] if o.silent or o.problems}
    assert wrong <= KNOWN_MISSES, sorted(wrong - KNOWN_MISSES)
