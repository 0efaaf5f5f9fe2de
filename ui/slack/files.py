"""Documents shared in a consultation's Slack thread: fetched with the bot token and attached like API uploads.

Slack sends a file's id (with the message that shares it, or alone in a ``file_shared`` event); ``files.info`` gives
its ``url_private_download``, which answers only with the bot token (scope ``files:read``). Each file is streamed to a
staging folder with the per-file limit enforced while it arrives, then ``agent.attachments.attach_files`` checks it
exactly like an upload to ``POST /v1/consultations/{id}/documents`` (type, size, content, the total) and attaches it.
"""

from __future__ import annotations

import logging
import shutil
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from slack_sdk.errors import SlackApiError

from agent.attachments import Attached, attach_files

if TYPE_CHECKING:
    from slack_sdk import WebClient

    from agent.service import AdvisorService

logger = logging.getLogger(__name__)
MB = 1024 * 1024
CHUNK = 64 * 1024
DOWNLOAD_TIMEOUT_S = 30
CHECK_ACTION = "check_documents"
CHECK_TEXT = "check the short list on my documents"
UNREADABLE_MODES = {"external": "a link to another service, not a file Slack holds",
                    "tombstone": "deleted", "hidden_by_limit": "hidden by the workspace's file storage limit"}


def _trusted(url: str, client: WebClient) -> bool:
    """Whether the bot token may be sent to ``url``: Slack's own hosts (or the API host the client talks to)."""
    parts = urllib.parse.urlsplit(url)
    host = (parts.hostname or "").lower()
    api = urllib.parse.urlsplit(client.base_url)
    if parts.scheme == api.scheme and parts.netloc == api.netloc:
        return True  # a stand-in or an Enterprise Grid host the client was pointed at
    return parts.scheme == "https" and (host == "slack.com" or host.endswith((".slack.com", ".slack-edge.com")))


def _download(client: WebClient, info: dict[str, Any], target: Path, max_bytes: int) -> str | None:
    """Stream the file to ``target``; None when done, else why it was not fetched."""
    url = info.get("url_private_download") or info.get("url_private")
    if not url:
        return "Slack gave no download link"
    if not _trusted(url, client):
        return "its download link is not on a Slack host (the bot token is not sent there)"
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {client.token}"})
    try:
        with urllib.request.urlopen(request, timeout=DOWNLOAD_TIMEOUT_S) as response:  # noqa: S310 (checked host)
            kind = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if kind == "text/html" and not str(info.get("name", "")).lower().endswith((".html", ".htm")):
                return "Slack answered with a sign-in page (does the app have the files:read scope?)"
            size = 0
            with target.open("wb") as out:
                while chunk := response.read(CHUNK):
                    size += len(chunk)
                    if size > max_bytes:
                        return f"over the {max_bytes:,}-byte limit per file"
                    out.write(chunk)
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        logger.warning("download of Slack file %s failed: %s", info.get("id"), exc)
        return "the download failed; share it again in a moment"
    return None


def attach_shared_files(service: AdvisorService, client: WebClient, consultation_id: str,
                        files: list[dict[str, Any]]) -> Attached:
    """Fetch the shared files (``files.info``, then the private URL with the bot token) and attach the good ones.

    Args:
        service: the consultation facade (its settings give the limits; its evidence keeps the documents).
        client: the bot's Web API client.
        consultation_id: the thread's consultation.
        files: file objects as Slack sends them (only ``id`` is relied on).

    Returns:
        The stored names and, for each skipped file, its name and why.
    """
    settings = service.settings
    max_total = settings.max_upload_mb * MB
    max_file = min(settings.max_file_mb * MB, max_total)
    staging = service.evidence.folder(consultation_id) / f".slack-{uuid.uuid4().hex[:8]}"
    staging.mkdir(parents=True)
    result, received = Attached(), []
    try:
        for i, shared in enumerate(files):
            file_id = str(shared.get("id") or "")
            try:
                info = client.files_info(file=file_id)["file"]
            except SlackApiError as exc:
                reason = exc.response.get("error", "error") if exc.response is not None else "error"
                result.skipped.append(f"{shared.get('name') or file_id}: Slack would not give it ({reason})")
                continue
            name = str(info.get("name") or info.get("title") or file_id)
            if info.get("mode") in UNREADABLE_MODES:
                result.skipped.append(f"{name!r}: {UNREADABLE_MODES[info['mode']]}")
                continue
            if isinstance(info.get("size"), int) and info["size"] > max_file:
                result.skipped.append(f"{name!r}: {info['size']:,} bytes is over the {max_file:,}-byte limit per file")
                continue
            path = staging / f"{i}{Path(name).suffix.lower()[:16]}"
            problem = _download(client, info, path, max_file)
            if problem:
                result.skipped.append(f"{name!r}: {problem}")
                continue
            received.append((name, path))
        done = attach_files(service.evidence, consultation_id, received, max_file_bytes=max_file,
                            max_total_bytes=max_total)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Attached(attached=done.attached, skipped=result.skipped + done.skipped)


def attached_note(result: Attached, n_documents: int) -> str:
    """The reply in the thread: what was attached, what was skipped and why, and the offer of a check."""
    parts = []
    if result.attached:
        parts.append(f"Attached {', '.join(result.attached)} to this consultation ({n_documents} "
                     f"document{'s' if n_documents != 1 else ''} in all).")
    if result.skipped:
        parts.append("Skipped: " + "; ".join(result.skipped) + ".")
    if result.attached:
        parts.append(f"Say “{CHECK_TEXT}” (or press the button) to test the short list on them.")
    elif not result.skipped:
        parts.append("Nothing to attach.")
    return "\n".join(parts)


def check_button(consultation_id: str) -> dict[str, Any]:
    """The action under an attach reply: run the check of the short list on the attached documents."""
    return {"type": "actions", "block_id": "check", "elements": [
        {"type": "button", "action_id": CHECK_ACTION, "value": consultation_id, "style": "primary",
         "text": {"type": "plain_text", "text": "Check the short list on these documents"}}]}
