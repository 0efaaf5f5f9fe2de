"""Consultations beside running evaluation jobs, against a real server process on loopback.

Phase 1: a few clients run consultations for a fixed time (no jobs): per-request p95. Phase 2: evaluation jobs are
submitted and the same clients run again while the jobs parse, index and score. Every job must finish once (0 lost,
0 doubled) and the consultations' p95 must stay within 2x of phase 1 (jobs run in worker processes, not on the
server's threads). The figures are printed as one JSON line for the report.
"""

from __future__ import annotations

import json
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from live_server import ServerProcess

pytestmark = pytest.mark.slow

CLIENTS = 4
SECONDS = 12
JOBS = 6
SCRIPT = ["legal contracts in German and English, 50k docs", "a T4, data must stay on prem", "just recommend"]


def _consult(url: str, headers: dict[str, str], seconds: float, latencies: list[float], errors: list[str]) -> None:
    deadline = time.monotonic() + seconds
    with httpx.Client(base_url=url, headers=headers, timeout=30) as client:
        while time.monotonic() < deadline:
            t = time.monotonic()
            r = client.post("/v1/consultations", json={"message": SCRIPT[0]})
            latencies.append(time.monotonic() - t)
            if r.status_code != 201:
                errors.append(f"start {r.status_code}")
                continue
            cid = r.json()["consultation_id"]
            for text in SCRIPT[1:]:
                t = time.monotonic()
                r = client.post(f"/v1/consultations/{cid}/messages", json={"text": text})
                latencies.append(time.monotonic() - t)
                if r.status_code != 200:
                    errors.append(f"message {r.status_code}")


def _phase(url: str, headers: dict[str, str]) -> tuple[list[float], list[str]]:
    latencies: list[float] = []
    errors: list[str] = []
    threads = [threading.Thread(target=_consult, args=(url, headers, SECONDS, latencies, errors))
               for _ in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values)


def _corpus(n: int = 300) -> bytes:
    words = ["tenancy", "notice", "rent", "deposit", "clause", "landlord", "repair", "sublet", "termination",
             "renewal", "arrears", "inventory", "utilities", "insurance", "dispute"]
    lines = []
    for i in range(n):
        text = " ".join(words[(i * 7 + k * 3) % len(words)] for k in range(60)) + f" section {i}"
        lines.append(json.dumps({"id": f"d{i}", "text": text}))
    return ("\n".join(lines) + "\n").encode()


def test_jobs_are_neither_lost_nor_doubled_and_consultations_stay_fast(tmp_path: Path) -> None:
    env = {"ADVISOR_EVAL_WORKERS": "2", "ADVISOR_EVAL_QUEUE": "32", "ADVISOR_LOG_LEVEL": "WARNING"}
    with ServerProcess(tmp_path / "data", env=env) as server:
        headers = {"Authorization": f"Bearer {server.env()['ADVISOR_API_TOKENS']}"}
        _phase(server.url, headers)  # warm-up: the graph and the catalog are loaded once
        quiet, quiet_errors = _phase(server.url, headers)
        corpus = _corpus()
        with server.client() as client:
            ids = []
            for i in range(JOBS):
                r = client.post("/v1/evaluations", files=[("files", (f"lease-{i}.jsonl", corpus,
                                                                      "application/json"))], data={"models": "bm25"})
                assert r.status_code == 202, r.text
                ids.append(r.json()["id"])
            busy, busy_errors = _phase(server.url, headers)
            deadline = time.monotonic() + 300
            jobs: dict[str, Any] = {}
            while time.monotonic() < deadline:
                jobs = {i: client.get(f"/v1/evaluations/{i}").json() for i in ids}
                if all(j["status"] in ("done", "failed", "cancelled") for j in jobs.values()):
                    break
                time.sleep(0.5)
        figures = {"quiet_p95_s": round(_p95(quiet), 3), "busy_p95_s": round(_p95(busy), 3),
                   "quiet_requests": len(quiet), "busy_requests": len(busy),
                   "jobs_done": sum(j["status"] == "done" for j in jobs.values()), "jobs": JOBS}
        sys.stdout.write(json.dumps(figures) + "\n")
        assert not quiet_errors and not busy_errors, (quiet_errors[:5], busy_errors[:5])
        assert [jobs[i]["status"] for i in ids] == ["done"] * JOBS, {i: jobs[i].get("error") for i in ids}  # 0 lost
        assert all(jobs[i]["resumed"] == 0 for i in ids)
        folders = sorted(p.name for p in (tmp_path / "data" / "evaluations").iterdir() if p.is_dir())
        assert folders == sorted(ids)  # 0 doubled: one folder, one results.json per job
        runs = {json.loads((tmp_path / "data" / "evaluations" / i / "results.json").read_text())["run"]["id"]
                for i in ids}
        assert len(runs) == JOBS
        assert figures["busy_p95_s"] <= 2 * figures["quiet_p95_s"] + 0.05, figures
