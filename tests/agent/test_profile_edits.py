"""Editing the profile outside the conversation, confirming questions, and side questions in a whole consultation."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from agent.service import AdvisorService
from knowledge.errors import ProfileError
from knowledge.settings import Settings
from ui.cli.chat import chat_cmd, parse_set


@pytest.fixture
def service(tmp_path):
    with AdvisorService(Settings(data_dir=tmp_path)) as svc:
        yield svc


def test_edit_profile_validates_marks_edited_and_reranks(service):
    cid = service.start("Legal contracts in Chinese and English, 20 pages each, 200k docs").consultation_id
    reply = service.edit_profile(cid, {"hardware": "A100 80GB", "budget_usd_month": "$500 a month"})
    assert reply.profile["hardware"]["accelerator"] == "A100-80GB" and reply.profile["budget_usd_month"] == 500
    assert reply.provenance["hardware"] == reply.provenance["budget_usd_month"] == "edited"
    assert reply.provenance["corpus_docs"] == "said" and reply.asked_field == "queries_per_month"
    before = service.send(cid, "just recommend").recommendation
    reply = service.edit_profile(cid, {"corpus_docs": 2_000_000, "languages": "en, ja"})
    assert reply.profile["corpus_docs"] == 2_000_000 and reply.profile["languages"] == ["eng", "jpn"]
    assert "What changed" in reply.text and reply.recommendation is not before
    with pytest.raises(ProfileError) as bad:
        service.edit_profile(cid, {"corpus_docs": -5, "colour": "red"})
    assert set(bad.value.problems) == {"corpus_docs", "colour"}
    with pytest.raises(ProfileError) as bad:
        service.edit_profile(cid, {"hardware": {"accelerator": "Z9000"}})
    assert "hardware" in str(bad.value)
    assert service.state(cid).profile["corpus_docs"] == 2_000_000  # a rejected edit changes nothing


def test_an_ambiguous_figure_is_asked_about_then_stored_as_confirmed(service):
    cid = service.start("Support tickets in English").consultation_id
    reply = service.send(cid, "2,000 a month")
    assert "budget" in reply.text and "queries" in reply.text and "budget_usd_month" not in reply.profile
    reply = service.send(cid, "queries")
    assert reply.profile["queries_per_month"] == 2_000 and reply.provenance["queries_per_month"] == "confirmed"
    assert "budget_usd_month" not in reply.provenance


def test_a_bare_figure_is_asked_about_then_stored_as_the_field_the_answer_names(service):
    reply = service.start("ungefähr 20.000")  # the first message: no question was asked yet
    cid = reply.consultation_id
    assert "20,000: is that the number of documents, queries a month, or your monthly budget" in reply.text
    assert "corpus_docs" not in reply.provenance
    reply = service.send(cid, "documents")
    assert reply.profile["corpus_docs"] == 20_000 and reply.provenance["corpus_docs"] == "confirmed"
    assert "queries_per_month" not in reply.provenance and "budget_usd_month" not in reply.provenance


def test_side_questions_after_a_resume(tmp_path):
    with AdvisorService(Settings(data_dir=tmp_path)) as svc:
        cid = svc.start("Legal contracts in English, 200k docs, a T4, data must stay on prem").consultation_id
        top = svc.send(cid, "just recommend").recommendation["recommendations"][0]["model"]
    with AdvisorService(Settings(data_dir=tmp_path)) as svc:
        assert top in svc.send(cid, "show the short list again").text
        assert top in svc.send(cid, "再给我看一下推荐列表").text
        summary = svc.send(cid, "summary").text
        assert "200,000 (you said)" in summary and "(assumed default)" in summary
        assert "ruled out" in svc.send(cid, "why not text-embedding-3-large?").text
        assert "hours" in svc.send(cid, "how long would indexing take?").text
        assert "BM25" in svc.send(cid, "what is hybrid search?").text
        assert "已被排除" in svc.send(cid, "为什么不推荐text-embedding-3-large？").text
        assert "Compared: BAAI/bge-m3, intfloat/multilingual-e5-large" in svc.send(cid, "bge-m3 vs e5").text


def test_set_command_in_the_terminal_chat(tmp_path, monkeypatch):
    assert parse_set("/set corpus_docs 200k") == {"corpus_docs": "200k"}
    assert parse_set("we have 200k docs") is None
    for var in ("ADVISOR_LLM_BASE_URL", "ADVISOR_LLM_API_KEY", "OPENAI_API_KEY", "ADVISOR_DATABASE_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ADVISOR_DATA_DIR", str(tmp_path))
    app = typer.Typer()
    app.command("chat")(chat_cmd)
    app.command("other")(lambda: None)
    result = CliRunner().invoke(app, ["chat"], input="Legal contracts in English\n/set hardware L4\n/set corpus_docs "
                                                     "lots\n/set\nquit\n")
    assert result.exit_code == 0, result.output
    assert "Edited: hardware -> L4" in result.output
    assert "could not read 'lots' as a value for corpus_docs" in result.output and "usage: /set" in result.output
    (summary,) = AdvisorService(Settings(data_dir=tmp_path)).list()
    state = AdvisorService(Settings(data_dir=tmp_path)).state(summary.consultation_id)
    assert state.provenance["hardware"] == "edited" and state.profile["hardware"] == {"accelerator": "L4"}


def test_a_check_request_is_not_also_a_shortlist_side_question() -> None:
    """Issue 16's evidence intents and issue 17's side questions together: "test the short list on my documents"."""
    from langchain_core.messages import HumanMessage

    from agent.nodes import understand_offline

    for text in ("test the short list on my documents", "how is the check going?"):
        update = understand_offline({"messages": [HumanMessage(text)], "turn": 1})
        tools = [r["tool"] for r in update["pending_tools"]]
        assert "shortlist" not in tools and {"check_documents", "check_status"} & set(tools), (text, tools)
    update = understand_offline({"messages": [HumanMessage("show the short list again")], "turn": 1})
    assert not any(r["tool"].startswith("check_") for r in update["pending_tools"])
    assert update["recommend_requested"]  # no list yet: the side question makes it now


def test_a_sum_with_no_period_is_checked_and_the_answer_names_the_period(service):
    cid = service.start("Legal contracts in English, about 80k of them").consultation_id
    reply = service.send(cid, "our budget is roughly $24k")
    assert "budget_usd_month" not in reply.provenance and "a month, a year or once" in reply.text
    reply = service.send(cid, "that's per year")
    assert reply.profile["budget_usd_month"] == 2_000 and reply.provenance["budget_usd_month"] == "confirmed"
    reply = service.send(service.start("Support articles in English").consultation_id, "预算大概 3 万")
    assert "budget_usd_month" not in reply.provenance


def test_a_rate_whose_period_is_open_is_asked_and_the_answer_names_it(service):
    cid = service.start("Support tickets in English, 40k of them").consultation_id
    service.send(cid, "skip")  # whatever was asked next
    reply = service.send(cid, "about 2,000 but I'm not sure if that's per day or per week")
    assert "queries_per_month" not in reply.provenance
    assert "the period is not settled yet" in reply.text
