"""The fourteenth session's lead round (issue 17): when a careful reader asks back instead of storing.

The class set dev16b (written blind for this round, in pairs: an ambiguous message and its near twin that can be
stored) concentrates on them: a sum granted for the project with no period, a rate restated for another period that
does not add up, pages counted where documents were asked for, two counts of one thing and the user unsure which
holds, a card with neither name nor memory. Each case here is phrased anew (other trades, sizes and languages than
dev16b's); each ambiguous one has its twin that is stored.
"""

from __future__ import annotations

from typing import Any

import pytest
from interview_sets import assert_asks, assert_reads, read, said

from agent import understanding_patterns as P


@pytest.mark.parametrize(("message", "asked", "field"), [
    # a sum granted, approved or set aside for the project: monthly, yearly or once is asked
    ("the foundation gave us a grant of 45,000 euros", "budget_usd_month", "budget_usd_month"),
    ("management approved 25k for this", "budget_usd_month", "budget_usd_month"),
    ("управление выделило нам 3 миллиона рублей", "budget_usd_month", "budget_usd_month"),
    ("项目经费批了50万", "budget_usd_month", "budget_usd_month"),
    ("予算として500万円が確保できました", "budget_usd_month", "budget_usd_month"),
    ("Ci hanno stanziato 80 mila euro", "budget_usd_month", "budget_usd_month"),
    ("On nous a accordé une enveloppe de 15 000 €", "budget_usd_month", "budget_usd_month"),
    # a rate restated for another period that does not add up
    ("about 2,000 a day so roughly 10k a month", "queries_per_month", "queries_per_month"),
    ("unos 800 al día, o sea como 5 mil al mes", "queries_per_month", "queries_per_month"),
    # pages where documents were asked for
    ("it's about 400,000 pages of scanned records", "corpus_docs", "corpus_docs"),
    ("около 400 тысяч страниц", "corpus_docs", "corpus_docs"),
    ("大概50万页", "corpus_docs", "corpus_docs"),
    ("circa 600.000 pagine", "corpus_docs", "corpus_docs"),
    # two counts of the documents and the user unsure which holds
    ("we have about 8k docs, although the export says 14k, so idk", "corpus_docs", "corpus_docs"),
    ("约8000份，不过系统里显示1万2，我也不知道哪个对", "corpus_docs", "corpus_docs"),
    ("合同大概8000份……不对，系统里显示1万5，我也搞不清哪个准", "corpus_docs", "corpus_docs"),
    ("günde 2 bin sorgu, yani ayda 6 bin falan", "queries_per_month", "queries_per_month"),
    # a card with neither name nor memory
    ("we have a pretty good graphics card", "hardware", "hardware"),
    ("there's a beefy Nvidia box under the desk", "hardware", "hardware"),
    ("Wir haben eine ordentliche Grafikkarte im Serverraum", "hardware", "hardware"),
    ("tenemos una tarjeta gráfica bastante buena", "hardware", "hardware"),
    ("有一块挺好的显卡", "hardware", "hardware"),
])
def test_asked_back(message: str, asked: str | None, field: str) -> None:
    assert_asks(message, asked, field)


@pytest.mark.parametrize(("message", "asked", "want"), [
    # the twins: the period, the agreeing restatement, the documents, the settled count, the card's name
    ("approved budget is $2,000 a month", "budget_usd_month", {"budget_usd_month": 2000}),
    ("$30k a year, approved by finance", "budget_usd_month", {"budget_usd_month": 2500}),
    ("bu proje için yıllık 240 bin lira ayrıldı", "budget_usd_month", {"budget_usd_month": 625}),
    ("around 500 dollars", "budget_usd_month", {"budget_usd_month": 500}),
    ("about 2,000 a day so roughly 60k a month", "queries_per_month", {"queries_per_month": 60000}),
    ("täglich 300 Anfragen, also rund 9.000 im Monat", "queries_per_month", {"queries_per_month": 9000}),
    ("500 a day, sorry I mean 500 a week", "queries_per_month", {"queries_per_month": 2150}),
    ("our wiki has about 4,000 pages", "corpus_docs", {"corpus_docs": 4000}),
    ("1,200 manuals of about 250 pages each", "corpus_docs", {"corpus_docs": 1200}),
    ("the export says 14k docs and that's the real number", "corpus_docs", {"corpus_docs": 14000}),
    ("an RTX 4090 with 24GB", "hardware", {"hardware": {"accelerator": "RTX 4090", "vram_gb": 24.0}}),
    ("我们有两块A100", "hardware", {"hardware": {"accelerator": "A100-40GB"}}),
    ("our 40 nurses each earn about 3k a month and look things up maybe 10 times a day", "queries_per_month",
     {"queries_per_month": 12000}),
    ("günde 3 bin sorgu, yani ayda 90 bin", "queries_per_month", {"queries_per_month": 90000}),
    ("Korrektur: nicht 50.000 Anfragen im Monat, sondern 5.000 am Tag", None, {"queries_per_month": 150000}),
    # one entry in each file: the files are the documents
    ("About 7,000 PDFs, and each file is just one policy", "corpus_docs", {"corpus_docs": 7000}),
    ("2000多篇帮助文章，每篇就是一个问题的解答", "corpus_docs", {"corpus_docs": 2000}),
    # data that may not be taken out, in Korean ("됩니다" and "하면 안 돼요")
    ("환자 기록이라 외부 반출은 절대 안 됩니다", "data_must_stay_on_prem", {"data_must_stay_on_prem": True}),
    ("고객 정보라서 외부로 반출하면 안 돼요", "data_must_stay_on_prem", {"data_must_stay_on_prem": True}),
])
def test_the_twins_are_stored(message: str, asked: str | None, want: dict[str, Any]) -> None:
    assert_reads(message, asked, want)


@pytest.mark.parametrize(("message", "asked", "field"), [
    # money the organisation takes in or pays out for other things, said in plain words: no budget, no searches
    ("Our clinic bills around $80k a month, we have maybe 3,000 patient leaflets", None, "budget_usd_month"),
    ("The school has 1,200 students and fees are about $9,000 a year", None, "budget_usd_month"),
    ("we sell about 500 units a week at $20 each", None, "budget_usd_month"),
    ("we handle claims worth about $2m a year, there are maybe 6,000 claim files", None, "budget_usd_month"),
    ("our donors gave about $150k last year", None, "budget_usd_month"),
    ("Each of our 40 nurses earns about 3,000 a month so their time is precious", "queries_per_month",
     "queries_per_month"),
])
def test_money_of_other_flows_is_not_stored(message: str, asked: str | None, field: str) -> None:
    assert field not in said(read(message, asked)), message


def test_one_question_in_each_article_is_no_rate() -> None:
    assert "queries_per_month" not in said(read("3000多篇知识库文章，一篇就是一个问题", "corpus_docs"))
    assert said(read("maybe 1 search a day", "queries_per_month"))["queries_per_month"] == 30


@pytest.mark.parametrize("message", ["no GPU at all, just CPUs", "we don't have a GPU", "we might buy a GPU next year"])
def test_no_card_is_not_asked_which(message: str) -> None:
    update = read(message, "hardware")
    assert "hardware" not in ((update.get("pending_confirmation") or {}).get("fields") or []), (message, update)


@pytest.mark.parametrize(("text", "value"), [("显示1万2，我", 12000), ("大概1万5千", 15000), ("1万2,000", 10000)])
def test_a_chinese_figure_with_its_next_place_before_a_comma(text: str, value: float) -> None:
    assert P.find_numbers(P.normalise(text))[0].value == value


@pytest.mark.parametrize(("message", "asked"), [
    ("每月3000块左右", "budget_usd_month"), ("大概两千块钱一个月", "budget_usd_month"),
])
def test_kuai_is_still_yuan(message: str, asked: str) -> None:
    assert "budget_usd_month" in said(read(message, asked)), message


@pytest.mark.parametrize(("message", "want"), [
    ("随便", {}), ("whatever", {}), ("无所谓", {"deployment": "any"}), ("either is fine", {"deployment": "any"}),
    ("Tanto faz, API ou rodar local", {"deployment": "any"}),
])
def test_one_table_of_indifference(message: str, want: dict[str, Any]) -> None:
    got = said(read(message, "deployment"))
    assert {k: got.get(k) for k in ("deployment",) if k in got} == want, (message, got)
