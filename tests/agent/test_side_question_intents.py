"""Side questions routed to the right tool in every language (dev7d) and the intent table behind them.

The twelve tools asked in fourteen languages, with and without a model name, by place on the short list, polite and
terse; profile answers in a side question's words ("how much we spend is not decided") stay answers; our own card
named inside a question ("Passt bge-m3 auf unsere L4?") is stored while the question is routed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from interview_sets import accuracy

from agent import side_questions as side
from agent.understanding import understand
from knowledge.errors import KnowledgeDataError

DEV7D = accuracy.load_cases(accuracy.DEV7D)
LANGUAGES = {"en", "zh", "de", "fr", "es", "ja", "ko", "pt", "it", "nl", "pl", "sv", "tr", "ru", "hi", "uk"}


def test_the_side_question_set_holds_up() -> None:
    assert len(DEV7D) >= 480
    assert {c["id"].split("-")[1] for c in DEV7D} == LANGUAGES - {"uk"}  # Ukrainian side questions: dev9b
    assert {c["tool"] for c in DEV7D} == {*accuracy.SIDE_QUESTION_TOOLS, "none"}
    everything = [c["id"] for c in DEV7D]
    assert len(set(everything)) == len(everything)
    result = accuracy.score(DEV7D)
    assert result["silent_wrong_fills"] == 0, [(o.case["id"], o.silent) for o in result["outcomes"] if o.silent]
    # d7-fr-b8a: "Environ 1 million de pages" is asked (how many documents?) since the fourteenth session's lead round,
    # where this set stored the pages as documents; the side question itself is routed
    missed = [(o.case["id"], o.problems) for o in result["outcomes"] if o.problems and o.case["id"] != "d7-fr-b8a"]
    assert result["side_questions_routed"] == result["side_questions"], missed
    assert not missed and result["right"] >= result["fields"] - 1, missed


@pytest.mark.parametrize(("message", "tool", "args"), [
    ("Was würde das im Monat ungefähr kosten?", "estimate_cost", {"model": None}),
    ("Combien d'espace disque faut-il pour stocker les vecteurs ?", "vector_storage", {}),
    ("bge-m3 모델에 대해 자세히 보여 주세요", "show_model", {"model": "BAAI/bge-m3"}),
    ("전체 코퍼스가 토큰으로 몇 개쯤 되나요?", "estimate_tokens", {}),
    ("Il primo modello della lista ci sta sul Mac mini?", "hardware_fit", {"option": 1}),
    ("Pokaż mi szczegóły modelu bge-m3", "show_model", {"model": "BAAI/bge-m3"}),
    ("Et avec mistral-embed, ça reviendrait à combien par mois ?", "estimate_cost",
     {"model": "mistralai/mistral-embed"}),
    ("Passt multilingual-e5-large auf eine T4?", "hardware_fit",
     {"model": "intfloat/multilingual-e5-large", "accelerator": "T4"}),
    ("Warum taucht multilingual-e5-large nicht in der Liste auf?", "why_not",
     {"model": "intfloat/multilingual-e5-large"}),
    ("Первая модель из списка поместится на нашу T4?", "hardware_fit", {"option": 1, "accelerator": "T4"}),
    ("1000万个1024维的向量要多少存储？", "vector_storage", {"n_vectors": 10_000_000, "dims": 1024}),
    ("Speicherbedarf für 10 Mio. Vektoren mit 768 Dimensionen?", "vector_storage",
     {"n_vectors": 10_000_000, "dims": 768}),
    ("Und jina-embeddings-v3? Warum nicht?", "why_not", {"model": "jinaai/jina-embeddings-v3"}),
    ("and what about jina-embeddings-v3? what would that cost?", "estimate_cost",
     {"model": "jinaai/jina-embeddings-v3"}),
    ("bge-m3 ka monthly cost kitna hoga?", "estimate_cost", {"model": "BAAI/bge-m3"}),
    # whether a sum is enough for a model asks for its cost, not for its card (s10-b's known misses)
    ("is $300 a month enough for bge-m3?", "estimate_cost", {"model": "BAAI/bge-m3"}),
    ("can we afford text-embedding-3-large with 1k a month?", "estimate_cost",
     {"model": "openai/text-embedding-3-large"}),
    ("¿Alcanzan 200 dólares al mes para usar bge-m3?", "estimate_cost", {"model": "BAAI/bge-m3"}),
    ("每月300美元够用bge-m3吗？", "estimate_cost", {"model": "BAAI/bge-m3"}),
    ("Reichen 500 € im Monat für bge-m3?", "estimate_cost", {"model": "BAAI/bge-m3"}),
    ("is a T4 enough for bge-m3?", "hardware_fit", {"model": "BAAI/bge-m3", "accelerator": "T4"}),
])
def test_a_question_reaches_its_tool_with_its_arguments(message: str, tool: str, args: dict) -> None:
    requests = understand(message).tool_requests
    assert [r.tool for r in requests] == [tool]
    assert {k: requests[0].args.get(k) for k in args} == args


@pytest.mark.parametrize("message", [
    "how much we spend on this is not decided yet", "我们去年比较过bge和e5，最后用了e5",
    "Quanto vamos gastar ainda não foi decidido", "La lista de documentos crece cada mes",
    "Ne kadar harcayacağımız henüz belli değil", "Kosten sind uns wichtiger als Latenz",
    "Quanto costa non importa, conta la qualità", "花多少钱无所谓，效果最重要", "Was es kostet, ist egal",
    "Un résumé par dossier, environ 300 mots", "文書は主に判決の要約です", "Lista produktów zmienia się co tydzień",
    "Tu as besoin de connaître notre budget ?", "Budget: 1k USD/month which should be enough for an API model",
])
def test_a_profile_answer_in_a_side_questions_words_is_no_question(message: str) -> None:
    assert understand(message).tool_requests == []


@pytest.mark.parametrize(("message", "card"), [
    ("Passt bge-m3 auf unsere L4?", "L4"), ("We have a single T4 — would bge-large even fit on it?", "T4"),
    ("첫 번째 모델이 우리 T4에서 돌아갈까요?", "T4"), ("一番目のモデルはうちのT4で動きますか？", "T4"),
])
def test_our_card_named_in_a_question_is_stored(message: str, card: str) -> None:
    u = understand(message)
    assert [r.tool for r in u.tool_requests] == ["hardware_fit"]
    assert u.updates["hardware"]["accelerator"] == card


def test_a_bare_why_not_with_no_model_before_it_asks_nothing() -> None:
    assert understand("why not?").tool_requests == []


def test_a_card_named_only_to_ask_about_is_not_ours() -> None:
    u = understand("Passt multilingual-e5-large auf eine T4?")
    assert [r.tool for r in u.tool_requests] == ["hardware_fit"] and "hardware" not in u.updates


def test_every_tool_has_patterns_in_every_language() -> None:
    import yaml

    data = yaml.safe_load(side.INTENTS_FILE.read_text(encoding="utf-8"))
    for tool, kinds in data["intents"].items():
        languages = set().union(*(set(v) for v in kinds.values()))
        assert LANGUAGES <= languages, (tool, LANGUAGES - languages)  # more (id, vi, th, ar ...) may follow


def test_a_broken_intent_table_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "side_question_intents.yaml"
    bad.write_text("intents:\n  estimate_cost:\n    ask:\n      de: ['wie (viel']\n", encoding="utf-8")
    monkeypatch.setattr(side, "INTENTS_FILE", bad)
    side.reload_intents()
    try:
        with pytest.raises(KnowledgeDataError, match=r"intents\.estimate_cost\.ask\.de\[0\]"):
            side.intent_table()
        bad.write_text("intents:\n  estimate_price:\n    ask:\n      de: ['kosten']\n", encoding="utf-8")
        side.reload_intents()
        with pytest.raises(KnowledgeDataError, match="estimate_price"):
            side.intent_table()
    finally:
        side.reload_intents()
