"""The seventeenth session's third class round (s17-c, issue 17): traffic as people state it, corrections of one earlier
field, and fields the message does not state (dev19c).

Each case is phrased anew (not the class set's words) and checks what the offline reader stores: a language kept or
left out after a removal; a budget put back to a blank slate; a sum re-read in another currency and period; two
fields corrected at once; a figure re-labelled as another field beside a new value; a rate re-read per day when its
counter glosses as documents; the stated figure kept in its own clause; a one-off beside a new monthly budget; nothing
allowed out to an outside party; the trade of the user beside HR documents; the company's official languages beside
the documents'; cards of the past or kept for other work; a view of a rule held by someone who does not decide; a
regulation beside public documents; the intranet's traffic.
"""

from __future__ import annotations

from typing import Any

import pytest
from interview_sets import assert_reads, read, said


def _profile(message: str, asked: str | None, prev: dict[str, Any]) -> dict[str, Any]:
    """The profile after ``message`` (the stated fields, changed or taken back)."""
    update = read(message, asked, prev)
    return dict(update["profile"]) if "profile" in update else dict(prev)


@pytest.mark.parametrize(("message", "prev", "want"), [
    # a language kept after all, said after its name
    ("Sorry, undo that: German stays in, I confused two customers.", {"languages": ["eng"]}, ["eng", "deu"]),
    ("Oubliez mon dernier message, l'allemand reste finalement.", {"languages": ["fra"]}, ["fra", "deu"]),
    ("Olvida lo anterior, el portugués se queda.", {"languages": ["spa"]}, ["spa", "por"]),
    # a language left out ("that part needs no attention any more")
    ("英文那部分不考虑了，客户改主意了", {"languages": ["zho", "eng"]}, ["zho"]),
    ("德语那块就不用管了", {"languages": ["zho", "deu"]}, ["zho"]),
])
def test_a_language_kept_or_left_out(message: str, prev: dict[str, Any], want: list[str]) -> None:
    assert _profile(message, None, prev).get("languages") == want, message


@pytest.mark.parametrize(("message", "prev", "field"), [
    ("予算はいったん白紙に戻します。社内でまだ調整中です。", {"budget_usd_month": 300}, "budget_usd_month"),
    ("レイテンシの目標は一旦白紙でお願いします。", {"latency_p95_ms": 200}, "latency_p95_ms"),
])
def test_a_field_put_back_to_a_blank_slate(message: str, prev: dict[str, Any], field: str) -> None:
    assert _profile(message, None, prev).get(field) is None, message


@pytest.mark.parametrize(("message", "prev", "want"), [
    # a sum re-read in another currency and its period
    ("Entschuldigung: 3.000 Euro im Jahr, nicht im Monat.", {"budget_usd_month": 3000}, {"budget_usd_month": 270}),
    ("Desculpa, são 1.200 euros por ano, não por mês.", {"budget_usd_month": 1200}, {"budget_usd_month": 108}),
    # two fields at once, the corrections counted
    ("Zwei Dinge: die 400 sind Euro, und die 5.000 Anfragen sind pro Woche.",
     {"budget_usd_month": 400, "queries_per_month": 5000}, {"budget_usd_month": 432, "queries_per_month": 21500}),
    # a figure re-labelled as another field, the new value for the field it leaves said after it
    ("Me equivoqué: los 12 mil son documentos. Búsquedas habrá unas 300 al día.", {"queries_per_month": 12000},
     {"corpus_docs": 12000, "queries_per_month": 9000}),
    # a rate re-read per day, its counter glossed as documents
    ("更正一下，3000条是每天的量", {"queries_per_month": 3000}, {"queries_per_month": 90000}),
    ("訂正です。2,000件というのは1日の件数です。", {"queries_per_month": 2000}, {"queries_per_month": 60000}),
    # the stated figure kept in its own clause, the other one corrected
    ("文档数量5万没错，但每篇大概两千字，不是五百", {"corpus_docs": 50000, "doc_length_tokens": 500},
     {"doc_length_tokens": 2000}),
    # the old figure negated with a copula between
    ("No son 300 mil contratos, son unos 30 mil.", {"corpus_docs": 300000}, {"corpus_docs": 30000}),
    ("Não são 50 mil documentos, são uns 5 mil.", {"corpus_docs": 50000}, {"corpus_docs": 5000}),
    # the stated sum was the one-off, a new monthly budget beside it
    ("The 8k is a one-time setup cost, not monthly; after that about $250 a month.", {"budget_usd_month": 8000},
     {"one_time_budget_usd": 8000, "budget_usd_month": 250}),
])
def test_a_correction_of_one_earlier_field(message: str, prev: dict[str, Any], want: dict[str, Any]) -> None:
    assert_reads(message, None, want, prev)


def test_the_kept_figure_is_not_stored_as_the_corrected_one() -> None:
    got = _profile("文档数量5万没错，但每篇大概两千字，不是五百", None,
                   {"corpus_docs": 50000, "doc_length_tokens": 500})
    assert got.get("corpus_docs") == 50000, got


@pytest.mark.parametrize(("message", "want"), [
    ("Nothing may go to outside services, compliance was clear.", True),
    ("Rien ne peut aller vers des services externes.", True),
    ("Nada puede salir a servicios de terceros.", True),
    ("Nichts darf nach außen, das ist gesetzt.", True),
    # a regulation named beside public documents sent to an API
    ("La LGPD nos preocupa, pero estos documentos son todos públicos, se pueden mandar a una API externa sin problema.",
     False),
])
def test_nothing_allowed_out(message: str, want: bool) -> None:
    assert said(read(message)).get("data_must_stay_on_prem") is want, message


def test_nothing_allowed_out_after_an_api_takes_the_api_back() -> None:
    assert_reads("Legal update: nothing is allowed to go to external services, so the hosted API is out.", None,
                 {"data_must_stay_on_prem": True, "deployment": "self_hosted"},
                 {"deployment": "api", "data_must_stay_on_prem": False})
    assert_reads("之前说可以用API，现在不行了，数据不能出内网。", None, {"deployment": "self_hosted"},
                 {"deployment": "api", "data_must_stay_on_prem": False})


@pytest.mark.parametrize("message", [
    "We're an insurance company, but this assistant is only for HR policies: leave and travel. 80 documents.",
    "我们是做银行软件的，但这个知识库是给人事用的，都是规章制度",
    "Somos un banco, pero el buscador es para recursos humanos, unas 200 políticas.",
])
def test_the_users_trade_beside_hr_documents_is_general(message: str) -> None:
    assert said(read(message)).get("domain") == "general", message


@pytest.mark.parametrize(("message", "want"), [
    ("Our official languages are German and English, but every manual is in German.", ["deu"]),
    ("社内公用語は英語と中国語ですが、対象文書はすべて中国語です。", ["zho"]),
])
def test_the_companys_languages_beside_the_documents(message: str, want: list[str]) -> None:
    assert said(read(message)).get("languages") == want, message


@pytest.mark.parametrize(("message", "want"), [
    ("We once had a couple of GPUs but they were sold last year. Everything runs on CPU boxes now, 32 GB RAM each.",
     {"accelerator": "none", "ram_gb": 32}),
    ("之前有两块A100，后来都还给别的部门了。现在只有CPU服务器，16核。", {"accelerator": "none", "cpu_cores": 16}),
    ("We have 4 L40S cards, but they're dedicated to model training. Search gets a CPU-only VM with 4 cores.",
     {"accelerator": "none", "cpu_cores": 4}),
])
def test_cards_of_the_past_or_kept_for_other_work(message: str, want: dict[str, Any]) -> None:
    hardware = said(read(message)).get("hardware") or {}
    assert {k: hardware.get(k) for k in want} == want, (message, hardware)


def test_things_sold_off_are_no_product_sold() -> None:
    assert "license" not in said(read("Our old servers were sold in 2021.")), "sold off"


@pytest.mark.parametrize(("message", "absent"), [
    ("My manager thinks everything has to be on-premise, but he's not the one deciding.",
     ("data_must_stay_on_prem", "deployment")),
    ("老板觉得必须本地部署，不过这事他说了不算，还要等IT的意见", ("data_must_stay_on_prem", "deployment")),
    ("Mi colega cree que todo debe ser on-premise, pero todavía no hay decisión.",
     ("data_must_stay_on_prem", "deployment")),
    # the intranet's traffic
    ("Our intranet gets about 40k visits a month.", ("data_must_stay_on_prem",)),
])
def test_views_and_sites_are_no_rule(message: str, absent: tuple[str, ...]) -> None:
    got = said(read(message))
    assert not set(absent) & set(got), (message, got)


def test_a_view_beside_an_approval_keeps_the_approval() -> None:
    assert_reads("A co-worker insists on on-prem, but it isn't his call: security already approved a cloud API.", None,
                 {"data_must_stay_on_prem": False})


@pytest.mark.parametrize(("message", "want"), [
    # the usual rate beside the peak, each in its own clause
    ("ピーク時は毎秒20件、平均すると毎秒2件くらいです。", 5_184_000),
    ("En pointe 25 requêtes par seconde ; en moyenne sur la journée, environ 3 par seconde.", 7_776_000),
    ("Em horário de pico são 10 buscas por segundo; na média do dia, umas 3 por segundo.", 7_776_000),
    # a share of the staff said before them or in tenths, with each one's rate
    ("Creo que el 25 % de los 800 empleados lo usaría, unas 4 veces por semana cada uno.", 3_440),
    ("従業員1,000人のうち2割くらいが、1日に2、3回使うと思います。", 15_000),
    ("员工800人，大概三成的人会用，每人每天查两三次", 18_000),
])
def test_traffic_as_people_state_it(message: str, want: int) -> None:
    assert_reads(message, "queries_per_month", {"queries_per_month": want})


@pytest.mark.parametrize(("message", "want"), [
    # the staff of one shift times the shifts, each one's rate per shift
    ("Each shift has around 12 operators, two shifts a day; an operator looks things up about 20 times per shift.",
     [10_560, 14_400]),
    ("Hay 2 turnos de 15 agentes y cada agente consulta unas 30 veces por turno.", [19_800, 27_000]),
    ("Na recepção são 8 atendentes por turno, três turnos, e cada um faz umas 10 consultas por turno.",
     [5_280, 7_200]),
    ("门诊两班倒，每班20个护士，每人每班大概查15次", [13_200, 18_000]),
    # items a period times the lookups each, said as a range
    ("The assistant sees ~2,000 chats a week and each chat triggers 2-4 searches.", [25_800, 25_800]),
    # a share of the sessions that search
    ("Roughly 8% of the ~50k monthly sessions use the search box.", [4_000, 4_000]),
])
def test_traffic_of_people_and_items(message: str, want: list[int]) -> None:
    got = said(read(message, "queries_per_month")).get("queries_per_month")
    assert got is not None and want[0] * 0.75 <= got <= want[1] * 1.25, (message, got)


@pytest.mark.parametrize(("message", "asked", "absent"), [
    # logins are no searches
    ("About 9,000 accounts, most people only log in twice a month.", "queries_per_month", ("queries_per_month",)),
    # a vendor's claim, a database's size
    ("Qdrant's blog claims 5,000 QPS on their benchmark rig; our database is already 3TB.", None,
     ("queries_per_month", "hardware")),
    # a meeting held is no recording
    ("We had a 45-minute meeting about this yesterday; the wiki has about 1,200 pages.", None,
     ("doc_length_tokens",)),
    # page views are traffic, not pages
    ("The help site had 600k page views last quarter.", "queries_per_month", ("corpus_docs",)),
    # another project's budget, a pot for everything, a quote for another thing
    ("Our previous project had a €80k budget; for this one nothing is decided yet.", "budget_usd_month",
     ("budget_usd_month",)),
    ("Wir planen etwa 30.000 € im Jahr für alle Tools zusammen; das hier wäre nur ein kleiner Teil davon.",
     "budget_usd_month",
     ("budget_usd_month",)),
    ("Un proveedor nos cotizó 2.000 USD al mes por un CRM, no tiene nada que ver.", "budget_usd_month",
     ("budget_usd_month",)),
    ("前回のプロジェクトは予算300万円でした。今回は未定です。", "budget_usd_month", ("budget_usd_month",)),
])
def test_figures_of_other_things_are_not_stored(message: str, asked: str | None, absent: tuple[str, ...]) -> None:
    got = said(read(message, asked))
    assert not set(absent) & set(got), (message, got)


@pytest.mark.parametrize(("message", "want"), [
    ("We sell about 300 products. The documents to search are the installation guides, about 1,500.", 1500),
    ("Tenemos 60 productos. Lo que hay que indexar son las fichas técnicas, unas 700.", 700),
])
def test_the_documents_to_search_beside_the_products_sold(message: str, want: int) -> None:
    got = said(read(message))
    assert got.get("corpus_docs") == want and got.get("domain") != "ecommerce", (message, got)


@pytest.mark.parametrize(("message", "asked", "want"), [
    # a system calling the search API or endpoint: its calls are searches, said anywhere in the sentence
    ("Our booking engine will call the search API, roughly 10 times a minute, around the clock.", None, 432_000),
    ("Le CRM appellera l'API de recherche, en moyenne 5 fois par minute, jour et nuit.", None, 216_000),
    ("Mostly machines: the billing system hits the retrieval endpoint, about 20k calls a day, every day of the week.",
     "queries_per_month", 600_000),
    # the period said first, a bare figure closing the sentence
    ("Por hora, en horario de oficina, diría que 100.", "queries_per_month", 17_600),
])
def test_rates_said_by_systems_or_period_first(message: str, asked: str | None, want: int) -> None:
    assert_reads(message, asked, {"queries_per_month": want})


@pytest.mark.parametrize("message", [
    # user manuals name the support domain in each language (as "user manuals" and operating manuals do)
    "Hay que indexar los manuales de usuario de nuestras impresoras.",
    "Il s'agit des manuels d'utilisation de nos machines à café.",
    "São os manuais do usuário das nossas impressoras, uns 300.",
    "内容是我们的用户手册，大概500份。",
])
def test_user_manuals_name_support(message: str) -> None:
    assert said(read(message)).get("domain") == "support", message


def test_a_rate_from_the_old_systems_logs_is_todays() -> None:
    assert_reads("Helpdesk: 20 agents per shift, two shifts, weekdays. The old system's logs say an agent does "
                 "about 30 lookups per shift.", "queries_per_month", {"queries_per_month": 26_400})


def test_a_search_on_every_turn_times_the_turns_of_a_session() -> None:
    assert_reads("Roughly 300 conversations a day; the assistant runs one search on each message and a conversation "
                 "has about 4 messages.", "queries_per_month", {"queries_per_month": 36_000})
