"""A read-only data dir or a full disk, for real (tmpfs mounts): one clear line naming the path, nothing lost."""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from live_server import free_port

from agent.service import AdvisorService
from knowledge.errors import StorageFullError
from knowledge.settings import Settings
from ui.api.app import create_app

CLI = str(Path(sys.executable).with_name("embedding-advisor"))


@contextlib.contextmanager
def tmpfs(target: Path, options: str) -> Iterator[Path]:
    """A tmpfs mounted at ``target`` (root only; the sandbox and CI run as root), unmounted afterwards."""
    target.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (CI runs as root)")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True,
                          text=True)
    if done.returncode != 0:
        pytest.skip(f"mount is not permitted here: {done.stderr.strip()}")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=True)


def fill(folder: Path) -> Path:
    """Write zeros into ``folder`` until the disk says ENOSPC; returns the filler file."""
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as out:
        try:
            while True:
                out.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


Runs = dict[str, subprocess.CompletedProcess[str]]


def run_entry_points(data_dir: Path, work: Path, only: tuple[str, ...] = ()) -> Runs:
    """The commands that write state (or ``only`` these), started at once against ``data_dir``; each must stop."""
    (work / "corpus.jsonl").write_text('{"id": "d1", "text": "a contract"}\n', encoding="utf-8")
    (work / "profiles.jsonl").write_text('{"id": "p1", "domain": "legal"}\n', encoding="utf-8")
    commands = {
        "serve": ["serve", "--port", str(free_port())],
        "ui": ["ui", "--port", str(free_port())],
        "chat": ["chat"],
        "evaluate": ["evaluate", "--corpus", str(work / "corpus.jsonl"), "-o", str(work / "eval"), "--models", "bm25"],
        "mteb": ["mteb", "--suite", "quick-general", "--dry-run"],
        "batch --resume": ["batch", str(work / "profiles.jsonl"), "-o", str(data_dir / "batch"), "--resume"],
    }
    env = {**os.environ, "ADVISOR_DATA_DIR": str(data_dir), "ADVISOR_API_TOKENS": "t", "HF_HUB_OFFLINE": "1"}
    env.pop("COLUMNS", None)  # rich's default width of 80 must not break the line
    commands = {k: v for k, v in commands.items() if not only or k in only}
    procs = {name: subprocess.Popen([CLI, *args], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True) for name, args in commands.items()}
    results = {}
    for name, proc in procs.items():
        try:
            out, err = proc.communicate(timeout=90)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
        results[name] = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    return results


def assert_one_clear_line(results: Runs, path: Path, *words: str) -> None:
    for name, done in results.items():
        text = done.stderr + done.stdout
        where = f"{name}: exit {done.returncode}\n{text[-2000:]}"
        assert done.returncode not in (0, None), where
        assert "Traceback" not in text, where
        (line,) = [ln for ln in text.splitlines() if "error" in ln.lower()] or [""]
        assert str(path) in line and all(w in line.lower() for w in words), where


@pytest.mark.slow
def test_a_read_only_data_dir_stops_every_entry_point_naming_the_path(tmp_path):
    with tmpfs(tmp_path / "ro", "ro,size=1m") as data_dir:
        results = run_entry_points(data_dir, tmp_path)
    assert_one_clear_line({k: v for k, v in results.items() if k != "batch --resume"}, data_dir, "not writable",
                          "read-only file system", "advisor_data_dir")
    assert_one_clear_line({"batch --resume": results["batch --resume"]}, data_dir / "batch", "--out-dir",
                          "read-only file system")


@pytest.mark.slow
def test_a_full_disk_stops_every_entry_point_naming_the_path(tmp_path):
    with tmpfs(tmp_path / "full", "size=64k") as mount:
        data_dir = mount / "data"
        data_dir.mkdir()
        fill(mount)
        # The same check as above runs in every entry point; these three cover its three callers.
        results = run_entry_points(data_dir, tmp_path, only=("serve", "evaluate", "batch --resume"))
    assert_one_clear_line({k: v for k, v in results.items() if k != "batch --resume"}, data_dir, "no space left")
    assert_one_clear_line({"batch --resume": results["batch --resume"]}, data_dir / "batch", "no space left")


def test_low_space_is_caught_before_the_first_write(tmp_path):
    from knowledge.errors import SettingsError

    with tmpfs(tmp_path / "small", "size=512k") as data_dir, pytest.raises(SettingsError) as info:
        Settings(data_dir=data_dir).ensure_data_dir()  # empty, but under the 1 MiB a first checkpoint needs
    assert str(data_dir) in str(info.value) and "no space left" in str(info.value)


def test_a_disk_filling_up_during_a_consultation_loses_nothing(tmp_path):
    with tmpfs(tmp_path / "disk", "size=4m") as mount:
        settings = Settings(data_dir=mount / "data")
        with AdvisorService(settings) as service, TestClient(create_app(service, settings, None)) as client:
            cid = client.post("/v1/consultations", json={}).json()["consultation_id"]
            for text in ("legal contracts", "English and German"):
                assert client.post(f"/v1/consultations/{cid}/messages", json={"text": text}).status_code == 200
            filler = fill(mount)

            for body in ({"text": "about 800 tokens"}, {"text": "about 800 tokens", "message_id": "m3"}):
                r = client.post(f"/v1/consultations/{cid}/messages", json=body)
                assert r.status_code == 507, r.text
                assert r.json()["code"] == "storage_full" and "not saved" in r.json()["message"]
                assert str(mount) not in r.json()["message"]  # the server's paths are the operator's business
            with pytest.raises(StorageFullError) as info:
                service.send(cid, "about 800 tokens")
            assert f"No space left on the disk holding {mount / 'data' / 'checkpoints.sqlite'}" in str(info.value)

            state = client.get(f"/v1/consultations/{cid}").json()  # reading needs no space
            assert state["turn"] == 2 and not state["unfinished"]
            assert [m["text"] for m in state["transcript"] if m["role"] == "user"] == ["legal contracts",
                                                                                      "English and German"]
            filler.unlink()
            r = client.post(f"/v1/consultations/{cid}/messages", json={"text": "about 800 tokens", "message_id": "m3"})
            assert r.status_code == 200 and r.json()["turn"] == 3 and not r.json()["replayed"]
            state = client.get(f"/v1/consultations/{cid}").json()
            assert [m["text"] for m in state["transcript"] if m["role"] == "user"] == [
                "legal contracts", "English and German", "about 800 tokens"]
