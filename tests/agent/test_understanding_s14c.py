"""The fourteenth session's third class round (s14-c, issue 17): how much the system will be searched (dev16a).

Each case is phrased anew (not the class set's words) and checks what the offline reader stores, asks back or routes:
a quarter, a year, a working day and a shift named in the words of each language ("im letzten Quartal", "le trimestre
dernier", "साल भर में", "في يوم العمل", "pro Schicht ... 3 Schichten"), "and a half" after an Arabic million, a share
of the people said as adoption, "2 mil/mo", people times a count with no period asked back, the searches set apart
from another figure ("payment API calls ... that's separate, searches are ..."), registered users beside the searches,
one search per arriving call or ticket in six languages, an estimated volume inside a cost question, the two ways of
hosting compared in a question, the usual month beside a spike, a year's end that is no period, a correction that
re-periods a Chinese figure, a share of the figure said before, and a place's office that is no data rule.
"""

from __future__ import annotations

from typing import Any

import pytest
from interview_sets import assert_reads, read, said


@pytest.mark.parametrize(("message", "want"), [
    # a quarter named without "per", in German, French, Spanish, Portuguese, Arabic and English
    ("im vergangenen Quartal hatten wir ungefähr 75.000 Suchanfragen", 25000),
    ("aufs Quartal gerechnet etwa 45.000 Suchen", 15000),
    ("el último trimestre hubo unas 36.000 búsquedas", 12000),
    ("no último trimestre foram umas 24 mil buscas", 8000),
    ("كل ربع سنة تقريباً ٩٠ ألف", 30000),
    # a year said as "the whole year" in Hindi, an Arabic million and a half, a quarter of a million
    ("पूरे साल में लगभग 36 लाख सर्च", 300000),
    ("٣ مليون ونصف في السنة تقريباً", 3500000 / 12),
    ("ربع مليون شهرياً", 250000),
    # a working day in Arabic, a rate per shift times the shifts run
    ("نحو ٢٠٠٠ عملية بحث في يوم العمل", 2000 * 22),
    ("pro Schicht vielleicht 60 Suchen, wir haben 2 Schichten", 60 * 2 * 30),
    ("roughly 80 lookups per shift and we run 3 shifts", 80 * 3 * 30),
    ("3 shifts of 10 agents, each does about 12 lookups per shift", 30 * 12 * 30),
    # a share of the people said as adoption; "mil" before an English period's short form
    ("about 2,000 employees, we'd guess 25% adoption, ~4 questions per user per working day", 2000 * 0.25 * 4 * 22),
    ("1.5 mil/yr", 125000),
    # one search per call or ticket that arrives, in six languages
    ("one lookup per inbound call, roughly 1,200 calls a day", 1200 * 30),
    ("une requête par appel entrant, environ 700 appels par jour", 700 * 30),
    ("recibimos 3.000 tickets al mes y el asistente haría una consulta por ticket", 3000),
    ("Wir bekommen 4.000 E-Mails im Monat, für jede Mail 2 Suchen", 8000),
    ("بحث واحد لكل مكالمة، ونستقبل حوالي ٩٠٠ مكالمة يومياً", 900 * 30),
    ("हर कॉल पर एक सर्च, रोज़ करीब 1500 कॉल", 1500 * 30),
    ("每来一单就查一次，每天大约600单", 600 * 30),
    # the usual month beside a spike, and a year's end that names no period
    ("in a typical month ~70k, but at quarter end it spikes to 3x for a few days", 70000),
    ("festive sale mein 4x ho jaata hai, normally 80 thousand per month", 80000),
    ("年度末は特に多いですが、普段は月3万回くらい", 30000),
    ("那几天特别忙，平时一个月也就三四万", 35000),
    # a share of the visits or of all API calls, a rate by the time between two searches, hedges and number words
    ("the docs site gets ~60k visits/mo and maybe a quarter of visits would end up asking the bot", 15000),
    ("the gateway does 20M API calls a month in total, search is maybe 5% of that", 1000000),
    ("roughly one search every 3 seconds, around the clock", 2592000 / 3),
    ("40k or thereabouts", 40000),
    ("btw the volume is ~55k a month", 55000),
    ("there are 15 of us, maybe 20 searches a week each", 15 * 20 * 4.3),
    ("unas cuatrocientas búsquedas por semana", 400 * 4.3),
    ("ungefähr eine Suche alle 5 Sekunden", 2592000 / 5),
    ("una consulta cada 2 segundos", 2592000 / 2),
    # the average said after its figure beside a peak; a thousands comma is no clause break
    ("100 requests per minute at peak, 20 per minute on average", 20 * 43200),
    # people at a rate; German people named by a compound noun and the rate per one of them and working day
    ("30 people at about 8 lookups a day", 30 * 8 * 30),
    ("Wir haben 300 Außendiensttechniker, etwa 4 Suchen pro Techniker und Arbeitstag", 300 * 4 * 22),
])
def test_a_volume_is_read_in_its_period(message: str, want: float) -> None:
    assert_reads(message, "queries_per_month", {"queries_per_month": want})


@pytest.mark.parametrize(("message", "want"), [
    # the searches set apart from a figure of something else said first
    ("order API calls run about 5M a month but that's separate, searches are roughly 1,500 a day", 45000),
    ("주문 API 호출은 월 500만 건인데 그건 따로고, 검색은 하루 3천 건 정도", 90000),
    ("我们每月新增工单大概2万张，不过搜索量每天5千左右", 150000),
    ("매달 문서가 200건씩 늘고, 검색은 하루 500건 정도", 15000),  # documents added, then the searches
    # registered users are no sign that the searches are too few
    ("Temos 800 mil usuários cadastrados, mas buscas são umas 60 mil por mês", 60000),
])
def test_the_searches_named_apart_are_the_volume(message: str, want: float) -> None:
    assert_reads(message, "queries_per_month", {"queries_per_month": want})


@pytest.mark.parametrize("message", [
    "about 1,500 a day but half of that is bots",  # the share that searches is the user's to say
    "每人20次左右，一共有150人",  # no period: a day, a week or a month?
    "每个人大概15次，我们部门80人",
])
def test_people_times_a_count_with_no_period_is_asked_back(message: str) -> None:
    update = read(message, "queries_per_month")
    assert update.get("pending_confirmation"), (message, said(update))
    assert "queries_per_month" not in said(update)


@pytest.mark.parametrize(("message", "want"), [
    ("With roughly 300k searches a month, how much would Cohere embed cost?", 300000),
    ("¿Cuánto costaría con unas 80 mil búsquedas al mes usando OpenAI?", 80000),
    ("Wie teuer wird das bei ungefähr 120.000 Suchanfragen pro Monat, wenn wir Voyage nehmen?", 120000),
    ("Combien ça coûte pour environ 200 000 recherches par mois ?", 200000),
])
def test_an_estimated_volume_in_a_cost_question_is_kept(message: str, want: float) -> None:
    update = read(message, None)
    assert "estimate_cost" in [t.get("tool") for t in update.get("pending_tools") or []]
    assert said(update).get("queries_per_month") == pytest.approx(want, rel=0.25)


@pytest.mark.parametrize(("message", "want"), [
    ("うちは月5万クエリ程度なんですが、API利用料は月いくらくらいになりますか？", 50000),
    ("عندنا تقريباً ١٠٠ ألف استعلام شهرياً، كم ستكون التكلفة الشهرية؟", 100000),
])
def test_the_users_own_volume_in_a_cost_question_is_kept(message: str, want: float) -> None:
    update = read(message, None)
    assert "estimate_cost" in [t.get("tool") for t in update.get("pending_tools") or []]
    assert said(update).get("queries_per_month") == pytest.approx(want, rel=0.25)


@pytest.mark.parametrize("message", [
    "what would 1M queries a month cost with openai's small model?",  # a figure supposed, not the user's
    "if we ever reached about 500k searches a month, what would it cost?",
    "Assuming about 80k queries per month, is self-hosting cheaper than the API?",
    "What would it cost per month for 25 reps x 12 lookups a day?",
])
def test_a_supposed_volume_in_a_cost_question_is_not_stored(message: str) -> None:
    assert "queries_per_month" not in said(read(message, None))


@pytest.mark.parametrize("message", [
    "自建还是调API，哪个更划算？",
    "자체 호스팅이랑 API 중에 뭐가 더 싸요?",
    "At our volume, is self-hosting or the API cheaper?",
])
def test_the_ways_of_hosting_compared_in_a_question_choose_none(message: str) -> None:
    assert "deployment" not in said(read(message, None))


@pytest.mark.parametrize(("message", "prev", "want"), [
    ("刚才说错了，8万是一周的量", {"queries_per_month": 80000}, {"queries_per_month": 80000 * 30 / 7}),
    ("only the Berlin team gets access in phase 1, so about half of what I said", {"queries_per_month": 40000},
     {"queries_per_month": 20000}),
    ("the 200k counted our load tests too, real traffic is about a fifth of that", {"queries_per_month": 200000},
     {"queries_per_month": 40000}),
    ("更正一下，二期还要接入客服部门，总量大概翻一倍", {"queries_per_month": 30000}, {"queries_per_month": 60000}),
    # the daily rate runs on working days only; the searches each item takes corrected
    ("correction: the agents only work on weekdays", {"queries_per_month": 30000}, {"queries_per_month": 22000}),
    ("Corrección: los agentes solo trabajan en días laborables", {"queries_per_month": 30000},
     {"queries_per_month": 22000}),
    ("sorry, it's 2 lookups per chat, not 4", {"queries_per_month": 80000}, {"queries_per_month": 40000}),
    ("hab mich verrechnet, sind eher 60k im Monat", {"queries_per_month": 40000}, {"queries_per_month": 60000}),
    # more people and their rate added to the volume said before
    ("plus 20 more agents doing 10 searches a day each", {"queries_per_month": 9000}, {"queries_per_month": 15000}),
    ("oh and another 30 people at about 4 lookups a day, on top of that", {"queries_per_month": 10000},
     {"queries_per_month": 13600}),
])
def test_a_follow_up_scales_or_re_periods_the_volume(message: str, prev: dict[str, Any], want: dict[str, Any]) -> None:
    got = said(read(message, None, prev))
    for name, value in want.items():
        assert got.get(name) == pytest.approx(value, rel=0.25), (message, got)


@pytest.mark.parametrize(("message", "prev", "absent"), [
    ("oh and a third of that is in German", {"corpus_docs": 9000}, "corpus_docs"),  # a share of the set
    ("turns out only the Lisbon office gets it at first", {"queries_per_month": 30000}, "data_must_stay_on_prem"),
    ("每来一个电话查一次", {}, "top_k"),
])
def test_no_field_is_read_from_words_of_another_kind(message: str, prev: dict[str, Any], absent: str) -> None:
    update = read(message, None, prev)
    assert said(update).get(absent) == prev.get(absent), said(update)
    assert update.get("top_k") is None or absent != "top_k", update.get("top_k")
