"""A local stand-in for the Slack Web API and Slack's request signing, for tests of the bot.

Import it from a test module as ``from slack_standin import FakeSlack, signed`` (``tests/`` is on ``sys.path``
through the root conftest). Everything stays on 127.0.0.1.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
import urllib.parse
from typing import Any

from local_http import LocalServer, QuietHandler

SECRET = "test-signing-secret"


def signature(body: str | bytes, ts: int | str, secret: str = SECRET) -> str:
    """Slack's ``v0=`` signature of a body at a timestamp."""
    raw = body.encode() if isinstance(body, str) else body
    return "v0=" + hmac.new(secret.encode(), f"v0:{ts}:".encode() + raw, hashlib.sha256).hexdigest()


def signed(body: str | bytes, ts: int | None = None, secret: str = SECRET, **extra: str) -> dict[str, str]:
    """The headers Slack sends with a body: timestamp and signature (``extra`` adds or overrides headers)."""
    ts = int(time.time()) if ts is None else ts
    return {"X-Slack-Request-Timestamp": str(ts), "X-Slack-Signature": signature(body, ts, secret), **extra}


def deliver(client: Any, inner: dict[str, Any], event_id: str) -> None:
    """Send one signed event callback (``inner`` is the event) through an HTTP test client to ``/slack/events``;
    checks it was acknowledged within Slack's 3 seconds."""
    body = json.dumps({"token": "x", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
                       "event_id": event_id, "event_time": int(time.time()), "event": inner})
    start = time.monotonic()
    r = client.post("/slack/events", content=body, headers={"Content-Type": "application/json", **signed(body)})
    assert r.status_code == 200 and time.monotonic() - start < 3


def _stream_text(args: dict[str, Any]) -> str:
    """The markdown a streaming call carries, as ``markdown_text`` or as markdown chunks."""
    chunks = args.get("chunks")
    if isinstance(chunks, str):
        chunks = json.loads(chunks)
    text = args.get("markdown_text") or ""
    return text + "".join(c.get("text", "") for c in chunks or [] if c.get("type") == "markdown_text")


class FakeSlack(LocalServer):
    """A local HTTP server answering Slack Web API calls: every call is recorded in ``calls``, posts in ``posts``.

    Answers like Slack for the methods the bot uses: chat.postMessage / chat.update / chat.postEphemeral,
    the streaming trio chat.startStream / appendStream / stopStream (``streams`` assembles each streamed
    message's text and final blocks), and assistant.threads.setStatus / setSuggestedPrompts / setTitle.
    ``refuse`` names methods to answer with ``{"ok": false, "error": "not_allowed"}`` (a workspace without them).
    Files added with ``add_file`` are described by files.info (GET, like the SDK sends it) and downloaded from their
    ``url_private_download`` only with a bot token; without one Slack's answer is its sign-in page (HTML, status 200).
    """

    def __init__(self) -> None:
        self.posts: list[dict[str, Any]] = []
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.streams: dict[str, dict[str, Any]] = {}
        self.refuse: set[str] = set()
        self.files: dict[str, dict[str, Any]] = {}
        self.downloads: list[tuple[str, str]] = []  # (file id, Authorization header) of each download
        self.lock = threading.Lock()
        outer = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:  # noqa: N802
                url = urllib.parse.urlsplit(self.path)
                query = {k: v[0] for k, v in urllib.parse.parse_qs(url.query).items()}
                auth = self.headers.get("Authorization") or ""
                if url.path.endswith("/files.info"):
                    with outer.lock:
                        outer.calls.append(("files.info", query))
                    self.reply(200, json.dumps(outer.file_info(query.get("file"))).encode())
                    return
                file_id = url.path.split("/")[2].split("-")[-1] if url.path.startswith("/files-pri/") else ""
                with outer.lock:
                    outer.downloads.append((file_id, auth))
                    file = outer.files.get(file_id)
                if file is None:
                    self.reply(404, b"not found", "text/plain")
                elif not auth.startswith("Bearer xoxb-"):
                    self.reply(200, b"<!DOCTYPE html><html><body>Sign in to Slack</body></html>", "text/html")
                else:
                    self.reply(200, file["content"], file.get("mimetype") or "application/octet-stream")

            def do_POST(self) -> None:  # noqa: N802
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                if "json" in (self.headers.get("Content-Type") or ""):
                    args = json.loads(raw or "{}")
                else:
                    args = {k: v[0] for k, v in urllib.parse.parse_qs(raw).items()}
                method = self.path.rsplit("/", 1)[-1]
                answer: dict[str, Any] = {"ok": True}
                with outer.lock:
                    outer.calls.append((method, args))
                    if method in outer.refuse:
                        answer = {"ok": False, "error": "not_allowed"}
                    elif method == "files.info":
                        answer = outer.file_info(args.get("file"), locked=True)
                    elif method == "chat.startStream":
                        ts = f"1800000001.{len(outer.streams) + 1:06d}"
                        outer.streams[ts] = {"channel": args.get("channel"), "thread_ts": args.get("thread_ts"),
                                             "text": _stream_text(args), "blocks": None, "appends": 0,
                                             "stopped": False}
                        answer |= {"channel": args.get("channel"), "ts": ts}
                    elif method in ("chat.appendStream", "chat.stopStream") and args.get("ts") in outer.streams:
                        stream = outer.streams[args["ts"]]
                        stream["text"] += _stream_text(args)
                        stream["appends"] += method == "chat.appendStream"
                        if method == "chat.stopStream":
                            stream["blocks"], stream["stopped"] = args.get("blocks"), True
                        answer |= {"channel": args.get("channel"), "ts": args["ts"]}
                if method == "auth.test":
                    answer |= {"user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1", "user": "advisor"}
                if method == "chat.postMessage" and answer["ok"]:
                    with outer.lock:
                        outer.posts.append(args)
                        answer |= {"channel": args["channel"], "ts": f"1800000000.{len(outer.posts):06d}"}
                self.reply(200, json.dumps(answer).encode())

        super().__init__(Handler)
        self.url = f"{self.root}/api/"
        self.start()

    def add_file(self, name: str, content: bytes, shared_in: tuple[str, str] | None = None, **info: Any) -> str:
        """Hold a file as Slack would (its id is returned); ``shared_in`` = (channel, thread_ts) it was shared in."""
        root = self.root
        with self.lock:
            file_id = f"F{len(self.files) + 1:04d}"
            shares = {"private": {shared_in[0]: [{"ts": "1800000009.000001", "thread_ts": shared_in[1]}]}} \
                if shared_in else {}
            self.files[file_id] = {"id": file_id, "name": name, "title": name, "size": len(content), "mode": "hosted",
                                   "url_private": f"{root}/files-pri/T1-{file_id}/{name}",
                                   "url_private_download": f"{root}/files-pri/T1-{file_id}/download/{name}",
                                   "shares": shares, "content": content, **info}
        return file_id

    def file_info(self, file_id: str | None, locked: bool = False) -> dict[str, Any]:
        """files.info's answer for a file id (``locked``: the caller holds ``lock``)."""
        if locked:
            file = self.files.get(file_id or "")
        else:
            with self.lock:
                file = self.files.get(file_id or "")
        if file is None:
            return {"ok": False, "error": "file_not_found"}
        return {"ok": True, "file": {k: v for k, v in file.items() if k != "content"}}

    def wait_posts(self, n: int, timeout: float = 20) -> list[dict[str, Any]]:
        """The posts once there are at least ``n``; fails after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.posts) >= n:
                    return list(self.posts)
            time.sleep(0.02)
        raise AssertionError(f"expected {n} chat.postMessage calls, got {len(self.posts)}")

    def wait_calls(self, method: str, n: int = 1, timeout: float = 20) -> list[dict[str, Any]]:
        """The arguments of the calls to ``method`` once there are at least ``n``; fails after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                found = [a for m, a in self.calls if m == method]
            if len(found) >= n:
                return found
            time.sleep(0.02)
        raise AssertionError(f"expected {n} {method} calls, got {len(found)}: {[m for m, _ in self.calls]}")

