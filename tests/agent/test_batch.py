from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from agent.batch import run_batch
from tools.profile.batch_rows import read_profile_rows

REPO = Path(__file__).resolve().parents[2]
REQUIRED = {"id", "status", "error", "assumed_defaults", "recommendations", "rejected"}
REC_REQUIRED = {"rank", "model", "kind", "score", "benchmark", "benchmark_score", "estimated_cost_usd_month",
                "reasons", "caveats"}


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ui.cli", *args], capture_output=True, text=True, cwd=REPO,
                          env={**os.environ, "COLUMNS": "200"}, timeout=300)


def test_batch_isolates_bad_rows_and_writes_every_output(tmp_path):
    out = cli("batch", "examples/batch.yaml", "-o", str(tmp_path))
    assert out.returncode == 1, out.stderr  # one row failed
    results = [json.loads(line) for line in (tmp_path / "recommendations.jsonl").read_text().splitlines()]
    assert [r["id"] for r in results] == ["medical-de", "multilingual-faq", "broken"]
    for result in results:
        assert REQUIRED <= set(result)
    ok, ok2, broken = results
    assert ok["status"] == ok2["status"] == "ok" and broken["status"] == "error"
    assert "corpus_docs" in broken["error"] and "Klingon" in broken["error"]
    for rec in ok["recommendations"]:
        assert REC_REQUIRED <= set(rec)
    assert "budget_usd_month" in ok["assumed_defaults"]
    summary = list(csv.DictReader((tmp_path / "summary.csv").open()))
    assert [row["status"] for row in summary] == ["ok", "ok", "error"]
    assert summary[0]["rank1"] == ok["recommendations"][0]["model"]
    report = (tmp_path / "reports" / "medical-de.md").read_text()
    assert ok["recommendations"][0]["model"] in report and "## Sources" in report
    assert "Failed" in (tmp_path / "reports" / "broken.md").read_text()


def test_all_good_rows_exit_zero_and_resume_skips_done_rows(tmp_path):
    profiles = tmp_path / "p.jsonl"
    profiles.write_text("\n".join(json.dumps({"id": f"p{i}", "corpus_docs": 1000 * (i + 1)}) for i in range(3)) + "\n")
    out_dir = tmp_path / "out"
    counts = run_batch(profiles, out_dir)
    assert counts == {"ok": 3, "error": 0, "skipped": 0}
    with profiles.open("a") as fh:
        fh.write(json.dumps({"id": "p3"}) + "\n")
    counts = run_batch(profiles, out_dir, resume=True)
    assert counts == {"ok": 1, "error": 0, "skipped": 3}
    ids = [json.loads(line)["id"] for line in (out_dir / "recommendations.jsonl").read_text().splitlines()]
    assert ids == ["p0", "p1", "p2", "p3"]
    assert cli("batch", str(profiles), "-o", str(tmp_path / "again")).returncode == 0


def test_csv_rows_with_nested_hardware_and_lists(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("id,languages,hardware.accelerator,hardware.vram_gb,budget_usd_month,data_must_stay_on_prem\n"
                    "a,zh;en,T4,16,300,yes\n"
                    "b,en,,,,\n"
                    "c,en,none,,-5,no\n")
    rows = read_profile_rows(path)
    assert rows[0].data == {"id": "a", "languages": ["zh", "en"], "hardware": {"accelerator": "T4", "vram_gb": 16},
                            "budget_usd_month": 300, "data_must_stay_on_prem": True}
    assert rows[1].data == {"id": "b", "languages": ["en"], "budget_usd_month": None}
    counts = run_batch(path, tmp_path / "out")
    assert counts == {"ok": 2, "error": 1, "skipped": 0}
    bad = json.loads((tmp_path / "out" / "recommendations.jsonl").read_text().splitlines()[2])
    assert "budget_usd_month" in bad["error"]


def test_malformed_lines_and_duplicates_are_rows_not_crashes(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text('{"id": "a"}\n{not json\n{"id": "a"}\n[1, 2]\n')
    rows = read_profile_rows(path)
    assert [r.error is None for r in rows] == [True, False, False, False]
    assert "invalid JSON" in rows[1].error and "duplicate id" in rows[2].error and "mapping" in rows[3].error


@pytest.mark.parametrize(("name", "content", "needle"), [("p.txt", "x", "unsupported extension"),
                                                           ("p.yaml", "a: 1", "list of profiles"),
                                                           ("missing.yaml", None, "no such file")])
def test_unusable_input_files_exit_2(tmp_path, name, content, needle):
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    out = cli("batch", str(path), "-o", str(tmp_path / "out"))
    assert out.returncode == 2 and needle in out.stderr


def test_recommend_command_prints_a_report_and_json():
    out = cli("recommend", "--profile", "examples/legal-zh.yaml")
    assert out.returncode == 0, out.stderr
    # Issue 14: the evidence base is printed; "what would change" appears only when a change would (here the open
    # Qwen3-Embedding-8B leads and nothing a single relaxation allows beats it).
    assert "Short list" in out.stdout and "Evidence: MTEB(Multilingual, v2)" in out.stdout
    data = json.loads(cli("recommend", "--profile", "examples/legal-zh.yaml", "--json").stdout)
    assert data["id"] == "legal-zh" and len(data["recommendations"]) == 3
    bad = cli("recommend", "--profile", "examples/batch.yaml")
    assert bad.returncode == 2 and "expected a mapping" in bad.stderr
