"""Figures and words that are no profile field (dev14c, eleventh session, issue 17).

Classes (see the header of tests/agent/data/dev14c_messages.yaml, written blind): messages full of figures of the
organisation, of the user's tooling or of another party (team sizes, years, versions, a burn rate, an AWS bill, the
current SaaS plan, a grant "btw", a whole annual budget, customers who will not search, a vendor's 40-page spec, chunk
size and top-k, an LLM's answer time, a Black Friday peak), each beside 0-3 real fields, and side questions whose
figures are not the user's. Written before the fixes: 158/190 fields (83.2%), 20 silent wrong fills at 3eceb71 (160/191,
17 silent on the set as corrected: zh-10, es-3 and fr-7's prev follow the sets' conventions, each with a note).
"""

from __future__ import annotations

from interview_sets import accuracy

DEV14C = accuracy.load_cases(accuracy.DATA / "dev14c_messages.yaml")
# Misses left for a later round: a card announced for January as a correction (en-54), Notion pages of the workspaces
# that matter (en-56), a sector not listed in an opening (de-1), "ça change quoi" as a question about a term (fr-4),
# half of the customers then their count (pt-7), Czech, which the lexicon does not cover (cs-1, cs-2).
KNOWN = {"d14c-en-54", "d14c-en-56", "d14c-de-1", "d14c-fr-4", "d14c-pt-7", "d14c-cs-1", "d14c-cs-2"}


def test_the_class_set_holds_its_figure() -> None:
    assert len(DEV14C) >= 170 and len({c["id"] for c in DEV14C}) == len(DEV14C)
    result = accuracy.score(DEV14C)
    assert result["right"] >= 185 and result["silent_wrong_fills"] == 0
    assert result["side_questions_routed"] >= 24
    wrong = {o.case["id"] for o in result["outcomes"] if o.silent or o.problems}
    assert wrong <= KNOWN, sorted(wrong - KNOWN)


def test_the_set_covers_fifteen_languages() -> None:
    assert len({c["id"].split("-")[1] for c in DEV14C}) >= 15
