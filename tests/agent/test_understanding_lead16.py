"""The sixteenth session's lead round (issue 17): hosting, the data rule and precision said in long openings.

heldout49 (opened this round) and the class set dev18a (written blind for it) are long messages that paste
requirements: who runs the model, where the data may go and how much precision matters are said in every way a
team writes them. Each case here is phrased anew (other trades and wordings than the two sets).
"""

from __future__ import annotations

from typing import Any

import pytest
from interview_sets import read

from agent.understanding import understand


def _fields(message: str, asked: str | None = None) -> dict[str, Any]:
    return understand(message, asked).updates


@pytest.mark.parametrize("message", [
    # a verb of running or hosting and a place of the user's own, either order, in every language
    "We'd deploy the model on our own Kubernetes cluster.",
    "The plan is to host it in our data centre on two L4s.",
    "We install everything on our own hardware, no SaaS.",
    "We run everything in-house.",
    "Wir hosten das Modell im eigenen Rechenzentrum.",
    "Das Modell soll intern betrieben werden.",
    "On va héberger le modèle sur nos propres serveurs.",
    "Le modèle tournera en interne.",
    "Vamos a desplegar el modelo en nuestros propios servidores.",
    "Lo instalaríamos en nuestro CPD.",
    "Il modello lo facciamo girare sui nostri server.",
    "模型部署在我们自己的机房。",
    "自社のサーバーで運用する予定です。",
    "モデルは社内環境に構築します。",
    "사내 서버에 직접 설치해서 운영할 거예요.",
    "모델은 자체 인프라에서 돌릴 예정입니다.",
])
def test_the_model_run_by_the_user_is_self_hosted(message: str) -> None:
    assert _fields(message).get("deployment") == "self_hosted", message


@pytest.mark.parametrize("message", [
    "We run an in-house legal team of 12 lawyers and want search over 40k contracts.",  # a team, not the model
    "Our docs are hosted internally on Confluence, about 5k pages.",  # the documents are hosted
    "Our previous vendor ran it on their own servers, which was slow.",
    "Should we run it in-house or use an API?",  # a question
    "Selbst wenn wir es hosten müssten, wäre das ok.",  # "selbst wenn": even if
    "Wir betreiben intern schon Elasticsearch.",
    "The tool will serve in-house lawyers, about 80 of them.",
])
def test_a_place_or_team_of_our_own_is_no_hosting(message: str) -> None:
    assert "deployment" not in _fields(message), message


@pytest.mark.parametrize("message", [
    "Realistically we'd end up using a managed API.",
    "Nous préférons une solution managée.",
    "Wir würden wohl eine API nutzen.",
    "Usaríamos una API, no tenemos GPU.",
    "打算调用云厂商的API。",
    "APIを利用する予定です。",
    "API를 쓸 계획입니다.",
    "The index would be hosted by the vendor, we only send the text.",
])
def test_a_hosted_api_named_as_the_way_is_api(message: str) -> None:
    assert _fields(message).get("deployment") == "api", message


def test_the_llms_api_or_the_vendors_hosting_is_no_choice_of_ours() -> None:
    assert "deployment" not in _fields("Our Llama 3 70B already runs in-house; for the embeddings an API is fine.")
    assert _fields("The vendor self-hosts the model for us and we just hit their endpoint.").get("deployment") == "api"


@pytest.mark.parametrize(("message", "side"), [
    # a hosting line of a pasted list: one side offered, a side refused next to its word is not offered
    ("- Deployment: on-prem only (no SaaS)", "self_hosted"),
    ("部署方式：本地部署", "self_hosted"),
    ("運用形態：クラウド（SaaS）可、オンプレ不可", "api"),
    ("Betrieb: Managed Service beim Anbieter", "api"),
    ("Hébergement : chez nous, pas de cloud", "self_hosted"),
    ("배포: 온프레미스", "self_hosted"),
    ("Hosting: either is fine (API or self-hosted)", "any"),
    # both sides with a word of indifference, in any language
    ("Cloud API or running it on our own servers, we don't mind.", "any"),
    ("Peu importe, API ou on-premise.", "any"),
    ("Tanto faz se for API ou local.", "any"),
    ("APIでもオンプレでもどちらでもいいです。", "any"),
    ("API든 온프레미스든 상관없어요.", "any"),
    ("API或者本地部署都行。", "any"),
])
def test_hosting_said_by_a_label_or_left_open(message: str, side: str) -> None:
    assert _fields(message).get("deployment") == side, message


@pytest.mark.parametrize("message", [
    "The documents must never leave our premises.",
    "Customer data can't go outside the country.",
    "Les données ne quittent jamais nos serveurs.",
    "Os dados nunca saem do nosso datacenter.",
    "数据不出境是硬性要求。",
    "データの海外への持ち出しは禁止です。",
    "해외 반출 불가입니다.",
    "Nothing we hold goes to third-party services.",
    "Wegen der Schweigepflicht darf nichts an externe Dienstleister.",
    "la transferencia de datos a terceros está prohibida: queda prohibida la transferencia de datos a terceros.",
])
def test_data_refused_a_way_out_stays(message: str) -> None:
    assert _fields(message).get("data_must_stay_on_prem") is True, message


def test_the_country_refused_beats_a_cloud_in_the_country() -> None:
    # "the data may leave the company, not the country; a domestic cloud API is fine": the rule is the country's
    assert _fields("数据可以出公司，但不能出境，用国内厂商的API没问题。", "data_must_stay_on_prem").get(
        "data_must_stay_on_prem") is True


@pytest.mark.parametrize(("message", "value"), [
    ("These are all published press releases, so no concerns about where they're processed.", False),
    ("Only public regulations, an external API is fine by us.", False),
    ("Sind alles öffentliche Handbücher, also kein Datenschutzproblem.", False),
    ("공개 자료라서 외부 API 사용 OK", False),
    ("We index public court rulings, but the API must not be used.", None),  # the API refused, nothing public frees
])
def test_public_documents_with_an_api_allowed(message: str, value: bool | None) -> None:
    assert _fields(message).get("data_must_stay_on_prem") is value, message


@pytest.mark.parametrize("message", [
    "Präzision ist sehr wichtig, Fehltreffer kosten uns Zeit.",
    "La précision est primordiale pour nos juristes.",
    "La precisión es fundamental para nosotros.",
    "Precisão é crítica neste projeto.",
    "정확도가 매우 중요합니다.",
])
def test_precision_said_critical_in_other_languages(message: str) -> None:
    assert _fields(message).get("precision_critical") is True, message


def test_an_organisation_said_its_own_way() -> None:
    assert _fields("我行打算做一个内部制度问答系统").get("domain") == "finance"  # 我行: our bank
    assert "domain" not in _fields("我行不行还不知道")  # "whether I can do it": no bank
    assert _fields("I work for a district council; staff search planning policies.").get("domain") == "general"


@pytest.mark.parametrize("message", [
    "Each policy is about 12 pages, not counting the attachments.",
    "Die Gutachten haben rund 12 Seiten, Anlagen nicht mitgerechnet.",
    "Around 12 pages each, without the annexes.",
])
def test_attachments_left_out_keep_the_length(message: str) -> None:
    # attachments excluded from the length are no reason to ask it back (s16-c asks where they are indexed too)
    update = read(message, "doc_length_tokens", None)
    provenance = update.get("provenance") or {}
    assert provenance.get("doc_length_tokens") == "said" and update["profile"]["doc_length_tokens"] == 6000, update


def test_attachments_indexed_too_ask_the_length() -> None:
    update = read("Each policy is about 12 pages, but its 60-page annex should be indexed too.", "doc_length_tokens",
                  None)
    assert (update.get("provenance") or {}).get("doc_length_tokens") != "said", update
