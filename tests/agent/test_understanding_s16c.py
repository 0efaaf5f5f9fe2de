"""The sixteenth session's third class round (s16-c, issue 17): figures and words that are no profile field (dev18b).

Each case is phrased anew (not the class set's words) and checks what the offline reader stores: a reference, a phone
number or an extension; a model's name, an LLM's size, a benchmark's score, dimensions and a chunking set-up; a corpus
supposed in Spanish and Japanese; a regulation that is the work's topic; one document singled out by its size; a card
by its price or another team's; a vendor's offer and a thing's price; a support word naming a ticket's number, a
service level or a contract that ran out; a trade named only as the customers; another system's response time; the
people "all N of them" refers to.
"""

from __future__ import annotations

import pytest
from interview_sets import assert_reads, read, said


@pytest.mark.parametrize(("message", "asked", "absent"), [
    # a reference, a phone number, an extension
    ("The Jira epic for this is DATA-9921, ping me there.", None, ("corpus_docs", "domain")),
    ("Our Zendesk ticket ZD-55120 has the background.", None, ("corpus_docs", "domain")),
    ("You can reach our hotline on 0161 496 0732 any time.", None, ("corpus_docs", "domain")),
    ("Die Bestellnummer lautet 4711002233, Durchwahl 318.", None, ("corpus_docs",)),
    ("工单号是 IT-20250101-77，有问题找我。", None, ("corpus_docs", "domain")),
    # a model's name, an LLM's size, a benchmark's score, dimensions, a chunking set-up
    ("We tried Qwen2.5 72B for answers and gte-qwen2-7b-instruct for embeddings last spring.", None,
     ("corpus_docs", "queries_per_month")),
    ("bge-m3 scored 0.72 nDCG@10 and 64.1 on MTEB for us.", None, ("corpus_docs", "queries_per_month")),
    ("1536维的向量我们之前试过。", None, ("corpus_docs", "queries_per_month")),
    ("Tamaño de chunk de 400 tokens con solapamiento de 50.", None, ("doc_length_tokens",)),
    ("Our pipeline truncates to 256 tokens, the model's limit.", None, ("doc_length_tokens",)),
    # a corpus supposed
    ("¿Y si fueran 5 millones de documentos? ¿Cuánto costaría?", None, ("corpus_docs",)),
    ("仮に1000万件あったら、月額はいくらですか？", None, ("corpus_docs",)),
    # one document singled out by its size
    ("Die längste Richtlinie hat 300 Seiten, das ist aber die Ausnahme.", None, ("doc_length_tokens",)),
    ("La più lunga è il regolamento interno, 250 pagine.", None, ("doc_length_tokens",)),
    # a vendor's offer, a thing's price
    ("Ein Angebot über 1.500 € im Monat lag uns vor, viel zu teuer.", None, ("budget_usd_month",)),
    ("Buying one is roughly $25k, so no.", None, ("budget_usd_month",)),
    # a service level, a contract that ran out
    ("运维组的SLA是工单30分钟内响应。", None, ("domain",)),
    ("Our Algolia contract expired last year; about 900 FAQ entries now.", None, ("data_must_stay_on_prem",)),
    # another system's response time; the people "all N of them" refers to
    ("Our ERP takes 4 seconds to respond, no idea what search should do.", "latency_p95_ms", ("latency_p95_ms",)),
    ("Our CRM vendor's SLA is 3 seconds.", None, ("latency_p95_ms",)),
    ("The IT department decides that, and all 6 of them are on leave this week.", "license", ("corpus_docs",)),
])
def test_figures_and_words_of_other_things_are_not_stored(message: str, asked: str | None,
                                                          absent: tuple[str, ...]) -> None:
    got = said(read(message, asked))
    assert not set(absent) & set(got), (message, got)


@pytest.mark.parametrize(("message", "asked"), [
    ("We're a consultancy that advises on HIPAA; about 5,000 client memos in English.", None),
    ("Wir beraten Mittelständler zur DSGVO, rund 2.000 Gutachten.", None),
    ("O assunto dos nossos manuais é a LGPD, uns 300 manuais.", None),
])
def test_a_regulation_as_the_topic_is_no_data_rule(message: str, asked: str | None) -> None:
    got = said(read(message, asked))
    assert "data_must_stay_on_prem" not in got, (message, got)


@pytest.mark.parametrize(("message", "asked", "want"), [
    # the card the user has beside one priced or another team's
    ("Una H100 cuesta unos 30.000 €, imposible. Tenemos una T4.", "hardware", {"hardware": {"accelerator": "T4"}}),
    ("Another team has H100s but we can't use them; we have a single L4.", "hardware",
     {"hardware": {"accelerator": "L4"}}),
    # the trade of the customers beside the user's own documents
    ("We make software for dental practices - not dentists ourselves, our customers are. 900 help articles.", None,
     {"domain": "support"}),
    # the documents beside the customers that use the product
    ("Our help desk has 640 articles in French. Around 1,200 schools use the platform.", None, {"corpus_docs": 640}),
    # the typical length beside one document singled out
    ("Em geral 4 páginas cada. O maior tem 500 páginas, mas é um só.", "doc_length_tokens",
     {"doc_length_tokens": 2000}),
    # the budget beside a vendor's offer
    ("Höchstens 600 € im Monat. Ein Angebot über 2.500 € im Monat war uns zu teuer.", "budget_usd_month",
     {"budget_usd_month": 648}),
])
def test_the_field_said_beside_them_is_kept(message: str, asked: str | None, want: dict[str, object]) -> None:
    assert_reads(message, asked, want)


def test_a_card_only_at_the_place_is_no_data_rule() -> None:
    got = said(read("オンプレにL40Sが1枚だけあります。", "hardware"))
    assert "data_must_stay_on_prem" not in got and got.get("hardware", {}).get("accelerator") == "L40S", got
