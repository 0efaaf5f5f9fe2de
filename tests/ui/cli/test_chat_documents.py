"""The terminal chat, offline: attach a folder by path, ask to check the short list, see the plan, go ahead, follow
its progress and read the measured nDCG@10 of each candidate (the real check, through the evaluation worker)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from agent.evidence import ConsultationEvidence
from agent.service import AdvisorService
from knowledge.settings import Settings

REPO = Path(__file__).resolve().parents[3]
GENERAL = REPO / "knowledge" / "benchmarks" / "ea-general-en" / "corpus.jsonl"


@pytest.mark.slow
def test_chat_attaches_a_path_runs_the_check_and_shows_the_measurements(tmp_path, monkeypatch, with_shared_models):
    from ui.cli.chat import chat_cmd

    for var in ("ADVISOR_LLM_BASE_URL", "ADVISOR_LLM_API_KEY", "OPENAI_API_KEY", "ADVISOR_DATABASE_URL"):
        monkeypatch.delenv(var, raising=False)
    data = with_shared_models(tmp_path / "data")
    monkeypatch.setenv("ADVISOR_DATA_DIR", str(data))
    docs = tmp_path / "my docs"
    docs.mkdir()
    for row in map(json.loads, GENERAL.read_text().splitlines()[:22]):
        (docs / f"{row['_id']}.txt").write_text(f"{row['title']}\n\n{row['text']}")
    (docs / "image.png").write_bytes(b"\x89PNG")  # not a document: not copied
    app = typer.Typer()
    app.command("chat")(chat_cmd)
    app.command("other")(lambda: None)
    lines = ["English support articles, 5k documents, CPU only", "just recommend", f"/attach {docs}",
             "test the short list on my documents", "yes, go ahead", "quit"]
    result = CliRunner().invoke(app, ["chat"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    assert "Attached 22 document(s)" in result.output
    assert "Shall I go ahead?" in result.output and "22 documents" in result.output
    assert "Started the document check" in result.output and "tool check_documents" in result.output
    out = " ".join(result.output.split())  # rich wraps long lines
    assert "Waiting for the document check" in out and re.search(r"check running: .+ \(\d+%\)", out), out
    assert "The check on your documents is done" in out and "Measured on your 22 documents" in out
    for candidate in ("minilm", "static", "bm25", "hybrid"):
        assert re.search(rf"{candidate} 0\.\d{{3}} \(95% CI 0\.\d{{3}}-[01]\.\d{{3}}", out), candidate
    assert "Leaderboard transfer:" in out and "What changed:" in out
    (summary,) = AdvisorService(Settings(data_dir=data)).list()
    evidence = ConsultationEvidence(data, settings=Settings(data_dir=data))
    try:
        assert len(evidence.documents(summary.consultation_id)) == 22
        (check,) = evidence.checks(summary.consultation_id)
        assert check["models"] == ["minilm", "static", "bm25", "hybrid"] and check["n_documents"] == 22
        assert check["status"] == "done"
    finally:
        evidence.close()
