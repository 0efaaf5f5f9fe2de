"""A class set written blind for the fourteenth session's third round (dev16a, issue 17): how much it will be searched.

200 messages in ten languages (English, Chinese, Spanish, German, French, Portuguese, Japanese, Hindi/Hinglish,
Arabic, Korean): people times a rate per day, week, shift or working day, a part of the people, rates per call,
ticket or customer, peaks beside averages, a year's or a quarter's total, number words, vague amounts, figures of
other things beside the searches, people with no rate and corrections of an earlier volume. Measured on main at
dcb2949: 169/227 right (74.4%), 16 silent wrong fills.
"""

from __future__ import annotations

from interview_sets import accuracy

DEV16A = accuracy.load_cases(accuracy.DATA / "dev16a_messages.yaml")
# Left as misses (no wrong value is stored for any of them): nurses per shift times shifts, a part of the staff named
# in brackets, volumes inside cost questions with no hedge ("À 400 000 requêtes", "Com 1 milhão") or as people times a
# rate, night and day shifts of operators, a share of the technicians as a correction, a searches figure two clauses
# after the word "search", Arabic "الخمسين ألف" (the fifty thousand) re-perioded; tools not routed (a cost question
# about a reranker, a model comparison inside a cost question, "哪个更便宜"); domains outside the class (de-1 now reads
# its volume; its domain is left).
KNOWN_MISSES = {"d16a-en-13", "d16a-en-18", "d16a-en-24", "d16a-en-54", "d16a-en-56", "d16a-en-58", "d16a-zh-11",
                "d16a-zh-20", "d16a-es-15", "d16a-de-1", "d16a-de-10", "d16a-fr-14", "d16a-pt-1", "d16a-pt-14",
                "d16a-ja-1", "d16a-ar-10"}


def test_the_class_set_holds_up() -> None:
    assert len(DEV16A) >= 200 and len({c["id"] for c in DEV16A}) == len(DEV16A)
    result = accuracy.score(DEV16A)
    wrong = {o.case["id"] for o in result["outcomes"] if o.silent or o.problems}
    assert wrong <= KNOWN_MISSES, sorted(wrong - KNOWN_MISSES)
    assert result["right"] >= 214 and result["silent_wrong_fills"] == 0
