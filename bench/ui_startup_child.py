"""Child process of `make bench`: wall time from launching `embedding-advisor ui` to the first HTTP 200 of its page.

Each run launches the UI on a free loopback port with a fresh data dir, offline (no LLM, no Gradio telemetry), polls
``http://127.0.0.1:PORT/`` until it answers 200, then stops the server. One warm-up run, then ``--runs`` timed runs;
prints one JSON line with the times, their median, and the median time of `import gradio` alone (the floor).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from live_server import free_port  # noqa: E402

CLI = str(Path(sys.executable).with_name("embedding-advisor"))
OFFLINE = {"HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False", "ADVISOR_LOG_LEVEL": "WARNING",
           "ADVISOR_LLM_BASE_URL": "", "ADVISOR_LLM_API_KEY": "", "OPENAI_API_KEY": "", "ADVISOR_DATABASE_URL": ""}


def time_to_page(timeout: float) -> float:
    """Seconds from the launch to the first 200 on the page; the server is stopped before returning."""
    with tempfile.TemporaryDirectory(prefix="advisor-ui-bench-") as tmp:
        port = free_port()
        log = Path(tmp) / "ui.log"
        env = {**os.environ, **OFFLINE, "ADVISOR_DATA_DIR": str(Path(tmp) / "data")}
        with log.open("wb") as out:
            start = time.perf_counter()
            proc = subprocess.Popen([CLI, "ui", "--port", str(port)], env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            while time.perf_counter() - start < timeout:
                if proc.poll() is not None:
                    raise RuntimeError(f"the UI exited with {proc.returncode}:\n{log.read_text()[-2000:]}")
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200:
                        return time.perf_counter() - start
                except httpx.TransportError:
                    pass
                time.sleep(0.05)
            raise RuntimeError(f"the UI did not serve its page in {timeout}s:\n{log.read_text()[-2000:]}")
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)


def import_time(module: str) -> float:
    """Wall seconds of a fresh interpreter importing ``module``: the floor under the UI's start-up."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", f"import {module}"], check=True, capture_output=True,
                   env={**os.environ, **OFFLINE})
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_UI_RUNS", "5")))
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for the page, per run")
    args = parser.parse_args()
    time_to_page(args.timeout)  # warm-up: the file cache, as for the other start-up rows
    times = [time_to_page(args.timeout) for _ in range(args.runs)]
    gradio = [import_time("gradio") for _ in range(args.runs)]
    print(json.dumps({"runs": args.runs, "times_s": times, "median_s": statistics.median(times),
                      "min_s": min(times), "max_s": max(times), "import_gradio_median_s": statistics.median(gradio)}))


if __name__ == "__main__":
    main()
