"""Ambiguous figures, "no idea" answers and corrections in every lexicon language (dev11b, issue 17, eighth session).

Classes (see the header of tests/agent/data/dev11b_messages.yaml): a figure that must be asked back beside its clear
twin (a rate said under the hardware or latency question, "2k a month" to the documents question, a sum set aside
with no currency after the queries question, a bare figure to the length question); "no idea / later / ask my boss /
depends / TBD / whatever you think", also with figures inside, leaving the asked field unset; corrections that name
the field, that name none ("sorry, 60 not 40"), of the period only, withdrawals, and corrections inside a longer
message. Written before the fix: batch 1 (225 messages) 188/245 right, 37 silent wrong fills at fa70050; batch 2 (59
messages, written after the first round) 37/60, 11 silent at fa70050 and 56/60, 1 silent after the first round; batch
3 (55 messages, written after the second round) 47/59, 11 silent at fa70050 and 58/59, 0 silent after the second
round; batch 4 (35 messages: a period offered as an afterthought, "or maybe" between two figures) 17/35, 3 silent at
fa70050 and 30/35, 0 silent after the third round; batch 5 (16 messages: the period kept from the old figure, the
counted noun as a correction's label, a hedged figure under a thousand) 7/16, 4 silent. The whole set at fa70050:
296/415, 66 silent; now 415/415, 0.
"""

from __future__ import annotations

from typing import Any

import pytest
from interview_sets import accuracy

from agent.understanding import understand
from agent.understanding_guard import review

DEV11B = accuracy.load_cases(accuracy.DATA / "dev11b_messages.yaml")
LANGUAGES = {"en", "zh", "ja", "ko", "de", "fr", "es", "pt", "it", "nl", "pl", "sv", "tr", "ru", "uk", "hi"}


def test_every_class_in_every_language_and_every_ambiguous_figure_has_a_clear_twin() -> None:
    assert len(DEV11B) >= 180 and len({c["id"] for c in DEV11B}) == len(DEV11B)
    assert {c["id"].split("-")[1] for c in DEV11B} == LANGUAGES
    by_id = {c["id"]: c for c in DEV11B}
    for lang in LANGUAGES:
        kinds = {c["id"].split("-")[2][0] for c in DEV11B if c["id"].split("-")[1] == lang}
        assert kinds == {"f", "s", "k"}, lang
    for case in DEV11B:
        if case.get("confirm"):
            twin = by_id[case["id"][:-1] + "b"]
            assert twin.get("expect") and not twin.get("confirm"), case["id"]


def test_the_set_is_read_right_with_no_silent_fill() -> None:
    result = accuracy.score(DEV11B)
    wrong = {o.case["id"]: [*o.silent, *o.problems] for o in result["outcomes"] if o.silent or o.problems}
    assert not wrong, wrong
    assert result["silent_wrong_fills"] == 0


def _checked(text: str, asked: str | None = None, stated: dict[str, Any] | None = None) -> Any:
    return review(understand(text, asked, stated), text, asked, stated)


@pytest.mark.parametrize(("text", "asked"), [
    ("maybe 1,200 a day", "hardware"), ("about 40 an hour", "latency_p95_ms"), ("ungefähr 700 pro Tag", "languages"),
    ("environ 250 par jour", "license"), ("około 900 dziennie", "hardware")])
def test_a_rate_said_to_another_question_is_asked_about(text: str, asked: str) -> None:
    u = _checked(text, asked)
    assert u.confirm is not None and "queries_per_month" not in u.updates


@pytest.mark.parametrize("text", ["we've put about 4000 aside for this", "wir haben dafür rund 4000 vorgesehen und "
                                  "eingeplant", "tenemos unos 4.000 para esto en el presupuesto",
                                  "у нас на это заложено около 4000"])
def test_a_sum_set_aside_with_no_currency_is_not_searches(text: str) -> None:
    u = _checked(text, "queries_per_month")
    assert u.confirm is not None and not {"queries_per_month", "budget_usd_month"} & set(u.updates)


@pytest.mark.parametrize(("text", "stated", "field", "value"), [
    ("sorry, 35 not 25", {"corpus_docs": 25_000, "budget_usd_month": 900}, "corpus_docs", 35_000),
    ("oops, 8 instead of 6", {"queries_per_month": 6_000}, "queries_per_month", 8_000),
    ("pardon, 18 değil 12", {"corpus_docs": 18_000}, "corpus_docs", 12_000),
    ("the number of documents is off, more like 48k", {"corpus_docs": 30_000}, "corpus_docs", 48_000),
    ("il numero di documenti va corretto: 52.000", {"corpus_docs": 30_000}, "corpus_docs", 52_000)])
def test_a_correction_moves_only_the_field_its_old_figure_names(text: str, stated: dict[str, Any], field: str,
                                                                value: int) -> None:
    u = _checked(text, None, stated)
    assert u.updates == {field: value}


@pytest.mark.parametrize(("text", "value"), [("es por semana, no por día", 30_000 / 30 * 30 / 7),
                                             ("per vecka, inte per dag", 30_000 / 30 * 30 / 7),
                                             ("не в день, а в час", 30_000 / 30 * 24 * 30)])
def test_a_correction_of_the_period_alone_rereads_the_stated_rate(text: str, value: float) -> None:
    assert _checked(text, None, {"queries_per_month": 30_000}).updates["queries_per_month"] == pytest.approx(
        value, rel=0.02)


@pytest.mark.parametrize("text", ["budżet wykreśl, nie znam go", "уберите бюджет, я его не знаю",
                                  "budget hatao, abhi pata nahi", "예산은 지워 주세요"])
def test_a_withdrawn_budget_is_unset(text: str) -> None:
    u = _checked(text, None, {"budget_usd_month": 1_000})
    assert "budget_usd_month" in u.unset and "budget_usd_month" not in u.updates


@pytest.mark.parametrize(("text", "asked"), [("no idea yet, ask me after the 3 workshops", "corpus_docs"),
                                             ("odezwę się po 2 tygodniach pilotażu", "corpus_docs"),
                                             ("TBD, depends on the 2018-2020 backlog", "corpus_docs")])
def test_an_answer_put_off_stores_no_count(text: str, asked: str) -> None:
    assert asked not in _checked(text, asked).updates


@pytest.mark.parametrize("text", ["roughly 700... or was it per week? not sure", "ungefähr 700, oder war es pro Tag",
                                  "circa 700... o erano al mese? devo vedere", "около 700... или это в день?"])
def test_a_period_offered_as_an_afterthought_is_asked_about(text: str) -> None:
    u = _checked(text, "queries_per_month")
    assert u.confirm is not None and "queries_per_month" not in u.updates


def test_a_hedged_second_figure_is_an_alternative_and_a_rough_range_is_not() -> None:
    assert _checked("40k, or perhaps 60k", "corpus_docs").confirm is not None
    assert 20_000 <= _checked("20 o 30 mila documenti", "corpus_docs").updates["corpus_docs"] <= 30_000


@pytest.mark.parametrize(("text", "stated", "value"), [
    ("no, it's 90 a minute, not 60", {"queries_per_month": 60 * 43_200}, 90 * 43_200),
    ("说错了，每周是 5000 不是 3000", {"queries_per_month": 3000 * 30 / 7}, 5000 * 30 / 7)])
def test_a_period_said_once_belongs_to_both_figures_of_a_correction(text: str, stated: dict[str, Any],
                                                                     value: float) -> None:
    assert _checked(text, None, stated).updates["queries_per_month"] == pytest.approx(value, rel=0.02)


@pytest.mark.parametrize("text", ["sorry, the files are more like 120k",
                                  "przepraszam, dokumentów jest raczej 120 tys."])
def test_the_counted_noun_labels_a_correction(text: str) -> None:
    assert _checked(text, None, {"corpus_docs": 80_000}).updates == {"corpus_docs": 120_000}


@pytest.mark.parametrize("text", ["perhaps 300?", "vielleicht 800", "forse 250?"])
def test_a_hedged_figure_under_a_thousand_to_the_queries_question_is_asked_about(text: str) -> None:
    u = _checked(text, "queries_per_month")
    assert u.confirm is not None and "queries_per_month" not in u.updates
