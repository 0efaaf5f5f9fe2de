"""Child process of `make bench`: a check on a few hundred long, real documents (man pages) with four candidates.

The corpus is built at bench time from the English man pages on this machine (rendered with ``man``): every page
of at least ``MIN_WORDS`` words, in name order, up to ``N_DOCS``; the query is the page's one-line NAME summary
(what a person types when looking for the tool), the document is the rest of the page. Measured: the check's wall
time with minilm, static, bm25 and hybrid over encode-only time of the two encoders on the same chunks and
queries, each candidate's search p95 per query at this corpus size (the query's encoding timed apart), the batched
search of all queries, and the process's peak memory.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

MAN_DIRS = [Path("/usr/share/man/man1"), Path("/usr/share/man/man8")]
N_DOCS = int(os.environ.get("BENCH_LONG_DOCS", "300"))
MIN_WORDS = 1500
MIN_GZ_BYTES = 6000  # a cheap pre-filter before rendering: smaller pages are never 1,500 words
CANDIDATES = ["minilm", "static", "bm25", "hybrid"]


def render(path: Path) -> str:
    """The page as a reader sees it (``man`` at 100 columns, overstrikes removed)."""
    out = subprocess.run(["man", "-l", str(path)], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "MANWIDTH": "100", "MAN_KEEP_FORMATTING": "0"})
    return re.sub(r".\x08", "", out.stdout)


def split_page(text: str) -> tuple[str, str] | None:
    """(NAME summary, the rest of the page) or None when the page has no usable NAME line."""
    m = re.search(r"^NAME\s*\n(.+?)\n\s*\n", text, flags=re.M | re.S)
    if not m:
        return None
    name_line = " ".join(m.group(1).split())
    summary = name_line.split(" - ", 1)[1].strip() if " - " in name_line else ""
    if len(summary.split()) < 3:
        return None
    return summary, text[m.end():].strip()


def add_page(docs: dict[str, tuple[str, str]], seen: set[str], path: Path, text: str) -> None:
    """Keep a rendered page if it is long, has a NAME summary no other page has, and is not an include (.so)."""
    parts = split_page(text)
    if parts is None or len(parts[1].split()) < MIN_WORDS or parts[0].lower() in seen:
        return
    with gzip.open(path, "rt", errors="replace") as fh:
        if fh.read(200).lstrip().startswith(".so "):
            return
    seen.add(parts[0].lower())
    docs[path.name.split(".")[0]] = parts


def build_corpus(folder: Path) -> int:
    """Write the BEIR layout (corpus.jsonl, queries.jsonl, qrels/test.tsv); returns the number of documents."""
    pages = sorted((p for d in MAN_DIRS for p in d.glob("*.gz")
                    if not p.is_symlink() and p.stat().st_size >= MIN_GZ_BYTES), key=lambda p: p.name)
    docs: dict[str, tuple[str, str]] = {}
    seen_summaries: set[str] = set()
    with ThreadPoolExecutor(max_workers=2) as pool:
        for start in range(0, len(pages), 64):  # render in slices: stop as soon as there are enough pages
            if len(docs) >= N_DOCS:
                break
            for path, text in zip(pages[start:start + 64], pool.map(render, pages[start:start + 64]), strict=True):
                add_page(docs, seen_summaries, path, text)
    docs = dict(list(docs.items())[:N_DOCS])
    folder.mkdir(parents=True)
    (folder / "qrels").mkdir()
    with (folder / "corpus.jsonl").open("w") as c, (folder / "queries.jsonl").open("w") as q, \
            (folder / "qrels" / "test.tsv").open("w") as r:
        r.write("query-id\tcorpus-id\tscore\n")
        for i, (doc_id, (summary, body)) in enumerate(docs.items()):
            c.write(json.dumps({"_id": doc_id, "title": "", "text": body}) + "\n")
            q.write(json.dumps({"_id": f"q{i}", "text": summary}) + "\n")
            r.write(f"q{i}\t{doc_id}\t1\n")
    return len(docs)


def encode_only_seconds(corpus_dir: Path, data_dir: Path, overlap: float) -> tuple[float, int]:
    """Encode-only time of minilm and static on exactly the chunks and queries the check encodes, as it encodes them
    (a multi-process CPU pool where ADVISOR_ENCODE_PROCESSES=auto starts one, its start included)."""
    from tools.documents.corpus import load_corpus
    from tools.documents.token_windows import offsets_function, split_documents, window_size
    from tools.encoders.candidates import load_encoder
    from tools.encoders.process_pool import stop_pools

    corpus = load_corpus(corpus_dir)
    texts = {d: corpus.text(d) for d in corpus.docs}
    queries = [corpus.queries[q] for q in sorted(corpus.queries)]
    total, n_chunks = 0.0, 0
    for spec in ("minilm", "static"):
        encoder = load_encoder(spec, data_dir / "models")
        offsets, _ = offsets_function(encoder.handle)
        chunks, _ = split_documents(texts, offsets, window_size(encoder.max_tokens), overlap)
        chunk_texts = [encoder.document_prefix + c.text for c in chunks]
        start = time.perf_counter()
        encoder.plan([c.text for c in chunks])  # the product's encoding: a CPU pool where it starts one
        encoder.encode_fn(chunk_texts)
        encoder.encode_fn([encoder.query_prefix + t for t in queries])
        total += time.perf_counter() - start
        stop_pools()  # the check starts (and pays for) its own
        n_chunks = max(n_chunks, len(chunks))
    return total, n_chunks


def latency_p95(results: dict) -> dict[str, dict[str, float | None]]:
    """Each candidate's single-query p95 (ms) from results.json: the search alone and the query's encoding apart."""
    out: dict[str, dict[str, float | None]] = {}
    for name, figures in results.get("models", {}).items():
        latency = figures.get("latency") if isinstance(figures, dict) else None
        if isinstance(latency, dict) and "p95_ms" in latency:
            search = latency.get("search") or {}
            encode = latency.get("encode") or {}
            out[name] = {"search": float(search.get("p95_ms", latency["p95_ms"])),
                         "encode": float(encode["p95_ms"]) if "p95_ms" in encode else None}
    return out


def main() -> None:
    from tools.encoders.models import load_static
    from tools.evaluation.retrieval_check import EvalRequest, Evaluation

    with tempfile.TemporaryDirectory(prefix="advisor-longdocs-") as tmp:
        root = Path(tmp)
        n_docs = build_corpus(root / "corpus")
        load_static(root / "data" / "models")  # the static model is distilled once, outside the timings
        request = EvalRequest(corpus=root / "corpus", models=CANDIDATES, out_dir=root / "out", data_dir=root / "data")
        encode_s, n_chunks = encode_only_seconds(root / "corpus", root / "data-encode", request.overlap)
        start = time.perf_counter()
        Evaluation(request).run()
        evaluate_s = time.perf_counter() - start
        results = json.loads((root / "out" / "results.json").read_text(encoding="utf-8"))
    print(json.dumps({"n_docs": n_docs, "n_chunks": n_chunks, "evaluate_s": evaluate_s, "encode_only_s": encode_s,
                      "p95_ms": latency_p95(results),
                      "batched_search_s": {n: f["batched"]["search_s"] for n, f in results["models"].items()
                                           if f.get("status") == "ok"},
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


if __name__ == "__main__":
    main()
