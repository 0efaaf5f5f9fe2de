"""The one reply writer of the tests' local HTTP stand-ins (Slack, chat and embedding endpoints).

Import it from a stand-in as ``from http_replies import send_reply`` (``tests/`` is on ``sys.path``).
"""

from __future__ import annotations

from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler


def send_reply(handler: BaseHTTPRequestHandler, status: int, data: bytes, content_type: str = "application/json",
               headers: Mapping[str, str] | None = None) -> None:
    """Answer the request ``handler`` is serving: status, content type and length, extra headers, then the body."""
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(data)))
    for key, value in (headers or {}).items():
        handler.send_header(key, value)
    handler.end_headers()
    handler.wfile.write(data)
