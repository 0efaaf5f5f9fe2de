"""The ninth session's languages that read worst or were not covered (dev12e): Indonesian, Dutch, Hindi in
Devanagari, Vietnamese, Arabic and Thai.

Classes (see the header of tests/agent/data/dev12e_messages.yaml): Indonesian magnitudes (rb/ribu, jt/juta, M for
miliar beside Rp) and rupiah, Vietnamese nghìn/ngàn, triệu, tỷ and dong, Thai พัน/หมื่น/แสน/ล้าน written with no
spaces and baht, Egyptian pounds, a sum with no currency in those languages read in the country's own currency (a
bare "sekitar 300" asked about), "een stuk of 300", "per werkdag", compounds of people and files in Dutch, "आधे सेकंड
से कम", edtech in Devanagari, and the side questions in each of them. 300 messages written before the fixes read
195/283 fields (68.9%) with 31 silent wrong fills and routed 30/50 side questions; 60 more written after the first
round read 54/64 with 5 silent and 3/6 routed.
"""

from __future__ import annotations

from interview_sets import accuracy

from agent.understanding import understand
from agent.understanding_number_words import thai_numbers

DEV12E = accuracy.load_cases(accuracy.DATA / "dev12e_messages.yaml")
# "per werkdag een paar honderd" (the period before a vague figure is asked back, not read); "M2 Ultra met 192GB"
# (the hardware table lists the 64 GB M2 Ultra only: a card-table class, not a language's)
KNOWN_MISSES = {"e12-nl-5", "e12b-nl-5", "e12-nl-35"}  # nl-35: since the merge


def test_the_language_set_holds_up() -> None:
    assert len(DEV12E) >= 360 and len({c["id"] for c in DEV12E}) == len(DEV12E)
    result = accuracy.score(DEV12E)
    wrong = {o.case["id"]: [*o.silent, *o.problems] for o in result["outcomes"] if o.silent or o.problems}
    assert set(wrong) <= KNOWN_MISSES, wrong
    assert result["right"] >= 345 and result["silent_wrong_fills"] <= 1


def test_thai_magnitudes_are_digits() -> None:
    assert thai_numbers("ประมาณ 3 แสนฉบับ").split()[1] == "300000"
    assert "120000" in thai_numbers("มีเอกสารราว 1 แสน 2 หมื่นฉบับ")
    assert "1500000" in thai_numbers("1.5 ล้านเอกสาร")
    assert thai_numbers("no thai here, 3 million") == "no thai here, 3 million"


def test_the_countries_own_currencies() -> None:
    assert understand("anggarannya sekitar Rp 15 juta per bulan", "budget_usd_month").updates == {
        "budget_usd_month": 937.5}
    assert understand("khoảng 20 triệu đồng mỗi tháng", "budget_usd_month").updates == {"budget_usd_month": 800.0}
    assert round(understand("งบประมาณเดือนละ 5 หมื่นบาท", "budget_usd_month").updates["budget_usd_month"]) == 1389
    assert round(understand("حوالي ٥٠ ألف جنيه مصري في الشهر", "budget_usd_month")
                 .updates["budget_usd_month"]) == 1042
