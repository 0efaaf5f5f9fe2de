"""``embedding-advisor chat``: a consultation in the terminal (rich), or one message per line from a pipe."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape

from knowledge.errors import AdvisorError, ToolInputError
from ui.cli.exit_codes import fail

if TYPE_CHECKING:
    from rich.console import Console

    from agent.replies import Reply

logger = logging.getLogger(__name__)
FOLLOWED_TOOLS = {"check_documents", "check_status", "benchmark_models", "run_probe"}  # jobs the chat waits for
QUIT_WORDS = {"quit", "exit", "/quit", "/exit", "q", "退出"}
SET_USAGE = ("usage: /set FIELD VALUE, e.g. /set corpus_docs 200k, /set hardware A100 80GB, /set languages en, ja; "
             "fields: domain, languages, doc_length_tokens, corpus_docs, queries_per_month, data_must_stay_on_prem, "
             "deployment, hardware, budget_usd_month, latency_p95_ms, license, priorities, top_k")


def parse_set(text: str) -> dict[str, str] | None:
    """``/set FIELD VALUE`` as {field: value}; None when the line is not a /set command.

    Raises:
        ToolInputError: a /set line without a field or a value (the message shows the usage).
    """
    parts = text.strip().split(None, 2)
    if not parts or parts[0].lower() != "/set":
        return None
    if len(parts) < 3:
        raise ToolInputError(SET_USAGE)
    return {parts[1].strip().lower(): parts[2].strip()}


def _show_reply(console: Console, reply: Reply) -> None:
    from rich.markdown import Markdown

    for event in reply.tool_events:
        args = ", ".join(f"{k}={v!r}" for k, v in event.args.items() if k != "profile")
        mark = "[green]ok[/]" if event.status == "ok" else "[red]error[/]"
        console.print(f"[dim]tool {event.name}({escape(args[:120])}) {mark} {event.duration_ms:.0f} ms[/]",
                      highlight=False)
    console.print(Markdown(reply.text or "(no reply)"))
    console.print()


def follow_check(console: Console, service: Any, consultation_id: str, poll_s: float = 0.5) -> None:
    """Show the consultation's running check (stage and progress) until it ends, then the re-ranked short list.

    Ctrl-C stops only the waiting: the check runs on, and the next message (or ``chat --id``) picks its results up.
    """
    checks = service.evidence.checks(consultation_id)
    if not checks or checks[-1]["status"] not in ("pending", "running"):
        return
    shown = None
    console.print("[dim]Waiting for the document check (Ctrl-C to chat on while it runs) ...[/]", highlight=False)
    try:
        while (check := service.evidence.checks(consultation_id)[-1])["status"] in ("pending", "running"):
            line = f"check {check['status']}: {check.get('stage') or 'queued'} ({(check.get('progress') or 0):.0%})"
            if line != shown:
                console.print(f"[dim]{escape(line)}[/]", highlight=False)
                shown = line
            time.sleep(poll_s)
    except KeyboardInterrupt:
        console.print("[dim]The check runs on; ask \"how is the check going?\" or carry on.[/]", highlight=False)
        return
    from agent.evidence_tools import check_message

    if check["status"] != "done":
        console.print(f"[red]{escape(check_message(check))}[/]", highlight=False)
        return
    reply = service.apply_check(consultation_id)  # a document check re-ranks the short list
    if reply is not None:
        _show_reply(console, reply)
    else:
        console.print(escape(check_message(check)), highlight=False)
        console.print()


def _attach_target(text: str) -> Path | None:
    """The path of ``/attach PATH``, or of a message that is nothing but an existing file or folder."""
    line = text.strip()
    if line.lower().startswith("/attach"):
        return Path(line[len("/attach"):].strip().strip("'\"")).expanduser()
    candidate = Path(line.strip("'\"")).expanduser()
    if ("/" in line or "\\" in line) and len(line) < 4096 and candidate.exists():
        return candidate
    return None


def _read(console: Console, interactive: bool) -> str | None:
    """The user's next message, or None at the end (EOF or a quit word)."""
    if interactive:
        from rich.prompt import Prompt

        try:
            line = Prompt.ask("[bold cyan]you[/]", console=console)
        except (EOFError, KeyboardInterrupt):
            return None
    else:
        raw = sys.stdin.readline()
        if not raw:
            return None
        line = raw.rstrip("\n")
        console.print(f"[bold cyan]you>[/] {escape(line)}", highlight=False)
    if line.strip().lower() in QUIT_WORDS:
        return None
    return line


def chat_cmd(
    consultation_id: Annotated[str | None, typer.Option("--id", help="Continue this consultation.")] = None,
) -> None:
    """Talk to the advisor: it interviews you about your RAG system and recommends embedding models.

    Type 'skip' to take a default, 'just recommend' at any time, '/set FIELD VALUE' to edit the profile directly
    (e.g. '/set corpus_docs 200k'), '/attach PATH' (or just a path) to add your documents, 'test the short list on
    my documents' to measure the candidates on them, and 'quit' to leave; the consultation is saved and
    `embedding-advisor chat --id ID` continues it. Without a terminal, reads one message per line.
    """
    from rich.console import Console

    from agent.service import AdvisorService
    from knowledge.errors import StorageFullError

    console = Console()
    interactive = sys.stdin.isatty()
    try:
        service = AdvisorService.from_env()
    except AdvisorError as exc:
        raise fail(exc) from exc
    logging.basicConfig(level=service.settings.log_level, format="%(levelname)s %(name)s: %(message)s")
    with service:
        try:
            reply = service.resume(consultation_id) if consultation_id else service.start(None)
        except ToolInputError as exc:
            raise fail(exc) from exc
        cid = reply.consultation_id
        console.print(f"[dim]consultation {cid} ({service.mode}); resume with: embedding-advisor chat --id {cid}[/]",
                      highlight=False)
        _show_reply(console, reply)
        try:
            while (text := _read(console, interactive)) is not None:
                if not text.strip():
                    continue
                attach = _attach_target(text)
                if attach is not None:  # "/attach PATH" or a bare path: documents for the check on your data
                    try:
                        names = service.evidence.attach_path(cid, attach)
                    except (ToolInputError, OSError) as exc:
                        console.print(f"[red]{escape(str(exc))}[/]", highlight=False)
                        continue
                    console.print(f"Attached {len(names)} document(s) from {escape(str(attach))}; say \"test the "
                                  "short list on my documents\" to check them.", highlight=False)
                    continue
                try:
                    edit = parse_set(text)
                    reply = service.edit_profile(cid, edit) if edit is not None else service.send(cid, text)
                except (ToolInputError, StorageFullError) as exc:  # a full disk keeps the session open
                    console.print(f"[red]{escape(str(exc))}[/]", highlight=False)
                    continue
                _show_reply(console, reply)
                if {e.name for e in reply.tool_events} & FOLLOWED_TOOLS:
                    follow_check(console, service, cid)  # progress, then the measured short list
        except KeyboardInterrupt:
            console.print()
        console.print(f"[dim]saved; continue with: embedding-advisor chat --id {cid}[/]", highlight=False)
