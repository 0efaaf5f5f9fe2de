"""The disk quota (ADVISOR_QUOTA_MB) binds every surface's principal: a web-UI user, a Slack team+user and an API
token alike; each one's usage is its own, and the operator's CLI is never refused."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from agent.principal import OPERATOR, Principal
from agent.service import AdvisorService
from knowledge.errors import QuotaExceededError
from knowledge.settings import Settings
from ui.slack.app import SlackAdvisor, SlackThreads, slack_principal
from ui.web.app import WebUI

WEB, SLACK, TOKEN = Principal("web:ana"), slack_principal("T1", "U1"), Principal("token:abc")


def fill(service: AdvisorService, principal: Principal, megabytes: float) -> str:
    """A consultation of ``principal`` with a document of ``megabytes`` attached."""
    cid = service.start("legal contracts in German", principal=principal).consultation_id
    folder = service.settings.layout.consultation_documents / cid / "documents"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "big.txt").write_bytes(b"x" * int(megabytes * 1024 * 1024))
    return cid


@pytest.fixture
def service(tmp_path, monkeypatch):
    monkeypatch.setattr("agent.service.USAGE_TTL_S", 0.0)  # count on every start (the fill happens between two)
    with AdvisorService(Settings(data_dir=tmp_path, quota_mb=1)) as svc:
        yield svc


@pytest.mark.parametrize("principal", [WEB, SLACK, TOKEN], ids=["web", "slack", "api"])
def test_a_principal_at_its_quota_cannot_start_another_consultation(service, principal):
    fill(service, principal, 1.1)
    assert service.usage_bytes(principal) > 1024 * 1024
    with pytest.raises(QuotaExceededError, match="ADVISOR_QUOTA_MB"):
        service.start("another one", principal=principal)
    other = Principal("web:bob")  # another user of the same surface is not affected
    assert service.start("legal contracts", principal=other).turn == 1
    assert service.start("the operator's CLI", principal=None).turn == 1  # never refused
    assert service.start("an admin", principal=OPERATOR).turn == 1


def test_a_recent_count_far_below_the_quota_is_reused_and_one_near_it_is_not(tmp_path, monkeypatch):
    with AdvisorService(Settings(data_dir=tmp_path, quota_mb=1)) as svc:
        counts = []
        real = svc.usage_bytes
        monkeypatch.setattr(svc, "usage_bytes", lambda p: counts.append(p.id) or real(p))
        for _ in range(3):
            svc.start("legal contracts", principal=WEB)
        assert counts == [WEB.id]  # one count for a burst of starts
        fill(svc, WEB, 0.6)  # over half the quota: every start counts again
        svc._usage[WEB.id] = (0.0, 0)  # (the burst's count has aged)
        svc.start("legal contracts", principal=WEB)
        svc.start("legal contracts", principal=WEB)
        assert counts.count(WEB.id) == 3, counts


def test_the_slack_thread_is_told_it_is_over_quota(service):
    fill(service, SLACK, 1.1)
    posted: list[str] = []
    client = SimpleNamespace(chat_postMessage=lambda **kw: posted.append(kw["text"]))
    advisor = SlackAdvisor(service, SlackThreads(service.settings.data_dir / "slack.sqlite"))
    advisor.answer(client, "C1", "1700000000.000100", "a new question", SLACK)
    assert len(posted) == 1 and "disk quota" in posted[0], posted


def test_the_web_ui_refuses_a_chat_and_a_check_over_quota(service, tmp_path, monkeypatch):
    import gradio as gr

    warnings: list[str] = []
    monkeypatch.setattr(gr, "Warning", lambda message: warnings.append(message))
    ui = WebUI(service)
    request = SimpleNamespace(username="ana", session_hash="s1")
    fill(service, WEB, 1.1)
    out = list(ui.respond("a new consultation", None, [], request=request))
    assert any("disk quota" in w for w in warnings), warnings
    assert out[-1][0] == "a new consultation"  # the text stays in the box; nothing was stored
    warnings.clear()
    doc = tmp_path / "a.txt"
    doc.write_text("tenancy notice period " * 50)
    out = list(ui.run_check([str(doc)], ["bm25"], [], request=request))
    assert any("disk quota" in w for w in warnings), warnings
    assert "disk quota" in out[-1][0]
