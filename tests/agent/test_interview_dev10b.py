"""Italian, Polish, Russian, Ukrainian, Hinglish and Swedish as users of each language type them (dev10b, issue 17).

Classes (see the header of tests/agent/data/dev10b_messages.yaml): organisations said as municipalities, claims
departments, hospitals, university libraries, retail chains, banks, game studios, freight companies and law firms;
lengths in "facciate", "cartelle", "strony", "листов", "аркушів", "znaków"; rates per working day ("w dniu pracy",
"dniówka"), per day ("na dobę", "у день", "om dagen"), per shift, per customer and per person with the people named
before their figure ("urzędników jest ok. 600", "клиентов в приложении 300 тыс."); counts with inverted or spelled
magnitudes ("тыщ 15", "тыщи три", "тысяч сорок", "полумиллиона", "95mila"); corrections whose new figure takes the
old one's magnitude ("не 2,3 млн, а 1,8"); confirming questions where the unit, period, currency or share is open.
Before the fix (9f5a9c1): batch 1 (218 messages) 188/265 fields right (70.9%), 16 silent wrong fills, side questions
10/12; batch 2 (48 more, written after the first round) 41/61, 5 silent. After (with 6 later probes): 324/333 (97.3%),
0 silent, 12/12.
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy

from agent.understanding import understand
from agent.understanding_number_words import number_words

DEV10B = accuracy.load_cases(accuracy.DATA / "dev10b_messages.yaml")
LANGUAGES = ("it", "pl", "ru", "uk", "hi", "sv")


def test_the_worst_read_languages_hold_up() -> None:
    assert len(DEV10B) >= 270
    assert len({c["id"] for c in DEV10B}) == len(DEV10B)
    by_language = [c["id"].split("-")[1] for c in DEV10B]
    counts = {lang: by_language.count(lang) for lang in LANGUAGES}
    assert min(counts.values()) >= 30, counts
    result = accuracy.score(DEV10B)
    # known misses, asked back or left unset, never stored wrong: "60 per turno su tre turni" (operators per shift
    # times the shifts: asked whether the 3 was counted), "sprzętu nie mamy, możemy wydzierżawić ... L40S" (asked
    # whether the card is rented), "половину будут задавать боту" (a share of the rate: asked), "har ek roz 15-20
    # claims dekhta hai" (claims handled, not searches: left unset); batch 2: "gli annunci online sono sui 18 mila"
    # (asked whether 18,000 counts the listings), 40 GB of PDFs with "il numero esatto non lo so" (unset), a peak and
    # an off-peak rate (unset), "нотариусов 250, а не 300" after a rate (unset), a bare total after a list of document
    # kinds (asked)
    known = {"b10-it-32", "b10-pl-9", "b10-ru-3", "b10-hi-7", "b10-it-40", "b10-it-44", "b10-pl-43", "b10-ru-43",
             "b10-uk-40"}
    missed = {o.case["id"] for o in result["outcomes"] if o.problems or o.silent}
    assert missed <= known, sorted(missed - known)
    assert result["silent_wrong_fills"] == 0
    assert result["side_questions_routed"] == result["side_questions"]
    assert result["accuracy"] >= 0.97, f"{result['accuracy']:.1%}"


@pytest.mark.parametrize(("text", "digits"), [
    ("тыщи три запросов", "about 3000 запросов"),
    ("где-то тыщ 15 документов", "где-то about 15000 документов"),
    ("обращений тысяч сорок", "обращений about 40000"),
    ("около полумиллиона поисков", "около 500000 поисков"),
])
def test_a_magnitude_before_its_figure(text: str, digits: str) -> None:
    assert number_words(text) == digits


@pytest.mark.parametrize(("text", "old", "new"), [
    ("стоп, я напутал: дел не 2,3 млн, а 1,8", 2_300_000, 1_800_000),
    ("sorry: cases not 2.3 million, but 1.8", 2_300_000, 1_800_000),
    ("scusa, non 1,5 milioni ma 1,2", 1_500_000, 1_200_000),
    ("poprawka: nie 300 tys., a 250", 300_000, 250_000),
])
def test_a_corrected_figure_with_decimals_keeps_the_magnitude(text: str, old: int, new: int) -> None:
    assert understand(text, None, {"corpus_docs": old}).updates.get("corpus_docs") == new


@pytest.mark.parametrize(("text", "asked", "field", "value"), [
    ("urzędników jest ok. 600, każdy po 5 wyszukiwań w dniu pracy", "queries_per_month", "queries_per_month", 66_000),
    ("клиентов в приложении 300 тыс., на каждого по 2 поиска в месяц", "queries_per_month", "queries_per_month",
     600_000),
    ("studentów mamy 20 tys., każdy zrobi może 3 wyszukiwania w miesiącu", "queries_per_month", "queries_per_month",
     60_000),
    ("ruch na wyszukiwarce to ok. 40 tys. zapytań na dobę", "queries_per_month", "queries_per_month", 1_200_000),
    ("десь 5 тисяч запитів у робочий день", "queries_per_month", "queries_per_month", 110_000),
    ("utvecklarna är 60 st, säg 20 frågor var om dagen", "queries_per_month", "queries_per_month", 39_600),
    ("gli atti sono brevi, 3 o 4 facciate in media", "doc_length_tokens", "doc_length_tokens", 1750),
    ("в среднем листов 30", "doc_length_tokens", "doc_length_tokens", 15_000),
    ("teczka to często 100+ stron, ale średnio ze 40", "doc_length_tokens", "doc_length_tokens", 20_000),
    ("średnio półtorej strony", "doc_length_tokens", "doc_length_tokens", 750),
    ("Kancelaria radcowska, 12 prawników, archiwum to ok. 9 tys. teczek spraw", None, "corpus_docs", 9000),
    ("близько 45 тисяч робіт, українською та англійською", "corpus_docs", "corpus_docs", 45_000),
    ("консультантів у нас 25, кожен шукає раз 20 на день", "queries_per_month", "queries_per_month", 12_500),
    ("rekryterarna är ett 80-tal och gör väl 30 sökningar var per dag", "queries_per_month", "queries_per_month",
     60_000),
    ("budżet roczny 60 tys. zł brutto", "budget_usd_month", "budget_usd_month", 1250),
    ("на год заложено 2,4 млн рублей", "budget_usd_month", "budget_usd_month", 2222),
    ("Question bank mein 6 lakh questions hain with solutions", None, "corpus_docs", 600_000),
])
def test_people_rates_and_lengths(text: str, asked: str | None, field: str, value: int) -> None:
    got = understand(text, asked).updates.get(field)
    assert got is not None and abs(got - value) <= 0.25 * value, got


def test_questions_held_with_their_solutions_are_no_query_rate() -> None:
    said = understand("our question bank has 600000 questions with solutions", None)
    assert said.updates.get("corpus_docs") == 600_000 and "queries_per_month" not in said.updates
    assert understand("we get about 2000 questions a day", "queries_per_month").updates["queries_per_month"] == 60_000


def test_a_rate_of_people_not_counted_is_not_stored() -> None:
    said = understand("the customers, each 2 searches per month", "queries_per_month")
    assert "queries_per_month" not in said.updates


@pytest.mark.parametrize(("text", "asked"), [
    ("cirka 10 000 i månaden, kronor eller euro vet jag inte", "budget_usd_month"),
    ("20 tys. miesięcznie, złotych czy euro muszę sprawdzić", "budget_usd_month"),
    ("50 hazaar, rupees ya dollars pata nahi", "budget_usd_month"),
    ("about 40 thousand requests a month, half of them would go to the bot", "queries_per_month"),
    ("диссертация — это 150–200 страниц, а автореферат страниц 20", "doc_length_tokens"),
    ("en avhandling är väl 200 sidor, artiklarna ett tiotal", "doc_length_tokens"),
])
def test_an_open_currency_share_or_length_is_asked_about(text: str, asked: str) -> None:
    outcome = accuracy.run_case({"id": "t", "m": text, "asked": asked, "confirm": True})
    assert not outcome.problems and not outcome.silent, (outcome.problems, outcome.silent)
