"""The fifteenth session's third class round (s15-c, issue 17): money that is and is not the embedding budget (dev17a).

Each case is phrased anew (not the class set's words) and checks what the offline reader stores: fines and penalties in
four languages, what a consultant, an architect or a lawyer charges by the day or the hour, what clients are billed,
what a thing is worth or sells for, the organisation's whole IT spend, a thing bought already (before or after its
price), what the writer pays today for another tool, a correction that says the quoted sum is not the budget in six
languages, seats times a price, a bare "$" beside a local dollar named once, the build money in Spanish and French,
and "na cały rok" as a year's sum.
"""

from __future__ import annotations

from typing import Any

import pytest
from interview_sets import assert_reads, read, said


@pytest.mark.parametrize(("message", "asked"), [
    # fines and penalties, paid or risked
    ("We're a vet practice in Cork. We were fined €12,000 by the regulator in 2024, so records stay in-house. "
     "Around 30,000 patient files.", None),
    ("Somos una distribuidora en Bogotá; la multa de la SIC fue de 80 millones de pesos el año pasado. Tenemos unos "
     "12.000 contratos.", None),
    ("Das Bußgeld lag damals bei 50.000 €, deshalb bleiben die Daten bei uns. Etwa 8.000 Verträge.", None),
    ("No sé todavía. La multa que nos pusieron fue de 300 mil pesos, por eso nada sale de la empresa.",
     "budget_usd_month"),
    # what somebody charges by the day or the hour, what clients are billed
    ("A advogada cobra R$ 600 por hora e eu quero entender o que é um reranker.", None),
    ("Nuestro asesor cobra 700 € al día; ¿qué es un reranker?", None),
    ("Pour info on facture nos clients en moyenne 3 500 € par projet. On a 9 000 rapports.", None),
    # what a thing is worth or sells for, what customers pay, the whole IT spend
    ("Our 3,000 subscribers paying $12 a month mostly search the recipe archive, about 9,000 recipes.", None),
    ("Our typical order is around €450 and we have 18,000 products.", None),
    ("Total contract value is about $15m across 600 contracts.", None),
    ("Our annual IT spend is about $400k, mostly licences. About 20,000 manuals.", None),
    ("średnia faktura to 900 zł, mamy 7 tys. klientów i 20 tys. dokumentów", None),
    ("yıllık cirosu 90 milyon TL olan bir şirketiz, 5 bin dokümanımız var", None),
    # a thing bought already, its price before or after the verb
    ("Last year we bought two L40S cards for about $18k. Will e5-large fit?", None),
    ("昨年、サーバーを約300万円で購入しました。bge-m3は動きますか？", None),
    # what the writer pays today for another tool, in Portuguese; spent monthly on other apps, in Hindi
    ("Pago uns R$ 4 mil por mês de Google Workspace. Orçamento pra isso ainda não sei.", "budget_usd_month"),
    ("हम हर महीने क्लाउड पर करीब 5 लाख रुपये खर्च करते हैं, पर इसका बजट अभी तय नहीं है।", "budget_usd_month"),
])
def test_money_for_other_things_is_no_budget(message: str, asked: str | None) -> None:
    got = said(read(message, asked))
    assert "budget_usd_month" not in got and "one_time_budget_usd" not in got, (message, got)


@pytest.mark.parametrize(("message", "prev"), [
    ("Sorry, the 2 lakh I gave you is the agency's retainer, not the budget.", {"budget_usd_month": 2410}),
    ("Hold on, the $4,000 I mentioned is what our agency bills us each month, not our budget for this.",
     {"budget_usd_month": 4000}),
    ("Desculpe, os R$ 5 mil eram o valor da assinatura do Zendesk, não o orçamento.", {"budget_usd_month": 1000}),
    ("Perdón, los 2.000 € son lo que cobra la gestoría al mes, no el presupuesto.", {"budget_usd_month": 2160}),
    ("Przepraszam, te 8 tys. zł to pensja naszego informatyka, nie budżet.", {"budget_usd_month": 2000}),
    ("Moment, die 1.500 € sind die Miete fürs Büro, nicht das eigentliche Budget.", {"budget_usd_month": 1620}),
    ("Pardon, 30 bin TL muhasebecinin aylık ücreti, bütçe değil.", {"budget_usd_month": 937}),
    ("ごめんなさい、さっきの30万円は外注先への支払いで、予算とは別です。", {"budget_usd_month": 2000}),
])
def test_a_sum_said_not_to_be_the_budget_takes_it_back(message: str, prev: dict[str, Any]) -> None:
    got = said(read(message, None, prev))
    assert "budget_usd_month" not in got, (message, got)


@pytest.mark.parametrize(("message", "asked", "want"), [
    # seats times a price, the total said after it
    ("We've got 25 licences at about $14 each, so around $350 a month, and that's what this can cost.",
     "budget_usd_month", {"budget_usd_month": 350}),
    ("match what we pay for Notion: 30 users at $10, so $300/mo", "budget_usd_month", {"budget_usd_month": 300}),
    # a bare "$" beside a local dollar named once in the message
    ("Budget is $2,000 a month, all in Canadian dollars, and $10k once for setup.", None,
     {"budget_usd_month": 1460, "one_time_budget_usd": 7300}),
    ("We can do $1,200 a month AUD and a one-off $8k for the build.", None,
     {"budget_usd_month": 790, "one_time_budget_usd": 5263}),
    # the build money in Spanish and French, then a month's
    ("Tenemos 20.000 € para construirlo y luego 500 € al mes.", None,
     {"one_time_budget_usd": 21600, "budget_usd_month": 540}),
    ("On a 12 000 € pour le mettre en place, puis 300 € par mois.", None,
     {"one_time_budget_usd": 12960, "budget_usd_month": 324}),
    # "na cały rok": a year's sum
    ("Zarząd dał 24 000 zł na cały rok.", "budget_usd_month", {"budget_usd_month": 500}),
])
def test_a_budget_said_in_odd_ways_is_read(message: str, asked: str | None, want: dict[str, Any]) -> None:
    assert_reads(message, asked, want)


@pytest.mark.parametrize(("message", "asked", "want"), [
    # the whole sum for this system, its hosting inside it (not a wider budget "for all of IT")
    ("We have $800 a month for all of it, servers included. About 15k tickets.", None, {"budget_usd_month": 800}),
    # "fürs Jahr": a year's sum
    ("Der Vorstand hat 24.000 € fürs Jahr bewilligt.", "budget_usd_month", {"budget_usd_month": 2160}),
    # a currency named apart from its figures, at the end of the sentence
    ("We could go up to 600 a month and 5k once for the build, all in Australian dollars.", None,
     {"budget_usd_month": 395, "one_time_budget_usd": 3289}),
    ("Reckon we can throw about 3 grand a month at it, CAD.", None, {"budget_usd_month": 2190}),
    # a one-off said in Devanagari ("एक बार", "सेटअप")
    ("हर महीने 60 हज़ार रुपये, और एक बार 5 लाख सेटअप के लिए।", "budget_usd_month",
     {"budget_usd_month": 723, "one_time_budget_usd": 6024}),
    # a share of what another tool costs
    ("At most a fifth of our Intercom subscription, which is $2,000 a month.", "budget_usd_month",
     {"budget_usd_month": 400}),
    ("no more than one-tenth of our HubSpot renewal, which is $36k a year", "budget_usd_month",
     {"budget_usd_month": 300}),
])
def test_a_budget_said_beside_other_money_is_read(message: str, asked: str | None, want: dict[str, Any]) -> None:
    assert_reads(message, asked, want)


def test_a_range_of_prices_is_neither_budget_nor_priority() -> None:
    got = said(read("We sell garden furniture, most pieces priced £150-£900. About 4,000 products.", None))
    assert "budget_usd_month" not in got and "priorities" not in got, got


@pytest.mark.parametrize(("message", "asked", "want"), [
    # the Nigerian naira has a rate now
    ("₦2m a month is what the board approved.", "budget_usd_month", {"budget_usd_month": 1290}),
    ("We can do 800,000 naira a month for this.", None, {"budget_usd_month": 516}),
    # a correction that re-periods a sum written with its currency before it ("não são R$ ...")
    ("Corrigindo: não são R$ 6 mil por mês, são R$ 6 mil por ano.", None, {"budget_usd_month": 100}),
    ("Corrigindo: não é R$ 5 mil por mês, é R$ 5 mil por ano.", None, {"budget_usd_month": 83}),
])
def test_more_budgets_are_read(message: str, asked: str | None, want: dict[str, Any]) -> None:
    # a correction re-periods the monthly sum stored before (R$ 6 mil or 5 mil a month in US dollars)
    prev = {"budget_usd_month": want["budget_usd_month"] * 12} if message.startswith("Corrigindo") else None
    assert_reads(message, asked, want, prev)


@pytest.mark.parametrize(("message", "asked", "absent"), [
    # money that passes through or is held is no budget, now that the naira has a rate
    ("Our fintech app moves about ₦500m in payments a week, and 200ms is the limit.", None, "budget_usd_month"),
    ("We're a savings cooperative in Ibadan with a ₦900m loan portfolio. About 1,200 circulars.", None,
     "budget_usd_month"),
    ("Each of our 9 stores sells about ₦4m worth of groceries a month; 3,000 product sheets.", None,
     "budget_usd_month"),
    # a sum paid just now for another tool
    ("We just paid £20k for the Salesforce renewal, so no budget yet for this.", "budget_usd_month",
     "budget_usd_month"),
    # "at most" ranks nothing
    ("It should cost at most $200 a month.", None, "priorities"),
])
def test_no_field_is_read_from_money_of_another_kind(message: str, asked: str | None, absent: str) -> None:
    assert absent not in said(read(message, asked)), said(read(message, asked))


def test_the_finance_department_approving_a_sum_is_no_finance_domain() -> None:
    got = said(read("Our charity runs youth clubs. Finance have okayed £4k for the year for this.", None))
    assert got.get("domain") != "finance" and got.get("budget_usd_month") == pytest.approx(423, rel=0.25), got
