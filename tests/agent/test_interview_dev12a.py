"""Figures the user leaves genuinely open get a confirming question, not a stored guess (dev12a, issue 17, session 9).

Classes (see the header of tests/agent/data/dev12a_messages.yaml), each in fifteen languages, with their clear twins:
a second figure offered with a hedge far from the first ("a couple hundred, maybe a grand"), a range an order of
magnitude wide (also when the value read is a month's rate or a sum in dollars), lengths from a paragraph to a hundred
pages, "a few thousand, maybe way more", a vague sum ("几万块吧"), a place whose currency is far from the reading's
("based in Mumbai, budget is about 50,000"), "¥" with no place in an English message, entries spread over files and
files inside folders. Twins: a range within twice is its middle, "¥100,000" from Tokyo is yen, entries that are each
an article, francs beside euros. Measured on main at 319055b: 212/299 right (70.9%), 74 silent wrong fills.
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy

from agent.understanding import understand
from agent.understanding_guard import review

DEV12A = accuracy.load_cases(accuracy.DATA / "dev12a_messages.yaml")
# Left as misses (no wrong value is stored for any of them but the two counted in the silent bound): readings
# outside the class (a document noun, a per-person rate in Korean, "1日…回", a Dutch "say 300", Polish and Turkish
# nouns of rulings) and number words the lexicon lacks ("tussen de honderd en tienduizend", "birkaç yüzden").
KNOWN_MISSES = {"s9a-en-6", "s9a-en-17", "s9a-ja-12", "s9a-ko-17", "s9a-fr-10", "s9a-pt-10", "s9a-it-5", "s9a-nl-2",
                "s9a-nl-17", "s9a-pl-15", "s9a-ru-10", "s9a-tr-2", "s9a-tr-15", "s9a-id-14"}
KNOWN_MISSES |= {"s9a-id-2"}  # since the merge with s9-e


def test_the_class_set_holds_up() -> None:
    assert len(DEV12A) >= 250 and len({c["id"] for c in DEV12A}) == len(DEV12A)
    result = accuracy.score(DEV12A)
    wrong = {o.case["id"] for o in result["outcomes"] if o.silent or o.problems}
    assert wrong <= KNOWN_MISSES, sorted(wrong - KNOWN_MISSES)
    assert result["right"] >= 285 and result["silent_wrong_fills"] <= 3  # s9a-id-2: merged with s9-e's number words


@pytest.mark.parametrize(("text", "asked", "field"), [
    ("a couple hundred, maybe a grand if it's really good", "budget_usd_month", "budget_usd_month"),
    ("一天几百到几万次都有可能，要看推广情况", "queries_per_month", "queries_per_month"),
    ("anywhere from 1 paragraph to 100 pages", "doc_length_tokens", "doc_length_tokens"),
    ("12k FAQ entries spread over 40 documents", "corpus_docs", "corpus_docs"),
    ("We're based in Mumbai, budget is about 50,000 per month", None, "budget_usd_month"),
])
def test_an_open_figure_is_asked_not_stored(text: str, asked: str | None, field: str) -> None:
    u = review(understand(text, asked), text, asked)
    assert u.confirm is not None and field in u.confirm["fields"] and field not in u.updates


@pytest.mark.parametrize(("text", "asked", "field", "value"), [
    ("8 to 12 pages usually", "doc_length_tokens", "doc_length_tokens", 5000),
    ("somewhere between $400 and $600", "budget_usd_month", "budget_usd_month", 500),
    ("Tokyo-based team, ¥100,000/month budget", None, "budget_usd_month", 667),
    ("12k FAQ entries, each one is its own article", "corpus_docs", "corpus_docs", 12000),
])
def test_its_clear_twin_is_stored(text: str, asked: str | None, field: str, value: float) -> None:
    u = review(understand(text, asked), text, asked)
    assert u.confirm is None and abs(u.updates[field] - value) <= 0.25 * value
