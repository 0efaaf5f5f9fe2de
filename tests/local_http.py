"""The tests' local HTTP stand-ins share this: one reply writer, a quiet handler, one server life cycle.

Import as ``from local_http import LocalServer, QuietHandler, send_reply`` (``tests/`` is on ``sys.path``). Servers
listen on 127.0.0.1 at a free port and serve from a daemon thread.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self


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


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that logs nothing (test output stays readable) and answers with ``reply``."""

    def reply(self, status: int, data: bytes, content_type: str = "application/json",
              headers: Mapping[str, str] | None = None) -> None:
        """Send a whole answer (see ``send_reply``)."""
        send_reply(self, status, data, content_type, headers)

    def log_message(self, *args: Any) -> None:
        pass


class LocalServer:
    """Serves ``handler`` on 127.0.0.1 at a free port; ``start``/``close`` or ``with``. ``root`` is its base URL."""

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.root = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def start(self) -> Self:
        """Begin serving (once)."""
        self.thread.start()
        return self

    def close(self) -> None:
        """Stop serving and free the port."""
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
