"""The ``serve`` and ``slack`` commands: the REST API (with the Slack bot in HTTP mode) and Socket Mode."""

from __future__ import annotations

import logging
import sys
from typing import Annotated

import typer

from knowledge.errors import AdvisorError
from knowledge.settings import Settings
from ui.cli.exit_codes import fail


def _logging(level: str) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def serve_cmd(
    host: Annotated[str, typer.Option(help="Interface to listen on; anything but loopback needs API tokens.")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8000,
    no_auth: Annotated[bool, typer.Option("--no-auth", help="Run without API tokens (loopback host only).")]
    = False,
) -> None:
    """Serve the REST API (and the Slack bot at /slack/events when SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are set).

    Tokens come from ADVISOR_API_TOKENS or ADVISOR_API_TOKENS_FILE; without them the server refuses to start
    unless --no-auth is given on a loopback host.
    """
    import uvicorn

    from agent.evaluation_jobs import EvaluationJobs, JobLimits
    from agent.service import AdvisorService
    from ui.api.app import create_app
    from ui.api.security import ApiLimits, check_startup, load_admin_tokens, load_tokens
    from ui.slack.app import slack_app_from_settings

    try:
        settings = Settings.from_env()
        admins = load_admin_tokens(settings)
        tokens = check_startup([*load_tokens(settings), *admins], host, no_auth)
        limits = ApiLimits.from_settings(settings)
        service = AdvisorService.from_settings(settings)
        _logging(service.settings.log_level)
        slack = slack_app_from_settings(service)
        jobs = EvaluationJobs(settings.data_dir, settings=settings, limits=JobLimits.from_settings(settings))
    except AdvisorError as exc:
        raise fail(exc) from exc
    app = create_app(service, service.settings, tokens, limits=limits, slack_app=slack, jobs=jobs,
                     admin_tokens=admins, retention_days=settings.retention_days)
    sys.stdout.write(f"embedding-advisor API on http://{host}:{port} (docs: /docs; LLM: {service.mode}; "
                     f"auth: {'on' if tokens else 'OFF'}; slack: {'on' if slack else 'off'})\n")
    try:
        uvicorn.run(app, host=host, port=port, log_level=service.settings.log_level.lower())
    finally:
        service.close()


def slack_cmd(
    socket: Annotated[bool, typer.Option("--socket", help="Socket Mode (SLACK_APP_TOKEN); no public URL needed.")]
    = False,
    host: Annotated[str, typer.Option(help="HTTP mode: interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="HTTP mode: TCP port.", min=1, max=65535)] = 8000,
    no_auth: Annotated[bool, typer.Option("--no-auth", help="HTTP mode: API without tokens (loopback only).")]
    = False,
) -> None:
    """Run the Slack bot: Socket Mode with --socket, else the API server with /slack/events (HTTP mode).

    Needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET; Socket Mode also SLACK_APP_TOKEN (xapp-...).
    """
    from agent.service import AdvisorService
    from knowledge.errors import SettingsError
    from ui.slack.app import slack_app_from_settings

    try:
        settings = Settings.from_env()
    except AdvisorError as exc:
        raise fail(exc) from exc
    if not socket:
        if not (settings.slack_signing_secret and settings.slack_bot_token):
            raise fail(SettingsError("set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to run the Slack bot"))
        serve_cmd(host=host, port=port, no_auth=no_auth)
        return
    app_token = settings.slack_app_token
    try:
        if not app_token:
            raise SettingsError("Socket Mode needs SLACK_APP_TOKEN (an app-level xapp-... token)")
        service = AdvisorService.from_settings(settings)
        _logging(service.settings.log_level)
        app = slack_app_from_settings(service, required=True)
    except AdvisorError as exc:
        raise fail(exc) from exc
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    sys.stdout.write(f"embedding-advisor Slack bot in Socket Mode (LLM: {service.mode})\n")
    try:
        SocketModeHandler(app, app_token).start()
    finally:
        service.close()
