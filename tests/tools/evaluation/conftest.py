"""Fixtures of the retrieval-check tests: one data dir per module, and a copy of the bundled general-English set."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

GENERAL = Path(__file__).resolve().parents[3] / "knowledge" / "benchmarks" / "ea-general-en"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The advisor's data dir, shared by a module's tests (the embedding cache warms once)."""
    return tmp_path_factory.mktemp("advisor-data")


@pytest.fixture(scope="module")
def general_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A writable copy of the bundled general-English BEIR set (corpus, queries, graded qrels)."""
    target = tmp_path_factory.mktemp("beir") / "general"
    shutil.copytree(GENERAL, target)
    return target
