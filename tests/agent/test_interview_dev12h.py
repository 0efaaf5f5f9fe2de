"""The lead's round of the ninth session (dev12h): a card out of reach, a cloud said to be absent, a share of today's
spend, a put-off over "whatever", 夾 as traditional for 夹, 合约 as contracts.

A card priced or wished for ("an H100 costs like $30k so that's out", "we'd love an A100 but the budget won't allow
it") is not the user's hardware; "keine Cloud, wir haben zwei A100" is owned, not rented; "half of what we pay
Algolia, which is $1,000/mo" is a $500 budget.
"""

from __future__ import annotations

from interview_sets import accuracy

DEV12H = accuracy.load_cases(accuracy.DATA / "dev12h_messages.yaml")


def test_the_lead_set_holds_up() -> None:
    assert len(DEV12H) >= 25 and len({c["id"] for c in DEV12H}) == len(DEV12H)
    result = accuracy.score(DEV12H)
    wrong = {o.case["id"]: [*o.silent, *o.problems] for o in result["outcomes"] if o.silent or o.problems}
    assert not wrong, wrong


def test_a_card_out_of_reach_is_not_stored() -> None:
    case = {"id": "x", "m": "An H100 costs like $30k so that's out. We have a T4.", "asked": "hardware",
            "expect": {"hardware": {"accelerator": "T4"}}}
    outcome = accuracy.run_case(case)
    assert outcome.right == 1 and not outcome.silent
