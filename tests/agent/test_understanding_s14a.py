"""Plain words of non-specialists, read as classes in every language of the tables (s14-a, issue 17; heldout46).

The phrasings here are not the set's: each checks one class on a new sentence (a lawyer, a clinic manager, a
librarian, a town-hall clerk or a shop owner saying a field without the trade's words).
"""

from __future__ import annotations

from typing import Any

import pytest
from interview_sets import assert_reads, read, said


def _tools(update: dict[str, Any]) -> list[str]:
    return [t.get("tool") for t in update.get("pending_tools") or []]


@pytest.mark.parametrize(("message", "want"), [
    # people of two roles, then each one's rate: everybody together
    ("we're 6 solicitors and 3 paralegals, each of us looks things up about 12 times a day", [2376, 3240]),
    ("there are two pharmacists plus four assistants, each maybe 5 searches a day", [900, 900]),
    ("Wir sind 5 Ärzte und 3 Sekretärinnen, jeder sucht etwa 10 mal am Tag", [2400, 2400]),
    ("אנחנו שלושה רופאים ושתי מזכירות, כל אחד מחפש בערך שמונה פעמים ביום", [1200, 1200]),
    ("약사 세 명이랑 직원 두 명이 쓰고, 한 사람당 하루에 다섯 번 정도요", [750, 750]),
    # the people said as "we are N at the office"
    ("we are 8 at the practice, each searches about 10 times per working day", [1760, 1760]),
    ("Nous sommes 4 au cabinet, chacun cherche une dizaine de fois par jour", [1200, 1200]),
])
def test_people_of_each_role_are_counted_together(message: str, want: list[float]) -> None:
    got = said(read(message, "queries_per_month")).get("queries_per_month")
    assert got is not None and want[0] * 0.8 <= got <= want[1] * 1.2, (message, got)


@pytest.mark.parametrize(("message", "want"), [
    ("we get roughly 120 enquiries a day from tenants", 3600),
    ("the helpline gets around 60 inquiries per day", 1800),
    ("Borgerservice får cirka 90 henvendelser om dagen", 2700),
    ("בערך 40 פניות ביום מהאתר", 1200),
])
def test_inquiries_that_come_in_are_the_searches(message: str, want: float) -> None:
    assert_reads(message, "queries_per_month", {"queries_per_month": want})


@pytest.mark.parametrize(("message", "asked"), [
    ("honestly a ready-made service would be easiest, nobody here can look after servers", "deployment"),
    ("we'd like an online service, we don't want to buy any hardware", "deployment"),
    ("we cannot maintain servers ourselves, so some subscription service would suit us", "deployment"),
    ("Vi vil hellere have en færdig løsning, vi har ikke folk til at passe servere", "deployment"),
    ("Ne-ar conveni un serviciu online, nu vrem să cumpărăm servere noi", "deployment"),
    ("직접 서버를 운영할 사람이 없어요. 돈 내고 쓰는 서비스가 편할 것 같아요", "deployment"),
])
def test_a_service_bought_ready_is_an_api(message: str, asked: str) -> None:
    assert_reads(message, asked, {"deployment": "api"})


@pytest.mark.parametrize("message", ["the online service of the tax office is down again", "we sell online products"])
def test_an_online_thing_named_in_passing_is_no_hosting(message: str) -> None:
    assert "deployment" not in said(read(message))


@pytest.mark.parametrize(("message", "want"), [
    ("we'd rather run it ourselves on our own computer", "self_hosted"),
    ("Προτιμούμε να το τρέξουμε μόνοι μας, σε δικό μας μηχάνημα", "self_hosted"),
    ("نفضل أن نشغل النموذج على خوادمنا الخاصة", "self_hosted"),
    ("לא משנה לנו אם זה בענן או אצלנו", "any"),
])
def test_who_runs_it_in_plain_words(message: str, want: str) -> None:
    assert_reads(message, "deployment", {"deployment": want})


@pytest.mark.parametrize("message", [
    "client files must never leave the firm",
    "the records can't leave the surgery",
    "אסור שהקבצים ייצאו מהמשרד",
    "ملفات العملاء لا يجوز أن تخرج من البلد",
    "Det er fint med en cloud-tjeneste, så længe dataen bliver i EU",
    "žádná data nesmí mimo naše servery",
])
def test_data_kept_at_the_workplace(message: str) -> None:
    assert_reads(message, "data_must_stay_on_prem", {"data_must_stay_on_prem": True})


def test_an_intranet_listed_among_the_sources_keeps_no_data_in() -> None:
    assert "data_must_stay_on_prem" not in said(read("about 300 procedures, and also the intranet", "corpus_docs"))


@pytest.mark.parametrize(("message", "want", "prev"), [
    ("the board signed off 900 € per month in the end, not 700", 972, {"budget_usd_month": 756}),
    ("Der Vorstand hat 900 € im Monat statt 700 bewilligt", 972, {"budget_usd_month": 756}),
    ("τελικά 900 € τον μήνα, όχι 700", 972, {"budget_usd_month": 756}),
    ("rozpočet je nakonec 9 000 Kč měsíčně, ne 7 000", 391, {"budget_usd_month": 304}),
    ("forget the $300 a month I gave you, the director says $250 at most", 250, {"budget_usd_month": 300}),
])
def test_the_new_figure_before_the_one_taken_back(message: str, want: float, prev: dict[str, Any]) -> None:
    assert_reads(message, "hardware", {"budget_usd_month": want}, prev)


@pytest.mark.parametrize("message", [
    "there are 20 cabinets of files, each with about 30 boxes",
    "we keep 15 binders of minutes in the office",
    "Έχουμε 25 κούτες με φακέλους",
])
def test_storage_of_paper_is_asked_about(message: str) -> None:
    update = read(message, "corpus_docs")
    assert "corpus_docs" not in said(update) and update.get("pending_confirmation"), update


def test_hundreds_in_each_folder_said_after_it_is_asked_about() -> None:
    update = read("roughly 150 folders on the drive, with hundreds of files in each", "corpus_docs")
    assert "corpus_docs" not in said(update) and update.get("pending_confirmation")


def test_two_scenarios_of_a_figure_are_asked_about() -> None:
    update = read("It depends on whether we open it to members: staff alone maybe 200 a month, with members "
                  "perhaps 20 thousand", "queries_per_month")
    assert "queries_per_month" not in said(update) and update.get("pending_confirmation")


@pytest.mark.parametrize(("message", "prev", "value"), [
    ("I gave you 2,000 searches a month but that was one branch; we have three branches, so three times that",
     {"queries_per_month": 2000, "corpus_docs": 5000}, 6000),
    ("刚才说的只是一个分店，一共四家，得乘四", {"queries_per_month": 5000}, 20000),
])
def test_a_factor_of_a_stated_figure_is_asked_back(message: str, prev: dict[str, Any], value: float) -> None:
    update = read(message, "budget_usd_month", prev)
    assert said(update).get("queries_per_month") == prev["queries_per_month"], update  # unchanged until confirmed
    assert (update.get("pending_confirmation") or {}).get("value") == pytest.approx(value)


@pytest.mark.parametrize(("message", "asked", "want"), [
    ("máme asi 20 tisíc naskenovaných knih", "corpus_docs", {"corpus_docs": 20000}),
    ("avem vreo 8.000 de fișe de pacienți", "corpus_docs", {"corpus_docs": 8000}),
    ("yhteensä 300 kappaletta ohjeita", "corpus_docs", {"corpus_docs": 300}),
    ("יש לנו בערך 5,000 תיקים", "corpus_docs", {"corpus_docs": 5000}),
    ("vi har omkring 700 vejledninger", "corpus_docs", {"corpus_docs": 700}),
    ("about 250 info pages on the website", "corpus_docs", {"corpus_docs": 250}),
    ("διαχειριζόμαστε 3.000 φακέλους", "corpus_docs", {"corpus_docs": 3000}),
])
def test_collections_named_by_non_specialists(message: str, asked: str, want: dict[str, Any]) -> None:
    assert_reads(message, asked, want)


@pytest.mark.parametrize(("message", "want"), [
    ("안내문은 보통 A4 두세 장이에요", 1250),
    ("the leaflets are half an A4 page each", 250),
    ("ההנחיות קצרות, עמוד או שניים", 750),
])
def test_lengths_in_sheets(message: str, want: float) -> None:
    assert_reads(message, "doc_length_tokens", {"doc_length_tokens": want})


def test_an_average_guessed_after_the_extremes_is_the_length() -> None:
    assert_reads("some are one page, some 60 pages; an average I'd say 8 pages", "doc_length_tokens",
                 {"doc_length_tokens": 4000})


def test_a_card_known_by_its_memory_only() -> None:
    assert_reads("a PC with a 16 GB graphics card, no idea which model, and 32 GB RAM", "hardware",
                 {"hardware": {"vram_gb": 16, "ram_gb": 32}})


@pytest.mark.parametrize("message", [
    "getting the right answer is extremely important for the council",
    "if it returns the wrong regulation a citizen could be fined",
])
def test_the_stakes_in_plain_words(message: str) -> None:
    assert_reads(message, None, {"precision_critical": True})


@pytest.mark.parametrize("message", [
    "what is a token exactly?",
    "토큰이 정확히 뭐예요?",
    "Hvad betyder 'latency' egentlig?",
    "מה זה 'וקטור'?",
    "Ce înseamnă self-hosted?",
    "Co znamená kontextové okno?",
])
def test_the_meaning_of_a_word_is_explained(message: str) -> None:
    assert "explain_term" in _tools(read(message)), message


def test_a_count_in_a_side_question_that_names_them_is_the_corpus() -> None:
    update = read("how long would indexing those 8,000 reports take?")
    assert said(update).get("corpus_docs") == 8000 and "indexing_time" in _tools(update)
