"""The guard over the offline reader: a doubtful reading becomes a confirming question, a right one is stored."""

from __future__ import annotations

from typing import Any

import pytest
from interview_sets import accuracy
from langchain_core.messages import HumanMessage

from agent import confirmations
from agent.nodes import ask, understand_offline
from agent.state import STATED
from agent.understanding import understand


def _read(message: str, asked: str | None = None, prev: dict[str, Any] | None = None,
          pending: dict[str, Any] | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """One message through the offline understand node; returns (the state before, the update)."""
    prev = dict(prev or {})
    state = {"profile": prev, "provenance": {k: "said" for k in prev}, "asked_field": asked,
             "messages": [HumanMessage(message)], "turn": 1, "reply_language": "en", "pending_confirmation": pending}
    return state, understand_offline(state)


def _stated(update: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in update["profile"].items() if update["provenance"].get(k) in STATED}


# (message, the question just asked, the field, its right value: None = the message does not state it). Whenever the
# reader proposes a wrong value, the guard must ask instead of storing it; a right reading is stored.
DOUBTFUL = [
    ("120 analysts x 15 queries/day", None, "queries_per_month", 54000),
    ("we get roughly 2k support chats a month and the bot does 4 lookups per chat", None, "queries_per_month", 8000),
    ("docs are 10-15 slides, ~80 words per slide", None, "corpus_docs", None),
    ("Slack threads, each maybe 30 messages of a tweet's length", None, "corpus_docs", None),
    ("the 3 biggest clients send 1000 queries a day each", None, "queries_per_month", 90000),
    ("in 2023 we had 40k docs, now about 60k", None, "corpus_docs", 60000),
    ("around 50 per hour, but only in business hours", "queries_per_month", "queries_per_month", [7000, 15000]),
    ("200 par heure pendant les heures de bureau", "queries_per_month", "queries_per_month", [30000, 60000]),
    ("ungefähr 400 Anfragen pro Stunde, aber nur während der Geschäftszeiten", None, "queries_per_month",
     [60000, 120000]),
    ("recebemos 2 mil chamados por mês e cada chamado gera 3 buscas", None, "queries_per_month", 6000),
    ("三个部门，每个部门每天查500次", None, "queries_per_month", 45000),
    ("毎時300件くらい検索されます", None, "queries_per_month", 216000),
    ("營業時間內每小時大約200次查詢", None, "queries_per_month", [30000, 60000]),
    ("業務時間中は1時間に150件ほど", "queries_per_month", "corpus_docs", None),
    ("a quarter of a second at most", "latency_p95_ms", "latency_p95_ms", 250),
    ("an L4 with 16GB", "hardware", "hardware", None),
    ("eine RTX 4090 mit 16 GB", "hardware", "hardware", None),
    ("A10 (24 GB), alquilada", "hardware", "hardware", {"accelerator": "A10", "owned": False}),
    ("CPU 서버만, 64코어, 메모리 256GB", "hardware", "hardware", {"cpu_cores": 64, "ram_gb": 256}),
    ("legal will never sign off on sending data to OpenAI", None, "domain", None),
    ("our compliance team will kill anything GPL or non-commercial", None, "license", "commercial"),
]


def _right(value: Any, want: Any) -> bool:
    if want is None or value is None:
        return value is want
    if isinstance(want, dict):
        return isinstance(value, dict) and all(value.get(k) == v for k, v in want.items())
    if isinstance(want, list):
        return want[0] <= value <= want[1]
    if isinstance(want, int | float) and not isinstance(want, bool):
        return abs(value - want) <= 0.25 * want
    return bool(value == want)


@pytest.mark.parametrize(("message", "asked", "field", "want"), DOUBTFUL, ids=[m[:40] for m, *_ in DOUBTFUL])
def test_a_doubtful_reading_is_asked_about_not_stored(message: str, asked: str | None, field: str, want: Any) -> None:
    proposed = understand(message, asked).updates.get(field)
    _, update = _read(message, asked)
    stored = _stated(update).get(field)
    if proposed is not None and not _right(proposed, want):  # the reader got it wrong: the guard asks
        assert field not in _stated(update), f"{message!r} stored {field}={stored!r}"
        pending = update["pending_confirmation"]
        assert pending and field in pending["fields"], f"{message!r}: no confirming question about {field}"
    else:  # the reader got it right (or said nothing): never a wrong value
        assert field not in _stated(update) or _right(stored, want), f"{message!r} stored {field}={stored!r}"


# (message, the question just asked, what must be stored as said)
RIGHT = [
    ("we have 12 lawyers and 30k contracts of about 10 pages each", None,
     {"corpus_docs": 30000, "doc_length_tokens": 5000, "domain": "legal"}),
    ("our 4 regional teams each search about 100 times a day", None, {"queries_per_month": 12000}),
    ("about 8 million chunks of 512 tokens", None, {"corpus_docs": 8000000, "doc_length_tokens": 512}),
    ("50k tickets per year, each about 200 words", None, {"doc_length_tokens": 260}),
    ("客服200人，每人每天查30次", None, {"queries_per_month": 180000}),
    ("etwa 200 Mitarbeiter, jeder sucht ungefähr 10 Mal am Tag", None, {"queries_per_month": 60000}),
    ("unos 50 agentes que hacen 30 consultas diarias cada uno", None, {"queries_per_month": 45000}),
    ("nuestro servidor tiene una A100 de 80 GB", "hardware", {"hardware": {"accelerator": "A100-80GB"}}),
    ("we'd rent an H100 on Lambda", "hardware", {"hardware": {"accelerator": "H100-SXM-80GB", "owned": False}}),
    ("10 requests per second at peak", "queries_per_month", {"queries_per_month": 25920000}),
    ("around 300 people will use it, maybe 200 searches a month in total", None, {"queries_per_month": 200}),
    ("2M docs, growing 1k a day", None, {"corpus_docs": 2000000}),
    ("cerca de 80 mil contratos, com 12 páginas cada", None, {"corpus_docs": 80000, "doc_length_tokens": 6000}),
]


@pytest.mark.parametrize(("message", "asked", "want"), RIGHT, ids=[m[:40] for m, _, _ in RIGHT])
def test_a_right_reading_is_kept(message: str, asked: str | None, want: dict[str, Any]) -> None:
    _, update = _read(message, asked)
    stated = _stated(update)
    for name, value in want.items():
        if name == "hardware":
            assert {k: stated[name].get(k) for k in value} == value, stated
        else:
            assert stated.get(name) == value, f"{message!r}: {name}={stated.get(name)!r}, want {value!r}"
    assert update["pending_confirmation"] is None


def test_the_table_names_the_card_the_memory_was_said_for() -> None:
    """"the 80GB A100s, not the 40GB ones": the table's A100-80GB, not an A100-40GB with 80 GB."""
    _, update = _read("correction: we have the 80GB A100s, not the 40GB ones",
                      prev={"hardware": {"accelerator": "A100-40GB", "vram_gb": 40}, "corpus_docs": 50000})
    assert update["profile"]["hardware"]["accelerator"] == "A100-80GB"
    assert update["profile"]["corpus_docs"] == 50000


def test_chunks_in_the_prompt_are_not_the_number_of_models() -> None:
    _, update = _read("we pass the top 5 passages to the LLM")
    assert "top_k" not in update["profile"]
    _, update = _read("show me the top 3 models")
    assert update["profile"].get("top_k") == 3


@pytest.mark.parametrize("message", ["call it 750k", "ongeveer 20.000", "circa 3000 al mese", "한 달에 100만 정도"])
def test_a_bare_figure_is_asked_about(message: str) -> None:
    _, update = _read(message)
    assert update["pending_confirmation"] and not _stated(update)


def test_a_figure_beside_unknown_words_is_not_offered_as_a_budget() -> None:
    """"500 zoekopdrachten per dag" is per day: offering "500 a month: budget or queries?" would store it wrong."""
    _, update = _read("ongeveer 500 zoekopdrachten per dag")
    assert update["pending_confirmation"] is None
    assert _stated(update).get("queries_per_month") in (None, 15000)


def test_the_check_is_asked_and_answered() -> None:
    # "3 nodes x 32 cores": the nodes are not counted into one machine's cores (a "2x 32 cores" dual socket is 64)
    state, update = _read("3 nodes x 32 cores, 512GB RAM, no accelerators", "hardware")
    pending = update["pending_confirmation"]
    assert pending["kind"] == "check" and "hardware" not in _stated(update)
    asked = ask({**state, **update})["messages"][0].content
    assert "Is that right?" in asked and "32 cores" in asked and '"3' in asked

    _, yes = _read("yes", "hardware", pending=pending)
    assert yes["provenance"]["hardware"] == "confirmed" and yes["profile"]["hardware"]["cpu_cores"] == 32
    _, no = _read("no", "hardware", pending=pending)
    assert "hardware" not in no["profile"] and no["pending_confirmation"] is None
    _, new = _read("no, it's 64 cores in total and 512GB RAM", "hardware", pending=pending)
    assert new["profile"]["hardware"]["cpu_cores"] == 64


@pytest.mark.parametrize(("answer", "expected"), [("yes", "confirmed"), ("是的", "confirmed"), ("はい", "confirmed"),
                                                  ("sí", "confirmed"), ("no", "neither"), ("nein", "neither"),
                                                  ("不对", "neither"), ("no, about 20k a month", None),
                                                  ("what do you mean?", None)])
def test_answers_to_a_check(answer: str, expected: str | None) -> None:
    pending = {"kind": "check", "fields": ["queries_per_month"], "values": {"queries_per_month": 64800},
               "value": 64800.0, "monthly": 64800.0}
    got = confirmations.resolve(answer, pending)
    assert (got[0] if got else None) == expected


def test_the_check_question_in_chinese() -> None:
    pending = {"kind": "check", "fields": ["queries_per_month"], "values": {"queries_per_month": 144000},
               "reasons": {"queries_per_month": "counted around the clock"}, "value": 144000.0, "monthly": 144000.0}
    assert "144,000" in confirmations.question(pending, "zh") and "对吗" in confirmations.question(pending, "zh")


def test_the_probe_set_has_no_silent_wrong_fill() -> None:
    """tests/agent/data/guard_probe_messages.yaml, scored like the blind sets: a miss, never a guess (two known)."""
    result = accuracy.score(accuracy.load_cases(accuracy.DATA / "guard_probe_messages.yaml"))
    known = {"s-en-2", "s-zh-1"}  # still silent (named in the file's header): a regression elsewhere fails here
    assert {o.case["id"] for o in result["outcomes"] if o.silent} <= known, \
        [(o.case["id"], o.silent) for o in result["outcomes"] if o.silent and o.case["id"] not in known]


def test_a_whole_consultation_asks_the_check_and_stores_the_answer(offline_chat) -> None:
    """Through the graph: the check is the reply, "yes" stores the value as confirmed, the interview goes on."""
    reply = offline_chat.start("the 3 biggest clients send 1000 queries a day each")
    assert "Is that right?" in reply and "queries a month" in reply, reply
    assert offline_chat.values["provenance"].get("queries_per_month") not in STATED
    reply = offline_chat.say("no, roughly 90,000 queries a month")
    values = offline_chat.values
    assert values["profile"]["queries_per_month"] == 90000 and values["provenance"]["queries_per_month"] in STATED
    assert values.get("pending_confirmation") is None


# --- Answers that need a question back: people instead of searches, no figure, a bare figure in a few words ------


@pytest.mark.parametrize(("message", "asked", "people"), [
    ("about 10k users", "queries_per_month", 10_000),
    ("日活50万", "queries_per_month", 500_000),
    ("roughly 2M monthly active users", "queries_per_month", 2_000_000),
    ("300 engineers", None, 300),
])
def test_people_counted_where_searches_were_asked_get_a_question_about_each_ones_searches(message, asked, people):
    _, update = _read(message, asked)
    pending = update["pending_confirmation"]
    assert "queries_per_month" not in _stated(update)
    assert pending["kind"] == "per_user" and pending["value"] == people
    assert confirmations.question(pending, "en") == f"{people:,} people: about how many searches does each of them " \
                                                    "make a day?"


@pytest.mark.parametrize(("answer", "monthly"), [
    ("maybe 5", 5 * 30 * 10_000),  # a day, as the question asked
    ("3 a week", int(3 * 30 / 7 * 10_000)),
    ("about 2,000 a day in total", 2_000 * 30),  # the whole team's traffic
    ("每天2次", 2 * 30 * 10_000),
])
def test_the_answer_about_each_ones_searches_is_multiplied_by_the_people(answer, monthly):
    pending = {"kind": "per_user", "value": 10_000.0, "monthly": 10_000.0, "fields": ["queries_per_month"]}
    _, update = _read(answer, None, pending=pending)
    assert abs(_stated(update)["queries_per_month"] - monthly) <= 0.01 * monthly
    assert update["provenance"]["queries_per_month"] == "confirmed"


def test_people_then_their_searches_through_a_whole_consultation(offline_chat) -> None:
    offline_chat.start("We're a law firm, 40k contracts, about 15 pages each")
    assert offline_chat.values["asked_field"] is not None
    while offline_chat.values["asked_field"] != "queries_per_month":  # answer what comes before, as a user would
        offline_chat.say({"languages": "English", "budget_usd_month": "no limit", "data_must_stay_on_prem": "yes",
                          "deployment": "either", "hardware": "one RTX 4090", "latency_p95_ms": "no limit",
                          "license": "commercial"}.get(offline_chat.values["asked_field"], "skip"))
    reply = offline_chat.say("about 300 lawyers")
    assert "300 people: about how many searches does each of them make a day?" in reply
    offline_chat.say("10 or so")
    values = offline_chat.values
    assert values["profile"]["queries_per_month"] == 90_000 and values["provenance"]["queries_per_month"] == "confirmed"


@pytest.mark.parametrize(("message", "asked"), [
    ("schnell halt", "latency_p95_ms"), ("same as what we spend on the PLM search today", "budget_usd_month"),
    ("quite a lot honestly", "corpus_docs"), ("unos 20 gigas", "corpus_docs"), ("很快就行", "latency_p95_ms"),
])
def test_an_answer_with_no_figure_to_a_question_that_wants_one_asks_for_a_rough_figure(message, asked):
    _, update = _read(message, asked)
    pending = update["pending_confirmation"]
    assert pending["kind"] == "vague" and pending["fields"] == [asked] and not _stated(update)
    assert confirmations.question(pending, "en").startswith("I didn't catch a figure there. Roughly")
    assert ask({"pending_confirmation": pending, "reply_language": "en", "messages": [HumanMessage(message)]})[
        "asked_field"] == asked  # the next answer is read as an answer to that question


@pytest.mark.parametrize(("message", "asked"), [
    ("on en a à peu près 300", None), ("5万くらいですかね", None), ("around 20 I think", "doc_length_tokens"),
])
def test_a_bare_figure_in_a_few_words_is_asked_about_not_stored(message, asked):
    _, update = _read(message, asked)
    assert update["pending_confirmation"] and not _stated(update)


def test_documents_added_each_month_are_growth_not_the_corpus() -> None:
    _, update = _read("sorry, the 2,000 was how many documents we add each month, not a budget",
                      prev={"budget_usd_month": 2000, "corpus_docs": 80000})
    assert _stated(update) == {"corpus_docs": 80000}  # the budget is taken back, the corpus kept
    assert update["corpus_growth_docs_month"] == 2000


def test_a_figure_named_as_another_field_in_a_correction_moves_there() -> None:
    _, update = _read("no sorry, 2 million is the queries per month, the corpus itself is 200k",
                      prev={"corpus_docs": 2_000_000})
    assert _stated(update) == {"corpus_docs": 200_000, "queries_per_month": 2_000_000}


@pytest.mark.parametrize(("message", "prev", "after"), [
    ("forget the budget I gave you, finance has to sign off first", {"budget_usd_month": 2000}, {}),
    ("olvida lo del presupuesto que te dije, lo tengo que confirmar", {"budget_usd_month": 2353}, {}),
    ("scratch the latency number, we don't really have one", {"latency_p95_ms": 200}, {}),
    ("Sorry, scratch the 300ms I gave you - there's no SLA on this, we don't have a latency target at all",
     {"latency_p95_ms": 300}, {"latency_p95_ms": None}),
])
def test_a_value_taken_back_without_a_new_one_is_unset_or_no_limit(message, prev, after):
    _, update = _read(message, prev=prev)
    assert {k: v for k, v in _stated(update).items() if k in prev} == after


@pytest.mark.parametrize(("message", "prev", "budget"), [
    ("wait, correction from our CFO: the €3.5k is for the whole search infra. For embeddings alone put €1,200.",
     {"budget_usd_month": 3780}, 1296),
    ("哦不对，2万是整个项目的月预算，embedding这块给5000吧", {"budget_usd_month": 2778}, 694),
])
def test_a_corrected_budget_is_found_in_the_currency_it_was_said_in(message, prev, budget):
    _, update = _read(message, prev=prev)
    assert abs(_stated(update)["budget_usd_month"] - budget) < 1


def test_a_correction_that_quotes_the_old_figure_skips_years_to_find_the_new_one() -> None:
    _, update = _read("oh wait, the 1.2M is all-time. We only keep the last 7 years searchable, call it 700k",
                      prev={"corpus_docs": 1_200_000})
    assert _stated(update)["corpus_docs"] == 700_000


def test_a_topic_before_a_comma_names_the_figure_after_it() -> None:
    _, update = _read("Pardon, 1,5 million c'est les visites. Les recherches, c'est plutôt 600 000 par mois.",
                      prev={"queries_per_month": 1_500_000, "corpus_docs": 180_000})
    assert _stated(update) == {"queries_per_month": 600_000, "corpus_docs": 180_000}


@pytest.mark.parametrize(("message", "docs"), [
    ("办事指南大约8000条，政策文件1.5万份左右", 23_000),
    ("roughly 2k FAQ entries plus 40k old tickets", 42_000),
    ("about 8,000 how-to guides and 15k policy documents", 23_000),
    ("so 2 500 Handbücher, jeweils mit mehreren Revisionen, insgesamt ca. 9.000 Dokumente", 9_000),  # the total
    ("报社数据中心，1949年以来的新闻稿大概800万篇，全是中文", 8_000_000),  # a year is not a period
    ("SKU大概45万个", 450_000), ("案例大概有120万件", 1_200_000), ("180 000 références produits", 180_000),
])
def test_document_counts_in_parts_are_added_and_a_stated_total_wins(message, docs):
    _, update = _read(message, "corpus_docs")
    assert _stated(update)["corpus_docs"] == docs


def test_a_count_and_its_correction_are_not_added_up() -> None:
    _, update = _read("10k contracts, sorry, 12k contracts", "corpus_docs")
    assert _stated(update)["corpus_docs"] == 12_000


@pytest.mark.parametrize(("message", "tokens"), [
    ("theses are 80-250 pages but we'd only index abstract + first chapter, call it 5,000 words", 6_500),
    ("docs run about 40 pages, call it 500 tokens a page", 20_000),  # a figure per page is not a restatement
])
def test_call_it_restates_the_figure_before_it(message, tokens):
    _, update = _read(message, "doc_length_tokens")
    assert _stated(update)["doc_length_tokens"] == tokens


@pytest.mark.parametrize(("message", "asked", "prev", "field", "value"), [
    ("我們是半導體廠的製程整合團隊，大概 12 萬份文件，中英混雜", None, None, "corpus_docs", 120_000),  # traditional
    ("啊我剛剛講錯，不是 12 萬，是 21 萬份", None, {"corpus_docs": 120_000}, "corpus_docs", 210_000),
    ("我们是做跨境电商的，商品大概 50万个 SKU", None, None, "corpus_docs", 500_000),
    ("一份報告平均大概 20 頁，長的會到 80 頁", "doc_length_tokens", None, "doc_length_tokens", 10_000),  # the average
    ("一季大概一萬美金", "budget_usd_month", None, "budget_usd_month", 3333),
    ("Abbiamo 60.000 euro l'anno a bilancio", "budget_usd_month", None, "budget_usd_month", 5400),
    ("Scusi, correggo: i 60.000 euro erano su tre anni, non annuali", None, {"budget_usd_month": 5400},
     "budget_usd_month", 1800),
    ("ok. 10 zapytań na sekundę w szczycie", "queries_per_month", None, "queries_per_month", 25_920_000),
    ("一个月 3 万次，哦不对，是一天 3 万次", "queries_per_month", None, "queries_per_month", 900_000),
    ("circa 30 mila al mese, anzi no, 30 mila a settimana", "queries_per_month", None, "queries_per_month", 128_571),
    ("R$ 5 mil, quer dizer, R$ 50 mil por ano", "budget_usd_month", None, "budget_usd_month", 833),
    ("EU only", "data_must_stay_on_prem", None, "data_must_stay_on_prem", True),
    ("da igual la licencia", "license", None, "license", "any"),
    ("pas de contrainte de latence", "latency_p95_ms", None, "latency_p95_ms", None),
    ("どちらでも構いません", "deployment", None, "deployment", "any"),
    ("actually it is medical, not legal", "languages", {"domain": "legal"}, "domain", "medical"),
])
def test_readings_of_the_fourth_round(message, asked, prev, field, value):
    _, update = _read(message, asked, prev=prev)
    got = _stated(update).get(field, "missing")
    assert got == value if not isinstance(value, int | float) or isinstance(value, bool) else abs(got - value) <= 1


@pytest.mark.parametrize(("message", "asked"), [
    ("iets van 5.000 euro, maar of dat per maand of per jaar is weet ik niet", "budget_usd_month"),
    ("a few hundred, though I honestly don't know if that's per day or per hour", "queries_per_month"),
    ("uns 10 mil, mas não sei se em real ou dólar", "budget_usd_month"),
    ("한 2억? 근데 그게 연간인지 분기인지 재무팀에 물어봐야 해요", "budget_usd_month"),
])
def test_a_figure_the_user_is_unsure_of_is_asked_about(message, asked):
    _, update = _read(message, asked)
    assert update["pending_confirmation"] and asked not in _stated(update)


def test_an_api_preferred_says_who_runs_the_model_not_a_data_rule() -> None:
    _, update = _read("we can't run models ourselves, no ops people. has to be an API", "deployment")
    assert _stated(update) == {"deployment": "api"}


@pytest.mark.parametrize(("message", "asked", "prev", "field", "value"), [
    ("about 2.4 million claim files going back to 2011", "corpus_docs", None, "corpus_docs", 2_400_000),  # a year
    ("we run about 2 million queries a month now, expecting to 3x that next year", "queries_per_month", None,
     "queries_per_month", 2_000_000),  # a future multiple is not a count
    ("制度文件大概有1.8万份，哦不对，去年合并之后是2.1万份", "corpus_docs", None, "corpus_docs", 21_000),
    ("全行3000多员工，估计每天总共查两三千次吧", "queries_per_month", None, "queries_per_month", 75_000),  # the total
    ("in peak season we see around 40 searches a second, that's what it has to handle", "queries_per_month", None,
     "queries_per_month", 103_680_000),
    ("Tanto faz, API ou rodar local, o que sair mais barato", "deployment", None, "deployment", "any"),
    ("1件あたり平均 5,000 文字くらいです", "doc_length_tokens", None, "doc_length_tokens", 5_000),
    ("レイテンシは特に気にしません", "latency_p95_ms", None, "latency_p95_ms", None),
    ("pas de contrainte particulière", "latency_p95_ms", None, "latency_p95_ms", None),
    ("Patientendaten, die bleiben selbstverständlich im Haus", "data_must_stay_on_prem", None,
     "data_must_stay_on_prem", True),
    ("English. there are a handful of Chinese and Russian papers but we can ignore those", "languages", None,
     "languages", ["eng"]),
    ("sorry, scratch the Dutch - that customer churned. English only now.", None, {"languages": ["nld", "eng"]},
     "languages", ["eng"]),
])
def test_readings_of_the_last_round(message, asked, prev, field, value):
    _, update = _read(message, asked, prev=prev)
    got = _stated(update).get(field, "missing")
    assert got == value if not isinstance(value, int | float) or isinstance(value, bool) else abs(got - value) <= 1
