"""BM25 analyzers per language: the Milvus server's analyzer, Lite's support for it, and its client-side twin."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from knowledge.curated import DATA_DIR, load_yaml

ANALYZERS_FILE = DATA_DIR / "analyzers.yaml"
ClientTokenizer = Literal["lindera:ipadic", "lindera:ko-dic", "jieba:search", "cjk:bigram", "pythainlp:newmm", "words"]
STEMMERS = ("arabic", "danish", "dutch", "english", "finnish", "french", "german", "greek", "hungarian", "italian",
            "norwegian", "portuguese", "romanian", "russian", "spanish", "swedish", "tamil", "turkish")


class Analyzer(BaseModel):
    """One language's analyzer on a Milvus server and the tokenizer that reproduces it on the client."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    language: str = Field(pattern=r"^([a-z]{3}|default)$")
    name: str = Field(min_length=2)
    milvus: dict[str, Any] | None  # None: no server analyzer does this; the client computes BM25 on any Milvus
    lite_native: bool
    segmenting: bool = False
    client: ClientTokenizer
    stemmer: Literal[STEMMERS] | None = None  # type: ignore[valid-type]
    stop_words: Literal["english"] | None = None
    exact: bool
    note: str | None = None
    source: str = Field(min_length=4)


class _AnalyzersFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str
    checked_on: dt.date
    analyzers: list[Analyzer]


@functools.cache
def _bundled() -> dict[str, Analyzer]:
    return load_analyzers(ANALYZERS_FILE)


def load_analyzers(path: Path) -> dict[str, Analyzer]:
    """The analyzers of ``path`` by ISO 639-3 code (``default`` for every other language)."""
    table = {a.language: a for a in load_yaml(path, _AnalyzersFile).analyzers}
    if "default" not in table:
        from knowledge.errors import KnowledgeDataError

        raise KnowledgeDataError(f"{path}: analyzers: no `default` entry for languages without their own analyzer")
    return table


def analysis_languages(shares: dict[str, float], segmented_share: float = 0.05) -> list[str]:
    """The languages that get their own analyzer, the default (most common) first.

    A corpus with CJK or Thai text (``segmented_share`` of it or more) is analyzed by those languages' segmenting
    analyzers only: they keep Latin words whole, whereas a Latin analyzer would leave a CJK sentence as one token,
    and mixing a stemming analyzer into a CJK corpus makes the same English word differ between documents.
    An alphabetic corpus gets one analyzer, its most common language's, for every text: a multi-language analyzer
    (one analyzer per document, picked by its language) analyzes a query by the query's language, so an English
    word of an untranslated page and the same word in a translated query stem differently; on the man pages of
    this machine that cost nDCG@10 0.11 in Russian, 0.11 in Italian and 0.02 in Swedish (bench/lexical_results.md).
    A profile's language list counts as equal shares, the first language first.
    """
    ranked = sorted((lang for lang in shares if lang != "und"), key=lambda lang: -shares[lang])
    segmented = [lang for lang in ranked if analyzer(lang).segmenting and shares[lang] >= segmented_share]
    if segmented:
        return segmented
    return ranked[:1] or ["eng"]


def client_side(languages: list[str]) -> bool:
    """Whether BM25 for ``languages`` is computed by the client on every Milvus (an analyzer no server has)."""
    return any(analyzer(lang).milvus is None for lang in languages)


def analyzer(language: str) -> Analyzer:
    """The analyzer for an ISO 639-3 code; languages without their own get the standard analyzer."""
    table = _bundled()
    return table.get(language, table["default"])
