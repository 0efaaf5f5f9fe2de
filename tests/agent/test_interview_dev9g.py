"""The lead's classes of the sixth session (dev9g): periods left open, money per hour, corrections, people, terms.

Classes (see the header of tests/agent/data/dev9g_messages.yaml): a figure whose period the user leaves open between
two, a budget said once with no period, money per hour as traffic, a correction per day after a stated rate, "N of
them" after people, on-premises hardware without a data rule, "no budget limit" in Chinese, negated API or hosting
answers, the queries' length in characters, side questions about a model's language and about the difference of two
terms, Vietnamese and Indonesian basics, "also" adding languages, residency inside the organisation, a card retired.
"""

from __future__ import annotations

from interview_sets import accuracy

DEV9G = accuracy.load_cases(accuracy.DATA / "dev9g_messages.yaml")


def test_the_lead_classes_hold_up() -> None:
    assert len(DEV9G) >= 60
    assert len({c["id"] for c in DEV9G}) == len(DEV9G)
    result = accuracy.score(DEV9G)
    assert result["silent_wrong_fills"] == 0, [(o.case["id"], o.silent) for o in result["outcomes"] if o.silent]
    assert result["accuracy"] == 1.0, [(o.case["id"], o.problems) for o in result["outcomes"] if o.problems]
    assert all(o.tool_ok is not False for o in result["outcomes"]), [
        (o.case["id"], o.problems) for o in result["outcomes"] if o.tool_ok is False]
