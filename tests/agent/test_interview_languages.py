"""The languages field of the offline interview: names in many languages, codes in lists, add/replace/remove, unknowns.

The set tests/agent/data/dev7f_messages.yaml (by class, in 14 languages) must read 100% right with no silent wrong
fill; the unit cases below pin each class on its own.
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy
from langchain_core.messages import HumanMessage

from agent.nodes import understand_offline
from agent.understanding import understand
from knowledge.languages import known_languages, normalise_language

DEV7F = accuracy.load_cases(accuracy.DATA / "dev7f_messages.yaml")


def _languages(message: str, asked: str | None = None, prev: list[str] | None = None) -> list[str] | None:
    state = {"profile": {"languages": prev} if prev else {}, "provenance": {"languages": "said"} if prev else {},
             "asked_field": asked, "messages": [HumanMessage(message)], "turn": 1, "reply_language": "en"}
    update = understand_offline(state)
    return update["profile"].get("languages") if update["provenance"].get("languages") else None


def test_the_languages_set_reads_right_without_silent_fills() -> None:
    assert len(DEV7F) >= 100
    assert {c["id"].split("-")[1] for c in DEV7F} >= {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "sv", "tr", "ru",
                                                     "ja", "ko", "zh"}
    result = accuracy.score(DEV7F)
    assert result["silent_wrong_fills"] == 0, [(o.case["id"], o.silent) for o in result["outcomes"] if o.silent]
    assert result["accuracy"] == 1.0, [(o.case["id"], o.problems) for o in result["outcomes"] if o.problems]


def test_the_table_names_each_language_once_with_its_english_name_first() -> None:
    languages = known_languages()
    assert len(languages) >= 100
    for lang in languages:
        assert lang.names[0].isascii(), lang.code
        for name in lang.words:
            assert normalise_language(name).code == lang.code, name
    assert normalise_language("yue").code == normalise_language("lzh").code == "zho"


@pytest.mark.parametrize(("message", "codes"), [
    ("Englisch", ["eng"]), ("anglais", ["eng"]), ("inglés", ["eng"]), ("inglese", ["eng"]), ("inglês", ["eng"]),
    ("Engels", ["eng"]), ("angielski", ["eng"]), ("engelska", ["eng"]), ("İngilizce", ["eng"]),
    ("английский", ["eng"]), ("英語", ["eng"]), ("영어", ["eng"]), ("英语", ["eng"]),
    ("euskera", ["eus"]), ("galego", ["glg"]), ("Cymraeg", ["cym"]), ("Gaeilge", ["gle"]), ("hrvatski", ["hrv"]),
    ("казахский", ["kaz"]), ("Özbekçe", ["uzb"]), ("粤语", ["zho"]), ("文言文", ["zho"]), ("Tagalog", ["fil"]),
    ("Kiswahili", ["swa"]), ("मराठी", ["mar"]), ("ਪੰਜਾਬੀ", ["pan"]), ("ગુજરાતી", ["guj"]),
])
def test_a_language_is_known_by_its_names_in_many_languages(message: str, codes: list[str]) -> None:
    assert understand(message, "languages").updates.get("languages") == codes


@pytest.mark.parametrize(("message", "asked", "codes"), [
    ("Wir sind Maschinenbauer, die Handbücher gibt es auf DE, EN, IT und PL", None, ["deu", "eng", "ita", "pol"]),
    ("EN/DE/FR/NL", "languages", ["eng", "deu", "fra", "nld"]),
    ("en+es", "languages", ["eng", "spa"]),
    ("zh-CN/zh-TW", "languages", ["zho"]),
    ("pt-BR", "languages", ["por"]),
    ("Sprachen: de, en", None, ["deu", "eng"]),
])
def test_codes_count_in_a_list_of_codes(message: str, asked: str | None, codes: list[str]) -> None:
    assert understand(message, asked).updates.get("languages") == codes


@pytest.mark.parametrize("message", [
    "the IT department runs it", "IT and HR use the search", "we have offices in DE and FR",
    "data must stay in the UK/EU", "la base de datos es de 2019", "no, it is not real-time", "hi-fi audio manuals",
])
def test_ordinary_words_and_countries_are_not_codes(message: str) -> None:
    u = understand(message)
    assert "languages" not in u.updates and not u.add_languages


@pytest.mark.parametrize(("message", "prev", "after"), [
    ("oh and I forgot Spanish, about a third of the tickets are in Spanish", ["eng"], ["eng", "spa"]),
    ("plus some French", ["eng"], ["eng", "fra"]),
    ("we also have Japanese, Korean, Vietnamese and Thai manuals", ["eng"], ["eng", "jpn", "kor", "vie", "tha"]),
    ("auch Französisch", ["deu"], ["deu", "fra"]),
    ("还有一点日文", ["zho", "eng"], ["zho", "eng", "jpn"]),
    ("英語もあります", ["jpn"], ["jpn", "eng"]),
    ("only English", ["eng", "deu"], ["eng"]),
    ("just German", ["eng"], ["deu"]),
    ("nur Deutsch", ["deu", "eng"], ["deu"]),
    ("no Japanese after all", ["eng", "jpn"], ["eng"]),
    ("replace Dutch with Danish", ["eng", "nld"], ["eng", "dan"]),
    ("Französisch brauchen wir doch nicht", ["deu", "fra"], ["deu"]),
    ("We might add Japanese later", ["eng"], ["eng"]),
    ("the German ones are the important ones", ["eng", "deu"], ["eng", "deu"]),
    ("we only have 500 docs, also in French", ["eng"], ["eng", "fra"]),
    ("不要日语了", ["zho", "jpn"], ["zho"]),
])
def test_a_mention_adds_replaces_or_removes(message: str, prev: list[str], after: list[str]) -> None:
    assert _languages(message, prev=prev) == after


@pytest.mark.parametrize(("message", "name"), [
    ("Russian and Chuvash", "Chuvash"), ("English, Spanish and Aymara", "Aymara"),
    ("на русском и чувашском", "чувашском"), ("日本語とアイヌ語", "アイヌ語"), ("中文和彝语", "彝语"),
    ("Deutsch und Sorbisch", "Sorbisch")])
def test_an_unknown_language_name_stores_nothing_and_is_named_in_the_reply(message: str, name: str) -> None:
    state = {"profile": {}, "provenance": {}, "asked_field": "languages", "messages": [HumanMessage(message)],
             "turn": 1, "reply_language": "en"}
    update = understand_offline(state)
    assert "languages" not in update["profile"]
    assert any(name in note for note in update["notes"]), update["notes"]


@pytest.mark.parametrize("message", [
    "we have a French team that maintains the index", "we currently use multilingual-e5-large",
    "is bert-base-german-cased any good?", "our main office is in Spain", "we are a German company",
    "we tried text2vec-base-chinese", "our customers are mostly Polish and Czech companies",
    "the Spanish market is our biggest", "Wir haben Büros in Italien", "nous sommes une entreprise française",
    "polish the ranking please",
])
def test_not_a_language_statement(message: str) -> None:
    u = understand(message)
    assert "languages" not in u.updates and not u.add_languages


def test_customer_emails_in_a_language_are_a_language_statement() -> None:
    assert understand("Spanish and Portuguese customer emails").updates["languages"] == ["spa", "por"]
