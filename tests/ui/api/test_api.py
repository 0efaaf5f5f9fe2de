"""The REST API end to end: a real uvicorn server on 127.0.0.1 in a thread, driven with httpx."""

from __future__ import annotations

import contextlib
import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import typer
from live_server import uvicorn_in_thread
from typer.testing import CliRunner

from agent.service import AdvisorService
from knowledge.errors import SettingsError
from knowledge.settings import Settings
from tools.documents.uploads import sanitise_filename
from tools.rank.shortlist import recommend
from ui.api.app import create_app
from ui.api.security import ApiLimits, TokenBucket, check_startup, load_tokens
from ui.cli.serve import serve_cmd

TOKEN = "test-token-a"
OTHER = "test-token-b"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
CONSULTATION = ["legal contracts in Chinese and English, 20 pages each, 200k docs", "a T4, data must stay on prem",
                "just recommend"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(data_dir: Path, limits: ApiLimits | None = None) -> Iterator[tuple[httpx.Client, Path]]:
    """A real server in a thread; yields a client on its base URL (no auth header) and the data dir."""
    settings = Settings(data_dir=data_dir)
    service = AdvisorService(settings)
    app = create_app(service, settings, [TOKEN, OTHER], limits=limits or ApiLimits(rate_per_min=600))
    try:
        with uvicorn_in_thread(app) as url, httpx.Client(base_url=url, timeout=30) as client:
            yield client, data_dir
    finally:
        service.close()


@pytest.fixture
def api(tmp_path: Path) -> Iterator[tuple[httpx.Client, Path]]:
    with serve(tmp_path) as pair:
        yield pair


def _poll(client: httpx.Client, url: str, timeout: float = 45) -> dict:
    deadline = time.monotonic() + timeout
    seen = set()
    while time.monotonic() < deadline:
        job = client.get(url, headers=AUTH).json()
        seen.add(job["status"])
        if job["status"] in ("done", "failed"):
            return job
        assert 0 <= job["progress"] <= 1
        time.sleep(0.1)
    raise AssertionError(f"job not finished in {timeout}s (saw {seen})")


def test_whole_consultation_resume_and_list(api):
    client, _ = api
    r = client.post("/v1/consultations", json={"message": CONSULTATION[0]}, headers=AUTH)
    assert r.status_code == 201, r.text
    cid = r.json()["consultation_id"]
    assert r.json()["profile"]["domain"] == "legal"
    assert r.json()["pending_question"]
    for text in CONSULTATION[1:]:
        r = client.post(f"/v1/consultations/{cid}/messages", json={"text": text}, headers=AUTH)
        assert r.status_code == 200, r.text
    reply = r.json()
    models = [x["model"] for x in reply["recommendation"]["recommendations"]]
    assert len(models) >= 1 and all(models)
    assert reply["profile"]["data_must_stay_on_prem"] is True

    state = client.get(f"/v1/consultations/{cid}", headers=AUTH).json()
    assert state["consultation_id"] == cid and state["turn"] == 3
    assert [m["text"] for m in state["transcript"] if m["role"] == "user"] == CONSULTATION
    assert [x["model"] for x in state["recommendation"]["recommendations"]] == models

    other = client.post("/v1/consultations", headers=AUTH).json()  # no first message: a greeting
    assert other["text"] and other["consultation_id"] != cid
    listing = client.get("/v1/consultations", params={"limit": 10}, headers=AUTH).json()
    assert {c["consultation_id"] for c in listing["items"]} == {cid, other["consultation_id"]}
    assert next(c for c in listing["items"] if c["consultation_id"] == cid)["top_model"] == models[0]
    assert len(client.get("/v1/consultations", params={"limit": 1, "offset": 1}, headers=AUTH).json()["items"]) == 1


def test_a_start_resent_with_its_idempotency_key_is_one_consultation(api):
    client, _ = api
    key = {**AUTH, "Idempotency-Key": "start-abc"}
    first = client.post("/v1/consultations", json={"message": "support tickets in German"}, headers=key)
    again = client.post("/v1/consultations", json={"message": "support tickets in German"}, headers=key)
    assert first.status_code == again.status_code == 201
    assert again.json()["consultation_id"] == first.json()["consultation_id"] and again.json()["replayed"] is True
    by_body = client.post("/v1/consultations", json={"message": "support tickets in German", "request_id": "start-abc"},
                          headers=AUTH)
    assert by_body.json()["consultation_id"] == first.json()["consultation_id"]
    clash = client.post("/v1/consultations", json={"request_id": "other"}, headers=key)
    assert clash.status_code == 422 and clash.json()["field"] == "request_id"
    reused = client.post("/v1/consultations", json={"message": "medical notes"}, headers=key)
    assert reused.status_code == 422 and reused.json()["field"] == "request_id"
    assert len(client.get("/v1/consultations", headers=AUTH).json()["items"]) == 1


def test_one_shot_recommendation_equals_the_tool(api):
    client, _ = api
    profile = {"id": "zh-legal", "domain": "legal", "languages": ["zh", "en"], "corpus_docs": 200_000,
               "hardware": {"accelerator": "T4"}, "data_must_stay_on_prem": True}
    r = client.post("/v1/recommendations", json=profile, headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json() == json.loads(json.dumps(recommend(profile)))

    bad = client.post("/v1/recommendations", json={"corpus_docs": -5, "colour": "red"}, headers=AUTH)
    assert bad.status_code == 422
    body = bad.json()
    assert body["code"] == "invalid_profile" and body["field"] in ("corpus_docs", "colour")
    assert set(body["problems"]) == {"corpus_docs", "colour"}


def test_why_not_for_a_profile_and_a_consultation(api):
    client, _ = api
    profile = {"domain": "legal", "languages": ["de"], "corpus_docs": 1_500_000, "doc_length_tokens": 3000,
               "hardware": {"accelerator": "none", "cpu_cores": 32, "ram_gb": 64}, "data_must_stay_on_prem": True}
    r = client.post("/v1/why-not", json={"model": "text-embedding-3-large", "profile": profile}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "rejected" and "leave your servers" in r.json()["sentence"]
    r = client.post("/v1/why-not", json={"model": "Qwen/Qwen3-Embedding-8B", "profile": profile}, headers=AUTH)
    assert "first indexing takes" in r.json()["sentence"] and "7-day limit" in r.json()["sentence"]
    r = client.post("/v1/why-not", json={"model": "no-such-model-xyz", "profile": profile}, headers=AUTH)
    assert r.status_code == 404 and r.json()["code"] == "not_found"
    r = client.post("/v1/why-not", json={"model": "bge-m3", "profile": {"corpus_docs": -1}}, headers=AUTH)
    assert r.status_code == 422 and r.json()["code"] == "invalid_profile"
    cid = client.post("/v1/consultations", json={"message": "German legal archive, data must stay on prem"},
                      headers=AUTH).json()["consultation_id"]
    r = client.get(f"/v1/consultations/{cid}/why-not", params={"model": "text-embedding-3-large"}, headers=AUTH)
    assert r.status_code == 200 and r.json()["status"] == "rejected", r.text
    r = client.get("/v1/consultations/nope/why-not", params={"model": "bge-m3"}, headers=AUTH)
    assert r.status_code == 404


def test_models_search_and_show(api):
    client, _ = api
    r = client.get("/v1/models", params={"language": "zh", "limit": 3, "license": "commercial"}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert 1 <= len(r.json()["models"]) <= 3 and r.json()["filters"]["language"] == "zho"
    shown = client.get("/v1/models/BAAI/bge-m3", headers=AUTH)
    assert shown.status_code == 200 and shown.json()["name"] == "BAAI/bge-m3"
    missing = client.get("/v1/models/BAAI/bge-m33333", headers=AUTH)
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    bad = client.get("/v1/models", params={"sort": "colour"}, headers=AUTH)
    assert bad.status_code == 422 and bad.json()["field"] == "sort"


def _corpus(n: int = 12) -> tuple[list[dict], list[dict], list[dict]]:
    docs = [{"id": f"d{i}", "text": f"contract clause {i} about topic{i} with penalty terms {i * 7}"} for i in range(n)]
    queries = [{"id": f"q{i}", "text": f"topic{i} clause"} for i in range(4)]
    qrels = [{"query_id": f"q{i}", "doc_id": f"d{i}", "score": 1} for i in range(4)]
    return docs, queries, qrels


def test_json_evaluation_runs_to_completion(api):
    client, data_dir = api
    docs, queries, qrels = _corpus()
    r = client.post("/v1/evaluations", json={"documents": docs, "queries": queries, "qrels": qrels,
                                             "models": ["bm25"]}, headers=AUTH)
    assert r.status_code == 202, r.text
    job = _poll(client, r.json()["url"])
    assert job["status"] == "done", job
    bm25 = job["summary"]["models"]["bm25"]
    assert bm25["status"] == "ok" and bm25["ndcg_at_10"]["mean"] == pytest.approx(1.0)
    assert bm25["recall_at_10"] == pytest.approx(1.0) and job["progress"] == 1.0
    assert job["summary"]["run"]["n_docs"] == 12 and job["summary"]["run"]["n_queries"] == 4
    assert not (data_dir / "uploads" / job["id"]).exists()  # issue 20: a finished job's uploads are deleted
    assert (data_dir / "evaluations" / job["id"] / "results.json").exists()
    assert client.get("/v1/evaluations/0123456789ab", headers=AUTH).status_code == 404


def test_an_evaluation_names_models_not_downloads(api):
    client, data_dir = api
    docs, queries, qrels = _corpus()
    r = client.post("/v1/evaluations", json={"documents": docs, "queries": queries, "qrels": qrels,
                                             "models": ["bm25", "some-org/not-on-this-machine"]}, headers=AUTH)
    assert r.status_code == 422 and r.json()["field"] == "models"
    assert "some-org/not-on-this-machine" in r.json()["message"] and "not downloaded" in r.json()["message"]
    assert not any((data_dir / "uploads").iterdir())  # nothing kept from a refused request


def test_multipart_evaluation_sanitises_names(api):
    client, data_dir = api
    docs, queries, qrels = _corpus()
    corpus = "".join(json.dumps(d) + "\n" for d in docs).encode()
    files = [("files", ("../../etc/evil name.jsonl", corpus, "application/json")),
             ("queries", ("q.jsonl", "".join(json.dumps(q) + "\n" for q in queries).encode(), "application/json")),
             ("qrels", ("qrels.tsv", "".join(f"{q['query_id']}\t{q['doc_id']}\t1\n" for q in qrels).encode(),
                        "text/tab-separated-values"))]
    r = client.post("/v1/evaluations", files=files, data={"models": "bm25"}, headers=AUTH)
    assert r.status_code == 202, r.text
    job = _poll(client, r.json()["url"])
    assert job["status"] == "done", job
    assert job["summary"]["models"]["bm25"]["ndcg_at_10"]["mean"] == pytest.approx(1.0)
    assert job["files"] == ["evil_name.jsonl"]  # as stored (the folder itself is deleted once the job ends)
    assert sanitise_filename("..\\..\\.hidden") == "hidden" and sanitise_filename("") == "file"
    assert sanitise_filename("a.txt", {"a.txt"}) == "a-2.txt"


def test_auth_failures(api):
    client, _ = api
    assert client.get("/v1/consultations").status_code == 401
    r = client.get("/v1/consultations", headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401 and r.json()["code"] == "unauthorized" and r.headers["WWW-Authenticate"] == "Bearer"
    assert client.get("/v1/consultations", headers={"Authorization": TOKEN}).status_code == 401  # no scheme
    assert client.get("/v1/consultations", headers={"Authorization": f"Bearer {OTHER}"}).status_code == 200
    health = client.get("/healthz")
    body = health.json()
    assert health.status_code == 200 and body.pop("worker")["ok"] is True  # issue 20: the workers' liveness
    assert body == {"status": "ok", "mode": "offline", "auth": True, "slack": False}


def test_size_limits(tmp_path):
    limits = ApiLimits(max_json_bytes=50_000, max_file_bytes=2_000, max_upload_bytes=5_000, rate_per_min=600)
    with serve(tmp_path, limits) as (client, data_dir):
        r = client.post("/v1/consultations", json={"message": "x" * 60_000}, headers=AUTH)
        assert r.status_code == 413 and r.json()["code"] == "too_large"

        def chunks():  # no Content-Length: the streamed byte count must stop it
            for _ in range(20):
                yield b"x" * 5_000

        r = client.post("/v1/consultations", content=chunks(), headers={**AUTH, "Content-Type": "application/json"})
        assert r.status_code == 413
        one_big = [("files", ("big.txt", b"y" * 3_000, "text/plain"))]
        r = client.post("/v1/evaluations", files=one_big, headers=AUTH)
        assert r.status_code == 413 and "per file" in r.json()["message"]
        many = [("files", (f"f{i}.txt", b"z" * 1_500, "text/plain")) for i in range(4)]
        assert client.post("/v1/evaluations", files=many, headers=AUTH).status_code == 413
        assert list((data_dir / "uploads").iterdir()) == []  # rejected uploads leave nothing behind
    assert ApiLimits.from_env({"ADVISOR_MAX_UPLOAD_MB": "10"}).max_file_bytes == 10 * 1024 * 1024
    with pytest.raises(SettingsError, match="ADVISOR_RATE_LIMIT_PER_MIN"):
        ApiLimits.from_env({"ADVISOR_RATE_LIMIT_PER_MIN": "lots"})


def test_rate_limit(tmp_path):
    with serve(tmp_path, ApiLimits(rate_per_min=3)) as (client, _):
        codes = [client.get("/v1/consultations", headers=AUTH).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        r = client.get("/v1/consultations", headers=AUTH)
        assert r.status_code == 429 and r.json()["code"] == "rate_limited" and int(r.headers["Retry-After"]) >= 1
        assert client.get("/v1/consultations", headers={"Authorization": f"Bearer {OTHER}"}).status_code == 200
    now = [0.0]
    bucket = TokenBucket(60, clock=lambda: now[0])
    assert [bucket.take("k") for _ in range(60)] == [0.0] * 60
    assert bucket.take("k") == pytest.approx(1.0)
    now[0] = 1.0
    assert bucket.take("k") == 0.0


def test_malformed_bodies_name_the_field(api):
    client, _ = api
    cid = client.post("/v1/consultations", json={"message": CONSULTATION[0]}, headers=AUTH).json()["consultation_id"]
    r = client.post(f"/v1/consultations/{cid}/messages", json={"txt": "hello"}, headers=AUTH)
    assert r.status_code == 422 and r.json()["code"] == "validation_error" and r.json()["field"] == "text"
    as_json = {**AUTH, "Content-Type": "application/json"}
    r = client.post(f"/v1/consultations/{cid}/messages", content=b"{not json", headers=as_json)
    assert r.status_code == 422 and r.json()["code"] == "validation_error"
    r = client.post(f"/v1/consultations/{cid}/messages", json={"text": "   "}, headers=AUTH)
    assert r.status_code == 422 and r.json()["code"] == "invalid_input"
    r = client.get("/v1/consultations", params={"limit": 0}, headers=AUTH)
    assert r.status_code == 422 and r.json()["field"] == "limit"
    r = client.post("/v1/evaluations", json={"documents": [{"id": "a"}]}, headers=AUTH)
    assert r.status_code == 422 and r.json()["field"] == "documents.0.text"
    r = client.post("/v1/evaluations", content=b"hello", headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 415
    r = client.post("/v1/consultations/nope/messages", json={"text": "hi"}, headers=AUTH)
    assert r.status_code == 404 and r.json()["code"] == "not_found"


def test_openapi_lists_every_route_with_models(api):
    client, _ = api
    spec = client.get("/openapi.json").json()
    expected = {("post", "/v1/consultations"), ("post", "/v1/consultations/{consultation_id}/messages"),
                ("get", "/v1/consultations/{consultation_id}"), ("get", "/v1/consultations"),
                ("post", "/v1/recommendations"), ("get", "/v1/models"), ("get", "/v1/models/{name}"),
                ("post", "/v1/evaluations"), ("get", "/v1/evaluations/{job_id}"), ("get", "/healthz"),
                ("delete", "/v1/consultations/{consultation_id}"), ("delete", "/v1/evaluations/{job_id}"),
                ("post", "/v1/evaluations/{job_id}/cancel"), ("post", "/v1/consultations/{consultation_id}/documents"),
                ("patch", "/v1/consultations/{consultation_id}/profile"),
                ("post", "/v1/why-not"), ("get", "/v1/consultations/{consultation_id}/why-not")}
    found = {(method, path) for path, ops in spec["paths"].items() for method in ops}
    assert found == expected
    schemas = spec["components"]["schemas"]
    for method, path in expected:
        responses = spec["paths"][path][method]["responses"]
        ok = next(v for k, v in responses.items() if k.startswith("2"))
        if method != "delete":  # a DELETE answers 204 without a body
            ref = ok["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
            assert ref in schemas
        assert responses["500"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
        if path.startswith("/v1"):
            assert {"401", "422", "429"} <= set(responses)
    body = spec["paths"]["/v1/evaluations"]["post"]["requestBody"]["content"]
    assert set(body) == {"application/json", "multipart/form-data"}
    assert "EvaluationJSON" in schemas and "RequirementProfile" in schemas and "Hardware" in schemas


def test_startup_refuses_without_tokens(tmp_path, monkeypatch):
    with pytest.raises(SettingsError, match="ADVISOR_API_TOKENS"):
        check_startup([], "127.0.0.1", no_auth=False)
    with pytest.raises(SettingsError, match="loopback"):
        check_startup([], "0.0.0.0", no_auth=True)
    assert check_startup([], "127.0.0.1", no_auth=True) is None
    assert check_startup(["t"], "0.0.0.0", no_auth=False) == ["t"]
    token_file = tmp_path / "tokens"
    token_file.write_text("# comment\nfile-token\n\n", encoding="utf-8")
    settings = Settings.from_env({"ADVISOR_API_TOKENS": "a, b,", "ADVISOR_API_TOKENS_FILE": str(token_file)})
    assert load_tokens(settings) == ["a", "b", "file-token"]
    for var in ("ADVISOR_API_TOKENS", "ADVISOR_API_TOKENS_FILE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ADVISOR_DATA_DIR", str(tmp_path))
    app = typer.Typer()
    app.command()(serve_cmd)
    result = CliRunner().invoke(app, ["--host", "0.0.0.0"])
    assert result.exit_code == 2 and "ADVISOR_API_TOKENS" in result.output
