"""The categorical statements of the offline reader (dev7a): domain, residency, deployment and licence.

Classes (see the header of tests/agent/data/dev7a_messages.yaml): a domain read only from a self-description when
another field was asked, users counted for a rate name no domain (the organisation's own staff does), domains said
indirectly in every language, residency rules in every language and their silent opposites, an API preferred over
hosting, and a statement taken back inside the message.
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy

from agent.understanding import understand

DEV7A = accuracy.load_cases(accuracy.DATA / "dev7a_messages.yaml")


def test_the_categorical_set_holds_up() -> None:
    assert len(DEV7A) >= 100
    languages = {c["id"].split("-")[2] for c in DEV7A}
    assert {"en", "zh", "de", "fr", "es", "pt", "it", "ja", "ko", "nl", "ru"} <= languages
    assert len({c["id"] for c in DEV7A}) == len(DEV7A)
    result = accuracy.score(DEV7A)
    assert result["silent_wrong_fills"] == 0, [(o.case["id"], o.silent) for o in result["outcomes"] if o.silent]
    # every field of these classes is right; the misses left are other readers' (a count after its Russian or
    # trailing Portuguese noun, "unter einer Sekunde", "2 000 fois par mois"): a new miss fails here
    known = {"a-dd-pt-1", "a-di-ru-1", "a-di-ru-2", "a-ds-de-3", "a-ds-fr-3"}
    missed = {o.case["id"] for o in result["outcomes"] if o.problems}
    assert missed <= known, sorted(missed - known)
    assert result["accuracy"] >= 0.97, f"{result['accuracy']:.1%}"


@pytest.mark.parametrize(("text", "asked"), [
    ("contracts are long, typically 25-40 pages", "doc_length_tokens"),
    ("a second is fine, lawyers are patient lol", "latency_p95_ms"),
    ("not sure yet, finance hasn't decided", "budget_usd_month"),
    ("sending the code to OpenAI is fine, it's open source anyway", "data_must_stay_on_prem"),
    ("每个商品描述大概300字左右", "doc_length_tokens"),
    ("uns 1,2 milhão de tickets antigos", "corpus_docs"),
    ("Données de santé : hébergement HDS obligatoire, rien ne sort de nos serveurs", "data_must_stay_on_prem")])
def test_an_answer_to_another_question_names_no_domain(text: str, asked: str) -> None:
    assert "domain" not in understand(text, asked).updates


@pytest.mark.parametrize(("text", "asked", "domain"), [
    ("We run a support chatbot over help-center articles", None, "support"),
    ("We're a law firm building search over contracts", None, "legal"),
    ("we're a regional bank, about 90k internal policy documents", "corpus_docs", "finance"),
    ("我们是一家律所，合同大概有十万份", "corpus_docs", "legal"),
    ("just English. the code itself is mostly Python and Go", "languages", "code"),
    ("contracts", "domain", "legal")])
def test_a_self_description_or_an_opener_names_the_domain(text: str, asked: str | None, domain: str) -> None:
    assert understand(text, asked).updates.get("domain") == domain


@pytest.mark.parametrize(("text", "domain"), [
    ("600 clinicians, about 15 lookups each per day", None),
    ("Una ventina di avvocati, ognuno fa 10 ricerche al giorno", None),
    ("弁護士40人が1日10回検索します", None), ("几十个律师，每人每天查10次左右", None),
    ("our 60 lawyers search maybe 15 times a day each", "legal"),
    ("tenemos 25 abogados, cada uno busca 12 veces al día", "legal"),
    ("我们有80个律师，每人每天查15次", "legal"), ("the bot should be patient with confused users", None)])
def test_users_counted_for_a_rate_name_no_domain_unless_they_are_the_staff(text: str, domain: str | None) -> None:
    assert understand(text).updates.get("domain") == domain


@pytest.mark.parametrize(("text", "domain"), [
    ("Wir sind Maschinenbauer und wollen unseren Kundensupport mit RAG über Wartungshandbücher unterstützen",
     "support"),
    ("We zijn een universiteit, ongeveer 1,2 miljoen wetenschappelijke artikelen", "scientific"),
    ("У нас около 2 млн научных статей", "scientific"),
    ("게임 회사인데 사내 코드 검색용 RAG를 만들려고 합니다", "code"),
    ("Somos una aseguradora en México", "finance"), ("Wir sind eine Landesbehörde", "general"),
    ("prior-art search over ~3M US patents", "legal"), ("特許公報が約80万件", "legal"),
    ("弊社は産業機械メーカーで、保守マニュアルを検索したい", "support")])
def test_domains_said_indirectly(text: str, domain: str) -> None:
    assert understand(text).updates.get("domain") == domain


@pytest.mark.parametrize("text", [
    "Absolutely nothing client-related leaves our own servers.", "数据必须留在境内，不能出我们自己的机房",
    "個人情報が含まれるので、社外には出せません", "社外にデータを出すことはできません", "rien ne sort de nos serveurs",
    "I dati dei clienti non possono uscire dal nostro server in ufficio", "PHI can't go to any third-party API",
    "Nichts darf unser Rechenzentrum verlassen", "we draaien alles op eigen servers, niets mag naar de cloud",
    "данные не могут покидать наш контур"])
def test_residency_rules_in_every_language(text: str) -> None:
    assert understand(text, "data_must_stay_on_prem").updates.get("data_must_stay_on_prem") is True


@pytest.mark.parametrize(("text", "asked"), [
    ("Two on-prem servers, 8x H100 each", "hardware"),
    ("Clinical decision support for a hospital network: about 300k discharge summaries", None),
    ("we're a clinic with about 20k patient letters", None)])
def test_owned_servers_and_a_clinical_domain_are_no_residency_rule(text: str, asked: str | None) -> None:
    assert "data_must_stay_on_prem" not in understand(text, asked).updates


def test_data_that_may_go_to_a_cloud_provider_may_leave() -> None:
    text = "Les données peuvent partir chez un fournisseur cloud, ce sont des articles déjà publiés"
    assert understand(text).updates.get("data_must_stay_on_prem") is False


@pytest.mark.parametrize(("text", "deployment"), [
    ("we'd much rather call an API than host a model ourselves", "api"),
    ("we'd rather host it ourselves than pay for an API", "self_hosted"),
    ("an API instead of hosting anything ourselves", "api")])
def test_the_side_preferred_is_the_deployment(text: str, deployment: str) -> None:
    updates = understand(text, "deployment").updates
    assert updates.get("deployment") == deployment and "data_must_stay_on_prem" not in updates


@pytest.mark.parametrize(("text", "licence"), [
    ("licence doesn't matter... no wait, it does, this ships in a paid product", "commercial"),
    ("any licence is fine -- actually no, this ships in a paid app", "commercial"),
    ("commercial, no wait, it's only a research prototype", "any"),
    ("licence doesn't matter... no wait, let me check with legal", None)])
def test_the_later_statement_wins(text: str, licence: str | None) -> None:
    assert understand(text, "license").updates.get("license") == licence


def test_a_figure_taken_back_keeps_the_rule_said_before_it() -> None:
    updates = understand("data must stay on-prem and the budget is 500, no wait, 800 a month").updates
    assert updates.get("data_must_stay_on_prem") is True and updates.get("budget_usd_month") == 800


@pytest.mark.parametrize("text", [
    "nothing GPL or non-commercial, legal will kill it", "our compliance team will kill anything GPL or non-commercial",
    "procurement says we can't use anything AGPL", "compliance said no to anything under CC-BY-NC",
    "our data science team says it must be MIT or Apache", "Bitte nur Modelle mit Apache- oder MIT-Lizenz",
    "Die Rechtsabteilung wird nichts mit GPL-Lizenz akzeptieren", "只能用Apache或者MIT协议的模型", "不能用GPL的"])
def test_a_restrictive_licence_banned_or_a_permissive_one_demanded_is_commercial_use(text: str) -> None:
    assert understand(text, "license").updates.get("license") == "commercial"


@pytest.mark.parametrize("text", ["nur Server mit 8 GB RAM", "GPL is fine for us", "Modelle mit oder ohne GPU"])
def test_a_licence_word_that_bans_nothing_is_no_licence(text: str) -> None:
    assert understand(text).updates.get("license") != "commercial"


@pytest.mark.parametrize(("text", "asked", "domain"), [
    ("English and German; it's legal documents", "languages", "legal"),
    ("English only, they're mostly product pages", "languages", "ecommerce"),
    ("they're contracts, roughly 40k of them", "corpus_docs", None),
    ("sending the code to OpenAI is fine, it's all open source anyway", "data_must_stay_on_prem", None),
    ("sending the contracts to OpenAI is fine, it's all public filings anyway", "data_must_stay_on_prem", None)])
def test_what_the_documents_are_beside_another_answer(text: str, asked: str, domain: str | None) -> None:
    assert understand(text, asked).updates.get("domain") == domain
