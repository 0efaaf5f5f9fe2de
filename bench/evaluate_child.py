"""Child process of `make bench`: evaluate on 2,000 chunks + 200 queries with MiniLM against its references.

(a) evaluate wall time / SentenceTransformer.encode alone on the same texts, (b) a cached second run / the
first, (c) evaluate / sentence-transformers' InformationRetrievalEvaluator and / mteb.evaluate on the same data.
"""

from __future__ import annotations

import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

N_DOCS = 2000
N_QUERIES = 200


def build_corpus(folder: Path, seed: int = 3) -> None:
    """2,000 one-chunk documents mixed from the bundled English sets' sentences; queries from their sentences."""
    rng = random.Random(seed)
    sentences = []
    for task in ("ea-general-en", "ea-legal-en", "ea-medical-en", "ea-long-docs"):
        for line in (REPO / "knowledge" / "benchmarks" / task / "corpus.jsonl").read_text().splitlines():
            sentences += [s for s in re.split(r"(?<=[.!?])\s+", json.loads(line)["text"]) if 6 <= len(s.split()) <= 40]
    docs = {f"d{i}": " ".join(rng.sample(sentences, 5)) for i in range(N_DOCS)}
    folder.mkdir(parents=True)
    (folder / "qrels").mkdir()
    with (folder / "corpus.jsonl").open("w") as fh:
        for doc_id, text in docs.items():
            fh.write(json.dumps({"_id": doc_id, "title": "", "text": text}) + "\n")
    targets = rng.sample(sorted(docs), N_QUERIES)
    with (folder / "queries.jsonl").open("w") as q, (folder / "qrels" / "test.tsv").open("w") as r:
        r.write("query-id\tcorpus-id\tscore\n")
        for i, doc_id in enumerate(targets):
            words = re.findall(r"[A-Za-z]{4,}", docs[doc_id])
            q.write(json.dumps({"_id": f"q{i}", "text": " ".join(rng.sample(words, min(6, len(words))))}) + "\n")
            r.write(f"q{i}\t{doc_id}\t1\n")


def mteb_seconds(folder: Path, model) -> float:
    import mteb
    from mteb.abstasks.retrieval import AbsTaskRetrieval
    from mteb.abstasks.task_metadata import TaskMetadata

    from tools.documents.corpus import load_corpus

    corpus = load_corpus(folder)

    class BenchTask(AbsTaskRetrieval):
        metadata = TaskMetadata(
            name="EAEvalBench", description="bench corpus", reference=None, type="Retrieval", category="t2t",
            modalities=["text"], eval_splits=["test"], eval_langs=["eng-Latn"], main_score="ndcg_at_10",
            dataset={"path": "embedding-advisor/bench", "revision": "1"}, date=None, domains=None,
            task_subtypes=None, license=None, annotations_creators=None, dialect=None, sample_creation=None,
            bibtex_citation="")

        def load_data(self, **kwargs) -> None:
            from datasets import Dataset

            self.dataset = {"default": {"test": {
                "corpus": Dataset.from_list([{"id": d, "title": "", "text": t} for d, t in corpus.docs.items()]),
                "queries": Dataset.from_list([{"id": q, "text": t} for q, t in corpus.queries.items()]),
                "relevant_docs": corpus.qrels, "top_ranked": None}}}
            self.data_loaded = True

    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as cache:
        mteb.evaluate(model, [BenchTask()], cache=mteb.cache.ResultCache(cache), overwrite_strategy="always",
                      show_progress_bar=False)
    return time.perf_counter() - start


def main() -> None:
    from sentence_transformers.evaluation import InformationRetrievalEvaluator

    from tools.documents.corpus import load_corpus
    from tools.encoders.models import load_minilm
    from tools.evaluation.retrieval_check import EvalRequest, Evaluation

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        build_corpus(root / "corpus")
        corpus = load_corpus(root / "corpus")
        encoder = load_minilm()  # loaded once: every measurement below starts with the model in memory
        model = encoder.handle
        texts = [corpus.text(d) for d in corpus.docs]
        start = time.perf_counter()
        model.encode(texts, batch_size=32, show_progress_bar=False)
        model.encode([corpus.queries[q] for q in sorted(corpus.queries)], batch_size=32, show_progress_bar=False)
        encode_only = time.perf_counter() - start

        def run(data: Path) -> float:
            start = time.perf_counter()
            Evaluation(EvalRequest(corpus=root / "corpus", models=["minilm"], out_dir=root / "out",
                                   data_dir=data)).run()
            return time.perf_counter() - start

        first = run(root / "data")
        second = run(root / "data")
        ire = InformationRetrievalEvaluator(queries=corpus.queries, corpus={d: corpus.text(d) for d in corpus.docs},
                                            relevant_docs={q: set(r) for q, r in corpus.qrels.items()},
                                            show_progress_bar=False)
        start = time.perf_counter()
        ire(model)
        ire_seconds = time.perf_counter() - start
        mteb_s = mteb_seconds(root / "corpus", model)
    print(json.dumps({"encode_only_s": encode_only, "evaluate_s": first, "cached_evaluate_s": second,
                      "ire_s": ire_seconds, "mteb_s": mteb_s, "n_docs": N_DOCS, "n_queries": N_QUERIES}))


if __name__ == "__main__":
    main()
