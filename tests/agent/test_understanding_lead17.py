"""The seventeenth session's lead round (issue 17): priorities and precision said the way people say them.

On the session's fresh never-opened sets the order of quality, cost and latency was missed 10 times and stored wrong 4
times, and a precision-critical search was missed 8 times: each a word class the reader lacked. Every case here is
phrased anew: a thing ranked first, second or next in more words and languages ("accuracy is king", "la qualité
prime, le coût ensuite", "精度重視、コストは二の次", "비용보다 품질이 우선"); the lesser side of a Japanese or Korean
comparison; a bare or numbered list of the three; a cost waived before its word ("whatever the cost"); an error said
to be out of the question in eight languages. And what is no ranking: a choice criterion ("whichever is cheaper"), a
cue on another line of a pasted list, a superlative of a machine, a sequence of steps.
"""

from __future__ import annotations

import pytest
from interview_sets import read, said

Q, C, L = "quality", "cost", "latency"


@pytest.mark.parametrize(("message", "asked", "order"), [
    # a thing ranked first, second or next
    ("Relevance is king here. Price is secondary.", "priorities", [Q, C]),
    ("Our top concern is the bill. After that, response time.", "priorities", [C, L]),
    ("It's all about speed for this one", "priorities", [L, Q, C]),
    ("Honestly the cheapest thing that does the job", "priorities", [C, Q, L]),
    ("Genauigkeit vor Kosten, die Latenz ist zweitrangig", "priorities", [Q, C, L]),
    ("Chez nous la qualité prime, ensuite la latence", "priorities", [Q, L]),
    ("Avant tout le coût ; la latence compte peu", "priorities", [C, Q, L]),
    ("O principal é o custo, depois a qualidade", "priorities", [C, Q]),
    ("a latência vem antes do custo", "priorities", [L, C]),
    ("Lo principal es que salga barato", "priorities", [C, Q, L]),
    ("la precisión por encima del coste", "priorities", [Q, C]),
    ("Am wichtigsten ist uns die Antwortzeit", "priorities", [L, Q, C]),
    ("snelheid is het belangrijkst, daarna de kosten", "priorities", [L, C]),
    ("品質重視です。費用は二の次で構いません", "priorities", [Q, C]),
    ("レイテンシが最優先、次にコスト", "priorities", [L, C]),
    # the lesser side of a Japanese or Korean comparison comes after the other
    ("費用より精度を優先します", "priorities", [Q, C]),
    ("속도보다 정확도가 우선이에요", "priorities", [Q, L]),
    # a list of the three, bare or numbered
    ("in order: accuracy, latency, cost", "priorities", [Q, L, C]),
    ("1. Kosten 2. Qualität 3. Latenz", None, [C, Q, L]),
    ("1) speed 2) price 3) quality", "priorities", [L, C, Q]),
    # in the languages read worst (Indonesian, Malay, Arabic, Polish, Hindi, Vietnamese, Thai, Swedish, Nigerian
    # English)
    ("yang penting akurasi dulu, baru biaya", "priorities", [Q, C]),
    ("Kos paling utama, ketepatan nombor dua", "priorities", [C, Q]),
    ("أهم شيء الدقة، وبعدين السرعة", "priorities", [Q, L]),
    ("Przede wszystkim koszt, jakość na drugim miejscu", "priorities", [C, Q]),
    ("सबसे पहले गति, फिर सटीकता", "priorities", [L, Q]),
    ("chi phí trước, rồi đến chất lượng", "priorities", [C, Q]),
    ("เอาเร็วก่อน แล้วค่อยราคา", "priorities", [L, C]),
    ("Kostnad först, sedan kvalitet. Latens bryr vi oss inte om.", "priorities", [C, Q, L]),
    ("Quality first, cost second, speed na last", "priorities", [Q, C, L]),
    # a cost waived before its word
    ("Whatever the cost, relevance comes first", None, [Q, L, C]),
    ("Peu importe le coût, la qualité d'abord", None, [Q, L, C]),
])
def test_priorities_said_in_more_words_and_languages(message: str, asked: str | None, order: list[str]) -> None:
    assert said(read(message, asked)).get("priorities") == order, message


@pytest.mark.parametrize(("message", "asked"), [
    ("Whichever is cheaper, we don't mind", "deployment"),  # the way to choose what was asked
    ("Lo que salga más barato, nos da igual", "deployment"),
    ("we'd rent the cheapest GPU instance AWS gives us", "hardware"),  # a machine's superlative
    ("Next month we add another 5k documents, after that it stays flat", None),  # steps, no ranking
    ("d'abord on teste sur un échantillon, ensuite sur tout le corpus", None),
    ("The price of the scanner was the main thing holding us back", None),
    ("Le coût n'est pas notre priorité", None),  # one thing said not to be first ranks nothing
])
def test_words_near_a_priority_that_rank_nothing(message: str, asked: str | None) -> None:
    assert "priorities" not in said(read(message, asked)), message


def test_a_cue_on_another_line_of_a_pasted_list_ranks_nothing_here() -> None:
    message = "Notes:\n- latency: 300 ms is fine\n- priority: accuracy > cost"
    assert said(read(message)).get("priorities") == [Q, C]


def test_an_inline_numbered_list_counts_nothing() -> None:
    got = said(read("1. Scope: product manuals 2. Users: 300 engineers 3. Latency: < 200 ms"))
    assert "corpus_docs" not in got and got.get("latency_p95_ms") == 200


@pytest.mark.parametrize("message", [
    "Getting it wrong is not an option, these are dosage tables.",
    "There's no room for error: auditors read what it returns.",
    "We can't afford the assistant citing the wrong policy to a customer.",
    "Recall is critical for us, every relevant precedent has to show up.",
    "The passage it returns has to be exactly the right one.",
    "这是给律师用的，不能出错",
    "誤った回答は一切許されません",
    "틀리면 큰일 나는 문서들이에요",
    "Das System darf sich keine Fehler erlauben.",
    "Isso não pode errar, são laudos médicos.",
    "No puede equivocarse: son contratos.",
    "L'outil ne doit pas se tromper.",
    # an error and its stakes in one sentence
    "Kalau salah ambil pasal bisa berbahaya buat klien kami.",
    "أي خطأ في النتائج قد يضر بالعملاء",
    "Sai sót trong kết quả là nguy hiểm cho khách hàng.",
    "Yanlış sonuç getirirse ciddi sorun olur.",
    "गलत दस्तावेज़ आया तो बहुत नुकसान होगा",
    "If the search miss one protocol e fit kill person",
    "Vi får inte missa ett enda relevant avtal.",
])
def test_an_error_said_to_be_out_of_the_question_is_precision_critical(message: str) -> None:
    assert said(read(message)).get("precision_critical") is True, message


@pytest.mark.parametrize("message", [
    "The precision of our OCR is poor on old scans",
    "We tried BM25 and the results were wrong half the time",
    "To be precise: it's 40k documents, not 400k",
    "Our old search was wrong so often it was dangerous to rely on",  # a past system's errors
    "Is a wrong hit dangerous with a reranker?",  # a question
])
def test_words_of_precision_that_state_no_need(message: str) -> None:
    assert "precision_critical" not in said(read(message)), message


@pytest.mark.parametrize(("message", "asked"), [
    ("We'll just call Voyage's embedding API", "deployment"),
    ("We're deep in Google Cloud, so Vertex AI would be the obvious choice", None),
    ("Bedrock is what we'd use, everything else runs on AWS", None),
    ("Managed service please, there are three of us", "deployment"),
])
def test_a_hosted_provider_named_as_the_one_to_call_is_an_api(message: str, asked: str | None) -> None:
    assert said(read(message, asked)).get("deployment") == "api", message


@pytest.mark.parametrize("message", [
    "OpenAI is what we use for the chatbot; embeddings we'll see",
    "We'd use OpenAI for the LLM part only",
    "Would Cohere be the obvious choice here?",
])
def test_a_provider_of_the_llm_or_in_a_question_is_no_deployment(message: str) -> None:
    assert "deployment" not in said(read(message)), message


@pytest.mark.parametrize("message", [
    "The records hold PHI, so they stay in our environment.",
    "Security won't approve any third-party processing of this data.",
    "These files can never leave our infrastructure.",
])
def test_the_data_kept_in_the_users_environment_or_from_third_parties(message: str) -> None:
    assert said(read(message, "data_must_stay_on_prem")).get("data_must_stay_on_prem") is True, message


def test_third_parties_allowed_on_a_condition_are_no_rule() -> None:
    assert "data_must_stay_on_prem" not in said(read("We never approve third-party services without a DPA"))


@pytest.mark.parametrize("message", [
    "For the first month the cost should stay below 200 dollars a month",
    "The cost of the first indexing pass matters less, it is one-off",
])
def test_the_ordinal_first_before_a_time_or_a_step_ranks_nothing(message: str) -> None:
    assert "priorities" not in said(read(message)), message
