"""The lead's second round of the eighth session (dev11h), from the misses of a fresh blind set (heldout33).

Classes (see the header of tests/agent/data/dev11h_messages.yaml): a figure to a numeric question that no reading
took is asked back, an API allowed is no deployment, an API preferred, data not to be taken out, per second in
Japanese, operators as people, words after a figure in short answers, documents counted under other nouns, "±"
before a figure, a count between dashes, a language struck out in Swedish. heldout33 was measured on arrival at
a386289 (85.2% / 17 silent) and at the merged main before this round (85.2% / 16).
"""

from __future__ import annotations

from typing import Any

from interview_sets import accuracy

from agent.confirmations import question

DEV11H = accuracy.load_cases(accuracy.DATA / "dev11h_messages.yaml")


def test_the_lead_set_holds_up() -> None:
    assert len(DEV11H) >= 25 and len({c["id"] for c in DEV11H}) == len(DEV11H)
    result = accuracy.score(DEV11H)
    wrong = {o.case["id"]: [*o.silent, *o.problems] for o in result["outcomes"] if o.silent or o.problems}
    assert not wrong, wrong


def test_the_blind_set_of_the_round_keeps_its_figure() -> None:
    result = accuracy.score(accuracy.load_cases(accuracy.DATA / "heldout33_messages.yaml"))
    assert result["right"] >= 239 and result["silent_wrong_fills"] <= 10


def test_an_unread_figure_is_asked_about_in_so_many_words() -> None:
    pending: dict[str, Any] = {"kind": "vague", "unclear": True, "fields": ["corpus_docs"], "value": 0.0}
    assert question(pending, "en").startswith("I'm not sure how to read that figure. Roughly how many documents")
    assert question(pending, "zh").startswith("这个数字我不太确定该怎么理解。")
