"""Stand-ins for the LLM: a scripted chat model, and a local OpenAI-compatible server that misbehaves on request.

The server speaks chat completions and embeddings. Faults are set per server (``mode``) or, for embeddings, per
requested model (``fault-<mode>``; ``fault-late-<mode>`` after one good answer): ``hang`` (answers after ``hang_s``),
``http500``, ``garbage`` (not JSON), ``wrong_shape`` (JSON, not the protocol's), ``drop`` (headers and half a body,
then the connection closes).
"""

from __future__ import annotations

import hashlib
import json
import socket
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from typing import Any

from langchain_core.messages import AIMessage
from llm_standin import completion
from llm_standin import function_call as scripted_function_call
from local_http import LocalServer, QuietHandler, send_reply

MODES = ("hang", "http500", "garbage", "wrong_shape", "drop")
DIMS = 32


def function_call(name: str, **arguments: Any) -> dict[str, Any]:
    """A completion calling one function (tool) with JSON arguments."""
    return scripted_function_call(name, json.dumps(arguments))


def text_reply(text: str) -> dict[str, Any]:
    """A completion answering in text."""
    return completion({"content": text})


def hashed_vector(text: str) -> list[float]:
    """A deterministic bag-of-words vector: texts sharing words point the same way."""
    vec = [0.0] * DIMS
    for word in text.lower().split():
        vec[int(hashlib.md5(word.encode()).hexdigest(), 16) % DIMS] += 1.0
    return vec if any(vec) else [1.0] + [0.0] * (DIMS - 1)


class StandIn(LocalServer):
    """The server; ``requests`` records (path, body) of every request, ``chat`` answers healthy chat requests."""

    def __init__(self, chat: Callable[[dict[str, Any]], dict[str, Any]] | None = None, hang_s: float = 3.0) -> None:
        self.mode = "ok"
        self.hang_s = hang_s
        self.chat = chat or (lambda body: text_reply("ok"))
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self._served: dict[str, int] = {}
        stand_in = self

        class Handler(QuietHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out as two writes: no 40 ms delayed-ACK stall

            def do_POST(self):  # noqa: N802 (http.server's naming)
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])) or b"{}")
                stand_in.requests.append((self.path, body))
                mode = stand_in.fault_for(self.path, body)
                try:
                    stand_in.answer(self, mode, body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up first

        super().__init__(Handler)

    @property
    def url(self) -> str:
        """The base URL of the OpenAI-compatible API."""
        return f"{self.root}/v1"

    def fault_for(self, path: str, body: dict[str, Any]) -> str:
        model = str(body.get("model", ""))
        if path.endswith("/embeddings") and model.startswith("fault-"):
            mode = model.removeprefix("fault-")
            if mode.startswith("late-"):
                seen = self._served.get(model, 0)
                self._served[model] = seen + 1
                return "ok" if seen == 0 else mode.removeprefix("late-")
            return mode
        return self.mode

    def answer(self, handler: BaseHTTPRequestHandler, mode: str, body: dict[str, Any]) -> None:
        if mode == "hang":
            time.sleep(self.hang_s)
            mode = "ok"
        if mode == "http500":
            return self._send(handler, 500, b'{"error": {"message": "upstream model crashed", "type": "server_error"}}')
        if mode == "garbage":
            return self._send(handler, 200, b"<html><body>502 Bad Gateway</body></html>")
        if mode == "wrong_shape":
            return self._send(handler, 200, b'{"status": "queued", "result": null}')
        if handler.path.endswith("/embeddings"):
            texts = body["input"] if isinstance(body["input"], list) else [body["input"]]
            payload = {"object": "list", "model": body["model"], "usage": {"prompt_tokens": 0, "total_tokens": 0},
                       "data": [{"object": "embedding", "index": i, "embedding": hashed_vector(t)}
                                for i, t in enumerate(texts)]}
        else:
            payload = self.chat(body)
        data = json.dumps(payload).encode()
        if mode == "drop":  # the headers promise the whole body; half of it comes
            handler.send_response(200)
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data[: len(data) // 2])
            handler.wfile.flush()
            handler.connection.shutdown(socket.SHUT_RDWR)
            handler.close_connection = True
            return None
        return self._send(handler, 200, data)

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, data: bytes) -> None:
        send_reply(handler, status, data)


def scripted_call(name: str, **args: Any) -> AIMessage:
    """An AIMessage calling one tool."""
    return AIMessage("", tool_calls=[{"name": name, "args": args, "id": f"c{time.monotonic_ns()}"}])
