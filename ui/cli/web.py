"""The ``ui`` command: serve the web UI (registered in ui/cli/app.py as ``embedding-advisor ui``)."""

from __future__ import annotations

import logging
import os
from typing import Annotated

import typer

from knowledge.errors import AdvisorError
from ui.cli.exit_codes import fail


def ui_cmd(
    host: Annotated[str, typer.Option(help="Interface to bind; anything but loopback needs ADVISOR_UI_AUTH.")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 7860,
) -> None:
    """Open the web UI: chat with the advisor, see the short list and chart, check models on your documents.

    ADVISOR_UI_AUTH=user:password[,user2:password2] turns the sign-in on (each user sees their own consultations);
    without it the UI serves only a loopback host.
    """
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no telemetry or version check leaves the machine
    from agent.service import AdvisorService
    from knowledge.settings import Settings
    from ui.web.app import check_ui_startup, launch_app

    try:
        settings = Settings.from_env()
        auth = check_ui_startup(settings.ui_auth, host)  # beyond loopback only with a sign-in
        service = AdvisorService.from_settings(settings)
    except AdvisorError as exc:
        raise fail(exc) from exc
    logging.basicConfig(level=service.settings.log_level)
    typer.echo(f"embedding-advisor web UI on http://{host}:{port} (LLM mode: {service.mode}); Ctrl+C stops it")
    with service:
        launch_app(service, host=host, port=port, auth=auth)
