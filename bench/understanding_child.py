"""Child process of `make bench`: how long the offline interviewer takes to read one message, after a warm-up.

The messages are those of two committed interview sets written by blind writers (English and Chinese, and twelve
languages), each read with the question it answered. The best of five passes is reported: a pause of the machine is
not the reader's time.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SETS = ("heldout37_messages.yaml", "heldout38_messages.yaml")
PASSES = 5


def main() -> None:
    from agent.understanding import understand

    cases = [(c["m"], c.get("asked")) for name in SETS
             for c in yaml.safe_load((REPO / "tests" / "agent" / "data" / name).read_text(encoding="utf-8"))["cases"]]
    start = time.perf_counter()
    for message, asked in cases:
        understand(message, asked)
    first = (time.perf_counter() - start) / len(cases)  # includes loading and compiling the tables
    passes = []
    for _ in range(PASSES):
        start = time.perf_counter()
        for message, asked in cases:
            understand(message, asked)
        passes.append((time.perf_counter() - start) / len(cases))
    print(json.dumps({"messages": len(cases), "first_pass_ms": first * 1e3, "best_ms": min(passes) * 1e3,
                      "median_ms": sorted(passes)[PASSES // 2] * 1e3}))


if __name__ == "__main__":
    main()
