"""The thirteenth session's classes from the blind set heldout43 (enterprise e-mail and ticket style, ten languages).

Each case is phrased anew (other words than the set's, in other languages of the tables) and checks what the offline
reader stores, asks back or routes: a data rule said by its parts (an obligation, a verb of staying and a place of the
user's own or the country; a refusal of leaving; an outside cloud refused) in every language, and a cloud service
allowed; both hosting sides allowed by a correlative; a month shortened to "p/m"; each counted thing holding a
quantity of other things, whatever the nouns; two currencies named and neither beside the sum, an Arabic or Hinglish
sum with no currency; "non-commercial" with another language's prefix; a wider allocation's share by the year; the
Gulf's working week; a hedged larger magnitude after the counted noun; a follow-up saying the whole language list.
"""

from __future__ import annotations

from typing import Any

import pytest
from interview_sets import assert_reads, read, said

from agent import understanding_residency as R

_RESIDENCY = [
    # an obligation, a verb of staying or storing, a place of the user's own or the country
    ("Tutti i documenti devono rimanere sui nostri server aziendali.", True),
    ("Los expedientes deben permanecer almacenados en nuestro centro de datos.", True),
    ("Tài liệu bắt buộc phải lưu trữ tại Việt Nam.", True),
    ("Semua arsip wajib disimpan di server internal perusahaan.", True),
    ("Документы должны храниться только на своих серверах.", True),
    ("Our files have to be stored in the Council's own data centre.", True),
    ("Everything stays on our own servers.", True),
    # a refusal of leaving a place of the user's own
    ("None of the case files are allowed out of our network.", True),
    ("Los contratos no pueden salir de la empresa.", True),
    ("Hồ sơ không được phép rời khỏi hệ thống nội bộ.", True),
    ("Berkas nasabah dilarang keluar dari jaringan kantor.", True),
    # an outside cloud refused
    ("Niente cloud pubblico, sui cloud esterni non se ne parla.", True),
    ("Облачные сервисы исключены.", True),
    ("Dokumennya tidak boleh ke cloud luar negeri.", True),
    ("Public cloud is not considered at all.", True),
    # a cloud service allowed ("لا مانع", "không vấn đề gì")
    ("الملفات غير سرية، لا مانع من رفعها إلى خدمة سحابية.", False),
    ("Gửi tài liệu lên dịch vụ cloud cũng không sao.", False),
]


@pytest.mark.parametrize(("message", "value"), _RESIDENCY)
def test_a_data_rule_said_by_its_parts(message: str, value: bool) -> None:
    assert said(read(message, "data_must_stay_on_prem")).get("data_must_stay_on_prem") is value, message


@pytest.mark.parametrize("text", [
    "ideally the data would remain in our data centre",  # hedged
    "do the documents have to stay in our own data centre for bge-m3?",  # a question
    "i dati dei clienti devono restare nei nostri server, mentre i manuali possono andare su un'api esterna",
])
def test_the_parts_say_no_rule_hedged_asked_or_beside_other_data_let_out(text: str) -> None:
    assert not R.kept_inside(text), text


@pytest.mark.parametrize(("message", "asked", "want"), [
    # both hosting sides allowed by a correlative, and "bebas" / "sama saja"
    ("Ci va bene sia un servizio API sia un modello in casa.", "deployment", {"deployment": "any"}),
    ("Nos sirve tanto una API como un modelo en casa.", "deployment", {"deployment": "any"}),
    ("Bebas, API atau self-host sama saja.", "deployment", {"deployment": "any"}),
    ("Bebas.", "license", {"license": "any"}),
    # a month shortened after a sum
    ("we could stretch to £900 pcm", "budget_usd_month", {"budget_usd_month": 900 * 1.27}),
    ("max € 250 p/mnd", "budget_usd_month", {"budget_usd_month": 270}),
    # a non-commercial project with another language's prefix, and a sale turned down
    ("Đây là đề tài nghiên cứu, phi thương mại.", None, {"license": "any"}),
    ("المشروع أكاديمي وغير تجاري.", None, {"license": "any"}),
    ("It's for our thesis work, nothing we would ever sell, any licence works.", "license", {"license": "any"}),
    # a share of a wider allocation said by the year
    ("The yearly allocation for software is $48k; maybe a quarter of that for this.", "budget_usd_month",
     {"budget_usd_month": 1000}),
    # the Gulf's working week, and the week named by its days in Vietnamese
    ("لدينا 300 موظف، كل واحد يبحث 10 مرات في اليوم، والدوام من الأحد إلى الخميس.", "queries_per_month",
     {"queries_per_month": 300 * 10 * 22}),
    ("200 nhân viên, mỗi người tra cứu 5 lần mỗi ngày, làm từ thứ Hai đến thứ Sáu.", "queries_per_month",
     {"queries_per_month": 200 * 5 * 22}),
    # the first indexing of everything held, over one weekend; a priority that "trumps" the others
    ("The entire archive must be indexed within one weekend.", None, {"max_first_indexing_days": 2}),
    ("Indexing awal harus selesai dalam satu akhir pekan.", None, {"max_first_indexing_days": 2}),
    ("Latency trumps everything here; cost comes second.", None, {"priorities": ["latency", "cost"]}),
    # the trade named in Vietnamese and Indonesian word order, drug safety in Spanish
    ("Công ty game bên mình muốn tìm kiếm trong 12 nghìn trang wiki.", None, {"domain": "general",
                                                                           "corpus_docs": 12000}),
    ("Kami tim CS bank, mau bikin chatbot CS dari 3.000 artikel FAQ.", None, {"domain": "support"}),
    ("Kami mengelola repositori skripsi dan disertasi kampus.", None, {"domain": "scientific"}),
    ("Trabajamos en farmacovigilancia: 400.000 notificaciones de reacciones adversas.", None,
     {"domain": "medical", "corpus_docs": 400000}),
])
def test_the_classes_read_in_other_words(message: str, asked: str | None, want: dict[str, Any]) -> None:
    assert_reads(message, asked, want)


@pytest.mark.parametrize(("message", "asked"), [
    # each counted thing holds a quantity of something else: which are the documents is asked
    ("We have roughly 900 binders and every one of them holds dozens of signed forms.", "corpus_docs"),
    ("Tenemos 600 expedientes y cada uno contiene entre 20 y 80 escritos.", "corpus_docs"),
    ("Ci sono 250 pratiche, ciascuna con centinaia di allegati.", "corpus_docs"),
    ("Kami punya 800 map proyek, masing-masing berisi ratusan gambar teknik.", "corpus_docs"),
    ("Có 1.500 hồ sơ, mỗi hồ sơ gồm vài chục văn bản.", "corpus_docs"),
    # most documents short, the long ones long
    ("Most are short, one or two paragraphs at most, but some are 300-page specs.", "doc_length_tokens"),
    # a hedged larger magnitude after the counted noun
    ("Tens of thousands of records, maybe even hundreds of thousands.", "corpus_docs"),
    # two currencies named, neither beside the sum; an Arabic or Hinglish sum with no currency
    ("Half our invoices are in euros and half in złoty, so roughly 3000 a month.", "budget_usd_month"),
    ("الميزانية تقريبًا 15 ألف شهريًا.", "budget_usd_month"),
    ("Budget 40 ke aas paas rahega har mahine.", "budget_usd_month"),
])
def test_asked_back_not_stored(message: str, asked: str) -> None:
    update = read(message, asked)
    assert update.get("pending_confirmation"), (message, said(update))
    assert asked not in said(update), message


@pytest.mark.parametrize(("message", "asked", "want"), [
    ("5000 contracts, each about 12 pages.", "corpus_docs", {"corpus_docs": 5000}),  # a length, not a holding
    ("40 agents, each running 30 searches a shift.", "queries_per_month", {"queries_per_month": 40 * 30 * 30}),
    ("30k docs, maybe 200 of them are scans.", "corpus_docs", {"corpus_docs": 30000}),  # a part of the count
])
def test_twins_still_stored(message: str, asked: str, want: dict[str, Any]) -> None:
    assert_reads(message, asked, want)


@pytest.mark.parametrize(("message", "before", "want"), [
    ("эти 60 тысяч — в рублях, не в долларах", 60000, 60000 / 90),  # one currency turned down: the other chosen
    ("those 3000 were zloty, not dollars", 3000, 750),
])
def test_a_currency_turned_down_converts(message: str, before: float, want: float) -> None:
    got = said(read(message, None, {"budget_usd_month": before}))
    assert got.get("budget_usd_month") == pytest.approx(want, rel=0.25), got


@pytest.mark.parametrize(("message", "tool"), [
    ("ماذا يعني re-ranking في البحث الدلالي؟", "explain_term"),
    ("Berapa kapasitas penyimpanan yang diperlukan untuk menyimpan embedding kontrak kami?", "vector_storage"),
    ("Kaun se models Arabic aur Urdu achhe se handle karte hain?", "search_models"),
])
def test_side_questions_routed(message: str, tool: str) -> None:
    update = read(message)
    assert [t["tool"] for t in update.get("pending_tools") or []][:1] == [tool], message


@pytest.mark.parametrize("message", [
    "Given everything so far, which are the best three models you would recommend now?",
    "بناءً على ما سبق، ما هي أفضل نماذج تنصح بها الآن؟",
])
def test_the_best_models_recommended_now(message: str) -> None:
    assert read(message).get("recommend_requested"), message


def test_a_follow_up_saying_the_whole_language_list_names_no_domain() -> None:
    got = said(read("Also a third of the tickets are in French, so English and French.", None, {"languages": ["eng"]}))
    assert set(got.get("languages") or []) == {"eng", "fra"} and "domain" not in got, got
