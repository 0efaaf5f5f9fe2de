"""Long multi-field openings (dev9f, issue 17): the "here is our whole situation" message in English, Chinese, Japanese
and Korean, as a paragraph, bullets, "key: value" lines, a table or a pasted chat thread.

Classes (see the header of tests/agent/data/dev9f_messages.yaml): each line, sentence and clause read on its own and
reconciled with the whole reading (``agent.understanding_segments``), a labelled line read as the answer to its field
with the label's period and unit ("Queries/day   12k", "| 日查询 | 8000 |", "Pages/doc  4"), context figures that are
not this system's (revenue, ARR, premiums, funding, a competitor's corpus, last year's volume, a price per 1,000
queries), "1,000万" as one figure, people as the subject of a rate ("900 agents do 30 lookups per shift",
"연구원 500명이 하루 4번"), a day's total that is not per person ("每天加起来五十次", "1日合計で"), "self-hosted only".
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy

from agent import understanding_patterns as P
from agent.understanding import understand
from agent.understanding_segments import canonical, clauses, label_field

DEV9F = accuracy.load_cases(accuracy.DATA / "dev9f_messages.yaml")


def test_the_long_opening_set_holds_up() -> None:
    assert len(DEV9F) >= 150
    by_language: dict[str, int] = {}
    for case in DEV9F:
        by_language[case["id"].split("-")[2]] = by_language.get(case["id"].split("-")[2], 0) + 1
    assert by_language["en"] >= 60 and by_language["zh"] >= 40 and by_language["ja"] >= 25 and by_language["ko"] >= 25
    assert len({c["id"] for c in DEV9F}) == len(DEV9F)
    result = accuracy.score(DEV9F)
    # written before the fix at 78.2% with 52 silent wrong fills; the silent fills left are known (a rate per hotel
    # with the hotels counted in another clause, "1件につき1回検索", "3 product lines" read as documents, pages of a
    # wiki beside minutes counted in 건): a new one fails
    known_silent = {"f9-ctx-en-9", "f9-slack-en-5", "f9-para-ja-11", "f9-slack-ko-1"}
    silent = {o.case["id"] for o in result["outcomes"] if o.silent}
    assert silent <= known_silent, sorted(silent - known_silent)
    assert result["accuracy"] >= 0.90, f"{result['accuracy']:.1%}"


@pytest.mark.parametrize(("text", "want"), [
    ("- Documents: 50,000 PDFs\n- Avg length: ~12 pages\n- Queries: 5k/day\n- Users: 150\n- Budget: $500/mo",
     {"corpus_docs": 50000, "doc_length_tokens": 6000, "queries_per_month": 150000, "budget_usd_month": 500.0}),
    ("Docs          650k\nPages/doc     4\nQueries/day   12k\nBudget        $2.5k/mo",
     {"corpus_docs": 650000, "doc_length_tokens": 2000, "queries_per_month": 360000, "budget_usd_month": 2500.0}),
    ("| 项目 | 数值 |\n|---|---|\n| 文档数 | 约３５万 |\n| 平均页数 | ３页 |\n| 日查询 | 8000 |",
     {"corpus_docs": 350000, "doc_length_tokens": 1500, "queries_per_month": 240000}),
    ("| 항목 | 내용 |\n|---|---|\n| 문서 수 | 약 120만 건 |\n| 일 검색량 | 약 2만 회 |\n| 예산 | 월 500만 원 |",
     {"corpus_docs": 1200000, "queries_per_month": 600000}),
    ("文档数量：８０万\n平均字数：１５００字\n日查询量：１万次\n预算：每月１万元",
     {"corpus_docs": 800000, "doc_length_tokens": 1500, "queries_per_month": 300000}),
])
def test_a_structured_paste_reads_each_line_as_its_field(text: str, want: dict[str, float]) -> None:
    got = understand(text).updates
    for name, value in want.items():
        assert got.get(name) == pytest.approx(value, rel=0.02), (name, got)


def test_labels() -> None:
    assert label_field("- Documents: 50,000 PDFs") == ("corpus_docs", True)
    assert label_field("Team size: 7") == (None, True)
    assert label_field("docs          650k", lines=False) == (None, False)  # spaces set a label off on a line only
    assert canonical("| 日查询 | 8000 |", "queries_per_month").startswith("queries: 8000 per day")
    assert canonical("qps: ~5 at peak", "queries_per_month").startswith("queries: ~5 per second")
    assert canonical("pages/doc     4", "doc_length_tokens").startswith("document length: 4 pages")


def test_clauses_split_only_between_fields() -> None:
    low = P.normalise("検索は１日あたり２０００回くらい、予算は月５万円です。")
    assert len(clauses(low)) == 2
    assert clauses("at most 20 pages, typically 5") == []  # the average stays with its maximum
    assert clauses("2k lawyers using it, maybe 10 searches/day each") == []  # a rate per person with its people


@pytest.mark.parametrize(("text", "want"), [
    ("検索は１日あたり２０００回くらい、予算は月５万円です。",
     {"queries_per_month": 60000, "budget_usd_month": 333.33}),
    ("ECサイトの商品約４０万点。検索は１日約８万回、ピーク時は毎秒５０回くらい。", {"queries_per_month": 2400000}),
    ("Numbers: 300k docs, 2 pages each, 10k queries/day, $1k/month, p95 250 ms.",
     {"corpus_docs": 300000, "queries_per_month": 300000, "budget_usd_month": 1000.0, "latency_p95_ms": 250.0}),
    ("월 예산 천만 원, 문서 300만 건(건당 약 1페이지), 월 쿼리 1,000만 건입니다.",
     {"budget_usd_month": 7407.41, "corpus_docs": 3000000, "queries_per_month": 10000000}),
    ("Around 900 agents do about 30 lookups per shift.", {"queries_per_month": 810000}),
    ("Roughly 2,000 scientists would use it, perhaps 5 queries per working day.", {"queries_per_month": 220000}),
    ("연구원 500명이 하루 평균 4번 검색합니다.", {"queries_per_month": 60000}),
    ("医師400名が1日5回程度検索します", {"queries_per_month": 60000}),
    ("用户就５个人，每天加起来五十次左右查询。", {"queries_per_month": 1500}),
    ("医師・看護師あわせて約２,０００名が利用予定で、１日合計で約３,０００回の検索です。",
     {"queries_per_month": 90000}),
    ("予算は1,500万円です", {"budget_usd_month": 100000.0}),
])
def test_each_figure_is_read_with_its_own_words(text: str, want: dict[str, float]) -> None:
    got = understand(text).updates
    for name, value in want.items():
        assert got.get(name) == pytest.approx(value, rel=0.02), (name, got)


@pytest.mark.parametrize(("text", "budget"), [
    ("We're a 25-year-old insurance broker with $120M in written premiums and 9 offices. Budget $800/month.", 800.0),
    ("We're a startup of 9 people (seed round of $3M last year). We can spend maybe $300 a month.", 300.0),
    ("A bit about us: we're 60 people, in business since 1998, about €14M revenue, two offices.", None),
    ("我们是跨境电商，公司成立8年，年营收大概２亿。预算每月２万元人民币以内。", 2777.78),
    ("저희 회사는 2010년에 설립됐고 직원은 300명, 연 매출은 약 500억 원입니다. 예산은 월 150만 원 정도예요.",
     1111.11),
    ("弊社は創業５０年、売上高約３００億円の専門商社です。予算は年間６００万円を考えております。", 3333.33),
    ("- conversion rate 2.3%\n- AOV $64\nBudget for embeddings ~$700/mo.", 700.0),
    ("Our previous vendor charged us $0.10 per 1,000 queries.", None),
])
def test_the_organisations_money_is_no_budget(text: str, budget: float | None) -> None:
    got = understand(text).updates
    if budget is None:
        assert "budget_usd_month" not in got, got
    else:
        assert got.get("budget_usd_month") == pytest.approx(budget, rel=0.01), got


@pytest.mark.parametrize(("text", "name", "value"), [
    ("Our competitor (a big legal database) has 40M documents; we have 900k case-law documents.", "corpus_docs",
     900000),
    ("竞品号称能索引１０亿条数据，我们没那么大：大约３０００万条商品评论。", "corpus_docs", 30000000),
    ("Some context: our old search handled 2M queries last year on 8 servers. Now it's ~250k queries a month.",
     "queries_per_month", 250000),
    ("We did about 3 million queries last year, but traffic has grown: we now do around 450k queries a month.",
     "queries_per_month", 450000),
    ("Last year we processed roughly 1.5M invoices; for search we'd start with the 200k engagement letters.",
     "corpus_docs", 200000),
])
def test_another_organisations_or_a_past_figure_is_not_ours(text: str, name: str, value: int) -> None:
    assert understand(text).updates.get(name) == value


def test_words_in_context() -> None:
    assert understand("self-hosted only").updates.get("deployment") == "self_hosted"
    assert understand("文件大约２０００份。没有预算限制。").updates.get("budget_usd_month", 0) is None
    assert "domain" not in understand("Hardware and budget are still being discussed with finance.").updates
    got = understand("部署：地端（不能上雲）").updates
    assert got.get("deployment") == "self_hosted" and got.get("data_must_stay_on_prem") is True
