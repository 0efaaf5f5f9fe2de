"""The CLI's one mapping of the error hierarchy (knowledge/errors.py) to a message on stderr and an exit code."""

from __future__ import annotations

import typer

from knowledge.errors import AdvisorError, SettingsError, ToolInputError

EXIT_FAILED = 1  # the service could not do it (an endpoint, Milvus, the disk), or some batch rows failed
EXIT_BAD_INPUT = 2  # the caller can fix it: an argument, a file, a setting


def exit_code(exc: AdvisorError) -> int:
    """2 for what the caller can fix (bad input, a bad setting), 1 for what the service could not do."""
    return EXIT_BAD_INPUT if isinstance(exc, ToolInputError | SettingsError) else EXIT_FAILED


def fail(exc: AdvisorError) -> typer.Exit:
    """Print ``exc`` on stderr as one ``error:`` line and return the exit to raise."""
    from rich.console import Console
    from rich.markup import escape

    Console(stderr=True).print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
    return typer.Exit(code=exit_code(exc))
