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


class EvidencePlan(BaseModel):
    """Candidate boards for one consultation, in order of preference (tools.rank.evidence picks among them)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    languages: list[str]
    primary: list[tuple[list[str], str]]
    """Groups of boards with the reason template (``{name}`` filled in) that explains the choice."""
    domain: list[str]
    long: list[str]


def _multilingual(bmap: BenchmarkMap, codes: list[str]) -> list[str]:
    multi = list(bmap.multilingual)
    if not set(codes) <= set(bmap.european):
        multi = [b for b in multi if b != "MTEB(Europe, v1)"]
    return multi


def evidence_candidates(domain: str = "general", languages: list[str] | None = None,
                        doc_length_tokens: int | None = None) -> EvidencePlan:
    """The boards that could carry a consultation, language first.

    English-only text: the domain's boards, then English MTEB. One other language: that language's benchmarks,
    then the multilingual ones restricted to its subsets. Several languages: the multilingual benchmarks restricted
    to their subsets. The domain's boards and LongEmbed (long documents) are listed apart, as separate factors.

    Args:
        domain: general, legal, medical, finance, code, scientific, ecommerce, support or free text.
        languages: language names or codes.
        doc_length_tokens: typical document length in tokens.
    """
    bmap = load_map()
    codes = list(dict.fromkeys(normalise_language(lang, "languages").code for lang in languages or ["en"]))
    domain_boards = list(bmap.domains.get(domain.lower(), []))
    primary: list[tuple[list[str], str]] = []
    if codes == ["eng"]:
        if domain_boards:
            primary.append((domain_boards, f"English {domain} text: the domain board {{name}}, English tasks"))
        primary.append((bmap.languages["eng"], "English text: {name}"))
    elif len(codes) == 1:
        code = codes[0]
        primary.append((bmap.languages.get(code, []), f"language {code}: its own benchmark {{name}}"))
        primary.append((_multilingual(bmap, codes), f"{{name}} restricted to its {code} subsets"))
    else:
        primary.append((_multilingual(bmap, codes), f"several languages: {{name}} restricted to its "
                                                     f"{', '.join(codes)} subsets"))
    long = list(bmap.long_documents.benchmarks) if (doc_length_tokens or 0) >= bmap.long_documents.min_tokens else []
    return EvidencePlan(languages=codes, primary=primary, domain=domain_boards, long=long)


def match_benchmarks(
    domain: str = "general", languages: list[str] | None = None, doc_length_tokens: int | None = None
) -> list[MatchedBenchmark]:
    """Return the benchmarks that match a profile, language first (language, domain, length, default).

    English-only profiles list the domain's boards first; other languages list their own benchmarks (or the
    multilingual ones) before any domain board, which are mostly English.

    Args:
        domain: general, legal, medical, finance, code, scientific, ecommerce, support or free text.
        languages: language names or codes; the first is taken as the main language.
        doc_length_tokens: typical document length in tokens.
    """
    plan = evidence_candidates(domain, languages, doc_length_tokens)
    found: list[MatchedBenchmark] = []

    def add(names: list[str], reason: str) -> None:
        for name in names:
            if name not in {m.name for m in found}:
                found.append(MatchedBenchmark(name=name, reason=reason.format(name=name)))

    for names, reason in plan.primary:
        add(names, reason)
    add(plan.domain, f"domain {domain}")
    add(plan.long, f"documents of ~{doc_length_tokens} tokens")
    add(load_map().default, "general English default")
    return found
