"""Agent test fixtures: the registry's tools, offline graphs on an in-memory checkpointer, a conversation driver."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from langchain_core.messages import AIMessage, HumanMessage
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import Command

from agent.graph import build_graph
from tools.langchain_tools import langchain_tools


class Chat:
    """Drive one consultation through a compiled graph, one message at a time."""

    def __init__(self, graph: Any) -> None:
        self.graph = graph
        self.config = {"configurable": {"thread_id": uuid.uuid4().hex}}
        self.replies: list[str] = []

    def _run(self, payload: Any) -> str:
        before = len(self.values.get("messages") or [])
        self.graph.invoke(payload, self.config, durability="sync")
        new = self.values["messages"][before:]
        last_human = max((i for i, m in enumerate(new) if isinstance(m, HumanMessage)), default=-1)
        reply = "\n\n".join(m.content for m in new[last_human + 1:] if isinstance(m, AIMessage) and m.content)
        self.replies.append(reply)
        return reply

    def start(self, text: str | None = None) -> str:
        return self._run({"messages": [HumanMessage(text)], "turn": 1} if text else {"turn": 0})

    def say(self, text: str) -> str:
        return self._run(Command(resume=text))

    @property
    def values(self) -> dict[str, Any]:
        return self.graph.get_state(self.config).values

    @property
    def last_ai(self) -> list[str]:
        """This turn's AI messages, separately (the explanation is one of them)."""
        messages = self.values["messages"]
        last_human = max(i for i, m in enumerate(messages) if isinstance(m, HumanMessage))
        return [m.content for m in messages[last_human + 1:] if isinstance(m, AIMessage)]


@pytest.fixture(scope="session")
def registry_tools() -> list[Any]:
    return langchain_tools()


@pytest.fixture
def offline_chat(registry_tools):
    """A new offline consultation (rule-based understanding, templated replies) on an in-memory checkpointer."""
    graph = build_graph(None, registry_tools, InMemorySaver())
    return Chat(graph)


@pytest.fixture
def make_chat(registry_tools):
    """Build a consultation around a given chat model (None = offline)."""

    def make(llm: Any = None) -> Chat:
        return Chat(build_graph(llm, registry_tools, InMemorySaver()))

    return make
