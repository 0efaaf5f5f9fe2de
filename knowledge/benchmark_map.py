"""Map a domain, languages and document length to the published benchmarks that match them."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from knowledge.errors import KnowledgeDataError
from knowledge.languages import normalise_language

MAP_FILE = Path(__file__).parent / "data" / "benchmark_map.yaml"


class _LongDocuments(BaseModel):
    model_config = ConfigDict(extra="forbid")
    min_tokens: int
    benchmarks: list[str]


class BenchmarkMap(BaseModel):
    """The curated map (see ``data/benchmark_map.yaml``)."""

    model_config = ConfigDict(extra="forbid")

    source: str
    checked_on: object
    domains: dict[str, list[str]]
    languages: dict[str, list[str]]
    multilingual: list[str]
    european: list[str]
    long_documents: _LongDocuments
    default: list[str]

    def all_benchmarks(self) -> set[str]:
        """Every benchmark name the map mentions."""
        names = {b for bs in self.domains.values() for b in bs} | {b for bs in self.languages.values() for b in bs}
        return names | set(self.multilingual) | set(self.long_documents.benchmarks) | set(self.default)


class MatchedBenchmark(BaseModel):
    """A benchmark chosen for a profile, with the reason it was chosen."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    reason: str


@functools.cache
def load_map(path: Path = MAP_FILE) -> BenchmarkMap:
    """Read and validate the benchmark map."""
    try:
        return BenchmarkMap.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise KnowledgeDataError(f"{path}: {exc}") from exc


def match_benchmarks(
    domain: str = "general", languages: list[str] | None = None, doc_length_tokens: int | None = None
) -> list[MatchedBenchmark]:
    """Return the benchmarks that match a profile, most specific first (domain, language, length, default).

    Args:
        domain: general, legal, medical, finance, code, scientific, ecommerce, support or free text.
        languages: language names or codes; the first is taken as the main language.
        doc_length_tokens: typical document length in tokens.
    """
    bmap = load_map()
    codes = [normalise_language(lang, "languages").code for lang in languages or ["en"]]
    found: list[MatchedBenchmark] = []

    def add(names: list[str], reason: str) -> None:
        for name in names:
            if name not in {m.name for m in found}:
                found.append(MatchedBenchmark(name=name, reason=reason))

    add(bmap.domains.get(domain.lower(), []), f"domain {domain}")
    if len(set(codes)) > 1:
        multi = list(bmap.multilingual)
        if not set(codes) <= set(bmap.european):
            multi = [b for b in multi if b != "MTEB(Europe, v1)"]
        add(multi, f"several languages ({', '.join(dict.fromkeys(codes))})")
    for code in dict.fromkeys(codes):
        add(bmap.languages.get(code, []), f"language {code}")
    if doc_length_tokens is not None and doc_length_tokens >= bmap.long_documents.min_tokens:
        add(bmap.long_documents.benchmarks, f"documents of ~{doc_length_tokens} tokens")
    if not found or all(code != "eng" for code in codes) and not any(code in bmap.languages for code in codes):
        add(bmap.multilingual[:1], "no benchmark for this language; multilingual fallback")
    add(bmap.default, "general English default")
    return found
