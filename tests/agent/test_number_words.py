"""Numbers in every language the interview reads: magnitudes after digits, number words, halves, CJK vague counts.

The parser of ``agent.understanding_number_words`` (through ``normalise``), and the dev7b set of realistic messages
exercising each class in fourteen languages (100% of fields and no silent wrong fill).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from interview_sets import accuracy

from agent.understanding_number_words import cjk_ranges, number_words
from agent.understanding_numbers import find_numbers, normalise

DEV7B = accuracy.load_cases(Path(__file__).parent / "data" / "dev7b_messages.yaml")


def test_the_numbers_set_holds_up() -> None:
    assert len(DEV7B) >= 100
    languages = {c["id"].split("-")[1] for c in DEV7B}
    assert {"en", "de", "fr", "es", "pt", "it", "nl", "pl", "sv", "tr", "ru", "zh", "ja", "ko"} <= languages
    ids = [c["id"] for c in DEV7B]
    assert len(set(ids)) == len(ids)
    result = accuracy.score(DEV7B)
    assert result["silent_wrong_fills"] == 0, [(o.case["id"], o.silent) for o in result["outcomes"] if o.silent]
    assert result["accuracy"] == 1.0, [(o.case["id"], o.problems) for o in result["outcomes"] if o.problems]


def _values(text: str) -> list[float]:
    return [n.value for n in find_numbers(normalise(text))]


@pytest.mark.parametrize(("text", "value"), [
    # a magnitude word after a digit, decimal dot or comma
    ("2.5 lakh tickets", 250_000), ("2,5 lakh", 250_000), ("3 crore records", 30_000_000), ("1.5 cr", 15_000_000),
    ("15 lakh documents hain", 1_500_000), ("50 hazaar", 50_000),
    ("2,5 Mio. Dokumente", 2_500_000), ("300 Tsd. Dokumente", 300_000), ("40 tausend", 40_000),
    ("1,2 Mrd. Anfragen", 1_200_000_000), ("1,8 million d'articles", 1_800_000), ("300 mille", 300_000),
    ("2 milliards", 2_000_000_000), ("2,5 millones", 2_500_000), ("300 mil documentos", 300_000),
    ("1,2 milhão", 1_200_000), ("2,5 milhões", 2_500_000), ("30 mil", 30_000), ("1 bilhão", 1_000_000_000),
    ("70mila documenti", 70_000), ("1,5 milioni", 1_500_000), ("2 miliardi", 2_000_000_000),
    ("1,2 miljoen", 1_200_000), ("80 duizend", 80_000), ("3 miljard", 3_000_000_000),
    ("2 mln dokumentów", 2_000_000), ("300 tys. dokumentów", 300_000), ("1,5 miliona", 1_500_000),
    ("1 mld zapytań", 1_000_000_000), ("2,5 miljoner", 2_500_000), ("45 tusen", 45_000),
    ("800 bin belge", 800_000), ("2,5 milyon", 2_500_000), ("1 milyar", 1_000_000_000),
    ("2 млн документов", 2_000_000), ("300 тыс. документов", 300_000), ("1,5 миллиона", 1_500_000),
    ("1 млрд запросов", 1_000_000_000),
    # number words, halves, "and a half"
    ("a dozen analysts", 12), ("half a million", 500_000), ("one and a half million", 1_500_000),
    ("two and a half million listings", 2_500_000), ("a couple hundred thousand", 200_000),
    ("mezzo milione", 500_000), ("un demi-million", 500_000), ("medio millón", 500_000), ("meio milhão", 500_000),
    ("eine halbe Million", 500_000), ("pół miliona", 500_000), ("полмиллиона", 500_000),
    ("een half miljoen", 500_000), ("en halv miljon", 500_000), ("yarım milyon", 500_000),
    ("un milliard", 1_000_000_000), ("mil millones", 1_000_000_000), ("un miliardo", 1_000_000_000),
    ("un millón y medio", 1_500_000), ("eineinhalb Millionen", 1_500_000), ("półtora miliona", 1_500_000),
    ("deux cent mille documents", 200_000), ("trescientos mil", 300_000), ("двести тысяч", 200_000),
    ("dedh lakh", 150_000), ("do lakh", 200_000),
    # approximate counts: a singular is its value, a vague plural three of its unit
    ("une centaine d'utilisateurs", 100), ("un millier de documents", 1000), ("une douzaine", 12),
    ("una ventina di avvocati", 20), ("un centinaio di utenti", 100), ("una docena de usuarios", 12),
    ("un centenar de documentos", 100), ("ein Dutzend Nutzer", 12),
    ("a couple of hundred PDFs", 200), ("des milliers de documents", 3000), ("quelques centaines", 300),
    ("des centaines de milliers", 300_000), ("migliaia di documenti", 3000), ("miles de documentos", 3000),
    ("cientos de miles", 300_000), ("ein paar hundert Dokumente", 200), ("einige tausend", 3000),
    ("Dutzende Nutzer", 36), ("tientallen gebruikers", 30), ("honderden documenten", 300),
    ("десятки пользователей", 30), ("сотни документов", 300), ("тысячи документов", 3000),
    ("несколько сотен", 300), ("kilkaset dokumentów", 300), ("kilka tysięcy", 3000), ("några hundra", 300),
    ("tusentals dokument", 3000), ("birkaç yüz belge", 300), ("binlerce belge", 3000),
    ("tens of thousands of documents", 30_000), ("hundreds of thousands of files", 300_000),
    # CJK vague counts and compounds
    ("数万件", 30_000), ("数十万件", 300_000), ("几千份", 3000), ("上万份文档", 10_000), ("十几万篇", 130_000),
    ("수십만 개", 300_000), ("수천 개", 3000), ("수백 건", 300), ("1억 2천만 건", 120_000_000),
    ("成千上万的文档", 30_000), ("数以千计", 3000), ("千把份", 1000), ("万把条", 10_000),
    ("一百多万篇", 1_030_000), ("两千多篇", 2300), ("三十多个", 33), ("10多万条", 130_000), ("一万多篇", 13_000),
    ("천 개 정도", 1000), ("만 건", 10_000),
    # numbers written as one word, Devanagari magnitudes, quarters, English thousands separators
    ("zweihunderttausend", 200_000), ("fünfundzwanzigtausend", 25_000), ("vijftigduizend", 50_000),
    ("tweehonderdduizend", 200_000), ("tvåhundratusen", 200_000), ("duecentocinquantamila", 250_000),
    ("centomila", 100_000), ("settecento", 700), ("2 लाख", 200_000), ("3 करोड़", 30_000_000),
    ("a quarter of a million", 250_000), ("1,200 million tokens", 1_200_000_000),
])
def test_a_number_phrase_reads_as_its_value(text: str, value: float) -> None:
    assert _values(text)[:1] == [pytest.approx(value)]


@pytest.mark.parametrize(("text", "low", "high"), [
    ("3~5万篇", 30_000, 50_000), ("1-2億件", 100_000_000, 200_000_000),
    ("文档总量在五十万到八十万之间", 500_000, 800_000),
    ("문서가 3~5만 개", 30_000, 50_000), ("1-2 Mio. Dokumente", 1_000_000, 2_000_000),
    ("entre 2 et 3 millions", 2_000_000, 3_000_000), ("between 1 and 2 million docs", 1_000_000, 2_000_000),
    ("de 2 à 3 millions", 2_000_000, 3_000_000), ("de 10 000 à 20 000 documents", 10_000, 20_000),
    ("10.000 bis 20.000 Dokumente", 10_000, 20_000), ("10 ile 20 bin belge", 10_000, 20_000),
    ("от 10 до 20 тысяч", 10_000, 20_000), ("de 200 à 300 requêtes", 200, 300),
])
def test_a_range_gets_its_unit_on_both_ends(text: str, low: float, high: float) -> None:
    assert _values(text)[:1] == [pytest.approx((low + high) / 2)]


@pytest.mark.parametrize(("text", "reading"), [
    ("une demi-seconde", "0.5 seconds"), ("mezzo secondo", "0.5 seconds"), ("medio segundo", "0.5 seconds"),
    ("meio segundo", "0.5 seconds"), ("eine halbe Sekunde", "0.5 seconds"), ("een halve seconde", "0.5 seconds"),
    ("pół sekundy", "0.5 seconds"), ("полсекунды", "0.5 seconds"), ("en halv sekund", "0.5 seconds"),
    ("yarım saniye", "0.5 seconds"), ("half a second", "0.5 seconds"), ("반 초", "0.5 seconds"), ("半秒", "0.5秒"),
    ("under a second", "under 1 seconds"), ("moins d'une seconde", "under 1 seconds"),
    ("sotto il secondo", "under 1 seconds"), ("unter einer Sekunde", "under 1 seconds"),
    ("menos de un segundo", "under 1 seconds"), ("menos de medio segundo", "under 0.5 seconds"),
    ("poniżej sekundy", "under 1 seconds"), ("меньше секунды", "under 1 seconds"),
    ("minder dan een seconde", "under 1 seconds"), ("bir saniyenin altında", "under 1 seconds"),
    ("zwei Sekunden", "2 seconds"), ("deux secondes", "2 seconds"), ("due secondi", "2 seconds"),
    ("две секунды", "2 seconds"), ("iki saniye", "2 seconds"), ("under a tenth of a second", "under 0.1 seconds"),
    ("un quart de seconde", "0.25 seconds"),
])
def test_halves_and_bounds_of_a_second(text: str, reading: str) -> None:
    assert reading in normalise(text)


@pytest.mark.parametrize("text", [
    "50 cents par requête", "10 per cent", "a couple of questions before I answer", "half of them are PDFs",
    "un", "des documents", "2 segundos", "the recycle bin", "500 md files", "achtung", "tienen", "percento",
    "a quarter of the docs", "milano", "很多文档", "许多人", "多少钱",
])
def test_words_that_are_no_number_phrase_stay_as_written(text: str) -> None:
    assert number_words(text.lower()) == text.lower()


def test_of_them_keeps_its_of() -> None:
    assert "5000000 of them" in normalise("tweets, about 5 million of them")


def test_cjk_ranges_put_the_unit_on_both_ends() -> None:
    assert cjk_ranges("3~5万") == "3万~5万"
    assert cjk_ranges("五十到八十万") == "五十万到八十万"


@pytest.mark.parametrize(("text", "value"), [
    ("trente juristes", 30), ("dreißig Nutzer", 30), ("veinte usuarios", 20), ("тридцать пользователей", 30),
    ("quaranta utenti", 40), ("twintig gebruikers", 20), ("yirmi kullanıcı", 20), ("zwanzig Seiten", 20),
])
def test_a_cardinal_word_before_a_noun_is_its_digits(text: str, value: float) -> None:
    assert _values(text) == [value]


@pytest.mark.parametrize("text", ["due to the load", "a maioria dos documentos", "sto cercando", "neuf serveurs neufs"])
def test_cardinal_words_that_are_common_words_stay_words(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize(("text", "reading"), [
    ("somewhere in the 5-8k range", "about 5-8k"), ("in the ballpark of 20k", "about 20k"),
    ("dell'ordine di 50mila", "about 50000"), ("Rs 1.5 lakh per month", "₹1.5 lakh per month"),  # digits + lakh:
    ("dedh lakh rupaye mahina", "1.5 lakh rupaye"), ("roz 2 lakh queries", "per day 2 lakh queries"),  # the word stays
])
def test_hedges_and_hinglish_read_as_english(text: str, reading: str) -> None:
    assert reading in " ".join(number_words(text.lower()).split())


def test_hours_of_the_day_are_no_range_of_figures() -> None:
    assert "8 bis 17 uhr" in number_words("von 8 bis 17 uhr")
    assert "9 à 18h" in number_words("de 9 à 18h")


@pytest.mark.parametrize(("text", "reading"), [
    ("die Hälfte davon", "half of them"), ("la moitié d'entre eux", "half of them"),
    ("la mitad de ellos", "half of them"),
    ("ein Drittel", "a third of them"), ("un tiers", "a third of them"), ("一半的人", "half of them"),
    ("절반이", "half of them"), ("20 % d'entre eux", "20% of them"), ("百分之二十的人", "20% of them"),
])
def test_shares_of_people_read_as_english(text: str, reading: str) -> None:
    assert reading in number_words(text.lower())


@pytest.mark.parametrize("text", ["la moitié des documents", "un quart d'heure"])
def test_a_share_of_things_or_time_stays(text: str) -> None:
    assert number_words(text) == text


def test_a_word_starting_with_m_after_a_figure_is_no_million() -> None:
    assert _values("yaklaşık 800 bin müşteri sözleşmesi") == [800_000]  # not "800000 m" + "üşteri"
