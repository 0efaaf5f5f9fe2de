"""Russian, Polish, Ukrainian and Turkish as native users type them (dev9b).

Classes (see the header of tests/agent/data/dev9b_messages.yaml): the counted noun before a rough figure ("документов
где-то 4 500", "страниц 15-20", "programistów 120"), the magnitude before it ("тикетов тысяч 300"), Ukrainian numbers,
units, money (грн) and language lists ("українська та англійська"), corrections "не X, а Y" / "nie X, a Y" whose new
figure takes the old one's magnitude or unit ("не 300 тысяч, а 250", "не 20 страниц, а около 12"), residency said as
a perimeter or the cloud allowed, code and support said through the work, "tell me more about" in four languages.
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy

from agent.understanding import understand
from agent.understanding_lexicon import gloss

DEV9B = accuracy.load_cases(accuracy.DATA / "dev9b_messages.yaml")


def test_the_slavic_and_turkish_set_holds_up() -> None:
    assert len(DEV9B) >= 150
    assert len({c["id"] for c in DEV9B}) == len(DEV9B)
    by_language = {lang: sum(c["id"].split("-")[1] == lang for c in DEV9B) for lang in ("ru", "pl", "uk", "tr")}
    assert by_language["ru"] >= 50 and by_language["pl"] >= 45 and by_language["uk"] + by_language["tr"] >= 55
    result = accuracy.score(DEV9B)
    # known misses (asked back or left unset, never stored wrong): "400 lekarzy, może 5 zapytań na dyżur" (doctors and
    # a rate with no "each": asked whether the rate is per doctor), a bare total after a list of document kinds, an
    # RTX 4070 (a card the hardware table lacks: left unset), an HR department (no domain named), a new query rate with
    # its period first after "daha fazla olacak" (asked back)
    # and "лікарі ... протоколах, їх близько 3 000" (a count "of them" after a people noun: left unset since ba22368)
    known = {"d9b-pl-28", "d9b-tr-29", "d9b-uk-50", "d9b-pl-101", "d9b-tr-65", "d9b-uk-17"}
    missed = {o.case["id"] for o in result["outcomes"] if o.problems or o.silent}
    assert missed <= known, sorted(missed - known)
    assert result["silent_wrong_fills"] == 0
    assert result["accuracy"] >= 0.98, f"{result['accuracy']:.1%}"


@pytest.mark.parametrize(("text", "asked", "field", "value"), [
    ("Документов где-то 4 500", None, "corpus_docs", 4500),
    ("договор в среднем страниц 15–20", "doc_length_tokens", "doc_length_tokens", 8750),
    ("тикетов тысяч 300", "corpus_docs", "corpus_docs", 300000),
    ("файлы в среднем строк по 200", "doc_length_tokens", "doc_length_tokens", 2000),
    ("plików jest ok. 90 tys.", "corpus_docs", "corpus_docs", 90000),
    ("запитів на день близько 3 тисяч", "queries_per_month", "queries_per_month", 90000),
    ("договір у середньому сторінок 15", "doc_length_tokens", "doc_length_tokens", 7500),
])
def test_the_counted_noun_before_its_figure(text: str, asked: str | None, field: str, value: int) -> None:
    assert understand(text, asked).updates.get(field) == value


def test_a_figure_already_counted_is_not_moved() -> None:
    assert "12 thousand documents 2023" in gloss("12 thousand документов 2023 года")


@pytest.mark.parametrize(("text", "prev", "value"), [
    ("поправка: тикетов не 300 тысяч, а 250", {"corpus_docs": 300000}, 250000),
    ("вибачте, документів не 70 тисяч, а 90", {"corpus_docs": 70000}, 90000),
    ("pardon, nie 8 tys. dokumentów, a 11 tys.", {"corpus_docs": 8000}, 11000),
    ("sorry, not 300k, but 250", {"corpus_docs": 300000}, 250000),
])
def test_a_correction_keeps_the_magnitude(text: str, prev: dict[str, int], value: int) -> None:
    assert understand(text, None, prev).updates.get("corpus_docs") == value


@pytest.mark.parametrize("text", ["хотя нет, не 20 страниц, а около 12", "sorry, not 20 pages, but about 12"])
def test_a_corrected_length_keeps_the_unit(text: str) -> None:
    assert understand(text, None, {"doc_length_tokens": 10000}).updates.get("doc_length_tokens") == 6000


@pytest.mark.parametrize(("text", "asked", "updates"), [
    ("українська та англійська", "languages", {"languages": ["ukr", "eng"]}),
    ("20 тисяч гривень на місяць", "budget_usd_month", {"budget_usd_month": 487.8}),
    ("GPU немає, є сервер на 32 ядра і 128 ГБ пам'яті", "hardware", None),
    ("дані мають залишатися на наших серверах", "data_must_stay_on_prem", {"data_must_stay_on_prem": True}),
    ("только на наших серверах, облако не вариант", "data_must_stay_on_prem", {"data_must_stay_on_prem": True}),
    ("можно в облако, данные не чувствительные", "data_must_stay_on_prem", {"data_must_stay_on_prem": False}),
    ("licencja obojętna", "license", {"license": "any"}),
])
def test_ukrainian_and_more_answers(text: str, asked: str, updates: dict[str, object] | None) -> None:
    got = understand(text, asked).updates
    if updates is None:  # RAM said as "пам'яті" is RAM, never the card's memory
        assert got["hardware"].get("ram_gb") == 128 and not got["hardware"].get("vram_gb")
        return
    for name, value in updates.items():
        assert got.get(name) == pytest.approx(value, rel=0.01) if isinstance(value, float) else got.get(name) == value


@pytest.mark.parametrize(("text", "asked", "field", "value"), [
    ("без разницы", "license", "license", "any"), ("bez różnicy", "license", "license", "any"),
    ("ну миллисекунд 100", "latency_p95_ms", "latency_p95_ms", 100),
    ("1 saniyeden kısa olsun", "latency_p95_ms", "latency_p95_ms", 1000),
    ("приблизно 200 запитів за секунду в пік", "queries_per_month", "queries_per_month", 518400000),
])
def test_more_answers(text: str, asked: str, field: str, value: object) -> None:
    assert understand(text, asked).updates.get(field) == value


@pytest.mark.parametrize("text", ["jaki model polecasz do polskiego?", "какую модель посоветуешь для русского?",
                                  "яку модель порадиш для української?", "Türkçe için hangi modeli önerirsin?"])
def test_which_model_to_use(text: str) -> None:
    assert [r.tool for r in understand(text).tool_requests] == ["search_models"]


@pytest.mark.parametrize("text", ["opowiedz coś więcej o bge-m3", "расскажи подробнее про bge-m3",
                                  "розкажи більше про bge-m3", "bge-m3 hakkında daha fazla bilgi verir misin?"])
def test_tell_me_more_about_a_model(text: str) -> None:
    assert [r.tool for r in understand(text).tool_requests] == ["show_model"]
