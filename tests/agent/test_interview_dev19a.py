"""The class set dev19a: asking instead of guessing (seventeenth session, s17-a).

Written blind for the round (180 messages, 10 languages: English, Chinese, German, French, Spanish, Japanese, Korean,
Portuguese, Indonesian, Arabic): 90 genuinely ambiguous messages a careful reader asks about (a bare figure that could
be two fields, a currency whose country is unclear, files bundling documents, pages for documents, a range too wide, a
rate with no period, a card only hoped for, a data rule or a licence not decided yet, languages with others unnamed, a
correction that does not say which figure, two figures offered), each paired with a near twin clear enough to store.
161/214 (75.2%) with 20 silent wrong fills at 1b3ba1f (fourteen cases corrected to the committed conventions, each with
a note), 198/214 (92.5%) / 0 after the round. Its classes are tested phrased anew in
tests/agent/test_understanding_s17a.py.
"""

from __future__ import annotations

from interview_sets import accuracy

DEV19A = accuracy.load_cases(accuracy.DATA / "dev19a_messages.yaml")
# Left as misses: domains named only by the documents in a count's answer (help-center articles, 客服, SAC, product
# manuals, annual reports, product pages, court cases: the committed sets read no domain from "about 30k tickets"),
# "5 a second" (the normaliser reads "a second" as a figure), a figure answered and then a sentence of unknown words
# ("500. maybe a bit less honestly, it's a tiny team"), a sum with no word of money ("thinking about 50k for this"),
# a spin-off "with no clients yet" as an open licence, and "that's what we'd run it on" after cards in "our own server
# room" as who runs the model.


def test_the_set_keeps_its_figure() -> None:
    assert len(DEV19A) == 180 and len({c["id"] for c in DEV19A}) == len(DEV19A)
    result = accuracy.score(DEV19A)
    assert result["right"] >= 198 and result["silent_wrong_fills"] <= 0
