"""Development set 8d (money by class, in every lexicon language) and the readers behind it.

Classes (see the header of tests/agent/data/dev8d_messages.yaml): a one-off sum (setup, capex, upfront,
einmalig, 一次性, 初期費用, 초기 비용, una tantum ...) is the one-time budget, never the monthly one; a one-off and a
monthly sum in one message; sums per year; Indian digit grouping and lakh / crore short forms; "pesos" with no
country; a correction of the currency alone; a currency left open and a bare figure too small for a monthly budget,
both asked about.
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy

from agent import understanding_patterns as P
from agent.understanding import understand
from agent.understanding_guard import review
from agent.understanding_numbers import normalise

DEV8D = accuracy.load_cases(accuracy.DATA / "dev8d_messages.yaml")


def test_the_money_set_holds_up() -> None:
    assert len(DEV8D) >= 150
    languages = {c["id"].split("-")[1] for c in DEV8D}
    assert {"en", "zh", "de", "fr", "es", "ja", "ko", "pt", "it", "nl", "pl", "sv", "tr", "ru", "hi"} <= languages
    ids = [c["id"] for c in DEV8D]
    assert len(set(ids)) == len(ids)
    result = accuracy.score(DEV8D)
    assert result["silent_wrong_fills"] == 0, [(o.case["id"], o.silent) for o in result["outcomes"] if o.silent]
    assert result["accuracy"] == 1.0, [(o.case["id"], o.problems) for o in result["outcomes"] if o.problems]


def _read(text: str, asked: str | None = "budget_usd_month", stated: dict | None = None):  # noqa: ANN202
    return review(understand(text, asked, stated), text, asked, stated)


@pytest.mark.parametrize(("text", "one_time"), [
    ("capex for the box is up to €25k, one-off", 27000), ("we can put $30k into hardware up front", 30000),
    ("On a une subvention de 3 000 € pour la mise en place, et après plus grand-chose", 3240),
    ("Für die Anschaffung des Servers haben wir einmalig 20.000 €", 21600),
    ("Temos R$ 50 mil para a implantação, pagamento único", 10000), ("初期費用として300万円まで出せます", 20000),
    ("초기 비용으로 2천만 원까지 가능합니다", 14815), ("Kurulum için tek seferlik 500 bin TL ayırdık", 15625),
    ("Единоразово есть 2 млн рублей на внедрение", 22222), ("setup ke liye ek baar 5 lakh rupaye milenge", 6024)])
def test_a_one_off_sum_is_never_the_monthly_budget(text: str, one_time: float) -> None:
    updates = _read(text).updates
    assert "budget_usd_month" not in updates
    assert abs(updates["one_time_budget_usd"] - one_time) <= 0.01 * one_time


@pytest.mark.parametrize(("text", "one_time", "monthly"), [
    ("一次性投入可以10万人民币，每月运营费用不超过5千", 13889, 694),
    ("$2,500/mo recurring plus a $10k one-time for the initial load", 10000, 2500),
    ("每月预算5000美金，一次性的索引费用另外算，大概2万美金", 20000, 5000),
    ("Anfangsinvestition bis 50.000 €, laufende Kosten max. 1.000 € pro Monat", 54000, 1080),
    ("一回限りで200万円、その後は月10万円程度", 13333, 667),
    ("shuru mein one-time 10 lakh, fir har mahine 50 hazaar", 12048, 602)])
def test_a_one_off_and_a_monthly_sum_each_in_its_field(text: str, one_time: float, monthly: float) -> None:
    updates = _read(text).updates
    assert abs(updates["one_time_budget_usd"] - one_time) <= 0.01 * one_time
    assert abs(updates["budget_usd_month"] - monthly) <= 0.01 * monthly


@pytest.mark.parametrize(("text", "monthly"), [
    ("our grant covers $6,000 for the whole year", 500), ("we get €30k p.a. for tooling like this", 2700),
    ("Ons jaarbudget is 18.000 euro", 1620), ("Årsbudgeten är 240 000 kronor", 1905),
    ("Roczny budżet to 120 tys. zł", 2500), ("Годовой бюджет 3,6 млн рублей", 3333),
    ("₹1.2 Cr per annum", 12048), ("200 mil pesos al año", 980)])
def test_a_sum_per_year_is_a_twelfth_a_month(text: str, monthly: float) -> None:
    assert abs(_read(text).updates["budget_usd_month"] - monthly) <= 0.01 * monthly


@pytest.mark.parametrize(("text", "digits"), [
    ("₹2,50,000 per month", "250000"), ("har saal ₹18,00,000", "1800000"), ("₹1,20,00,000", "12000000"),
    ("₹3L/month", "3 lakh"), ("Rs 1.5Cr a year", "1.5 crore"), ("1,200 docs", "1,200")])
def test_indian_digit_grouping_and_short_lakh(text: str, digits: str) -> None:
    assert digits in normalise(text)


@pytest.mark.parametrize(("text", "monthly"), [
    ("unos 20 mil pesos al mes", 1176), ("como 8 mil pesos mensuales", 471),
    ("Somos de Bogotá, el presupuesto es de 4 millones de pesos al mes", 1000)])
def test_pesos_are_mexican_unless_the_message_names_another_country(text: str, monthly: float) -> None:
    assert abs(_read(text).updates["budget_usd_month"] - monthly) <= 0.01 * monthly
    assert P.peso_currency("somos de Buenos Aires") is None


@pytest.mark.parametrize(("text", "before", "after"), [
    ("sorry, that was pounds not dollars", 500, 635), ("不好意思，刚才说错了，是每月5000人民币，不是美元", 5000, 694),
    ("Entschuldigung, das waren Franken, nicht Euro", 2160, 2240), ("すみません、ドルじゃなくて円でした", 50000, 333),
    ("죄송해요, 달러가 아니라 유로예요", 2000, 2160), ("pardon, dolar değil lira", 30000, 938),
    ("извините, это рубли, а не доллары", 90000, 1000)])
def test_a_correction_of_the_currency_rereads_the_same_figure(text: str, before: float, after: float) -> None:
    u = _read(text, None, {"budget_usd_month": before})
    assert abs(u.updates["budget_usd_month"] - after) <= 0.01 * after and "budget_usd_month" in u.corrected


@pytest.mark.parametrize("text", [
    "一万左右吧，人民币还是美元我得再确认下", "3000左右吧，币种我得问问财务",
    "around 5k a month, but I'm not sure yet whether that's USD or CAD",
    "etwa 5.000 im Monat, ich weiß aber nicht, ob Euro oder Franken", "2-3 maybe?", "about 20?", "大概20？",
    "予算は50くらいかな", "한 2-3 정도?", "forse 2 o 3?", "belki 2-3?"])
def test_an_open_currency_or_a_tiny_figure_is_asked_about(text: str) -> None:
    u = _read(text)
    assert "budget_usd_month" not in u.updates and u.confirm and u.confirm.get("kind") == "check"


@pytest.mark.parametrize("text", ["$20 a month is plenty, it's a hobby project", "must be free", "300"])
def test_a_small_budget_in_a_written_currency_or_zero_is_kept(text: str) -> None:
    assert "budget_usd_month" in _read(text).updates
