"""Users in the middle and at the end of a consultation, read as classes (s16-b, issue 17; heldout50).

The phrasings here are not the set's: each checks one class on new sentences (other fields, figures, word orders and
languages than the corrections, put-offs and follow-ups of heldout50).
"""

from __future__ import annotations

import pytest
from interview_sets import assert_asks, assert_reads, read, said


@pytest.mark.parametrize(("message", "prev", "want"), [
    # taking a language out, the verb after the name (Japanese, German modal, Hinglish) or an Italian subjunctive
    ("ドイツ語は外してもらえますか", ["jpn", "deu"], ["jpn"]),
    ("Spanisch können wir streichen", ["deu", "spa"], ["deu"]),
    ("Tamil hata dijiye, ab zaroorat nahi", ["eng", "hin", "tam"], ["eng", "hin"]),
    ("per favore tolga il francese", ["ita", "fra"], ["ita"]),
    # adding one in Chinese ("再加", "加一个")
    ("再加一个韩语", ["zho", "eng"], ["zho", "eng", "kor"]),
])
def test_a_language_taken_out_or_added_keeps_the_rest(message: str, prev: list[str], want: list[str]) -> None:
    assert sorted(said(read(message, None, {"languages": prev}))["languages"]) == sorted(want)


@pytest.mark.parametrize("message", [
    "it's an A10G, not an L4. we rent it hourly on the cloud",
    "c'est une L40S en fait. On la loue à l'heure dans le cloud",
    "是H100，不是A100。是在云上按小时租的",
])
def test_a_card_said_rented_in_the_next_sentence_is_not_owned(message: str) -> None:
    hardware = said(read(message, None, {"hardware": {"accelerator": "A100-80GB", "vram_gb": 80}}))["hardware"]
    assert hardware["owned"] is False


@pytest.mark.parametrize("message", [
    "we own two A100s. we also rent cloud GPUs for training",
    "an L4 in our basement; we might rent more in the cloud later",
])
def test_more_cards_rented_beside_an_owned_one_leave_it_owned(message: str) -> None:
    assert said(read(message, "hardware"))["hardware"].get("owned") is not False


def test_an_arabic_take_back_unsets_the_field() -> None:
    update = read("احذف رقم الميزانية، لسه ما اعتمدوه", None, {"budget_usd_month": 3000})
    assert "budget_usd_month" not in said(update)


@pytest.mark.parametrize(("message", "want"), [
    ("300 ms is too loose, make it 150 ms", 150),
    ("300 ms ist zu locker, eher 120 ms", 120),
    ("300毫秒太慢了，最多150毫秒", 150),
    ("300ミリ秒は緩すぎ、100ミリ秒で", 100),
])
def test_an_old_target_judged_too_loose_gives_way_to_the_new(message: str, want: float) -> None:
    assert_reads(message, None, {"latency_p95_ms": want}, {"latency_p95_ms": 300})


@pytest.mark.parametrize("message", ["响应最好控制在300毫秒以内", "延迟最多500毫秒就行"])
def test_preferably_or_at_most_ranks_no_priority(message: str) -> None:
    got = said(read(message, "latency_p95_ms"))
    assert "priorities" not in got and "latency_p95_ms" in got


def test_a_corrected_length_in_its_own_unit_is_converted() -> None:
    assert_reads("correction: I said one page but most run 5-6 pages", None, {"doc_length_tokens": 2750},
                 {"doc_length_tokens": 500})


@pytest.mark.parametrize("message", [
    "there's no typical size, some are a paragraph and some are 80 pages",
    "I can't tell you a typical length: one line to 300 pages",
])
def test_a_typical_length_declined_beside_a_spread_is_not_stored(message: str) -> None:
    assert "doc_length_tokens" not in said(read(message, "doc_length_tokens"))


@pytest.mark.parametrize(("message", "asked"), [
    ("800 folders hain, har folder me kaafi files", "corpus_docs"),
    ("有2000个表格文件，每个文件里都有几百行记录", "corpus_docs"),
])
def test_things_inside_containers_are_asked(message: str, asked: str) -> None:
    update = read(message, asked)
    assert "corpus_docs" not in said(update) and "doc_length_tokens" not in said(update)


def test_running_on_our_servers_in_arabic_is_self_hosting_not_a_data_rule() -> None:
    got = said(read("التشغيل يكون على خوادمنا", "deployment"))
    assert got.get("deployment") == "self_hosted" and "data_must_stay_on_prem" not in got


def test_no_team_and_keep_it_an_api_in_arabic() -> None:
    assert said(read("ما عندنا فريق. خليها API", None, {"deployment": "self_hosted"})).get("deployment") == "api"


@pytest.mark.parametrize(("message", "prev", "want"), [
    ("latency 400ms se 250ms kar do", {"latency_p95_ms": 400}, {"latency_p95_ms": 250}),
    ("budget 1 lakh se 2 lakh rupees kar dijiye", {"budget_usd_month": 1205}, {"budget_usd_month": 2410}),
    ("bitte das Budget von 300 auf 500 Euro erhöhen", {"budget_usd_month": 324}, {"budget_usd_month": 540}),
])
def test_a_change_from_one_figure_to_another_keeps_the_new(message: str, prev: dict, want: dict) -> None:
    assert_reads(message, None, want, prev)


@pytest.mark.parametrize(("message", "prev"), [
    ("honestly both work for us - self-hosting is fine too if it wins", "api"),
    ("au fond les deux : si l'API est nettement meilleure, on la prend", "self_hosted"),
    ("dono theek hai, API ya apna server", "api"),
])
def test_both_after_one_way_of_hosting_is_any(message: str, prev: str) -> None:
    assert said(read(message, None, {"deployment": prev})).get("deployment") == "any"


@pytest.mark.parametrize(("message", "want"), [
    ("buscamos modelos que corramos nosotros en el servidor", "self_hosted"),
    ("a empresa prefere uma API, ninguém quer cuidar de GPU", "api"),
])
def test_hosting_in_a_relative_clause_or_after_prefer(message: str, want: str) -> None:
    assert said(read(message, "deployment")).get("deployment") == want


@pytest.mark.parametrize(("message", "want"), [
    ("le API esterne vanno bene, è tutto materiale pubblico", False),
    ("the contracts aren't allowed off-site", True),
    ("those files can't go offsite", True),
])
def test_the_data_rule_in_a_plural_or_off_site(message: str, want: bool) -> None:
    assert said(read(message, "data_must_stay_on_prem")).get("data_must_stay_on_prem") is want


def test_an_answer_coming_back_in_a_time_is_no_past_figure() -> None:
    assert_reads("about 500 lookups a day; results must come back in under 200ms", "queries_per_month",
                 {"queries_per_month": 15000, "latency_p95_ms": 200})


@pytest.mark.parametrize(("message", "want"), [
    ("Unos 30 agentes, 20 consultas al día. Los documentos son contratos de arrendamiento", "legal"),
    ("Environ 60 requêtes par jour ; les documents sont des comptes rendus médicaux", "medical"),
    ("Circa 40 ricerche al giorno. I documenti sono sentenze", "legal"),
])
def test_the_documents_named_as_subject_name_the_domain(message: str, want: str) -> None:
    assert said(read(message, "queries_per_month")).get("domain") == want


@pytest.mark.parametrize(("message", "asked", "want"), [
    ("Umas 12 mil notas fiscais", "corpus_docs", {"corpus_docs": 12000}),
    ("Des fiches produit de 300 mots ; on en a environ 8 000", "doc_length_tokens",
     {"doc_length_tokens": 390, "corpus_docs": 8000}),
    ("har contract 5 pages ka hai, total 2000 ke aas paas", "doc_length_tokens",
     {"doc_length_tokens": 2500, "corpus_docs": 2000}),
])
def test_a_count_under_another_noun_or_of_them(message: str, asked: str, want: dict) -> None:
    assert_reads(message, asked, want)


@pytest.mark.parametrize(("message", "want"), [
    ("Il costo conta più della latenza", ["cost", "latency"]),
    ("Qualität ist wichtiger als Kosten", ["quality", "cost"]),
])
def test_more_than_in_other_languages_ranks(message: str, want: list[str]) -> None:
    assert said(read(message, "latency_p95_ms"))["priorities"][:2] == want


def test_each_one_per_day_in_hinglish_multiplies_the_people() -> None:
    assert_reads("50 analysts hain, har ek din me 20 search", "queries_per_month", {"queries_per_month": 30000})


def test_a_ceiling_in_hinglish_is_no_future_figure() -> None:
    assert_reads("monthly 2 lakh tak ja sakte hain, setup ke liye 10 lakh alag se", "budget_usd_month",
                 {"budget_usd_month": 2410, "one_time_budget_usd": 12048})


def test_a_few_pages_beside_hundreds_is_asked() -> None:
    assert_asks("数ページの手順書もあれば、数百ページの仕様書もあります", "doc_length_tokens", "doc_length_tokens")


@pytest.mark.parametrize(("message", "want"), [
    ("you swapped them: 2,000 is the searches per day, and 50k is the docs",
     {"queries_per_month": 60000, "corpus_docs": 50000}),
    ("Hai scambiato i numeri: 2.000 sono le ricerche al giorno, e i documenti sono 50 mila",
     {"queries_per_month": 60000, "corpus_docs": 50000}),
])
def test_a_swap_with_the_rate_said_per_day(message: str, want: dict) -> None:
    update = read(message, None, {"queries_per_month": 50000, "corpus_docs": 2000})
    provenance = update.get("provenance") or {}
    assert {k: update["profile"][k] for k in want if provenance.get(k) in ("corrected", "confirmed")} == want
