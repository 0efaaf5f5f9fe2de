"""Process settings: every environment variable the advisor reads, and the data directory's layout.

Read once, at the entry points, with ``Settings.from_env()``; an explicit argument beats the environment. The
README's configuration table is checked against ``VARIABLES`` by a test.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.errors import SettingsError

APP_NAME = "embedding-advisor"
MIN_FREE_BYTES = 1024 * 1024  # less than this and the first checkpoint write would fail
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


@dataclass(frozen=True)
class Variable:
    """One environment variable: its name, its default as the README shows it, and what it sets."""

    name: str
    default: str
    description: str


VARIABLES: tuple[Variable, ...] = (
    Variable("ADVISOR_DATA_DIR", "the platform's user data dir (`~/.local/share/embedding-advisor`)",
             "all state: Milvus Lite databases, checkpoints, caches, distilled models"),
    Variable("ADVISOR_LOG_LEVEL", "`WARNING`", "logging level of the entry points"),
    Variable("ADVISOR_LLM_BASE_URL", "unset", "OpenAI-compatible chat endpoint (vLLM, Ollama, llama.cpp server, ...)"),
    Variable("ADVISOR_LLM_MODEL", "unset", "chat model name at that endpoint"),
    Variable("ADVISOR_LLM_API_KEY", "unset (`OPENAI_API_KEY`)", "key for the chat endpoint"),
    Variable("OPENAI_API_KEY", "unset", "key for the chat and embeddings endpoints when theirs are unset"),
    Variable("ADVISOR_MILVUS_URI", "unset (Milvus Lite under the data dir)", "a Milvus server instead of Milvus Lite"),
    Variable("ADVISOR_MILVUS_TOKEN", "unset", "token for that Milvus server"),
    Variable("ADVISOR_EMBEDDINGS_BASE_URL", "unset (OpenAI)",
             "OpenAI-compatible embeddings endpoint for `openai:<model>` candidates"),
    Variable("ADVISOR_EMBEDDINGS_API_KEY", "unset (`OPENAI_API_KEY`)", "key for that endpoint"),
    Variable("ADVISOR_DATABASE_URL", "unset (SQLite `checkpoints.sqlite` in the data dir)",
             "`postgresql://...` stores consultations, idempotency records and LangGraph checkpoints in PostgreSQL "
             "(several API workers share it; schema created at start-up)"),
    Variable("ADVISOR_DEVICE", "`auto` (a CUDA or Apple GPU when present, else the CPU)",
             "torch device for local models in checks: `cpu`, `cuda`, `cuda:<i>`, `mps`; a device the machine "
             "lacks is an error"),
    Variable("ADVISOR_ENCODE_PROCESSES", "`auto` (on a CPU of 4+ cores, a pool of one process per core, at most "
             "8, for an encode of 1,000+ uncached texts; else one process)",
             "CPU processes that encode local models in checks (a sentence-transformers multi-process pool); a "
             "number forces that many for large encodes, `1` never starts a pool; ignored on a GPU"),
    Variable("ADVISOR_EMBEDDINGS_CONCURRENCY", "4",
             "batches in flight to an OpenAI-compatible embeddings server (429s retried after its Retry-After)"),
    Variable("ADVISOR_API_TOKENS", "unset (serve refuses to start)", "bearer tokens, comma-separated"),
    Variable("ADVISOR_API_TOKENS_FILE", "unset", "a file of bearer tokens, one a line (`#` starts a comment)"),
    Variable("ADVISOR_MAX_UPLOAD_MB", "100", "upload limit of one evaluation request (413 above)"),
    Variable("ADVISOR_MAX_FILE_MB", "20", "upload limit of one file (413 above)"),
    Variable("ADVISOR_RATE_LIMIT_PER_MIN", "60", "requests a minute per token (429 with Retry-After); 20 failed "
             "sign-ins a minute per address, then 429"),
    Variable("ADVISOR_API_ADMIN_TOKENS", "unset", "tokens that also see and list every principal's consultations "
             "and jobs, comma-separated"),
    Variable("ADVISOR_MAX_JSON_EVAL_MB", "10", "a JSON evaluation body, parsed in memory (413 above)"),
    Variable("ADVISOR_QUOTA_MB", "1024", "disk per principal: uploads + results + checkpoints (507 `quota_exceeded` "
             "once reached)"),
    Variable("ADVISOR_RETENTION_DAYS", "unset (kept)", "`serve` deletes consultations not updated for this many "
             "days (at start-up, then every 6 hours)"),
    Variable("ADVISOR_EVAL_WORKERS", "2", "evaluation jobs run at once, each in a worker process of its own"),
    Variable("ADVISOR_EVAL_QUEUE", "16", "evaluation jobs that may wait (429 `queue_full` with Retry-After above)"),
    Variable("ADVISOR_EVAL_TIMEOUT_S", "1800", "wall-clock and CPU-time limit of one evaluation job (failed with "
             "code `timeout` past it)"),
    Variable("ADVISOR_EVAL_MEMORY_MB", "4096", "resident memory of one evaluation job's worker process (API jobs and "
             "web-UI checks; address space capped at this + 8 GB): a job over it is killed and fails with code "
             "`memory_limit` naming the limit; `0` for none"),
    Variable("ADVISOR_JOB_LEASE_S", "30", "a worker's claim on an evaluation job lasts this long without a "
             "heartbeat; then another worker on the same database and data dir runs the job again"),
    Variable("ADVISOR_UI_AUTH", "unset (loopback only)", "web-UI sign-in, `user:password[,user2:password2]`; `ui` "
             "refuses a non-loopback host without it"),
    Variable("SLACK_SIGNING_SECRET", "unset", "with `SLACK_BOT_TOKEN` set too, `serve` mounts the Slack app at "
             "/slack/events"),
    Variable("SLACK_BOT_TOKEN", "unset", "the Slack bot's token (xoxb-...)"),
    Variable("SLACK_APP_TOKEN", "unset", "app-level token for `slack --socket` (xapp-...)"),
    Variable("HF_HUB_OFFLINE", "unset", "set to `1` on machines with no model hub; the bundled models still load"),
)
DEFAULT_NUMBERS = {"ADVISOR_MAX_UPLOAD_MB": 100, "ADVISOR_MAX_FILE_MB": 20, "ADVISOR_RATE_LIMIT_PER_MIN": 60,
                   "ADVISOR_MAX_JSON_EVAL_MB": 10, "ADVISOR_QUOTA_MB": 1024, "ADVISOR_EVAL_WORKERS": 2,
                   "ADVISOR_EVAL_QUEUE": 16, "ADVISOR_EVAL_TIMEOUT_S": 1800, "ADVISOR_EVAL_MEMORY_MB": 4096,
                   "ADVISOR_JOB_LEASE_S": 30}


@dataclass(frozen=True)
class DataLayout:
    """Where each kind of state lives under the data directory (one name a place, used by every layer)."""

    root: Path

    @property
    def checkpoints(self) -> Path:
        """SQLite file of the consultations (when ``ADVISOR_DATABASE_URL`` is unset)."""
        return self.root / "checkpoints.sqlite"

    @property
    def uploads(self) -> Path:
        """Uploaded documents, one folder per evaluation or check."""
        return self.root / "uploads"

    @property
    def evaluations(self) -> Path:
        """API evaluation jobs (``job.json`` and results), one folder per job; also the LLM's evaluation runs."""
        return self.root / "evaluations"

    @property
    def checks(self) -> Path:
        """Web UI checks on uploaded documents, one folder per run."""
        return self.root / "checks"

    @property
    def reports(self) -> Path:
        """Downloadable reports of the web UI, one folder per consultation."""
        return self.root / "reports"

    @property
    def milvus(self) -> Path:
        """Milvus Lite databases kept by evaluation runs, one folder per run."""
        return self.root / "milvus"

    @property
    def models(self) -> Path:
        """Distilled models (the static candidate)."""
        return self.root / "models"

    @property
    def embedding_cache(self) -> Path:
        """SQLite cache of computed embeddings."""
        return self.root / "cache" / "embeddings.sqlite"

    @property
    def mteb_cache(self) -> Path:
        """The result cache of quick MTEB runs (mteb's ``ResultCache``)."""
        return self.root / "mteb-cache"

    @property
    def slack_threads(self) -> Path:
        """SQLite map of Slack threads to consultations."""
        return self.root / "slack.sqlite"

    @property
    def web_consultations(self) -> Path:
        """SQLite list of the consultations the web page started (its resume list), with their owner."""
        return self.root / "web.sqlite"

    @property
    def evidence_jobs(self) -> Path:
        """The job worker of quick MTEB and probe runs asked from a consultation (its own jobs and outputs)."""
        return self.root / "quick-mteb"

    @property
    def consultation_documents(self) -> Path:
        """Documents attached to consultations, one folder per consultation id (what its checks run on)."""
        return self.root / "consultations"


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
    database_url: str | None = field(default=None, repr=False)
    api_tokens: tuple[str, ...] = field(default=(), repr=False)
    api_tokens_file: Path | None = None
    max_upload_mb: int = DEFAULT_NUMBERS["ADVISOR_MAX_UPLOAD_MB"]
    max_file_mb: int = DEFAULT_NUMBERS["ADVISOR_MAX_FILE_MB"]
    rate_limit_per_min: int = DEFAULT_NUMBERS["ADVISOR_RATE_LIMIT_PER_MIN"]
    api_admin_tokens: tuple[str, ...] = field(default=(), repr=False)
    max_json_eval_mb: int = DEFAULT_NUMBERS["ADVISOR_MAX_JSON_EVAL_MB"]
    quota_mb: int = DEFAULT_NUMBERS["ADVISOR_QUOTA_MB"]
    retention_days: float | None = None
    eval_workers: int = DEFAULT_NUMBERS["ADVISOR_EVAL_WORKERS"]
    eval_queue: int = DEFAULT_NUMBERS["ADVISOR_EVAL_QUEUE"]
    eval_timeout_s: int = DEFAULT_NUMBERS["ADVISOR_EVAL_TIMEOUT_S"]
    eval_memory_mb: int = DEFAULT_NUMBERS["ADVISOR_EVAL_MEMORY_MB"]
    job_lease_s: int = DEFAULT_NUMBERS["ADVISOR_JOB_LEASE_S"]
    ui_auth: str | None = field(default=None, repr=False)
    slack_signing_secret: str | None = field(default=None, repr=False)
    slack_bot_token: str | None = field(default=None, repr=False)
    slack_app_token: str | None = field(default=None, repr=False)
    embeddings_concurrency: int = 4
    device: str | None = None
    encode_processes: int | None = None  # None: the measured rule (tools/encoders/process_pool.py)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the settings from ``env`` (default: the process environment).

        Raises:
            SettingsError: a variable has a value that cannot be used; the message names it.
        """
        env = os.environ if env is None else env
        if env.get("ADVISOR_DATA_DIR"):
            data_dir = Path(env["ADVISOR_DATA_DIR"]).expanduser()
        else:
            from platformdirs import user_data_dir

            data_dir = Path(user_data_dir(APP_NAME, appauthor=False))
        level = env.get("ADVISOR_LOG_LEVEL", "WARNING").upper()
        if level not in LOG_LEVELS:
            raise SettingsError(f"ADVISOR_LOG_LEVEL={level!r}: use DEBUG, INFO, WARNING, ERROR or CRITICAL")
        tokens_file = env.get("ADVISOR_API_TOKENS_FILE")
        concurrency = env.get("ADVISOR_EMBEDDINGS_CONCURRENCY", "4").strip()
        if not concurrency.isdigit() or not 1 <= int(concurrency) <= 64:
            raise SettingsError(f"ADVISOR_EMBEDDINGS_CONCURRENCY={concurrency!r}: use a whole number from 1 to 64")
        device = (env.get("ADVISOR_DEVICE") or "auto").strip().lower()
        if device not in ("auto", "cpu", "cuda", "mps") and not (device.startswith("cuda:")
                                                                   and device[5:].isdigit()):
            raise SettingsError(f"ADVISOR_DEVICE={device!r}: use auto, cpu, cuda, cuda:<index> or mps")
        processes = (env.get("ADVISOR_ENCODE_PROCESSES") or "auto").strip().lower()
        if processes != "auto" and not (processes.isdigit() and 1 <= int(processes) <= 64):
            raise SettingsError(f"ADVISOR_ENCODE_PROCESSES={processes!r}: use auto or a whole number from 1 to 64")
        return cls(
            data_dir=data_dir,
            encode_processes=None if processes == "auto" else int(processes),
            embeddings_concurrency=int(concurrency),
            device=None if device == "auto" else device,
            log_level=level,
            llm_base_url=env.get("ADVISOR_LLM_BASE_URL") or None,
            llm_model=env.get("ADVISOR_LLM_MODEL") or None,
            llm_api_key=env.get("ADVISOR_LLM_API_KEY") or env.get("OPENAI_API_KEY") or None,
            milvus_uri=env.get("ADVISOR_MILVUS_URI") or None,
            milvus_token=env.get("ADVISOR_MILVUS_TOKEN") or None,
            embeddings_base_url=env.get("ADVISOR_EMBEDDINGS_BASE_URL") or None,
            embeddings_api_key=env.get("ADVISOR_EMBEDDINGS_API_KEY") or env.get("OPENAI_API_KEY") or None,
            database_url=env.get("ADVISOR_DATABASE_URL") or None,
            api_tokens=tuple(t.strip() for t in (env.get("ADVISOR_API_TOKENS") or "").split(",") if t.strip()),
            api_tokens_file=Path(tokens_file).expanduser() if tokens_file else None,
            max_upload_mb=_positive(env, "ADVISOR_MAX_UPLOAD_MB"),
            max_file_mb=_positive(env, "ADVISOR_MAX_FILE_MB"),
            rate_limit_per_min=_positive(env, "ADVISOR_RATE_LIMIT_PER_MIN"),
            api_admin_tokens=tuple(t.strip() for t in (env.get("ADVISOR_API_ADMIN_TOKENS") or "").split(",")
                                   if t.strip()),
            max_json_eval_mb=_positive(env, "ADVISOR_MAX_JSON_EVAL_MB"),
            quota_mb=_positive(env, "ADVISOR_QUOTA_MB"),
            retention_days=_retention_days(env),
            eval_workers=_positive(env, "ADVISOR_EVAL_WORKERS"),
            eval_queue=_positive(env, "ADVISOR_EVAL_QUEUE"),
            eval_timeout_s=_positive(env, "ADVISOR_EVAL_TIMEOUT_S"),
            eval_memory_mb=_whole(env, "ADVISOR_EVAL_MEMORY_MB"),
            job_lease_s=_positive(env, "ADVISOR_JOB_LEASE_S"),
            ui_auth=env.get("ADVISOR_UI_AUTH") or None,
            slack_signing_secret=env.get("SLACK_SIGNING_SECRET") or None,
            slack_bot_token=env.get("SLACK_BOT_TOKEN") or None,
            slack_app_token=env.get("SLACK_APP_TOKEN") or None,
        )

    @property
    def layout(self) -> DataLayout:
        """The data directory's places (uploads, evaluations, caches, databases) by name."""
        return DataLayout(self.data_dir)

    def ensure_data_dir(self) -> Path:
        """Create the data directory if needed and check it is writable with space left; the error names the path."""
        return ensure_writable_dir(self.data_dir, "data directory", "set ADVISOR_DATA_DIR to")


def _retention_days(env: Mapping[str, str]) -> float | None:
    """``ADVISOR_RETENTION_DAYS``: days a consultation is kept after its last turn (None: kept for ever)."""
    raw = (env.get("ADVISOR_RETENTION_DAYS") or "").strip()
    if not raw:
        return None
    try:
        days = float(raw)
    except ValueError:
        days = -1.0
    if not 0 < days < 100_000:
        raise SettingsError(f"ADVISOR_RETENTION_DAYS={raw!r}: expected a number of days above 0")
    return days


def _positive(env: Mapping[str, str], name: str) -> int:
    """A positive whole number from ``env[name]`` (its declared default when unset or empty)."""
    raw = env.get(name) or str(DEFAULT_NUMBERS[name])
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r}: expected a positive whole number") from None
    if value <= 0:
        raise SettingsError(f"{name}={raw!r}: expected a positive whole number")
    return value


def _whole(env: Mapping[str, str], name: str) -> int:
    """A whole number, 0 or more, from ``env[name]`` (its declared default when unset or empty); 0 means "none"."""
    raw = (env.get(name) or str(DEFAULT_NUMBERS[name])).strip()
    if not raw.isdigit():
        raise SettingsError(f"{name}={raw!r}: expected a whole number (0 for no limit)")
    return int(raw)


def configuration_table() -> str:
    """The README's configuration table, one row per variable in ``VARIABLES``."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    rows += [f"| `{v.name}` | {v.default} | {v.description} |" for v in VARIABLES]
    return "\n".join(rows)


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
