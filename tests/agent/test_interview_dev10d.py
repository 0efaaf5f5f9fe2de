"""Chinese, Japanese, Korean and Turkish as users type them in a chat (dev10d, issue 17).

Classes (see the header of tests/agent/data/dev10d_messages.yaml): a rate with its period before the
figure ("月に50万回くらい", "하루 평균 5천 회", "ayda 500 bin civarı", "一日平均で3000回"); a rate per
branch or store with the units counted before ("每家每月", "가맹점 500곳에서 매장당"); one search per
arriving item ("1件につき1回検索", "每张工单检索一次", "민원 1건당 한 번씩", "her sipariş için 2 arama");
counts that are not documents ("两条产品线", "제품 라인이 4개"); the documents of each unit
("50个客户，每个客户平均有2千份文档"); CJK figures ("5w", "3万5000件", "2~3천", a bare 千, 筆); Turkish
bare magnitudes ("bin arama", "yüz bin kadar", "20'şer"); "今年" beside a monthly rate; "预计" as the
user's own estimate; a figure the user says they will check ("不确定", "確認します", "확인해 볼게요",
"emin değilim").
"""

from __future__ import annotations

from collections import Counter

import pytest
from interview_sets import accuracy

from agent import understanding_patterns as P
from agent.understanding import understand
from agent.understanding_guard import review

DEV10D = accuracy.load_cases(accuracy.DATA / "dev10d_messages.yaml")


def test_the_cjk_and_turkish_chat_set_holds_up() -> None:
    assert len(DEV10D) >= 180
    assert len({c["id"] for c in DEV10D}) == len(DEV10D)
    by_language = Counter(c["id"].split("-")[2] for c in DEV10D)
    assert by_language["zh"] >= 50 and by_language["ja"] >= 45 and by_language["ko"] >= 45 and by_language["tr"] >= 40
    result = accuracy.score(DEV10D)
    # written before the fix at 75.1% with 15 silent wrong fills (batches 2 and 3 at 73.3% / 5 and 80.0% / 1 before
    # their own fixes); "하루 평균 조회수는" (a view count, or lookups?) is asked about, "toplam 25 bin civarı" after
    # the kinds of documents names no noun after the figure
    assert result["silent_wrong_fills"] == 0, [(o.case["id"], o.silent) for o in result["outcomes"] if o.silent]
    missed = {o.case["id"] for o in result["outcomes"] if o.problems}
    assert missed <= {"d10-pre-ko-7", "d10-b3-tr-1"}, sorted(missed)


@pytest.mark.parametrize(("text", "values"), [
    ("5w左右的文档", [50000]),
    ("数は約3万5000件です", [35000]),
    ("하루에 2~3천 건", [2500]),
    ("毎日だいたい千回くらい", [1000]),
    ("yüz bin kadar", [100000]),
    ("her gün ortalama bin arama", [1000]),
    ("两千到三千", [2500]),
    ("预算一个月五千块", [5000]),
    ("商品一共40万个", [400000]),
    ("几千份文件", [3000]),  # a few thousand, not 几 and a bare 千
    ("수천 건", [3000]),
])
def test_cjk_and_turkish_figures(text: str, values: list[float]) -> None:
    low = P.normalise(text)
    assert [n.value for n in P.find_numbers(low)] == values, low


@pytest.mark.parametrize(("text", "asked", "want"), [
    ("月に50万回くらいです", "queries_per_month", {"queries_per_month": 500000}),
    ("一日平均で３０００回くらい検索されます", "queries_per_month", {"queries_per_month": 90000}),
    ("한 달에 50만 번 정도 검색해요", None, {"queries_per_month": 500000}),
    ("월 평균 20만 건 내외입니다", "queries_per_month", {"queries_per_month": 200000}),
    ("aylık 1 milyonun üzerinde arama", None, {"queries_per_month": 1000000}),
    ("günde ortalama 3 bin", "queries_per_month", {"queries_per_month": 90000}),
    ("今年预计每月查询量能到１００万次", None, {"queries_per_month": 1000000}),
    ("平台上有１２００家商户，每家每月大概搜索３００次", None, {"queries_per_month": 360000}),
    ("가맹점 500곳에서 매장당 월 100회 정도 검색할 거예요", None, {"queries_per_month": 50000}),
    ("40 araştırmacı haftada 20'şer arama yapar", None, {"queries_per_month": 3429}),
    ("50 bin öğrenci ayda ortalama 4 kez arama yapar", None, {"queries_per_month": 200000}),
    ("新着の書類が月3000件届き、1件につき1回検索します", None, {"queries_per_month": 3000}),
    ("每天进来大概５００张工单，每张工单检索一次", None, {"queries_per_month": 15000}),
    ("매주 500건의 주문이 들어오고 주문마다 3번 검색해요", None, {"queries_per_month": 6429}),
    ("günde 400 sipariş geliyor ve her sipariş için 2 arama yapılıyor", None, {"queries_per_month": 24000}),
    ("我们大概有５０个客户，每个客户平均有２千份文档", None, {"corpus_docs": 100000}),
    ("제품 라인이 4개인데 매뉴얼은 다 합쳐서 약 8천 개예요", None, {"corpus_docs": 8000}),
    ("문서는 매달 2천 건씩 늘어나고 현재 10만 건 정도입니다", None, {"corpus_docs": 100000}),
    ("7 departman kullanacak, belge sayısı 40 bin civarı", None, {"corpus_docs": 40000}),
    ("我們是醫院，病歷摘要與衛教資料約５萬筆", None, {"corpus_docs": 50000}),
    # variants beyond the set
    ("저희는 전국에 지점이 40개 있고 지점별로 하루에 30건 정도 검색할 예정입니다", None, {"queries_per_month": 36000}),
    ("her gün yaklaşık 200 yeni dosya geliyor, dosya başına 3 arama yapılıyor", None, {"queries_per_month": 18000}),
    ("하루 평균 3천 명이 접속하고 한 사람당 두 번 정도 검색해요", None, {"queries_per_month": 180000}),
    ("1日に3000人くらいがアクセスして、1人あたり2回ほど検索します", None, {"queries_per_month": 180000}),
    ("月間でだいたい30万回", "queries_per_month", {"queries_per_month": 300000}),
    ("每个月大概有5万次查询", None, {"queries_per_month": 50000}),
    ("我們公司有三個事業群，內部文件總共大約８萬份，每天查詢量大概兩千次", None,
     {"corpus_docs": 80000, "queries_per_month": 60000}),
])
def test_each_class_is_read(text: str, asked: str | None, want: dict[str, float]) -> None:
    got = understand(text, asked).updates
    for name, value in want.items():
        assert got.get(name) == pytest.approx(value, rel=0.01), (name, got)


@pytest.mark.parametrize(("text", "asked"), [
    ("具体多少我得问一下同事，可能２万份吧，不确定", None),
    ("아직 잘 모르겠는데 아마 월 3만 건? 확인해 볼게요", "queries_per_month"),
])
def test_a_figure_the_user_will_check_is_asked_about(text: str, asked: str | None) -> None:
    u = review(understand(text, asked), text, asked)
    assert u.confirm is not None and not {"corpus_docs", "queries_per_month"} & set(u.updates), u.updates


def test_people_counted_with_wei_are_asked_about_not_searches() -> None:
    text = "工程師大概200位"
    u = review(understand(text, "queries_per_month"), text, "queries_per_month")
    assert "queries_per_month" not in u.updates and (u.confirm or {}).get("kind") == "per_user"


def test_german_bin_is_no_thousand() -> None:
    assert P.find_numbers(P.normalise("ich bin 30 und wir haben 200 Dokumente")) and "1000" not in P.normalise(
        "ich bin 30 und wir haben 200 Dokumente")
