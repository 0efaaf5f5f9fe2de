"""The sixth set of interview messages (dev6, by class of a later blind set's misses) and its readers.

Classes: compound CJK numerals, structured rates (peak hour, office hours, active share, approximate counts of
people), one-off vs monthly money, the first indexing's deadline, query length, negated licence restrictions,
hardware given up and cloud instance types, words that are not domains, waived priorities, an average after a
maximum, and Dutch, Polish, Swedish, Turkish and Russian.
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy

from agent import understanding_structure as S
from agent.understanding import understand
from agent.understanding_numbers import find_numbers, normalise

DEV6 = accuracy.load_cases(accuracy.DEV6)


def test_the_sixth_set_holds_up() -> None:
    assert len(DEV6) >= 120
    prefixes = {c["id"].split("-")[1] for c in DEV6}
    assert {"nl", "pl", "sv", "tr", "ru", "num", "rate", "money", "lic", "hw", "dom", "lat"} <= prefixes
    everything = [c["id"] for c in DEV6]
    assert len(set(everything)) == len(everything)
    result = accuracy.score(DEV6)
    assert result["silent_wrong_fills"] == 0, [(o.case["id"], o.silent) for o in result["outcomes"] if o.silent]
    assert result["accuracy"] >= 0.97, f"{result['accuracy']:.1%}"
    assert result["side_questions_routed"] == result["side_questions"]


@pytest.mark.parametrize(("text", "value"), [
    ("3만 5천 건", 35_000), ("1억 2천만 건", 120_000_000), ("3万5千件", 35_000), ("1億2千万件", 120_000_000),
    ("三万五千", 35_000), ("一千二", 1_200), ("三百五", 350), ("两万五", 25_000), ("二十五", 25),
    ("12만 5천", 125_000)])
def test_compound_cjk_numerals_are_one_number(text: str, value: float) -> None:
    assert [n.value for n in find_numbers(normalise(text))] == [value]


def test_two_cjk_figures_side_by_side_stay_two() -> None:
    assert [n.value for n in find_numbers(normalise("5万 2万"))] == [50_000, 20_000]


@pytest.mark.parametrize(("text", "field", "value"), [
    ("the busiest hour had 5,000 queries", "queries_per_month", 3_600_000),
    ("people use it 9 to 5 on weekdays, about 120 queries an hour", "queries_per_month", 120 * 8 * 22),
    ("weekdays only, about 1,000 queries a day", "queries_per_month", 22_000),
    ("9,000 employees but only 1 in 3 would actually use it, maybe 5 searches a day each", "queries_per_month",
     450_000),
    ("2,000 employees and 20% use it daily, around 10 queries each", "queries_per_month", 120_000),
    ("una ventina di avvocati, ognuno fa 5-10 ricerche al giorno", "queries_per_month", 4_500),
    ("a one-off $5,000 for the initial indexing, after that ~$300 a month", "one_time_budget_usd", 5_000),
    ("a one-off $5,000 for the initial indexing, after that ~$300 a month", "budget_usd_month", 300),
    ("the backfill must finish over a weekend, 2 days max", "max_first_indexing_days", 2),
    ("our queries are 3-4 words", "query_length_tokens", 4),
    ("most under 400 words, call it 300 on average", "doc_length_tokens", 390),
    ("budgeten är 5000 kronor i månaden", "budget_usd_month", 476.19),
    ("бюджет 30 000 рублей в месяц", "budget_usd_month", 333.33),
])
def test_structured_figures(text: str, field: str, value: float) -> None:
    assert understand(text).updates[field] == pytest.approx(value, rel=0.02)


def test_a_one_off_sum_is_never_the_monthly_budget() -> None:
    updates = understand("just a one-time $8,000 for the backfill").updates
    assert updates.get("one_time_budget_usd") == 8000 and "budget_usd_month" not in updates


@pytest.mark.parametrize("text", [
    "non-commercial licences are out of the question for us", "Nicht-kommerzielle Lizenzen kommen nicht in Frage",
    "les licences non commerciales sont exclues", "las licencias no comerciales no nos sirven",
    "le licenze non commerciali non vanno bene per noi", "licenças não comerciais estão fora de questão",
    "不能用非商用许可的模型", "非商用ライセンスのモデルは使えません", "비상업 라이선스는 사용할 수 없어요",
    "niet-commerciële licenties zijn uitgesloten", "некоммерческие лицензии нам не подходят"])
def test_a_rejected_non_commercial_licence_requires_commercial_use(text: str) -> None:
    assert understand(text).updates.get("license") == "commercial"


def test_a_non_commercial_licence_said_to_be_fine_is_any() -> None:
    assert understand("non-commercial is fine, it's an internal research prototype").updates.get("license") == "any"


@pytest.mark.parametrize(("text", "card"), [
    ("we'd run it on a g5.xlarge", "A10G"), ("probably a p4d instance on AWS", "A100-40GB"),
    ("g4dn instances", "T4"), ("GCP, an a2-highgpu-1g", "A100-40GB"), ("a g6e.xlarge on AWS", "L40S"),
    ("an NC A100 v4 VM on Azure", "A100-80GB")])
def test_cloud_instance_types_are_their_card_rented(text: str, card: str) -> None:
    hardware = understand(text, "hardware").updates["hardware"]
    assert hardware["accelerator"] == card and hardware["owned"] is False and "vram_gb" not in hardware


@pytest.mark.parametrize("text", ["scratch the GPU, CPU only now, 16 cores and 64 GB",
                                  "forget the A100, we'll go CPU only: 16 cores, 64 GB"])
def test_a_card_given_up_leaves_cpu_memory_as_ram(text: str) -> None:
    hardware = understand(text, "hardware").updates["hardware"]
    assert hardware.get("accelerator", "none") == "none" and hardware["ram_gb"] == 64 and "vram_gb" not in hardware


@pytest.mark.parametrize(("text", "domain"), [
    ("we're a retail bank, the documents are internal policies", "finance"),
    ("our journalists search the newsroom archive", "general"),
    ("lawyers use it, but the documents are product manuals for our shop", "ecommerce"),
    ("wir sind eine Filialbank, es geht um interne Richtlinien", "finance"),
    ("clinicians search drug package inserts", "medical")])
def test_ordinary_words_and_roles_do_not_name_the_wrong_domain(text: str, domain: str) -> None:
    assert understand(text).updates.get("domain") == domain


@pytest.mark.parametrize("text", ["latency doesn't matter at all", "we don't care about latency",
                                  "latency is irrelevant for us", "延迟完全不重要"])
def test_a_waived_latency_never_ranks_first(text: str) -> None:
    assert (understand(text).priorities or ["quality"])[0] != "latency"


def test_a_priority_waived_in_the_next_clause_is_the_next_word_only() -> None:
    # (lead s17: "secondary" ranks second now, as "cost second" does; a waiver says the same here)
    assert understand("I care most about accuracy, cost is irrelevant").priorities == ["quality", "latency", "cost"]


@pytest.mark.parametrize(("text", "languages"), [
    ("juridische documenten in het Nederlands en Engels", {"nld", "eng"}), ("på svenska och engelska", {"swe", "eng"}),
    ("документы на русском и английском", {"rus", "eng"}), ("sözleşmeler Türkçe ve İngilizce", {"tur", "eng"}),
    ("dokumenty po polsku", {"pol"})])
def test_every_language_named_is_kept(text: str, languages: set[str]) -> None:
    assert set(understand(text, "languages").updates["languages"]) == languages


def test_the_structure_readers_refuse_what_they_do_not_see() -> None:
    assert S.one_off("we can spend ", " a month") is False
    assert S.peak_hour("500 queries a day") is False
    assert S.office_hours("5-10 searches a day")[1] is None
    assert S.active_share("engineers, each 20 searches a day") is None
    assert S.licence_rejected("non-commercial is fine") is False
    assert S.first_indexing_days("it must answer within 2 seconds") is None
    assert S.query_length("each document is about 800 words") is None
    assert S.average_over_maximum("each doc is up to 3 pages") is None
