"""The Slack bot (slack-bolt): each Slack thread is one consultation; HTTP mode in the API app, or Socket Mode."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from typing import Any, Literal, overload

from slack_bolt import App, BoltResponse
from slack_bolt.request.internals import parse_body
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.signature import SignatureVerifier

from agent.partials import Partial
from agent.principal import Principal
from agent.replies import Reply
from agent.service import AdvisorService
from knowledge.errors import (
    AdvisorError,
    ProfileError,
    QuotaExceededError,
    ServiceUnavailableError,
    SettingsError,
    StorageFullError,
    ToolInputError,
)
from ui.slack.assistant import build_assistant
from ui.slack.blocks import (
    EDIT_ACTION,
    EDIT_VIEW,
    MAX_SECTION,
    edit_button,
    edit_view,
    escape,
    reply_blocks,
    shown_value,
)
from ui.slack.files import CHECK_ACTION, CHECK_TEXT, attach_shared_files, attached_note, check_button
from ui.slack.streaming import INTERVAL_S, ThreadStream
from ui.slack.threads import SlackThreads

logger = logging.getLogger(__name__)
MENTION = re.compile(r"<@[A-Z0-9]+>")
SLASH_COMMAND = "/embedding-advisor"


def slack_principal(team: str | None, user: str | None) -> Principal:
    """The owner of a consultation started from Slack: ``slack:<team>:<user>``."""
    def clean(value: str | None) -> str:
        return re.sub(r"[^A-Za-z0-9]", "", value or "")[:32] or "unknown"

    return Principal(f"slack:{clean(team)}:{clean(user)}")


SET_COMMAND = re.compile(r"^\s*/?(?:set|edit)\s+([a-z_0-9]+)\s+(.+)$", re.IGNORECASE | re.DOTALL)


class AdvisorSlackApp(App):
    """Bolt's App plus ``refusal``: the HTTP requests Bolt would answer with a 500 are refused before it sees them."""

    def __init__(self, *, signing_secret: str, **kwargs: Any) -> None:
        super().__init__(signing_secret=signing_secret, **kwargs)
        self._verifier = SignatureVerifier(signing_secret)

    def refusal(self, body: bytes, headers: Mapping[str, str]) -> tuple[int, str] | None:
        """(status, reason) for a request to refuse, else None: Bolt then verifies and handles it as usual.

        A missing, non-numeric or stale timestamp or a wrong signature is 401 (Bolt raises on a non-numeric
        one); a body that is not UTF-8, or a correctly signed one that is not JSON or a form or not an object,
        is 400 (Bolt raises while parsing it, before it checks the signature).
        """
        timestamp, signature = headers.get("x-slack-request-timestamp", ""), headers.get("x-slack-signature", "")
        try:
            text = body.decode("utf-8")  # slack_sdk's verifier raises on other bytes too
        except UnicodeDecodeError:
            return 400, "malformed body: not UTF-8"
        # Only well-formed headers reach the verifier: "²" passes isdigit() but not int(), a 400-digit timestamp
        # overflows its clock check, and hmac.compare_digest raises on a non-ASCII signature.
        well_formed = re.fullmatch(r"[0-9]{1,12}", timestamp) and re.fullmatch(r"v0=[0-9a-f]{64}", signature)
        if not well_formed or not self._verifier.is_valid(text, timestamp, signature):
            return 401, "invalid request"
        try:
            parsed = parse_body(text, headers.get("content-type"))
        except (ValueError, RecursionError):
            return 400, "malformed body: expected JSON or a form"
        return None if isinstance(parsed, dict) else (400, "malformed body: expected a JSON object")


def error_reply(exc: AdvisorError, channel: str) -> str:
    """The Slack app's one mapping of the error hierarchy (knowledge/errors.py) to a polite reply in the thread."""
    if isinstance(exc, ToolInputError):
        return f"Sorry, I could not use that: {exc}"
    if isinstance(exc, StorageFullError):
        logger.error("slack turn in %s: %s", channel, exc)
        return f"Sorry: {exc.sentence}"
    if isinstance(exc, QuotaExceededError):  # the Slack user's own disk quota, as for API callers
        return f"Sorry: {exc}"
    if isinstance(exc, ServiceUnavailableError):
        logger.error("slack turn in %s: %s", channel, exc)
        return f"Sorry, {exc.service} is unavailable right now. Please try again in a moment."
    logger.error("slack turn failed in %s", channel, exc_info=exc)
    return "Sorry, something went wrong on my side. Please try again in a moment."


class SlackAdvisor:
    """Runs one turn of a thread's consultation and posts the reply in the thread."""

    def __init__(self, service: AdvisorService, threads: SlackThreads, stream_interval_s: float = INTERVAL_S) -> None:
        self.service = service
        self.threads = threads
        self.stream_interval_s = stream_interval_s  # the least time between two streamed updates of a reply

    def turn(self, channel: str, thread_ts: str, text: str, principal: Principal | None = None,
             on_partial: Partial | None = None) -> Reply:
        """Send ``text`` to the thread's consultation (starting one if needed) and return the reply.

        A new consultation belongs to ``principal`` (the Slack user who opened it): API tokens and the web UI never
        list or open it. Whoever can post in the thread (Slack decides that) continues it. ``on_partial`` sees the
        reply's text grow (the LLM's tokens; offline, each finished step).
        """
        text = MENTION.sub("", text or "").strip()
        consultation_id = self.threads.consultation(channel, thread_ts)
        if consultation_id is None:
            reply = self.service.start(text or None, principal=principal or Principal("slack:unknown:unknown"),
                                       on_partial=on_partial if text else None)
            self.threads.link(channel, thread_ts, reply.consultation_id)
            return reply
        edit = SET_COMMAND.match(text)
        if edit:  # "set corpus_docs 200k": a direct profile edit
            return self.service.edit_profile(consultation_id, {edit.group(1).lower(): edit.group(2).strip()})
        return self.service.send(consultation_id, text, on_partial=on_partial)

    def answer(self, client: WebClient, channel: str, thread_ts: str, text: str,
               principal: Principal | None = None) -> None:
        """Send ``text`` to the thread's consultation (starting one if needed) and reply in the thread.

        "set FIELD VALUE" (or "edit ...") in a thread edits the profile directly, like the "Edit profile" button. In
        LLM mode the reply is one message that grows (chat.update at a bounded rate) as the model writes it.
        """
        if self.service.llm is None:  # offline a turn takes a fraction of a second: the reply is posted whole
            try:
                reply = self.turn(channel, thread_ts, text, principal)
            except AdvisorError as exc:
                client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=error_reply(exc, channel))
                return
            self.post(client, channel, thread_ts, reply)
            return
        stream = ThreadStream(client, channel, thread_ts, None, None, self.stream_interval_s, mode="update")
        try:
            reply = self.turn(channel, thread_ts, text, principal, on_partial=stream.partial)
        except AdvisorError as exc:
            client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=error_reply(exc, channel))
            return
        stream.finish(reply, [*reply_blocks(reply), edit_button(reply.consultation_id)])

    def attach(self, client: WebClient, channel: str, thread_ts: str, files: list[dict[str, Any]],
               principal: Principal | None = None, start: bool = True) -> bool:
        """Attach files shared in the thread to its consultation and say what was attached and skipped.

        A thread without a consultation gets one when ``start`` (an assistant or DM thread: the files come first);
        otherwise the files are not the advisor's business. Each file is attached once, however often Slack names it
        (the sharing message and the ``file_shared`` event). Returns whether anything was answered.
        """
        consultation_id = self.threads.consultation(channel, thread_ts)
        if consultation_id is None and not start:
            return False
        try:
            if consultation_id is None:
                consultation_id = self.service.start(None, principal=principal or Principal("slack:unknown:unknown")
                                                     ).consultation_id
                self.threads.link(channel, thread_ts, consultation_id)
            new = [f for f in files if f.get("id") and self.threads.claim_file(channel, thread_ts, f)]
            if not new:
                return False
            result = attach_shared_files(self.service, client, consultation_id, new)
        except AdvisorError as exc:
            client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=error_reply(exc, channel))
            return True
        note = attached_note(result, len(self.service.evidence.documents(consultation_id)))
        blocks: list[dict[str, Any]] = [{"type": "section", "text": {"type": "mrkdwn",
                                                                     "text": escape(note)[:MAX_SECTION]}}]
        if result.attached:
            blocks.append(check_button(consultation_id))
        client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=escape(note)[:3000], blocks=blocks)
        return True

    @staticmethod
    def post(client: WebClient, channel: str, thread_ts: str, reply: Reply) -> None:
        """Post a reply in the thread, with the "Edit profile" action under it."""
        fallback = escape(reply.text or reply.pending_question or "…")
        client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=fallback[:3000],
                                blocks=[*reply_blocks(reply), edit_button(reply.consultation_id)])


def create_slack_app(service: AdvisorService, signing_secret: str, client: WebClient,
                     threads: SlackThreads, stream_interval_s: float = INTERVAL_S) -> AdvisorSlackApp:
    """The Bolt app: slash command, app mentions and direct messages, with request verification on.

    Args:
        service: the consultation facade.
        signing_secret: SLACK_SIGNING_SECRET (every HTTP request's signature is checked against it).
        client: the Web API client (its token is SLACK_BOT_TOKEN; ``base_url`` may point to a stand-in).
        threads: the thread and event-id store.
        stream_interval_s: the least time between two streamed updates of a reply in an assistant thread.
    """
    app = AdvisorSlackApp(signing_secret=signing_secret, client=client, process_before_response=False,
                          token_verification_enabled=False)
    advisor = SlackAdvisor(service, threads, stream_interval_s)

    @app.middleware
    def deduplicate(body: dict[str, Any], next: Any) -> BoltResponse | None:
        # Events carry an event_id; a slash command has none, but its trigger_id is unique to one invocation, so a
        # signed request replayed within the 5 minutes its signature is valid is answered once.
        event_id = body.get("event_id") or (f"slash:{body['trigger_id']}" if body.get("command") and
                                            body.get("trigger_id") else None)
        if event_id and not threads.claim_event(event_id):
            logger.info("duplicate slack event %s ignored", event_id)
            return BoltResponse(status=200, body="")
        return next()

    app.assistant(build_assistant(advisor))  # assistant (AI app) threads: prompts, status, streamed replies

    @app.action(re.compile(r"^feedback_"))
    def feedback(ack: Any, body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        ack()
        user = (body.get("user") or {}).get("id", "")
        value = "helpful" if action.get("action_id") == "feedback_helpful" else "not helpful"
        threads.record_feedback(action.get("value") or "", user, value)
        channel = (body.get("channel") or {}).get("id")
        thread_ts = (body.get("message") or {}).get("thread_ts") or (body.get("message") or {}).get("ts")
        if channel and user:
            client.chat_postEphemeral(channel=channel, user=user, thread_ts=thread_ts,
                                      text=f"Thanks: noted as {value}. Tell me in the thread what to change.")

    @app.command(SLASH_COMMAND)
    def slash(ack: Any, command: dict[str, Any], client: WebClient) -> None:
        ack()  # within Slack's 3 seconds; the turn runs after the ack in Bolt's worker thread
        text = command.get("text") or ""
        principal = slack_principal(command.get("team_id"), command.get("user_id"))
        user = re.sub(r"[^A-Z0-9]", "", command.get("user_id") or "")
        opener = client.chat_postMessage(channel=command["channel_id"],
                                         text=f"<@{user}> asked: {escape(text) or '(new consultation)'}")
        advisor.answer(client, command["channel_id"], opener["ts"], text, principal)

    @app.action(EDIT_ACTION)
    def open_editor(ack: Any, body: dict[str, Any], client: WebClient) -> None:
        ack()
        action = body["actions"][0]
        message = body.get("message") or {}
        channel = (body.get("channel") or {}).get("id", "")
        try:
            state = service.state(action["value"])
        except AdvisorError as exc:
            logger.warning("edit profile for an unknown consultation: %s", exc)
            return
        client.views_open(trigger_id=body["trigger_id"],
                          view=edit_view(state, channel, message.get("thread_ts") or message.get("ts", "")))

    @app.view(EDIT_VIEW)
    def save_edit(ack: Any, body: dict[str, Any], client: WebClient) -> None:
        meta = json.loads(body["view"]["private_metadata"])
        values = body["view"]["state"]["values"]
        state = service.state(meta["consultation_id"])
        submitted = {f: (v.get("value", {}).get("value") or "").strip() for f, v in values.items()}
        changes = {f: v for f, v in submitted.items() if v and v != shown_value(state.profile.get(f))}
        if not changes:
            ack()
            return
        try:
            reply = service.edit_profile(meta["consultation_id"], changes)
        except ProfileError as exc:  # the form shows each problem under its field
            ack(response_action="errors", errors={f: m[:150] for f, m in exc.problems.items() if f in values}
                or {next(iter(values)): str(exc)[:150]})
            return
        ack()
        if meta.get("channel") and meta.get("thread_ts"):
            advisor.post(client, meta["channel"], meta["thread_ts"], reply)

    @app.action(CHECK_ACTION)
    def run_check(ack: Any, body: dict[str, Any], client: WebClient) -> None:
        ack()
        channel = (body.get("channel") or {}).get("id")
        message = body.get("message") or {}
        thread_ts = message.get("thread_ts") or message.get("ts")
        if channel and thread_ts and threads.consultation(channel, thread_ts) == body["actions"][0].get("value"):
            advisor.answer(client, channel, thread_ts, CHECK_TEXT)

    def reply_to(event: dict[str, Any], client: WebClient, body: dict[str, Any], start: bool = True) -> None:
        if not event.get("channel") or not event.get("ts"):  # nowhere to answer: log it, never a KeyError
            logger.warning("slack %s event without channel or ts ignored", event.get("type"))
            return
        principal = slack_principal(event.get("team") or body.get("team_id"), event.get("user"))
        thread_ts = event.get("thread_ts") or event["ts"]
        if event.get("files"):
            advisor.attach(client, event["channel"], thread_ts, event["files"], principal, start=start)
            if not MENTION.sub("", event.get("text") or "").strip():
                return
        advisor.answer(client, event["channel"], thread_ts, event.get("text", ""), principal)

    @app.event("app_mention")
    def mention(event: dict[str, Any], client: WebClient, body: dict[str, Any]) -> None:
        reply_to(event, client, body)

    @app.event("message")
    def direct_message(event: dict[str, Any], client: WebClient, body: dict[str, Any]) -> None:
        if event.get("bot_id") or event.get("subtype") not in (None, "file_share"):
            return
        if event.get("channel_type") == "im":
            reply_to(event, client, body)
        elif event.get("files") and event.get("thread_ts") and event.get("channel"):
            # A file shared in a channel thread the advisor answers in (no mention needed): attach it there.
            principal = slack_principal(event.get("team") or body.get("team_id"), event.get("user"))
            advisor.attach(client, event["channel"], event["thread_ts"], event["files"], principal, start=False)

    @app.event("file_shared")
    def file_shared(event: dict[str, Any], client: WebClient) -> None:
        # Sent alone, without the message: where it was shared comes from files.info's "shares".
        file_id, channel = event.get("file_id") or (event.get("file") or {}).get("id"), event.get("channel_id")
        if not file_id or not channel:
            return
        try:
            info = client.files_info(file=file_id)["file"]
        except SlackApiError as exc:
            logger.info("files.info for a shared file failed: %s", exc)
            return
        shares = (info.get("shares") or {}).get("private", {}) | (info.get("shares") or {}).get("public", {})
        for share in shares.get(channel) or []:
            if share.get("thread_ts"):
                advisor.attach(client, channel, share["thread_ts"], [{"id": file_id, "name": info.get("name")}],
                               start=False)

    return app


@overload
def slack_app_from_settings(service: AdvisorService, required: Literal[True]) -> App: ...


@overload
def slack_app_from_settings(service: AdvisorService, required: bool = False) -> App | None: ...


def slack_app_from_settings(service: AdvisorService, required: bool = False) -> App | None:
    """The Bolt app the service's settings configure (SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN), or None.

    Raises:
        SettingsError: ``required`` and either is unset.
    """
    settings = service.settings
    secret, token = settings.slack_signing_secret, settings.slack_bot_token
    if not (secret and token):
        if required:
            raise SettingsError("set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to run the Slack bot")
        return None
    threads = SlackThreads(settings.layout.slack_threads)
    return create_slack_app(service, secret, WebClient(token=token), threads)
