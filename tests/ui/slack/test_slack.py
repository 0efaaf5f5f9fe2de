"""The Slack bot through the API app: signed requests, replies to a local stand-in for the Slack Web API."""

from __future__ import annotations

import json
import time
import urllib.parse
from typing import Any

import pytest
from fastapi.testclient import TestClient
from slack_standin import FakeSlack, signed

from agent.service import AdvisorService
from ui.slack.app import SlackThreads


@pytest.fixture
def slack(make_slack: Any) -> tuple[TestClient, FakeSlack, AdvisorService]:
    rig = make_slack()
    return rig.client, rig.fake, rig.service


def event(event_id: str, text: str, ts: str, thread_ts: str | None = None, kind: str = "app_mention",
          **fields: Any) -> str:
    inner = {"type": kind, "user": "U1", "text": text, "ts": ts, "channel": "C1", **fields}
    if thread_ts:
        inner["thread_ts"] = thread_ts
    return json.dumps({"token": "x", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
                       "event_id": event_id, "event_time": int(time.time()), "event": inner})


def post_event(client: TestClient, body: str, **headers: str) -> Any:
    start = time.monotonic()
    r = client.post("/slack/events", content=body, headers={"Content-Type": "application/json", **signed(body),
                                                            **headers})
    assert time.monotonic() - start < 3, "Slack needs the ack within 3 seconds"
    return r


def test_mentions_run_one_consultation_per_thread(slack):
    client, fake, service = slack
    root = "1700000000.000100"
    r = post_event(client, event("Ev1", "<@UBOT> legal contracts in Chinese and English, 20 pages each, 200k docs",
                                 root))
    assert r.status_code == 200
    first = fake.wait_posts(1)[0]
    assert first["channel"] == "C1" and first["thread_ts"] == root and "legal" in first["text"]
    post_event(client, event("Ev2", "<@UBOT> a T4, data must stay on prem", "1700000001.000100", root))
    fake.wait_posts(2)
    post_event(client, event("Ev3", "<@UBOT> just recommend", "1700000002.000100", root))
    last = fake.wait_posts(3)[2]
    assert last["thread_ts"] == root
    blocks = last["blocks"]
    assert any(b["type"] == "header" and b["text"]["text"] == "Short list" for b in blocks)
    (cid,) = [c.consultation_id for c in service.list()]
    top = service.state(cid).recommendation["recommendations"][0]["model"]
    assert top in json.dumps(blocks) and f"embedding-advisor chat --id {cid}" in json.dumps(blocks)
    assert len(service.list()) == 1  # the whole thread is one consultation


def test_retried_event_gets_one_reply(slack):
    client, fake, _ = slack
    body = event("Ev9", "<@UBOT> medical notes in English", "1700000100.000100")
    assert post_event(client, body).status_code == 200
    assert post_event(client, body, **{"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
                      ).status_code == 200
    fake.wait_posts(1)
    time.sleep(0.5)
    assert [p["thread_ts"] for p in fake.posts] == ["1700000100.000100"]


def test_bad_signature_or_stale_timestamp_is_rejected(slack):
    client, fake, _ = slack
    body = event("Ev5", "<@UBOT> hello", "1700000200.000100")
    wrong = client.post("/slack/events", content=body, headers={"Content-Type": "application/json",
                                                                **signed(body, secret="not-the-secret")})
    assert wrong.status_code == 401
    stale = client.post("/slack/events", content=body, headers={"Content-Type": "application/json",
                                                                **signed(body, ts=int(time.time()) - 6 * 60)})
    assert stale.status_code == 401
    unsigned = client.post("/slack/events", content=body, headers={"Content-Type": "application/json"})
    assert unsigned.status_code == 401
    time.sleep(0.3)
    assert fake.posts == []


def test_slash_command_opens_a_thread(slack):
    client, fake, service = slack
    body = urllib.parse.urlencode({"command": "/embedding-advisor", "text": "support tickets in German, 1M docs",
                                   "channel_id": "C2", "user_id": "U7", "team_id": "T1", "response_url": "",
                                   "trigger_id": "1"})
    start = time.monotonic()
    r = client.post("/slack/events", content=body,
                    headers={"Content-Type": "application/x-www-form-urlencoded", **signed(body)})
    assert r.status_code == 200 and time.monotonic() - start < 3
    opener, reply = fake.wait_posts(2)
    assert opener["channel"] == "C2" and "thread_ts" not in opener and "support tickets" in opener["text"]
    assert reply["channel"] == "C2" and reply["thread_ts"] == "1800000000.000001"
    assert len(service.list()) == 1


def test_direct_messages_and_bot_messages(slack):
    client, fake, _ = slack
    post_event(client, event("Ev20", "code search over Python repos", "1700000300.000100", kind="message",
                             channel_type="im"))
    post_event(client, event("Ev21", "I am a bot", "1700000301.000100", kind="message", channel_type="im",
                             bot_id="B2"))
    post_event(client, event("Ev22", "channel chatter", "1700000302.000100", kind="message", channel_type="channel"))
    fake.wait_posts(1)
    time.sleep(0.5)
    assert [p["thread_ts"] for p in fake.posts] == ["1700000300.000100"]


def test_url_verification_and_durable_thread_map(slack, tmp_path):
    client, _, _ = slack
    body = json.dumps({"type": "url_verification", "challenge": "abc123", "token": "x"})
    r = client.post("/slack/events", content=body, headers={"Content-Type": "application/json", **signed(body)})
    assert r.status_code == 200 and "abc123" in r.text
    store = SlackThreads(tmp_path / "other.sqlite")
    store.link("C1", "1.1", "abcdef123456")
    assert store.claim_event("E1") and not store.claim_event("E1")
    store.close()
    again = SlackThreads(tmp_path / "other.sqlite")
    assert again.consultation("C1", "1.1") == "abcdef123456" and not again.claim_event("E1")
    again.close()


def test_an_event_without_a_channel_is_acknowledged_and_ignored(slack, caplog):
    client, fake, _ = slack
    inner = {"type": "app_mention", "user": "U1", "text": "<@UBOT> hello", "ts": "1800000000.000900"}
    body = json.dumps({"token": "x", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
                       "event_id": "Ev-no-channel", "event_time": int(time.time()), "event": inner})
    assert post_event(client, body).status_code == 200
    time.sleep(0.5)
    assert fake.posts == []
    assert "KeyError" not in caplog.text and "without channel or ts ignored" in caplog.text


def _interaction(client: TestClient, payload: dict[str, Any]) -> Any:
    body = "payload=" + urllib.parse.quote(json.dumps(payload))
    return client.post("/slack/events", content=body,
                       headers={"Content-Type": "application/x-www-form-urlencoded", **signed(body)})


def test_edit_profile_in_a_thread_and_from_the_button(slack):
    client, fake, service = slack
    root = "1700000000.000300"
    post_event(client, event("Ev30", "<@UBOT> legal contracts in English, 200k docs", root))
    first = fake.wait_posts(1)[0]
    (cid,) = [c.consultation_id for c in service.list()]
    assert any(e.get("action_id") == "edit_profile" and e.get("value") == cid
               for b in first["blocks"] if b["type"] == "actions" for e in b["elements"])
    post_event(client, event("Ev31", "<@UBOT> set hardware A100 80GB", "1700000001.000300", root))
    assert "Edited: hardware -&gt; A100-80GB" in fake.wait_posts(2)[1]["text"]  # the fallback text is escaped
    assert service.state(cid).provenance["hardware"] == "edited"
    opened = _interaction(client, {"type": "block_actions", "trigger_id": "t1", "user": {"id": "U1"},
                                   "channel": {"id": "C1"}, "message": {"ts": "1800000000.000002", "thread_ts": root},
                                   "actions": [{"action_id": "edit_profile", "value": cid, "type": "button"}]})
    assert opened.status_code == 200
    meta = json.dumps({"consultation_id": cid, "channel": "C1", "thread_ts": root})

    def submit(corpus: str) -> Any:
        values = {"corpus_docs": {"value": {"type": "plain_text_input", "value": corpus}},
                  "domain": {"value": {"type": "plain_text_input", "value": "legal"}}}
        return _interaction(client, {"type": "view_submission", "user": {"id": "U1"}, "view": {
            "type": "modal", "callback_id": "edit_profile_view", "private_metadata": meta,
            "state": {"values": values}}})

    bad = submit("-4")
    assert bad.status_code == 200 and bad.json()["response_action"] == "errors"
    assert "corpus_docs" in bad.json()["errors"]
    assert submit("300k").status_code == 200
    assert "Edited: documents -&gt; 300,000" in fake.wait_posts(3)[2]["text"]
    assert service.state(cid).profile["corpus_docs"] == 300_000
