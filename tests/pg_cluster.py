"""A throw-away PostgreSQL 15 cluster on a free loopback port, for tests and benches (``initdb`` in a temp dir).

``initdb`` and ``postgres`` refuse to run as root, so under root (CI) the cluster runs as the ``postgres`` system
user that Debian's package creates. Import it as ``from pg_cluster import PostgresCluster`` (``tests/`` is on
``sys.path`` through the root conftest).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

from live_server import free_port

BIN_DIRS = [Path("/usr/lib/postgresql/15/bin"), *sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)]


def postgres_bin() -> Path | None:
    """The directory holding initdb and pg_ctl, or None when no PostgreSQL server is installed."""
    for d in BIN_DIRS:
        if (d / "initdb").exists() and (d / "pg_ctl").exists():
            return d
    found = shutil.which("pg_ctl")
    return Path(found).parent if found else None


class PostgresCluster:
    """One cluster: ``start()`` runs initdb and pg_ctl, ``url`` connects as ``postgres``, ``stop()`` removes it."""

    def __init__(self) -> None:
        bindir = postgres_bin()
        if bindir is None:
            raise RuntimeError("PostgreSQL server binaries not found: apt-get install postgresql-15 "
                               "(.ci/run installs it)")
        self.bin = bindir
        self.port = free_port()
        # Not under pytest's tmp dir: that is private to root, and the server runs as the postgres user.
        self.dir = Path(tempfile.mkdtemp(prefix="advisor-pg-"))
        self.data = self.dir / "data"
        self.as_postgres = os.geteuid() == 0

    @property
    def url(self) -> str:
        """The maintenance database's URL."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        cmd = [str(self.bin / args[0]), *args[1:]]
        if self.as_postgres:
            cmd = ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(_quote(a) for a in cmd)]
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if out.returncode != 0:
            raise RuntimeError(f"{args[0]} failed ({out.returncode}): {out.stdout[-2000:]}{out.stderr[-2000:]}")

    def start(self) -> PostgresCluster:
        """initdb (trust auth on loopback only) and start; returns when the server accepts connections."""
        if self.as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
        self.dir.chmod(0o700)
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8")
        opts = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c max_connections=200 -c shared_buffers=64MB")
        self._run("pg_ctl", "-D", str(self.data), "-o", opts, "-l", str(self.dir / "log"), "-w", "-t", "60", "start")
        return self

    def create_database(self) -> str:
        """A new empty database; returns its URL (one per test keeps tests independent)."""
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        """Stop the server (fast mode) and delete its files."""
        with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)


def _quote(arg: str) -> str:
    return "'" + arg.replace("'", "'\"'\"'") + "'"


@contextlib.contextmanager
def running_cluster() -> Iterator[PostgresCluster]:
    """A started cluster, stopped and removed on exit."""
    cluster = PostgresCluster()
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()
