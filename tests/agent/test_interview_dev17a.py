"""A class set written blind for the fifteenth session's third round (dev17a, issue 17): money, budget or not.

110 messages by English non-specialists from seven countries (US, UK, India, Nigeria, Australia, Canada, Singapore)
and in nine other languages: what the organisation earns, bills, pays its staff, pays for other software or the
current tool, fines, prices, contract values, purchases made, day rates and grants for something else, beside near
twins that do state a budget in odd ways ("about what we pay for Slack, 40 seats at $8.75", "finance signed off 12k
for the year", "$500 a month for all of it, hosting included"), one-off sums beside monthly ones. Measured on main at
50fe90f: 179/230 right (77.8%), 32 silent wrong fills.
"""

from __future__ import annotations

from interview_sets import accuracy

DEV17A = accuracy.load_cases(accuracy.DATA / "dev17a_messages.yaml")
# Left as misses. Silent (5 fields), each a convention of other sets or outside the class: "accuracy really matters"
# ranks quality first (en-15), a fintech app's domain is finance (en-28), an e-commerce company's licence is
# commercial (en-45) and a research purchase's any (ja-4), two billed hours at 350 € read as one (fr-2). Missed (no
# wrong value stored): counts and domains inside cost, indexing and storage questions (en-5, en-6, en-42, fr-3,
# pt-6), domains of a mining crew, an engineering firm, a housing co-op and a contracts total (en-31, en-32, de-1,
# de-2, fr-6, zh-5), data that stays in the country said as "in Aus", "onshore", "cannot go overseas", "no salen de
# nuestros servidores" (en-31, en-32, en-47, es-3), searches as a share of website visits or per day across branches
# (en-30, en-33), a budget as a coffee a day per agent (en-34), a budget inside a "why not" question (en-37), the
# leftover of a shared pot not asked back (en-22).
KNOWN_MISSES = {"d17a-en-5", "d17a-en-6", "d17a-en-15", "d17a-en-22", "d17a-en-28", "d17a-en-30", "d17a-en-31",
                "d17a-en-32", "d17a-en-33", "d17a-en-34", "d17a-en-37", "d17a-en-42", "d17a-en-45", "d17a-en-47",
                "d17a-de-1", "d17a-de-2", "d17a-fr-2", "d17a-fr-3", "d17a-fr-6", "d17a-es-3", "d17a-pt-6",
                "d17a-zh-5", "d17a-ja-4"}


def test_the_class_set_holds_up() -> None:
    assert len(DEV17A) >= 110 and len({c["id"] for c in DEV17A}) == len(DEV17A)
    result = accuracy.score(DEV17A)
    wrong = {o.case["id"] for o in result["outcomes"] if o.silent or o.problems}
    assert wrong <= KNOWN_MISSES, sorted(wrong - KNOWN_MISSES)
    assert result["right"] >= 204 and result["silent_wrong_fills"] <= 5
