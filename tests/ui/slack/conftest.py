"""The Slack tests' set-up: the real Bolt app mounted in the API app, talking to a local stand-in for Slack."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from slack_sdk import WebClient
from slack_standin import SECRET, FakeSlack, deliver

from agent.service import AdvisorService
from knowledge.settings import Settings
from ui.api.app import create_app
from ui.slack.app import SlackThreads, create_slack_app


@dataclass
class SlackRig:
    """One Slack app under test: the HTTP client Slack's requests go through, the stand-in, the service, threads."""

    client: TestClient
    fake: FakeSlack
    service: AdvisorService
    threads: SlackThreads

    def post(self, inner: dict[str, Any], event_id: str) -> None:
        """Deliver one signed event (``inner`` is the event) and check it was acknowledged within Slack's 3 s."""
        deliver(self.client, inner, event_id)


@pytest.fixture
def make_slack(tmp_path: Path) -> Iterator[Any]:
    """Build the rig: ``make_slack(llm=None, stream_interval_s=0.5, **settings)``; everything is closed afterwards."""
    made: list[SlackRig] = []

    def make(llm: Any = None, stream_interval_s: float = 0.5, **settings: Any) -> SlackRig:
        fake = FakeSlack()
        folder = tmp_path / f"rig{len(made)}"
        config = Settings(data_dir=folder, **settings)
        service = AdvisorService(config, llm=llm)
        threads = SlackThreads(folder / "slack.sqlite")
        bolt = create_slack_app(service, SECRET, WebClient(token="xoxb-test", base_url=fake.url), threads,
                                stream_interval_s=stream_interval_s)
        client = TestClient(create_app(service, config, ["api-token"], slack_app=bolt))
        client.__enter__()
        made.append(SlackRig(client, fake, service, threads))
        return made[-1]

    yield make
    for rig in made:
        rig.client.__exit__(None, None, None)
        rig.fake.close()
        rig.threads.close()
        rig.service.close()
