from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

CLI = [sys.executable, "-m", "ui.cli"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env=env, timeout=120)


def test_help_lists_the_command_groups():
    out = run("--help")
    assert out.returncode == 0
    assert "models" in out.stdout and "knowledge" in out.stdout


def test_help_does_not_import_heavy_libraries():
    code = ("import sys; from ui.cli.app import app; from typer.testing import CliRunner; CliRunner().invoke(app, "
            "['--help']); print(','.join(m for m in ('torch', 'mteb', 'sentence_transformers', 'gradio', "
            "'langchain_core', 'pymilvus') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


def test_models_show_bge_m3_offline():
    out = run("models", "show", "BAAI/bge-m3")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "8192" in text and "1024" in text and "mit" in text
    assert "MTEB(Multilingual, v2)" in text
    assert "zho-Hans" in text and "deu-Latn" in text


def test_models_show_json_matches_the_tool():
    from tools.catalog.lookup import show_model

    out = run("models", "show", "bge-m3", "--json")
    assert out.returncode == 0
    assert json.loads(out.stdout) == json.loads(json.dumps(show_model("BAAI/bge-m3"), default=str))


def test_models_search_json_filters():
    out = run("models", "search", "--language", "de", "--max-params", "600M", "--license", "commercial",
              "--sort", "score", "--limit", "5", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert len(data["models"]) == 5 and data["benchmark"] == "MTEB(deu, v1)"


def test_models_compare_table():
    out = run("models", "compare", "bge-m3", "multilingual-e5-large", "text-embedding-3-small")
    assert out.returncode == 0, out.stderr
    assert "openai/text-embedding-3-small" in out.stdout and "0.02" in out.stdout


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["models", "show", "BAAI/bge-m4"], "BAAI/bge-m3"),
        (["models", "search", "--benchmark", "MTEB(Laws, v1)"], "MTEB(Law, v1)"),
        (["models", "search", "--sort", "speed"], "score, size, price"),
        (["models", "search", "--language", "Klingon"], "Klingon"),
        (["models", "search", "--max-params", "huge"], "max_params"),
        (["models", "search", "--api", "--open-weights"], "exclude"),
        (["models", "compare", "bge-m3"], "two to eight"),
    ],
)
def test_bad_input_exits_2_naming_the_value_and_alternatives(args, needle):
    out = run(*args)
    assert out.returncode == 2
    assert needle in out.stderr
    assert "Traceback" not in out.stderr


def test_text_that_looks_like_rich_markup_is_printed_as_it_is(tmp_path):
    profile = tmp_path / "p.yaml"
    profile.write_text('id: "[/x] [bold]team[/bold]"\ndomain: legal\n')
    out = run("recommend", "--profile", str(profile))
    assert out.returncode == 0, out.stderr
    assert "Recommendation for [/x] [bold]team[/bold]" in out.stdout
    missing = tmp_path / "[/docs]"
    err = run("evaluate", "--corpus", str(missing), "-o", str(tmp_path / "out"))
    assert err.returncode == 2 and "[/docs]" in err.stderr and "Traceback" not in err.stderr
