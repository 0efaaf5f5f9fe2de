"""Child process of `make bench`: 1,000 varied profiles through the batch runner; prints JSON figures."""

from __future__ import annotations

import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

N_PROFILES = 1000


def varied_profiles(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    domains = ["general", "legal", "medical", "code", "finance", "scientific", "support", "ecommerce"]
    languages = [["en"], ["zh"], ["zh", "en"], ["de"], ["ja"], ["fr", "en"], ["es", "pt"], ["ko"], ["ru"],
                 ["en", "de", "fr", "es", "ja"]]
    hardware = [{"accelerator": "none", "ram_gb": 16, "cpu_cores": 8}, {"accelerator": "T4"}, {"accelerator": "L4"},
                {"accelerator": "A100-80GB"}, {"accelerator": "RTX 4090"}, {"accelerator": "M2 Max 32GB"},
                {"accelerator": "none", "ram_gb": 64, "cpu_cores": 32}]
    profiles = []
    for i in range(n):
        profiles.append({
            "id": f"bench-{i}",
            "domain": rng.choice(domains),
            "languages": rng.choice(languages),
            "doc_length_tokens": rng.choice([150, 400, 800, 2000, 6000, 20000]),
            "corpus_docs": rng.choice([1_000, 50_000, 500_000, 5_000_000, 50_000_000]),
            "queries_per_month": rng.choice([1_000, 100_000, 5_000_000]),
            "budget_usd_month": rng.choice([None, 0, 50, 500, 5000]),
            "hardware": rng.choice(hardware),
            "deployment": rng.choice(["any", "any", "self_hosted", "api"]),
            "data_must_stay_on_prem": rng.random() < 0.3,
            "license": rng.choice(["commercial", "any"]),
            "latency_p95_ms": rng.choice([None, None, 50, 200, 1000]),
            "priorities": rng.sample(["quality", "cost", "latency"], 3),
            "top_k": rng.choice([3, 5]),
        })
    return profiles


def main() -> None:
    from agent.batch import run_batch

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "profiles.jsonl"
        src.write_text("\n".join(json.dumps(p) for p in varied_profiles(N_PROFILES)) + "\n", encoding="utf-8")
        warm = Path(tmp) / "warm.jsonl"
        warm.write_text(json.dumps({"id": "warm"}) + "\n", encoding="utf-8")
        run_batch(warm, Path(tmp) / "warm-out")  # start-up: catalog, snapshots, first imports
        start = time.perf_counter()
        counts = run_batch(src, Path(tmp) / "out")
        elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"profiles": N_PROFILES, "seconds": elapsed, "profiles_per_s": N_PROFILES / elapsed,
                      "peak_rss_mb": peak_mb, "counts": counts}))


if __name__ == "__main__":
    main()
