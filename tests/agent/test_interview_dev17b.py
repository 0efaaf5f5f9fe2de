"""The class set dev17b: corrections and follow-ups later in a consultation (fifteenth session, lead round).

Written blind for the round (110 messages, 10 languages): a correction of one field that leaves the others alone, of
only the unit or the period, a language added or dropped, a figure named by its old value ("the 2,000 was growth"),
an answer taken back, "actually both", a card changed or rented after all, two figures swapped, an earlier value
confirmed, a revision the user is not sure of. 78.5% (102/130) with 12 silent wrong fills at 50fe90f. The classes are
tested phrased anew in tests/agent/test_understanding_lead15.py.
"""

from __future__ import annotations

from interview_sets import accuracy

DEV17B = accuracy.load_cases(accuracy.DATA / "dev17b_messages.yaml")
# Left as misses: "the embeddings have to run on our own servers" read as the data rule as well (eng-35: the
# committed convention of a must-run-on-our-servers rule); a share of a stated figure offered unsure in German
# (deu-9); people named where searches were stored, with a rate per person after them (fra-4) or a count of
# documents with "como" before it (spa-4); a share of the budget offered with a hedge (por-4, stored as half);
# package leaflets of medicines read as products (ita-5); "만원 단위" (in units of ten thousand won, kor-1);
# "하루 1000건 아니고 하루 3000건" (kor-5: the old figure is kept, no longer a new one with no period)
KNOWN_MISSES = {"d17b-eng-35", "d17b-deu-9", "d17b-fra-4", "d17b-spa-4", "d17b-por-4", "d17b-ita-5", "d17b-kor-1",
                "d17b-kor-5"}


def test_the_set_keeps_its_figure() -> None:
    assert len(DEV17B) == 110 and len({c["id"] for c in DEV17B}) == len(DEV17B)
    result = accuracy.score(DEV17B)
    assert result["right"] >= 123 and result["silent_wrong_fills"] <= 3
    wrong = {o.case["id"] for o in result["outcomes"] if o.silent or o.problems}
    assert wrong <= KNOWN_MISSES, wrong - KNOWN_MISSES
