"""The thirteenth session's class set dev15b: Czech, Greek, Hebrew, Romanian, Danish and Finnish (s13-c).

Written blind (240 messages, 40 a language: every field, corrections, put-offs, confirms, side questions). Classes:
the six languages added to the reader table by table (number words and magnitudes, CZK, ILS, RON and DKK with their
rates, periods and rates, document nouns, hosting, licence, latency, domain words, put-offs, side-question verbs,
language names of and in these languages; Greek and Hebrew read from their scripts). Before: 89/274 right (32.5%),
32 silent wrong fills, 6/31 side questions routed.
"""

from __future__ import annotations

from interview_sets import accuracy

DEV15B = accuracy.load_cases(accuracy.DATA / "dev15b_messages.yaml")
# Known misses: a precision requirement said in Hebrew (no English reading either), a head count corrected with
# "the same number of searches each" (the rate is not recomputed from the people)
KNOWN = {"d15b-he-19", "d15b-da-28"}


def test_the_six_language_set_holds_up() -> None:
    assert len(DEV15B) == 240 and len({c["id"] for c in DEV15B}) == len(DEV15B)
    result = accuracy.score(DEV15B)
    wrong = {o.case["id"]: [*o.silent, *o.problems] for o in result["outcomes"] if o.silent or o.problems}
    assert set(wrong) <= KNOWN, wrong
    assert result["silent_wrong_fills"] == 0 and result["right"] >= 272
