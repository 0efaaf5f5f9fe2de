"""Shared fixtures: the committed catalog and score snapshot, and the shared MTEB results unpacked once."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

from knowledge.catalog import Catalog, default_catalog
from knowledge.scores import ScoreSnapshot, default_scores

REPO = Path(__file__).resolve().parents[1]
SHARED_RESULTS = REPO.parent / "shared" / "data" / "mteb-results-slim.tar.gz"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return default_catalog()


@pytest.fixture(scope="session")
def scores() -> ScoreSnapshot:
    return default_scores()


@pytest.fixture(scope="session")
def results_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The published MTEB results from ../shared/data, unpacked into a temporary cache root."""
    if not SHARED_RESULTS.exists():
        pytest.fail(f"{SHARED_RESULTS} is missing: the tests read the published MTEB results from ../shared/data")
    root = tmp_path_factory.mktemp("mteb-cache")
    with tarfile.open(SHARED_RESULTS) as tar:
        tar.extractall(root, filter="data")
    return root


@pytest.fixture(scope="session")
def postgres_cluster():
    """One throw-away PostgreSQL cluster for the session (initdb in a temp dir, a free loopback port)."""
    from pg_cluster import PostgresCluster

    cluster = PostgresCluster().start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def postgres_url(postgres_cluster) -> str:
    """A fresh, empty database in the session's cluster."""
    return postgres_cluster.create_database()
