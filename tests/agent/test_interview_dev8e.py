"""Development set 8e: residency, deployment, licence and first-indexing statements by class, in every language.

Classes (see the header of tests/agent/data/dev8e_messages.yaml): a country or region the data must stay in (a hosting
condition "as long as it's hosted in the EU" is a rule), regulators and laws, an API allowed under a contract (false),
the model self-hosted while the data may sit in the cloud, the model hosted by the user, "it has to run on that
machine, confidentiality", settings that state no rule (a hospital's "院内规范", "commercially sensitive", "a commercial
bank"), licence statements, and the first indexing's window.
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy

from agent import understanding_residency as R
from agent.understanding import understand
from agent.understanding_numbers import normalise
from agent.understanding_structure import first_indexing_days

DEV8E = accuracy.load_cases(accuracy.DATA / "dev8e_messages.yaml")
_MY_FIELDS = ("data_must_stay_on_prem", "deployment", "license", "max_first_indexing_days")


def test_the_residency_and_licence_set_holds_up() -> None:
    assert len(DEV8E) >= 150
    languages = {c["id"].split("-")[1] for c in DEV8E}
    assert {"en", "de", "fr", "es", "pt", "it", "nl", "pl", "sv", "tr", "ru", "zh", "ja", "ko", "hi"} <= languages
    ids = [c["id"] for c in DEV8E]
    assert len(set(ids)) == len(ids)
    result = accuracy.score(DEV8E)
    # every residency, deployment, licence and indexing field is right and nothing is filled silently; the misses
    # left are other readers' (a domain from "病院"/"은행" in an opener, a count before "protocolos" / "procédures
    # internes", a domain read from "it's a government contract"): a new miss or silent fill fails here
    known = {"d8e-ja-12", "d8e-ko-11", "d8e-es-12", "d8e-fr-11", "d8e-en-4"}
    silent = {o.case["id"] for o in result["outcomes"] if o.silent}
    assert silent <= known, sorted(silent - known)
    missed = {o.case["id"] for o in result["outcomes"] if o.problems}
    assert missed <= known, sorted(missed - known)
    mine = [p for o in result["outcomes"] for p in o.problems if any(f in p for f in _MY_FIELDS)]
    assert not mine, mine
    assert result["accuracy"] >= 0.97, f"{result['accuracy']:.1%}"


@pytest.mark.parametrize("text", [
    "as long as it's hosted in Canada we're fine",
    "any cloud is ok provided the servers are in the UK",
    "Solange die Server in Deutschland stehen, ist Cloud okay",
    "Mientras esté alojado en la UE, no hay problema",
    "只要服务器在国内就行，公有云也可以",
    "日本国内のデータセンターであればクラウドでも構いません",
    "국내 리전이면 클라우드도 괜찮아요",
    "Облако подойдёт, если серверы в России",
    "Wegen Datenschutz nur europäische Anbieter",
])
def test_a_region_condition_is_a_residency_rule(text: str) -> None:
    assert R.region_rule(normalise(text))
    assert understand(text, "data_must_stay_on_prem").updates.get("data_must_stay_on_prem") is True


@pytest.mark.parametrize("text", [
    "we're a bank in Frankfurt with ~40k internal policy documents",
    "the data doesn't have to stay in the EU",
    "our users are mostly in Germany and Austria",
    "maybe EU only later, not decided",
])
def test_a_place_without_a_rule_is_not_one(text: str) -> None:
    assert not R.region_rule(normalise(text))


@pytest.mark.parametrize(("text", "asked"), [
    ("我在一家三甲医院信息科，想把临床诊疗指南和院内规范做成检索系统，文档大概6000份", None),
    ("the pricing in there is commercially sensitive so it can't leave our own servers", "data_must_stay_on_prem"),
    ("Nous sommes une banque commerciale, environ 30 000 procédures internes", None),
])
def test_no_licence_or_residency_from_a_setting_alone(text: str, asked: str | None) -> None:
    updates = understand(text, asked).updates
    assert "license" not in updates
    if asked is None:
        assert "data_must_stay_on_prem" not in updates


@pytest.mark.parametrize(("text", "deployment", "on_prem"), [
    ("模型必须我们自己部署，不过数据其实放云上没问题", "self_hosted", False),
    ("Il modello dobbiamo ospitarlo noi, è una richiesta della proprietà", "self_hosted", None),
    ("it has to run on that Mac, client confidentiality", "self_hosted", True),
    ("we're fine using an API as long as the vendor signs a BAA", None, False),
    ("망분리 때문에 외부 API는 절대 못 씁니다", None, True),
])
def test_who_hosts_the_model_and_where_the_data_stays_are_two_fields(text: str, deployment: str | None,
                                                                    on_prem: bool | None) -> None:
    updates = understand(text, "deployment" if deployment else "data_must_stay_on_prem").updates
    assert updates.get("deployment") == deployment
    assert updates.get("data_must_stay_on_prem") is on_prem


@pytest.mark.parametrize(("text", "days"), [
    ("btw the first indexing of the backlog can take up to two weeks, no rush", 14),
    ("die erstindizierung darf ruhig eine woche dauern", 7),
    ("pierwsze indeksowanie może trwać tydzień", 7),
    ("第一次建索引一个周末内完成就行", 2),
    ("首次索引可以花两周时间", 14),
])
def test_the_first_indexing_window(text: str, days: float) -> None:
    assert first_indexing_days(normalise(text)) == days
