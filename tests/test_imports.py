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


def _overload(node: ast.AST) -> bool:
    return any(isinstance(d, ast.Name) and d.id == "overload" or isinstance(d, ast.Attribute) and d.attr == "overload"
               for d in getattr(node, "decorator_list", []))


@pytest.mark.parametrize("module", MODULES)
def test_no_module_level_name_is_bound_twice(module):
    """A table or function defined twice is silently the later one (a new ``_NOT_PARTS`` in understanding_quantities
    was shadowed by an older one 1,700 lines down, and a ``_PEAK`` of the guard's rules by the next line)."""
    tree = ast.parse(FILES[module].read_text(encoding="utf-8"))
    seen: dict[str, int] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names = [node.target.id]
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and not _overload(node):
            names = [node.name]
        else:
            continue
        for name in names:
            assert name not in seen, f"{module}: {name} bound at line {seen[name]} and again at line {node.lineno}"
            seen[name] = node.lineno
