"""The policy fields by class (dev12c, issue 17, helper s9-c): deployment, the data rule and the licence.

Classes (see the header of tests/agent/data/dev12c_messages.yaml and ``agent.understanding_policy``): both sides
named and neither chosen is any; an API wanted because running servers is a burden, or decided, is api; an API in a
hypothetical states nothing; data that may not be sent out is a rule (and self-hosted when it must run inside); an
API allowed or data not sensitive lets the data leave and chooses no deployment; a company's internal tool, selling
beside a non-profit and a correction towards selling are commercial, a university or thesis project any. The set read
49.3% / 46 silent wrong fills before its fixes (at 319055b).
"""

from __future__ import annotations

from interview_sets import accuracy

DEV12C = accuracy.load_cases(accuracy.DATA / "dev12c_messages.yaml")
# Left out: a domain read from "support contracts" (not this class), "только внутри нашего контура" that the gloss
# turns into a data rule before "it must run inside" can be read, and "オンプレ前提" (on-prem: the data rule only).
KNOWN = {"d12c-en-12", "d12c-de-14", "d12c-ru-5", "d12c-ja-14"}


def test_the_policy_class_set_holds_up() -> None:
    assert len(DEV12C) >= 250 and len({c["id"] for c in DEV12C}) == len(DEV12C)
    result = accuracy.score(DEV12C)
    wrong = {o.case["id"]: [*o.silent, *o.problems] for o in result["outcomes"] if o.silent or o.problems}
    assert set(wrong) <= KNOWN, {k: v for k, v in wrong.items() if k not in KNOWN}
    assert result["right"] >= 278 and result["silent_wrong_fills"] <= 2


def test_either_side_is_any_and_a_hypothetical_api_is_nothing() -> None:
    from agent.understanding import understand

    assert understand("自社運用でもAPIでも、どちらでも構いません", "deployment").updates.get("deployment") == "any"
    assert understand("Kalau pakai API, kira-kira berapa biayanya per bulan?", "deployment").updates.get(
        "deployment") is None
    assert understand("Daten dürfen nicht raus", "data_must_stay_on_prem").updates.get(
        "data_must_stay_on_prem") is True
