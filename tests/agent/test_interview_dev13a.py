"""The tenth session's class of genuinely ambiguous figures (dev13a), and their unambiguous twins.

Classes (see the header of tests/agent/data/dev13a_messages.yaml): money whose currency or unit is unclear, two
readings an order of magnitude apart, containers counted beside the items in them, and a figure with a caveat that
may multiply it, in fifteen languages, each beside a twin a careful reader would not ask about. Measured on arrival
at eb0af13: 84.6% / 29 silent.
"""

from __future__ import annotations

from interview_sets import accuracy

DEV13A = accuracy.load_cases(accuracy.DATA / "dev13a_messages.yaml")
# Known misses, for the next session: counts after their noun at a distance in openings ("historias clínicas en
# español, como 50 mil", "die Dokumente sind ..., etwa 20k", "produktów mamy ok. 8 tysięcy", "patient records English
# mein ~2 lakh"), a bare count with a remark after it ("тысячи две, может чуть больше", "2 bin kadar, ayda ...",
# "2.500, niet veel meer", "500 ile 1000 arası"), a folder count beside the files counted in all (ja/ko), "cartelle"
# glossed as pages, a Korean fintech's domain, a Polish range whose low end is a word ("od kilkudziesięciu").
KNOWN = {"d13a-ja-4", "d13a-ko-4", "d13a-ko-12", "d13a-de-11", "d13a-es-12", "d13a-es-13", "d13a-it-3", "d13a-nl-8",
         "d13a-pl-5", "d13a-pl-12", "d13a-ru-8", "d13a-tr-7", "d13a-tr-9", "d13a-hi-13"}


def test_the_class_set_holds_up() -> None:
    assert len(DEV13A) >= 200 and len({c["id"] for c in DEV13A}) == len(DEV13A)
    assert sum(1 for c in DEV13A if c.get("confirm")) >= 90
    result = accuracy.score(DEV13A)
    assert result["right"] >= 271 and result["silent_wrong_fills"] <= 3
    wrong = {o.case["id"] for o in result["outcomes"] if o.silent or o.problems}
    assert wrong <= KNOWN, sorted(wrong - KNOWN)


def test_every_ambiguous_figure_is_asked_about() -> None:
    result = accuracy.score([c for c in DEV13A if c.get("confirm")])
    unasked = [o.case["id"] for o in result["outcomes"] if "no confirming question" in o.problems]
    assert unasked == ["d13a-pl-5"], unasked
