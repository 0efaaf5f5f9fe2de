"""Process settings, read from ``ADVISOR_*`` environment variables once, at the entry points."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.errors import AdvisorError

APP_NAME = "embedding-advisor"
MIN_FREE_BYTES = 1024 * 1024  # less than this and the first checkpoint write would fail


class SettingsError(AdvisorError):
    """A setting has a value that cannot be used; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    """Where state lives and which services to use. Build with ``Settings.from_env()`` at an entry point."""

    data_dir: Path
    log_level: str = "WARNING"
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = field(default=None, repr=False)
    milvus_uri: str | None = None
    milvus_token: str | None = field(default=None, repr=False)
    embeddings_base_url: str | None = None
    embeddings_api_key: str | None = field(default=None, repr=False)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the settings from ``env`` (default: the process environment)."""
        env = os.environ if env is None else env
        if env.get("ADVISOR_DATA_DIR"):
            data_dir = Path(env["ADVISOR_DATA_DIR"]).expanduser()
        else:
            from platformdirs import user_data_dir

            data_dir = Path(user_data_dir(APP_NAME, appauthor=False))
        level = env.get("ADVISOR_LOG_LEVEL", "WARNING").upper()
        if level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
            raise SettingsError(f"ADVISOR_LOG_LEVEL={level!r}: use DEBUG, INFO, WARNING, ERROR or CRITICAL")
        return cls(
            data_dir=data_dir,
            log_level=level,
            llm_base_url=env.get("ADVISOR_LLM_BASE_URL") or None,
            llm_model=env.get("ADVISOR_LLM_MODEL") or None,
            llm_api_key=env.get("ADVISOR_LLM_API_KEY") or env.get("OPENAI_API_KEY") or None,
            milvus_uri=env.get("ADVISOR_MILVUS_URI") or None,
            milvus_token=env.get("ADVISOR_MILVUS_TOKEN") or None,
            embeddings_base_url=env.get("ADVISOR_EMBEDDINGS_BASE_URL") or None,
            embeddings_api_key=env.get("ADVISOR_EMBEDDINGS_API_KEY") or env.get("OPENAI_API_KEY") or None,
        )

    def ensure_data_dir(self) -> Path:
        """Create the data directory if needed and check it is writable with space left; the error names the path."""
        return ensure_writable_dir(self.data_dir, "data directory", "set ADVISOR_DATA_DIR to")


def ensure_writable_dir(folder: Path, what: str, hint: str) -> Path:
    """Create ``folder`` if needed and fail fast, in one line naming it, when it is read-only or its disk is full.

    Args:
        folder: the directory a command will write state to.
        what: how the message names it ("data directory", "--out-dir").
        hint: the start of the fix ("set ADVISOR_DATA_DIR to"); the message adds "a writable folder".

    Raises:
        SettingsError: the folder cannot be created or written, or its disk has under MIN_FREE_BYTES free.
    """
    probe = folder / ".write-test"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe.write_text("ok", encoding="utf-8")
        probe.unlink()
        free = shutil.disk_usage(folder).free
    except OSError as exc:
        with contextlib.suppress(OSError):  # a full disk can leave the empty probe behind
            probe.unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise SettingsError(f"{what} {folder}: no space left on its disk; free some space or {hint} a folder "
                                "on another disk") from exc
        raise SettingsError(f"{what} {folder} is not writable ({exc.strerror or exc}); {hint} a writable folder"
                            ) from exc
    if free < MIN_FREE_BYTES:
        raise SettingsError(f"{what} {folder}: no space left on its disk ({free // 1024} KiB free); free some space "
                            f"or {hint} a folder on another disk")
    return folder
