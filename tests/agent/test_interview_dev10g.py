"""The lead's classes of the seventh session (dev10g), from the misses of two fresh blind sets.

Classes (see the header of tests/agent/data/dev10g_messages.yaml): "每个月" read as a period, per-minute rates in every
language, service around the clock beside an hourly rate, another step's time beside the retrieval target, a corrected
figure whose noun names no domain, cards standing on-prem, a card beside a side question, labelled counts and described
collections before their count, "internal ... only" within one sentence, Chinese 词, Korean/Russian data rules,
organisations (pharma, news, accountants, online shops), Vietnamese and Indonesian basics. Written before the fixes:
53.8% / 18 silent wrong fills at 092a24b.
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy

from agent.understanding import understand

DEV10G = accuracy.load_cases(accuracy.DATA / "dev10g_messages.yaml")


def test_the_lead_set_holds_up() -> None:
    assert len(DEV10G) >= 70 and len({c["id"] for c in DEV10G}) == len(DEV10G)
    result = accuracy.score(DEV10G)
    wrong = {o.case["id"]: [*o.silent, *o.problems] for o in result["outcomes"] if o.silent or o.problems}
    assert not wrong, wrong
    assert result["side_questions_routed"] == result["side_questions"]


@pytest.mark.parametrize(("text", "value"), [
    ("每个月预计查询量在200万次左右", 2_000_000), ("每個月的查詢量大概在50萬次上下", 500_000),
    ("每个星期大概3万次查询", 128_571), ("每小時大概1000次，全天24小時運行", 720_000)])
def test_chinese_periods(text: str, value: int) -> None:
    assert understand(text).updates["queries_per_month"] == pytest.approx(value, rel=0.01)


def test_a_unit_counted_per_store_is_still_a_unit() -> None:
    assert understand("我们有20家门店，每家门店每天查询100次左右").updates["queries_per_month"] == 60_000


@pytest.mark.parametrize("text", ["5 zapytań na minutę", "5 запросов в минуту", "dakikada 5 sorgu", "1分あたり5件",
                                  "분당 5건", "5 zoekopdrachten per minuut", "5 sökningar per minut",
                                  "5 запитів на хвилину", "5 truy vấn mỗi phút", "5 query per menit"])
def test_a_rate_per_minute_in_every_language(text: str) -> None:
    assert understand(text, "queries_per_month").updates["queries_per_month"] == 5 * 43_200


def test_a_day_of_service_is_no_deadline_and_no_rate() -> None:
    assert understand("首次索引要在24小时内完成").updates == {"max_first_indexing_days": 1.0}
    assert "queries_per_month" not in understand("24時間稼働です", "queries_per_month").updates
