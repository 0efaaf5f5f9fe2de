"""The fourteenth session's second class round (s14-b, issue 17): Slack and Teams threads that switch languages.

Each case is phrased anew (not the blind set heldout45's words) and checks what the offline reader stores, asks back
or routes: Tagalog and Taglish read with a block of their own (each, per day, number words before a noun, the cloud
allowed, the licence, an API chosen, "ano ba ang ..."); a way of speaking named for its two languages ("Spanglish",
"franglais", "Manglish"); Malay "tak boleh keluar", "bajet kosong", "Melayu dan Inggeris" and "model apa yang
support ..."; the cloud said to be no option ("cloud geht nicht", "not an option"); Singlish and Taglish sums asked
for their currency; chat abbreviations ("w/", "3rd party"); a period said as an adjective ("quotidiennes",
"tägliche", "dagelijkse", "daily"); an average said after its figure beside a peak; a part quoted and the rest added;
a retraction that quotes the old count and gives the new one; a year after its preposition; a card's copula before
"on-prem" and a time "ke andar" are no data rule; a don't-know with "luego" ranks nothing.
"""

from __future__ import annotations

from typing import Any

import pytest
from interview_sets import assert_reads, read, said


@pytest.mark.parametrize(("message", "asked", "want"), [
    # Tagalog and Taglish
    ("mga 150 nurses, tig-10 searches bawat araw", "queries_per_month", {"queries_per_month": 150 * 10 * 30}),
    ("maiikli lang, mga dalawang pages bawat isa", "doc_length_tokens", {"doc_length_tokens": 1000}),
    ("ok lang na i-upload sa cloud, walang sensitive info", "data_must_stay_on_prem",
     {"data_must_stay_on_prem": False}),
    ("hindi namin ibebenta yung app, kahit anong lisensya pwede", "license", {"license": "any"}),
    ("API na lang, para hindi na kami mag-manage ng GPU", "deployment", {"deployment": "api"}),
    # a way of speaking named for its two languages; Cebuano
    ("karamihan Taglish, konting Bisaya", "languages", {"languages": ["fil", "eng", "ceb"]}),
    ("the reviews come in Spanglish", "languages", {"languages": ["spa", "eng"]}),
    ("nos tickets sont en franglais", "languages", {"languages": ["fra", "eng"]}),
    ("lots of Manglish in the chats", "languages", {"languages": ["msa", "eng"]}),
    # Malay
    ("data pelanggan tak boleh keluar Malaysia", "data_must_stay_on_prem", {"data_must_stay_on_prem": True}),
    ("bajet kosong, kami guna GPU sendiri", "budget_usd_month", {"budget_usd_month": 0}),
    ("budget zero, it's a thesis project", None, {"budget_usd_month": 0}),
    ("kami ada sekitar 20rb dokumen, bahasa Melayu dan Inggeris", None, {"languages": ["msa", "eng"]}),
    # the cloud said to be no option ("geht nicht" glossed "geht not")
    ("wir haben so 12k PDFs, cloud geht nicht wegen DSGVO", None, {"data_must_stay_on_prem": True}),
    ("cloud is not an option for us, HIPAA", "data_must_stay_on_prem", {"data_must_stay_on_prem": True}),
    # Singlish and chat abbreviations
    ("cannot go out of Singapore one, MAS rules", None, {"data_must_stay_on_prem": True}),
    ("compliance says no 3rd party APIs", None, {"data_must_stay_on_prem": True}),
    ("we'd prefer self-hosting if possible", None, {"deployment": "self_hosted"}),
    # a period as an adjective, an average said after its figure beside a peak
    ("environ 2000 recherches quotidiennes", "queries_per_month", {"queries_per_month": 60000}),
    ("ca. 2000 tägliche Suchanfragen", "queries_per_month", {"queries_per_month": 60000}),
    ("zo'n 2000 dagelijkse zoekvragen", "queries_per_month", {"queries_per_month": 60000}),
    ("around 2000 daily lookups", "queries_per_month", {"queries_per_month": 60000}),
    ("en moyenne 8 requêtes par seconde, avec des pointes à 60", "queries_per_month",
     {"queries_per_month": 8 * 2592000}),
    ("unas 20k consultas al día en pico, pero el promedio anda en 5k diarias", "queries_per_month",
     {"queries_per_month": 150000}),
    # hardware in the user's own server room; an API chosen in Japanese
    ("两张A100 80G，放在公司自己机房，不是租的", "hardware", {"hardware": {"accelerator": "A100-80GB"}}),
    ("APIで大丈夫です、自分たちでサーバーを管理したくないので", "deployment", {"deployment": "api"}),
])
def test_a_code_switched_answer_is_read(message: str, asked: str | None, want: dict[str, Any]) -> None:
    assert_reads(message, asked, want)


@pytest.mark.parametrize(("message", "prev", "want"), [
    ("sorry, the 3,000 are only the manuals, there are 5,000 more tickets", {"corpus_docs": 3000}, 8000),
    ("ojo, los 4.000 son solo los contratos, hay 6.000 anexos más", {"corpus_docs": 4000}, 10000),
    ("scratch that, 8k was just one team. w/ the rest it's more like 30k", {"corpus_docs": 8000}, 30000),
    ("the 5k was only the Berlin office, with Munich it's closer to 12k", {"corpus_docs": 5000}, 12000),
    ("correction: closer to 40k tickets, forgot the ones from 2022", {"corpus_docs": 30000}, 40000),
])
def test_a_corrected_count_is_read(message: str, prev: dict[str, Any], want: int) -> None:
    got = said(read(message, None, prev))
    assert got.get("corpus_docs") == pytest.approx(want, rel=0.05), (message, got)
    assert "data_must_stay_on_prem" not in got and "domain" not in got, got


@pytest.mark.parametrize(("message", "asked"), [
    ("budget maybe 800 a month lah", "budget_usd_month"),  # Singapore or US dollars?
    ("mga 30k a month siguro", "budget_usd_month"),  # pesos or dollars?
    ("unos cuantos miles... no, si metemos los correos pueden ser cientos de miles", "corpus_docs"),
    ("ファイルは5000くらい…いや、メールも含めるなら数十万件かも", "corpus_docs"),
])
def test_an_open_reading_is_asked_back(message: str, asked: str) -> None:
    update = read(message, asked)
    assert update.get("pending_confirmation"), (message, said(update))


@pytest.mark.parametrize(("message", "asked", "field"), [
    ("hamare paas do L4 hain on-prem, khud ke", "hardware", "data_must_stay_on_prem"),
    ("1 sec ke andar rehna chahiye", "latency_p95_ms", "data_must_stay_on_prem"),
    ("ni idea del costo, luego vemos", "budget_usd_month", "priorities"),
])
def test_a_word_beside_another_field_states_nothing(message: str, asked: str, field: str) -> None:
    assert field not in said(read(message, asked))


@pytest.mark.parametrize(("message", "tool"), [
    ("ano ba ang hybrid search?", "explain_term"),
    ("model apa yang support bahasa Jawa dengan baik?", "search_models"),
])
def test_a_side_question_is_routed(message: str, tool: str) -> None:
    update = read(message, None)
    assert tool in [t.get("tool") for t in update.get("pending_tools") or []]
    assert "languages" not in said(update)
