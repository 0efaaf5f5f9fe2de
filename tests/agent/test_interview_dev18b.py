"""A class set written blind for the sixteenth session's third round (dev18b, issue 17): figures and words that are
no profile field.

150 messages (English 50, Chinese 20, German, French, Spanish and Japanese 15 each, Portuguese and Italian 10) full
of years and dates, versions and model names with digits, team sizes, ticket and phone numbers, percentages, prices of
other things (the LLM's bill, a salary, a GPU's purchase price, a vendor's quote), a past project's figures,
hypothetical corpora, counts of sites and branches, other systems' timeouts and SLAs, a regulation that is the
documents' topic and a trade named only as a customer; alone, beside stated fields, or as near twins. Measured on main
at c5f6afc: 118/145 right (81.4%), 44 silent wrong fills.
"""

from __future__ import annotations

from interview_sets import accuracy

DEV18B = accuracy.load_cases(accuracy.DATA / "dev18b_messages.yaml")
# Left as misses. Silent (1 field): a pharmacy chain's product catalogue read as the organisation's trade, medical
# (the committed sets' convention that the organisation named before documents of another kind wins, legal contracts
# aside; pt-1). Missed (no wrong value
# stored): domains said beside the count answered (en-9, zh-5, it-6), a regulation's consultancy (pt-10), product lines
# beside the docs of them all (en-17), a share of the calls searched (en-24), a hosted vendor of the past as the
# data's permission (en-30), protocols counted in Spanish beside beds (es-10).
KNOWN_MISSES = {"d18b-en-9", "d18b-en-17", "d18b-en-24", "d18b-en-30", "d18b-zh-5", "d18b-es-10",
                "d18b-pt-1", "d18b-pt-10", "d18b-it-6"}


def test_the_class_set_holds_up() -> None:
    assert len(DEV18B) >= 150 and len({c["id"] for c in DEV18B}) == len(DEV18B)
    result = accuracy.score(DEV18B)
    wrong = {o.case["id"] for o in result["outcomes"] if o.silent or o.problems}
    assert wrong <= KNOWN_MISSES, sorted(wrong - KNOWN_MISSES)
    assert result["right"] >= 137 and result["silent_wrong_fills"] <= 1
