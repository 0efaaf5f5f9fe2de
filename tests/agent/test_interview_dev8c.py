"""Query rates by class (dev8c): a rate per unit, a share of traffic, active users, peaks, corrections of a rate.

Classes (see the header of tests/agent/data/dev8c_messages.yaml): a rate per store, branch, clinic or person whose
units are not counted is never stored as the total (the interview asks how many there are and multiplies the answer);
counted in the same message, before or after the rate, it is multiplied; a total across the units is not; a share of
stated traffic ("5% of 600k pageviews"); daily or monthly active users times searches per person; a stated peak per
second is the rate; "not 200k a month but 20k a day" in every language of the lexicon.
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy
from langchain_core.messages import HumanMessage

from agent import confirmations
from agent.nodes import read_message
from agent.understanding import understand

DEV8C = accuracy.load_cases(accuracy.DATA / "dev8c_messages.yaml")


def test_the_query_rate_set_reads_right() -> None:
    assert len(DEV8C) >= 150
    languages = {c["id"].split("-")[2] for c in DEV8C}
    assert {"en", "zh", "de", "fr", "es", "ja", "ko", "pt", "it", "nl", "pl", "sv", "tr", "ru", "hi"} <= languages
    assert len({c["id"] for c in DEV8C}) == len(DEV8C)
    result = accuracy.score(DEV8C)
    assert result["silent_wrong_fills"] == 0, [(o.case["id"], o.silent) for o in result["outcomes"] if o.silent]
    missed = [(o.case["id"], o.problems) for o in result["outcomes"] if o.problems]
    assert result["accuracy"] == 1.0, missed


@pytest.mark.parametrize("text", [
    "each consultant runs about 30 searches a day", "each store does around 40 lookups a day, we're open 7 days",
    "每家店每天大概问个20次吧", "cada loja faz umas 50 consultas por dia", "maybe a dozen searches a day each",
    "jede Praxis stellt etwa 20 Anfragen pro Tag", "매장당 하루 30번 정도 검색해요",
    "1店舗あたり1日30回くらい検索します"])
def test_a_rate_per_uncounted_unit_is_asked_about_never_stored(text: str) -> None:
    u = understand(text, "queries_per_month")
    assert "queries_per_month" not in u.updates
    assert u.confirm is not None and u.confirm["kind"] == "per_unit"


def _state(text: str, pending: dict | None = None, asked: str | None = "queries_per_month") -> dict:
    return {"profile": {}, "provenance": {}, "asked_field": asked, "pending_confirmation": pending,
            "messages": [HumanMessage(text)], "turn": 1, "reply_language": "en"}


def test_the_count_answered_multiplies_the_rate_per_unit() -> None:
    first = read_message(_state("each store does around 40 lookups a day"), "each store does around 40 lookups a day")
    pending = first.confirm
    assert pending is not None and "store" in confirmations.question(pending, "en")
    assert "门店" in confirmations.question({**pending, "unit": "门店"}, "zh")
    answer = read_message(_state("about 300", pending), "about 300")
    assert answer.updates == {"queries_per_month": 360_000} and answer.confirmed == {"queries_per_month"}
    assert confirmations.resolve("no idea", pending) == ("neither", None)
    assert confirmations.resolve("around 5k a day in total", pending) is None  # a new answer, read as one


@pytest.mark.parametrize(("text", "expected"), [
    ("ogni farmacista fa una decina di ricerche al giorno, e sono circa 120 farmacisti", 36_000),
    ("we have 300 stores and each one does around 40 lookups a day", 360_000),
    ("docs get ~600k pageviews/month, I'd guess 5% of those use search", 30_000),
    ("the docs site gets ~350k visits a month, I'd guess 10% of them would use it", 35_000),
    ("around 2 lakh daily active learners, maybe 2 searches each per day", 12_000_000),
    ("日活大概20万，人均每天搜3次左右", 18_000_000), ("DAU大概300万，人均每天搜索1次多一点", 108_000_000),
    ("at launch peaks we see ~3 tickets a second", 7_776_000)])
def test_rates_with_their_second_figure(text: str, expected: int) -> None:
    value = read_message(_state(text), text).updates.get("queries_per_month")
    assert value is not None and abs(value - expected) <= 0.25 * expected


def test_a_rate_corrected_with_its_period_before_the_figure() -> None:
    state = {**_state("あ、すみません、月20万じゃなくて1日2万件でした", asked=None),
             "profile": {"queries_per_month": 200_000}, "provenance": {"queries_per_month": "said"}}
    assert read_message(state, state["messages"][0].content).updates.get("queries_per_month") == 600_000


def test_the_units_counted_in_an_earlier_message_multiply_the_rate() -> None:
    state = _state("each store does around 40 lookups a day, we're open 7 days")
    state["messages"] = [HumanMessage("We're a pharmacy chain (~300 stores in the Midwest), about 9,000 monographs."),
                         HumanMessage("each store does around 40 lookups a day, we're open 7 days")]
    u = read_message(state, "each store does around 40 lookups a day, we're open 7 days")
    assert u.updates.get("queries_per_month") == 360_000 and u.confirm is None
    state["messages"] = [HumanMessage("我们是连锁药店，全国一千二百家门店"), HumanMessage("每家店每天大概问个20次吧")]
    assert read_message(state, "每家店每天大概问个20次吧").updates.get("queries_per_month") == 720_000
