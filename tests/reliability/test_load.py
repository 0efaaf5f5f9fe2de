"""50 concurrent consultations against a real server process: no errors, right replies, bounded memory.

Runs bench/load_child.py (the driver `make bench` uses, in its own process) for a short fixed time. Behaviour and
numbers only: the speed and memory targets are checked by `make bench`, not here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
CLIENTS = 50
SECONDS = 20


@pytest.fixture(scope="module")
def load() -> dict:
    out = subprocess.run([sys.executable, str(REPO / "bench" / "load_child.py"), "--clients", str(CLIENTS),
                          "--seconds", str(SECONDS)], capture_output=True, text=True, timeout=SECONDS + 150)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_no_errors_under_50_concurrent_consultations(load):
    assert load["clients"] == CLIENTS
    assert load["errors_all_phases"] == 0, (load["errors_by_kind"], load["error_samples"],
                                            load["warm_up"]["error_samples"])
    assert load["server_alive"] and load["server_log_errors"] == []
    assert load["warm_up"]["consultations_completed"] == load["scripts"]


def test_every_finished_consultation_has_a_recommendation_and_counted_turns(load):
    # The driver checks each reply: a turn counter one above the last, the same consultation id, a recommendation
    # (or the reasons none fits) when the script ends, and a transcript read back equal to what was sent.
    assert load["consultations_completed"] >= CLIENTS  # every client got through at least one whole consultation
    assert load["consultations_started"] == (load["consultations_completed"]
                                             + load["consultations_abandoned_at_deadline"])
    assert load["consultations_none_fit"] < load["consultations_completed"]
    assert load["turns"] > 3 * load["consultations_completed"]


def test_latency_and_throughput_are_reported(load):
    lat = load["latency_s"]
    assert 0 < lat["p50"] <= lat["p95"] <= lat["p99"] <= lat["max"] < 30
    assert load["turns_per_s"] > 0 and load["wall_s"] >= SECONDS


def test_server_memory_stays_bounded(load):
    rss = load["rss_mb"]
    assert len(rss["series"]) >= SECONDS - 2  # sampled every second
    assert 0 < rss["start"] <= rss["peak"] and rss["end"] <= rss["peak"]
    assert rss["growth_second_half_mb"] < 50  # generous: the real target (MB/min) is a `make bench` row
