"""Replies as they are written: the LLM's tokens and each finished step's message, as the growing text of a turn.

A surface passes ``on_partial`` to ``AdvisorService.start`` / ``send``; it is called with the whole text so far each
time it grows. Tokens come from the steps that write to the user (the tool-calling answer, the explanation, the
phrased question); the structured extraction's tokens are never shown. When a step finishes, its stored message
replaces what its tokens showed, so the last partial is exactly the reply's text (a checked answer that was replaced
by the tool results shows the replacement).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from langchain_core.messages import AIMessage, AIMessageChunk, HumanMessage

Partial = Callable[[str], None]
WRITING_NODES = frozenset({"agent", "explain", "ask"})  # steps whose LLM tokens are the reply's text


class TurnText:
    """The text of one turn as it grows: finished messages, then the tokens of the step under way."""

    def __init__(self) -> None:
        self.done: list[str] = []
        self.current = ""

    @property
    def text(self) -> str:
        """Everything so far, joined the way the finished reply joins its messages."""
        return "\n\n".join([*self.done, self.current] if self.current else self.done)

    def token(self, chunk: Any, metadata: dict[str, Any]) -> bool:
        """Take one streamed message chunk; True when it added text the user sees."""
        if metadata.get("langgraph_node") not in WRITING_NODES or not isinstance(chunk, AIMessageChunk):
            return False  # the extraction's tokens, and whole messages a step returned (they come as updates)
        if not isinstance(chunk.content, str) or not chunk.content:
            return False
        self.current += chunk.content
        return True

    def update(self, node: str, update: Any) -> bool:
        """Take one step's finished update; True when the text changed."""
        messages = update.get("messages") if isinstance(update, dict) else None
        before = self.text
        if any(isinstance(m, HumanMessage) for m in messages or []):
            self.done, self.current = [], ""  # the user's message opens the turn: the reply starts after it
        texts = [str(m.content) for m in messages or [] if isinstance(m, AIMessage) and m.content]
        if texts or node in WRITING_NODES:  # a tool-calling round's preamble is not part of the reply
            self.done += texts
            self.current = ""
        return self.text != before


def stream_turn(graph: Any, payload: Any, config: Any, on_partial: Partial) -> None:
    """Run one turn of ``graph`` like ``invoke`` (durable steps), calling ``on_partial`` with the text as it grows."""
    turn = TurnText()
    for mode, data in graph.stream(payload, config, durability="sync", stream_mode=["messages", "updates"]):
        if mode == "messages":
            changed = turn.token(*data)
        else:
            changed = False
            for node, update in (data or {}).items():
                changed = turn.update(node, update) or changed
        if changed and turn.text:
            on_partial(turn.text)
