"""``embedding-advisor chat``: a consultation in the terminal (rich), or one message per line from a pipe."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from knowledge.errors import AdvisorError, ToolInputError
from ui.cli.exit_codes import fail

if TYPE_CHECKING:
    from rich.console import Console

    from agent.replies import Reply

logger = logging.getLogger(__name__)
QUIT_WORDS = {"quit", "exit", "/quit", "/exit", "q", "退出"}


def _show_reply(console: Console, reply: Reply) -> None:
    from rich.markdown import Markdown

    for event in reply.tool_events:
        args = ", ".join(f"{k}={v!r}" for k, v in event.args.items() if k != "profile")
        mark = "[green]ok[/]" if event.status == "ok" else "[red]error[/]"
        console.print(f"[dim]tool {event.name}({escape(args[:120])}) {mark} {event.duration_ms:.0f} ms[/]",
                      highlight=False)
    console.print(Markdown(reply.text or "(no reply)"))
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

    Type 'skip' to take a default, 'just recommend' at any time, '/attach PATH' (or just a path) to add your
    documents, 'test the short list on my documents' to measure the candidates on them, and 'quit' to leave; the
    consultation is saved
    and `embedding-advisor chat --id ID` continues it. Without a terminal, reads one message per line.
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
                    reply = service.send(cid, text)
                except (ToolInputError, StorageFullError) as exc:  # a full disk keeps the session open
                    console.print(f"[red]{escape(str(exc))}[/]", highlight=False)
                    continue
                _show_reply(console, reply)
        except KeyboardInterrupt:
            console.print()
        console.print(f"[dim]saved; continue with: embedding-advisor chat --id {cid}[/]", highlight=False)
