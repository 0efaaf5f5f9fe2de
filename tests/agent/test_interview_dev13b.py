"""Corrections of an earlier figure or choice (dev13b, s10-b): messages with a ``prev:`` profile in 14 languages.

Classes (see the header of tests/agent/data/dev13b_messages.yaml): a figure scaled by a factor said in words
("double the budget", "half of what I said for the queries", "one more zero on the doc count", "súmale un 50%",
"查询量再翻一倍"), the unit or period of a stated figure corrected ("the 2000 was tokens, not words", "per working day,
not per month", "the 2k budget was in AUD"), a language added or taken out with a conjugated verb, a stated field
taken back with "we don't know yet", a policy changed by a modal of permission ("the docs can leave our network
after all"), the self-hosting side taken back, the old figure said again to keep it, and side questions that only
mention it. Measured on arrival at main eb0af13: 75.8% (150/198) / 23 silent; after: 96.5% (191/198) / 4.
"""

from __future__ import annotations

from interview_sets import accuracy

DEV13B = accuracy.load_cases(accuracy.DATA / "dev13b_messages.yaml")
# Left for a later round: a budget's "£800, not £8,000" with the currency on both (asked back), a future "will be"
# before a corrected rate, "half a second" as a new target, a card named after "statt", a decision split over two
# clauses in French, "une seconde" beside a quoted 300 ms, the domain of a team ("finance just bumped us") or of the
# documents beside a language ("contratos"), 私有化部署 read as data on-prem, and the Spanish "¿me alcanza para ...?"
# routed to hardware fit beside the cost (the English, Chinese and Turkish "is $X enough" ask for the cost now).
KNOWN = {"d13b-en-3", "d13b-en-23", "d13b-en-46", "d13b-en-48", "d13b-en-57", "d13b-en-63", "d13b-de-9", "d13b-fr-5",
         "d13b-fr-8", "d13b-es-4", "d13b-es-8", "d13b-zh-8", "d13b-zh-10", "d13b-tr-8"}


def test_the_corrections_set_holds_up() -> None:
    assert len(DEV13B) >= 200 and len({c["id"] for c in DEV13B}) == len(DEV13B)
    result = accuracy.score(DEV13B)
    assert result["right"] >= 191 and result["silent_wrong_fills"] <= 4 and result["side_questions_routed"] >= 17
    wrong = {o.case["id"] for o in result["outcomes"] if o.silent or o.problems}
    assert wrong <= KNOWN, sorted(wrong - KNOWN)
