"""Stand-ins for the chat model in tests of the LLM path.

``ScriptedChatModel`` replays scripted AIMessages in process (streamed token by token when the caller streams, tool
calls included); ``ScriptedServer`` is a local OpenAI chat-completions endpoint for the real ``ChatOpenAI``, answering
``stream: true`` requests as server-sent events the way OpenAI does. Import as ``from llm_standin import ...``.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from typing import Any

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, AIMessageChunk
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from local_http import LocalServer, QuietHandler
from pydantic import Field


class ScriptedChatModel(GenericFakeChatModel):
    """Replays scripted AIMessages (tool calls included) and records what it was sent; binding tools is a no-op.

    A script item may also be an exception (raised) or a function of the messages the model got. Streamed, the
    content arrives a word at a time and the tool calls as one last chunk.
    """

    messages: Any = Field(default_factory=lambda: iter(()))
    script: list[Any] = Field(default_factory=list)
    calls: list[list[Any]] = Field(default_factory=list)
    streamed_calls: int = 0
    token_delay_s: float = 0.0  # a pause before each streamed token (a model that writes at a human pace)

    def bind_tools(self, tools, **kwargs):
        return self

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        self.calls.append(list(messages))
        if not self.script:
            raise AssertionError("the script has no reply left")
        item = self.script.pop(0)
        if isinstance(item, BaseException):
            raise item
        if callable(item):
            item = item(messages)
        return ChatResult(generations=[ChatGeneration(message=item)])

    def _stream(self, messages, stop=None, run_manager=None, **kwargs):
        self.streamed_calls += 1
        message: AIMessage = self._generate(messages, stop, run_manager, **kwargs).generations[0].message
        content = message.content if isinstance(message.content, str) else ""
        for token in (t for t in re.split(r"(\s)", content) if t):
            time.sleep(self.token_delay_s)
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=token, id=message.id))
            if run_manager:
                run_manager.on_llm_new_token(token, chunk=chunk)
            yield chunk
        calls = [{"name": c["name"], "args": json.dumps(c["args"]), "id": c["id"], "index": i,
                  "type": "tool_call_chunk"} for i, c in enumerate(message.tool_calls)]
        calls += [{"name": c.get("name"), "args": c.get("args"), "id": c.get("id"), "index": len(calls) + i,
                   "type": "tool_call_chunk"} for i, c in enumerate(message.invalid_tool_calls)]
        if calls:
            yield ChatGenerationChunk(message=AIMessageChunk(content="", tool_call_chunks=calls, id=message.id))


ANY = object()


def interview_step(messages: list[Any]) -> dict[str, Any]:
    """The interview step an ask-phrasing request carries (acknowledge, ask, profile_so_far)."""
    return json.loads(next(m for m in reversed(messages) if getattr(m, "name", None) == "interview_step").content)


def phrase(text: str, field: Any = ANY) -> Callable[[list[Any]], AIMessage]:
    """The model phrasing an interview step as ``text``; with ``field``, it checks the step asks for that field."""
    def reply(messages: list[Any]) -> AIMessage:
        step = interview_step(messages)
        if field is not ANY and step["ask"]["field"] != field:
            raise AssertionError(f"the step asks for {step['ask']['field']!r}, not {field!r}: {step}")
        return AIMessage(text)

    return reply


def side_answer_model(question: str, answer: str, follow_up: str, token_delay_s: float = 0.0) -> ScriptedChatModel:
    """A model that reads the message as a side question, answers it with ``answer`` and asks ``follow_up``."""
    extraction = AIMessage("", tool_calls=[{"name": "ProfileUpdate", "args": {"question": question}, "id": "x1"}])
    return ScriptedChatModel(script=[extraction, AIMessage(answer), phrase(follow_up)], token_delay_s=token_delay_s)


# --- an OpenAI-compatible HTTP endpoint -----------------------------------------------------------------------------

Reply = dict[str, Any] | tuple[int, dict[str, str], dict[str, Any]] | Callable[[dict[str, Any]], Any]


def completion(message: dict[str, Any]) -> dict[str, Any]:
    """A chat.completion object carrying ``message`` (content and/or tool calls)."""
    finish = "tool_calls" if message.get("tool_calls") else "stop"
    return {"id": "chatcmpl-test", "object": "chat.completion", "created": int(time.time()), "model": "scripted",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": None, **message},
                         "finish_reason": finish}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}


def function_call(name: str, arguments: str) -> dict[str, Any]:
    """A completion that calls one function with ``arguments`` (a JSON string, possibly broken)."""
    return completion({"tool_calls": [{"id": f"call_{time.monotonic_ns()}", "type": "function",
                                       "function": {"name": name, "arguments": arguments}}]})


def sse_chunks(payload: dict[str, Any]) -> list[dict[str, Any]]:
    """A chat.completion as the chat.completion.chunk objects OpenAI streams: role, words, tool-call parts, finish."""
    choice = payload["choices"][0]
    message = choice["message"]

    def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        return {"id": payload["id"], "object": "chat.completion.chunk", "created": payload["created"],
                "model": payload["model"], "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}

    out = [chunk({"role": "assistant", "content": ""})]
    out += [chunk({"content": t}) for t in re.split(r"(\s)", message.get("content") or "") if t]
    for i, call in enumerate(message.get("tool_calls") or []):
        arguments = call["function"]["arguments"]
        out.append(chunk({"tool_calls": [{"index": i, "id": call["id"], "type": "function",
                                          "function": {"name": call["function"]["name"], "arguments": ""}}]}))
        out += [chunk({"tool_calls": [{"index": i, "function": {"arguments": arguments[j:j + 8]}}]})
                for j in range(0, len(arguments), 8)]
    out.append(chunk({}, choice.get("finish_reason") or "stop"))
    return out


class ScriptedServer(LocalServer):
    """A local OpenAI chat-completions endpoint replaying a script; records every request body.

    A request with ``"stream": true`` gets the scripted completion as server-sent events (``data: {...}`` chunks,
    then ``data: [DONE]``), a word or eight argument characters at a time.
    """

    def __init__(self, script: list[Reply]) -> None:
        self.script = list(script)
        self.requests: list[dict[str, Any]] = []
        server = self

        class Handler(QuietHandler):
            def do_POST(self):  # noqa: N802 (http.server's naming)
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append(body)
                item = server.script.pop(0) if server.script else (500, {}, {"error": {"message": "script empty"}})
                if callable(item):
                    item = item(body)
                status, headers, payload = item if isinstance(item, tuple) else (200, {}, item)
                try:
                    if body.get("stream") and status == 200:
                        events = "".join(f"data: {json.dumps(c)}\n\n" for c in sse_chunks(payload))
                        self.reply(200, (events + "data: [DONE]\n\n").encode(), "text/event-stream",
                                   {"Cache-Control": "no-cache", **headers})
                    else:
                        self.reply(status, json.dumps(payload).encode(), "application/json", headers)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (the timeout test)

        super().__init__(Handler)

    @property
    def url(self) -> str:
        """The base URL to give ChatOpenAI."""
        return f"{self.root}/v1"
