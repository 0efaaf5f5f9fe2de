"""Every package imports, and imports point one way: ui -> agent -> tools -> knowledge."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LAYERS = ["knowledge", "tools", "agent", "ui"]
FILES = {
    ".".join(p.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__"): p
    for layer in LAYERS for p in (REPO / layer).rglob("*.py") if p.name != "__main__.py"
}
MODULES = sorted(FILES)


@pytest.mark.parametrize("module", MODULES)
def test_module_imports(module):
    importlib.import_module(module)


@pytest.mark.parametrize("module", MODULES)
def test_imports_point_down_the_layers(module):
    layer = LAYERS.index(module.split(".")[0])
    tree = ast.parse(FILES[module].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
            [node.module] if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 else [])
        for name in names:
            top = name.split(".")[0]
            if top in LAYERS:
                assert LAYERS.index(top) <= layer, f"{module} imports {name}: imports must point down"
