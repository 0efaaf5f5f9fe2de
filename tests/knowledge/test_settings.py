"""One configuration module: every variable declared once with its default, the README checked against it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge.errors import SettingsError
from knowledge.settings import DEFAULT_NUMBERS, VARIABLES, DataLayout, Settings, configuration_table

REPO = Path(__file__).resolve().parents[2]
SOURCES = sorted(p for layer in ("knowledge", "tools", "agent", "ui") for p in (REPO / layer).rglob("*.py"))
SETTINGS = REPO / "knowledge" / "settings.py"


def test_readme_configuration_table_is_the_declared_one() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert configuration_table() in readme, "README's configuration table differs from knowledge/settings.py"
    names = [v.name for v in VARIABLES]
    assert len(names) == len(set(names))


def test_every_variable_named_in_the_code_is_declared() -> None:
    declared = {v.name for v in VARIABLES}
    named = set()
    for path in SOURCES:
        named |= set(re.findall(r"\b((?:ADVISOR|SLACK|OPENAI)_[A-Z_]+[A-Z])\b", path.read_text(encoding="utf-8")))
    named -= {"OPENAI_TIMEOUT_S", "OPENAI_MAX_RETRIES"}  # constants of the embeddings client, not variables
    assert sorted(named - declared) == []


def test_only_the_settings_module_reads_the_advisors_variables() -> None:
    reads = re.compile(r"""(?:environ|env)(?:\.get\(|\[)\s*["'](?:ADVISOR|SLACK|OPENAI)_""")
    offenders = [str(p.relative_to(REPO)) for p in SOURCES if p != SETTINGS and reads.search(p.read_text("utf-8"))]
    assert offenders == []


def test_data_layout_names_are_spelled_only_in_settings() -> None:
    """No module joins a name onto the data dir itself: the places are DataLayout's properties."""
    joined = re.compile(r'data_dir\)?\s*/\s*["f]|"(checkpoints|slack|embeddings)\.sqlite"|"mteb-cache"')
    offenders = [str(p.relative_to(REPO)) for p in SOURCES
                 if p != SETTINGS and joined.search(re.sub(r'""".*?"""|#[^\n]*', "", p.read_text("utf-8"), flags=re.S))]
    assert offenders == []


def test_layout_places_lie_under_the_data_dir(tmp_path: Path) -> None:
    layout = Settings(data_dir=tmp_path).layout
    places = [getattr(layout, name) for name, value in vars(DataLayout).items() if isinstance(value, property)]
    assert len(places) == 13 and len(set(places)) == 13
    assert all(tmp_path in place.parents for place in places)


def test_defaults_match_the_declarations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for v in VARIABLES:
        monkeypatch.delenv(v.name, raising=False)
    monkeypatch.setenv("ADVISOR_DATA_DIR", str(tmp_path))
    settings = Settings.from_env()
    assert settings == Settings(data_dir=tmp_path)
    declared = {v.name: v.default for v in VARIABLES}
    assert {k: str(v) for k, v in DEFAULT_NUMBERS.items()} == {k: declared[k] for k in DEFAULT_NUMBERS}
    assert (settings.max_upload_mb, settings.max_file_mb, settings.rate_limit_per_min) == (100, 20, 60)
    assert declared["ADVISOR_LOG_LEVEL"] == f"`{settings.log_level}`"


def test_the_environment_is_read_and_checked(tmp_path: Path) -> None:
    env = {"ADVISOR_DATA_DIR": str(tmp_path), "ADVISOR_API_TOKENS": "a, b,", "SLACK_BOT_TOKEN": "xoxb-1",
           "OPENAI_API_KEY": "k", "ADVISOR_LLM_API_KEY": "chat", "ADVISOR_RATE_LIMIT_PER_MIN": "5",
           "ADVISOR_DATABASE_URL": "postgresql://u@h/db"}
    settings = Settings.from_env(env)
    assert settings.api_tokens == ("a", "b") and settings.slack_bot_token == "xoxb-1"
    assert (settings.llm_api_key, settings.embeddings_api_key) == ("chat", "k")
    assert settings.rate_limit_per_min == 5 and settings.database_url == "postgresql://u@h/db"
    for bad in ("0", "-3", "lots"):
        with pytest.raises(SettingsError, match=f"ADVISOR_MAX_FILE_MB={bad!r}"):
            Settings.from_env({**env, "ADVISOR_MAX_FILE_MB": bad})


def test_an_explicit_argument_beats_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADVISOR_DATA_DIR", str(tmp_path / "from-env"))
    monkeypatch.setenv("ADVISOR_LLM_MODEL", "env-model")
    assert Settings(data_dir=tmp_path).data_dir == tmp_path and Settings(data_dir=tmp_path).llm_model is None
    assert Settings.from_env({"ADVISOR_DATA_DIR": str(tmp_path)}).llm_model is None


def test_tests_never_assign_os_environ() -> None:
    assign = re.compile(r"os\.environ\s*(\[[^\]]+\]\s*=|\.(update|pop|setdefault|clear)\(|\.__setitem__)"
                        r"|del os\.environ")
    offenders = [str(p.relative_to(REPO)) for p in sorted((REPO / "tests").rglob("*.py"))
                 if assign.search(p.read_text("utf-8"))]
    assert offenders == []
