"""The class set dev15a: figures that are not the field a careless reader fills (thirteenth session, lead round).

Written blind for the round (200 messages, 13 languages): team sizes, years, versions, other products' prices, parts
counted before one part's documents, files holding entries, rented cards, shares of the customers, and genuinely
ambiguous figures that need a confirming question. 84.0% (199/237) with 18 silent wrong fills at ddcd6bb. The
classes are tested phrased anew in tests/agent/test_understanding_lead13.py.
"""

from __future__ import annotations

from interview_sets import accuracy

DEV15A = accuracy.load_cases(accuracy.DATA / "dev15a_messages.yaml")
# Left as misses: one 900-page handbook as the whole corpus (d15a-en-7); total VRAM over the cards (en-25); a card
# named inside a side question (en-29); a budget after salaries (en-33); a length of appendices added (en-35); calls
# times searches per call (en-36); a budget re-labelled one-off beside a new monthly one (en-42); pesos with no country
# stay Mexican by the committed convention, the writer asks (es-9); an engineering firm is no domain yet (de-1); "une
# page et demie" (fr-5); pages re-labelled with the documents (fr-9); three bases listed and summed (pt-4); a daily
# rate beside a peak per second (zh-3); "预算大概5万" with no currency or period stays monthly yuan, the writer asks
# (zh-9); "几千份吧，也可能上万" (zh-10); files with hundreds of pages (ja-7); files counted in rows (ja-10); a rate
# re-labelled per business day (ko-3); a yearly sum in roubles quoted against a stored dollar budget (ru-7); an IT
# outsourcer is no domain yet (uk-1)
KNOWN_MISSES = {"d15a-en-7", "d15a-en-25", "d15a-en-29", "d15a-en-33", "d15a-en-35", "d15a-en-36", "d15a-en-42",
                "d15a-es-9", "d15a-de-1", "d15a-fr-5", "d15a-fr-9", "d15a-pt-4", "d15a-zh-3", "d15a-zh-9", "d15a-zh-10",
                "d15a-ja-7", "d15a-ja-10", "d15a-ko-3", "d15a-ru-7", "d15a-uk-1"}


def test_the_set_keeps_its_figure() -> None:
    assert len(DEV15A) == 200 and len({c["id"] for c in DEV15A}) == len(DEV15A)
    result = accuracy.score(DEV15A)
    assert result["right"] >= 216 and result["silent_wrong_fills"] <= 4
    assert result["side_questions_routed"] == result["side_questions"] == 13
    wrong = {o.case["id"] for o in result["outcomes"] if o.silent or o.problems}
    assert wrong <= KNOWN_MISSES, wrong - KNOWN_MISSES
