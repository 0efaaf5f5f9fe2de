"""Rates and quantities in context (dev7c): people x rate x period, periods in every language, corpus beside growth,
document length units (lines, characters, slides, minutes of speech), and readings the guard or the reader got wrong.
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy

from agent import understanding_structure as S
from agent.understanding import understand
from agent.understanding_lexicon import gloss
from agent.understanding_numbers import normalise

DEV7C = accuracy.load_cases(accuracy.DATA / "dev7c_messages.yaml")


def test_the_rates_and_quantities_set_holds_up() -> None:
    assert len(DEV7C) >= 150
    languages = {c["id"].split("-")[1] for c in DEV7C}
    assert {"en", "zh", "de", "fr", "es", "ja", "ko", "pt", "it", "nl", "pl", "sv", "tr", "ru", "hi"} <= languages
    ids = [c["id"] for c in DEV7C]
    assert len(set(ids)) == len(ids)
    result = accuracy.score(DEV7C)
    assert result["silent_wrong_fills"] == 0, [(o.case["id"], o.silent) for o in result["outcomes"] if o.silent]
    assert result["accuracy"] == 1.0, [(o.case["id"], o.problems) for o in result["outcomes"] if o.problems]


@pytest.mark.parametrize(("message", "asked", "want"), [
    ("about 4,000 files, avg ~300 lines each", None, {"corpus_docs": 4000, "doc_length_tokens": 3000}),
    ("each module is around 400 lines", "doc_length_tokens", {"doc_length_tokens": 4000}),
    ("파일당 평균 200줄 정도", "doc_length_tokens", {"doc_length_tokens": 2000}),
    ("a call lasts about 10 minutes, all transcribed", "doc_length_tokens", {"doc_length_tokens": 1950}),
    ("~40 slides each, maybe 30 words per slide", "doc_length_tokens", {"doc_length_tokens": 1560}),
    ("un article fait en moyenne 4 000 signes", None, {"doc_length_tokens": 1000}),
])
def test_document_length_units(message: str, asked: str | None, want: dict) -> None:
    """A line of code is 10 tokens, a minute of speech 150 words, 4 Latin characters a token, slides x words."""
    assert understand(message, asked).updates == want


@pytest.mark.parametrize(("message", "asked"), [
    ("they're pitch decks, ~25 slides each", "doc_length_tokens"),  # slides without words: no length
    ("our analysts each run maybe 15 searches a day", "queries_per_month"),  # people not counted: no total
    ("our queries are short, 2-3 word phrases, about 4 tokens", None),  # a query's length is not a document's
])
def test_figures_that_do_not_give_the_field(message: str, asked: str | None) -> None:
    updates = understand(message, asked).updates
    assert "doc_length_tokens" not in updates and "queries_per_month" not in updates


@pytest.mark.parametrize(("message", "want"), [
    ("maybe 50? 60? searches a day in total", 1650),  # a hesitant guess is the range between its figures
    ("the busiest hour last month had about 4,000 queries", 2_880_000),  # the peak is the rate, x 720
    ("about 200 queries an hour, 9 to 6 on weekdays", 39_600),  # office hours x 22 working days
    ("etwa 500 Anfragen pro Werktag", 11_000),
    ("每个工作日大约3000次查询", 66_000),
    ("Our support bot handles ~250k chats a month", 250_000),
    ("expecting 15k conversations a month, and each conversation does about 3 retrieval calls", 45_000),
])
def test_rates_and_periods(message: str, want: int) -> None:
    assert understand(message, "queries_per_month").updates["queries_per_month"] == pytest.approx(want, rel=0.01)


def test_the_corpus_beside_its_growth() -> None:
    assert understand("currently at 45k, growing by maybe 2,000 a month", "corpus_docs").updates == {
        "corpus_docs": 45000}
    u = understand("we have about 120k contracts today and add roughly 5k new ones every month", "corpus_docs")
    assert u.updates["corpus_docs"] == 120000


def test_an_hour_span_is_not_a_rate() -> None:
    text = normalise("roughly 120 queries an hour in office hours, 9 to 6")
    nine = text.index("9 to")
    assert S.in_hours_span(text, nine, nine + 1)
    three = normalise("think 3-4 requests a second during the workday").index("3-4")
    assert not S.in_hours_span(normalise("think 3-4 requests a second during the workday"), three, three + 1)


@pytest.mark.parametrize(("text", "inside", "absent"), [
    ("파일당 평균 200줄", "per file", "per day"),  # 일당 (per day) inside 파일당 (per file)
    ("추천해 주세요", "추천", "千"),  # 천 (thousand) inside 추천 (recommend)
    ("初回のインデックスは2週間以内", "2週間", "per week"),  # 週間 after a count is a duration
])
def test_phrases_are_not_matched_inside_a_word(text: str, inside: str, absent: str) -> None:
    out = gloss(text)
    assert inside in out and absent not in out
