"""The thirteenth session's second class round (s13-b, issue 17): messages typed on a phone or dictated (heldout44).

Each case is phrased anew (not the blind set's words) and checks what the offline reader stores, asks back or routes:
an obligation said impersonally keeps the data in ("il faut que", "треба", "gerekiyor"), an API allowed in Quebec
French and Turkish typed without its letters, a bare sum in lira, kronor or baht asked back, items inside each file
asked, Slavic teens and counts said after their noun, a lower-case "polish" glossed or listed, a correction that keeps
the taken-back figure's currency, Ukrainian "будь-як" / "гіга" / "код", Quebec money and hosting words, languages
dropped ("on les garde pas", "yokmuş"), unaccented Portuguese, "om dan", a Korean ten thousand alone, "一个人一天",
"one time" after a sum, ranges dictated without a dash, spaces as the stops of CJK messages, a budget inside a request
for candidates, an average beside a peak said without a stop, and shopping festivals named by their date.
"""

from __future__ import annotations

from typing import Any

import pytest
from interview_sets import assert_reads, read, said


@pytest.mark.parametrize(("message", "asked", "want"), [
    # data residency: an obligation said impersonally, the Ukrainian verbs of staying
    ("il faut que les données restent au Québec", None, {"data_must_stay_on_prem": True}),
    ("verilerin Türkiye'de kalması gerekiyor", "data_must_stay_on_prem", {"data_must_stay_on_prem": True}),
    ("всі документи мають лишатися на наших серверах", None, {"data_must_stay_on_prem": True}),
    # a hosted API allowed: Quebec French, Turkish typed without its letters
    ("pour nous une API hébergée ça fait la job", "data_must_stay_on_prem", {"data_must_stay_on_prem": False}),
    ("api kullanmak bizim icin sorun degil", "data_must_stay_on_prem", {"data_must_stay_on_prem": False}),
    # Slavic teens and tens, the magnitude first, counts said after their noun
    ("зараз десь тисяч сімнадцять", "corpus_docs", {"corpus_docs": 17000}),
    ("тысяч шестьдесят примерно", "corpus_docs", {"corpus_docs": 60000}),
    ("у середньому сторінки чотири", "doc_length_tokens", {"doc_length_tokens": 2000}),
    ("страниц пять обычно", "doc_length_tokens", {"doc_length_tokens": 2500}),
    ("документів пʼятсот", "corpus_docs", {"corpus_docs": 500}),
    # "polish" in lower case: a list's member or a gloss
    ("english, german and a bit of polish", "languages", {"languages": ["eng", "deu", "pol"]}),
    ("польська й трохи англійської", "languages", {"languages": ["pol", "eng"]}),
    # Ukrainian and Russian words of the blind set's kind
    ("як завгодно", "deployment", {"deployment": "any"}),
    ("как угодно", "deployment", {"deployment": "any"}),
    ("маємо чотири 4090 по 24 гіга", "hardware", {"hardware": {"accelerator": "RTX 4090", "vram_gb": 24}}),
    ("шукаємо по коду і документації", "domain", {"domain": "code"}),
    # Quebec French
    ("disons 1 500 piastres par mois", "budget_usd_month", {"budget_usd_month": 1500 * 0.73}),
    ("on va le faire rouler chez nous", "deployment", {"deployment": "self_hosted"}),
    # Portuguese typed without accents
    ("sao uns 300 mil produtos", "corpus_docs", {"corpus_docs": 300000}),
    ("cada manual tem umas quarenta paginas", "doc_length_tokens", {"doc_length_tokens": 20000}),
    ("uns 1.500 associados, cada um umas 2 vezes por semana", "queries_per_month",
     {"queries_per_month": 1500 * 2 * 4.3}),
    # spoken Swedish, a Korean ten thousand alone, one person a day in Chinese
    ("typ 80 handläggare som söker tio gånger om dan", "queries_per_month", {"queries_per_month": 80 * 10 * 30}),
    ("만 오천 건 정도", "corpus_docs", {"corpus_docs": 15000}),
    ("全部门六百人 大概一半人会用 一个人一天两三次", "queries_per_month", {"queries_per_month": 300 * 2.5 * 30}),
    # "one time" after a sum, a range said without a dash
    ("3 grand one time to get it indexed and about 150 a month after", "budget_usd_month",
     {"one_time_budget_usd": 3000, "budget_usd_month": 150}),
    ("maybe thirty forty pages each", "doc_length_tokens", {"doc_length_tokens": 17500}),
    ("120 uzman var günde 5 8 arama yapar", "queries_per_month", {"queries_per_month": 120 * 6.5 * 30}),
    # what is searched, not how often; documents named between the people and "N of them"
    ("법률 문서 요약본 검색 5만 건 정도", None, {"corpus_docs": 50000}),
    ("our nurses need to search the care protocols, there's about 1,200 of them", None, {"corpus_docs": 1200}),
    ("we need everything indexed by monday so 2 days max", None, {"max_first_indexing_days": 2}),
    # spaces as the stops of a Chinese or Japanese message typed on a phone
    ("商品大概十多万个 想做个推荐", None, {"corpus_docs": 130000}),
    ("今は2万件で 毎月300件ずつ増えてます", "corpus_docs", {"corpus_docs": 20000}),
    # an average beside a peak with no stop between, a festival named by its date
    ("around 8 queries a second at peak avg maybe 2", "queries_per_month", {"queries_per_month": 2 * 2592000}),
    ("uns 20 por segundo no pico media uns 5", "queries_per_month", {"queries_per_month": 5 * 2592000}),
    ("平时一天五万左右 双十一能翻好几倍", "queries_per_month", {"queries_per_month": 50000 * 30}),
    # Thai: a number word before a time unit, a chatbot that answers customers
    ("ไม่เกินสองวินาที", "latency_p95_ms", {"latency_p95_ms": 2000}),
    ("อยากทำแชทบอทตอบลูกค้าของร้าน", "domain", {"domain": "support"}),
    ("我們想把保養手冊做成問答", None, {"domain": "support"}),
])
def test_a_phone_typed_answer_is_read(message: str, asked: str | None, want: dict[str, Any]) -> None:
    assert_reads(message, asked, want)


@pytest.mark.parametrize(("message", "asked", "prev", "want"), [
    ("sorry, not 30 thousand euros but 20", None, {"budget_usd_month": 32400}, {"budget_usd_month": 21600}),
    ("перепрошую, не 40 тисяч гривень, а 25", None, {"budget_usd_month": 976}, {"budget_usd_month": 25000 / 41}),
    ("oups c'est 1 000 par mois en US pas en canadien", None, {"budget_usd_month": 730}, {"budget_usd_month": 1000}),
    ("bon juste en français finalement, l'anglais on le garde pas", None, {"languages": ["fra", "eng"]},
     {"languages": ["fra"]}),
    ("almanca yokmuş sadece türkçe", None, {"languages": ["tur", "deu"]}, {"languages": ["tur"]}),
    ("тепер лише українська", None, {"languages": ["ukr", "eng"]}, {"languages": ["ukr"]}),
    ("음 API 쓰는 게 나을 것 같아요 서버 관리할 사람이 없어서", None, {"deployment": "self_hosted"},
     {"deployment": "api"}),
])
def test_a_phone_typed_follow_up_is_read(message: str, asked: str | None, prev: dict[str, Any],
                                         want: dict[str, Any]) -> None:
    got = said(read(message, asked, prev))
    for name, value in want.items():
        close = pytest.approx(value, rel=0.25) if isinstance(value, int | float) else value
        assert got.get(name) == close, (message, got)


@pytest.mark.parametrize(("message", "asked"), [
    ("15 bin", "budget_usd_month"),  # lira or dollars?
    ("kanske 8 tusen", "budget_usd_month"),  # kronor or dollars?
    ("ประมาณห้าพัน", "budget_usd_month"),  # baht or dollars?
    ("about 300 pdfs and each pdf has dozens of circulars inside", "corpus_docs"),  # files or circulars?
    ("Excel大概五十个 每个Excel里面有上百条通知", "corpus_docs"),
])
def test_an_open_reading_is_asked_back(message: str, asked: str) -> None:
    update = read(message, asked)
    assert update.get("pending_confirmation"), (message, said(update))


def test_a_trait_asked_in_turkish_searches_the_models() -> None:
    update = read("arapçayı iyi destekleyen modeller neler", None)
    assert "search_models" in [t.get("tool") for t in update.get("pending_tools") or []]
    assert "languages" not in said(update)


@pytest.mark.parametrize(("message", "want"), [
    ("予算月5万円くらいで使えるモデルの候補を出してもらえますか？", 50000 / 150),
    ("what could you recommend for a budget of 800 euros a month?", 800 * 1.08),
])
def test_the_budget_of_a_request_for_candidates_is_read(message: str, want: float) -> None:
    assert said(read(message, None)).get("budget_usd_month") == pytest.approx(want, rel=0.25)


@pytest.mark.parametrize("message", ["we need to polish the answers a bit", "the docs need some polish"])
def test_polish_as_a_word_is_no_language(message: str) -> None:
    assert "languages" not in said(read(message, None))

