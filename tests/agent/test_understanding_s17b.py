"""The seventeenth session's second class round (s17-b, issue 17): the languages the offline interview read poorly.

dev19b was written blind in Indonesian, Arabic (MSA, Gulf, Egyptian), Swedish, Nigerian English and Pidgin,
Vietnamese, Polish, Turkish, Hindi/Hinglish, Thai and Malay. Each case here is phrased anew (not the class set's words)
and checks a class: priorities ranked in those languages (first, then, most important, second, last; a priority said
not to matter); a wrong or missed retrieval said to do harm; the data kept in, let out or left to an API, and the model
run by the team; a corrected budget in the currency of the figure it replaces; the Malaysian ringgit; a sum for the
project with no period; side questions (a summary, the short list again, storage for the vectors, indexing time, what
a term is); a hospital, insurance and Malay said briefly; a nationality before a provider; numbers and memory said in
words; the Devanagari danda.
"""

from __future__ import annotations

import pytest
from interview_sets import assert_asks, assert_reads, read, said


@pytest.mark.parametrize(("message", "want"), [
    ("yang penting akurasi dulu, baru harga. kecepatan tidak terlalu penting", ["quality", "cost", "latency"]),
    ("Kos paling utama, kelajuan nombor dua.", ["cost", "latency"]),
    ("أهم شي الجودة، وبعدين السرعة، والسعر آخر شي", ["quality", "latency", "cost"]),
    ("الأولوية للسرعة قبل الجودة", ["latency", "quality"]),
    ("Billigt först, sedan kvalitet. Latens bryr vi oss inte om.", ["cost", "quality", "latency"]),
    ("tốc độ trước, rồi đến chất lượng, giá rẻ để sau cùng", ["latency", "quality", "cost"]),
    ("Przede wszystkim szybkość. Jakość na drugim miejscu.", ["latency", "quality"]),
    ("सबसे पहले लागत, फिर गुणवत्ता", ["cost", "quality"]),
    ("เอาแม่นยำก่อน แล้วค่อยถูกสุด", ["quality", "cost"]),
])
def test_priorities_in_the_languages_of_dev19b(message: str, want: list[str]) -> None:
    assert_reads(message, "priorities", {"priorities": want})


def test_a_polish_ordinal_names_no_drug() -> None:
    assert "domain" not in said(read("Szybkość na drugim miejscu.", "priorities"))


@pytest.mark.parametrize("message", [
    "Kalau salah ambil pasal, akibatnya bisa fatal buat klien.",
    "أي خطأ في النتائج ممكن يكون خطير على العميل",
    "If the search miss one clause e fit kill the case for our client.",
    "Trả sai tài liệu là nghiêm trọng với khách hàng.",
    "Yanlış belge gelirse ciddi sorun çıkar.",
    "गलत दस्तावेज़ मिला तो भारी नुकसान होगा",
    "Vi får inte missa ett enda relevant avgörande.",
    "ระบบต้องแม่นยำ ค้นผิดไม่ได้",
])
def test_a_wrong_retrieval_said_to_do_harm_is_precision_critical(message: str) -> None:
    assert_reads(message, None, {"precision_critical": True})


@pytest.mark.parametrize(("message", "asked", "want"), [
    # the data kept in: its place said alone (the convention: no deployment)
    ("Kundernas data får inte lämna vårt eget nätverk.", "data_must_stay_on_prem", {"data_must_stay_on_prem": True}),
    ("لا يُسمح بإرسال البيانات لأي طرف خارجي", "data_must_stay_on_prem", {"data_must_stay_on_prem": True}),
    ("مش عايزين أي بيانات تطلع برا الشركة", None, {"data_must_stay_on_prem": True}),
    ("Client records no fit leave this building o.", None, {"data_must_stay_on_prem": True}),
    ("No outside vendor should access our contracts.", None, {"data_must_stay_on_prem": True}),
    ("डाटा किसी बाहरी क्लाउड पर नहीं जा सकता", None, {"data_must_stay_on_prem": True}),
    ("Kami tidak boleh menggunakan server luar negeri.", None, {"data_must_stay_on_prem": True}),
    ("ข้อมูลพนักงานต้องเก็บไว้ในประเทศ", None, {"data_must_stay_on_prem": True}),
    # the data let out, an API chosen
    ("Kör helst via API, det finns inga känsliga uppgifter.", None, {"deployment": "api",
                                                                    "data_must_stay_on_prem": False}),
    ("Bên mình định dùng API, không có dữ liệu nhạy cảm.", None, {"deployment": "api",
                                                                 "data_must_stay_on_prem": False}),
    ("ใช้ API ไปเลย ไม่มีข้อมูลลับ", None, {"deployment": "api", "data_must_stay_on_prem": False}),
    ("Kami nak guna API, tiada maklumat sulit.", None, {"deployment": "api", "data_must_stay_on_prem": False}),
    ("Chcemy to robić przez API.", "deployment", {"deployment": "api"}),
    ("Można przesyłać dokumenty do zewnętrznego API.", "data_must_stay_on_prem", {"data_must_stay_on_prem": False}),
    ("نقدر نبعت البيانات لأي API، ما فيها شي حساس", "data_must_stay_on_prem", {"data_must_stay_on_prem": False}),
    ("API أو سيرفراتنا، الاثنين ماشيين", "deployment", {"deployment": "any"}),
    # the model run by the team on rented or internal machines
    ("Kita sewa GPU bulanan, embeddingnya kita jalankan sendiri.", None, {"deployment": "self_hosted"}),
    ("Wynajmiemy serwer i uruchomimy model sami.", None, {"deployment": "self_hosted"}),
    ("Dữ liệu phải giữ kín, hệ thống sẽ chạy trên máy chủ nội bộ.", None, {"deployment": "self_hosted"}),
])
def test_the_data_and_who_runs_the_model(message: str, asked: str | None, want: dict[str, object]) -> None:
    assert_reads(message, asked, want)


def test_an_on_prem_server_glued_by_a_hyphen_is_hardware_not_a_rule() -> None:
    got = said(read("Vi har en on-prem-maskin med fyra A10:or.", "hardware"))
    assert "hardware" in got and "data_must_stay_on_prem" not in got, got


@pytest.mark.parametrize(("message", "prev", "want"), [
    ("maaf keliru, anggarannya 12 juta bukan 8", {"budget_usd_month": 500.0}, 750.0),
    ("แก้ค่ะ งบเดือนละ 8 หมื่น ไม่ใช่ 6 หมื่น", {"budget_usd_month": 1666.67}, 2222.2),
    ("Abeg make am 2m per month, not 1.5m", {"budget_usd_month": 967.7}, 1290.3),
])
def test_a_corrected_budget_is_in_the_currency_of_the_figure_it_replaces(message: str, prev: dict[str, float],
                                                                         want: float) -> None:
    assert_reads(message, None, {"budget_usd_month": want}, prev)


@pytest.mark.parametrize(("message", "want"), [
    ("Bajet bulanan RM12,000", 2553.2),
    ("rm3k sebulan cukup", 638.3),
    ("about 9,400 ringgit a month", 2000.0),
])
def test_the_malaysian_ringgit(message: str, want: float) -> None:
    assert_reads(message, "budget_usd_month", {"budget_usd_month": want})


@pytest.mark.parametrize("message", [
    "Peruntukan RM80k untuk projek ini",
    "The money wey oga approve na 5 million naira",
    "Ngân sách cho dự án tầm 500 triệu",
])
def test_a_sum_for_the_project_with_no_period_is_asked(message: str) -> None:
    assert_asks(message, "budget_usd_month", "budget_usd_month")


@pytest.mark.parametrize(("message", "tool"), [
    ("ممكن تلخص لنا اللي اتفقنا عليه؟", "summary"),
    ("Wetin be hybrid search?", "explain_term"),
    ("Với 2 triệu đoạn văn thì cần bao nhiêu dung lượng?", "vector_storage"),
    ("pura indexing kitna time lagega?", "indexing_time"),
])
def test_side_questions_in_the_languages_of_dev19b(message: str, tool: str) -> None:
    tools = [t.get("tool") for t in read(message).get("pending_tools") or []]
    assert tool in tools, (message, tools)


def test_the_short_list_asked_again_in_malay() -> None:
    assert read("Tunjukkan semula senarai cadangan tadi").get("recommend_requested")


@pytest.mark.parametrize(("message", "want"), [
    ("Kami dari RS umum daerah, isinya rekam medis pasien.", {"domain": "medical"}),
    ("Kami syarikat takaful keluarga.", {"domain": "finance"}),
    ("Semua dokumen dalam BM sahaja.", {"languages": ["msa"]}),
])
def test_a_hospital_insurance_and_malay_said_briefly(message: str, want: dict[str, object]) -> None:
    assert_reads(message, None, want)


def test_a_nationality_before_a_provider_names_no_language() -> None:
    got = said(read("Vi hyr servrar hos ett svenskt bolag och kör modellen själva.", "hardware"))
    assert "languages" not in got, got


@pytest.mark.parametrize(("message", "asked", "want"), [
    ("عندنا كرت L40S ثمانية وأربعين جيجا", "hardware", {"hardware": {"accelerator": "L40S"}}),
    ("تقريباً مليونين ونص مستند", "corpus_docs", {"corpus_docs": 2500000}),
    ("มีการ์ด L4 หนึ่งใบ แรม 128GB", "hardware", {"hardware": {"accelerator": "L4", "ram_gb": 128.0}}),
    ("हमारे पास लगभग 40,000 फाइलें हैं। सब हिंदी में।", None, {"corpus_docs": 40000}),
])
def test_numbers_memory_and_sentence_ends_in_other_scripts(message: str, asked: str | None,
                                                           want: dict[str, object]) -> None:
    assert_reads(message, asked, want)


@pytest.mark.parametrize(("message", "want"), [
    ("The lawyers are about 60, each person searches maybe 8 times per day", 14400),
    ("Our agents na like 200, each person go check 5 times per day", 30000),
    ("Utvecklarna är runt 80 st, säg 10 sökningar per person och dag", 17600),
    ("لدينا حوالي ٥٠ موظف، كل واحد يعمل ١٠ بحوث باليوم", 15000),
    ("Phòng pháp chế có 25 người. Mỗi người tra cứu chắc 12 lần/ngày.", 9000),
])
def test_people_counted_and_a_rate_per_person(message: str, want: int) -> None:
    assert_reads(message, "queries_per_month", {"queries_per_month": want})


@pytest.mark.parametrize(("message", "asked", "want"), [
    ("laporan kami rata2 8 halaman", "doc_length_tokens", {"doc_length_tokens": 4000}),
    ("Purata setiap fail 500 patah perkataan", "doc_length_tokens", {"doc_length_tokens": 650}),
    ("ungefär 360 tkr per år", "budget_usd_month", {"budget_usd_month": 2857.0}),
    ("sekitar 300 ribu dokumen, bertambah kira-kira 10rb tiap bulan", "corpus_docs", {"corpus_docs": 300000}),
    ("file kami ada 40 ribu, butuh berapa GB untuk menyimpan vektornya?", None, {"corpus_docs": 40000}),
])
def test_words_doubled_counted_and_thousands_the_local_way(message: str, asked: str | None,
                                                            want: dict[str, object]) -> None:
    assert_reads(message, asked, want)


def test_a_sum_said_in_rupiah_beside_the_language_named_is_not_asked() -> None:
    assert_reads("produk kami deskripsi bahasa Indonesia, anggaran 4 juta per bulan", None,
                 {"budget_usd_month": 250.0})


@pytest.mark.parametrize(("message", "want"), [
    ("untuk migrasi awal ada dana 8 jt sekali bayar", 500.0),
    ("Chi phí triển khai ban đầu tầm 50 triệu, trả một lần", 2000.0),
    ("setup ke liye 2 lakh one-time de sakte hain", 2409.6),
])
def test_a_sum_paid_once_in_the_words_of_its_country(message: str, want: float) -> None:
    got = said(read(message))
    assert got.get("one_time_budget_usd") == pytest.approx(want, rel=0.25), (message, got)
    assert "budget_usd_month" not in got, got


def test_vietnamese_nam_after_ca_is_the_year_not_five() -> None:
    assert_reads("ngân sách cả năm khoảng 600 triệu", "budget_usd_month", {"budget_usd_month": 2000.0})


@pytest.mark.parametrize(("message", "want"), [
    ("Sale ke time 50 hazaar searches per day, normally 10-12 hazaar.", 330000),
    ("pas flash sale bisa 10 query per detik, tapi rata-rata cuma 1 per detik", 2592000),
])
def test_a_sale_is_the_peak_beside_the_usual_rate(message: str, want: int) -> None:
    assert_reads(message, "queries_per_month", {"queries_per_month": want})


@pytest.mark.parametrize("message", [
    "We run a children's hospital. Accuracy is very important, a wrong result could be fatal for a patient.",
    "Chính xác rất quan trọng, trả sai tài liệu là nguy hiểm cho bệnh nhân.",
])
def test_quality_named_only_as_the_stakes_ranks_nothing(message: str) -> None:
    got = said(read(message))
    assert got.get("precision_critical") is True and "priorities" not in got, (message, got)


def test_quality_said_most_important_beside_the_stakes_still_ranks() -> None:
    assert_reads("Accuracy matters most to us; a wrong result could hurt someone.", None,
                 {"priorities": ["quality", "cost", "latency"], "precision_critical": True})
