"""Read batch files of profiles (a YAML list, JSONL or CSV) into rows, each a mapping or the error that spoiled it."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from knowledge.errors import InputFileError

LIST_FIELDS = {"languages", "priorities"}
NULLS = {"", "null", "none", "~"}
MAX_BATCH_BYTES = 50 * 1024 * 1024


@dataclass
class ProfileRow:
    """One row of a batch file: its id, its raw mapping, or the error that made it unreadable."""

    number: int
    row_id: str
    data: dict[str, Any] | None
    error: str | None = None


def _csv_value(key: str, text: str) -> Any:
    value = text.strip()
    if value.lower() in NULLS:
        return None
    if key in LIST_FIELDS:
        return [v.strip() for v in value.replace("|", ";").replace(",", ";").split(";") if v.strip()]
    if value.lower() in ("true", "yes"):
        return True
    if value.lower() in ("false", "no"):
        return False
    for cast in (int, float):
        try:
            return cast(value)
        except ValueError:
            pass
    return value


def _from_csv(text: str) -> list[dict[str, Any] | str]:
    rows: list[dict[str, Any] | str] = []
    for raw in csv.DictReader(io.StringIO(text)):
        if None in raw:
            rows.append(f"more cells than the header has columns: {raw[None]}")
            continue
        row: dict[str, Any] = {}
        for key, cell in raw.items():
            value = _csv_value(key, cell or "")
            if value is None and key not in ("budget_usd_month", "latency_p95_ms"):
                continue  # an empty cell means "not given": the default applies
            target = row
            parts = key.split(".")
            for part in parts[:-1]:
                target = target.setdefault(part, {})
            target[parts[-1]] = value
        rows.append(row)
    return rows


def read_profile_rows(path: Path) -> list[ProfileRow]:
    """Parse a batch file; a row that cannot be parsed becomes a ProfileRow with ``error`` set."""
    if not path.is_file():
        raise InputFileError(f"{path}: no such file")
    if path.stat().st_size > MAX_BATCH_BYTES:
        raise InputFileError(f"{path}: {path.stat().st_size:,} bytes is over the {MAX_BATCH_BYTES:,}-byte limit")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    suffix = path.suffix.lower()
    items: list[dict[str, Any] | str]
    if suffix == ".jsonl":
        items = []
        for line_no, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as exc:
                items.append(f"line {line_no}: invalid JSON ({exc.msg} at column {exc.colno})")
    elif suffix == ".csv":
        items = _from_csv(text)
    elif suffix in (".yaml", ".yml", ".json"):
        import yaml

        try:
            loaded = json.loads(text) if suffix == ".json" else yaml.safe_load(text)
        except (ValueError, yaml.YAMLError) as exc:
            raise InputFileError(f"{path}: cannot parse: {exc}") from exc
        if isinstance(loaded, dict) and "profiles" in loaded:
            loaded = loaded["profiles"]
        if not isinstance(loaded, list):
            raise InputFileError(f"{path}: expected a list of profiles (or a mapping with a 'profiles' list)")
        items = loaded
    else:
        raise InputFileError(f"{path}: unsupported extension {suffix!r}; use .yaml, .yml, .json, .jsonl or .csv")
    rows: list[ProfileRow] = []
    seen: set[str] = set()
    for number, item in enumerate(items, start=1):
        if isinstance(item, str):
            rows.append(ProfileRow(number, f"row-{number}", None, item))
            continue
        if not isinstance(item, dict):
            rows.append(ProfileRow(number, f"row-{number}", None, f"expected a mapping, got {type(item).__name__}"))
            continue
        row_id = str(item.get("id") or f"row-{number}")
        item = {**item, "id": row_id} if "id" in item else item
        if row_id in seen:
            rows.append(ProfileRow(number, row_id, None, f"duplicate id {row_id!r} (row {number})"))
            continue
        seen.add(row_id)
        rows.append(ProfileRow(number, row_id, item))
    return rows
