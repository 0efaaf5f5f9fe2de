"""Read a user's corpus (folder or files of many formats, or the BEIR layout), queries and relevance judgements."""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.errors import InputFileError
from tools.documents.file_readers import DOC_SUFFIXES, MAX_FILE_BYTES, csv_dialect, decode_text, read_file

__all__ = ["DOC_SUFFIXES", "MAX_FILE_BYTES", "Corpus", "load_corpus", "read_file"]
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
logger = logging.getLogger(__name__)


@dataclass
class Corpus:
    """Documents by id, plus optional queries and judgements, and what went wrong reading them."""

    docs: dict[str, str]
    titles: dict[str, str] = field(default_factory=dict)
    queries: dict[str, str] = field(default_factory=dict)
    qrels: dict[str, dict[str, int]] = field(default_factory=dict)
    source: str = ""
    skipped: list[str] = field(default_factory=list)
    """Files and rows left out (unsupported, unreadable, empty, duplicate), each with the reason."""

    def text(self, doc_id: str) -> str:
        """Title and body as one text, as retrieval models see it."""
        title = self.titles.get(doc_id, "")
        return f"{title}\n{self.docs[doc_id]}" if title else self.docs[doc_id]


def _shown(path: Path, corpus: Path) -> str:
    """A queries or qrels file as messages name it: relative to a BEIR folder it lies in, else by its name."""
    root = corpus.resolve()
    return path.resolve().relative_to(root).as_posix() if root in path.resolve().parents else path.name


def _read_queries(path: Path, shown: str) -> dict[str, str]:
    if path.suffix.lower() not in (".jsonl", ".csv"):
        raise InputFileError(f"{shown}: queries must be .jsonl or .csv with an id and a text column")
    queries: dict[str, str] = {}
    for n, (qid, _title, text) in enumerate(read_file(path, shown), start=1):
        if not qid:
            raise InputFileError(f"{shown}: query {n} has no id")
        if qid in queries:
            raise InputFileError(f"{shown}: duplicate query id {qid!r} (query {n})")
        if text.strip():
            queries[qid] = text.strip()
    return queries


def _read_qrels(path: Path, shown: str) -> dict[str, dict[str, int]]:
    size = path.stat().st_size
    if size == 0:
        raise InputFileError(f"{shown}: empty file (0 bytes)")
    if size > MAX_FILE_BYTES:
        raise InputFileError(f"{shown}: {size:,} bytes is over the {MAX_FILE_BYTES:,}-byte limit per file")
    text = decode_text(shown, path.read_bytes())
    first = text.split("\n", 1)[0]
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".trec", ".txt") or "\t" in first else csv_dialect(first)
    qrels: dict[str, dict[str, int]] = {}
    try:
        for n, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1):
            if not row or (n == 1 and not row[-1].strip().lstrip("-").isdigit()):
                continue  # a blank line or the header
            if len(row) == 4:  # TREC: qid 0 docid rel
                row = [row[0], row[2], row[3]]
            if len(row) != 3 or not row[2].strip().lstrip("-").isdigit():
                raise InputFileError(f"{shown}: line {n}: expected query-id, corpus-id, score (a whole number), "
                                     f"got {delimiter.join(row)[:100]!r}")
            qid, did, rel = row[0].strip(), row[1].strip(), int(row[2])
            if rel > 0:
                qrels.setdefault(qid, {})[did] = rel
    except csv.Error as exc:
        raise InputFileError(f"{shown}: malformed ({exc})") from exc
    if not qrels:  # judgements given but none usable: generated queries must not quietly take their place
        raise InputFileError(f"{shown}: no judgements with a score above 0 (lines: query-id, corpus-id, score)")
    return qrels


def _corpus_files(corpus: Path) -> list[Path]:
    """The files of a corpus folder, hidden files and folders (.git, .DS_Store) left out."""
    return sorted(p for p in corpus.rglob("*") if p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(corpus).parts))


def load_corpus(corpus: Path, queries: Path | None = None, qrels: Path | None = None,
                strict: bool = False) -> Corpus:
    """Load a corpus folder or file; a BEIR folder brings its own queries and qrels.

    Unsupported or unreadable files, empty documents and duplicate ids are skipped and listed in ``skipped``; with
    ``strict`` they are collected and raised together instead. Unknown references in the judgements are always an
    error. Files are named relative to the corpus folder (queries and qrels by their file name), never by a server
    path.
    """
    if not corpus.exists():
        raise InputFileError(f"--corpus {corpus}: no such file or directory")
    if corpus.is_dir() and (corpus / "corpus.jsonl").exists():
        queries = queries or (corpus / "queries.jsonl" if (corpus / "queries.jsonl").exists() else None)
        qrels = qrels or next((p for p in (corpus / "qrels" / "test.tsv", corpus / "qrels.tsv") if p.exists()), None)
        files = [corpus / "corpus.jsonl"]
    elif corpus.is_dir():
        files = _corpus_files(corpus)
    else:
        files = [corpus]
    if queries is not None and qrels is None:
        raise InputFileError("queries were given without qrels (--qrels: which documents answer each query)")
    problems: list[str] = []
    docs: dict[str, str] = {}
    titles: dict[str, str] = {}
    total = 0
    for path in files:
        rel = path.relative_to(corpus).as_posix() if corpus.is_dir() else path.name
        try:
            total += path.stat().st_size
            if total > MAX_TOTAL_BYTES:
                raise InputFileError(f"{rel}: the corpus is over the {MAX_TOTAL_BYTES:,}-byte total limit")
            records = read_file(path, rel, MAX_FILE_BYTES)
        except InputFileError as exc:
            problems.append(str(exc))
            continue
        if not records:
            problems.append(f"{rel}: no rows")
        for n, (doc_id, title, text) in enumerate(records, start=1):
            doc_id = doc_id or (rel if len(records) == 1 else f"{rel}#{n}")
            if doc_id in docs:
                problems.append(f"{rel}: duplicate document id {doc_id!r} (row {n})")
                continue
            if not text.strip():
                hint = " (a scanned PDF? run OCR first)" if path.suffix.lower() == ".pdf" else ""
                problems.append(f"{rel}: document {doc_id!r} has no text{hint}")
                continue
            docs[doc_id] = text
            if title:
                titles[doc_id] = title
    over_total = [p for p in problems if "total limit" in p]
    if problems and (strict or over_total or not docs):
        shown = "\n  ".join(problems[:20]) + (f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else "")
        raise InputFileError(f"cannot read the corpus ({len(problems)} problem{'s' * (len(problems) > 1)}):\n  {shown}")
    if not docs:
        raise InputFileError(f"--corpus {corpus.name or corpus}: no documents found")
    if problems:
        logger.warning("%d corpus file(s) or row(s) skipped: %s", len(problems), "; ".join(problems[:5]))
    result = Corpus(docs=docs, titles=titles, source=str(corpus), skipped=problems)
    if queries is not None:
        result.queries = _read_queries(queries, _shown(queries, corpus))
    if qrels is not None:
        result.qrels = _read_qrels(qrels, _shown(qrels, corpus))
        unknown_q = sorted(set(result.qrels) - set(result.queries)) if result.queries else []
        unknown_d = sorted({d for rel in result.qrels.values() for d in rel} - set(docs))
        if unknown_q or unknown_d:
            parts = [f"{kind} {', '.join(items[:10])}{' ...' if len(items) > 10 else ''}"
                     for kind, items in (("queries", unknown_q), ("documents", unknown_d)) if items]
            raise InputFileError(f"{_shown(qrels, corpus)}: judgements name unknown items: " + "; ".join(parts))
        result.queries = {q: t for q, t in result.queries.items() if q in result.qrels}
    return result
