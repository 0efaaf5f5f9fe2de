"""Slack's assistant (AI app) threads: suggested prompts, a status while the advisor works, streamed replies."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from slack_bolt import Assistant

from knowledge.errors import AdvisorError
from ui.slack.blocks import reply_blocks
from ui.slack.streaming import ThreadStream

if TYPE_CHECKING:
    from slack_sdk import WebClient

    from ui.slack.app import SlackAdvisor

logger = logging.getLogger(__name__)
SUGGESTED_PROMPTS = [
    {"title": "Legal contracts, Chinese and English",
     "message": "legal contracts in Chinese and English, 20 pages each, 200k docs"},
    {"title": "Support tickets at scale",
     "message": "support tickets in English, about 300 words each, 1M tickets, 50k queries a month"},
    {"title": "On-prem with one T4", "message": "medical notes in English, data must stay on prem, a T4"},
    {"title": "Just recommend", "message": "just recommend"},
]
GREETING = ("Hi! I recommend embedding models for a RAG system on Milvus, each figure with its source. Tell me about "
            "your documents (domain, languages, length, how many), or pick a prompt below.")
STATUS = "is reading your answer and running the advisor's tools…"
LOADING = ["Looking up published MTEB scores…", "Estimating cost and first-indexing time…",
           "Sizing the Milvus index…"]
def build_assistant(advisor: SlackAdvisor) -> Assistant:
    """The Bolt Assistant: prompts when a thread opens; each message runs a turn with a status, then streams."""
    assistant = Assistant()

    @assistant.thread_started
    def started(say: Any, set_suggested_prompts: Any, event: dict[str, Any]) -> None:
        thread = event.get("assistant_thread") or {}
        if thread.get("channel_id") and thread.get("thread_ts"):
            advisor.threads.mark_assistant(thread["channel_id"], thread["thread_ts"])
        say(GREETING)
        set_suggested_prompts(prompts=SUGGESTED_PROMPTS, title="Try one of these")

    @assistant.user_message
    def message(event: dict[str, Any], client: WebClient, set_status: Any, set_title: Any, context: Any) -> None:
        channel, thread_ts = event.get("channel"), event.get("thread_ts")
        if not channel or not thread_ts:
            return
        from ui.slack.app import slack_principal

        principal = slack_principal(context.get("team_id"), event.get("user") or context.get("user_id"))
        if event.get("files"):  # documents for this consultation: attached like uploads, then the check is offered
            advisor.attach(client, channel, thread_ts, event["files"], principal)
            if not (event.get("text") or "").strip():
                return
        if not advisor.threads.is_assistant(channel, thread_ts):  # a plain DM thread: one message per reply
            advisor.answer(client, channel, thread_ts, event.get("text", ""), principal)
            return
        first = advisor.threads.consultation(channel, thread_ts) is None
        set_status(status=STATUS, loading_messages=LOADING)
        user = event.get("user") or context.get("user_id")
        stream = ThreadStream(client, channel, thread_ts, user, context.get("team_id"), advisor.stream_interval_s)
        try:
            # Offline a turn takes a fraction of a second and has no tokens: the reply is streamed once it is whole.
            on_partial = stream.partial if advisor.service.llm is not None else None
            reply = advisor.turn(channel, thread_ts, event.get("text", ""), principal, on_partial=on_partial)
        except AdvisorError as exc:
            from ui.slack.app import error_reply

            stream.abort()
            client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=error_reply(exc, channel))
            return
        if first and (event.get("text") or "").strip():
            set_title(" ".join(event["text"].split())[:80])
        stream.finish(reply, reply_blocks(reply))

    return assistant
