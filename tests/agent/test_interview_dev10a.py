"""Messages that must be asked back, and their clear twins (dev10a): the offline interviewer asks about a figure the
user leaves open (the period, the field, two figures, a range too wide, money with neither currency nor period, a
rate too small for a month) and stores the same figure said plainly.

Classes and figures: see the header of tests/agent/data/dev10a_messages.yaml. Before any fix (9f5a9c1): batch 1
121/202 right, 19 silent; batch 2 (after the first round) 65/78, 7 silent; batch 3 (after the second round) 36/44, 4
silent; the whole set (324 messages) at 9f5a9c1: see the data file's header.
"""

from __future__ import annotations

from typing import Any

import pytest
from interview_sets import accuracy

from agent.confirmations import resolve
from agent.understanding import understand
from agent.understanding_guard import review

LANGUAGES = {"en", "zh", "ja", "ko", "de", "fr", "es", "pt", "it", "nl", "pl", "sv", "tr", "ru", "uk", "hi", "ar"}
# Known miss, not silent: a clear twin the reader leaves unset ("around 12k, attachments included": a remark after
# the figure the bare-answer reading does not know)
KNOWN = {"d10a-en-t5b"}
# Since main 3838e0e's language-first glossing, Swedish "om dagen" is no longer read as a day ("typ 600 om dagen" is
# stored as 600 a month): a regression of the merge, reported for its own fix; the one silent fill allowed here
MERGE_REGRESSION = {"d10a-sv-p2b"}


@pytest.fixture(scope="module")
def cases() -> list[dict[str, Any]]:
    return accuracy.load_cases(accuracy.DATA / "dev10a_messages.yaml")


def test_every_ambiguous_message_has_a_clear_twin(cases: list[dict[str, Any]]) -> None:
    assert len(cases) >= 150 and len({c["id"] for c in cases}) == len(cases)
    assert {c["id"].split("-")[1] for c in cases} == LANGUAGES
    by_id = {c["id"]: c for c in cases}
    asked_back = [c for c in cases if c.get("confirm")]
    assert len(asked_back) >= 75
    for case in asked_back:
        twin = by_id[case["id"][:-1] + "b"]
        assert twin.get("expect") and not twin.get("confirm"), case["id"]
    assert len(asked_back) * 2 == len(cases)


def test_the_set_is_asked_back_and_its_twins_stored(cases: list[dict[str, Any]]) -> None:
    result = accuracy.score(cases)
    wrong = {o.case["id"]: [*o.silent, *o.problems] for o in result["outcomes"] if o.silent or o.problems}
    assert set(wrong) <= KNOWN | MERGE_REGRESSION, {k: v for k, v in wrong.items() if k not in KNOWN}
    assert result["silent_wrong_fills"] <= len(MERGE_REGRESSION & set(wrong))
    asked_back = [o for o in result["outcomes"] if o.case.get("confirm")]
    assert all(o.right == o.total for o in asked_back)


def _checked(text: str, asked: str | None) -> Any:
    return review(understand(text, asked), text, asked)


@pytest.mark.parametrize(("text", "asked"), [
    ("3000 al giorno o al mese, non ricordo", "queries_per_month"),
    ("3000 в день или в месяц?", "queries_per_month"),
    ("około 3000, dziennie czy miesięcznie, nie pamiętam", "queries_per_month"),
    ("lagbhag 3000, roz ya mahine mein, pata nahi", "queries_per_month"),
    ("roughly 500 per hour... or per day? I'd have to look it up", "queries_per_month"),
    ("could be 200 a day, could be 200 a week, I'd need to check", "queries_per_month"),
    ("50k or 80k, depends who you ask", "corpus_docs"),
    ("50 или 80 тысяч, смотря кого спросить", "corpus_docs"),
    ("somewhere around 10-100k, hard to say", "corpus_docs"),
    ("anywhere from 1k to 50k a month, no clue really", "queries_per_month"),
    ("we get about 20k of those, although that might be the number of documents rather than searches",
     "queries_per_month"),
    ("2万くらいです。ただ、それは文書の数かもしれません", "queries_per_month"),
    ("maybe 20", "queries_per_month"),
])
def test_a_figure_left_open_is_asked_about(text: str, asked: str) -> None:
    u = _checked(text, asked)
    assert u.confirm is not None and u.confirm["kind"] == "check", text
    assert not {"corpus_docs", "queries_per_month", "budget_usd_month"} & set(u.updates), u.updates


@pytest.mark.parametrize(("text", "asked", "field", "value"), [
    ("3000 al giorno, più o meno", "queries_per_month", "queries_per_month", 90000),
    ("200 a day, so about 6,000 a month", "queries_per_month", "queries_per_month", 6000),
    ("2 or 3 searches a day", None, None, None),
    ("somewhere around 10-15k", "corpus_docs", "corpus_docs", 12500),
    ("about 20k searches a month, maybe more", "queries_per_month", "queries_per_month", 20000),
    ("maybe 20 a day", "queries_per_month", "queries_per_month", 600),
])
def test_the_same_figure_said_plainly_is_stored(text: str, asked: str | None, field: str | None,
                                                 value: float | None) -> None:
    u = _checked(text, asked)
    if field is not None:
        assert u.updates.get(field) == value and u.confirm is None, (u.updates, u.confirm)
    else:
        assert u.confirm is None or u.confirm.get("kind") != "check" or "two figures" not in u.confirm["text"]


def test_the_answer_names_the_period() -> None:
    u = _checked("about 3000, but honestly I don't remember if that's per day or per month", "queries_per_month")
    assert resolve("per day", u.confirm) == ("confirmed", {"queries_per_month": 90000})
    small = _checked("maybe 20", "queries_per_month")
    assert resolve("a day", small.confirm) == ("confirmed", {"queries_per_month": 600})


@pytest.mark.parametrize(("text", "value"), [
    ("一个月两万左右", 20000), ("一周五千左右", 21428), ("一天两千左右", 60000), ("2000 hafte mein", 8571)])
def test_the_one_of_a_period_is_no_figure(text: str, value: int) -> None:
    assert understand(text, "queries_per_month").updates == {"queries_per_month": value}


@pytest.mark.parametrize(("text", "value"), [
    ("entre 10 mil e 15 mil", 12500), ("tra 10 mila e 15 mila", 12500), ("بين 10 آلاف و15 ألف", 12500),
    ("1万から1万5千くらい", 12500), ("about 80k, I counted them yesterday", 80000),
    ("около 80 тысяч, вчера пересчитал", 80000), ("20.000, da bin ich mir sicher", 20000)])
def test_ranges_after_the_gloss_and_a_remark_on_how_the_figure_is_known(text: str, value: int) -> None:
    assert understand(text, "corpus_docs").updates == {"corpus_docs": value}


def test_a_remark_of_doubt_is_no_remark_of_certainty() -> None:
    assert understand("about 80k, but I am not sure", "corpus_docs").updates == {}


@pytest.mark.parametrize(("text", "updates"), [
    ("2000 din mein", {"queries_per_month": 60000}), ("pehli indexing ek hafte mein ho jaye toh chalega", {}),
    ("har hafte 500 queries", {"queries_per_month": 2142})])
def test_hinglish_days_and_weeks(text: str, updates: dict[str, Any]) -> None:
    got = understand(text, "queries_per_month").updates
    assert {k: v for k, v in got.items() if k == "queries_per_month"} == updates


def test_through_a_consultation_the_period_is_asked_and_the_answer_stores_it(offline_chat: Any) -> None:
    """The opening states a daily-or-monthly figure: the check is the reply; "per day" stores the rate, confirmed."""
    from agent.state import STATED

    reply = offline_chat.start("we do about 3000 searches, per day or per month I don't remember")
    assert "Is that right?" in reply, reply
    assert "queries_per_month" not in (offline_chat.values.get("profile") or {})
    offline_chat.say("per day")
    values = offline_chat.values
    assert values["profile"]["queries_per_month"] == 90000 and values["provenance"]["queries_per_month"] in STATED
