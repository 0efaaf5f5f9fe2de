"""Consultations on a real PostgreSQL server: the index, idempotency records and checkpoints live there, and
several workers (services, or ``serve`` processes) share one database without losing or doubling a turn."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import httpx
import psycopg
import pytest
from live_server import AUTH, ServerProcess

from agent.service import AdvisorService
from agent.store import open_store
from knowledge.settings import Settings

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
SCRIPT = ("Legal contracts in Chinese and English", "about 800 tokens", "50k documents", "10,000 queries a month",
          "yes, it must stay on prem", "a T4 GPU", "skip", "just recommend")


def tables(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()
    return {r[0] for r in rows}


def test_schema_is_created_at_start_up_and_everything_lives_in_postgres(postgres_url, tmp_path):
    with AdvisorService(Settings(data_dir=tmp_path), database_url=postgres_url) as svc:
        reply = svc.start(SCRIPT[0], request_id="req-1")
        svc.send(reply.consultation_id, SCRIPT[1], message_id="m-1")
    assert {"advisor_consultations", "advisor_messages", "advisor_starts", "checkpoints", "checkpoint_writes",
            "checkpoint_migrations"} <= tables(postgres_url)
    assert not (tmp_path / "checkpoints.sqlite").exists()
    with psycopg.connect(postgres_url) as conn:
        assert conn.execute("SELECT turns, title FROM advisor_consultations").fetchall() == [(2, SCRIPT[0])]
        assert conn.execute("SELECT message_id, turn FROM advisor_messages").fetchall() == [("m-1", 1)]
        assert conn.execute("SELECT request_id FROM advisor_starts").fetchall() == [("req-1",)]
        n = conn.execute("SELECT count(*) FROM checkpoints WHERE thread_id = %s", (reply.consultation_id,)).fetchone()
        assert n[0] >= 2
    # a second start-up on the same database migrates nothing twice and keeps the data
    with AdvisorService(Settings(data_dir=tmp_path), database_url=postgres_url) as svc:
        state = svc.state(reply.consultation_id)
        assert [m.text for m in state.transcript if m.role == "user"] == list(SCRIPT[:2])
        assert svc.start(SCRIPT[0], request_id="req-1").replayed


def test_turns_alternating_between_two_workers_give_the_single_worker_answer(postgres_url, tmp_path):
    with AdvisorService(Settings(data_dir=tmp_path / "one")) as alone:
        cid = alone.start(SCRIPT[0]).consultation_id
        for text in SCRIPT[1:]:
            expected = alone.send(cid, text)
    with AdvisorService(Settings(data_dir=tmp_path / "a"), database_url=postgres_url) as a, \
            AdvisorService(Settings(data_dir=tmp_path / "b"), database_url=postgres_url) as b:
        workers = [a, b]
        cid = a.start(SCRIPT[0]).consultation_id
        for i, text in enumerate(SCRIPT[1:]):
            reply = workers[(i + 1) % 2].send(cid, text, message_id=f"m{i}")
        assert reply.turn == len(SCRIPT) == expected.turn
        assert reply.profile == expected.profile and reply.provenance == expected.provenance
        assert [r["model"] for r in reply.recommendation["recommendations"]] == [
            r["model"] for r in expected.recommendation["recommendations"]]
        for w in workers:  # both read the same stored consultation
            assert [m.text for m in w.state(cid).transcript if m.role == "user"] == list(SCRIPT)
            assert [s.consultation_id for s in w.list()] == [cid]


def test_the_same_message_sent_to_two_workers_at_once_is_applied_once(postgres_url, tmp_path):
    with AdvisorService(Settings(data_dir=tmp_path / "a"), database_url=postgres_url) as a, \
            AdvisorService(Settings(data_dir=tmp_path / "b"), database_url=postgres_url) as b:
        ids = [a.start(SCRIPT[0]).consultation_id for _ in range(6)]
        errors: list[BaseException] = []

        def send(worker: AdvisorService, cid: str, i: int) -> None:
            try:
                worker.send(cid, SCRIPT[i], message_id=f"{cid}-{i}")
            except BaseException as exc:  # noqa: BLE001 (collected for the assertion)
                errors.append(exc)

        for i in range(1, 4):  # each answer sent through both workers at the same moment
            threads = [threading.Thread(target=send, args=(w, cid, i)) for cid in ids for w in (a, b)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        assert not errors
        for cid in ids:
            users = [m.text for m in b.state(cid).transcript if m.role == "user"]
            assert users == list(SCRIPT[:4]) and a.state(cid).turn == 4


def test_the_advisory_lock_serialises_across_connections(postgres_url, tmp_path):
    store_a, store_b = open_store(tmp_path, postgres_url), open_store(tmp_path, postgres_url)
    try:
        order: list[str] = []
        with store_a.lock("consultation:x"):
            t = threading.Thread(target=lambda: (store_b.lock("consultation:x").__enter__(), order.append("b")))
            t.start()
            time.sleep(0.3)
            order.append("a-done")
        t.join(10)
        assert order == ["a-done", "b"]
        with store_a.lock("consultation:y"):  # another key is not blocked
            pass
    finally:
        store_a.close()
        store_b.close()  # closing the connection releases b's lock


def test_two_serve_workers_one_killed_mid_conversation_lose_and_double_nothing(postgres_url, tmp_path):
    """Ten consultations spread over two ``serve`` processes; worker A is killed with -9; the clients resend the
    unanswered message to worker B with the same message_id: every answer is stored exactly once."""
    env = {"ADVISOR_DATABASE_URL": postgres_url}
    a = ServerProcess(tmp_path / "a", env=env).start()
    b = ServerProcess(tmp_path / "b", env=env).start()
    try:
        with httpx.Client(headers=AUTH, timeout=60) as client:
            ids = [client.post(f"{(a, b)[i % 2].url}/v1/consultations", json={"message": SCRIPT[0]}).json()[
                "consultation_id"] for i in range(10)]
            acked = dict.fromkeys(ids, 1)
            for i in range(1, 4):  # turns alternate between the workers
                for cid in ids:
                    r = client.post(f"{(a, b)[(i + ids.index(cid)) % 2].url}/v1/consultations/{cid}/messages",
                                    json={"text": SCRIPT[i], "message_id": f"{cid}-{i}"})
                    assert r.status_code == 200, r.text
                    acked[cid] += 1
            a.kill()
            for i in range(4, len(SCRIPT)):  # what A would have answered goes to B, resent with the same ids
                for cid in ids:
                    for attempt in range(2):
                        r = client.post(f"{b.url}/v1/consultations/{cid}/messages",
                                        json={"text": SCRIPT[i], "message_id": f"{cid}-{i}"})
                        assert r.status_code == 200, r.text
                        assert r.json()["replayed"] == (attempt == 1)
            for cid in ids:
                state = client.get(f"{b.url}/v1/consultations/{cid}").json()
                users = [m["text"] for m in state["transcript"] if m["role"] == "user"]
                assert users == list(SCRIPT), users
                assert state["recommendation"]["recommendations"]
            a.start()  # the restarted worker sees the same consultations
            assert client.get(f"{a.url}/v1/consultations/{ids[0]}").json()["turn"] == len(SCRIPT)
    finally:
        a.stop()
        b.stop()


CHILD = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from agent.service import AdvisorService
    from knowledge.settings import Settings
    import agent.nodes
    service = AdvisorService(Settings(data_dir=Path(sys.argv[1])), database_url=sys.argv[2])
    def die(*args, **kwargs):
        os.kill(os.getpid(), 9)
    agent.nodes.rank_profile = die  # this worker dies inside the recommend step, holding the lock
    service.send(sys.argv[3], "just recommend", message_id="final")
""")


def test_a_worker_killed_mid_turn_leaves_the_turn_to_another_worker(postgres_url, tmp_path):
    with AdvisorService(Settings(data_dir=tmp_path / "b"), database_url=postgres_url) as b:
        cid = b.start(SCRIPT[0]).consultation_id
        for i, text in enumerate(SCRIPT[1:4]):
            b.send(cid, text, message_id=f"m{i}")
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        proc = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "a"), postgres_url, cid], cwd=REPO,
                              env=env, capture_output=True, text=True, timeout=120)
        assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]
        # The dead worker's advisory lock went with its connection: worker B is not blocked, and the client's
        # resend with the same message_id finishes the cut-short turn exactly once.
        start = time.monotonic()
        reply = b.send(cid, "just recommend", message_id="final")
        assert time.monotonic() - start < 30
        assert reply.recommendation is not None and reply.turn == 5
        users = [m.text for m in b.state(cid).transcript if m.role == "user"]
        assert users == [*SCRIPT[:4], "just recommend"]
        assert b.send(cid, "just recommend", message_id="final").replayed
