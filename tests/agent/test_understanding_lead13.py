"""The thirteenth session's lead round (issue 17): figures that are not the field a careless reader fills.

The class set dev15a (written blind for this round) concentrates on them: parts counted before one part's documents,
files holding entries, a vague count in each part, a card rented in the words after it, a share of the customers who
search, another product's licence beside the budget, an earlier project's hosting before "this time", a field taken
back and given anew in one message. Each case here is phrased anew (other trades, sizes and languages than dev15a's).
"""

from __future__ import annotations

from typing import Any

import pytest
from interview_sets import assert_asks, assert_reads, read, said

from agent import understanding_patterns as P


@pytest.mark.parametrize(("message", "asked", "want"), [
    # parts, then one part's documents: the parts times that count
    ("We run 8 warehouses and each one keeps about 1,200 safety sheets", "corpus_docs", {"corpus_docs": 9600}),
    ("Tenemos 6 clínicas y cada una guarda unas 4.000 historias", "corpus_docs", {"corpus_docs": 24000}),
    ("Wir haben 12 Filialen, jede mit rund 2.500 Verträgen", "corpus_docs", {"corpus_docs": 30000}),
    ("Nous avons 5 agences et chacune a environ 3 000 contrats", "corpus_docs", {"corpus_docs": 15000}),
    ("我们有8个分公司，每个大概3千份合同。", "corpus_docs", {"corpus_docs": 24000}),
    ("工場が6つあって、各工場で約800件の手順書があります。", "corpus_docs", {"corpus_docs": 4800}),
    ("Abbiamo 4 sedi, ognuna con circa 6.000 pratiche", "corpus_docs", {"corpus_docs": 24000}),
    ("each of our 7 hospitals has about 30k discharge letters", "corpus_docs", {"corpus_docs": 210000}),
    # a card rented, said after it and its size
    ("Drei A100 mit je 80 GB, gemietet bei einem Cloud-Anbieter", "hardware",
     {"hardware": {"accelerator": "A100-80GB", "owned": False}}),
    ("two L40S, rented from a cloud provider", "hardware", {"hardware": {"accelerator": "L40S", "owned": False}}),
    # a share of the customers who would search
    ("Temos 200 mil clientes, mas só uns 5% usariam a busca, umas 3 vezes por mês", "queries_per_month",
     {"queries_per_month": 30000}),
    ("We have 80k customers but only about 10% would use it, maybe 4 times a month", "queries_per_month",
     {"queries_per_month": 32000}),
    # another product's licence beside the budget
    ("Unsere Microsoft-Lizenz kostet 60.000 € im Jahr, für die Suche wollen wir höchstens 400 € im Monat ausgeben",
     "budget_usd_month", {"budget_usd_month": 432}),
    ("our Salesforce subscription costs about $250k a year; for this we'd spend at most $800 a month",
     "budget_usd_month", {"budget_usd_month": 800}),
    # an earlier project's hosting, then this time's rule
    ("the previous two projects were fully on-prem, but this time a hosted API is fine", "deployment",
     {"data_must_stay_on_prem": False}),
    # a bank said in Russian is the trade, not a noun before a count
    ("Мы банк, 40 отделений, нужно искать по ~90 тыс. договоров", None, {"corpus_docs": 90000, "domain": "finance"}),
    ("Мы банк, 300 тыс. кредитных договоров", None, {"corpus_docs": 300000}),
])
def test_reads(message: str, asked: str | None, want: dict[str, Any]) -> None:
    assert_reads(message, asked, want)


@pytest.mark.parametrize(("message", "asked", "field"), [
    # files holding entries: which are the documents is asked
    ("Roughly 9k Q&A entries, spread over about 200 PDFs", "corpus_docs", "corpus_docs"),
    ("Environ 1 200 PDF, mais ce sont des recueils avec des centaines de fiches chacun", "corpus_docs", "corpus_docs"),
    ("文件大概500个，但每个Excel里有几千条问答。", "corpus_docs", "corpus_docs"),
    ("Có 150 file Excel, mỗi file vài nghìn dòng câu hỏi", "corpus_docs", "corpus_docs"),
    ("Файлів 90, але в кожному тисячі рядків з картками товарів", "corpus_docs", "corpus_docs"),
    ("عندنا ٢٠٠ ملف PDF، لكن كل ملف فيه مئات الأسئلة والأجوبة", "corpus_docs", "corpus_docs"),
    # parts with a vague count in each
    ("there are ~120 team sites and each one has hundreds of docs", "corpus_docs", "corpus_docs"),
    ("Abbiamo 30 uffici, ognuno con centinaia di pratiche", "corpus_docs", "corpus_docs"),
    # containers of documents (binders), each with documents inside
    ("Circa 400 faldoni, ognuno con decine di pratiche dentro", "corpus_docs", "corpus_docs"),
])
def test_asked_back(message: str, asked: str | None, field: str) -> None:
    assert_asks(message, asked, field)


@pytest.mark.parametrize(("message", "asked", "field"), [
    ("Файлів 90, але в кожному тисячі рядків з картками товарів", "corpus_docs", "doc_length_tokens"),
    ("We have 400 agents and each handles 30 tickets a day", None, "corpus_docs"),
    ("1500 surveyors hain, har ek roz 10-15 claims dekhta hai", "queries_per_month", "corpus_docs"),
    ("ongeveer 400 per dag, en er komen elk jaar nog zo'n 2000 documenten bij", "queries_per_month", "corpus_docs"),
])
def test_not_stored(message: str, asked: str | None, field: str) -> None:
    assert field not in said(read(message, asked)), message


@pytest.mark.parametrize(("message", "want"), [
    ("we have about 3000 documents, each with hundreds of pages", {"corpus_docs": 3000}),
    ("900 dossiers, elk dossier is één PDF van zo'n 150 pagina's", {"corpus_docs": 900, "doc_length_tokens": 75000}),
    ("內部代碼大概600万行，分布在5万个文件里。", {"corpus_docs": 50000}),
])
def test_the_documents_themselves_are_still_counted(message: str, want: dict[str, Any]) -> None:
    assert_reads(message, "corpus_docs", want)


@pytest.mark.parametrize("message", [
    "API or local, doesn't matter", "local or a hosted API, we don't mind", "self-hosting or the cloud: no preference",
    "we could host it in-house or call an API, whichever is cheaper", "on-prem or API, whatever is cheaper",
])
def test_hosting_offered_both_ways_is_any(message: str) -> None:
    got = said(read(message, "deployment"))
    assert got.get("deployment") == "any" and "data_must_stay_on_prem" not in got, (message, got)


def test_one_side_of_the_alternative_keeps_a_rule_said_apart() -> None:
    got = said(read("local or API, doesn't matter, but the data must stay in the EU", "deployment"))
    assert got.get("deployment") == "any" and got.get("data_must_stay_on_prem") is True, got


def test_a_card_rented_in_arabic() -> None:
    hardware = said(read("لدينا بطاقة A100 لكن نستأجرها من مزود سحابي", "hardware"))["hardware"]
    assert hardware["owned"] is False and hardware["accelerator"].startswith("A100")


def test_a_field_taken_back_and_given_anew_in_one_message_keeps_the_new_value() -> None:
    # (it raised a KeyError: the field was both taken back and updated)
    update = read("actually scratch that, the 30k is per day not per month", None,
                  {"queries_per_month": 30000, "corpus_docs": 5000})
    assert update["profile"]["queries_per_month"] == 900000 and update["provenance"]["queries_per_month"] == "corrected"
    assert update["profile"]["corpus_docs"] == 5000


@pytest.mark.parametrize(("text", "old"), [
    ("40 değil 60", "40"), ("1 lakh nahi, 10 hazaar", "1 lakh"), ("4万じゃなくて6万", "4万"),
    ("5만이 아니라 10만", "5만"), ("100 bin yerine 10 bin", "100 bin"),
])
def test_one_table_of_negations_after_the_old_value(text: str, old: str) -> None:
    taken = [m.group().strip() for m in P.negated_values(P.normalise(text))]
    assert taken and P.find_numbers(taken[0]) and P.find_numbers(P.normalise(old))[0].value == P.find_numbers(
        taken[0])[0].value, (text, taken)
