"""The literal filter in front of the phrase table: exact (never drops a pattern that matches) and selective."""

from __future__ import annotations

import random
import re

import pytest

from agent.side_questions import intent_table
from agent.understanding_lexicon import gloss, number_formats, phrases
from agent.understanding_prefilter import AnyPattern, PhraseFilter, required_literals
from tests.agent.interview_sets import accuracy


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bpor (?:persona|cabeza)\b", {"por persona", "por cabeza"}),
    (r"documents?", {"document", "documents"}),
    (r"(?:外|外部)(?:に|へ)?", {"外", "外部", "外に", "外へ", "外部に", "外部へ"}),
    (r"(?<![a-z])api\s*で", {"api"}),  # a lookbehind consumes nothing; \s* ends the run
    (r"x?y?", None),  # can match the empty string: nothing is required
    (r"[^a]bc|d", {"bc", "d"}),
    (r"(?i)abc", None),  # case-insensitive: a literal would miss "ABC"
    (r"(?:a|\w+)z", {"z"}),
    (r"(ab){2}", {"abab"}),
])
def test_required_literals(pattern, expected):
    got = required_literals(re.compile(pattern))
    assert (got if got is None else set(got)) == expected


def test_a_run_too_long_to_spell_out_ends_where_it_overflows():
    # 4 x 5 x 2 x 6 spellings: the first strings joined are kept as the requirement, never a wrong whole
    rx = re.compile(r"외부 (?:전송|반출|유출|업로드)(?:은|는|이|가)? ?(?:불가|금지|안 ?됩니다|안 ?돼|못 ?해|할 수 없)")
    text = "환자 데이터가 포함되어 있어서 외부 전송은 불가입니다."
    assert rx.search(text) and 0 in PhraseFilter([rx]).candidates(text)


def _messages() -> list[str]:
    names = ("heldout37", "heldout38", "dev12e")
    return [number_formats(c["m"].lower()) for name in names
            for c in accuracy.load_cases(accuracy.DATA / f"{name}_messages.yaml")]


def test_the_filter_never_drops_a_phrase_that_matches():
    table = [rx for _, rx, _ in phrases()]
    phrase_filter = PhraseFilter(table)
    texts = _messages()
    rng = random.Random(7)  # and the messages cut at random places: a phrase split by the cut matches no more
    texts += [t[rng.randrange(len(t)):] for t in texts if t]
    kept = [phrase_filter.candidates(t) for t in texts]
    dropped = [(rx.pattern, t) for t, run in zip(texts, kept, strict=True) for i, rx in enumerate(table)
               if i not in run and rx.search(t)]
    assert dropped == []
    candidates = sum(map(len, kept)) / len(texts)
    assert candidates < len(table) / 20, f"{candidates:.0f} of {len(table)} phrases run a message: not selective"


def test_any_pattern_answers_as_one_alternation():
    rows = [row[3] for row in intent_table()[0]]
    joined = re.compile("|".join(f"(?:{rx.pattern})" for rx in rows))
    fast = AnyPattern(rows)
    texts = _messages()
    assert [bool(fast.search(t)) for t in texts] == [bool(joined.search(t)) for t in texts]
    assert any(fast.search(t) for t in texts) and not all(fast.search(t) for t in texts)


def test_gloss_still_glosses():
    assert "per day" in gloss("500 anfragen pro tag") and "200000" in gloss("etwa 200.000 dokumente")


def test_the_domain_scan_finds_what_one_alternation_finds():
    from agent import understanding_organisations as O
    from agent import understanding_patterns as P

    texts = [t for t in _messages() if O._selected(t)][:40] + [
        "we're a law firm (kanzlei) and a pharmacy chain; contracts, rulings and drug labels",
        "法律事务所的合同和药店的说明书"]
    for text in texts:
        selection = O._selected(text)
        extra: dict[str, list[str]] = {}
        for i in selection:
            extra.setdefault(O._WORDS[i][0], []).append(O._WORDS[i][3])
        joined = re.compile("|".join(f"(?P<{d}>{'|'.join([p, *extra.get(d, [])])})" for d, p in P.DOMAINS.items()))
        assert [(m.lastgroup, m.span()) for m in O.domain_words(text)] == \
            [(m.lastgroup, m.span()) for m in joined.finditer(text)], text
