"""nDCG@10 of the product's lexical (and hybrid) candidates against a character-bigram BM25, per language.

Corpora are real text with real one-line queries built on this machine (bench/real_corpora.py): man pages, and
translated Debian package descriptions when ``--debian-lists DIR`` holds apt's Translation-<lang> lists.

    python bench/lexical_languages.py --models bm25,hybrid:minilm --out /tmp/lexical.json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from real_corpora import DEBIAN_LANGS, RealCorpus, bigram_bm25_runs, debian_corpus, man_corpus  # noqa: E402

from tools.evaluation import metrics as rm  # noqa: E402
from tools.evaluation.retrieval_check import EvalRequest, run_retrieval_check  # noqa: E402


def corpora(langs: list[str], debian: Path | None, en_docs: int) -> list[RealCorpus]:
    out = []
    for lang in langs:
        out.append(man_corpus(lang, max_docs=en_docs if lang == "en" else None))
        if debian is not None and lang in DEBIAN_LANGS:
            found = debian_corpus(lang, debian)
            if found is not None:
                out.append(found)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--langs", default="ja,zh,ko,de,fr,ru,it,pl,pt,nl,sv,es,uk,en")
    parser.add_argument("--models", default="bm25")
    parser.add_argument("--debian-lists", type=Path, default=None)
    parser.add_argument("--en-docs", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for corpus in corpora(args.langs.split(","), args.debian_lists, args.en_docs):
            folder = corpus.write_beir(Path(tmp) / corpus.name)
            ref = rm.evaluate_runs(bigram_bm25_runs(corpus.docs, corpus.queries), corpus.qrels)
            row = {"corpus": corpus.name, "docs": len(corpus.docs), "queries": len(corpus.queries),
                   "bigram_bm25": sum(v["ndcg_at_10"] for v in ref.values()) / len(ref)}
            start = time.perf_counter()
            request = EvalRequest(corpus=folder, models=args.models.split(","), out_dir=Path(tmp) / "out",
                                  data_dir=Path(tmp) / "data")
            results = run_retrieval_check(request)
            row["seconds"] = time.perf_counter() - start
            row["languages"] = results["run"]["languages"]
            for spec, f in results["models"].items():
                row[spec] = f["metrics"]["ndcg_at_10"]["mean"] if f["status"] == "ok" else f["error"]
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
    if args.out:
        args.out.write_text(json.dumps(rows, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
