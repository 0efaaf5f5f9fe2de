"""Read one corpus file of a supported format into (id, title, text) records; every refusal names the file."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

from knowledge.errors import InputFileError

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".rst"}
DOC_SUFFIXES = TEXT_SUFFIXES | {".html", ".htm", ".pdf", ".docx", ".jsonl", ".csv"}
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_EXPANDED_BYTES = 256 * 1024 * 1024  # a .docx is a zip: what it may expand to (zip bombs stop here)
MAX_PACKAGE_MEMBERS = 10_000
MAX_XML_BYTES = 32 * 1024 * 1024  # one XML part of a .docx (word/document.xml): parsing it costs ~30x its size
MAX_PDF_PAGES = 5_000
MAX_PDF_CONTENT_BYTES = 64 * 1024 * 1024  # page content streams, decompressed, summed over the pages
TEXT_COLUMNS = ("text", "content", "body", "passage", "document")
ID_COLUMNS = ("_id", "id", "doc_id", "docid")
TITLE_COLUMNS = ("title", "name", "heading")
SNIFF = 8192
Record = tuple[str | None, str | None, str]


def upload_name(name: str) -> str:
    """An uploaded file's name as the sender gave it, quoted and bounded (it may hold ``..``, NUL or 5,000 chars)."""
    return repr(name if len(name) <= 120 else name[:117] + "...")


def _binary_problem(head: bytes) -> str | None:
    """Why bytes with NUL in them are not text we read: UTF-16 without its byte-order mark, or binary."""
    if b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    for zeros, other, order in ((odd, even, "little"), (even, odd, "big")):
        if zeros and zeros.count(0) > 0.6 * len(zeros) and other.count(0) < 0.05 * max(1, len(other)):
            return (f"looks like UTF-16 ({order}-endian) text without a byte-order mark; save it as UTF-8 "
                    "(or UTF-16 with its byte-order mark)")
    return "binary content (NUL bytes), not text"


def _check_package(path: Path, shown: str) -> None:
    """A .docx is a zip archive: refuse one that is not a zip or would expand past MAX_EXPANDED_BYTES."""
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputFileError(f"{shown}: unreadable .docx (not a zip package: {exc})") from exc
    # zipfile stops each member at its declared size, so the declared sizes bound what reading can produce.
    expanded = sum(m.file_size for m in members)
    if expanded > MAX_EXPANDED_BYTES or len(members) > MAX_PACKAGE_MEMBERS:
        raise InputFileError(f"{shown}: the .docx expands to {expanded:,} bytes in {len(members):,} parts, over "
                             f"the {MAX_EXPANDED_BYTES:,}-byte limit (a zip bomb?)")
    biggest = max((m for m in members if m.filename.endswith(".xml")), key=lambda m: m.file_size, default=None)
    if biggest is not None and biggest.file_size > MAX_XML_BYTES:
        raise InputFileError(f"{shown}: its part {biggest.filename} holds {biggest.file_size:,} bytes of XML, over "
                             f"the {MAX_XML_BYTES:,}-byte limit per part")


def check_file(path: Path, shown: str, max_bytes: int = MAX_FILE_BYTES) -> None:
    """Refuse a file before parsing it: its type, size and first bytes; raises InputFileError naming ``shown``."""
    suffix = path.suffix.lower()
    if suffix not in DOC_SUFFIXES:
        archive = " (archives are not unpacked: upload the documents themselves)" if suffix in (
            ".zip", ".gz", ".tgz", ".tar", ".7z", ".rar", ".bz2", ".xz") else ""
        raise InputFileError(f"{shown}: unsupported file type {suffix or '(none)'}{archive}; use "
                             + ", ".join(sorted(DOC_SUFFIXES)))
    size = path.stat().st_size
    if size == 0:
        raise InputFileError(f"{shown}: empty file (0 bytes)")
    if size > max_bytes:
        raise InputFileError(f"{shown}: {size:,} bytes is over the {max_bytes:,}-byte limit per file")
    with path.open("rb") as fh:
        head = fh.read(SNIFF)
    if suffix == ".pdf":
        if b"%PDF-" not in head[:1024]:
            raise InputFileError(f"{shown}: not a PDF (no %PDF- header)")
    elif suffix == ".docx":
        _check_package(path, shown)
    elif head[:2] not in (b"\xff\xfe", b"\xfe\xff") and (problem := _binary_problem(head)):
        raise InputFileError(f"{shown}: {problem}")


def decode_text(shown: str, data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with its BOM; anything else is refused with line and column."""
    # UTF-16 only with its byte-order mark: without one, any even-length byte string "decodes" to garbage.
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputFileError(f"{shown}: broken UTF-16 text (at byte {exc.start})") from exc
    if problem := _binary_problem(data[:SNIFF]):
        raise InputFileError(f"{shown}: {problem}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - data.rfind(b"\n", 0, exc.start)
        raise InputFileError(f"{shown}: not UTF-8 text (byte 0x{data[exc.start]:02x} at line {line}, column "
                             f"{column}); save it as UTF-8") from exc


def _html_text(raw: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(raw, "html.parser")
    for tag in soup(["script", "style", "noscript"]):
        tag.decompose()
    return "\n".join(line.strip() for line in soup.get_text("\n").splitlines() if line.strip())


def _pdf_text(shown: str, data: bytes) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        locked = reader.is_encrypted and not reader.decrypt("")  # an empty user password opens many
        if not locked:
            _check_pdf_size(shown, reader)
            return "\n".join(page.extract_text() or "" for page in reader.pages)
    except InputFileError:
        raise
    except Exception as exc:  # any parser failure on a user's file is that file's problem, named as such
        raise InputFileError(f"{shown}: unreadable PDF ({type(exc).__name__}: {exc})") from exc
    raise InputFileError(f"{shown}: password-protected PDF; save a copy without the password")


def _check_pdf_size(shown: str, reader: Any) -> None:
    """Refuse a PDF with too many pages, or whose pages' content streams decompress past a limit.

    Pages may share one content stream: 2,000 pages over one 5 MB stream make a 326 KB file that takes hours to
    read. The decoded stream is cached by pypdf, so measuring costs one decompression of each stream.
    """
    pages = len(reader.pages)
    if pages > MAX_PDF_PAGES:
        raise InputFileError(f"{shown}: {pages:,} pages, over the {MAX_PDF_PAGES:,}-page limit per file")
    total = 0
    for number, page in enumerate(reader.pages, start=1):
        contents = page.get_contents()
        total += len(contents.get_data()) if contents is not None else 0
        if total > MAX_PDF_CONTENT_BYTES:
            raise InputFileError(f"{shown}: its page contents decompress to over {MAX_PDF_CONTENT_BYTES:,} bytes "
                                 f"by page {number} of {pages:,} (the limit per file)")


def _docx_text(shown: str, data: bytes) -> str:
    from docx import Document

    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # any parser failure on a user's file is that file's problem, named as such
        raise InputFileError(f"{shown}: unreadable .docx ({type(exc).__name__}: {exc})") from exc
    return "\n".join(p.text for p in document.paragraphs if p.text.strip())


def _pick(row: dict[str, str], names: tuple[str, ...]) -> str | None:
    lowered = {k.lower().strip(): k for k in row if k}
    for name in names:
        if name in lowered:
            return lowered[name]
    return None


def _jsonl_rows(shown: str, text: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputFileError(f"{shown}: line {n}: invalid JSON ({exc.msg} at column {exc.colno})") from exc
        except RecursionError:
            raise InputFileError(f"{shown}: line {n}: JSON nested too deeply") from None
        except ValueError:  # an integer of more than 4,300 digits (Python's conversion limit)
            raise InputFileError(f"{shown}: line {n}: invalid JSON (a number with more than 4,300 digits)") from None
        if not isinstance(obj, dict):
            raise InputFileError(f"{shown}: line {n}: expected an object, got {type(obj).__name__}")
        rows.append({k: "" if v is None else str(v) for k, v in obj.items()})
    return rows


def csv_dialect(header: str) -> str:
    """The delimiter of a CSV file from its header line: a comma, else ';', tab or '|' (spreadsheet exports)."""
    return "," if "," in header else next((d for d in ";\t|" if d in header), ",")


def _csv_rows(shown: str, text: str) -> list[dict[str, str]]:
    delimiter = csv_dialect(text.split("\n", 1)[0])
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[dict[str, str]] = []
    start = 1
    try:
        columns = len(reader.fieldnames or [])
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            if None in row:
                cells = columns + len(row[None])
                raise InputFileError(f"{shown}: line {start}: {cells} cells but the header has {columns} columns "
                                     f"(put text holding {delimiter!r} in double quotes)")
            rows.append(row)
    except csv.Error as exc:
        raise InputFileError(f"{shown}: line {start}: malformed CSV ({exc}; is a double quote left open?)") from exc
    return rows


def _records(shown: str, suffix: str, text: str) -> list[Record]:
    """(id, title, text) rows of a .jsonl or .csv file."""
    rows = _jsonl_rows(shown, text) if suffix == ".jsonl" else _csv_rows(shown, text)
    if not rows:
        return []
    text_col = _pick(rows[0], TEXT_COLUMNS)
    if text_col is None:
        raise InputFileError(f"{shown}: no text column; expected one of {', '.join(TEXT_COLUMNS)}, "
                             f"found {', '.join(k for k in rows[0] if k)}")
    id_col, title_col = _pick(rows[0], ID_COLUMNS), _pick(rows[0], TITLE_COLUMNS)
    return [(row.get(id_col) if id_col else None, row.get(title_col) if title_col else None, row.get(text_col) or "")
            for row in rows]


def read_file(path: Path, shown: str | None = None, max_bytes: int = MAX_FILE_BYTES) -> list[Record]:
    """(id, title, text) records of one corpus file; raises InputFileError naming it as ``shown`` (default: path)."""
    shown = shown or str(path)
    check_file(path, shown, max_bytes)
    suffix = path.suffix.lower()
    data = path.read_bytes()
    if suffix == ".pdf":
        return [(None, path.stem, _pdf_text(shown, data))]
    if suffix == ".docx":
        return [(None, path.stem, _docx_text(shown, data))]
    text = decode_text(shown, data)
    if suffix in (".html", ".htm"):
        return [(None, path.stem, _html_text(text))]
    if suffix in (".jsonl", ".csv"):
        return _records(shown, suffix, text)
    return [(None, None, text)]


def upload_problems(files: list[tuple[str, Path]], max_bytes: int = MAX_FILE_BYTES) -> list[str]:
    """What is wrong with each uploaded corpus file (named as it was sent), found before anything parses it."""
    problems: list[str] = []
    for name, path in files:
        try:
            check_file(path, upload_name(name), max_bytes)
        except InputFileError as exc:
            problems.append(str(exc))
    return problems
