"""Child process of `make bench`: a retrieval check with the quality/memory frontier against the plain check.

Both runs start with an empty embedding cache on the same 2,000 chunks + 200 queries (evaluate_child's corpus), so
both encode; the frontier reuses those vectors, and the ratio shows what its extra points cost.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


def main() -> None:
    from evaluate_child import N_DOCS, N_QUERIES, build_corpus

    from tools.encoders.models import load_minilm
    from tools.evaluation.retrieval_check import EvalRequest, Evaluation

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        build_corpus(root / "corpus")
        load_minilm()  # the model is in memory before either timing

        def run(data: str, frontier: bool) -> tuple[float, dict]:
            start = time.perf_counter()
            results = Evaluation(EvalRequest(corpus=root / "corpus", models=["minilm"], out_dir=root / data,
                                             data_dir=root / data, frontier=frontier)).run()
            return time.perf_counter() - start, results

        plain, _ = run("plain", False)
        with_frontier, results = run("frontier", True)
        frontier = results["models"]["minilm"]["frontier"]
    print(json.dumps({"plain_s": plain, "frontier_s": with_frontier, "frontier_points_s": frontier["seconds"],
                      "points": len(frontier["points"]), "n_docs": N_DOCS, "n_queries": N_QUERIES}))


if __name__ == "__main__":
    main()
