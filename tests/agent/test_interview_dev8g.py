"""Languages and latency in context (dev8g): what a language name, a "no requirement" or two response times mean.

Classes (see the header of tests/agent/data/dev8g_messages.yaml): a language qualifying the documents counted in an
answer to another question states no language ("英文文献大概 50 万篇"), "plain English" is an idiom, one-character
Chinese names listed before a count of languages, the Dutch "en" between codes, a language for some day in every
language, a removal keeps the rest of the stated list, a nationality before an organisation word, "no particular
requirement" to the latency question in every language, the retrieval part's time beside the whole answer's, and a
model's hyphenated name naming no domain.
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy

from agent.understanding import understand

DEV8G = accuracy.load_cases(accuracy.DATA / "dev8g_messages.yaml")


def test_the_language_and_latency_set_holds_up() -> None:
    assert len(DEV8G) >= 70
    languages = {c["id"].split("-")[2] for c in DEV8G}
    assert {"en", "zh", "de", "fr", "es", "pt", "it", "ja", "ko", "nl", "pl", "sv", "tr", "ru", "hi"} <= languages
    assert len({c["id"] for c in DEV8G}) == len(DEV8G)
    result = accuracy.score(DEV8G)
    assert result["silent_wrong_fills"] == 0, [(o.case["id"], o.silent) for o in result["outcomes"] if o.silent]
    assert result["accuracy"] == 1.0, [(o.case["id"], o.problems) for o in result["outcomes"] if o.problems]


@pytest.mark.parametrize(("text", "asked"), [
    ("英文文献大概 120 万篇，内部报告 3 万份", "corpus_docs"),
    ("論文は英語で6000語程度です", "doc_length_tokens"),
    ("the English papers run about 6,000 words each", "doc_length_tokens"),
    ("一篇平均八千字左右吧（中文）", "doc_length_tokens")])
def test_a_language_qualifying_the_documents_states_no_language(text: str, asked: str) -> None:
    assert "languages" not in understand(text, asked).updates


@pytest.mark.parametrize(("text", "asked", "languages"), [
    ("需要支持中、英、日三种语言", None, ["zho", "eng", "jpn"]),
    ("NL en DE, we verkopen ook in Duitsland. Engels misschien ooit", "languages", ["nld", "deu"]),
    ("polski i angielski, może kiedyś niemiecki", "languages", ["pol", "eng"]),
    ("about 40k docs, all in German", "corpus_docs", ["deu"])])
def test_a_stated_list_is_read_whole(text: str, asked: str | None, languages: list[str]) -> None:
    assert sorted(understand(text, asked).updates["languages"]) == sorted(languages)


@pytest.mark.parametrize(("text", "expected"), [
    ("the whole answer within 2 s, retrieval itself under 150 ms", 150.0),
    ("poora response 1 sec ke andar chahiye, embedding wala part max 200ms", 200.0),
    ("p95 не больше 80 мс", 80.0),
    ("pas d'exigence particulière", None),
    ("özel bir gereksinim yok", None)])
def test_the_latency_answer(text: str, expected: float | None) -> None:
    assert understand(text, "latency_p95_ms").updates["latency_p95_ms"] == expected


def test_a_model_name_names_no_domain_but_a_filing_does() -> None:
    assert "domain" not in understand("opowiedz coś więcej o jina-embeddings-v2-base-code", None).updates
    assert understand("it's for searching 10-Ks and 10-Qs", None).updates["domain"] == "finance"
