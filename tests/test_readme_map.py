"""The README's architecture table names every module of the four packages, under its package's row."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LAYERS = ["knowledge", "tools", "agent", "ui"]
MODULES = sorted(p.relative_to(REPO) for layer in LAYERS for p in (REPO / layer).rglob("*.py")
                 if p.name not in ("__init__.py", "__main__.py"))


def _rows() -> list[tuple[str, str]]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| `") and len(cells) >= 2:
            rows.append((cells[0], " ".join(cells)))
    return rows


@pytest.mark.parametrize("module", MODULES, ids=str)
def test_every_module_is_in_the_file_map(module: Path) -> None:
    package = module.parent.as_posix() + "/"
    stem = module.stem
    for path_cell, row in _rows():
        if package in path_cell and re.search(rf"\b{re.escape(stem)}\b", row):
            return
    pytest.fail(f"README's architecture table has no row for {package} naming `{stem}`")


def test_every_package_has_a_docstring() -> None:
    for init in sorted(p for layer in LAYERS for p in (REPO / layer).rglob("__init__.py")):
        assert init.read_text(encoding="utf-8").startswith('"""'), f"{init} has no docstring"
