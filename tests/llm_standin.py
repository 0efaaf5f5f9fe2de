"""A scripted chat model for tests of the LLM path (import as ``from llm_standin import ScriptedChatModel``)."""

from __future__ import annotations

from typing import Any

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import Field


class ScriptedChatModel(GenericFakeChatModel):
    """Replays scripted AIMessages (tool calls included) and records what it was sent; binding tools is a no-op.

    A script item may also be an exception (raised) or a function of the messages the model got.
    """

    messages: Any = Field(default_factory=lambda: iter(()))
    script: list[Any] = Field(default_factory=list)
    calls: list[list[Any]] = Field(default_factory=list)

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
