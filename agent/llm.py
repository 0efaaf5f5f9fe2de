"""The chat-model factory: an OpenAI-compatible model when one is configured, otherwise offline (None)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from knowledge.errors import SettingsError
from knowledge.settings import Settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "gpt-4o-mini"
TIMEOUT_S = 60.0
MAX_RETRIES = 2  # the openai client's own retries (429 with Retry-After, 5xx, connection errors)


def is_configured(settings: Settings) -> bool:
    """True when settings name a chat endpoint or a key: the advisor then talks to an LLM."""
    return bool(settings.llm_base_url or settings.llm_api_key)


def make_llm(settings: Settings, timeout: float = TIMEOUT_S, max_retries: int = MAX_RETRIES) -> BaseChatModel | None:
    """Build the chat model the settings describe, or None for the offline interviewer.

    Args:
        settings: process settings; ``llm_base_url`` / ``llm_model`` / ``llm_api_key`` select the endpoint.
        timeout: seconds per request before the client gives up.
        max_retries: retries the client makes itself on rate limits, server errors and dropped connections.

    Returns:
        A ``ChatOpenAI`` talking to the endpoint, or None when no endpoint or key is configured.

    Raises:
        SettingsError: a base URL is set without a model name (a local server's model cannot be guessed).
    """
    if not is_configured(settings):
        return None
    if settings.llm_base_url and not settings.llm_model:
        raise SettingsError("ADVISOR_LLM_BASE_URL is set but ADVISOR_LLM_MODEL is not: name the chat model to use")
    from langchain_openai import ChatOpenAI
    from pydantic import SecretStr

    model = settings.llm_model or DEFAULT_MODEL
    logger.info("chat model %s at %s", model, settings.llm_base_url or "api.openai.com")
    return ChatOpenAI(
        model=model,
        base_url=settings.llm_base_url,
        # A local server often needs no key, but the client insists on one.
        api_key=SecretStr(settings.llm_api_key or "not-needed"),
        timeout=timeout,
        max_retries=max_retries,
    )


def llm_mode(settings: Settings) -> str:
    """A short description of the mode: "offline" or "openai-compatible: <model>"."""
    if not is_configured(settings):
        return "offline"
    return f"openai-compatible: {settings.llm_model or DEFAULT_MODEL}"
