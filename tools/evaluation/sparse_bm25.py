"""BM25 as sparse vectors computed on the client with corpus-wide statistics, for any Milvus to search by IP.

A document's vector holds, per term, idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl)); a query's holds its
term counts, as Milvus's BM25 function makes them, for analyzers a Milvus server has; for an analyzer only the client
runs (Chinese bigrams) each distinct term counts once (a one-line query repeats a bigram like "一种" by accident).
Their inner product is the document's BM25 score (Milvus's and Lucene's formula and defaults). Each text
is tokenized by the analyzer of its language among the corpus' analysis languages (the first is the default), the way
a Milvus multi-language analyzer picks one by a language field.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from knowledge.analyzers import analyzer
from tools.evaluation.tokenizers import route, tokenizer_for

K1 = 1.2
B = 0.75
EMPTY_TERM = 4_294_967_294  # Milvus refuses an all-zero sparse vector: a text without terms holds this unused term
EMPTY_WEIGHT = 1e-6


@dataclass
class ClientBM25:
    """Term ids, document frequencies and the average length of one corpus, analyzed for ``analysis``."""

    analysis: list[str] = field(default_factory=lambda: ["eng"])
    vocabulary: dict[str, int] = field(default_factory=dict)
    df: Counter = field(default_factory=Counter)
    n_docs: int = 0
    avgdl: float = 0.0
    languages: Counter = field(default_factory=Counter)
    _docs: list[Counter] = field(default_factory=list, repr=False)

    def tokens(self, text: str, language: str | None = None) -> list[str]:
        """``text``'s terms by the analyzer of its language (routed among ``analysis`` unless given)."""
        return tokenizer_for(language or route(text, self.analysis))(text)

    def fit(self, texts: Sequence[str]) -> list[dict[int, float]]:
        """Learn the corpus statistics from ``texts`` and return their document vectors."""
        langs = [route(t, self.analysis) for t in texts]
        self.languages = Counter(langs)
        self._docs = [Counter(self.tokens(t, lang)) for t, lang in zip(texts, langs, strict=True)]
        self.n_docs = len(texts)
        self.avgdl = sum(sum(tf.values()) for tf in self._docs) / max(1, self.n_docs)
        self.df = Counter(term for tf in self._docs for term in tf)
        for term in self.df:
            self.vocabulary.setdefault(term, len(self.vocabulary))
        vectors = [self._document(tf) for tf in self._docs]
        self._docs = []
        return vectors

    def idf(self, term: str) -> float:
        """Lucene's (and Milvus's) BM25 idf."""
        n = self.df.get(term, 0)
        return math.log(1 + (self.n_docs - n + 0.5) / (n + 0.5))

    def _document(self, tf: Counter) -> dict[int, float]:
        if not tf:
            return {EMPTY_TERM: EMPTY_WEIGHT}
        length = sum(tf.values())
        norm = K1 * (1 - B + B * length / self.avgdl) if self.avgdl else K1
        return {self.vocabulary[t]: self.idf(t) * n * (K1 + 1) / (n + norm) for t, n in tf.items()}

    def query(self, text: str) -> dict[int, float]:
        """A query's sparse vector over its known terms (unknown terms score nothing anywhere)."""
        language = route(text, self.analysis)
        counts = Counter(t for t in self.tokens(text, language) if t in self.vocabulary)
        distinct = analyzer(language).milvus is None  # a client-only analyzer: each term once
        return {self.vocabulary[t]: 1.0 if distinct else float(n) for t, n in counts.items()}
