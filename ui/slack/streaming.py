"""A reply streamed into a Slack thread as the advisor writes it: chat.startStream / appendStream / stopStream.

Text is sent at a bounded rate (at most one call per ``interval_s``; Slack rate-limits the streaming methods), as
the part of the text not sent yet. Where the workspace refuses streaming the reply is one message that grows with
chat.update at the same rate. When the finished reply is not a continuation of what was streamed (a short list shown
as blocks, or an answer replaced after its check), the streamed message is updated to the finished reply.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING, Any

from slack_sdk.errors import SlackApiError, SlackRequestError

from ui.slack.blocks import escape

if TYPE_CHECKING:
    from slack_sdk import WebClient
    from slack_sdk.web.chat_stream import ChatStream

    from agent.replies import Reply

logger = logging.getLogger(__name__)
INTERVAL_S = 0.5
MAX_TEXT = 3000  # a section's text, and the fallback text of chat.update


class ThreadStream:
    """One reply in one thread, streamed while the turn runs; ``partial`` is the service's ``on_partial``."""

    def __init__(self, client: WebClient, channel: str, thread_ts: str, user_id: str | None, team_id: str | None,
                 interval_s: float = INTERVAL_S, mode: str = "stream") -> None:
        """Stream into ``thread_ts``; ``mode`` "update" grows one message by chat.update (a channel thread)."""
        self.client, self.channel, self.thread_ts = client, channel, thread_ts
        self.user_id, self.team_id, self.interval_s = user_id, team_id, interval_s
        self.sent = ""  # the escaped text Slack already shows
        self.latest = ""  # the escaped text of the latest partial
        self.diverged = False  # a partial did not continue what was sent (only the final reply can fix that)
        self.ts: str | None = None
        self.mode = mode  # "stream", or "update" where streaming is refused (or not offered: channel threads)
        self.updates = 0  # calls that showed more text
        self._stream: ChatStream | None = None
        self._last = 0.0
        self._lock = threading.Lock()

    def partial(self, text: str) -> None:
        """Take the reply's text so far; send what is new once ``interval_s`` has passed since the last send."""
        with self._lock:
            escaped = escape(text)
            if not escaped.startswith(self.sent):
                self.diverged = True
                return
            self.latest = escaped
            if time.monotonic() - self._last >= self.interval_s:
                self._flush()

    def _flush(self) -> None:
        new = self.latest[len(self.sent):]
        if not new:
            return
        try:
            if self.mode == "stream":
                if self._stream is None:
                    self._stream = self.client.chat_stream(channel=self.channel, thread_ts=self.thread_ts,
                                                           recipient_user_id=self.user_id,
                                                           recipient_team_id=self.team_id, buffer_size=1)
                self._stream.append(markdown_text=new)
                self.ts = self._stream.ts
            elif self.ts is None:
                self.ts = self.client.chat_postMessage(channel=self.channel, thread_ts=self.thread_ts,
                                                       text=self.latest[:MAX_TEXT])["ts"]
            else:
                self.client.chat_update(channel=self.channel, ts=self.ts, text=self.latest[:MAX_TEXT])
        except (SlackApiError, SlackRequestError) as exc:
            if self.mode == "stream" and self.ts is None:
                logger.info("streaming unavailable in %s (%s): growing one message instead", self.channel, exc)
                self.mode, self._stream = "update", None
                self._flush()
                return
            logger.warning("a streamed update in %s failed: %s", self.channel, exc)
            return
        self.sent, self._last = self.latest, time.monotonic()
        self.updates += 1

    def finish(self, reply: Reply, blocks: list[dict[str, Any]]) -> None:
        """End the message with the finished reply: its text (``blocks[0]``) and the blocks under it."""
        text = blocks[0]["text"]["text"] if blocks and blocks[0].get("type") == "section" else escape(reply.text)
        with self._lock:
            if self.ts is None:  # nothing was shown yet: post it whole (streamed where streaming is on)
                if self.mode == "stream":
                    self._post_whole(text, blocks)
                else:
                    self.client.chat_postMessage(channel=self.channel, thread_ts=self.thread_ts,
                                                 text=text[:MAX_TEXT], blocks=blocks)
                return
            if self.mode == "stream" and self._stream is not None and not self.diverged and text.startswith(self.sent):
                self._stream.stop(markdown_text=text[len(self.sent):] or None, blocks=blocks[1:] or None)
                return
            if self._stream is not None:
                self._stream.stop()
            self.client.chat_update(channel=self.channel, ts=self.ts, text=text[:MAX_TEXT], blocks=blocks)

    def abort(self) -> None:
        """End a started stream (the turn failed; its error is posted on its own)."""
        with self._lock:
            if self._stream is not None and self.mode == "stream":
                try:
                    self._stream.stop()
                except (SlackApiError, SlackRequestError) as exc:
                    logger.info("could not end the stream in %s: %s", self.channel, exc)

    def _post_whole(self, text: str, blocks: list[dict[str, Any]]) -> None:
        try:
            stream = self.client.chat_stream(channel=self.channel, thread_ts=self.thread_ts,
                                             recipient_user_id=self.user_id, recipient_team_id=self.team_id,
                                             buffer_size=1)
            paragraphs = text.split("\n\n")
            for i, paragraph in enumerate(paragraphs):
                stream.append(markdown_text=paragraph + ("\n\n" if i < len(paragraphs) - 1 else ""))
            stream.stop(blocks=blocks[1:] or None)
        except (SlackApiError, SlackRequestError) as exc:
            logger.info("streaming unavailable in %s (%s): posting the reply whole", self.channel, exc)
            self.client.chat_postMessage(channel=self.channel, thread_ts=self.thread_ts, text=text[:MAX_TEXT],
                                         blocks=blocks)
