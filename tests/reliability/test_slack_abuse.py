"""Slack endpoint abuse: forged and replayed requests are refused, retries and replays get exactly one reply.

Everything goes through the API app and slack-bolt's own request verification; replies go to a local stand-in
for the Slack Web API, which counts them.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from slack_sdk import WebClient
from slack_standin import SECRET, FakeSlack, signature, signed

from agent.service import AdvisorService
from knowledge.settings import Settings
from ui.api.app import create_app
from ui.api.security import MB, ApiLimits
from ui.slack.app import SlackThreads, create_slack_app

QUIET = 0.5  # how long a refused request is given to (wrongly) produce a reply


@pytest.fixture(scope="module")
def slack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, FakeSlack]]:
    data_dir = tmp_path_factory.mktemp("slack-abuse")
    fake = FakeSlack()
    settings = Settings(data_dir=data_dir)
    service = AdvisorService(settings)
    threads = SlackThreads(data_dir / "slack.sqlite")
    bolt = create_slack_app(service, SECRET, WebClient(token="xoxb-test", base_url=fake.url), threads)
    app = create_app(service, settings, ["api-token"], limits=ApiLimits(max_json_bytes=1 * MB), slack_app=bolt)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client, fake
    fake.close()
    threads.close()
    service.close()


def mention(event_id: str, text: str = "<@UBOT> legal contracts in English") -> str:
    ts = f"17000{abs(hash(event_id)) % 10**5:05d}.000100"
    return json.dumps({"token": "x", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
                       "event_id": event_id, "event_time": int(time.time()),
                       "event": {"type": "app_mention", "user": "U1", "text": text, "ts": ts, "channel": "C1"}})


def post(client: TestClient, body: str | bytes, headers: dict[str, str], content_type: str = "application/json") -> Any:
    return client.post("/slack/events", content=body, headers={"Content-Type": content_type, **headers})


def assert_no_reply(fake: FakeSlack, before: int) -> None:
    time.sleep(QUIET)
    assert len(fake.posts) == before, fake.posts[before:]


def now() -> int:
    return int(time.time())


Forgery = Callable[[str, int], dict[str, str]]
FORGED: dict[str, Forgery] = {
    "wrong secret": lambda body, ts: signed(body, ts, secret="not-the-secret"),
    "no signature header": lambda body, ts: {"X-Slack-Request-Timestamp": str(ts)},
    "no timestamp header": lambda body, ts: {"X-Slack-Signature": signature(body, ts)},
    "no headers at all": lambda body, ts: {},
    "signature of another body": lambda body, ts: signed(body.replace("English", "Englisch"), ts),
    "v1= prefix": lambda body, ts: signed(body, ts, **{"X-Slack-Signature": "v1=" + signature(body, ts)[3:]}),
    "bare hex, no v0=": lambda body, ts: signed(body, ts, **{"X-Slack-Signature": signature(body, ts)[3:]}),
    "empty signature": lambda body, ts: signed(body, ts, **{"X-Slack-Signature": ""}),
    "upper-case hex": lambda body, ts: signed(body, ts, **{"X-Slack-Signature": signature(body, ts).upper()}),
    "timestamp changed after signing": lambda body, ts: signed(body, ts, **{"X-Slack-Request-Timestamp": str(ts + 1)}),
    "non-ASCII signature": lambda body, ts: {"X-Slack-Request-Timestamp": str(ts),  # type: ignore[dict-item]
                                             "X-Slack-Signature": ("v0=" + "\xe9" * 64).encode("latin-1")},
}


@pytest.mark.parametrize("forgery", FORGED)
def test_forged_signature_is_401_and_never_answered(slack, forgery):
    client, fake = slack
    before = len(fake.posts)
    body = mention(f"EvForged-{forgery}")
    r = post(client, body, FORGED[forgery](body, now()))
    assert r.status_code == 401, r.text
    assert_no_reply(fake, before)


def stamped(body: str, timestamp: str) -> dict[str, str]:
    """Correctly signed with any timestamp text: only the timestamp check can refuse it."""
    return {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": signature(body, timestamp)}


STALE: dict[str, Callable[[str], dict[str, str]]] = {
    "six minutes old": lambda body: signed(body, now() - 6 * 60),
    "just over five minutes old": lambda body: signed(body, now() - 5 * 60 - 2),
    "ten minutes ahead": lambda body: signed(body, now() + 10 * 60),
    "year 2100": lambda body: signed(body, 4_102_444_800),
    "zero": lambda body: signed(body, 0),
    "negative": lambda body: stamped(body, str(-now())),
    "non-numeric": lambda body: stamped(body, "soon"),
    "float": lambda body: stamped(body, f"{now()}.5"),
    "empty": lambda body: stamped(body, ""),
    "400 digits": lambda body: stamped(body, "9" * 400),
    "superscript digit": lambda body: {"X-Slack-Request-Timestamp": "\xb2".encode("latin-1"),  # type: ignore[dict-item]
                                       "X-Slack-Signature": signature(body, "2")},
    "Arabic-Indic digits": lambda body: {"X-Slack-Request-Timestamp": "\u0661\u0662".encode(),  # type: ignore[dict-item]
                                         "X-Slack-Signature": signature(body, "12")},
}


@pytest.mark.parametrize("timestamp", STALE)
def test_replayed_or_bad_timestamp_is_401(slack, timestamp):
    client, fake = slack
    before = len(fake.posts)
    body = mention(f"EvStale-{timestamp}")
    r = post(client, body, STALE[timestamp](body))
    assert r.status_code == 401, r.text
    assert_no_reply(fake, before)


def test_retries_one_to_three_get_exactly_one_reply(slack):
    client, fake = slack
    before = len(fake.posts)
    body = mention("EvRetried", "<@UBOT> medical notes in English, 5k docs")
    assert post(client, body, signed(body)).status_code == 200
    for n in (1, 2, 3):  # Slack resends with a fresh signature; 200 tells it to stop
        r = post(client, body, signed(body, **{"X-Slack-Retry-Num": str(n), "X-Slack-Retry-Reason": "http_timeout"}))
        assert r.status_code == 200, r.text
    fake.wait_posts(before + 1)
    assert_no_reply(fake, before + 1)
    assert fake.posts[before]["channel"] == "C1" and "medical" in fake.posts[before]["text"].lower()


def test_replay_of_an_answered_event_with_a_fresh_signature_gets_no_second_reply(slack):
    client, fake = slack
    before = len(fake.posts)
    body = mention("EvAnswered", "<@UBOT> code search over Python repos")
    assert post(client, body, signed(body)).status_code == 200
    fake.wait_posts(before + 1)
    time.sleep(1.1)  # a later second: a new timestamp and a new signature, as an attacker replaying it would send
    again = post(client, body, signed(body))
    assert again.status_code == 200, again.text
    assert_no_reply(fake, before + 1)


def test_oversized_body_is_413_before_verification(slack):
    client, fake = slack
    before = len(fake.posts)
    body = mention("EvHuge", "<@UBOT> " + "x" * (MB + 10))
    r = post(client, body, signed(body))
    assert r.status_code == 413 and r.json()["code"] == "too_large"

    def chunks() -> Iterator[bytes]:  # no Content-Length: the streamed byte count must stop it
        encoded = body.encode()
        for start in range(0, len(encoded), 64 * 1024):
            yield encoded[start:start + 64 * 1024]

    r = client.post("/slack/events", content=chunks(), headers={"Content-Type": "application/json", **signed(body)})
    assert r.status_code == 413
    assert_no_reply(fake, before)


@pytest.mark.parametrize(("body", "content_type", "status"), [
    ("{not json", "application/json", 400),
    (b"\xff\xfe{\"type\": 1}", "application/json", 400),
    ("[1, 2, 3]", "application/json", 400),
    ('"event_callback"', "application/json", 400),
    ("x" * 100 + "[" * 5000, "application/json", 400),
    ("%zz=%%&&==", "application/x-www-form-urlencoded", 404),  # reads as an empty form: Bolt has no handler
], ids=["broken JSON", "not UTF-8", "JSON array", "JSON string", "deep nesting", "broken form"])
def test_signed_but_malformed_body_is_a_4xx(slack, body, content_type, status):
    client, fake = slack
    before = len(fake.posts)
    r = post(client, body, signed(body), content_type)
    assert r.status_code == status, r.text
    assert_no_reply(fake, before)
    unsigned = post(client, body, {"X-Slack-Request-Timestamp": str(now()), "X-Slack-Signature": "v0=" + "0" * 64},
                    content_type)
    assert unsigned.status_code in (400, 401)  # 400 only where the bytes cannot even be read as text


def test_url_verification_with_a_forged_signature_is_refused(slack):
    client, _ = slack
    body = json.dumps({"type": "url_verification", "challenge": "forged-challenge-123", "token": "x"})
    for headers in (signed(body, secret="not-the-secret"), {}, signed(body, now() - 10 * 60)):
        r = post(client, body, headers)
        assert r.status_code == 401 and "forged-challenge-123" not in r.text
    ok = post(client, body, signed(body))
    assert ok.status_code == 200 and "forged-challenge-123" in ok.text


def test_forged_slash_command_is_refused(slack):
    client, fake = slack
    before = len(fake.posts)
    body = "command=%2Fembedding-advisor&text=hello&channel_id=C9&user_id=U9&team_id=T1&trigger_id=1"
    r = post(client, body, signed(body, secret="not-the-secret"), "application/x-www-form-urlencoded")
    assert r.status_code == 401
    assert_no_reply(fake, before)


def test_slack_endpoint_needs_no_api_token_and_the_api_needs_one(slack, tmp_path: Path):
    client, _ = slack
    body = json.dumps({"type": "url_verification", "challenge": "c", "token": "x"})
    assert post(client, body, signed(body)).status_code == 200  # Slack's signature is its credential
    assert client.get("/v1/consultations", headers=signed(body)).status_code == 401
