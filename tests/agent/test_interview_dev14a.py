"""Genuinely ambiguous figures and their clear twins (dev14a, s11-a), written blind for the eleventh session.

Classes (see tests/agent/data/dev14a_messages.yaml; 170 messages in 14 languages, 85 pairs): items inside files or
folders, memory with no owner or share ("a box with 128GB", "4 gpus, 96 gigs"), growth with no size, a length with no
unit, a dollar country beside a bare sum, a sum that includes one-off spending or is named as a pot, a rate per seat
or agent with no count of them, bytes of documents in an opening, two scales added up, visitors as people. Two cases
(zh-1, es-1) were corrected to the committed conventions (a bare sum in simplified Chinese is yuan; pesos are Mexico's).
74.2% / 42 silent as written (75.1% / 40 with the two cases corrected to the committed conventions) at 3eceb71.
"""

from __future__ import annotations

from interview_sets import accuracy

DEV14A = accuracy.load_cases(accuracy.DATA / "dev14a_messages.yaml")
# Known misses. The writer asks where the committed sets store: a peak said alone is the monthly volume (en-15, en-31,
# ja-1, de-5, pt-9; dev12b, dev11a and dev2 rely on it in about twenty cases). Pages said alone (en-43, ja-3, pt-5)
# are asked since the fourteenth session's lead round, unless a site, wiki or documentation holds them: asking is no
# silent fill for either convention (eight older cases that store them as documents are misses now). The rest are
# other classes: a domain (ja-11/12), a length from one-page documents (de-4) or pages per case (pt-6), a rate per team
# (nl-6), a range with "denk" (nl-8), an hourly rental (nl-10), "10k." before a sentence (en-28), a page per product
# read as a length (en-36) and "많으면 ... 적으면 몇천" (ko-11).
KNOWN = {"d14a-en-15", "d14a-en-28", "d14a-en-31", "d14a-en-36", "d14a-en-43", "d14a-ja-1", "d14a-ja-3", "d14a-ja-11",
         "d14a-ja-12", "d14a-ko-11", "d14a-de-4", "d14a-de-5", "d14a-pt-5", "d14a-pt-6", "d14a-pt-9", "d14a-nl-6",
         "d14a-nl-8", "d14a-nl-10"}


def test_the_ambiguity_set_holds_up() -> None:
    assert len(DEV14A) == 170 and len({c["id"] for c in DEV14A}) == len(DEV14A)
    result = accuracy.score(DEV14A)
    wrong = {o.case["id"] for o in result["outcomes"] if o.silent or o.problems}
    assert wrong <= KNOWN, sorted(wrong - KNOWN)
    assert result["right"] >= 203 and result["silent_wrong_fills"] <= 7


def test_every_clear_twin_is_stored() -> None:
    twins = [c for c in DEV14A if not c.get("confirm") and c["id"] not in KNOWN]
    result = accuracy.score(twins)
    assert result["right"] == result["fields"] and result["silent_wrong_fills"] == 0
