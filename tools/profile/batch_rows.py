"""Read batch files of profiles (a YAML list, JSONL or CSV) into rows, each a mapping or the error that spoiled it."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from knowledge.errors import InputFileError
from tools.documents.file_readers import csv_dialect, decode_text
from tools.profile.yaml_limits import safe_load_bounded

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
    line: int | None = None

    @property
    def where(self) -> str:
        """Where the row is in its file: "row 3", or "row 3 (line 5)" when lines and rows differ."""
        return f"row {self.number}" + (f" (line {self.line})" if self.line and self.line != self.number else "")


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


def _from_csv(text: str) -> list[tuple[int, dict[str, Any] | str]]:
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=csv_dialect(text.split("\n", 1)[0]),
                            strict=True)
    rows: list[tuple[int, dict[str, Any] | str]] = []
    line = 1
    try:
        reader.fieldnames  # noqa: B018 - reads the header, so line numbers below are the rows' own
        while True:
            line = reader.line_num + 1
            try:
                raw = next(reader)
            except StopIteration:
                break
            if None in raw:
                rows.append((line, f"more cells than the header has columns: {raw[None]}"))
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
            rows.append((line, row))
    except csv.Error as exc:  # an open quote swallows the rest of the file: the rows before it still run
        rows.append((line, f"malformed CSV ({exc}; is a double quote left open?); the rest of the file is not read"))
    return rows


def _from_jsonl(text: str) -> list[tuple[int, dict[str, Any] | str]]:
    items: list[tuple[int, Any]] = []
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append((line_no, json.loads(line)))
        except json.JSONDecodeError as exc:
            items.append((line_no, f"invalid JSON ({exc.msg} at column {exc.colno})"))
        except RecursionError:
            items.append((line_no, "invalid JSON (nested too deeply)"))
        except ValueError:  # Python refuses integers of more than 4,300 digits
            items.append((line_no, "invalid JSON (a number with more than 4,300 digits)"))
    return items


def _from_document(path: Path, text: str) -> list[tuple[None, Any]]:
    import yaml

    try:
        loaded = json.loads(text) if path.suffix.lower() == ".json" else safe_load_bounded(text, str(path))
    except InputFileError:
        raise
    except (ValueError, yaml.YAMLError) as exc:
        raise InputFileError(f"{path}: cannot parse: {exc}") from exc
    except RecursionError:
        raise InputFileError(f"{path}: cannot parse: nested too deeply") from None
    if isinstance(loaded, dict) and "profiles" in loaded:
        loaded = loaded["profiles"]
    if not isinstance(loaded, list):
        raise InputFileError(f"{path}: expected a list of profiles (or a mapping with a 'profiles' list), "
                             f"got {type(loaded).__name__ if loaded is not None else 'an empty document'}")
    return [(None, item) for item in loaded]


def read_profile_rows(path: Path) -> list[ProfileRow]:
    """Parse a batch file; a row that cannot be parsed becomes a ProfileRow with ``error`` set.

    Raises:
        InputFileError: the file itself is unusable (missing, too big, not text, unparseable, no profiles).
    """
    if not path.is_file():
        raise InputFileError(f"{path}: no such file")
    if path.stat().st_size > MAX_BATCH_BYTES:
        raise InputFileError(f"{path}: {path.stat().st_size:,} bytes is over the {MAX_BATCH_BYTES:,}-byte limit")
    suffix = path.suffix.lower()
    if suffix not in (".yaml", ".yml", ".json", ".jsonl", ".csv"):
        raise InputFileError(f"{path}: unsupported extension {suffix!r}; use .yaml, .yml, .json, .jsonl or .csv")
    text = decode_text(str(path), path.read_bytes())
    items: list[tuple[int | None, Any]]
    if suffix == ".jsonl":
        items = list(_from_jsonl(text))
    elif suffix == ".csv":
        items = list(_from_csv(text))
    else:
        items = list(_from_document(path, text))
    if not items:
        raise InputFileError(f"{path}: no profiles in it")
    rows: list[ProfileRow] = []
    seen: dict[str, int] = {}
    for number, (line, item) in enumerate(items, start=1):
        if isinstance(item, str):
            rows.append(ProfileRow(number, f"row-{number}", None, item, line))
            continue
        if not isinstance(item, dict):
            rows.append(ProfileRow(number, f"row-{number}", None, f"expected a mapping, got {type(item).__name__}",
                                   line))
            continue
        row_id = str(item.get("id") or f"row-{number}")
        item = {**item, "id": row_id} if "id" in item else item
        if row_id in seen:
            rows.append(ProfileRow(number, f"row-{number}", None,
                                   f"duplicate id {row_id!r} (first used in row {seen[row_id]})", line))
            continue
        seen[row_id] = number
        rows.append(ProfileRow(number, row_id, item, line=line))
    return rows
