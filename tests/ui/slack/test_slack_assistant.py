"""Slack's assistant (AI app) threads through the real slack-bolt app and a local stand-in for the Web API."""

from __future__ import annotations

import json
import time
import urllib.parse
from typing import Any

import pytest
from fastapi.testclient import TestClient
from slack_sdk import WebClient
from slack_standin import FakeSlack, deliver, signed

from agent.service import AdvisorService
from ui.slack.app import SlackThreads
from ui.slack.assistant import SUGGESTED_PROMPTS

DM = "D1"
ROOT = "1700000500.000100"


@pytest.fixture
def slack(make_slack: Any) -> tuple[TestClient, FakeSlack, AdvisorService, SlackThreads]:
    rig = make_slack(max_file_mb=2)
    return rig.client, rig.fake, rig.service, rig.threads


_post = deliver


def _open_thread(client: TestClient) -> None:
    _post(client, {"type": "assistant_thread_started", "event_ts": ROOT,
                   "assistant_thread": {"user_id": "U1", "channel_id": DM, "thread_ts": ROOT,
                                        "context": {"channel_id": "C9", "team_id": "T1"}}}, "EvStart")


def _say(client: TestClient, text: str, ts: str, event_id: str, **extra: Any) -> None:
    _post(client, {"type": "message", "channel_type": "im", "channel": DM, "user": "U1", "text": text, "ts": ts,
                   "thread_ts": ROOT, **extra}, event_id)


def _stream_done(fake: FakeSlack, n: int, timeout: float = 20) -> list[dict[str, Any]]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with fake.lock:
            done = [s for s in fake.streams.values() if s["stopped"]]
        if len(done) >= n:
            return done
        time.sleep(0.02)
    raise AssertionError(f"expected {n} finished streams, got {fake.streams}")


def test_thread_start_greets_and_suggests_prompts(slack):
    client, fake, service, _ = slack
    _open_thread(client)
    (prompts,) = fake.wait_calls("assistant.threads.setSuggestedPrompts")
    assert prompts["channel_id"] == DM and prompts["thread_ts"] == ROOT
    sent = prompts["prompts"] if isinstance(prompts["prompts"], list) else json.loads(prompts["prompts"])
    assert [p["message"] for p in sent] == [p["message"] for p in SUGGESTED_PROMPTS]
    (greeting,) = fake.wait_posts(1)
    assert greeting["thread_ts"] == ROOT and "embedding models" in greeting["text"]
    assert service.list() == []  # nothing stored until the user writes


def test_a_turn_shows_a_status_then_streams_the_reply_and_the_short_list_as_blocks(slack):
    client, fake, service, threads = slack
    _open_thread(client)
    fake.wait_posts(1)
    _say(client, "legal contracts in Chinese and English, 20 pages each, 200k docs", "1700000501.000100", "Ev1")
    (status,) = fake.wait_calls("assistant.threads.setStatus")
    assert status["channel_id"] == DM and status["thread_ts"] == ROOT and status["status"]
    (first,) = _stream_done(fake, 1)
    assert first["thread_ts"] == ROOT and "legal" in first["text"]
    (title,) = fake.wait_calls("assistant.threads.setTitle")
    assert title["title"].startswith("legal contracts in Chinese")
    methods = [m for m, _ in fake.calls]
    assert methods.index("assistant.threads.setStatus") < methods.index("chat.startStream")
    _say(client, "just recommend", "1700000502.000100", "Ev2")
    done = _stream_done(fake, 2)
    last = next(s for s in done if s is not first)
    assert last["appends"] >= 1 or "\n\n" not in last["text"]  # paragraphs arrive as they are appended
    blocks = last["blocks"] if isinstance(last["blocks"], list) else json.loads(last["blocks"])
    (cid,) = [c.consultation_id for c in service.list()]
    top = service.state(cid).recommendation["recommendations"][0]["model"]
    assert any(b["type"] == "header" and b["text"]["text"] == "Short list" for b in blocks)
    assert top in json.dumps(blocks)
    feedback = next(b for b in blocks if b["type"] == "actions")
    assert [e["action_id"] for e in feedback["elements"]] == ["feedback_helpful", "feedback_not_helpful"]
    assert all(e["value"] == cid for e in feedback["elements"])
    assert threads.consultation(DM, ROOT) == cid


def test_without_streaming_the_reply_is_posted_whole(slack):
    client, fake, _, _ = slack
    fake.refuse.add("chat.startStream")
    _open_thread(client)
    fake.wait_posts(1)
    _say(client, "support tickets in English, 1M tickets", "1700000503.000100", "Ev3")
    greeting, reply = fake.wait_posts(2)
    assert reply["thread_ts"] == ROOT and "support" in reply["text"]


def _blocks(post: dict[str, Any]) -> list[dict[str, Any]]:
    return post["blocks"] if isinstance(post["blocks"], list) else json.loads(post["blocks"])


def test_files_shared_in_the_thread_are_attached_to_its_consultation(slack):
    client, fake, service, _ = slack
    _open_thread(client)
    fake.wait_posts(1)
    _say(client, "support tickets in English, 1M tickets", "1700000504.000100", "Ev4")
    _stream_done(fake, 1)
    (cid,) = [c.consultation_id for c in service.list()]
    good = fake.add_file("tickets.md", b"# Refunds\n\nRefunds take five days.\n")
    picture = fake.add_file("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, mimetype="image/png")
    big = fake.add_file("dump.txt", b"x" * (2 * 1024 * 1024 + 1))
    files = [{"id": good, "name": "tickets.md"}, {"id": picture, "name": "photo.png"}, {"id": big}]
    _say(client, "", "1700000505.000100", "Ev5", subtype="file_share", files=files)
    _, note = fake.wait_posts(2)
    assert note["thread_ts"] == ROOT
    assert "Attached tickets.md to this consultation (1 document in all)" in note["text"]
    assert "'photo.png': unsupported file type .png" in note["text"]
    assert "'dump.txt': 2,097,153 bytes is over the 2,097,152-byte limit per file" in note["text"]
    assert [d["name"] for d in service.state(cid).documents] == ["tickets.md"]
    assert (service.evidence.documents_dir(cid) / "tickets.md").read_bytes().startswith(b"# Refunds")
    assert [f for f, _ in fake.downloads] == [good, picture]  # the oversized one is refused from files.info's size
    assert all(auth == "Bearer xoxb-test" for _, auth in fake.downloads)
    button = next(b for b in _blocks(note) if b["type"] == "actions")
    assert button["elements"][0]["action_id"] == "check_documents" and button["elements"][0]["value"] == cid
    # Slack also sends file_shared for the same file: it is not attached twice
    _post(client, {"type": "file_shared", "file_id": good, "user_id": "U1", "channel_id": DM,
                   "file": {"id": good}, "event_ts": "1700000505.000200"}, "Ev6")
    fake.wait_calls("files.info", 3)
    time.sleep(0.3)
    assert len(fake.posts) == 2 and len(service.state(cid).documents) == 1


def test_a_file_shared_alone_is_found_through_files_info_and_the_check_is_offered(slack):
    client, fake, service, threads = slack
    channel, root = "C1", "1700000600.000100"
    body = urllib.parse.urlencode({"command": "/embedding-advisor", "text": "legal contracts in English, 5k docs",
                                   "team_id": "T1", "user_id": "U1", "channel_id": channel, "trigger_id": "t1"})
    client.post("/slack/events", content=body,
                headers={"Content-Type": "application/x-www-form-urlencoded", **signed(body)})
    root = fake.wait_posts(2)[1]["thread_ts"]  # the advisor answers under its opener
    (cid,) = [c.consultation_id for c in service.list()]
    file_id = fake.add_file("nda.txt", b"This agreement is confidential.\n", shared_in=(channel, root))
    _post(client, {"type": "file_shared", "file_id": file_id, "user_id": "U1", "channel_id": channel,
                   "file": {"id": file_id}, "event_ts": "1700000601.000100"}, "Ev7")
    note = fake.wait_posts(3)[2]
    assert note["thread_ts"] == root and "Attached nda.txt" in note["text"]
    assert service.state(cid).documents == [{"name": "nda.txt", "bytes": 32}]
    # a file shared in a thread that is not a consultation is left alone
    other = fake.add_file("other.txt", b"unrelated\n", shared_in=(channel, "1700000999.000100"))
    _post(client, {"type": "file_shared", "file_id": other, "channel_id": channel, "file": {"id": other}}, "Ev8")
    fake.wait_calls("files.info", 2)
    time.sleep(0.3)
    assert len(fake.posts) == 3 and threads.consultation(channel, "1700000999.000100") is None
    # the button runs the check request in the thread
    payload = {"type": "block_actions", "user": {"id": "U1"}, "team": {"id": "T1"}, "api_app_id": "A1",
               "channel": {"id": channel}, "message": {"ts": note.get("ts", "1"), "thread_ts": root},
               "container": {"type": "message"}, "trigger_id": "2",
               "actions": [{"action_id": "check_documents", "block_id": "check", "value": cid, "type": "button",
                            "action_ts": "1"}]}
    form = urllib.parse.urlencode({"payload": json.dumps(payload)})
    client.post("/slack/events", content=form,
                headers={"Content-Type": "application/x-www-form-urlencoded", **signed(form)})
    answer = fake.wait_posts(4)[3]
    assert answer["thread_ts"] == root
    said = [m.text for m in service.state(cid).transcript if m.role == "user"]
    assert said[-1] == "check the short list on my documents" and "document" in answer["text"]


def test_a_download_without_the_token_is_refused_not_attached(slack, monkeypatch):
    client, fake, service, _ = slack
    from ui.slack import files as slack_files

    _open_thread(client)
    fake.wait_posts(1)
    file_id = fake.add_file("notes.txt", b"hello\n")
    original = slack_files._download

    def without_token(client_, info, target, max_bytes):
        client_ = WebClient(token="not-a-bot-token", base_url=client_.base_url)
        return original(client_, info, target, max_bytes)

    monkeypatch.setattr(slack_files, "_download", without_token)
    _say(client, "", "1700000506.000100", "Ev9", subtype="file_share", files=[{"id": file_id}])
    _, note = fake.wait_posts(2)
    assert "'notes.txt': Slack answered with a sign-in page" in note["text"] and "Attached" not in note["text"]
    (cid,) = [c.consultation_id for c in service.list()]  # the file opened the consultation
    assert service.state(cid).documents == []


def test_the_bot_token_goes_only_to_slack_hosts():
    from ui.slack.files import _trusted

    api = WebClient(token="xoxb-1")
    assert _trusted("https://files.slack.com/files-pri/T1-F1/download/a.txt", api)
    assert not _trusted("http://files.slack.com/files-pri/T1-F1/a.txt", api)
    assert not _trusted("https://files.slack.com.evil.example/a.txt", api)
    assert not _trusted("https://example.com/a.txt", api)


def test_feedback_buttons_are_recorded_and_thanked(slack):
    client, fake, _, threads = slack
    payload = {"type": "block_actions", "user": {"id": "U1"}, "team": {"id": "T1"}, "api_app_id": "A1",
               "channel": {"id": DM}, "message": {"ts": "1800000001.000001", "thread_ts": ROOT},
               "container": {"type": "message"}, "trigger_id": "1",
               "actions": [{"action_id": "feedback_not_helpful", "block_id": "feedback", "value": "abc123def456",
                            "type": "button", "action_ts": "1"}]}
    body = urllib.parse.urlencode({"payload": json.dumps(payload)})
    r = client.post("/slack/events", content=body,
                    headers={"Content-Type": "application/x-www-form-urlencoded", **signed(body)})
    assert r.status_code == 200
    (thanks,) = fake.wait_calls("chat.postEphemeral")
    assert thanks["user"] == "U1" and "not helpful" in thanks["text"]
    assert threads.feedback("abc123def456") == [("U1", "not helpful")]
