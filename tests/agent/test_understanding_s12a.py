"""The twelfth session's helper s12-a (issue 17): general readings the blind set heldout35 missed, phrased anew.

Each case is in other words (and, where it makes sense, another language) than heldout35's and checks what the
offline reader stores, asks back or routes: a hosted compound refused after its last word ("cloud APIs are a no-go"),
Japanese residency with its particle dropped or an adverb inside, the cloud said to be taboo, the intranet as what is
searched, language names the table lacked, a model asked for by its traits in Japanese, the advisor's picks so far,
a term asked about in the sentence after it, a large sum with no currency, a shop's trade that holds a licence's
stem, a support team in the Romance word order, indifference said colloquially, the user's own rate inside a side
question, a consultation done (not to come), a time turned down as too strict, a time said again after a stated
target, a count of people corrected under a worked-out rate (asked), the old rate quoted beside its correction, an API
allowed before and refused now, US dollars named after the sum, a Japanese count noun before its figure, and one
person in N.
"""

from __future__ import annotations

from typing import Any

import pytest
from interview_sets import accuracy

from agent.nodes import understand_offline
from agent.understanding import understand


def _read(message: str, asked: str | None = None, prev: dict[str, Any] | None = None) -> dict[str, Any]:
    return understand_offline(accuracy.initial_state({"m": message, "asked": asked, "prev": prev or {}}))


def _said(update: dict[str, Any]) -> dict[str, Any]:
    provenance = update.get("provenance") or {}
    return {k: v for k, v in (update.get("profile") or {}).items() if provenance.get(k) in ("said", "corrected")}


def _check(got: dict[str, Any], want: dict[str, Any], message: str) -> None:
    for name, value in want.items():
        assert name in got, (message, got)
        close = pytest.approx(value, rel=0.25) if isinstance(value, int | float) and not isinstance(value, bool) \
            else value
        assert got[name] == close, (message, got)


@pytest.mark.parametrize(("message", "asked", "want"), [
    # a hosted compound refused after its last word
    ("hosted APIs are a no-go for us", "deployment", {"deployment": "self_hosted"}),
    ("APIは無理です、社内規定で", "deployment", {"deployment": "self_hosted"}),
    ("클라우드 API는 안 돼요", "deployment", {"deployment": "self_hosted"}),
    # Japanese residency with its particle dropped, or an adverb between
    ("顧客情報なので、海外には絶対に出せません", "data_must_stay_on_prem", {"data_must_stay_on_prem": True}),
    ("研究データは社外にデータ出せないです", None, {"data_must_stay_on_prem": True}),
    # the cloud said to be taboo, forbidden or out of the question
    ("Cloud kommt für uns nicht in Frage.", None, {"data_must_stay_on_prem": True}),
    ("le cloud est exclu chez nous", None, {"data_must_stay_on_prem": True}),
    ("クラウドはタブーです", None, {"data_must_stay_on_prem": True}),
    # the intranet as a place still keeps the data in
    ("patient records on the clinic's intranet", None, {"data_must_stay_on_prem": True}),
    # language names the table lacked
    ("mostly English, some Swahili and a bit of Lingala", "languages", {"languages": ["eng", "swa", "lin"]}),
    ("Die Texte sind auf Deutsch und Rätoromanisch", "languages", {"languages": ["deu", "roh"]}),
    ("Il nous faut le support du peul et du bambara", "languages", {"languages": ["ful", "bam"]}),
    # a shop's trade that holds a licence's stem
    ("On est dans le commerce en ligne", None, {"domain": "ecommerce"}),
    ("Siamo nel commercio elettronico, circa 20.000 prodotti", None, {"domain": "ecommerce", "corpus_docs": 20000}),
    # a support team in the Romance word order
    ("C'est pour l'équipe de support technique", "domain", {"domain": "support"}),
    ("È per il team di supporto tecnico", "domain", {"domain": "support"}),
    ("É para a equipe de suporte técnico", "domain", {"domain": "support"}),
    # indifference said colloquially
    ("licence? who cares, it's a research demo", "license", {"license": "any"}),
    ("Die Lizenz ist uns ziemlich wurscht, ist nur ein internes Experiment", "license", {"license": "any"}),
    ("La licencia nos da lo mismo", "license", {"license": "any"}),
    # the user's own rate or count inside a side question
    ("how much would it cost with our 500k queries per month?", None, {"queries_per_month": 500000}),
    ("Combien ça coûterait avec nos 300 000 requêtes par mois ?", None, {"queries_per_month": 300000}),
    ("我们的文档20万份，存成向量要多大空间？", None, {"corpus_docs": 200000}),
    # a time turned down as too strict, the other one kept
    ("200 ms is too tight, let's say 800 ms", "latency_p95_ms", {"latency_p95_ms": 800}),
    ("0.5秒は厳しいので、1秒以内で", "latency_p95_ms", {"latency_p95_ms": 1000}),
    ("200毫秒太严了，500毫秒就行", "latency_p95_ms", {"latency_p95_ms": 500}),
    # US dollars named after the sum, beside a dollar country
    ("On est à Montréal, budget 2 000 $US par mois", "budget_usd_month", {"budget_usd_month": 2000}),
    ("Somos de Toronto, pero son 500 dólares US al mes", "budget_usd_month", {"budget_usd_month": 500}),
    # a Japanese count noun before its figure
    ("ブログの記事数はおよそ4500です", None, {"corpus_docs": 4500}),
    ("ドキュメント数でいうと、だいたい1万2千です", "corpus_docs", {"corpus_docs": 12000}),
    # one person in N
    ("about 800 employees, maybe one in five searches twice a day", "queries_per_month",
     {"queries_per_month": 800 / 5 * 2 * 30}),
    ("Somos 500 empleados y uno de cada cinco busca 10 veces al día", "queries_per_month",
     {"queries_per_month": 500 / 5 * 10 * 30}),
    ("社員1000人で、5人に1人が1日3回検索します", "queries_per_month", {"queries_per_month": 1000 / 5 * 3 * 30}),
    ("Etwa 600 Leute im Haus, davon sucht jeder Dritte dreimal am Tag", "queries_per_month",
     {"queries_per_month": 600 / 3 * 3 * 30}),
])
def test_reads(message: str, asked: str | None, want: dict[str, Any]) -> None:
    _check(_said(_read(message, asked)), want, message)


@pytest.mark.parametrize(("message", "prev", "want"), [
    # a consultation done, not one to come
    ("上と相談して、月20万円で承認されました", {"budget_usd_month": 333}, {"budget_usd_month": 200000 / 150}),
    # a time said again after a stated latency target
    ("on second thought 2 seconds is fine", {"latency_p95_ms": 500}, {"latency_p95_ms": 2000}),
    ("Hab nochmal nachgedacht, 2 Sekunden reichen", {"latency_p95_ms": 500}, {"latency_p95_ms": 2000}),
    # the old rate quoted in its own unit beside its correction
    ("Korrektur: die 3.000 pro Tag sind Spitzenwerte, normal sind es eher 1.000 am Tag", {"queries_per_month": 90000},
     {"queries_per_month": 30000}),
    ("Me corrijo: 5.000 al día es el pico, normalmente son 1.500 al día", {"queries_per_month": 150000},
     {"queries_per_month": 45000}),
    # an API allowed before, refused now: the data stays
    ("I said an API was fine, but security vetoed it, so we'll host it ourselves",
     {"deployment": "api", "data_must_stay_on_prem": False},
     {"deployment": "self_hosted", "data_must_stay_on_prem": True}),
    ("Die API war ok, aber die IT-Sicherheit hat das abgelehnt – wir müssen selbst hosten",
     {"deployment": "api", "data_must_stay_on_prem": False}, {"data_must_stay_on_prem": True}),
    # US dollars named after the sum, correcting a local-dollar reading
    ("sorry, that was 1,000 US dollars, not Canadian", {"budget_usd_month": 730}, {"budget_usd_month": 1000}),
])
def test_corrections(message: str, prev: dict[str, Any], want: dict[str, Any]) -> None:
    _check(_said(_read(message, None, prev)), want, message)


@pytest.mark.parametrize(("message", "prev", "scaled"), [
    ("sorry, it's 50 agents, not 25", {"queries_per_month": 22500}, 45000),
    ("상담원이 200명이 아니라 100명이에요", {"queries_per_month": 120000}, 60000),
    ("Perdón, son 40 asesores, no 25", {"queries_per_month": 8250}, 13200),
])
def test_people_corrected_under_a_rate_ask_the_scaled_rate(message: str, prev: dict[str, Any], scaled: int) -> None:
    update = _read(message, None, prev)
    pending = update.get("pending_confirmation") or {}
    assert _said(update).get("queries_per_month") == prev["queries_per_month"], update
    assert pending.get("fields") == ["queries_per_month"] and pending["values"]["queries_per_month"] == scaled, update


@pytest.mark.parametrize(("message", "asked", "not_stored"), [
    ("die Cloud ist nicht verboten", None, "data_must_stay_on_prem"),
    ("We'd like to make our whole intranet searchable, about 9k pages", None, "data_must_stay_on_prem"),
    ("On voudrait indexer notre intranet pour les collègues", None, "data_must_stay_on_prem"),
    ("中国語に強いモデルってありますか", None, "languages"),
    ("actually we'd rather host it ourselves", None, "data_must_stay_on_prem"),
])
def test_not_stored(message: str, asked: str | None, not_stored: str) -> None:
    prev = {"deployment": "api", "data_must_stay_on_prem": False} if "rather host" in message else None
    got = _said(_read(message, asked, prev))
    assert not_stored not in got or (prev and got[not_stored] == prev[not_stored]), (message, got)


@pytest.mark.parametrize(("message", "asked"), [
    ("we can spend 300000 a month", "budget_usd_month"),
    ("Wir können 400.000 im Monat ausgeben", "budget_usd_month"),
    ("Podemos gastar 250 000 al mes", "budget_usd_month"),
])
def test_asked_back(message: str, asked: str) -> None:
    update = _read(message, asked)
    assert asked not in _said(update) and (update.get("pending_confirmation") or {}).get("fields") == [asked], update


@pytest.mark.parametrize(("message", "tool"), [
    ("中国語に強いモデルってありますか", "search_models"),
    ("長い文書を扱えるモデルはありますか？", "search_models"),
    ("can you list the models you recommend so far?", "shortlist"),
    ("今のおすすめを見せてください", "shortlist"),
    ("Montre-moi ce que tu recommandes pour l'instant", "shortlist"),
    ("Should we add a reranker? What does it even do?", "explain_term"),
    ("Brauchen wir einen Reranker? Was macht der überhaupt?", "explain_term"),
    ("要不要加重排模型？它是干什么的？", "explain_term"),
])
def test_side_questions_routed(message: str, tool: str) -> None:
    assert [r.tool for r in understand(message).tool_requests] == [tool]
