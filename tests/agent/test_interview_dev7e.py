"""Development set 7e (hardware and money by class, in every lexicon language) and the readers behind it.

Hardware: card counts, per-card memory in every unit spelling, CPU-only servers (cores and RAM words of each
language), Apple silicon, rented vs owned in each language, cards given up or corrected, a card the user has named
inside a question. Money: the currencies real users write, per month / quarter / year, lakh and crore, European and
Swiss thousands separators.
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy

from agent import understanding_patterns as P
from agent.understanding import understand
from agent.understanding_hardware import hardware_mentions, owned_in_question
from agent.understanding_numbers import find_numbers, normalise

DEV7E = accuracy.load_cases(accuracy.DATA / "dev7e_messages.yaml")


def test_the_hardware_and_money_set_holds_up() -> None:
    assert len(DEV7E) >= 120
    languages = {c["id"].split("-")[1] for c in DEV7E}
    assert {"en", "de", "fr", "es", "pt", "it", "nl", "pl", "sv", "tr", "ru", "zh", "ja", "ko", "hi"} <= languages
    ids = [c["id"] for c in DEV7E]
    assert len(set(ids)) == len(ids)
    result = accuracy.score(DEV7E)
    assert result["silent_wrong_fills"] == 0, [(o.case["id"], o.silent) for o in result["outcomes"] if o.silent]
    assert result["accuracy"] == 1.0, [(o.case["id"], o.problems) for o in result["outcomes"] if o.problems]


@pytest.mark.parametrize(("written", "code"), [
    ("$", "usd"), ("us$", "usd"), ("a$", "aud"), ("aud", "aud"), ("nz$", "nzd"), ("ca$", "cad"), ("c$", "cad"),
    ("hk$", "hkd"), ("nt$", "twd"), ("s$", "sgd"), ("r$", "brl"), ("mx$", "mxn"), ("₹", "inr"), ("rs", "inr"),
    ("zł", "pln"), ("kr", "sek"), ("tl", "try"), ("₽", "rub"), ("рублей", "rub"), ("港币", "hkd"), ("新台币", "twd"),
    ("円", "jpy"), ("원", "krw"), ("元", "cny"), ("dirhams", "aed"), ("rand", "zar"), ("pesos", "mxn"),
    ("kroner", None), ("xy$", None)])
def test_currencies_as_written(written: str, code: str | None) -> None:
    assert P.currency_code(written) == code


def test_every_currency_has_a_rate_or_is_unknown() -> None:
    for code, (rate, before, after) in P.CURRENCIES.items():
        assert (rate is None) == (code == "unknown") and (before or after), code
        assert rate is None or 0 < rate < 10, code


@pytest.mark.parametrize(("text", "value"), [
    ("AUD 200 a month", 200 / 1.52), ("NZD 500 per month", 500 / 1.72), ("SGD 2,000 a month", 2000 / 1.33),
    ("HK$10,000 per month", 10000 / 7.8), ("around 30k ZAR a month", 30000 / 18), ("AED 5,000 monthly", 5000 / 3.6725),
    ("Rs 2 lakh per month", 200_000 / 83), ("₹2.5 lakh/month", 250_000 / 83), ("CHF 12'000 pro Jahr", 1120),
    ("€5.000 pro Quartal", 1800), ("1,5 k€ par mois", 1620), ("5 000 € par mois", 5400),
    ("每月新台币3万元", 30000 / 31), ("분기당 300만원", 3_000_000 / 1350 / 3), ("NOK 8,000 a month", 8000 / 10.8),
    ("DKK 7,000 per month", 7000 / 6.9)])
def test_money_in_many_currencies(text: str, value: float) -> None:
    got = understand(text, "budget_usd_month").updates["budget_usd_month"]
    assert abs(got - value) <= 0.02 * value, (text, got)


@pytest.mark.parametrize("text", ["3000 pesos al mes, somos de Buenos Aires", "5000 kroner om måneden",
                                  "3 crore a year for the whole AI program, this is one small part of it",
                                  "our ISO 27001 audit requires it"])
def test_money_that_is_not_a_budget_in_known_currency_is_left(text: str) -> None:
    assert "budget_usd_month" not in understand(text, "budget_usd_month").updates


def test_lakh_and_crore_are_numbers() -> None:
    assert [n.value for n in find_numbers(normalise("2.5 lakh tickets, 3 crore rupees"))] == [250_000, 30_000_000]


@pytest.mark.parametrize(("text", "want"), [
    ("Keine GPU. Ein Server mit 64 Kernen und 256 GB RAM", {"cpu_cores": 64, "ram_gb": 256}),
    ("Своих GPU нет, только CPU-сервер: 48 ядер, 192 ГБ ОЗУ", {"cpu_cores": 48, "ram_gb": 192}),
    ("pas de GPU : 24 cœurs, 96 Go de mémoire vive", {"cpu_cores": 24, "ram_gb": 96}),
    ("GPU 없이 CPU 서버만, 코어 32개, 메모리 128기가", {"cpu_cores": 32, "ram_gb": 128}),
    ("dual Xeon, 2 x 24 cores, 384 GB RAM", {"cpu_cores": 48, "ram_gb": 384}),
    ("two sockets, 32 cores each, 512GB RAM", {"cpu_cores": 64, "ram_gb": 512}),
    ("scratch the GPU, the A10 got reallocated. CPU only now, 16 cores / 64GB", {"cpu_cores": 16, "ram_gb": 64}),
    ("on a un serveur dédié loué chez OVH avec deux A100 de 40 Go", {"accelerator": "A100-40GB", "owned": False}),
    ("wynajmujemy A100 80 GB w chmurze", {"accelerator": "A100-80GB", "owned": False}),
    ("vi hyr en L4 i molnet", {"accelerator": "L4", "owned": False}),
    ("bulutta kiralık bir A100 kullanıyoruz", {"accelerator": "A100-40GB", "owned": False}),
    ("クラウドでL4をレンタルしています", {"accelerator": "L4", "owned": False}),
    ("perdón, no es una T4, es una L4, también alquilada", {"accelerator": "L4", "owned": False}),
    ("A10 (24 GB) en la nube, alquilada", {"accelerator": "A10", "owned": False}),
    ("we left the cloud, we own an A100 now", {"accelerator": "A100-40GB"}),
    ("MacBook Pro M3 Max, 64 ГБ", {"accelerator": "M3 Max 64GB", "vram_gb": 64})])
def test_hardware_by_class(text: str, want: dict[str, object]) -> None:
    hw = understand(text, "hardware").updates["hardware"]
    assert {k: hw.get(k) for k in want} == want, hw
    assert "owned" in want or "owned" not in hw


@pytest.mark.parametrize("text", ["H100 2장 보유하고 있습니다", "A100 80GBを2枚持っています", "我们有两张A100 80G"])
def test_a_card_count_is_not_a_document_figure(text: str) -> None:
    updates = understand(text, "hardware").updates
    assert set(updates) == {"hardware"}, updates


@pytest.mark.parametrize(("text", "cards"), [
    ("would e5-large run on the T4 we have?", 1), ("passt bge-m3 auf unsere l4?", 1), ("うちのt4で動きますか", 1),
    ("would bge-m3 fit on an a100?", 0), ("is an h100 enough for bge-m3?", 0)])
def test_a_card_inside_a_question_is_the_users_only_when_they_say_so(text: str, cards: int) -> None:
    assert len(owned_in_question(normalise(text))) == cards


def test_memory_units_of_every_spelling() -> None:
    for text in ("128 GB RAM", "128 Go de RAM", "128 ГБ ОЗУ", "メモリ128GB", "메모리 128기가", "128G内存",
                 "RAM: 128 GiB"):
        assert hardware_mentions(normalise(text), "hardware")[0].get("ram_gb") == 128, text


@pytest.mark.parametrize(("text", "asked", "field", "value"), [
    ("around 2k USD per month, maybe 2.5k", "budget_usd_month", "budget_usd_month", 2250),
    ("we can't go above 3 grand a month", "budget_usd_month", "budget_usd_month", 3000),
    ("月預算大概1萬台幣", "budget_usd_month", "budget_usd_month", 10000 / 31),
    ("mahine ka 50 hazaar rupaye tak", "budget_usd_month", "budget_usd_month", 50000 / 83),
    ("1.000,00 € pro Monat", "budget_usd_month", "budget_usd_month", 1080),
    ("budget: 20k€/Jahr", "budget_usd_month", "budget_usd_month", 1800)])
def test_money_phrasings(text: str, asked: str, field: str, value: float) -> None:
    assert abs(understand(text, asked).updates[field] - value) <= 0.02 * value


@pytest.mark.parametrize(("text", "value"), [
    ("Geen budget, het moet echt gratis zijn", 0.0), ("budżet nie gra roli", None), ("予算はありません", 0.0),
    ("예산은 상관없어요", None), ("бюджет не важен", None), ("Das Budget spielt keine Rolle", None)])
def test_a_budget_without_a_figure_in_every_language(text: str, value: float | None) -> None:
    updates = understand(text, "budget_usd_month").updates
    assert "budget_usd_month" in updates and updates["budget_usd_month"] == value


def test_an_hourly_price_beside_a_card_is_not_a_budget() -> None:
    assert "budget_usd_month" not in understand("rented A100 80GB at Lambda Labs, ~$1.3/h", "hardware").updates


@pytest.mark.parametrize(("text", "want"), [
    ("Ryzen 9 7950X, 16 cores, 64GB DDR5, no GPU", {"cpu_cores": 16, "ram_gb": 64}),
    ("CPU: AMD EPYC 7763 (64 cores), RAM: 512 GB, no GPU", {"cpu_cores": 64, "ram_gb": 512}),
    ("GPU: none. RAM: 64GB. Cores: 16.", {"cpu_cores": 16, "ram_gb": 64}),
    ("we have two V100 32GB", {"accelerator": "V100-32GB"}),  # listed since dev8f: its memory comes from the table
    ("two Radeon Pro W7900 48GB", {"vram_gb": 48}), ("Mac Studio M3 Ultra with 512GB", {"vram_gb": 512})])
def test_cpu_names_and_unlisted_cards(text: str, want: dict[str, object]) -> None:
    hw = understand(text, "hardware").updates["hardware"]
    assert {k: hw.get(k) for k in want} == want, hw
    assert "vram_gb" not in want or "ram_gb" not in hw, hw  # an unlisted card's memory is not the machine's RAM


@pytest.mark.parametrize("text", [
    "We're a law firm with 80k contracts. We have 2x A100 40GB on-prem and a budget of €2k/month.",
    "我们是电商，50万个商品，预算每月1万元，有两张4090"])
def test_a_card_count_or_the_next_clauses_budget_raises_no_doubt(text: str) -> None:
    _, update = _read(text)
    assert not update.get("pending_confirmation"), update.get("pending_confirmation")


@pytest.mark.parametrize(("text", "owned"), [
    ("Hardware: zwei L4 in der eigenen Cloud", True), ("we left the cloud, we own an A100 now", True),
    ("wir würden eine A100 in der Cloud mieten", False), ("g4dn.xlarge on AWS for now, might move to g5 later", False)])
def test_owned_or_rented(text: str, owned: bool) -> None:
    hw = understand(text, "hardware").updates["hardware"]
    assert hw.get("owned", True) is owned, hw


def _read(message: str) -> tuple[dict[str, object], dict[str, object]]:
    from agent.nodes import understand_offline

    state = accuracy.initial_state({"m": message})
    return state, understand_offline(state)
