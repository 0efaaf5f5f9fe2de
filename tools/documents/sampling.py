"""Sample a big corpus for a retrieval check: every judged document, each query's hard negatives, a random share.

Checking 100k+ documents on a laptop is not realistic. A sample that keeps, for every query, the documents a
lexical (BM25) and a cheap dense (static) model rank highest keeps the competition that decides nDCG@10; a random
share keeps the background. The full-corpus figure is estimated from how much BM25 loses between the sample and
the whole corpus (BM25 is cheap enough to run on both).
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from tools.documents.query_generation import corpus_seed, terms

HARD_NEGATIVES = 20
"""Per query and per model, the top-ranked documents kept."""


class BM25:
    """Okapi BM25 over :func:`terms` (k1 1.2, b 0.75), in memory: for sampling and for the full-corpus estimate."""

    def __init__(self, texts: dict[str, str], k1: float = 1.2, b: float = 0.75) -> None:
        """Index every text."""
        self.ids = list(texts)
        self.tf = [Counter(terms(texts[d])) for d in self.ids]
        lengths = np.array([sum(c.values()) for c in self.tf], dtype=np.float32)
        self.norm = k1 * (1 - b + b * lengths / max(1.0, float(lengths.mean())))
        self.k1 = k1
        df = Counter(t for c in self.tf for t in c)
        n = len(self.ids)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.postings: dict[str, list[int]] = {}
        for i, c in enumerate(self.tf):
            for t in c:
                self.postings.setdefault(t, []).append(i)

    def top(self, query: str, k: int) -> list[str]:
        """The ``k`` best document ids for ``query``."""
        scores: dict[int, float] = {}
        for t in set(terms(query)):
            for i in self.postings.get(t, ()):
                f = self.tf[i][t]
                scores[i] = scores.get(i, 0.0) + self.idf[t] * f * (self.k1 + 1) / (f + self.norm[i])
        best = sorted(scores, key=lambda i: (-scores[i], i))[:k]
        return [self.ids[i] for i in best]


def ndcg_at_10(ranking: list[str], relevant: dict[str, int]) -> float:
    """nDCG@10 of one ranking (graded gains, log2 discount)."""
    dcg = sum(relevant.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranking[:10]))
    ideal = sum(g / math.log2(i + 2) for i, g in enumerate(sorted(relevant.values(), reverse=True)[:10]))
    return dcg / ideal if ideal else 0.0


@dataclass
class Sample:
    """The kept document ids and what the sample is made of."""

    doc_ids: list[str]
    info: dict[str, Any] = field(default_factory=dict)


def sample_corpus(texts: dict[str, str], queries: dict[str, str], qrels: dict[str, dict[str, int]], max_docs: int,
                  dense_top: Callable[[list[str], int], list[list[str]]] | None = None, seed: int = 0) -> Sample:
    """Keep judged documents, each query's BM25 (and ``dense_top``) top documents, then random ones up to ``max_docs``.

    Args:
        texts: the whole corpus.
        queries: query id -> text.
        qrels: query id -> judged documents.
        max_docs: the sample's size.
        dense_top: optional ranking by a cheap dense model: (query texts, k) -> top document ids per query.
        seed: mixed with the document ids (the same corpus gives the same sample).
    """
    rng = random.Random(corpus_seed(list(texts), seed))
    judged = {d for rel in qrels.values() for d in rel if d in texts}
    bm25 = BM25(texts)
    qids = sorted(queries)
    lexical = {d for q in qids for d in bm25.top(queries[q], HARD_NEGATIVES)}
    dense = {d for row in dense_top([queries[q] for q in qids], HARD_NEGATIVES) for d in row} if dense_top else set()
    kept = set(judged)
    for group in (lexical, dense):
        for d in sorted(group - kept):
            if len(kept) >= max_docs:
                break
            kept.add(d)
    rest = sorted(set(texts) - kept)
    extra = rng.sample(rest, min(len(rest), max(0, max_docs - len(kept))))
    kept.update(extra)
    ids = [d for d in texts if d in kept]
    full = float(np.mean([ndcg_at_10(bm25.top(queries[q], 10), qrels[q]) for q in qids])) if qids else 0.0
    small = BM25({d: texts[d] for d in ids})
    sampled = float(np.mean([ndcg_at_10(small.top(queries[q], 10), qrels[q]) for q in qids])) if qids else 0.0
    info = {"n_docs_full": len(texts), "n_docs_sampled": len(ids), "judged": len(judged),
            "hard_negatives_bm25": len(lexical - judged), "hard_negatives_dense": len(dense - judged - lexical),
            "random": len(extra), "bm25_ndcg_full": full, "bm25_ndcg_sampled": sampled,
            "full_corpus_factor": full / sampled if sampled else 1.0,
            "method": f"kept every judged document, each query's top {HARD_NEGATIVES} by BM25"
                      + (" and by the static model" if dense_top else "") + ", and a random share; full-corpus "
                      "figures are estimated by scaling with BM25's nDCG@10 on the full corpus over the sample's"}
    return Sample(ids, info)
