"""Fields filled that the message never stated (dev13c, tenth session, issue 17).

Classes (see the header of tests/agent/data/dev13c_messages.yaml): figures and words that serve another purpose
next to (or instead of) the answer: a laptop's price or the current vendor's bill, a sum given for comparison, a
version, a model's token limit, counts of customers, stores and staff, a regulation named without a rule, the
language a team speaks, "commercial" real estate, the client's trade beside the documents' kind, one manual's pages
said alone. Written before the fixes: 157/243 fields (64.6%), 79 silent wrong fills at eb0af13.
"""

from __future__ import annotations

from interview_sets import accuracy

DEV13C = accuracy.load_cases(accuracy.DATA / "dev13c_messages.yaml")
# Misses left for a later round: a figure of customers beside a side question's words (en-5), "can't cost more than
# an engineer" read as a priority (en-14), customers times contracts each (en-35), a count after a version's noun
# (en-42), one PDF's pages as the typical length (en-46), "licensed for that" after the commercial team (en-50), a
# share of a salary (zh-10), openings whose count or domain is not read (zh-1, ko-1, de-1, nl-1, ru-1, tr-1), data
# "may pass through" an API read as the deployment (fr-7), source code in Russian ("по API и коду", ru-10).
KNOWN = {"c13-en-5", "c13-en-14", "c13-en-35", "c13-en-42", "c13-en-46", "c13-en-50", "c13-zh-1", "c13-zh-10",
         "c13-ko-1", "c13-de-1", "c13-fr-7", "c13-nl-1", "c13-ru-1", "c13-ru-10", "c13-tr-1"}


def test_the_class_set_holds_its_figure() -> None:
    assert len(DEV13C) >= 200 and len({c["id"] for c in DEV13C}) == len(DEV13C)
    result = accuracy.score(DEV13C)
    assert result["right"] >= 230 and result["silent_wrong_fills"] <= 5
    wrong = {o.case["id"] for o in result["outcomes"] if o.silent or o.problems}
    assert wrong <= KNOWN, sorted(wrong - KNOWN)


def test_the_set_covers_sixteen_languages() -> None:
    assert len({c["id"].split("-")[1] for c in DEV13C}) >= 16
