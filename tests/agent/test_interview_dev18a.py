"""The class set dev18a: long openings that paste requirements (sixteenth session, lead round).

Written blind for the round (150 messages, 8 languages): bullet lists, markdown tables, "key: value" lines, forwarded
mails with signatures, tickets, tender excerpts, meeting notes and pasted chat threads, each stating four to eight
fields, with near twins that differ in one reading (we host it / the vendor hosts it). 77.6% (745/960) with 62 silent
wrong fills at c5f6afc, 85.8% (824) / 57 on the merged main. Its classes (who runs the model said by its parts or on
a labelled line, both sides left open, data refused a way out, public documents with an API allowed, precision in
other languages) are tested phrased anew in tests/agent/test_understanding_lead16.py.
"""

from __future__ import annotations

from interview_sets import accuracy

DEV18A = accuracy.load_cases(accuracy.DATA / "dev18a_messages.yaml")
# Left as misses (not listed by id: the set is long openings, most of its misses are one field of many): domains
# named by a trade the domains do not list or by documents in a message about something else, counts beside a
# second kind of document, people counted where a rate is asked, and hosting said only by a cloud product
# ("deploy on our own GKE cluster" is read; "政务云上自己运行" next to the LLM's API is not).


def test_the_set_keeps_its_figure() -> None:
    assert len(DEV18A) == 150 and len({c["id"] for c in DEV18A}) == len(DEV18A)
    result = accuracy.score(DEV18A)
    assert result["right"] >= 831 and result["silent_wrong_fills"] <= 53
