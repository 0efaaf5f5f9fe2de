"""Classes of interview misses seen on blind data, read by ``agent.understanding`` in every language it supports.

The table suites (tests/agent/data/*_messages.yaml) score the profile; these check what the tables cannot see: which
short-list place a side question names, a request to test on the user's own documents, the short-list length, and
the readings that must *not* happen (a definite "the three options" is no short-list length, an office rented is no
rented GPU, "we tested it with our data" is no request).
"""

from __future__ import annotations

import pytest

from agent.understanding import understand


@pytest.mark.parametrize("message", [
    "can you test the three options on our own documents?",
    "teste die Modelle bitte mit unseren eigenen Dokumenten",
    "pouvez-vous les tester sur nos propres documents ?",
    "¿puedes probarlos con nuestros documentos?",
    "puoi provarli sui nostri documenti?",
    "dá pra testar com os nossos documentos?",
    "用我们自己的文档测一下这几个模型",
    "自社の文書でテストできますか？",
    "우리 문서로 테스트해 줄 수 있어요?",
])
def test_a_test_on_our_documents_is_asked_for_in_every_language(message: str) -> None:
    u = understand(message)
    assert u.wants_document_check
    assert u.top_k is None  # "the three options" names the list, it does not ask for three


@pytest.mark.parametrize("message", ["we tested it with our data last year and it was fine", "we rent office space"])
def test_no_false_requests(message: str) -> None:
    u = understand(message)
    assert not u.wants_document_check
    assert "hardware" not in u.updates


@pytest.mark.parametrize(("message", "k"), [
    ("show me the top 5", 5), ("zeig mir die Top 5", 5), ("montre-moi les 5 meilleurs", 5), ("上位5つを見せて", 5),
    ("给我前5个", 5), ("give me 7 options", 7),
])
def test_the_short_list_length(message: str, k: int) -> None:
    assert understand(message).top_k == k


@pytest.mark.parametrize(("message", "tool", "option"), [
    ("can our card even run the second option?", "hardware_fit", 2),
    ("il secondo modello entra sulla nostra GPU?", "hardware_fit", 2),
    ("la deuxième option tourne sur notre GPU ?", "hardware_fit", 2),  # "notre" is no "option 3"
    ("두 번째 모델이 우리 GPU에서 돌아가나요?", "hardware_fit", 2),
    ("what would the first one cost per month?", "estimate_cost", 1),
])
def test_a_place_on_the_short_list_is_resolved(message: str, tool: str, option: int) -> None:
    requests = understand(message).tool_requests
    assert [r.tool for r in requests] == [tool]
    assert requests[0].args.get("option") == option


@pytest.mark.parametrize("message", ["compare the first and the third", "compara la primera y la tercera",
                                     "第一个和第三个比较一下"])
def test_an_imperative_comparison_of_two_places(message: str) -> None:
    requests = understand(message).tool_requests
    assert [r.tool for r in requests] == ["compare_models"]
    assert requests[0].args["options"] == [1, 3]


@pytest.mark.parametrize(("message", "stated", "moved", "to"), [
    ("那个数字是每月查询量，不是文档数", {"corpus_docs": 2000}, "corpus_docs", ("queries_per_month", 2000)),
    ("die 5000 waren Anfragen pro Tag, nicht Dokumente", {"corpus_docs": 5000}, "corpus_docs",
     ("queries_per_month", 150000)),
    ("sorry, the 500 was our budget in dollars, not the number of queries", {"queries_per_month": 500},
     "queries_per_month", ("budget_usd_month", 500)),
    ("the 2,000 was document growth, not budget", {"budget_usd_month": 2000}, "budget_usd_month", None),
])
def test_a_relabelled_figure_moves_only_that_figure(message: str, stated: dict, moved: str, to: tuple | None) -> None:
    u = understand(message, stated={**stated, "languages": ["eng"]})
    assert u.unset == [moved]
    assert "languages" not in u.updates
    if to is None:
        assert not u.updates and u.growth_docs_month == 2000
    else:
        assert u.updates == {to[0]: to[1]}


@pytest.mark.parametrize(("message", "stays"), [
    ("no restrictions, we already send everything to Azure OpenAI", False),
    ("クラウドのAPIに送っても問題ありません", False),
    ("no problem sending data to a cloud API", False),
    ("clinical notes that live on the hospital network", True),
    ("clinical notes, but we're fine using Azure OpenAI, it's covered by our BAA", False),
    ("Wir dürfen keine Daten an OpenAI schicken", True),
    ("we use OpenAI for the chat model, but the documents themselves must stay on our servers", True),
])
def test_data_residency_from_the_setting_and_the_services_in_use(message: str, stays: bool) -> None:
    assert understand(message).updates["data_must_stay_on_prem"] is stays


def test_a_rented_box_with_no_card_named_is_not_owned() -> None:
    assert understand("we don't own any GPUs, we'd rent something in the cloud").updates["hardware"] == {
        "accelerator": "none", "owned": False}
    assert understand("Only a CPU box for now (32 cores). We might rent a GPU later.").updates["hardware"].get(
        "owned", True)


def test_working_days_and_per_item_searches() -> None:
    assert understand("50 people, 8 searches each per day, 20 working days a month").updates[
        "queries_per_month"] == 8000
    assert understand("250 support agents, each handles about 40 tickets a day, and the bot runs one search per "
                      "ticket").updates["queries_per_month"] == 300000


@pytest.mark.parametrize(("message", "docs"), [
    ("문서는 약 십이만 건이에요", 120000), ("이십만 건의 문서", 200000), ("百万份文档", 1000000),
    ("circa trecentomila documenti", 300000), ("2 millions d'articles de presse", 2000000), ("八十万段文本", 800000),
])
def test_counts_in_words_and_numerals_before_their_noun(message: str, docs: int) -> None:
    assert understand(message).updates["corpus_docs"] == docs


def test_megabytes_of_text_are_the_corpus() -> None:
    u = understand("150 MB of markdown over 3,000 pages")
    assert u.updates == {"corpus_docs": 3000, "doc_length_tokens": 12500}
    assert understand("roughly 2 MB per file of plain text", "doc_length_tokens").updates == {
        "doc_length_tokens": 500000}


@pytest.mark.parametrize("message", [
    "ok so we have 50k docs behind an internal API",
    "fine, the docs come from our REST API, about 20k of them",
    "we call a cloud API for translation. Latency should be fine.",
    "the API reference is approved by our docs team",
    "機密情報を含む社内文書です",
])
def test_an_api_of_our_own_or_a_filler_ok_says_nothing_about_residency(message: str) -> None:
    assert "data_must_stay_on_prem" not in understand(message).updates


def test_the_rent_of_an_office_is_no_rented_gpu() -> None:
    hardware = understand("the rent for our office is expensive so we keep costs low. We have no GPU at all.").updates[
        "hardware"]
    assert hardware == {"accelerator": "none"}
