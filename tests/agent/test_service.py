"""The service facade: replies, state, listing, one-shot recommend, crash recovery, threads, and the chat command."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from agent.interviewer import QUESTIONS, TEXT
from agent.service import AdvisorService
from knowledge.errors import SettingsError, ToolInputError, UnknownConsultationError
from knowledge.settings import Settings
from tools.rank.shortlist import recommend

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def service(tmp_path):
    with AdvisorService(Settings(data_dir=tmp_path)) as svc:
        yield svc


def test_start_send_and_state(service, tmp_path):
    first = service.start()
    assert service.mode == "offline" and (tmp_path / "checkpoints.sqlite").exists()
    assert first.pending_question == QUESTIONS["domain"][0] and first.asked_field == "domain"
    assert first.text.startswith(TEXT["greeting"][0]) and first.recommendation is None and first.turn == 0
    cid = first.consultation_id
    reply = service.send(cid, "Legal contracts in Chinese and English")
    assert reply.profile == {"domain": "legal", "languages": ["zho", "eng"]}
    assert reply.provenance == {"domain": "said", "languages": "said"} and reply.turn == 1
    reply = service.send(cid, "Will BAAI/bge-m3 fit on a T4?")
    assert [(e.name, e.status) for e in reply.tool_events] == [("hardware_fit", "ok")]
    assert reply.tool_events[0].args == {"model": "BAAI/bge-m3", "accelerator": "T4"}
    assert reply.tool_events[0].duration_ms >= 0 and "fits T4" in reply.text
    reply = service.send(cid, "just recommend")
    assert reply.recommendation["recommendations"] and reply.pending_question == TEXT["follow_up"][0]
    assert [e.name for e in reply.tool_events] == ["recommend"]
    state = service.state(cid)
    # greeting+question, answer, ack+question, side question, its answer, the question again, "just recommend",
    # the explanation, the follow-up
    assert [m.role[0] for m in state.transcript] == list("auauaauaa")
    assert [m.text for m in state.transcript if m.role == "user"] == [
        "Legal contracts in Chinese and English", "Will BAAI/bge-m3 fit on a T4?", "just recommend"]
    assert state.pending_question == TEXT["follow_up"][0] and not state.unfinished
    assert state.recommendation == reply.recommendation and state.provenance["corpus_docs"] == "assumed"
    assert [e.name for e in state.evidence] == ["hardware_fit", "recommend"]
    assert state.created_at <= state.updated_at


def test_a_start_sent_twice_with_its_request_id_starts_one_consultation(service):
    from knowledge.errors import RequestIdError

    first = service.start("legal contracts in German, 50k docs", request_id="start-1")
    again = service.start("legal contracts in German, 50k docs", request_id="start-1")
    assert again.consultation_id == first.consultation_id and again.replayed and not first.replayed
    assert (again.turn, again.profile, again.pending_question) == (first.turn, first.profile, first.pending_question)
    assert [c.consultation_id for c in service.list()] == [first.consultation_id]
    with pytest.raises(RequestIdError, match="another first message"):
        service.start("medical notes", request_id="start-1")
    with pytest.raises(RequestIdError, match="request_id must be"):
        service.start(request_id="bad id with spaces")
    # A process that died after recording the id but before creating the consultation: the resend creates it.
    service._store.index.record_start("start-2", "0123456789ab", "")
    reply = service.start(request_id="start-2")
    assert reply.consultation_id == "0123456789ab" and not reply.replayed and reply.asked_field == "domain"
    # Sent twice at once: still one consultation.
    replies = []
    threads = [threading.Thread(target=lambda: replies.append(service.start("code search", request_id="start-3")))
               for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({r.consultation_id for r in replies}) == 1 and sorted(r.replayed for r in replies) == [False, True]
    assert len(service.list()) == 3


def test_bad_ids_and_messages_are_caller_errors(service):
    with pytest.raises(UnknownConsultationError):
        service.send("nope", "hello")
    with pytest.raises(UnknownConsultationError):
        service.state("../../etc")
    cid = service.start().consultation_id
    with pytest.raises(ToolInputError, match="empty"):
        service.send(cid, "   ")
    with pytest.raises(ToolInputError, match="limit"):
        service.send(cid, "x" * 20_001)
    with pytest.raises(ToolInputError, match="limit must be"):
        service.list(limit=0)


def test_list_is_newest_first_and_paginates(service):
    ids = [service.start(f"consultation {i}: legal contracts").consultation_id for i in range(5)]
    pages = [service.list(limit=2, offset=o) for o in (0, 2, 4)]
    assert [len(p) for p in pages] == [2, 2, 1]
    listed = [s.consultation_id for p in pages for s in p]
    assert sorted(listed) == sorted(ids) and len(set(listed)) == 5
    everything = service.list(limit=10)
    assert [s.consultation_id for s in everything] == listed
    assert all(s.title.startswith("consultation") and s.turns == 1 for s in everything)
    times = [s.created_at for s in everything]
    assert times == sorted(times, reverse=True)
    service.send(ids[0], "just recommend")
    row = next(s for s in service.list(limit=10) if s.consultation_id == ids[0])
    assert row.turns == 2 and row.top_model


def test_one_shot_recommend_is_the_batch_object(service):
    profile = yaml.safe_load((REPO / "examples" / "legal-zh.yaml").read_text(encoding="utf-8"))
    assert service.recommend(profile) == recommend(profile)


def test_postgres_url_without_the_package_names_the_variable(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "langgraph.checkpoint.postgres", None)  # as if not installed
    with pytest.raises(SettingsError, match="ADVISOR_DATABASE_URL"):
        AdvisorService(Settings(data_dir=tmp_path), database_url="postgresql://u@localhost/advisor")
    with pytest.raises(SettingsError, match="ADVISOR_DATABASE_URL must be"):
        AdvisorService(Settings(data_dir=tmp_path), database_url="mysql://u@localhost/advisor")


def test_from_env_reads_the_data_dir_and_stays_offline(tmp_path, monkeypatch):
    for var in ("ADVISOR_LLM_BASE_URL", "ADVISOR_LLM_API_KEY", "OPENAI_API_KEY", "ADVISOR_DATABASE_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ADVISOR_DATA_DIR", str(tmp_path / "data"))
    with AdvisorService.from_env() as svc:
        assert svc.mode == "offline" and svc.settings.data_dir == tmp_path / "data"


def test_threads_share_one_service(service):
    ids = [service.start("Legal contracts in English").consultation_id for _ in range(4)]
    errors: list[BaseException] = []

    def talk(cid: str) -> None:
        try:
            for text in ("about 800 tokens", "50k documents", "blorp"):
                service.send(cid, text)
        except BaseException as exc:  # noqa: BLE001 (collected for the assertion)
            errors.append(exc)

    threads = [threading.Thread(target=talk, args=(cid,)) for cid in ids + ids[:2]]  # two threads on the same ids
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert not service._locks and not service._lock_users  # a lock per id ever seen would grow without end
    turns = sorted(service.state(cid).turn for cid in ids)
    assert turns == [4, 4, 7, 7]
    for cid in ids:
        users = [m.text for m in service.state(cid).transcript if m.role == "user"]
        assert users.count("about 800 tokens") == (len(users) - 1) // 3


CHILD = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from agent.service import AdvisorService
    from knowledge.settings import Settings
    service = AdvisorService(Settings(data_dir=Path(sys.argv[1])))
    reply = service.start("Legal contracts in Chinese and English")
    if sys.argv[2] == "mid-turn":
        import agent.nodes
        def die(profile):
            os.kill(os.getpid(), 9)
        agent.nodes.rank_profile = die  # the process dies inside the recommend step
    for text in sys.argv[3:]:
        service.send(reply.consultation_id, text)
    print(reply.consultation_id, flush=True)
    time.sleep(60)
""")


def run_child(data_dir: Path, mode: str, *answers: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(data_dir), mode, *answers], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        if mode == "mid-turn":
            proc.wait(timeout=60)
            assert proc.returncode == -signal.SIGKILL
            return ""
        line = proc.stdout.readline().strip()
        assert line, proc.stderr.read() if proc.poll() is not None else "no consultation id"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        return line
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()
        proc.stderr.close()


@pytest.mark.slow
def test_a_killed_process_loses_no_answer_and_duplicates_none(tmp_path):
    cid = run_child(tmp_path, "idle", "about 6000 tokens", "200k documents")
    with AdvisorService(Settings(data_dir=tmp_path)) as service:
        state = service.state(cid)
        users = [m.text for m in state.transcript if m.role == "user"]
        assert users == ["Legal contracts in Chinese and English", "about 6000 tokens", "200k documents"]
        assert state.pending_question == QUESTIONS["queries_per_month"][0] and state.turn == 3
        assert state.profile["doc_length_tokens"] == 6000 and state.profile["corpus_docs"] == 200_000
        reply = service.send(cid, "500,000 queries a month")
        assert reply.turn == 4 and reply.asked_field == "data_must_stay_on_prem"
        users = [m.text for m in service.state(cid).transcript if m.role == "user"]
        assert users[-2:] == ["200k documents", "500,000 queries a month"] and len(users) == 4


@pytest.mark.slow
def test_a_turn_cut_short_by_a_kill_is_completed_on_resume(tmp_path):
    run_child(tmp_path, "mid-turn", "just recommend")
    with AdvisorService(Settings(data_dir=tmp_path)) as service:
        (summary,) = service.list()
        state = service.state(summary.consultation_id)
        assert state.unfinished and state.pending_question is None and state.recommendation is None
        assert [m.text for m in state.transcript if m.role == "user"][-1] == "just recommend"
        reply = service.resume(summary.consultation_id)
        assert reply.recommendation is not None and "**Recommendation**" in reply.text
        state = service.state(summary.consultation_id)
        assert not state.unfinished and state.pending_question == TEXT["follow_up"][0]
        assert [m.text for m in state.transcript if m.role == "user"].count("just recommend") == 1


def test_chat_command_reads_lines_from_a_pipe(tmp_path, monkeypatch):
    import typer

    from ui.cli.chat import chat_cmd

    for var in ("ADVISOR_LLM_BASE_URL", "ADVISOR_LLM_API_KEY", "OPENAI_API_KEY", "ADVISOR_DATABASE_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ADVISOR_DATA_DIR", str(tmp_path))
    app = typer.Typer()
    app.command("chat")(chat_cmd)
    app.command("other")(lambda: None)  # two commands, so "chat" is a subcommand as in the real CLI
    runner = CliRunner()
    result = runner.invoke(app, ["chat"], input="Legal contracts in English\njust recommend\nquit\nignored\n")
    assert result.exit_code == 0, result.output
    assert "resume with: embedding-advisor chat --id" in result.output and "Recommendation" in result.output
    (summary,) = AdvisorService(Settings(data_dir=tmp_path)).list()
    result = runner.invoke(app, ["chat", "--id", summary.consultation_id], input="")  # EOF ends it
    assert result.exit_code == 0 and summary.consultation_id in result.output
    assert runner.invoke(app, ["chat", "--id", "nope"], input="").exit_code == 2
