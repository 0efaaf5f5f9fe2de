"""The compiled graph's shape in both modes, compared with committed Mermaid snapshots (as LangGraph's tests do).

A changed route shows up in review as a diff of tests/agent/snapshots/; after a deliberate change, regenerate them
with ``UPDATE_SNAPSHOTS=1 pytest tests/agent/test_graph_shape.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from llm_standin import ScriptedChatModel

from agent.graph import build_graph

SNAPSHOTS = Path(__file__).parent / "snapshots"


@pytest.mark.parametrize("mode", ["offline", "llm"])
def test_graph_shape_matches_the_snapshot(mode: str) -> None:
    llm = None if mode == "offline" else ScriptedChatModel(script=[])
    drawn = build_graph(llm).get_graph().draw_mermaid()
    snapshot = SNAPSHOTS / f"graph_{mode}.mmd"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        snapshot.write_text(drawn, encoding="utf-8")
    assert drawn == snapshot.read_text(encoding="utf-8"), f"the {mode} graph changed shape: see {snapshot}"
