"""PATCH /v1/consultations/{id}/profile: edits validated like every profile, stored as "edited", re-ranking."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_api import AUTH, CONSULTATION, api  # noqa: E402,F401  (the live-server fixture)


def test_patch_profile_edits_and_reranks(api) -> None:  # noqa: F811
    client, _ = api
    start = client.post("/v1/consultations", json={"message": CONSULTATION[0]}, headers=AUTH).json()
    cid = start["consultation_id"]
    for text in CONSULTATION[1:]:
        client.post(f"/v1/consultations/{cid}/messages", json={"text": text}, headers=AUTH)
    reply = client.patch(f"/v1/consultations/{cid}/profile", json={"hardware": "A100 80GB", "corpus_docs": "2M"},
                         headers=AUTH)
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["profile"]["hardware"]["accelerator"] == "A100-80GB" and body["profile"]["corpus_docs"] == 2_000_000
    assert body["provenance"]["hardware"] == body["provenance"]["corpus_docs"] == "edited"
    assert "Edited:" in body["text"] and "What changed" in body["text"]
    state = client.get(f"/v1/consultations/{cid}", headers=AUTH).json()
    assert state["provenance"]["corpus_docs"] == "edited"


def test_patch_profile_errors_name_the_field(api) -> None:  # noqa: F811
    client, _ = api
    cid = client.post("/v1/consultations", json={"message": CONSULTATION[0]}, headers=AUTH).json()["consultation_id"]
    for body, field in (({"corpus_docs": -3}, "corpus_docs"), ({"colour": "red"}, "colour"),
                        ({"latency_p95_ms": "fast please"}, "latency_p95_ms")):
        reply = client.patch(f"/v1/consultations/{cid}/profile", json=body, headers=AUTH)
        assert reply.status_code == 422, reply.text
        assert reply.json()["field"] == field and field in reply.json()["problems"]
    assert client.get(f"/v1/consultations/{cid}", headers=AUTH).json()["profile"]["corpus_docs"] == 200_000
    missing = client.patch("/v1/consultations/ffffffffffff/profile", json={"corpus_docs": 5}, headers=AUTH)
    assert missing.status_code == 404


def test_patch_profile_of_another_principal_is_404(api) -> None:  # noqa: F811
    """The same ownership check as every consultation route: another token's consultation does not exist for it."""
    from test_api import OTHER

    client, _ = api
    cid = client.post("/v1/consultations", json={"message": CONSULTATION[0]}, headers=AUTH).json()["consultation_id"]
    other = {"Authorization": f"Bearer {OTHER}"}
    reply = client.patch(f"/v1/consultations/{cid}/profile", json={"corpus_docs": "200k"}, headers=other)
    assert reply.status_code == 404 and reply.json()["code"] == "not_found", reply.text
    assert client.get(f"/v1/consultations/{cid}", headers=AUTH).json()["provenance"].get("corpus_docs") != "edited"
