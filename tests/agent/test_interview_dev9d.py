"""Whose figure, and when (dev9d): figures and names in a message that are not the user's own value now.

Classes (see the header of tests/agent/data/dev9d_messages.yaml): another party's figure beside the user's own, a
hypothetical figure, a past or a future figure beside the present one, negations, a leaderboard score quoted in a
question, a card another team owns, a hedged rental by a user who owns no GPU and runs in a cloud, the current system's
response time beside the target, a part named after the whole, one search's time read as a query count, a rough range as
a budget, a daily total multiplied by the people again, a team the user must ask (finance) read as the domain. Written
before the fixes: 37.1% / 72 silent wrong fills at d5b9239.
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy

from agent import understanding_guard as guard
from agent.understanding import understand

DEV9D = accuracy.load_cases(accuracy.DATA / "dev9d_messages.yaml")
# Silent wrong fills left (each a class of its own, see the report of issue 17): a second source added ("adds another
# 1M"), a correction inside the message ("40 a day - well, closer to 30", "anzi no, un'API"), "billions" of a named
# company, an API allowed read as a data rule, maintenance manuals read as support, a wine/oil producers' consortium
# read as ecommerce, one search's time in Japanese, a card asked about in a question beside the owned one (Portuguese),
# rentals in German and Portuguese.
KNOWN_SILENT = {"d9d-de-9", "d9d-en-20", "d9d-en-21", "d9d-en-22", "d9d-en-24", "d9d-en-27", "d9d-it-12", "d9d-it-13",
                "d9d-ja-12", "d9d-pt-8", "d9d-pt-9", "d9d-zh-9"}


def test_the_whose_figure_set_holds_its_figure() -> None:
    assert len(DEV9D) >= 150
    languages = {c["id"].split("-")[1] for c in DEV9D}
    assert {"en", "zh", "de", "fr", "es", "it", "ja", "ko", "pt", "ru", "pl", "nl", "tr", "hi"} <= languages
    assert len({c["id"] for c in DEV9D}) == len(DEV9D)
    result = accuracy.score(DEV9D)
    silent = {o.case["id"] for o in result["outcomes"] if o.silent}
    assert silent <= KNOWN_SILENT, sorted(silent - KNOWN_SILENT)
    assert result["right"] >= 124, result["right"]


def _reviewed(text: str, asked: str | None) -> dict:
    return guard.review(understand(text, asked), text, asked, {}).updates


@pytest.mark.parametrize(("text", "asked", "name", "value"), [
    ("our competitor claims 50 million products indexed; we're much smaller, about 120k SKUs", "corpus_docs",
     "corpus_docs", 120000),
    ("竞品号称索引了5000万条商品，我们小很多，大概12万个SKU", "corpus_docs", "corpus_docs", 120000),
    ("去年は30万件くらいでしたが、今は45万件ほどです", "corpus_docs", "corpus_docs", 450000),
    ("il y a deux ans on avait 2 millions de recherches par mois, maintenant plutôt 500 000 par mois",
     "queries_per_month", "queries_per_month", 500000),
    ("unser jetziges Solr braucht ca. 300 ms, das neue System sollte unter 100 ms bleiben", "latency_p95_ms",
     "latency_p95_ms", 100),
    ("全公司大概3000人用，估计每天加起来2万次左右", "queries_per_month", "queries_per_month", 600000),
    # the reading of the user's own figure is unchanged
    ("about 80k today; it might grow to half a million in a couple of years", "corpus_docs", "corpus_docs", 80000),
    ("制度文件大概有1.8万份，哦不对，去年合并之后是2.1万份", "corpus_docs", "corpus_docs", 21000),
    ("about 1.2M docs in SharePoint, but only ~150k are policies we'd actually index", "corpus_docs", "corpus_docs",
     150000),
    ("Japanese and English manuals, roughly 8,000 of them, avg 30 pages", None, "corpus_docs", 8000),
])
def test_the_users_own_figure_is_stored(text: str, asked: str, name: str, value: float) -> None:
    assert _reviewed(text, asked)[name] == pytest.approx(value, rel=0.25)


@pytest.mark.parametrize(("text", "asked", "name"), [
    ("Si tuviéramos un millón de documentos, ¿bge-m3 seguiría siendo rápido?", None, "corpus_docs"),
    ("Если бы у нас был миллион документов, bge-m3 справился бы по скорости?", None, "corpus_docs"),
    ("if the budget were $5k a month, could we afford text-embedding-3-large?", None, "budget_usd_month"),
    ("each lookup takes about 200ms right now", "queries_per_month", "latency_p95_ms"),
    ("一次检索要 200ms 左右", "queries_per_month", "queries_per_month"),
    ("actually forget the budget I gave you, I need to recheck it with finance", None, "domain"),
    ("一两万吧", "budget_usd_month", "budget_usd_month"),  # asked about: a rough range, no currency
])
def test_a_figure_or_word_that_is_not_the_users_own_is_not_stored(text: str, asked: str | None, name: str) -> None:
    assert name not in _reviewed(text, asked)


@pytest.mark.parametrize(("text", "accelerator", "owned"), [
    ("no servers of our own, everything's in AWS; we could spin up an A10G if needed", "A10G", False),
    ("no tenemos GPU propia, todo está en Google Cloud; podríamos alquilar una L4", "L4", False),
    ("the data science team has a DGX with A100s but we're not allowed to use it, so CPU only for us", "none", None),
    ("隔壁组有8张A100，但我们用不了，我们只有CPU服务器", "none", None),
    # no cloud named: "could rent one if needed" is only a possibility, the user has no GPU
    ("We don't own GPUs but could rent an A100 if needed", "none", None),
])
def test_the_users_own_hardware(text: str, accelerator: str, owned: bool | None) -> None:
    hw = _reviewed(text, "hardware")["hardware"]
    assert hw["accelerator"].startswith(accelerator)
    assert hw.get("owned", None) is owned or (owned is None and hw.get("owned") in (None, False))
