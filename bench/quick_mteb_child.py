"""Child process of `make bench`: wall time of a quick MTEB suite per model against the plan's estimate (one JSON line).

Usage: quick_mteb_child.py [SUITE] (default quick-all). mteb's result cache is a fresh temporary folder, so every
task really runs; distilled models come from the data dir (ADVISOR_DATA_DIR), so the static model is distilled once.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

MODELS = ("minilm", "static")


def main() -> None:
    import datasets
    import mteb
    import transformers

    from knowledge.settings import Settings
    from tools.benchmarks.quick_mteb import make_plan, resolve_tasks, run_plan
    from tools.encoders.candidates import load_candidates

    transformers.logging.set_verbosity_error()
    datasets.disable_progress_bars()
    suite = sys.argv[1] if len(sys.argv) > 1 else "quick-all"
    data_dir = Settings.from_env().ensure_data_dir()
    out: dict[str, object] = {"suite": suite, "models": {}}
    with tempfile.TemporaryDirectory(prefix="quick-mteb-bench-") as tmp:
        cache = mteb.ResultCache(cache_path=Path(tmp))
        for spec in MODELS:
            start = time.perf_counter()
            encoder = load_candidates([spec], data_dir, cache=False)[0]
            load_s = time.perf_counter() - start
            tasks = resolve_tasks(suite, None)
            start = time.perf_counter()
            plan = make_plan([encoder], tasks, 1e9, cache)
            plan_s = time.perf_counter() - start
            start = time.perf_counter()
            rows = run_plan([encoder], tasks, plan, cache)
            actual = time.perf_counter() - start
            estimate = plan["estimate_total_s"]
            out["models"][encoder.name] = {  # type: ignore[index]
                "load_s": round(load_s, 2), "plan_s": round(plan_s, 2), "estimate_s": estimate,
                "actual_s": round(actual, 2), "actual_over_estimate": round(actual / estimate, 3) if estimate else None,
                "mean_ndcg_at_10": round(statistics.fmean(r["ndcg_at_10"] for r in rows if "ndcg_at_10" in r), 4),
                "per_task": {r["task"]: {"estimate_s": r["estimate_s"], "actual_s": r["actual_s"]} for r in rows},
            }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
