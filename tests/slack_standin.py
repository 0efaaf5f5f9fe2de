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
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

SECRET = "test-signing-secret"


def signature(body: str | bytes, ts: int | str, secret: str = SECRET) -> str:
    """Slack's ``v0=`` signature of a body at a timestamp."""
    raw = body.encode() if isinstance(body, str) else body
    return "v0=" + hmac.new(secret.encode(), f"v0:{ts}:".encode() + raw, hashlib.sha256).hexdigest()


def signed(body: str | bytes, ts: int | None = None, secret: str = SECRET, **extra: str) -> dict[str, str]:
    """The headers Slack sends with a body: timestamp and signature (``extra`` adds or overrides headers)."""
    ts = int(time.time()) if ts is None else ts
    return {"X-Slack-Request-Timestamp": str(ts), "X-Slack-Signature": signature(body, ts, secret), **extra}


class FakeSlack:
    """A local HTTP server answering Slack Web API calls and recording every chat.postMessage."""

    def __init__(self) -> None:
        self.posts: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                if "json" in (self.headers.get("Content-Type") or ""):
                    args = json.loads(raw or "{}")
                else:
                    args = {k: v[0] for k, v in urllib.parse.parse_qs(raw).items()}
                method = self.path.rsplit("/", 1)[-1]
                answer: dict[str, Any] = {"ok": True}
                if method == "auth.test":
                    answer |= {"user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1", "user": "advisor"}
                if method == "chat.postMessage":
                    with outer.lock:
                        outer.posts.append(args)
                        answer |= {"channel": args["channel"], "ts": f"1800000000.{len(outer.posts):06d}"}
                data = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait_posts(self, n: int, timeout: float = 20) -> list[dict[str, Any]]:
        """The posts once there are at least ``n``; fails after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.posts) >= n:
                    return list(self.posts)
            time.sleep(0.02)
        raise AssertionError(f"expected {n} chat.postMessage calls, got {len(self.posts)}")

    def close(self) -> None:
        """Stop the server."""
        self.server.shutdown()
        self.server.server_close()
