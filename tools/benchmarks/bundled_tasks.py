"""The bundled mini-benchmarks (knowledge/benchmarks/*) as MTEB custom retrieval tasks, and suites of them."""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from knowledge.errors import KnowledgeDataError, UnknownTaskError
from knowledge.languages import normalise_language

if TYPE_CHECKING:
    from mteb.abstasks.retrieval import AbsTaskRetrieval
    from mteb.abstasks.retrieval_dataset_loaders import RetrievalSplitData
    from mteb.abstasks.task_metadata import TaskDomain

BENCHMARKS_DIR = Path(__file__).resolve().parents[2] / "knowledge" / "benchmarks"
LONG_DOC_TOKENS = 2048
"""Documents at least this long make the profile a long-document one (as in knowledge/data/benchmark_map.yaml)."""

# Each suite lists its tasks most specific first: a smaller plan under a time budget keeps the head of the list.
SUITES: dict[str, tuple[str, ...]] = {
    "quick-general": ("ea-general-en",),
    "quick-legal": ("ea-legal-en", "ea-general-en"),
    "quick-medical": ("ea-medical-en", "ea-general-en"),
    "quick-code": ("ea-code-search", "ea-general-en"),
    "quick-zh": ("ea-general-zh", "ea-crosslingual"),
    "quick-multilingual": ("ea-crosslingual", "ea-general-zh", "ea-general-en"),
    "quick-long": ("ea-long-docs", "ea-general-en"),
    "quick-all": ("ea-general-en", "ea-legal-en", "ea-medical-en", "ea-code-search", "ea-general-zh",
                  "ea-crosslingual", "ea-long-docs"),
}
# The published benchmark each bundled task stands in for (the leaderboard-transfer check compares with its ranking).
TASK_BENCHMARKS: dict[str, str] = {
    "ea-general-en": "MTEB(eng, v2)",
    "ea-legal-en": "MTEB(Law, v1)",
    "ea-medical-en": "MTEB(Medical, v1)",
    "ea-code-search": "MTEB(Code, v1)",
    "ea-general-zh": "MTEB(cmn, v1)",
    "ea-crosslingual": "MTEB(Multilingual, v2)",
    "ea-long-docs": "LongEmbed",
}
_DOMAIN_SUITES = {"legal": "quick-legal", "medical": "quick-medical", "code": "quick-code"}
_MTEB_DOMAINS: dict[str, list[TaskDomain]] = {
    "general": ["Encyclopaedic", "Web"], "legal": ["Legal"], "medical": ["Medical"],
    "code": ["Programming"], "multilingual": ["Non-fiction"], "long": ["Non-fiction"]}


class BundledTaskSpec(BaseModel):
    """The fields of a bundled ``task.yaml`` this module relies on (the files carry more, kept as documentation)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    name: str = Field(pattern=r"^ea-[a-z0-9-]+$")
    description: str = Field(min_length=10)
    type: str = Field(pattern="^Retrieval$")
    main_score: str
    domain: str
    license: str
    built: str
    n_docs: int = Field(gt=0)
    n_queries: int = Field(gt=0)
    n_qrels: int = Field(gt=0)
    eval_langs: list[str] = Field(min_length=1)
    eval_splits: list[str] = ["test"]

    @model_validator(mode="before")
    @classmethod
    def _aliases(cls, data: Any) -> Any:
        # Some task.yaml files say `languages` / `split` instead of mteb's `eval_langs` / `eval_splits`.
        if isinstance(data, dict):
            data = dict(data)
            if "eval_langs" not in data and "languages" in data:
                data["eval_langs"] = data["languages"]
            if "eval_splits" not in data and "split" in data:
                data["eval_splits"] = [data["split"]]
        return data


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _read_qrels(path: Path) -> dict[str, dict[str, int]]:
    qrels: dict[str, dict[str, int]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if n == 0 and line.startswith("query-id"):
            continue
        if line.strip():
            query_id, doc_id, score = line.split("\t")
            qrels.setdefault(query_id, {})[doc_id] = int(score)
    return qrels


def _folder(name: str) -> Path:
    folder = BENCHMARKS_DIR / name
    if not (folder / "task.yaml").exists():
        raise UnknownTaskError("bundled task", name, bundled_task_names(), SUITES)
    return folder


@functools.cache
def bundled_task_names() -> list[str]:
    """Names of the bundled mini-benchmarks (folders of knowledge/benchmarks with a task.yaml)."""
    return sorted(p.parent.name for p in BENCHMARKS_DIR.glob("*/task.yaml"))


@functools.cache
def bundled_spec(name: str) -> BundledTaskSpec:
    """The validated ``task.yaml`` of one bundled task.

    Raises:
        UnknownTaskError: No bundled task has that name.
        KnowledgeDataError: The task.yaml is malformed; the message names the file and the field.
    """
    path = _folder(name) / "task.yaml"
    try:
        return BundledTaskSpec.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise KnowledgeDataError(f"{path}: {exc}") from exc


@functools.cache
def bundled_data(name: str) -> dict[str, Any]:
    """Corpus (``{id: {"title", "text"}}``), queries (``{id: text}``) and qrels of one bundled task, and its revision.

    The revision is a hash of the three files, so mteb's result cache never mixes scores of two versions of the data.
    """
    folder = _folder(name)
    files = [folder / "corpus.jsonl", folder / "queries.jsonl", folder / "qrels" / "test.tsv"]
    digest = hashlib.blake2b(digest_size=8)
    for path in files:
        digest.update(path.read_bytes())
    corpus = {row["_id"]: {"title": row.get("title") or "", "text": row["text"]} for row in _read_jsonl(files[0])}
    queries = {row["_id"]: row["text"] for row in _read_jsonl(files[1])}
    return {"corpus": corpus, "queries": queries, "qrels": _read_qrels(files[2]), "revision": digest.hexdigest()}


def document_text(doc: dict[str, str]) -> str:
    """A document as mteb hands it to a model: title and text joined by a space (mteb's own convention)."""
    return f"{doc['title']} {doc['text']}".strip() if doc.get("title") else doc["text"]


@functools.cache
def bundled_task_class(name: str) -> type[AbsTaskRetrieval]:
    """The ``AbsTaskRetrieval`` subclass of one bundled task, built from its task.yaml (mteb imported here)."""
    from datasets import Dataset
    from mteb.abstasks.retrieval import AbsTaskRetrieval
    from mteb.abstasks.task_metadata import TaskMetadata

    spec = bundled_spec(name)
    revision = bundled_data(name)["revision"]
    metadata = TaskMetadata(
        name=name,
        description=spec.description,
        reference="https://github.com/embedding-advisor/embedding-advisor/tree/main/knowledge/benchmarks/" + name,
        dataset={"path": f"embedding-advisor/{name}", "revision": revision},
        type="Retrieval",
        category="t2t",
        modalities=["text"],
        eval_splits=spec.eval_splits,
        eval_langs=spec.eval_langs,
        main_score=spec.main_score,
        date=("2026-11-01", "2026-11-24"),
        domains=_MTEB_DOMAINS.get(spec.domain, ["Non-fiction"]) + ["Written"],
        task_subtypes=[],
        license=spec.license.lower(),
        annotations_creators="expert-annotated",
        dialect=[],
        sample_creation="created",
        bibtex_citation="",
    )

    def load_data(self: AbsTaskRetrieval, num_proc: int | None = None, **kwargs: Any) -> None:
        if self.data_loaded:
            return
        data = bundled_data(name)
        corpus = Dataset.from_list([{"id": doc_id, "title": doc["title"], "text": doc["text"]}
                                    for doc_id, doc in data["corpus"].items()])
        queries = Dataset.from_list([{"id": qid, "text": text} for qid, text in data["queries"].items()])
        split: RetrievalSplitData = {"corpus": corpus, "queries": queries, "relevant_docs": data["qrels"],
                                     "top_ranked": None}
        self.dataset = {"default": {s: split.copy() for s in spec.eval_splits}}
        self.data_loaded = True

    class_name = "".join(part.capitalize() for part in name.split("-")) + "Retrieval"
    return type(class_name, (AbsTaskRetrieval,), {"metadata": metadata, "load_data": load_data,
                                                   "__doc__": f"Bundled mini-benchmark {name}: {spec.description}"})


def bundled_task(name: str) -> AbsTaskRetrieval:
    """A fresh instance of one bundled task."""
    return bundled_task_class(name)()


def get_task(name: str) -> AbsTaskRetrieval | Any:
    """A bundled task by name, else a real MTEB task by name (its metadata is offline; its data may not be).

    Raises:
        UnknownTaskError: Neither bundled nor known to mteb; the message lists close names.
    """
    if name in bundled_task_names():
        return bundled_task(name)
    import mteb

    try:
        return mteb.get_task(name)
    except KeyError as exc:
        names = bundled_task_names() + [t.metadata.name for t in mteb.get_tasks()]
        raise UnknownTaskError("task", name, names, SUITES) from exc


def suite_tasks(suite: str) -> list[str]:
    """The task names of a suite.

    Raises:
        UnknownTaskError: Not a suite name.
    """
    if suite not in SUITES:
        raise UnknownTaskError("suite", suite, list(SUITES), SUITES)
    return list(SUITES[suite])


def suite_benchmark(suite: str) -> str:
    """The published benchmark a suite is compared with: the one its first (most specific) task stands in for."""
    return TASK_BENCHMARKS[suite_tasks(suite)[0]]


def suite_for_profile(domain: str = "general", languages: list[str] | None = None,
                      doc_length_tokens: int | None = None) -> dict[str, Any]:
    """Pick the bundled suite that matches a requirement profile's domain, languages and document length.

    Languages decide first (no bundled task is both non-English and domain-specific), then the domain, then
    document length; the answer names what it could not cover.

    Args:
        domain: The profile's domain (general, legal, medical, code, ...).
        languages: Language names or codes; default English.
        doc_length_tokens: Typical document length in tokens.

    Returns:
        ``{"suite", "tasks", "reason", "not_covered"}``.
    """
    codes = {normalise_language(lang, "languages").code for lang in languages or ["en"]}
    domain = (domain or "general").lower()
    long_docs = doc_length_tokens is not None and doc_length_tokens >= LONG_DOC_TOKENS
    not_covered: list[str] = []
    if codes != {"eng"}:
        suite = "quick-zh" if codes == {"zho"} else "quick-multilingual"
        reason = f"languages {', '.join(sorted(codes))}"
        if domain in _DOMAIN_SUITES:
            not_covered.append(f"domain {domain}: the bundled {domain} task is English only")
        if long_docs:
            not_covered.append("long documents: the bundled long-document task is English only")
        uncovered = codes - {"eng", "zho", "spa", "deu", "fra", "jpn"}
        if uncovered:
            not_covered.append(f"languages without bundled data: {', '.join(sorted(uncovered))}")
    elif domain in _DOMAIN_SUITES:
        suite, reason = _DOMAIN_SUITES[domain], f"domain {domain}"
        if long_docs:
            not_covered.append(f"long documents ({doc_length_tokens} tokens): run quick-long as well")
    elif long_docs:
        suite, reason = "quick-long", f"documents of {doc_length_tokens} tokens (>= {LONG_DOC_TOKENS})"
    else:
        suite, reason = "quick-general", "English, general domain"
        if domain != "general":
            not_covered.append(f"domain {domain}: no bundled task, the general English task stands in")
    return {"suite": suite, "tasks": list(SUITES[suite]), "reason": reason, "not_covered": not_covered}
