"""The seventeenth session's first class round (s17-a, issue 17): asking instead of guessing (dev19a).

Each case is phrased anew (not the class set's words), in pairs where the set had them: the message a careful reader
asks about, and its twin that is clear enough to store. A data rule or a licence still to be decided by someone else
or doubted; a card only hoped for or maybe not the user's to use; languages with others left unnamed; one figure said
alone beside what was read; two figures offered after their counter ("1万件か10万件か"); a hosted API approved; the data
refused a way out in Egyptian and Gulf Arabic; a card owned "自前で" is no hosting; pages counted in Korean.
"""

from __future__ import annotations

import pytest
from interview_sets import assert_asks, assert_reads, read, said


@pytest.mark.parametrize(("message", "asked"), [
    ("Security may veto any cloud service, I need to ask them on Monday.", "data_must_stay_on_prem"),
    ("Probably fine to use a hosted API, but our privacy officer has the last word.", "data_must_stay_on_prem"),
    ("Ob die Daten in die Cloud dürfen, muss ich noch mit der Rechtsabteilung klären.", "data_must_stay_on_prem"),
    ("Je ne sais pas encore si on peut passer par le cloud, à voir avec le DPO.", "data_must_stay_on_prem"),
    ("A lo mejor legal no deja usar la nube, tengo que preguntar.", "data_must_stay_on_prem"),
    ("Talvez a nuvem seja ok, preciso confirmar com o compliance.", "data_must_stay_on_prem"),
    ("能不能用云上的API，还得问一下信息安全部。", "data_must_stay_on_prem"),
    ("外部APIを使えるかは法務に確認しないと分かりません。", "data_must_stay_on_prem"),
    ("클라우드를 써도 되는지 아직 모르겠어요, 보안팀에 확인해야 해요.", "data_must_stay_on_prem"),
    ("mungkin boleh pakai cloud, tapi belum pasti, harus tanya tim legal dulu", "data_must_stay_on_prem"),
    ("ربما الإدارة ترفض السحابة، لازم أسألهم", "data_must_stay_on_prem"),
])
def test_a_data_rule_not_decided_yet_is_asked(message: str, asked: str) -> None:
    assert_asks(message, asked, "data_must_stay_on_prem")


@pytest.mark.parametrize(("message", "asked", "want"), [
    ("Our DPO approved sending the documents to OpenAI last month.", "data_must_stay_on_prem",
     {"data_must_stay_on_prem": False}),
    ("El área legal ya dio el visto bueno para usar una API de terceros.", "data_must_stay_on_prem",
     {"data_must_stay_on_prem": False}),
    ("O jurídico aprovou o uso de uma API externa na semana passada.", "data_must_stay_on_prem",
     {"data_must_stay_on_prem": False}),
    ("Le service juridique a validé l'utilisation d'une API externe.", "data_must_stay_on_prem",
     {"data_must_stay_on_prem": False}),
    ("Die Datenschutzabteilung hat die Nutzung einer externen API freigegeben.", "data_must_stay_on_prem",
     {"data_must_stay_on_prem": False}),
    ("ملفات العملاء ممنوع تطلع برا الشركة", None, {"data_must_stay_on_prem": True}),
    ("البيانات ممنوع تطلع برا مصر", "data_must_stay_on_prem", {"data_must_stay_on_prem": True}),
])
def test_a_data_rule_given_is_stored(message: str, asked: str | None, want: dict[str, object]) -> None:
    assert_reads(message, asked, want)


@pytest.mark.parametrize(("message", "asked"), [
    ("Not sure whether a university spin-off is commercial, honestly.", "license"),
    ("孵化出来的公司用，算不算商业用途我不确定。", "license"),
    ("창업 준비 중인 팀인데 상업적 이용에 해당하는지 애매해요.", "license"),
])
def test_a_licence_in_doubt_is_asked(message: str, asked: str) -> None:
    assert_asks(message, asked, "license")


@pytest.mark.parametrize(("message", "asked"), [
    ("We may be able to buy an L40S later this year, if finance agrees.", "hardware"),
    ("Vielleicht bekommen wir im Herbst eine H100, das ist aber nicht sicher.", "hardware"),
    ("Quizás la universidad nos compre una L4, pero todavía no se sabe.", "hardware"),
    ("明年可能会申请一台H800，现在还说不准。", "hardware"),
    ("There's a 3090 in my gaming PC, not sure that counts for a work project.", "hardware"),
    ("合作方机房里有显卡，让不让我们用还不清楚。", "hardware"),
])
def test_a_card_only_hoped_for_is_asked(message: str, asked: str) -> None:
    assert_asks(message, asked, "hardware")


@pytest.mark.parametrize(("message", "asked", "want"), [
    ("We have an L40S in the basement rack, ours to use.", "hardware", {"hardware": {"accelerator": "L40S"}}),
    ("Wir mieten stundenweise eine L4 bei einem Cloud-Anbieter.", "hardware",
     {"hardware": {"accelerator": "L4", "owned": False}}),
    ("L40Sを1枚、自前で持っています。", "hardware", {"hardware": {"accelerator": "L40S"}}),
])
def test_a_card_said_plainly_is_stored(message: str, asked: str, want: dict[str, object]) -> None:
    got = said(read(message, asked))
    assert got.get("hardware", {}).get("accelerator") == want["hardware"]["accelerator"], (message, got)  # type: ignore[index]
    assert "deployment" not in got, (message, got)


@pytest.mark.parametrize(("message", "asked"), [
    ("mainly German, plus other languages from the subsidiaries", "languages"),
    ("大部分是英文，还有其他语言的一些资料", "languages"),
    ("主に英語で、他の言語も少しあります", "languages"),
    ("Sobre todo en español, y otros idiomas según el país", "languages"),
    ("sebagian besar bahasa Inggris, sisanya lain-lain", "languages"),
])
def test_languages_with_others_unnamed_are_asked(message: str, asked: str) -> None:
    assert_asks(message, asked, "languages")


@pytest.mark.parametrize(("message", "want"), [
    ("mainly German, other languages: French and Italian", ["deu", "fra", "ita"]),
    ("大部分是英文，其他的是日文", ["eng", "jpn"]),
])
def test_languages_with_others_named_are_stored(message: str, want: list[str]) -> None:
    got = said(read(message, "languages"))
    assert sorted(got.get("languages", [])) == sorted(want), (message, got)


@pytest.mark.parametrize(("message", "asked"), [
    ("German and French, nothing else. 800", "languages"),
    ("Somos una clínica dental en Sevilla, unos 3 mil", None),
    ("kami toko online elektronik, sekitar 25 ribu", None),
])
def test_one_figure_said_alone_is_asked(message: str, asked: str | None) -> None:
    update = read(message, asked)
    pending = update.get("pending_confirmation") or {}
    assert set(pending.get("fields") or []) >= {"corpus_docs", "queries_per_month"}, (message, update)


def test_a_year_said_alone_is_no_figure_to_ask() -> None:
    update = read("We're a law firm in Leeds, founded 1998", None)
    assert not update.get("pending_confirmation"), update


@pytest.mark.parametrize(("message", "asked"), [
    ("5千件か5万件か、はっきり覚えていません", "corpus_docs"),
    ("2천 건인지 2만 건인지 잘 모르겠어요", "corpus_docs"),
])
def test_two_counts_offered_after_their_counter_are_asked(message: str, asked: str) -> None:
    assert_asks(message, asked, "corpus_docs")


@pytest.mark.parametrize(("message", "asked", "want"), [
    ("8,000 documents, not 80,000", "corpus_docs", {"corpus_docs": 8000}),
    ("5千件くらいです", "corpus_docs", {"corpus_docs": 5000}),
])
def test_one_count_is_stored(message: str, asked: str, want: dict[str, object]) -> None:
    assert_reads(message, asked, want)


def test_pages_in_korean_are_asked_as_documents() -> None:
    update = read("전체 3만 페이지 정도예요", "corpus_docs")
    assert "corpus_docs" not in said(update) and update.get("pending_confirmation"), update


@pytest.mark.parametrize(("message", "asked", "want"), [
    ("40 Angestellte, je 10 Anfragen pro Tag", "queries_per_month", {"queries_per_month": 12000}),
    ("12 Sachbearbeiterinnen, je ungefähr 30 Suchen am Tag", "queries_per_month", {"queries_per_month": 10800}),
    ("每天大概800次，每周工作五天", "queries_per_month", {"queries_per_month": 17600}),
    ("We're in Copenhagen, 15 000 kr a month", "budget_usd_month", {"budget_usd_month": 2174}),
])
def test_people_days_and_kronor_are_read(message: str, asked: str, want: dict[str, object]) -> None:
    assert_reads(message, asked, want)


@pytest.mark.parametrize(("message", "asked", "prev"), [
    ("Roughly 30 000 kr a month; we have offices in Oslo and Gothenburg.", "budget_usd_month", None),
    ("予算は合計で80万円です", "budget_usd_month", None),
    ("예산은 총 3천만 원 정도예요", "budget_usd_month", None),
    ("oops, that should be 800", None, {"budget_usd_month": 300, "one_time_budget_usd": 5000}),
])
def test_a_sum_whose_kind_is_open_is_asked(message: str, asked: str | None, prev: dict[str, object] | None) -> None:
    update = read(message, asked, prev)
    before = (prev or {}).get("budget_usd_month")
    assert said(update).get("budget_usd_month") == before and update.get("pending_confirmation"), update


def test_a_correction_that_names_the_monthly_budget_is_stored() -> None:
    assert_reads("sorry, the monthly budget is 800, the one-time stays", None, {"budget_usd_month": 800},
                 prev={"budget_usd_month": 300, "one_time_budget_usd": 5000})


@pytest.mark.parametrize(("message", "field"), [
    ("Forse il cloud va bene, ma devo chiedere all'ufficio legale.", "data_must_stay_on_prem"),
    ("Misschien mag het naar de cloud, dat moet ik nog navragen.", "data_must_stay_on_prem"),
    ("Возможно, облако подойдёт, но надо уточнить у юристов.", "data_must_stay_on_prem"),
    ("soprattutto italiano, e altre lingue delle filiali", "languages"),
    ("vooral Nederlands, en andere talen", "languages"),
    ("в основном русский, плюс другие языки", "languages"),
])
def test_the_same_in_more_languages(message: str, field: str) -> None:
    assert_asks(message, field, field)


@pytest.mark.parametrize("message", [
    "我们是做跨境电商的，每个月大概三千吧",
    "저희는 법무법인인데요, 월 500 정도 생각하고 있어요",
])
def test_a_figure_after_a_period_with_a_particle_is_asked(message: str) -> None:
    update = read(message, None)
    pending = update.get("pending_confirmation") or {}
    assert "budget_usd_month" in (pending.get("fields") or []), (message, update)


def test_pages_after_each_in_chinese_are_a_length() -> None:
    assert_reads("两千个文件，每个平均三十页左右", "corpus_docs", {"corpus_docs": 2000, "doc_length_tokens": 15000})


@pytest.mark.parametrize(("message", "asked", "want"), [
    ("Yes, the data must stay on-prem. Not sure about the budget yet though.", "data_must_stay_on_prem",
     {"data_must_stay_on_prem": True}),
    ("Commercial, yes. Not sure about the latency yet.", "license", {"license": "commercial"}),
])
def test_a_doubt_about_another_field_leaves_the_rule_stored(message: str, asked: str, want: dict[str, object]) -> None:
    assert_reads(message, asked, want)
