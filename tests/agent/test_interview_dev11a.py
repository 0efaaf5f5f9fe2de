"""English quantities as real users type them (dev11a, issue 17): US, UK, Indian, Australian, Canadian, Singaporean.

Classes (see the header of tests/agent/data/dev11a_messages.yaml): chatty openings carrying several fields among
context that is no field, hedges and ranges, written-out numbers, total pages beside the number of documents, growth
sentences, rates per person / seat / shift / working day / office hour / peak second, budgets per seat, per year, per
quarter and in GBP/AUD/INR/CAD/SGD beside another tool's price, document length in pages, words, characters, KB,
tweets, one-pagers, paragraphs and chapters, and unprompted figures that need a confirming question. Written before
the fixes: 275/335 fields right (82.1%) with 17 silent wrong fills at fa70050 (277/333, 15 silent, once five
expectations followed the committed sets' conventions); 332/333 and none silent after them. A second batch of fresh
phrasings (48 messages) read 65/95 with 15 silent before its fixes, a third (12) 5/14 with 9 silent; the whole file
now reads 438/442, none silent (347/442 and 39 silent at fa70050).
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy

from agent.understanding import understand
from agent.understanding_number_words import english_cardinals

DEV11A = accuracy.load_cases(accuracy.DATA / "dev11a_messages.yaml")
# the misses left, none silent: an unlisted trade named only by what the startup builds ("building a recipe search
# app"), a research group with no "we're" before it, support reps counted for a rate (a role counted names no domain),
# a rate per shift beside nurses counted after it (asked back: each nurse, or all of them?)
KNOWN_MISSES = {"a11-open-en-13", "a11-b2-open-en-2", "a11-b2-open-en-7", "a11-b2-rate-en-5"}


def test_the_english_quantities_hold_up() -> None:
    assert len(DEV11A) >= 180 and sum("-en-" in c["id"] for c in DEV11A) >= 180
    assert len({c["id"] for c in DEV11A}) == len(DEV11A)
    result = accuracy.score(DEV11A)
    silent = {o.case["id"]: o.silent for o in result["outcomes"] if o.silent}
    assert not silent, silent
    missed = {o.case["id"] for o in result["outcomes"] if o.problems}
    assert missed <= KNOWN_MISSES, sorted(missed - KNOWN_MISSES)
    assert result["accuracy"] >= 0.99, f"{result['accuracy']:.1%}"


@pytest.mark.parametrize(("text", "digits"), [
    ("twenty five thousand", "25 thousand"), ("a hundred and twenty thousand", "120000"),
    ("twelve hundred a day", "1200 a day"), ("one point two million", "1.2 million"), ("sixty-five pages", "65 pages"),
    ("between forty and sixty thousand", "between 40 and 60 thousand"), ("forty-odd thousand", "about 40 thousand"),
    ("two grand a month", "2 grand a month"), ("half a grand", "0.5 grand"), ("one or two", "one or two"),
    ("two to three hundred a day", "two to three hundred a day"), ("a grand total of 40", "a grand total of 40")])
def test_english_number_words_become_digits(text: str, digits: str) -> None:
    assert english_cardinals(text) == digits


@pytest.mark.parametrize(("text", "asked", "want"), [
    ("It's 2,000 reports adding up to roughly 80,000 pages.", "corpus_docs", {"corpus_docs": 2000,
                                                                              "doc_length_tokens": 20000}),
    ("~30k case files totalling around 1.5M pages", "corpus_docs", {"corpus_docs": 30000, "doc_length_tokens": 25000}),
    ("600k pages, if that helps - I don't know the document count", "corpus_docs", {}),
])
def test_a_total_of_pages_beside_a_count_of_documents_is_their_length(text: str, asked: str | None,
                                                                      want: dict) -> None:
    got = understand(text, asked).updates
    assert {k: got.get(k) for k in ("corpus_docs", "doc_length_tokens") if k in got or k in want} == want


@pytest.mark.parametrize(("text", "want"), [
    ("We pay Algolia about $900 a month today; for this, maybe $400 a month.", 400),
    ("We spend $2k a month on OpenAI already. This should be well under that, say $300.", 300),
    ("we'd pay up to $900 a month", 900), ("we've got 40k for the year", 3333.33)])
def test_what_another_tool_costs_is_no_budget(text: str, want: float) -> None:
    assert understand(text, "budget_usd_month").updates["budget_usd_month"] == pytest.approx(want, rel=0.01)


@pytest.mark.parametrize(("text", "want"), [
    ("1,200 consultants. Consultants use it ~500 times a working day.", 11_000),
    ("1,200 consultants, each uses it ~5 times a working day.", 132_000),
    ("roughly 250 agents x 40 searches/shift", 300_000), ("a team of 40, each maybe 10 searches a day", 12_000)])
def test_people_times_their_rate(text: str, want: int) -> None:
    assert understand(text, "queries_per_month").updates["queries_per_month"] == want


@pytest.mark.parametrize(("text", "rate"), [
    ("We have 25 support agents. About 40k tickets so far, roughly 1,500 a week.", None),
    ("25 agents, 40k tickets, about 1,500 searches a week", 6428)])
def test_a_bare_rate_after_a_count_of_documents_is_asked_back(text: str, rate: int | None) -> None:
    assert understand(text).updates.get("queries_per_month") == rate
