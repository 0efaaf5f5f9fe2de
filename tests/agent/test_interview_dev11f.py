"""The policy fields in every language of the lexicon (dev11f): where the data may go, who runs the model, the licence
and the latency target, as bare yes / no answers, hedged answers and clauses of an opening.

Classes: see the header of tests/agent/data/dev11f_messages.yaml. Before the fixes (main 305abe9): batch 1 (205
messages, written first) 216/238 right (90.8%), 1 silent wrong fill; the whole set (566 messages, batches 2-8 written
as probes of generalisation during the fixes) 546/669 (81.6%), 24 silent wrong fills. After: batch 1 237/238, the whole
set 668/669, 0 silent.
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy

from agent.understanding import understand

DEV11F = accuracy.load_cases(accuracy.DATA / "dev11f_messages.yaml")
# Not a policy field: a Dutch compound noun ("patiëntdossiers") the document counter does not know
# p11-uk-11: an organisation named in one sentence with a data rule names no domain (s8-c's rule for dev4), where
# this set accepts general for the logistics company
KNOWN_MISSES = {"p11-nl-11", "p11-uk-11"}


def test_the_policy_set_holds_its_figure() -> None:
    assert len(DEV11F) >= 180 and len({c["id"] for c in DEV11F}) == len(DEV11F)
    assert {c["id"].split("-")[-2] for c in DEV11F} >= {"en", "zh", "de", "fr", "es", "ja", "ko", "pt", "it", "nl",
                                                         "pl", "sv", "tr", "ru", "uk", "hi"}
    result = accuracy.score(DEV11F)
    silent = {o.case["id"]: o.silent for o in result["outcomes"] if o.silent}
    missed = {o.case["id"] for o in result["outcomes"] if o.problems}
    assert not silent, silent
    assert missed <= KNOWN_MISSES, sorted(missed - KNOWN_MISSES)


@pytest.mark.parametrize(("text", "value"), [
    ("deve essere in tempo reale", 100.0), ("Echtzeit wäre schön", 100.0), ("в реальном времени", 100.0),
    ("gerçek zamanlı olmalı", 100.0), ("nah, it runs as a nightly batch", None), ("gira tutto di notte", None),
    ("не важливо, обробка вночі пакетно", None), ("Nein, eigentlich nicht", None), ("hemen hemen 300 ms", 300.0)])
def test_the_latency_answer_in_words(text: str, value: float | None) -> None:
    assert understand(text, "latency_p95_ms").updates["latency_p95_ms"] == value


@pytest.mark.parametrize("text", ["Wir bauen Echtzeit-Dashboards, 20.000 Berichte",
                                  "aggiornamenti in tempo reale dal gestionale, 30 mila documenti"])
def test_real_time_is_a_target_only_about_the_answer(text: str) -> None:
    assert "latency_p95_ms" not in understand(text).updates


@pytest.mark.parametrize(("text", "value"), [
    ("Os dados não podem ir pra nuvem", True), ("Дані не можна передавати в хмару", True),
    ("Nuvem pode, desde que seja numa região no Brasil", True), ("不行，必须本地", True),
    ("Azure OpenAI in West Europe would be OK, nothing outside the EU though", True),
    ("Nee, dat mag gewoon naar een API", False), ("API kullanmakta sakınca yok", False)])
def test_a_refusal_is_never_read_as_permission(text: str, value: bool) -> None:
    assert understand(text, "data_must_stay_on_prem").updates.get("data_must_stay_on_prem") is value


@pytest.mark.parametrize("text", ["it needs to feel instant", "мгновенно", "Es muss sich sofort anfühlen"])
def test_instant_without_a_figure_is_asked_back(text: str) -> None:
    outcome = accuracy.run_case({"id": "instant", "m": text, "asked": "latency_p95_ms", "confirm": True})
    assert outcome.right == outcome.total == 1 and not outcome.silent, outcome


@pytest.mark.parametrize("text", ["不行", "Pas encore décidé, on hésite entre les deux", "Пока не знаю, решаем"])
def test_no_side_chosen_is_left_unset(text: str) -> None:
    updates = understand(text, "deployment").updates
    assert "deployment" not in updates and "data_must_stay_on_prem" not in updates


@pytest.mark.parametrize(("text", "asked"), [("yes, probably", "data_must_stay_on_prem"), ("да, наверное", "license"),
                                             ("はい、たぶん", "data_must_stay_on_prem"), ("ja, denk ik", "license")])
def test_a_yes_that_hedges_itself_is_asked_back(text: str, asked: str) -> None:
    outcome = accuracy.run_case({"id": "hedged", "m": text, "asked": asked, "confirm": True})
    assert outcome.right == outcome.total == 1 and not outcome.silent, outcome


@pytest.mark.parametrize(("text", "asked", "value"), [
    ("Так, звісно", "data_must_stay_on_prem", True), ("Ні", "license", "any"),
    ("haan bilkul", "license", "commercial")])
def test_a_plain_yes_or_no_is_read_by_the_field_asked(text: str, asked: str, value: object) -> None:
    assert understand(text, asked).updates[asked] == value
