"""English of non-specialists in eleven countries, read as classes (s15-a, issue 17; heldout47).

The phrasings here are not the set's: each checks one class on new sentences (other countries, trades and wordings
than the office managers, paralegals, nurses and warehouse supervisors of heldout47).
"""

from __future__ import annotations

import pytest
from interview_sets import assert_asks, assert_reads, read, said


@pytest.mark.parametrize("message", [
    # a hedged sum with no currency and no period: rand, naira, pesos, local dollars or US dollars, a month or a year
    "Roughly 3 000",
    "somewhere around 1.5k",
    "Say 600",
    "probably 40k?",
    # a range of twice or more with no period ("1-2 lakhs": a month, a year or once?)
    "maybe 2-5 lakh",
    "around 500 to 1,500",
    # hedged and offered as a question, with no currency
    "About 300 a month?",
])
def test_a_hedged_bare_sum_is_asked(message: str) -> None:
    assert_asks(message, "budget_usd_month", "budget_usd_month")


@pytest.mark.parametrize(("message", "want"), [
    ("300", 300), ("two grand max", 2000), ("around 1 lakh", 1205), ("$400 a month", 400), ("about £80", 102),
    ("a couple hundred", 200),
])
def test_a_plain_or_written_sum_keeps_the_committed_reading(message: str, want: float) -> None:
    assert_reads(message, "budget_usd_month", {"budget_usd_month": want})


@pytest.mark.parametrize(("message", "want"), [
    # the rand's "R" before its figure, the naira's and the Philippine peso's signs
    ("We can afford R8 000 per month", 444),
    ("R12k a month tops", 667),
    ("about ₦450,000 a month", 300),
    ("₦2m for the year", 111),
    ("₱30,000 per month is our limit", 536),
    ("PHP 120k a year", 179),
])
def test_rand_naira_and_peso_sums_are_converted(message: str, want: float) -> None:
    assert_reads(message, "budget_usd_month", {"budget_usd_month": want})


@pytest.mark.parametrize("message", ["we keep it in Cloudflare R2, about 200 GB", "det är 55 000 dokument"])
def test_an_r_that_is_no_rand_is_no_money(message: str) -> None:
    assert "budget_usd_month" not in said(read(message))


@pytest.mark.parametrize(("message", "want"), [
    ("we can do £100 a fortnight", 272), ("AUD 300 fortnightly", 423), ("about 600 searches a fortnight", 1286),
])
def test_a_fortnight_is_half_of_a_month_and_a_bit(message: str, want: float) -> None:
    field = "queries_per_month" if "search" in message else "budget_usd_month"
    assert_reads(message, field, {field: want})


@pytest.mark.parametrize(("message", "prev", "want"), [
    ("sorry, the A$600 was per fortnight, not per month", {"budget_usd_month": 400}, 850),
    ("correction: that £90 is per fortnight, not monthly", {"budget_usd_month": 115}, 245),
])
def test_a_sum_corrected_to_a_fortnight_in_its_currency(message: str, prev: dict[str, float], want: float) -> None:
    assert_reads(message, None, {"budget_usd_month": want}, prev)


@pytest.mark.parametrize("message", [
    "anything from 100 quid to several thousand, the board hasn't decided",
    "we'd put in $200, or maybe a few thousand if it works",
])
def test_a_range_to_a_vague_sum_is_asked(message: str) -> None:
    assert_asks(message, "budget_usd_month", "budget_usd_month")


@pytest.mark.parametrize(("message", "want"), [
    # the period asked back first, the figure after it
    ("Per week? Maybe 150 lookups.", 643),
    ("A day? Around 40 searches.", 1200),
    # a rate per term: the terms said, else three and a half a year
    ("maybe 300 searches a term across the staff", 87),
    ("about 120 searches each term, we have three terms", 30),
    ("we'd use it about 150 times each semester, two semesters a year", 25),
])
def test_a_period_said_apart_or_per_term(message: str, want: float) -> None:
    assert_reads(message, "queries_per_month", {"queries_per_month": want})


@pytest.mark.parametrize(("message", "want"), [
    # a busy season or week beside a normal rate: the normal one, with the people counted in
    ("In exam week it's mental, 400 searches a day, but usually 25 a day", 750),
    ("20 clerks. During tax season each does 30 searches a day, otherwise about 4", 2400),
    ("harvest season is flat out, 300 a day, the rest of the year more like 20 a day", 600),
    # half days a week
    ("12 dispatchers, each about 6 lookups a day, we're open 5.5 days a week", 1697),
])
def test_the_usual_rate_beside_a_season(message: str, want: float) -> None:
    assert_reads(message, "queries_per_month", {"queries_per_month": want})


def test_people_left_out_of_a_season_rate_are_asked() -> None:
    assert_asks("10 tax agents, flat out in March, maybe 30 a day each then. Rest of the year more like 5.",
                "queries_per_month", "queries_per_month")


@pytest.mark.parametrize(("message", "want"), [
    ("Operations lead at a freight forwarding outfit in Durban: bills of lading, invoices and SOPs, about 20k files",
     "general"),
    ("Stores manager at a wholesale distributor in Ibadan, delivery notes and supplier invoices, 8,000 docs",
     "general"),
    ("Bursar at a private school in Auckland, fee records, enrolment forms and policies, around 1,500 PDFs", "general"),
    ("I run admin at a community college in Alberta: course outlines and policies, about 900 files", "general"),
    ("Office manager at an accounting firm in Perth, invoices and tax returns, 12k files", "finance"),
])
def test_warehouses_distributors_and_schools_are_general(message: str, want: str) -> None:
    assert said(read(message)).get("domain") == want, message


@pytest.mark.parametrize(("message", "asked", "want"), [
    ("English and Hiligaynon, a few in Cebuano", "languages", ["eng", "hil", "ceb"]),
    ("English mostly, some Pidgin in the WhatsApp exports", "languages", ["eng", "pcm"]),
    ("English, some Ilocano and Waray letters", "languages", ["eng", "ilo", "war"]),
    ("English only, the Afrikaans letters we can leave out", "languages", ["eng"]),
    ("Just English. The Welsh bits can be left out", "languages", ["eng"]),
])
def test_more_languages_and_a_language_left_out(message: str, asked: str, want: list[str]) -> None:
    got = said(read(message, asked)).get("languages")
    assert got is not None and sorted(got) == sorted(want), (message, got)


@pytest.mark.parametrize("message", [
    "legal secretary at a firm in Leeds, about 40k matter files; some bundles run 500 pages",
    "about 2,000 tender packs, a few of them go to 300 pages",
])
def test_a_length_said_of_some_documents_only_is_no_typical_length(message: str) -> None:
    assert "doc_length_tokens" not in said(read(message)), message


def test_a_typical_length_beside_the_long_ones_is_kept() -> None:
    assert_reads("about 5,000 reports, typically 10 pages, some run 200 pages", None, {"doc_length_tokens": 5000})


@pytest.mark.parametrize("message", [
    "no idea how long they are on average, some are a page, some are 80 pages. skip it",
    "dunno the average length, a few are 2 pages and a few 150 pages, let's skip that",
])
def test_a_spread_of_lengths_then_skip_stores_nothing(message: str) -> None:
    update = read(message, "doc_length_tokens")
    assert "doc_length_tokens" not in said(update) and not update.get("pending_confirmation"), message


@pytest.mark.parametrize(("message", "want"), [
    ("We're a charity, so nada really", 0), ("we're a volunteer group, so zilch", 0),
    ("we're a non-profit, so nothing", 0),
])
def test_nothing_said_the_casual_way_is_zero(message: str, want: float) -> None:
    assert said(read(message, "budget_usd_month")).get("budget_usd_month") == want, message


@pytest.mark.parametrize("message", [
    "We'd call an API, our p95 needs to be under 300ms",
    "we want an API for this, no servers to look after",
    "we'd use the Cohere API, nobody here runs servers",
])
def test_an_api_the_team_would_call_is_an_api(message: str) -> None:
    assert_reads(message, "deployment", {"deployment": "api"})


def test_an_api_weighed_in_a_question_is_no_choice() -> None:
    assert "deployment" not in said(read("should we call an API or host it ourselves?", "deployment"))


@pytest.mark.parametrize(("message", "want"), [
    ("the office gaming rig has an RTX 3080 in it", "RTX 3080"),
    ("my home PC has a 3070 with 8GB", "RTX 3070"),
])
def test_the_older_geforce_cards_are_cards(message: str, want: str) -> None:
    assert (said(read(message, "hardware")).get("hardware") or {}).get("accelerator") == want, message


@pytest.mark.parametrize("message", ["We may buy a second-hand RTX 3080 later", "we could pick up a 4090 next year"])
def test_a_card_that_might_be_bought_is_no_hardware_and_no_figure(message: str) -> None:
    update = read(message)
    assert "hardware" not in said(update) and not update.get("pending_confirmation"), (message, update)


@pytest.mark.parametrize("message", [
    "It has to run on the server in the records room.",
    "we'd like it to run on the desktop under my desk",
    "would love this to run on the old workstation in the lab",
])
def test_the_machine_it_must_run_on_is_self_hosting(message: str) -> None:
    assert_reads(message, "deployment", {"deployment": "self_hosted"})
