"""The domain read from how an organisation describes itself (dev8a), in every language of the lexicon.

Classes (see the header of tests/agent/data/dev8a_messages.yaml): finance, medical, legal, code, scientific, ecommerce
and support organisations said by name ("Pensionskasse", "rede de farmácias", "小律所", "연기금 운용사"), organisations
the schema does not list stored as general ("Spedition", "市场调研公司", "人材紹介会社"), and the silent side: a domain
word that only says where the data is, who decides or who is counted names no domain.
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy

from agent.understanding import understand

DEV8A = accuracy.load_cases(accuracy.DATA / "dev8a_messages.yaml")


def test_the_organisation_set_holds_up() -> None:
    assert len(DEV8A) >= 150
    languages = {c["id"].split("-")[2] for c in DEV8A}
    assert {"en", "zh", "de", "fr", "es", "pt", "it", "ja", "ko", "nl", "pl", "sv", "tr", "ru", "hi"} <= languages
    assert len({c["id"] for c in DEV8A}) == len(DEV8A)
    result = accuracy.score(DEV8A)
    domains = [o for o in result["outcomes"] if "domain" in (o.case.get("expect") or {}) or "domain" in (
        o.case.get("not") or [])]
    wrong = [(o.case["id"], p) for o in domains for p in o.problems + o.silent if p.startswith("domain")]
    assert not wrong, wrong
    # every domain is right; the misses left are other readers' (a count after a noun the count reader does not know:
    # "40.000 Urkunden", "2.000 annunci", "150 000 CV"; residency said in Japanese/Korean/Chinese): a new miss fails
    known = {"a8-med-fr-3", "a8-med-pt-2", "a8-leg-en-2", "a8-leg-zh-1", "a8-leg-de-2", "a8-leg-it-2", "a8-leg-nl-2",
             "a8-code-en-2", "a8-code-zh-1", "a8-shop-zh-1", "a8-shop-de-1", "a8-shop-fr-1", "a8-shop-pt-1",
             "a8-shop-it-1", "a8-shop-pl-1", "a8-shop-ru-1", "a8-gen-en-6", "a8-gen-en-8", "a8-gen-de-2", "a8-gen-de-4",
             "a8-gen-fr-3", "a8-gen-es-3", "a8-gen-pt-2", "a8-gen-it-3", "a8-gen-sv-2", "a8-gen-ru-2", "a8-sil-zh-2",
             "a8-sil-ja-1", "a8-sil-ko-1", "a8-sil-en-7",
             # other readers' silent fills: "院内マニュアル" read as a residency rule, "commercially sensitive" as a
             # commercial licence
             "a8-med-ja-2", "a8-sil-en-1"}
    missed = {o.case["id"] for o in result["outcomes"] if o.problems or o.silent}
    assert missed <= known, sorted(missed - known)
    silent = [(o.case["id"], o.silent) for o in result["outcomes"] if o.silent and o.case["id"] not in known]
    assert not silent, silent
    assert result["accuracy"] >= 0.89, f"{result['accuracy']:.1%}"


@pytest.mark.parametrize(("text", "domain"), [
    ("We're a Dutch pension fund. Looking to index our investment committee minutes", "finance"),
    ("Wir sind eine Pensionskasse in Zürich. Budget etwa 2'000 CHF im Monat.", "finance"),
    ("Trabajo en una AFP en Chile (administradora de fondos de pensiones).", "finance"),
    ("我们是一家企业年金管理机构，要检索投资研究报告和合规文件", "finance"),
    ("저희는 연기금 운용사인데 투자 보고서 검색을 하려고 합니다", "finance"),
    ("Somos uma rede de farmácias no Brasil, 850 lojas.", "medical"),
    ("Gestiamo 40 farmacie in Lombardia", "medical"),
    ("Uniklinik, wir wollen die AWMF-Leitlinien durchsuchbar machen", "medical"),
    ("Kleine Kanzlei in Wien, drei Anwälte. Rund 12.000 Akten.", "legal"),
    ("我们是一家小律所，就十来个人", "legal"),
    ("弊社SaaSのAPIドキュメントを検索できるチャットボットを作りたいです。", "code"),
    ("Wir sind ein Forschungsinstitut für Materialwissenschaften", "scientific"),
    ("Ich bin in der IT eines Universitätsklinikums", "medical"),
    ("fintech, compliance team. We need to search regulations (FCA handbook, EBA guidelines)", "finance"),
])
def test_the_organisation_names_a_listed_domain(text: str, domain: str) -> None:
    assert understand(text).updates.get("domain") == domain


@pytest.mark.parametrize("text", [
    "Market research agency, ~80 ppl. We want to search past reports, survey verbatims and focus-group transcripts.",
    "我们是市场调研公司，想检索历年的调研报告和访谈记录", "我们是市图书馆，想做古籍和地方志的检索",
    "Spedition in Hamburg, es geht um Zolldokumente", "Recruitment agency, 40 consultants. We want to match CVs.",
    "헤드헌팅 회사인데 이력서가 30만 건 정도 돼요", "市立図書館です。郷土資料を検索できるようにしたい",
    "We run a news aggregator, ~25k articles a day", "Inmobiliaria en Buenos Aires, queremos un buscador inteligente",
    "We're a food bank network and want volunteers to search our guidelines", "我们是一家基金会，想检索项目报告"])
def test_an_unlisted_organisation_is_general(text: str) -> None:
    assert understand(text).updates.get("domain") == "general"


@pytest.mark.parametrize(("text", "asked"), [
    ("医疗数据绝对不能出医院内网", "data_must_stay_on_prem"),
    ("病人数据绝对不能出医院的内网", "data_must_stay_on_prem"),
    ("Patientendaten dürfen das Klinikum nicht verlassen", "data_must_stay_on_prem"),
    ("the pricing is commercially sensitive so it has to stay on our own servers", "data_must_stay_on_prem"),
    ("市场调研报告大概五千份", "corpus_docs"), ("finance signed off on $800 a month", "budget_usd_month"),
    ("somos universidad pública, uso académico sin fines de lucro", "license"),
    ("我们是政府单位，不做商用，开源的都行", "license")])
def test_a_domain_word_beside_another_answer_names_no_domain(text: str, asked: str) -> None:
    assert "domain" not in understand(text, asked).updates


@pytest.mark.parametrize("text", [
    "thesis project at my university, nothing commercial", "这是高校的科研项目，不涉及商用",
    "it's an academic project under a non-profit", "OpenAI is off the table for compliance reasons",
    "our compliance team forbids third-party APIs"])
def test_an_organisation_given_as_a_reason_names_no_domain(text: str) -> None:
    assert "domain" not in understand(text).updates


def test_the_organisations_served_are_not_the_user() -> None:
    text = "我们是做智能客服 SaaS 的，想给机器人做知识库检索（RAG），客户主要是银行和运营商"
    assert understand(text).updates.get("domain") == "support"


@pytest.mark.parametrize("text", [
    "We're a furniture manufacturer in Ohio", "Wir sind ein Möbelhersteller aus Bayern", "Somos una empresa de muebles",
    "我们是一家做家具的公司", "家具メーカーです。", "가구 회사입니다.",
    "We're a water utility, want to search asset records",
    "We are an engineering consultancy, 200 staff"])
def test_an_organisation_of_an_unlisted_trade_is_general(text: str) -> None:
    assert understand(text).updates.get("domain") == "general"


@pytest.mark.parametrize("text", [
    "We're a mid-size company with about 40k internal documents", "We are a German startup", "我们是一家科技公司",
    "我们是一家德国公司，文档都是德语", "저희는 작은 회사인데요", "We're a B2B SaaS company"])
def test_a_company_without_a_trade_names_no_domain(text: str) -> None:
    assert "domain" not in understand(text).updates


@pytest.mark.parametrize(("text", "domain"), [
    ("Jesteśmy bankiem spółdzielczym, chcemy przeszukiwać regulaminy", "finance"),
    ("Siamo una software house di Bologna e vogliamo cercare nella documentazione delle API", "code"),
    ("Je bosse dans une banque privée à Genève", "finance"), ("弊社は地方銀行です。", "finance"),
    ("two call centres, 80 agents each, and every agent runs ~20 lookups a shift", None)])
def test_more_organisations(text: str, domain: str | None) -> None:
    assert understand(text).updates.get("domain") == domain


@pytest.mark.parametrize("text", [
    "Bir üniversite hastanesinde çalışıyorum", "Jag jobbar på ett universitetssjukhus",
    "Я работаю в университетской клинике", "大学病院の情報システム部です",
    "我在北京大学第一医院信息中心", "저는 대학교 병원에서 일합니다",
    "Ich bin in der IT eines Universitätsklinikums", "Somos un hospital universitario"])
def test_a_university_hospital_is_medical(text: str) -> None:
    assert understand(text).updates.get("domain") == "medical"
