"""Do generated queries rank models like real ones? nDCG@10 on real vs generated queries, and Kendall's tau, per corpus.

Builds the real-query corpora of bench/real_query_corpora.py, runs the retrieval check (Milvus Lite) once with the
real queries and once with queries the product generates from the same documents, and reports both rankings.
Usage: ``python bench/query_tau.py [--corpora man-en,man-de] [--out bench/query_tau.md]`` (``make eval``).
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import time
from pathlib import Path

from scipy.stats import kendalltau

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from real_query_corpora import DEVELOPMENT, MEASURED, build  # noqa: E402

from tools.evaluation.retrieval_check import EvalRequest, Evaluation  # noqa: E402

MODELS = ["minilm", "static", "bm25", "hybrid"]


def _ndcg(results: dict) -> dict[str, float]:
    return {m: f["metrics"]["ndcg_at_10"]["mean"] for m, f in results["models"].items() if f.get("status") == "ok"}


def measure(name: str, root: Path, data_dir: Path, n_queries: int, max_docs: int,
            real_from: Path | None = None) -> dict:
    """Real and generated nDCG@10 of every model on one corpus, the two rankings' tau and whether the winner held."""
    folder = build(name, root, max_docs=max_docs)
    generated_dir = root / f"{name}-generated"
    generated_dir.mkdir(exist_ok=True)
    shutil.copy(folder / "corpus.jsonl", generated_dir / "corpus.jsonl")
    runs = {}
    for kind, corpus in (("real", folder), ("generated", generated_dir / "corpus.jsonl")):
        start = time.time()
        earlier = real_from / f"{name}-real-out" / "results.json" if real_from else None
        if kind == "real" and earlier and earlier.exists():  # real queries do not depend on the generator
            results = json.loads(earlier.read_text())
            runs[kind] = {"ndcg": _ndcg(results), "queries": results["queries"], "n": results["run"]["n_queries"],
                          "seconds": 0.0}
            continue
        request = EvalRequest(corpus=corpus, models=MODELS, out_dir=root / f"{name}-{kind}-out", data_dir=data_dir,
                              n_generated=n_queries)
        evaluation = Evaluation(request)
        results = evaluation.run()
        runs[kind] = {"ndcg": _ndcg(results), "queries": results["queries"], "n": results["run"]["n_queries"],
                      "seconds": time.time() - start}
        if kind == "generated":
            runs[kind]["examples"] = [evaluation.corpus.queries[q] for q in evaluation.qids[:5]]
    real, gen = runs["real"]["ndcg"], runs["generated"]["ndcg"]
    models = [m for m in MODELS if m in real and m in gen]
    tau = kendalltau([real[m] for m in models], [gen[m] for m in models]).statistic
    winner_real, winner_gen = max(models, key=real.get), max(models, key=gen.get)
    return {"corpus": name, "held_out": name not in DEVELOPMENT, "n_docs": sum(1 for _ in (folder / "corpus.jsonl")
            .open()), "real": runs["real"], "generated": runs["generated"], "tau": float(tau),
            "same_winner": winner_real == winner_gen, "winner_real": winner_real, "winner_generated": winner_gen}


def table(rows: list[dict]) -> str:
    """The rows as a markdown table: per corpus, real | generated nDCG@10 per model, tau, winner."""
    head = "| corpus | docs | q real/gen | " + " | ".join(f"{m} real / gen" for m in MODELS) + \
           " | tau | same winner | overlap |"
    lines = [head, "|" + "---|" * (len(MODELS) + 6)]
    for r in rows:
        cells = [f"{r['real']['ndcg'].get(m, float('nan')):.3f} / {r['generated']['ndcg'].get(m, float('nan')):.3f}"
                 for m in MODELS]
        name = r["corpus"] + (" (held out)" if r["held_out"] else "")
        lines.append(f"| {name} | {r['n_docs']} | {r['real']['n']}/{r['generated']['n']} | " + " | ".join(cells)
                     + f" | {r['tau']:.2f} | {'yes' if r['same_winner'] else 'NO'} "
                       f"| {r['generated']['queries'].get('mean_lexical_overlap', 0):.2f} |")
    taus = [r["tau"] for r in rows]
    reached = sum(t >= 2 / 3 - 1e-9 for t in taus)  # four models: tau is 1, 2/3, 1/3, 0, ...
    lines.append(f"\nmean tau {sum(taus) / len(taus):.2f}; tau >= 0.67 on {reached}/{len(rows)}; "
                 f"same winner on {sum(r['same_winner'] for r in rows)}/{len(rows)}")
    return "\n".join(lines)


def main() -> None:
    """Measure the corpora asked for and write the table (markdown) and the figures (JSON)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpora", default=",".join(MEASURED))
    parser.add_argument("--root", type=Path, default=Path("/tmp/real-query-corpora"))
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/real-query-corpora-data"))
    parser.add_argument("--n-queries", type=int, default=50)
    parser.add_argument("--max-docs", type=int, default=100)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--real-from", type=Path, default=None,
                        help="reuse the real-query results of an earlier run's --root (same corpora)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    rows = []
    for name in args.corpora.split(","):
        rows.append(measure(name, args.root, args.data_dir, args.n_queries, args.max_docs, args.real_from))
        print(table(rows[-1:]).splitlines()[2], flush=True)  # noqa: T201
        for q in rows[-1]["generated"]["examples"]:
            print("   generated:", q, flush=True)  # noqa: T201
    text = table(rows)
    print(text)  # noqa: T201
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
        args.out.with_suffix(".json").write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
