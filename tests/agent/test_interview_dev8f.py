"""Side questions and hardware (dev8f): comparisons with a model the catalog lacks, summaries, token conversions,
fit questions with the user's own card, rented machines and cards corrected inside a message, in every language.

Classes (see the header of tests/agent/data/dev8f_messages.yaml). The set reads 100% right with no silent wrong fill
and every side question routed; the unit tests below pin each class in a few more phrasings.
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy

from agent.understanding import understand
from knowledge.hardware import load_hardware

DEV8F = accuracy.load_cases(accuracy.DATA / "dev8f_messages.yaml")
LANGUAGES = {"en", "zh", "de", "fr", "es", "ja", "ko", "pt", "it", "nl", "pl", "sv", "tr", "ru", "hi"}


def test_the_side_question_and_hardware_set_holds_up() -> None:
    assert len(DEV8F) >= 150
    assert {c["id"].split("-")[1] for c in DEV8F} == LANGUAGES
    assert len({c["id"] for c in DEV8F}) == len(DEV8F)
    result = accuracy.score(DEV8F)
    assert result["silent_wrong_fills"] == 0, [(o.case["id"], o.silent) for o in result["outcomes"] if o.silent]
    missed = [(o.case["id"], o.problems) for o in result["outcomes"] if o.problems]
    assert result["accuracy"] == 1.0, missed
    assert result["side_questions_routed"] == result["side_questions"], missed


@pytest.mark.parametrize(("name", "memory"), [
    ("V100", 16), ("V100 32GB", 32), ("A30", 24), ("A40", 48), ("L40", 48), ("L40S", 48), ("RTX 3060", 12),
    ("RTX 4080", 16), ("RTX 5090", 32), ("RTX A4000", 16), ("RTX A5000", 24), ("RTX 6000 Ada", 48),
    ("M3 Ultra", 96), ("MI300X", 192), ("Gaudi 2", 96)])
def test_the_hardware_table_knows_the_common_cards(name: str, memory: float) -> None:
    assert load_hardware().find(name).memory_gb.value == memory


def _tools(text: str, asked: str | None = None) -> list[str]:
    return [r.tool for r in understand(text, asked).tool_requests]


@pytest.mark.parametrize("text", [
    "is MedCPT any good compared to bge-large?", "what's the difference between SPECTER2 and bge-m3?",
    "bge-m3랑 KURE 비교해 주실 수 있어요?", "Ist FinBERT besser als bge-m3?", "legal-bert o bge-m3, ¿cuál es mejor?"])
def test_a_model_the_catalog_lacks_beside_a_known_one_is_still_a_comparison(text: str) -> None:
    assert _tools(text) == ["compare_models"]


@pytest.mark.parametrize("text", [
    "can you show me what you've got so far before we go on?", "what have you got on us so far?",
    "Was hast du bisher notiert?", "¿Qué tienes hasta ahora?", "到现在为止你都记了些什么？"])
def test_what_you_have_so_far_is_the_summary(text: str) -> None:
    assert _tools(text, "budget_usd_month") == ["summary"]


@pytest.mark.parametrize("text", ["5万字一册，换成token大概多少？", "a report is 200 pages, what's that in tokens?",
                                  "Ett avtal är runt 30 sidor, hur många tokens blir det?"])
def test_a_size_converted_into_tokens_is_asked_not_stored(text: str) -> None:
    result = understand(text)
    assert [r.tool for r in result.tool_requests] == ["estimate_tokens"]
    assert not result.updates


@pytest.mark.parametrize(("text", "card", "memory"), [
    ("we have a VM host with 2 T4s - would bge-m3 even fit on those?", "T4", 16),
    ("Würde multilingual-e5-large auf eine RTX A6000 passen? Die haben wir nämlich im Labor stehen", "RTX A6000", 48),
    ("Mamy serwer z kartą A40, czy bge-m3 się na nim zmieści?", "A40", 48),
    ("저희 서버에 A30이 한 장 있는데 bge-m3 돌아갈까요?", "A30", 24)])
def test_the_users_own_card_in_a_fit_question_is_stored(text: str, card: str, memory: float) -> None:
    result = understand(text)
    assert [r.tool for r in result.tool_requests] == ["hardware_fit"]
    hw = result.updates["hardware"]
    assert hw["accelerator"] == card and load_hardware().find(card).memory_gb.value == memory


@pytest.mark.parametrize("text", ["would bge-m3 fit on an A100 if we bought one?",
                                  "Si on achetait une L40S, bge-m3 tournerait dessus ?", "Would bge-m3 run on a T4?",
                                  "如果买一张4090，能跑gte-Qwen2吗？"])
def test_a_card_only_asked_about_is_not_stored(text: str) -> None:
    result = understand(text)
    assert [r.tool for r in result.tool_requests] == ["hardware_fit"] and "hardware" not in result.updates
    assert result.tool_requests[0].args["accelerator"] is not None  # the card asked about goes to the tool


@pytest.mark.parametrize("text", [
    "it'd run on a rented Hetzner box, 8 cores, 32gb ram, no gpu", "a Linode VM, 8 cores / 16GB",
    "Un serveur loué chez OVH, 8 cœurs, 32 Go de RAM, pas de GPU", "租了一台腾讯云服务器，16核64G内存，没有显卡",
    "prototype runs in Google Colab on the free T4", "Alquilamos una RTX 4090 en RunPod"])
def test_a_rented_machine_is_not_owned(text: str) -> None:
    assert understand(text, "hardware").updates["hardware"]["owned"] is False


@pytest.mark.parametrize("text", [
    "our own server, 8 cores, 32 GB RAM, we left Hetzner last year", "we run our private cloud: 16 cores, 64 GB",
    "a box in our basement with 8 cores and 32 GB, might move to AWS later",
    "we have an A100 in the office; the app itself is on Azure"])
def test_an_own_machine_stays_owned(text: str) -> None:
    assert "owned" not in understand(text, "hardware").updates["hardware"]


@pytest.mark.parametrize(("text", "card"), [
    ("we have a T4 - sorry no, it's an L4 on GCP, rented", "L4"),
    ("the box has an RTX 3090... no wait, a 4090", "RTX 4090"),
    ("我们有一张3090，哦不对，是4090", "RTX 4090"), ("tenemos una T4, perdón, es una L4", "L4"),
    ("у нас T4, ой, нет, L4", "L4"), ("we have an L4 and an A100", None)])
def test_the_later_card_of_a_correction_wins(text: str, card: str | None) -> None:
    hw = understand(text, "hardware").updates.get("hardware") or {}
    if card is None:
        assert hw.get("accelerator") in (None, "L4")  # two cards, no correction: never the second one silently
    else:
        assert hw["accelerator"] == card


@pytest.mark.parametrize(("text", "field"), [
    ("what I've got so far is 20k docs", "corpus_docs"), ("so far we have 2000 docs, growing", "corpus_docs"),
    ("wir haben bisher 5000 Dokumente", "corpus_docs"), ("şu ana kadar 2 bin belge topladık", "corpus_docs"),
    ("目前为止收集了大约3万份文档", "corpus_docs"), ("what we have so far: 12k tickets", "corpus_docs")])
def test_so_far_in_an_answer_is_no_summary(text: str, field: str) -> None:
    result = understand(text, field)
    assert not result.tool_requests and field in result.updates


@pytest.mark.parametrize("text", ["just an old gaming PC with a 3060 Ti and 32GB of RAM",
                                  "We have two V100s in the basement", "Intel Gaudi 3 nodes, 128GB HBM per card"])
def test_a_look_alike_card_is_not_a_listed_one(text: str) -> None:
    hw = understand(text, "hardware").updates["hardware"]
    assert hw.get("accelerator") in (None, "V100-16GB") and hw.get("ram_gb") != 128, hw  # plural V100s: the default


@pytest.mark.parametrize(("text", "card"), [
    ("Would bge-m3 fit on an A100? We have two of them sitting idle.", "A100-40GB"),
    ("¿Cabe bge-m3 en una A100? Tenemos dos.", "A100-40GB"),
    ("Поместится ли bge-m3 на A100? У нас их две.", "A100-40GB"),
    ("Would bge-m3 fit on an A100? We have two million docs.", None),
    ("Would bge-m3 fit on an A100? We have 2 TB of PDFs.", None), ("Would bge-m3 fit on an A100? Just curious.", None),
    ("bge-m3在A40上跑得动吗？我们有两百万份文档。", None)])
def test_we_have_them_after_the_question_makes_the_card_ours(text: str, card: str | None) -> None:
    assert (understand(text).updates.get("hardware") or {}).get("accelerator") == card


@pytest.mark.parametrize(("text", "term"), [
    ("ColBERT って何ですか？", "ColBERT"), ("what is late interaction?", "ColBERT"),
    ("what's the catch with CC-BY-NC models?", "non-commercial licence")])
def test_more_terms_are_explained(text: str, term: str) -> None:
    assert [(r.tool, r.args) for r in understand(text).tool_requests] == [("explain_term", {"term": term})]
