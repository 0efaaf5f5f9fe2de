"""The class set dev16b: when a careful reader asks back instead of storing (fourteenth session, lead round).

Written blind for the round (200 messages, 11 languages) in pairs: a genuinely ambiguous message and its near twin
that a careful reader stores (a sum granted with no period, pages where documents were asked for, a rate restated
for another period, two counts and the user unsure which holds, a card with neither name nor memory, a preference
said of the data or the licence). 73.7% (168/228) with 29 silent wrong fills at dcb2949. The classes are tested
phrased anew in tests/agent/test_understanding_lead14.py.
"""

from __future__ import annotations

from interview_sets import accuracy

DEV16B = accuracy.load_cases(accuracy.DATA / "dev16b_messages.yaml")
# Left as misses: a bare figure beside a city (en-1, zh-1: the committed convention stores the local money or dollars);
# memory over two cards (en-9); "PCIe" said after the card (en-22); a preference to keep the data internal, asked by
# the writer (en-23, en-39, zh-13, de-9, fr-13, es-13, ja-9, pt-14, it-11, ru-9, ko-7, tr-9); licences said vaguely,
# asked by the writer ("open source ideally?", "internal use, we don't sell it": en-25, en-41, zh-15, de-13, fr-9,
# ja-13, pt-11, ru-13); documents per year to the count question (zh-5); a hedged figure after "not sure" (zh-17,
# de-11, es-11, tr-11: the committed convention of s7-d asks it back); "a few thousand a month, say 4,000" (fr-12); a
# vague figure then "maybe more" (ja-12); a count corrected with the old one quoted (pt-10)
KNOWN_MISSES = {"d16b-en-1", "d16b-en-9", "d16b-en-22", "d16b-en-23", "d16b-en-25", "d16b-en-39", "d16b-en-41",
                "d16b-zh-1", "d16b-zh-5", "d16b-zh-13", "d16b-zh-15", "d16b-zh-17", "d16b-de-9", "d16b-de-11",
                "d16b-de-13", "d16b-fr-9", "d16b-fr-12", "d16b-fr-13", "d16b-es-5", "d16b-es-11", "d16b-es-13",
                "d16b-ja-9", "d16b-ja-12", "d16b-ja-13", "d16b-pt-10", "d16b-pt-11", "d16b-pt-14", "d16b-it-11",
                "d16b-ru-9", "d16b-ru-13", "d16b-ko-7", "d16b-tr-9", "d16b-tr-11"}


def test_the_set_keeps_its_figure() -> None:
    assert len(DEV16B) == 200 and len({c["id"] for c in DEV16B}) == len(DEV16B)
    result = accuracy.score(DEV16B)
    assert result["right"] >= 195 and result["silent_wrong_fills"] <= 11
    wrong = {o.case["id"] for o in result["outcomes"] if o.silent or o.problems}
    assert wrong <= KNOWN_MISSES, wrong - KNOWN_MISSES
