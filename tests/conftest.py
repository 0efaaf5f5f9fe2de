"""Shared fixtures: the committed catalog and score snapshot, the shared MTEB results unpacked once, and one folder of
distilled models for the session."""

from __future__ import annotations

import tarfile
from collections.abc import Callable
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


@pytest.fixture(scope="session")
def shared_models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's distilled models: the static candidate is distilled (15-60 s) by the first test that loads it."""
    path = tmp_path_factory.getbasetemp() / "ea-shared-data" / "models"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def with_shared_models(shared_models: Path) -> Callable[[Path], Path]:
    """Link a data dir's ``models`` folder to the session's, so a test's own data dir (and every process that opens
    it: a server, a job's worker process) loads the static model distilled once for the session; returns the dir.

    The model is distilled here, before the first such test, so that no test's bounded wait for a job includes it.
    """
    from tools.encoders.models import load_static

    load_static(shared_models)

    def link(data_dir: Path) -> Path:
        data_dir.mkdir(parents=True, exist_ok=True)
        (data_dir / "models").symlink_to(shared_models, target_is_directory=True)
        return data_dir

    return link
