"""Done-when flow through the REST API: attach documents, ask to check the short list, see it run, get measured nDCG."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from agent.service import AdvisorService
from ui.api.app import create_app
from ui.api.security import ApiLimits

REPO = Path(__file__).resolve().parents[3]
GENERAL = REPO / "knowledge" / "benchmarks" / "ea-general-en" / "corpus.jsonl"


def _documents(n: int) -> list[tuple[str, tuple[str, bytes, str]]]:
    rows = [json.loads(line) for line in GENERAL.read_text().splitlines()[:n]]
    return [("files", (f"{r['_id']}.txt", f"{r['title']}\n\n{r['text']}".encode(), "text/plain")) for r in rows]


@pytest.fixture
def client(tmp_path, with_shared_models):
    with_shared_models(tmp_path)
    service = AdvisorService.from_env({"ADVISOR_DATA_DIR": str(tmp_path), "HF_HUB_OFFLINE": "1"})
    app = create_app(service, service.settings, None, limits=ApiLimits(rate_per_min=6000))
    with TestClient(app) as http:
        yield http
    service.close()


def test_from_env_gives_the_graph_the_evidence_tools(tmp_path):
    service = AdvisorService.from_env({"ADVISOR_DATA_DIR": str(tmp_path)})
    try:
        assert {"check_documents", "check_status", "quick_mteb", "evaluate_documents", "tokenization_report",
                "probe_alignment", "recommend"} <= set(service.tool_names)
    finally:
        service.close()


def test_attach_rejects_bad_files_and_unknown_consultations(client):
    assert client.post("/v1/consultations/nope/documents", files=_documents(1)).status_code == 404
    cid = client.post("/v1/consultations", json={}).json()["consultation_id"]
    bad = client.post(f"/v1/consultations/{cid}/documents", files=[("files", ("x.png", b"\x89PNG", "image/png"))])
    assert bad.status_code == 422 and "x.png" in bad.text
    assert client.get(f"/v1/consultations/{cid}").json()["documents"] == []
    ok = client.post(f"/v1/consultations/{cid}/documents", files=[("files", ("../../etc/passwd.txt", b"text",
                                                                              "text/plain"))])
    assert ok.status_code == 201 and ok.json()["attached"] == ["passwd.txt"]


@pytest.mark.slow
def test_check_the_short_list_on_attached_documents_end_to_end(client):
    start = client.post("/v1/consultations", json={"message": "English support articles, 5k documents, CPU only"})
    cid = start.json()["consultation_id"]
    client.post(f"/v1/consultations/{cid}/messages", json={"text": "just recommend"})
    attached = client.post(f"/v1/consultations/{cid}/documents", files=_documents(24))
    assert attached.status_code == 201 and len(attached.json()["documents"]) == 24

    plan = client.post(f"/v1/consultations/{cid}/messages", json={"text": "test the short list on my documents"})
    events = plan.json()["tool_events"]
    assert [e["name"] for e in events] == ["check_documents"], plan.json()
    assert "Shall I go ahead?" in plan.json()["text"] and "24 documents" in plan.json()["text"]
    assert "minilm" in plan.json()["text"] and "bm25" in plan.json()["text"]

    go = client.post(f"/v1/consultations/{cid}/messages", json={"text": "yes, go ahead"})
    assert "check_documents" in [e["name"] for e in go.json()["tool_events"]] and "Started" in go.json()["text"]
    seen = set()
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        checks = client.get(f"/v1/consultations/{cid}").json()["checks"]
        assert len(checks) == 1
        seen.add(checks[0]["status"])
        if checks[0]["status"] in ("done", "failed"):
            break
        time.sleep(0.5)
    assert checks[0]["status"] == "done", checks[0]
    assert seen & {"pending", "running"}
    assert set(checks[0]["summary"]["models"]) == {"minilm", "static", "bm25", "hybrid"}

    again = client.post(f"/v1/consultations/{cid}/messages", json={"text": "just recommend"}).json()
    measured = again["recommendation"]["measured"]
    assert {c["candidate"] for c in measured["candidates"]} == {"minilm", "static", "bm25", "hybrid"}
    assert all(0 <= c["ndcg_at_10"] <= 1 and len(c["ci95"]) == 2 for c in measured["candidates"])
    assert "Measured on your 24 documents" in again["text"] and "What changed" in again["text"]
