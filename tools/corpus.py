"""Read a user's corpus (folder or files of many formats, or the BEIR layout), queries and relevance judgements."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.errors import InputFileError, ToolInputError

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".rst"}
DOC_SUFFIXES = TEXT_SUFFIXES | {".html", ".htm", ".pdf", ".docx", ".jsonl", ".csv"}
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
TEXT_COLUMNS = ("text", "content", "body", "passage", "document")
ID_COLUMNS = ("_id", "id", "doc_id", "docid")
TITLE_COLUMNS = ("title", "name", "heading")
BINARY_SNIFF = 8192


@dataclass
class Corpus:
    """Documents by id, plus optional queries and judgements, and what went wrong reading them."""

    docs: dict[str, str]
    titles: dict[str, str] = field(default_factory=dict)
    queries: dict[str, str] = field(default_factory=dict)
    qrels: dict[str, dict[str, int]] = field(default_factory=dict)
    source: str = ""

    def text(self, doc_id: str) -> str:
        """Title and body as one text, as retrieval models see it."""
        title = self.titles.get(doc_id, "")
        return f"{title}\n{self.docs[doc_id]}" if title else self.docs[doc_id]


def sanitise_filename(name: str, taken: set[str] | None = None) -> str:
    """A safe file name: the last path part, only ``[A-Za-z0-9._-]``, no leading dot, unique within ``taken``."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).lstrip(".")[:100] or "file"
    stem, dot, suffix = base.rpartition(".")
    candidate, n = base, 1
    while taken is not None and candidate in taken:
        n += 1
        candidate = f"{stem}-{n}.{suffix}" if dot and stem else f"{base}-{n}"
    if taken is not None:
        taken.add(candidate)
    return candidate


def require_uploaded(path: str | Path, roots: list[Path]) -> Path:
    """The resolved ``path`` if it lies under one of ``roots`` (an LLM picks tool arguments: only uploads are read)."""
    resolved = Path(path).resolve()
    if not any(resolved == root.resolve() or root.resolve() in resolved.parents for root in roots):
        raise ToolInputError(f"{resolved}: only uploaded documents can be read")
    return resolved


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data[:BINARY_SNIFF]:
        raise InputFileError(f"{path}: binary content (NUL bytes), not text")
    # UTF-16 only with its byte-order mark: without one, any even-length byte string "decodes" to garbage.
    encoding = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputFileError(f"{path}: not UTF-8 text (undecodable byte at offset {exc.start})") from exc


def _html_text(raw: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(raw, "html.parser")
    for tag in soup(["script", "style", "noscript"]):
        tag.decompose()
    return "\n".join(line.strip() for line in soup.get_text("\n").splitlines() if line.strip())


def _pdf_text(path: Path, data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError) as exc:
        raise InputFileError(f"{path}: unreadable PDF ({exc})") from exc


def _docx_text(path: Path, data: bytes) -> str:
    import zipfile

    from docx import Document

    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputFileError(f"{path}: unreadable .docx ({exc})") from exc
    return "\n".join(p.text for p in document.paragraphs if p.text.strip())


def _pick(row: dict[str, str], names: tuple[str, ...]) -> str | None:
    lowered = {k.lower().strip(): k for k in row if k}
    for name in names:
        if name in lowered:
            return lowered[name]
    return None


def _records(path: Path, text: str) -> list[tuple[str | None, str | None, str]]:
    """(id, title, text) rows of a .jsonl or .csv file."""
    rows: list[dict[str, str]] = []
    if path.suffix.lower() == ".jsonl":
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputFileError(f"{path}: line {n}: invalid JSON ({exc.msg})") from exc
            if not isinstance(obj, dict):
                raise InputFileError(f"{path}: line {n}: expected an object")
            rows.append({k: "" if v is None else str(v) for k, v in obj.items()})
    else:
        try:
            rows = list(csv.DictReader(io.StringIO(text)))
        except csv.Error as exc:
            raise InputFileError(f"{path}: malformed CSV ({exc})") from exc
    if not rows:
        return []
    text_col = _pick(rows[0], TEXT_COLUMNS)
    if text_col is None:
        raise InputFileError(f"{path}: no text column; expected one of {', '.join(TEXT_COLUMNS)}, "
                             f"found {', '.join(k for k in rows[0] if k)}")
    id_col, title_col = _pick(rows[0], ID_COLUMNS), _pick(rows[0], TITLE_COLUMNS)
    return [(row.get(id_col) if id_col else None, row.get(title_col) if title_col else None, row.get(text_col) or "")
            for row in rows]


def read_file(path: Path) -> list[tuple[str | None, str | None, str]]:
    """(id, title, text) records of one corpus file; raises InputFileError naming the file."""
    suffix = path.suffix.lower()
    if suffix not in DOC_SUFFIXES:
        raise InputFileError(f"{path}: unsupported file type {suffix or '(none)'}; use "
                             + ", ".join(sorted(DOC_SUFFIXES)))
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputFileError(f"{path}: {size:,} bytes is over the {MAX_FILE_BYTES:,}-byte limit per file")
    data = path.read_bytes()
    if suffix == ".pdf":
        return [(None, path.stem, _pdf_text(path, data))]
    if suffix == ".docx":
        return [(None, path.stem, _docx_text(path, data))]
    text = _decode(path, data)
    if suffix in (".html", ".htm"):
        return [(None, path.stem, _html_text(text))]
    if suffix in (".jsonl", ".csv"):
        return _records(path, text)
    return [(None, None, text)]


def _read_queries(path: Path) -> dict[str, str]:
    records = read_file(path) if path.suffix.lower() in (".jsonl", ".csv") else None
    if records is None:
        raise InputFileError(f"{path}: queries must be .jsonl or .csv with an id and a text column")
    queries: dict[str, str] = {}
    for n, (qid, _title, text) in enumerate(records, start=1):
        if not qid:
            raise InputFileError(f"{path}: query {n} has no id")
        if qid in queries:
            raise InputFileError(f"{path}: duplicate query id {qid!r}")
        if text.strip():
            queries[qid] = text.strip()
    return queries


def _read_qrels(path: Path) -> dict[str, dict[str, int]]:
    text = _decode(path, path.read_bytes())
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".trec", ".txt") or "\t" in text.splitlines()[0] else ","
    qrels: dict[str, dict[str, int]] = {}
    for n, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        if not row or (n == 1 and not row[-1].strip().lstrip("-").isdigit()):
            continue  # header
        if len(row) == 4:  # TREC: qid 0 docid rel
            row = [row[0], row[2], row[3]]
        if len(row) != 3 or not row[2].strip().lstrip("-").isdigit():
            raise InputFileError(f"{path}: line {n}: expected query-id, corpus-id, score")
        qid, did, rel = row[0].strip(), row[1].strip(), int(row[2])
        if rel > 0:
            qrels.setdefault(qid, {})[did] = rel
    return qrels


def load_corpus(corpus: Path, queries: Path | None = None, qrels: Path | None = None) -> Corpus:
    """Load a corpus folder or file; a BEIR folder brings its own queries and qrels.

    Every unreadable file, duplicate id and unknown reference is collected and reported together.
    """
    if not corpus.exists():
        raise InputFileError(f"--corpus {corpus}: no such file or directory")
    if corpus.is_dir() and (corpus / "corpus.jsonl").exists():
        queries = queries or (corpus / "queries.jsonl" if (corpus / "queries.jsonl").exists() else None)
        qrels = qrels or next((p for p in (corpus / "qrels" / "test.tsv", corpus / "qrels.tsv") if p.exists()), None)
        files = [corpus / "corpus.jsonl"]
    elif corpus.is_dir():
        files = sorted(p for p in corpus.rglob("*") if p.is_file() and not p.name.startswith("."))
    else:
        files = [corpus]
    problems: list[str] = []
    docs: dict[str, str] = {}
    titles: dict[str, str] = {}
    total = 0
    for path in files:
        rel = path.relative_to(corpus).as_posix() if corpus.is_dir() else path.name
        try:
            total += path.stat().st_size
            if total > MAX_TOTAL_BYTES:
                raise InputFileError(f"{path}: the corpus is over the {MAX_TOTAL_BYTES:,}-byte total limit")
            records = read_file(path)
        except InputFileError as exc:
            problems.append(str(exc))
            continue
        for n, (doc_id, title, text) in enumerate(records, start=1):
            doc_id = doc_id or (rel if len(records) == 1 else f"{rel}#{n}")
            if doc_id in docs:
                problems.append(f"{path}: duplicate document id {doc_id!r}")
                continue
            if not text.strip():
                problems.append(f"{path}: document {doc_id!r} has no text")
                continue
            docs[doc_id] = text
            if title:
                titles[doc_id] = title
    if problems:
        shown = "\n  ".join(problems[:20]) + (f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else "")
        raise InputFileError(f"cannot read the corpus at {corpus}:\n  {shown}")
    if not docs:
        raise InputFileError(f"--corpus {corpus}: no documents found")
    result = Corpus(docs=docs, titles=titles, source=str(corpus))
    if queries is not None:
        result.queries = _read_queries(queries)
    if qrels is not None:
        result.qrels = _read_qrels(qrels)
        unknown_q = sorted(set(result.qrels) - set(result.queries)) if result.queries else []
        unknown_d = sorted({d for rel in result.qrels.values() for d in rel} - set(docs))
        if unknown_q or unknown_d:
            parts = [f"{kind} {', '.join(items[:10])}{' ...' if len(items) > 10 else ''}"
                     for kind, items in (("queries", unknown_q), ("documents", unknown_d)) if items]
            raise InputFileError(f"{qrels}: judgements name unknown items: " + "; ".join(parts))
        result.queries = {q: t for q, t in result.queries.items() if q in result.qrels}
    if queries is not None and qrels is None:
        raise InputFileError("--queries needs --qrels (which documents answer each query)")
    return result
