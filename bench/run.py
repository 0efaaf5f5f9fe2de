"""`make bench`: measure every speed / memory target in one run and print one table of ratios.

Each row is a figure measured here, its reference (a target or a baseline measured in the same run), and
their ratio. The table is also written to bench/results.md with the machine it ran on.

`BENCH_ONLY=load,ui_startup make bench` (or `bench/run.py --only load,ui_startup`) measures only those groups
(the names are the bench_* functions without the prefix) and prints their rows without writing results.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CLI = [str(Path(sys.executable).with_name("embedding-advisor"))]
RUNS = int(os.environ.get("BENCH_RUNS", "7"))


@dataclass
class Row:
    figure: str
    measured: float
    reference: float
    unit: str
    reference_kind: str  # "target" (a bound to meet) or "baseline" (a reference measured in the same run)
    higher_is_better: bool = False

    @property
    def ratio(self) -> float:
        if self.reference == 0:  # a target of zero (errors): met only by zero
            return 0.0 if self.measured == 0 else math.inf
        return self.measured / self.reference

    @property
    def verdict(self) -> str:
        if self.reference_kind != "target":
            return ""
        met = self.ratio >= 1.0 if self.higher_is_better else self.ratio <= 1.0
        return "ok" if met else "MISSED"


def wall_times(cmd: list[str], runs: int = RUNS) -> list[float]:
    """Wall seconds of ``cmd`` over ``runs`` runs after one warm-up."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    subprocess.run(cmd, capture_output=True, check=True, env=env)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True, env=env)
        times.append(time.perf_counter() - start)
    return times


def bench_startup() -> list[Row]:
    help_t = statistics.median(wall_times([*CLI, "--help"]))
    show_t = statistics.median(wall_times([*CLI, "models", "show", "BAAI/bge-m3"]))
    search_t = statistics.median(wall_times([*CLI, "models", "search", "--language", "zh", "--limit", "10"]))
    return [
        Row("`embedding-advisor --help` wall (median)", help_t, 0.5, "s", "target"),
        Row("`models show BAAI/bge-m3` wall (median)", show_t, 1.5, "s", "target"),
        Row("`models search --language zh` wall (median)", search_t, 1.5, "s", "target"),
    ]


def child_json(script: str, *args: str) -> dict:
    """Run a bench child script in its own process (clean memory figures) and parse its JSON line."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    out = subprocess.run([sys.executable, str(REPO / "bench" / script), *args], capture_output=True, text=True,
                         check=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_batch() -> list[Row]:
    figures = child_json("batch_child.py")
    return [
        Row(f"batch: {figures['profiles']} varied profiles, profiles/s after start-up",
            figures["profiles_per_s"], 200.0, "profiles/s", "target", higher_is_better=True),
        Row("batch: peak process memory (RSS)", figures["peak_rss_mb"], 1024.0, "MB", "target"),
    ]


def bench_throughput_estimate() -> list[Row]:
    figures = child_json("throughput_child.py")
    return [Row("MiniLM tokens/s at 256 tokens: estimate / measured here", figures["estimated_tokens_per_s"],
                figures["measured_tokens_per_s"], "tokens/s", "baseline")]


def bench_evaluate() -> list[Row]:
    f = child_json("evaluate_child.py")
    size = f"{f['n_docs']} chunks + {f['n_queries']} queries, MiniLM"
    return [
        Row(f"evaluate wall / encode-only time on the same texts ({size})", f["evaluate_s"] / f["encode_only_s"],
            1.15, "x", "target"),
        Row("evaluate, second run with the embedding cache / first run", f["cached_evaluate_s"] / f["evaluate_s"],
            0.10, "x", "target"),
        Row("evaluate / sentence-transformers InformationRetrievalEvaluator", f["evaluate_s"], f["ire_s"], "s",
            "target"),
        Row("evaluate / mteb.evaluate (same data, custom task)", f["evaluate_s"], f["mteb_s"], "s", "target"),
    ]


def bench_frontier() -> list[Row]:
    f = child_json("frontier_child.py")
    return [Row(f"evaluate --frontier wall / plain check wall ({f['n_docs']} chunks + {f['n_queries']} queries, "
                f"MiniLM, {f['points']} frontier points in {f['frontier_points_s']:.1f} s; vectors encoded once)",
                f["frontier_s"] / f["plain_s"], 1.5, "x", "target")]


def bench_quick_mteb() -> list[Row]:
    f = child_json("quick_mteb_child.py")
    return [Row(f"quick MTEB suite {f['suite']}, {name}: actual time / estimate", m["actual_s"], m["estimate_s"], "s",
                "baseline") for name, m in f["models"].items()]


LOAD_CLIENTS = 50
LOAD_SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "60"))


def bench_load() -> list[Row]:
    f = child_json("load_child.py", "--clients", str(LOAD_CLIENTS), "--seconds", str(LOAD_SECONDS),
                   "--baseline-seconds", "15")
    p95, p95_one = f["latency_s"]["p95"], f["baseline_1_client"]["latency_s"]["p95"]
    rss = f["rss_mb"]
    return [
        # A chat turn should feel interactive (under ~1.5 s) even with 50 consultations talking at once, on these
        # 2 cores that also run the 50 clients. The server computes one turn at a time (Python under the GIL), so
        # by Little's law a turn's mean latency is clients / throughput: the next row shows how much throughput the
        # concurrency costs against one client alone (the load generator takes CPU from the server here).
        Row(f"API per-turn p95, {LOAD_CLIENTS} concurrent consultations (p50 {f['latency_s']['p50'] * 1000:,.0f} ms; "
            f"1 client alone: p95 {p95_one * 1000:,.0f} ms)", p95, 1.5, "s", "target"),
        Row(f"API throughput, {LOAD_CLIENTS} concurrent consultations / 1 client, same server "
            f"({f['turns_per_s']:.0f} vs {f['baseline_1_client']['turns_per_s']:.0f} turns/s)",
            f["turns_per_s"], f["baseline_1_client"]["turns_per_s"], "turns/s", "baseline", higher_is_better=True),
        Row(f"API errors under load: non-2xx, transport, wrong replies ({f['turns']:,} turns, "
            f"{f['consultations_completed']:,} consultations in {LOAD_SECONDS:.0f} s)",
            f["errors_all_phases"], 0.0, "errors", "target"),
        # The warm-up fills the recommender's bounded caches first (load_child.catalogue), so what grows after is
        # the server's own. 5 MB/min is about the smallest slope 30 one-second RSS samples (jitter ~1 MB) show
        # reliably; at the ~900 consultations a minute of this load, it is ~6 KB kept per consultation.
        Row(f"server RSS growth over the second half of the load (start {rss['start']:.0f}, peak {rss['peak']:.0f}, "
            f"end {rss['end']:.0f} MB)", rss["slope_second_half_mb_per_min"], 5.0, "MB/min", "target"),
    ]


TEAM_SECONDS = float(os.environ.get("BENCH_TEAM_SECONDS", "30"))


def bench_team() -> list[Row]:
    """Two API workers over PostgreSQL against one worker over SQLite, same load and catalogue, one run."""
    args = ["--clients", str(LOAD_CLIENTS), "--seconds", str(TEAM_SECONDS)]
    one = child_json("load_child.py", *args)
    two = child_json("load_child.py", *args, "--workers", "2", "--postgres")
    return [
        # On these 2 cores the two workers, PostgreSQL and the 50 clients share the same CPUs: the row shows what
        # the database and the cross-process locks cost, not the scale-out a second machine would give.
        Row(f"API per-turn p95, {LOAD_CLIENTS} consultations, 2 workers over PostgreSQL (turns alternate) / 1 worker "
            f"over SQLite ({two['turns_per_s']:.0f} vs {one['turns_per_s']:.0f} turns/s)",
            two["latency_s"]["p95"], one["latency_s"]["p95"], "s", "baseline"),
        Row(f"API errors, 2 workers over PostgreSQL ({two['turns']:,} turns) + 1 over SQLite ({one['turns']:,})",
            two["errors_all_phases"] + one["errors_all_phases"], 0.0, "errors", "target"),
    ]


def bench_long_docs() -> list[Row]:
    f = child_json("long_docs_child.py")
    size = f"{f['n_docs']} man pages of >= 1,500 words, {f['n_chunks']:,} chunks, minilm/static/bm25/hybrid"
    batched = ", ".join(f"{name} {s:.1f} s" for name, s in sorted(f["batched_search_s"].items()))
    rows = [Row(f"long documents: evaluate wall / encode-only on the same texts ({size}; batched search of every "
                f"query: {batched})", f["evaluate_s"] / f["encode_only_s"], 1.15, "x", "target")]
    # Interactive search: a query's search (its encoding timed apart) well under the 1.5 s a chat turn may take.
    for name, p95 in sorted(f["p95_ms"].items()):
        encoding = f"; query encoding p95 {p95['encode']:.1f} ms apart" if p95["encode"] is not None else ""
        rows.append(Row(f"long documents: {name} search p95 per query at {f['n_chunks']:,} chunks{encoding}",
                        p95["search"], 100.0, "ms", "target"))
    rows.append(Row("long documents: peak memory of the check (RSS)", f["peak_rss_mb"], 4096.0, "MB", "target"))
    return rows


def bench_encode_pool() -> list[Row]:
    f = child_json("pool_child.py")
    # The product encodes in a multi-process pool only where it measured faster (ADVISOR_ENCODE_PROCESSES=auto:
    # from 8 cores); this row is the measurement behind that rule on the bench machine, the pool forced on.
    return [Row(f"MiniLM on {f['texts']:,} chunks: a pool of {f['processes']} processes / one process with "
                f"{f['torch_threads_one_process']} torch threads ({f['cores']} cores; the pool's start "
                f"{f['pool_start_s']:.1f} s not included; auto uses {f['auto_processes_here']} here)",
                f["pool_encode_s"], f["one_process_s"], "s", "baseline")]


def bench_understanding() -> list[Row]:
    f = child_json("understanding_child.py")
    return [Row(f"offline interviewer: one message read (best of 5 passes over {f['messages']} blind-set messages; "
                f"first pass {f['first_pass_ms']:.1f} ms)", f["best_ms"], 10.0, "ms", "target")]


def bench_ui_startup() -> list[Row]:
    f = child_json("ui_startup_child.py")
    # Measured here: ~3.4 s, of which ~2 s is `import gradio` alone (the floor); 5 s leaves room for a slower disk.
    return [Row(f"`embedding-advisor ui` launch to first page 200 (median of {f['runs']}; `import gradio` alone: "
                f"{f['import_gradio_median_s']:.1f} s)", f["median_s"], 5.0, "s", "target")]


BENCHES: list[Callable[[], list[Row]]] = [bench_startup, bench_batch, bench_throughput_estimate, bench_evaluate,
                                          bench_long_docs, bench_encode_pool, bench_frontier, bench_quick_mteb,
                                          bench_load, bench_team, bench_understanding, bench_ui_startup]
GROUPS = {bench.__name__.removeprefix("bench_"): bench for bench in BENCHES}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                     if line.startswith("model name"))
        cpu = model
    except (OSError, StopIteration):
        pass
    mem = ""
    try:
        kb = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")))
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} cores{mem}, Python {platform.python_version()}, {platform.system()}"


def main() -> int:
    parser = argparse.ArgumentParser(description="Measure every speed / memory target; print one table.")
    parser.add_argument("--only", default=os.environ.get("BENCH_ONLY", ""),
                        help=f"comma-separated groups to run (default all; env BENCH_ONLY): {', '.join(GROUPS)}")
    only = [g.strip() for g in parser.parse_args().only.split(",") if g.strip()]
    unknown = [g for g in only if g not in GROUPS]
    if unknown:
        parser.error(f"unknown group(s) {', '.join(unknown)}; choose from {', '.join(GROUPS)}")
    rows: list[Row] = []
    for name, bench in GROUPS.items():
        if not only or name in only:
            rows.extend(bench())
    header = "| figure | measured | reference | ratio | verdict |\n|---|---|---|---|---|"
    lines = [f"| {r.figure} | {r.measured:,.3f} {r.unit} | {'>=' if r.higher_is_better else ''}{r.reference:,.3f} "
             f"{r.unit} ({r.reference_kind}) | {r.ratio:.2f} | {r.verdict} |" for r in rows]
    table = "\n".join([header, *lines])
    print(table)
    if only:
        print(f"(only {', '.join(only)}: bench/results.md not written)", file=sys.stderr)
        return 0 if all(r.verdict != "MISSED" for r in rows) else 1
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    (REPO / "bench" / "results.md").write_text(
        f"# Bench results\n\nMeasured {stamp} on {machine()}; {RUNS} runs per timing after a warm-up, medians.\n\n"
        f"{table}\n", encoding="utf-8")
    return 0 if all(r.verdict != "MISSED" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
