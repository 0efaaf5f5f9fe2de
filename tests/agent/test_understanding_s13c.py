"""Czech, Greek, Hebrew, Romanian, Danish and Finnish, read table by table (s13-c, issue 17; class set dev15b).

Phrasings here are not the class set's: each checks one table (magnitudes, currencies, periods, hosting, language
names, the script blocks) on a new sentence.
"""

from __future__ import annotations

import pytest
from interview_sets import assert_reads, read, said

from agent.understanding_langid import languages, written_in


@pytest.mark.parametrize(("text", "block"), [
    ("Potřebujeme to do konce měsíce, máme asi 12 tisíc smluv", "cs"),
    ("Avem cam 40 de mii de facturi pe lună", "ro"),
    ("Meillä on noin 5 000 asiakirjaa ja haluamme hakea niistä", "fi"),
    ("Έχουμε περίπου 3.000 συμβάσεις", "el"),
    ("יש לנו בערך 7 אלף חוזים", "he"),
])
def test_the_six_languages_are_told_apart(text: str, block: str) -> None:
    assert block in (languages(text.lower()) or frozenset())


def test_english_and_the_neighbours_keep_their_blocks() -> None:
    assert written_in("we have about 20 a day") == "eng"
    assert not {"cs", "ro", "fi"} & (languages("ja, 500 am tag".lower()) or frozenset())


@pytest.mark.parametrize(("message", "asked", "want"), [
    ("máme zhruba 35 tis. spisů", "corpus_docs", {"corpus_docs": 35000}),
    ("cam 250 mii de documente", "corpus_docs", {"corpus_docs": 250000}),
    ("noin 4,5 miljoonaa asiakirjaa", "corpus_docs", {"corpus_docs": 4500000}),
    ("περίπου 12 χιλιάδες έγγραφα", "corpus_docs", {"corpus_docs": 12000}),
    ("בערך 3 מיליון מסמכים", "corpus_docs", {"corpus_docs": 3000000}),
    ("omkring 2,5 mio. dokumenter", "corpus_docs", {"corpus_docs": 2500000}),
])
def test_magnitudes_in_each_language(message: str, asked: str, want: dict[str, float]) -> None:
    assert_reads(message, asked, want)


@pytest.mark.parametrize(("message", "want"), [
    ("nejvýš 9 200 Kč měsíčně", 400),  # CZK 23
    ("maximum 920 de lei pe lună", 200),  # RON 4.6
    ("עד 1,850 ₪ לחודש", 500),  # ILS 3.7
    ("højst 6.900 kr. om måneden", 1000),  # DKK 6.9 (Danish words: "højst")
    ("έως 1.000 ευρώ τον μήνα", 1080),
    ("enintään 1 000 euroa kuukaudessa", 1080),
])
def test_local_currencies_at_their_rates(message: str, want: float) -> None:
    assert_reads(message, "budget_usd_month", {"budget_usd_month": want})


@pytest.mark.parametrize("message", ["tak 800", "vreo 800", "בערך 800", "et par tusind"])
def test_a_bare_sum_in_a_local_currency_language_is_asked(message: str) -> None:
    update = read(message, "budget_usd_month")
    assert "budget_usd_month" not in said(update) and update.get("pending_confirmation")


@pytest.mark.parametrize(("message", "want"), [
    ("data nesmí opustit naši budovu", True),
    ("datele pacienților nu au voie să iasă din spital", True),
    ("τα δεδομένα δεν βγαίνουν από την εταιρεία", True),
    ("potilastiedot eivät saa lähteä sairaalasta", True),
])
def test_data_kept_in_house(message: str, want: bool) -> None:
    assert_reads(message, "data_must_stay_on_prem", {"data_must_stay_on_prem": want})


@pytest.mark.parametrize(("message", "want"), [
    ("dokumenty jsou česky a německy", ["ces", "deu"]),
    ("documentele sunt în română și franceză", ["ron", "fra"]),
    ("τα κείμενα είναι στα ελληνικά και στα ιταλικά", ["ell", "ita"]),
    ("המסמכים בעברית ובצרפתית", ["heb", "fra"]),
    ("tekster på dansk og tysk", ["dan", "deu"]),
    ("asiakirjat ovat suomeksi ja saksaksi", ["fin", "deu"]),
])
def test_language_names_in_the_six_languages(message: str, want: list[str]) -> None:
    assert_reads(message, "languages", {"languages": want})


def test_a_hebrew_word_beside_a_name_is_no_unknown_language() -> None:
    assert said(read("חוזים וחוות דעת, בעברית ובאנגלית"))["languages"] == ["heb", "eng"]


@pytest.mark.parametrize("message", ["le mie domande sono poche", "20% de la base", "4x A100 80GB"])
def test_short_words_of_the_six_do_not_read_elsewhere(message: str) -> None:
    from agent.understanding_numbers import normalise

    low = normalise(message)
    assert "1000" not in low and "from" not in low and "times" not in low
