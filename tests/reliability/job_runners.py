"""Evaluation runners for the job-worker attacks: module-level, so a worker process can import them by name."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from knowledge.errors import ToolInputError
from tools.evaluation.retrieval_check import EvalRequest


def results(request: EvalRequest, status: str = "ok") -> dict[str, Any]:
    """A results.json-shaped dict for the request's models, each ``status`` (and written to out_dir)."""
    models: dict[str, Any] = {}
    for spec in request.models:
        if status == "ok":
            models[spec] = {"status": "ok", "kind": "lexical", "n_chunks": 2, "latency": {"p95_ms": 1.0},
                            "metrics": {"ndcg_at_10": {"mean": 0.5, "ci95": [0.4, 0.6]}, "recall_at_10": {"mean": 0.7},
                                        "mrr_at_10": {"mean": 0.6}}}
        else:
            models[spec] = {"status": "error", "error": "EncoderError: the endpoint refused the key"}
    out = {"run": {"corpus": str(request.corpus), "n_docs": 2, "n_queries": 1}, "queries": {"source": "given"},
           "models": models}
    request.out_dir.mkdir(parents=True, exist_ok=True)
    (request.out_dir / "results.json").write_text(json.dumps(out), encoding="utf-8")
    return out


def quick(request: EvalRequest, progress: Callable[[str, float], None]) -> dict[str, Any]:
    """Finishes at once with every candidate ok."""
    progress("scoring", 0.5)
    return results(request)


def all_failed(request: EvalRequest, progress: Callable[[str, float], None]) -> dict[str, Any]:
    """Finishes with every candidate failed."""
    return results(request, status="error")


def spin(request: EvalRequest, progress: Callable[[str, float], None]) -> dict[str, Any]:
    """Burns CPU for ever (a parser stuck in a pathological PDF), reporting progress now and then."""
    n = 0
    while True:
        n += 1
        if n % 200_000 == 0:
            progress("parsing a pathological file", 0.1)


def sleepy(request: EvalRequest, progress: Callable[[str, float], None]) -> dict[str, Any]:
    """Waits for ever, reporting progress every 50 ms (so a cooperative cancel or deadline can stop it)."""
    while True:
        progress("waiting", 0.2)
        time.sleep(0.05)


def bad_input(request: EvalRequest, progress: Callable[[str, float], None]) -> dict[str, Any]:
    """Fails on its input, the way a reader names a bad file."""
    raise ToolInputError("report.pdf: over the 2,000-page limit per file")


def shared_stream_pdf(pages: int = 2000, stream_bytes: int = 5 * 1024 * 1024) -> bytes:
    """A small PDF whose pages all draw one big compressed content stream (hours to read page by page)."""
    import io

    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    line = b"BT /F1 12 Tf 72 720 Td (tenancy notice period clause) Tj ET\n"
    stream = DecodedStreamObject()
    stream.set_data(line * (stream_bytes // len(line)))
    ref = writer._add_object(stream.flate_encode())
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica")}))
    fonts = DictionaryObject({NameObject("/F1"): font})
    resources = writer._add_object(DictionaryObject({NameObject("/Font"): fonts}))
    for _ in range(pages):  # measured here: extracting the text of one page takes over a minute
        page = writer.add_blank_page(612, 792)
        page[NameObject("/Contents")] = ref
        page[NameObject("/Resources")] = resources
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_with_huge_xml(xml_bytes: int = 40 * 1024 * 1024) -> bytes:
    """A small .docx whose word/document.xml expands to ``xml_bytes`` (under the zip-bomb limit, over the XML one)."""
    import io
    import zipfile

    body = b"<w:p><w:r><w:t>clause</w:t></w:r></w:p>" * (xml_bytes // 40)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", b"<w:document><w:body>" + body + b"</w:body></w:document>")
    return out.getvalue()


def hog(request: EvalRequest, progress: Callable[[str, float], None]) -> dict[str, Any]:
    """Grows its memory 50 MB at a time (every page touched), as a parser expanding a huge file would."""
    held = []
    while True:
        held.append(bytearray(50 * 1024 * 1024))
        progress("parsing a huge file", 0.1)
        time.sleep(0.02)


def one_huge_allocation(request: EvalRequest, progress: Callable[[str, float], None]) -> dict[str, Any]:
    """Asks for 64 GB at once (refused by the address-space limit before the parent could see it)."""
    return {"held": len(bytearray(64 * 1024 ** 3))}
