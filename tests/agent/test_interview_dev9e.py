"""German, Dutch, Swedish, Danish and Norwegian as the offline interviewer reads them (dev9e, issue 17).

Classes (see the header of tests/agent/data/dev9e_messages.yaml): organisations (Kantonalbank, Gemeinde, waterschap,
hogeschool, Region/vård, forsikringsselskab, advokatfirma, sykehus), compound counts and rates, local number formats,
a rate per person before the head count, "werktags N" (a working-day rate), "N sökningar per dag var", crowns
("danske kroner" is DKK, "3 000:-" is SEK, a bare "kroner om måneden"
is left unread), renting said with the verb at the end ("eine H100 ... mieten"),
hosting refused ("wir wollen nichts selbst betreiben"), data allowed to an API under a processing agreement or
refused, the first indexing's "max. eine Woche", bare "tusen"/"tausend"/"duizend" and "tusen tack".
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy

from agent.understanding import understand
from agent.understanding_numbers import normalise
from agent.understanding_structure import first_indexing_days

DEV9E = accuracy.load_cases(accuracy.DATA / "dev9e_messages.yaml")


def test_the_germanic_set_holds_up() -> None:
    assert len(DEV9E) >= 150
    languages = [c["id"].split("-")[1] for c in DEV9E]
    assert languages.count("de") >= 60 and languages.count("nl") >= 45 and languages.count("sv") >= 35
    assert {"da", "no"} <= set(languages)
    assert len({c["id"] for c in DEV9E}) == len(DEV9E)
    result = accuracy.score(DEV9E)
    # before the fixes (d5b9239): 87.2% right, 12 silent. Known misses, left unset (never filled wrong): lines of log
    # data as a corpus (d9e-de-47), a rental "when needed" (d9e-no-3), "eine halbe bis eine Seite" (d9e-de-105), and
    # crowns that may be Danish or Norwegian (d9e-da-2, d9e-no-2: DKK and NOK differ by half; once read as SEK)
    known = {"d9e-de-47", "d9e-no-3", "d9e-de-105", "d9e-da-2", "d9e-no-2"}
    assert result["silent_wrong_fills"] == 0, [(o.case["id"], o.silent) for o in result["outcomes"] if o.silent]
    missed = {o.case["id"] for o in result["outcomes"] if o.problems}
    assert missed <= known, sorted(missed - known)
    assert result["accuracy"] >= 0.98, f"{result['accuracy']:.1%}"


@pytest.mark.parametrize("text", [
    "Wir wollen nichts selbst betreiben, ein gehosteter Dienst wäre ideal",
    "Wir möchten das Modell nicht selbst hosten",
    "Selbst hosten kommt nicht in Frage",
    "we willen het model niet zelf hosten",
    "zelf hosten is geen optie",
    "vi vill inte hosta modellen själva",
    "vi vil ikke selv drive noget",
])
def test_hosting_refused_is_not_self_hosting(text: str) -> None:
    assert understand(text, "deployment").updates.get("deployment") == "api"


@pytest.mark.parametrize(("text", "on_prem"), [
    ("data mag naar een API zolang er een verwerkersovereenkomst is", False),
    ("Die Daten dürfen an eine API gehen, solange es einen AVV gibt", False),
    ("datan får skickas till ett API om vi har ett biträdesavtal", False),
    ("Die Daten dürfen nicht in die Cloud", True),
    ("Die Daten dürfen auf keinen Fall an eine API gehen", True),
    ("data mag niet naar een API", True),
    ("datan får inte skickas till molnet", True),
    ("data må ikke forlade EU", True),
    ("dataene må bli i Norge", True),
])
def test_data_to_an_api_allowed_or_refused(text: str, on_prem: bool) -> None:
    assert understand(text, "data_must_stay_on_prem").updates.get("data_must_stay_on_prem") is on_prem


@pytest.mark.parametrize(("text", "usd"), [
    ("omkring 10.000 danske kroner om måneden", 1449),
    ("maks 8000 norske kroner i måneden", 748),
    ("3 000:- i månaden", 286),  # Swedish crowns
    ("CHF 800.– pro Monat", 896),
])
def test_crowns_and_francs(text: str, usd: float) -> None:
    assert understand(text, "budget_usd_month").updates["budget_usd_month"] == pytest.approx(usd, rel=0.05)


@pytest.mark.parametrize("text", ["omkring 10.000 kr. om måneden", "maks 8000 kroner i måneden"])
def test_crowns_that_may_be_danish_or_norwegian_stay_unread(text: str) -> None:
    assert "budget_usd_month" not in understand(text, "budget_usd_month").updates  # DKK 6.9 or NOK 10.7: not SEK


@pytest.mark.parametrize(("text", "monthly"), [
    ("werktags so 2.000 Suchen", 44000),
    ("on working days about 2000 searches", 44000),
    ("op werkdagen zo'n 500 zoekopdrachten", 11000),
    ("pro Mitarbeiter vielleicht 8 Suchen pro Werktag, wir sind 120 Leute", 21120),
    ("per medewerker zo'n 10 zoekopdrachten per werkdag, we zijn met 60", 13200),
    ("cirka 500 handläggare, kanske 20 sökningar per dag var", 300000),
    ("tusen sökningar om dagen ungefär", 30000),
    ("rundt 3000 søk per dag", 90000),
    ("10 Suchen pro Tag und Person, 40 Personen", 12000),
    ("we get 40k searches a month, mostly on weekdays", 40000),
])
def test_rates(text: str, monthly: int) -> None:
    assert understand(text, "queries_per_month").updates["queries_per_month"] == pytest.approx(monthly, rel=0.02)


@pytest.mark.parametrize(("text", "accelerator", "owned"), [
    ("wir würden eine H100 bei einem deutschen Cloudanbieter mieten", "H100", False),
    ("we zouden een A100 bij een Nederlandse provider huren", "A100", False),
    ("Wir haben eine L4 und könnten eine A10G mieten", "L4", None),
    ("zwei 4090er in einer Workstation, die gehört uns", "RTX 4090", None),
    ("vi har en server med två L4:or", "L4", None),
])
def test_hardware_rented_or_owned(text: str, accelerator: str, owned: bool | None) -> None:
    hw = understand(text, "hardware").updates["hardware"]
    assert hw["accelerator"].startswith(accelerator)
    assert hw.get("owned") is owned


@pytest.mark.parametrize(("text", "domain"), [
    ("Grüezi mitenand, wir sind eine Kantonalbank und möchten interne Weisungen durchsuchbar machen", "finance"),
    ("Hallo, wir sind eine Gemeinde in Oberösterreich und wollen Bürgeranfragen beantworten", "general"),
    ("Ik werk bij een hogeschool, we willen een zoekmachine over scripties", "scientific"),
    ("Jag jobbar på Region Skåne med vårdriktlinjer och rutindokument", "medical"),
    ("Hej, vi er et forsikringsselskab i Aarhus", "finance"),
    ("Vi er et sykehus i Bergen og vil lage intern søk i prosedyrer", "medical"),
    ("Hei! Vi er et advokatfirma i Oslo", "legal"),
    ("Wir sind eine Krankenkasse und wollen Leistungsrichtlinien durchsuchbar machen", "finance"),
    ("Vi er en kommune i Jylland og vil gøre vores sagsbehandling nemmere", "general"),
])
def test_organisations(text: str, domain: str) -> None:
    assert understand(text, None).updates.get("domain") == domain


@pytest.mark.parametrize(("text", "days"), [
    ("Die Erstindizierung darf ein paar Tage dauern, max. eine Woche", 7),
    ("de eerste indexering mag hooguit een week duren", 7),
    ("första indexeringen får ta högst en vecka", 7),
])
def test_the_first_indexing_takes_its_maximum(text: str, days: float) -> None:
    assert first_indexing_days(normalise(text)) == days


@pytest.mark.parametrize("text", ["tusen tack!", "tausend Dank!", "duizend dank"])
def test_a_thank_you_is_not_a_thousand(text: str) -> None:
    assert not understand(text, "corpus_docs").updates
