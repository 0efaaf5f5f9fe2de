"""The corpus count and the document length in every language (dev8b, issue 17).

Classes (see the header of tests/agent/data/dev8b_messages.yaml): a count with a content noun of any kind of
collection, pages that are the documents or pages spread over documents, things counted that are never documents
(stores, branches, people, languages), parts that add up, a figure taken back inside the message, containers times
the items indexed, and the length from words or characters per page, pages per document and an average beside a range.
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy

from agent.understanding import understand

DEV8B = accuracy.load_cases(accuracy.DATA / "dev8b_messages.yaml")


def test_the_corpus_and_length_set_holds_up() -> None:
    assert len(DEV8B) >= 150
    languages = {c["id"].split("-")[2] for c in DEV8B}
    assert {"en", "zh", "de", "fr", "es", "ja", "ko", "pt", "it", "nl", "pl", "sv", "tr", "ru", "hi"} <= languages
    ids = [c["id"] for c in DEV8B]
    assert len(set(ids)) == len(ids)
    result = accuracy.score(DEV8B)
    assert result["silent_wrong_fills"] == 0, [(o.case["id"], o.silent) for o in result["outcomes"] if o.silent]
    assert result["accuracy"] == 1.0, [(o.case["id"], o.problems) for o in result["outcomes"] if o.problems]


@pytest.mark.parametrize(("message", "docs"), [
    ("we have roughly 45k recipes", 45000), ("about 6,500 lessons", 6500), ("some 9,000 drug monographs", 9000),
    ("题库大概有80万道题", 800000), ("已经数字化了大约8万册", 80000), ("资料は2万点ほどです", 20000),
    ("商品数は約12万点です", 120000), ("unas 8.000 lecciones", 8000), ("environ 30 000 transcriptions", 30000),
    ("6 mil propiedades publicadas", 6000), ("circa 4.500 annunci", 4500), ("200 mil currículos", 200000),
    ("1,2 milhão de matérias", 1200000), ("rund 60.000 Inseraten", 60000), ("około 40 tys. ogłoszeń", 40000),
    ("ungefär 25 000 annonser", 25000), ("yaklaşık 30 bin ilan", 30000), ("около 50 тысяч объявлений", 50000),
    ("zo'n 20.000 woningadvertenties", 20000), ("전자책이 2만 권 정도", 20000)])
def test_a_count_of_any_content_noun_is_the_corpus(message: str, docs: int) -> None:
    assert understand(message).updates.get("corpus_docs") == docs


@pytest.mark.parametrize(("message", "asked", "want"), [
    ("~2.3k pages of docs, all english", None, {"corpus_docs": 2300}),
    ("the docs site has ~3k pages", None, {"corpus_docs": 3000}),
    ("Das sind ca. 1,2 Mio. Seiten in rund 15.000 Dokumenten.", None,
     {"corpus_docs": 15000, "doc_length_tokens": 40000}),
    ("ok j'ai vérifié : 1 234 567 pages, réparties en 42 000 documents", "corpus_docs", {"corpus_docs": 42000}),
    ("contracts are long, typically 40 pages", None, {"doc_length_tokens": 20000}),
    ("the manual is 300 pages", "doc_length_tokens", {"doc_length_tokens": 150000})])
def test_pages_that_are_documents_and_pages_spread_over_documents(message: str, asked: str | None,
                                                                   want: dict[str, int]) -> None:
    updates = understand(message, asked).updates
    assert {k: updates.get(k) for k in want} == want
    if "doc_length_tokens" not in want:
        assert "doc_length_tokens" not in updates


@pytest.mark.parametrize(("message", "docs"), [
    ("We're a pharmacy chain (~300 stores). About 9,000 monographs + 1,200 SOPs.", 10200),
    ("About 18,000 reports plus 2.5 million open-ended survey responses.", 2518000),
    ("이력서가 한 20만 건, 아 아니다 30만 건 정도 돼요", 300000), ("2万件、アッ違う、3万件です", 30000),
    ("circa 20 mila contratti, non anzi 30 mila", 30000), ("etwa 10.000 Verträge, nee, eher 14.000", 14000),
    ("20 тысяч договоров, ой нет, 30 тысяч", 30000), ("~12k courses, roughly 30 lessons each, we'd index per lesson",
                                                       360000)])
def test_parts_add_up_and_the_later_figure_wins(message: str, docs: int) -> None:
    assert understand(message).updates.get("corpus_docs") == docs


@pytest.mark.parametrize("message", [
    "we have 40 branches across the country", "지점이 80개 있어요", "매장이 250개 있고 직원은 4천 명 정도예요",
    "Tenemos 35 sucursales y unos 600 empleados", "全国に120店舗、従業員は約3,000名です"])
def test_stores_branches_and_people_are_no_documents(message: str) -> None:
    assert "corpus_docs" not in understand(message).updates


@pytest.mark.parametrize(("message", "tokens"), [
    ("a page is maybe 800 words incl. the code samples", 1040),
    ("everything from 1-page letters to 80-page agreements, avg maybe 10 pages", 5000),
    ("von 1 bis 60 Seiten, im Schnitt etwa 12 Seiten", 6000),
    ("de 2 à 80 pages, en moyenne une quinzaine de pages", 7500),
    ("от 1 до 100 страниц, в среднем около 12 страниц", 6000), ("每页大概800字，一般五六页", 4400),
    ("1ページあたり約1,000文字で、平均5ページくらいです", 5000), ("한 페이지에 800자 정도고 평균 3페이지예요", 2400),
    ("the queries average 8 words, docs are 2 pages", 1000)])
def test_the_length_from_text_per_page_and_a_stated_average(message: str, tokens: int) -> None:
    assert understand(message, "doc_length_tokens").updates.get("doc_length_tokens") == tokens


@pytest.mark.parametrize(("message", "asked", "want"), [
    ("Vrachtbrieven en CMR's, ongeveer 2 miljoen stuks, allemaal kort, zo'n halve pagina", None,
     {"corpus_docs": 2000000, "doc_length_tokens": 250}),
    ("eine halbe Seite", "doc_length_tokens", {"doc_length_tokens": 250}),
    ("반 페이지 정도", "doc_length_tokens", {"doc_length_tokens": 250}),
    ("論文は1本あたり英語で6000語程度です", "doc_length_tokens", {"doc_length_tokens": 7800}),
    ("刚才说错了，是15万页，不是15万份，一份大概10页", None, {"corpus_docs": 15000, "doc_length_tokens": 5000}),
    ("about 1.2M pages of scanned files, each file maybe 40 pages", None,
     {"corpus_docs": 30000, "doc_length_tokens": 20000}),
    ("about 300 PDFs, mostly 50-100 pages", "corpus_docs", {"corpus_docs": 300, "doc_length_tokens": 37500}),
    ("around 1.2M tickets, no wait, that count includes spam - call it 900k real ones", "corpus_docs",
     {"corpus_docs": 900000}),
    ("Engineering docs: specs, test reports, 8D reports. ~600k docs in Windchill.", None, {"corpus_docs": 600000}),
    ("한국어, 영어, 일본어, 태국어까지 6개 언어요", "languages", {})])
def test_pieces_half_pages_pages_per_document_and_names_with_figures(message: str, asked: str | None,
                                                                     want: dict[str, int]) -> None:
    updates = understand(message, asked).updates
    assert {k: updates[k] for k in ("corpus_docs", "doc_length_tokens") if k in updates} == want


@pytest.mark.parametrize(("message", "tokens"), [
    ("anywhere from a paragraph to 30 pages, most are around 3 pages", 1500),
    ("zwischen 5 und 50 Seiten, meistens so 10", 5000), ("entre 1 et 20 pages, la plupart font 3 pages", 1500),
    ("de 500 a 5.000 palabras, la media unas 1.200", 1560), ("短则几百字，长则上万字，一般三四千字", 3500),
    ("보통 2천 자 내외, 긴 건 2만 자", 2000), ("they vary a lot, typically 20 to 40 pages", 15000),
    ("mostly 1-2 pgs, a few longer contracts but those are rare", 750)])
def test_what_most_documents_are_beside_the_extremes(message: str, tokens: int) -> None:
    assert understand(message, "doc_length_tokens").updates.get("doc_length_tokens") == tokens


@pytest.mark.parametrize("message", [
    "ca. 30.000 Verträge, äh, nein, 35.000", "environ 20 000 contrats, pardon, 35 000",
    "约2万份合同，不好意思，是3.5万份",
    "契約書は約2万件、失礼、3万5千件です", "около 10 тысяч договоров, извините, 35 тысяч"])
def test_an_apology_takes_the_figure_back(message: str) -> None:
    assert understand(message).updates.get("corpus_docs") == 35000
