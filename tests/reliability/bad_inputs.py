"""The bad-input catalogue: each case names a real entry point, builds its input and states the outcome expected.

Rule under test: bad input gets a clear error that names what is wrong and where; nothing already done is lost.
Big inputs (a 100 MB file, a zip bomb expanding to 2 GiB) are generated on the fly, never committed.
"""

from __future__ import annotations

import io
import json
import random
import struct
import tarfile
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Surfaces: the real entry points a case goes through.
TOOL = "recommend tool (tools.rank.shortlist.recommend -> RequirementProfile)"
API_RECOMMEND = "API POST /v1/recommendations"
API_UPLOAD = "API POST /v1/evaluations (multipart upload)"
API_EVAL_JSON = "API POST /v1/evaluations (JSON documents)"
API_STREAM = "API POST /v1/evaluations (multipart, streamed to a real server process with default limits)"
CLI_RECOMMEND = "embedding-advisor recommend --profile"
CLI_BATCH = "embedding-advisor batch"
CLI_EVALUATE = "embedding-advisor evaluate --corpus"
SLACK = "Slack POST /slack/events"

SLACK_SECRET = "bad-inputs-signing-secret"
MIB = 1024 * 1024


@dataclass(frozen=True)
class Expect:
    """The outcome: a status (HTTP status or exit code), an error code, and what the message must name."""

    status: int | None = None  # HTTP status or CLI exit code (None for the in-process tool)
    code: str | None = None  # ErrorBody.code, an evaluation job's error code, or the exception's class name
    says: tuple[str, ...] = ()  # fragments the message must contain: the field, file, line or row at fault
    field: str | None = None  # ErrorBody.field / the ProfileError problem that must be listed
    job: str | None = None  # for a 202: the evaluation job's final status ("failed"); None: not awaited
    rows: tuple[str, ...] = ()  # batch: each row's status in recommendations.jsonl, in order
    stored: tuple[str, ...] = ()  # upload: the names the files are saved under in the job's corpus folder
    posts: int = 0  # Slack: chat.postMessage calls the request(s) lead to


@dataclass(frozen=True)
class Case:
    """One bad input: where it goes in, how it is built (files under a tmp dir), and what must come out."""

    id: str
    category: str  # profile / batch / upload / corpus / slack / cli
    surface: str
    why: str  # what a user would expect
    build: Callable[[Path], dict[str, Any]]
    expect: Expect


# -- builders -------------------------------------------------------------------------------------------------
def _json(body: Any) -> Callable[[Path], dict[str, Any]]:
    return lambda tmp: {"content": json.dumps(body).encode(), "content_type": "application/json"}


def _raw(content: bytes, content_type: str = "application/json") -> Callable[[Path], dict[str, Any]]:
    return lambda tmp: {"content": content, "content_type": content_type}


def _tool(profile: Any) -> Callable[[Path], dict[str, Any]]:
    return lambda tmp: {"profile": profile}


def _write(tmp: Path, name: str, content: bytes | str) -> Path:
    path = tmp / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def _cli(name: str, content: bytes | str | None, *before: str, after: tuple[str, ...] = ()
         ) -> Callable[[Path], dict[str, Any]]:
    """CLI args ``[*before, <file>, *after]``; "{out}" in ``after`` is the case's output folder."""
    def build(tmp: Path) -> dict[str, Any]:
        path = _write(tmp, name, content) if content is not None else tmp / name
        return {"args": [*before, str(path), *(a.replace("{out}", str(tmp / "out")) for a in after)]}
    return build


def _batch(name: str, content: bytes | str | None) -> Callable[[Path], dict[str, Any]]:
    return _cli(name, content, "batch", after=("-o", "{out}"))


def _evaluate(build_corpus: Callable[[Path], Path], *extra: str) -> Callable[[Path], dict[str, Any]]:
    def build(tmp: Path) -> dict[str, Any]:
        corpus = build_corpus(tmp)
        args = [a.replace("{tmp}", str(tmp)) for a in extra]
        return {"args": ["evaluate", "--corpus", str(corpus), "-o", str(tmp / "out"), "--models", "bm25", *args]}
    return build


def _upload(*files: tuple[str, str, bytes | Callable[[Path], bytes]], models: str = "bm25"
            ) -> Callable[[Path], dict[str, Any]]:
    """Multipart parts (form field, file name as sent, content or a builder of it)."""
    def build(tmp: Path) -> dict[str, Any]:
        parts = [(field, (name, data(tmp) if callable(data) else data, "application/octet-stream"))
                 for field, name, data in files]
        return {"files": parts, "data": {"models": models}}
    return build


def _jsonl(*rows: Any) -> bytes:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows).encode()


def _docs(n: int = 3) -> list[dict[str, str]]:
    return [{"id": f"d{i}", "text": f"clause {i} on notice periods and rent review number {i}"}
            for i in range(1, n + 1)]


def png_bytes(n: int = 4096) -> bytes:
    """A PNG signature and header chunk, then seeded random bytes: a picture, whatever its name says."""
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(0).randbytes(n)


def blank_pdf(password: str | None = None) -> bytes:
    """A valid one-page PDF with no text layer (what a scan without OCR looks like), optionally locked."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _deflated_zeros(mib: int) -> tuple[bytes, int, int]:
    """(raw deflate stream, CRC-32, size) of ``mib`` MiB of zeros, built without compressing them all.

    After a full flush the compressor's state is reset, so every further MiB of zeros compresses to the same
    block: the stream is one block repeated. It is a valid stream (zipfile reads it back and checks the CRC).
    """
    chunk = bytes(MIB)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(mib):
        crc = zlib.crc32(chunk, crc)
    return first + block * (mib - 1) + packer.flush(), crc, mib * MIB


def zip_archive(members: list[tuple[str, bytes | int]]) -> bytes:
    """A zip file; a member given as an int is that many MiB of zeros (a zip bomb when large). No zip64: < 4 GiB."""
    local, central = b"", b""
    for name, content in members:
        if isinstance(content, int):
            data, crc, size = _deflated_zeros(content)
        else:
            packer = zlib.compressobj(9, zlib.DEFLATED, -15)
            data, crc, size = packer.compress(content) + packer.flush(), zlib.crc32(content), len(content)
        raw = name.encode()
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), size,
                               len(raw), 0, 0, 0, 0, 0, len(local)) + raw
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(raw), 0) + raw
        local += data
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(local), 0)
    return local + central + end


def zip_bomb(tmp: Path) -> bytes:
    """2 MB that unpack to 2 GiB of zeros (built once per directory)."""
    cached = tmp.parent / "zip-bomb.zip"
    if not cached.exists():
        cached.write_bytes(zip_archive([("documents.txt", 2048)]))
    return cached.read_bytes()


def docx_bomb(tmp: Path) -> bytes:
    """A .docx (a zip package) whose document part unpacks to 300 MiB."""
    return zip_archive([("[Content_Types].xml", b'<?xml version="1.0"?><Types/>'), ("word/document.xml", 300)])


def nested_archive(tmp: Path) -> bytes:
    """A .tar.gz holding a .zip holding the documents."""
    inner = zip_archive([("docs/a.txt", b"notice periods"), ("docs/b.txt", b"rent review")])
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        info = tarfile.TarInfo("bundle/inner.zip")
        info.size = len(inner)
        tar.addfile(info, io.BytesIO(inner))
    return out.getvalue()


def sparse_file(path: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no disk space (all zeros, written as a hole)."""
    with path.open("wb") as fh:
        fh.truncate(size)
    return path


def _folder_of_problems(tmp: Path) -> Path:
    folder = tmp / "docs"
    _write(folder, "ok.txt", "a fine document about notice periods")
    _write(folder, "binary.txt", png_bytes())
    _write(folder, "latin1.md", "Kündigung\ncafé".encode("latin-1"))
    _write(folder, "image.png", png_bytes())
    _write(folder, "docs.zip", zip_archive([("a.txt", b"text")]))
    _write(folder, "nested/inner.tar.gz", nested_archive(tmp))
    _write(folder, "rows.jsonl", _jsonl({"id": "r1", "text": "fine"}, "{broken"))
    _write(folder, "scan.pdf", blank_pdf())
    return folder


def _valid_oddities(tmp: Path) -> Path:
    folder = tmp / "docs"
    words = ["tenancy notice periods", "rent review clauses", "deposit return rules", "repair duties of landlords",
             "subletting consent", "early termination fees"]
    _write(folder, "semicolons.csv", "id;title;text\n" + "".join(
        f"c{i};Row {i};{w} explained in plain words for tenants, case {i}\n" for i, w in enumerate(words)))
    _write(folder, "utf16.txt", ("Mietrecht: Kündigungsfristen und Nebenkosten für Mieter. " * 5).encode("utf-16"))
    _write(folder, ".git/objects/ab/cdef", png_bytes())  # hidden folders are not documents
    _write(folder, ".DS_Store", png_bytes())
    return folder


def _beir(tmp: Path, corpus: bytes | None = None, queries: bytes | None = None, qrels: str | None = None) -> Path:
    folder = tmp / "beir"
    _write(folder, "corpus.jsonl", corpus or _jsonl(*({"_id": d["id"], "text": d["text"]} for d in _docs())))
    _write(folder, "queries.jsonl", queries or _jsonl({"_id": "q1", "text": "notice periods"}))
    _write(folder, "qrels/test.tsv", qrels or "query-id\tcorpus-id\tscore\nq1\td1\t1\n")
    return folder


def _slack(body: str | bytes, headers: Callable[[bytes], dict[str, str]]) -> Callable[[Path], dict[str, Any]]:
    """One request to /slack/events: (raw body, headers built from it)."""
    def build(tmp: Path) -> dict[str, Any]:
        raw = body.encode() if isinstance(body, str) else body
        return {"requests": [(raw, {"Content-Type": "application/json", **headers(raw)})]}
    return build


def _slack_retries(event_id: str) -> Callable[[Path], dict[str, Any]]:
    """An event, then Slack's three retries of it (same body and event id, X-Slack-Retry-Num 1-3)."""
    def build(tmp: Path) -> dict[str, Any]:
        raw = slack_event(event_id).encode()
        first = {"Content-Type": "application/json", **slack_signature(raw)}
        return {"requests": [(raw, first)] + [(raw, {**first, **slack_signature(raw), "X-Slack-Retry-Num": str(n),
                                                     "X-Slack-Retry-Reason": "http_timeout"}) for n in (1, 2, 3)]}
    return build


def _slash_replays(trigger_id: str, text: str, times: int = 3) -> Callable[[Path], dict[str, Any]]:
    """One signed slash command sent ``times`` times (a replay within the 5 minutes its signature is valid)."""
    def build(tmp: Path) -> dict[str, Any]:
        from urllib.parse import urlencode

        raw = urlencode({"command": "/embedding-advisor", "text": text, "channel_id": "C7", "user_id": "U7",
                         "team_id": "T1", "trigger_id": trigger_id, "token": "x"}).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded", **slack_signature(raw)}
        return {"requests": [(raw, headers)] * times}
    return build


def _pdf_bomb(tmp: Path) -> bytes:
    from job_runners import shared_stream_pdf

    return shared_stream_pdf()


def _raw_multipart(filename: bytes, content: bytes) -> Callable[[Path], dict[str, Any]]:
    """A multipart body written by hand, so a file name can hold bytes an HTTP client would escape (NUL, BEL)."""
    body = (b"--B0UND\r\nContent-Disposition: form-data; name=\"models\"\r\n\r\nbm25\r\n"
            b"--B0UND\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + filename + b"\"\r\n"
            b"Content-Type: text/plain\r\n\r\n" + content + b"\r\n--B0UND--\r\n")
    return lambda tmp: {"content": body, "content_type": "multipart/form-data; boundary=B0UND"}


def _with_judgements(qrels_name: str, qrels: str) -> Callable[[Path], Path]:
    """A corpus file, queries.jsonl and a judgements file beside it (passed with --queries/--qrels)."""
    def build(tmp: Path) -> Path:
        _write(tmp, "q.jsonl", _jsonl({"id": "q1", "text": "notice periods"}))
        _write(tmp, qrels_name, qrels)
        return _write(tmp, "docs.jsonl", _jsonl(*_docs()))
    return build


def slack_signature(body: bytes, ts: int | str | None = None, secret: str = SLACK_SECRET) -> dict[str, str]:
    """The headers Slack sends: ``v0=`` HMAC-SHA256 of ``v0:<timestamp>:<body>`` under the signing secret."""
    import hashlib
    import hmac

    ts = str(int(time.time()) if ts is None else ts)
    digest = hmac.new(secret.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def slack_event(event_id: str, text: str = "<@UBOT> legal contracts in German") -> str:
    """An app_mention event callback as Slack delivers it."""
    return json.dumps({"token": "x", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
                       "event_id": event_id, "event_time": int(time.time()),
                       "event": {"type": "app_mention", "user": "U1", "text": text, "ts": "1700000000.000100",
                                 "channel": "C1"}})


GOOD = {"id": "good", "domain": "legal", "languages": ["de"], "corpus_docs": 20_000}
GOOD2 = {"id": "good-2", "corpus_docs": 5_000}
ERR = "invalid_profile"
BAD_BODY = "validation_error"
TOO_LARGE = "too_large"
REFUSED = "validation_error"  # an upload refused before it is stored: 422 naming the file
JOB_INPUT = "invalid_input"  # an evaluation job that failed on its input
EXIT_BAD_INPUT = 2
EXIT_SOME_ROWS_FAILED = 1

CASES: list[Case] = [
    # -- profiles ---------------------------------------------------------------------------------------------
    Case("profile-string-for-number", "profile", API_RECOMMEND,
         "A word where a count belongs is refused naming the field, not read as zero.",
         _json({"corpus_docs": "many"}), Expect(422, ERR, ("corpus_docs", "valid integer"), "corpus_docs")),
    Case("profile-negative-count", "profile", API_RECOMMEND,
         "A negative corpus size is impossible: refused naming the field and the bound.",
         _json({"corpus_docs": -5}), Expect(422, ERR, ("corpus_docs", "greater than 0"), "corpus_docs")),
    Case("profile-negative-budget", "profile", API_RECOMMEND,
         "A negative budget is refused, not treated as 'no budget'.",
         _json({"budget_usd_month": -3}),
         Expect(422, ERR, ("budget_usd_month", "greater than or equal to 0"), "budget_usd_month")),
    Case("profile-absurd-corpus-size", "profile", API_RECOMMEND,
         "A quadrillion documents is a typo: refused with the largest accepted value.",
         _json({"corpus_docs": 10**15}), Expect(422, ERR, ("corpus_docs", "100000000000"), "corpus_docs")),
    Case("profile-absurd-document-length", "profile", API_RECOMMEND,
         "A trillion-token document is refused naming the field.",
         _json({"doc_length_tokens": 10**12}), Expect(422, ERR, ("doc_length_tokens",), "doc_length_tokens")),
    Case("profile-fraction-for-count", "profile", API_RECOMMEND,
         "1.5 documents is not a count: refused, not rounded silently.",
         _json({"corpus_docs": 1.5}), Expect(422, ERR, ("corpus_docs", "fractional part"), "corpus_docs")),
    Case("profile-boolean-for-number", "profile", API_RECOMMEND,
         "true is not a number of recommendations (pydantic alone would read it as 1).",
         _json({"top_k": True}), Expect(422, ERR, ("top_k", "expected a number, got true"), "top_k")),
    Case("profile-nan-budget", "profile", API_RECOMMEND,
         "NaN is not a budget: refused as 'not a finite number', not as 'too large'.",
         _raw(b'{"budget_usd_month": NaN}'), Expect(422, ERR, ("budget_usd_month", "finite number"),
                                                    "budget_usd_month")),
    Case("profile-infinite-latency", "profile", API_RECOMMEND,
         "An infinite latency target is refused as not finite.",
         _raw(b'{"latency_p95_ms": Infinity}'), Expect(422, ERR, ("latency_p95_ms", "finite number"),
                                                       "latency_p95_ms")),
    Case("profile-unknown-language", "profile", API_RECOMMEND,
         "An unknown language is refused, naming it and the field.",
         _json({"languages": ["Klingon"]}), Expect(422, ERR, ("languages", "Klingon"), "languages")),
    Case("profile-language-not-a-list", "profile", API_RECOMMEND,
         "languages is a list; a bare string is refused naming the field.",
         _json({"languages": "en"}), Expect(422, ERR, ("languages", "valid list"), "languages")),
    Case("profile-unknown-field", "profile", API_RECOMMEND,
         "A misspelt or invented field is refused with the list of allowed fields.",
         _json({"colour": "red"}), Expect(422, ERR, ("colour", "unknown field", "corpus_docs"), "colour")),
    Case("profile-hardware-not-a-mapping", "profile", API_RECOMMEND,
         "hardware is a mapping; 'T4' alone is refused naming the field.",
         _json({"hardware": "T4"}), Expect(422, ERR, ("hardware", "valid dictionary"), "hardware")),
    Case("profile-unknown-accelerator", "profile", API_RECOMMEND,
         "An accelerator not in the table needs vram_gb; the message says so and suggests known ones.",
         _json({"hardware": {"accelerator": "Voodoo 5"}}), Expect(422, ERR, ("Voodoo 5", "vram_gb"), "hardware")),
    Case("profile-several-bad-fields", "profile", API_RECOMMEND,
         "Every bad field is listed at once, not one per round trip.",
         _json({"corpus_docs": -1, "license": "gpl", "priorities": ["cost", "cost"]}),
         Expect(422, ERR, ("corpus_docs", "license", "priorities", "each priority may appear once"))),
    Case("profile-long-string", "profile", API_RECOMMEND,
         "A 300-character domain is refused with the length limit.",
         _json({"domain": "x" * 300}), Expect(422, ERR, ("domain", "at most 200 characters"), "domain")),
    Case("profile-huge-string", "profile", API_RECOMMEND,
         "A 2 MB string is refused for its size before the body is parsed.",
         _json({"domain": "x" * 2_000_000}), Expect(413, TOO_LARGE, ("1,048,576-byte limit",))),
    Case("profile-not-an-object", "profile", API_RECOMMEND,
         "A JSON array where a profile object belongs is refused naming the body.",
         _json([1, 2]), Expect(422, BAD_BODY, ("body", "valid dictionary"), "body")),
    Case("profile-broken-json", "profile", API_RECOMMEND,
         "Truncated JSON is refused as invalid JSON, with the parser's reason.",
         _raw(b'{"domain": "legal",'), Expect(422, BAD_BODY, ("body", "invalid JSON"), "body")),
    Case("profile-latin1-body", "profile", API_RECOMMEND,
         "A body in Latin-1 is refused as an unparseable body, not a 500.",
         _raw('{"domain": "café"}'.encode("latin-1")),
         Expect(422, BAD_BODY, ("body", "not UTF-8", "0xe9 at offset 15"), "body")),
    Case("profile-deeply-nested-json", "profile", API_RECOMMEND,
         "100,000 nested arrays must not crash the parser or the server.",
         _raw(b"[" * 100_000), Expect(422, BAD_BODY, ("body", "nested too deeply"), "body")),
    Case("profile-utf16-json", "profile", API_RECOMMEND,
         "JSON in UTF-16 with a byte-order mark is valid JSON (RFC 8259 readers detect it): answered.",
         _raw(json.dumps(GOOD).encode("utf-16")), Expect(200)),
    Case("profile-tool-wrong-types", "profile", TOOL,
         "The agent's tool gets the same contract: each wrong field named in one ProfileError.",
         _tool({"queries_per_month": "lots", "deployment": "cloud"}),
         Expect(None, "ProfileError", ("queries_per_month", "deployment"), "queries_per_month")),
    Case("profile-tool-not-a-mapping", "profile", TOOL,
         "A list instead of a profile is refused saying what was expected.",
         _tool(["legal", "German"]), Expect(None, "ProfileError", ("expected a mapping", "list"), "profile")),
    # -- CLI profile files --------------------------------------------------------------------------------------
    Case("cli-profile-latin1-file", "cli", CLI_RECOMMEND,
         "A profile saved as Latin-1 is refused naming the file, the byte, its line and column.",
         _cli("profile.yaml", "id: p\ndomain: café\n".encode("latin-1"), "recommend", "--profile"),
         Expect(EXIT_BAD_INPUT, None, ("profile.yaml", "not UTF-8", "line 2", "column"))),
    Case("cli-profile-yaml-syntax", "cli", CLI_RECOMMEND,
         "Broken YAML is refused naming the file and the line.",
         _cli("profile.yaml", "id: p\ndomain: [legal\n", "recommend", "--profile"),
         Expect(EXIT_BAD_INPUT, None, ("profile.yaml", "not valid YAML", "line"))),
    Case("cli-profile-nested-yaml", "cli", CLI_RECOMMEND,
         "100,000 nested lists in YAML must not end in a RecursionError traceback.",
         _cli("profile.yaml", "[" * 100_000, "recommend", "--profile"),
         Expect(EXIT_BAD_INPUT, None, ("profile.yaml", "nested too deeply"))),
    Case("cli-profile-missing-file", "cli", CLI_RECOMMEND,
         "A profile path that does not exist is named.",
         _cli("nope.yaml", None, "recommend", "--profile"), Expect(EXIT_BAD_INPUT, None, ("nope.yaml", "cannot read"))),
    Case("cli-profile-wrong-types", "cli", CLI_RECOMMEND,
         "Wrong values in a profile file are listed by field, with the file named.",
         _cli("profile.yaml", "corpus_docs: -1\ntop_k: yes\n", "recommend", "--profile"),
         Expect(EXIT_BAD_INPUT, None, ("profile.yaml", "corpus_docs", "top_k", "got true"))),
    # -- batch files ------------------------------------------------------------------------------------------
    Case("batch-mixed-good-and-bad-rows", "batch", CLI_BATCH,
         "Good rows get results; each bad row is recorded with its row number and field; exit code 1.",
         _batch("profiles.yaml", json.dumps([GOOD, {"id": "neg", "corpus_docs": -1}, 5, GOOD2])),
         Expect(EXIT_SOME_ROWS_FAILED, None, ("row 2", "corpus_docs", "row 3", "expected a mapping, got int"),
                rows=("ok", "error", "error", "ok"))),
    Case("batch-jsonl-broken-line", "batch", CLI_BATCH,
         "A broken JSONL line is one failed row naming its line; the rows around it still run.",
         _batch("profiles.jsonl", _jsonl(GOOD, "{broken", "", GOOD2)),
         Expect(EXIT_SOME_ROWS_FAILED, None, ("row 2", "invalid JSON", "column 2"), rows=("ok", "error", "ok"))),
    Case("batch-jsonl-deep-nesting", "batch", CLI_BATCH,
         "A line of 100,000 nested arrays is one failed row, not a crash of the whole batch.",
         _batch("profiles.jsonl", _jsonl(GOOD, "[" * 100_000)),
         Expect(EXIT_SOME_ROWS_FAILED, None, ("row 2", "nested too deeply"), rows=("ok", "error"))),
    Case("batch-csv-bad-cells", "batch", CLI_BATCH,
         "Bad CSV cells are named by row (and line) and field.",
         _batch("profiles.csv", "id,corpus_docs,languages\na,1000,en\nb,many,en\nc,2000,Klingon\n"),
         Expect(EXIT_SOME_ROWS_FAILED, None, ("row 2 (line 3)", "corpus_docs", "row 3 (line 4)", "Klingon"),
                rows=("ok", "error", "error"))),
    Case("batch-csv-extra-cells", "batch", CLI_BATCH,
         "A row with more cells than the header has columns is refused, not truncated.",
         _batch("profiles.csv", "id,corpus_docs\na,1000\nb,2000,oops\n"),
         Expect(EXIT_SOME_ROWS_FAILED, None, ("row 2 (line 3)", "more cells"), rows=("ok", "error"))),
    Case("batch-csv-open-quote", "batch", CLI_BATCH,
         "An unclosed quote is reported at the row it opens; the rows before it keep their results.",
         _batch("profiles.csv", 'id,domain\na,legal\nb,"medical\nc,code\n'),
         Expect(EXIT_SOME_ROWS_FAILED, None, ("line 3", "double quote"), rows=("ok", "error"))),
    Case("batch-csv-semicolons", "batch", CLI_BATCH,
         "A spreadsheet's ';'-separated export is read like a comma-separated one.",
         _batch("profiles.csv", "id;corpus_docs;languages\na;1000;de|en\n"), Expect(0, rows=("ok",))),
    Case("batch-duplicate-ids", "batch", CLI_BATCH,
         "A repeated id fails that row naming the first use; the first row's result and report stay.",
         _batch("profiles.jsonl", _jsonl(GOOD, GOOD)),
         Expect(EXIT_SOME_ROWS_FAILED, None, ("duplicate id 'good'", "first used in row 1"), rows=("ok", "error"))),
    Case("batch-long-id", "batch", CLI_BATCH,
         "A 500-character id is refused for that row; its report file name stays bounded.",
         _batch("profiles.jsonl", _jsonl({"id": "x" * 500})),
         Expect(EXIT_SOME_ROWS_FAILED, None, ("id", "at most 200 characters"), rows=("error",))),
    Case("batch-empty-file", "batch", CLI_BATCH,
         "An empty batch file is an unusable input (exit 2), not a silent success.",
         _batch("profiles.jsonl", ""), Expect(EXIT_BAD_INPUT, None, ("profiles.jsonl", "no profiles"))),
    Case("batch-not-a-list", "batch", CLI_BATCH,
         "A single profile given to batch is refused saying a list is expected.",
         _batch("profiles.yaml", "id: p\ndomain: legal\n"),
         Expect(EXIT_BAD_INPUT, None, ("profiles.yaml", "list of profiles", "got dict"))),
    Case("batch-latin1-file", "batch", CLI_BATCH,
         "A Latin-1 batch file is refused naming the byte's line and column.",
         _batch("profiles.yaml", "- id: a\n- id: café\n".encode("latin-1")),
         Expect(EXIT_BAD_INPUT, None, ("profiles.yaml", "not UTF-8", "line 2"))),
    Case("batch-utf16-with-bom", "batch", CLI_BATCH,
         "UTF-16 with its byte-order mark (Excel's 'Unicode text') is read.",
         _batch("profiles.jsonl", _jsonl(GOOD).decode().encode("utf-16")), Expect(0, rows=("ok",))),
    Case("batch-binary-file", "batch", CLI_BATCH,
         "A picture named profiles.yaml is refused as binary.",
         _batch("profiles.yaml", png_bytes()), Expect(EXIT_BAD_INPUT, None, ("profiles.yaml", "binary content"))),
    Case("batch-yaml-syntax", "batch", CLI_BATCH,
         "Broken YAML is refused naming the file and line.",
         _batch("profiles.yaml", "- id: a\n  domain: [legal\n"),
         Expect(EXIT_BAD_INPUT, None, ("profiles.yaml", "cannot parse", "line"))),
    Case("batch-yaml-alias-bomb", "batch", CLI_BATCH,
         "A YAML alias bomb (a few hundred bytes expanding to millions of values) is refused naming the file.",
         _batch("profiles.yaml", "- id: a\n  notes:\n    l0: &l0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
             f"    l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]\n" for i in range(1, 7)) + "- id: *l6\n"),
         Expect(EXIT_BAD_INPUT, None, ("profiles.yaml", "alias bomb"))),
    Case("batch-jsonl-huge-integer", "batch", CLI_BATCH,
         "An integer of 5,000 digits is that row's error (it was a traceback), the other rows run.",
         _batch("profiles.jsonl", _jsonl(GOOD, '{"id": "big", "corpus_docs": ' + "9" * 5000 + "}")),
         Expect(EXIT_SOME_ROWS_FAILED, None, ("row 2", "more than 4,300 digits"), rows=("ok", "error"))),
    Case("batch-unsupported-extension", "batch", CLI_BATCH,
         "A .txt batch file is refused listing the accepted extensions.",
         _batch("profiles.txt", "id: a\n"), Expect(EXIT_BAD_INPUT, None, ("unsupported extension '.txt'", ".jsonl"))),
    # -- uploads through the API --------------------------------------------------------------------------------
    Case("upload-empty-file", "upload", API_UPLOAD,
         "A 0-byte upload is refused at once, naming the file.",
         _upload(("files", "empty.txt", b"")), Expect(422, REFUSED, ("'empty.txt'", "empty file"), "files")),
    Case("upload-png-as-txt", "upload", API_UPLOAD,
         "A picture renamed notes.txt is refused as binary, naming the file.",
         _upload(("files", "notes.txt", png_bytes())),
         Expect(422, REFUSED, ("'notes.txt'", "binary content"), "files")),
    Case("upload-utf16-without-bom", "upload", API_UPLOAD,
         "UTF-16 text without its byte-order mark is named as such, not called binary.",
         _upload(("files", "notes.txt", "Kündigungsfrist drei Monate".encode("utf-16-le"))),
         Expect(422, REFUSED, ("'notes.txt'", "UTF-16", "byte-order mark"), "files")),
    Case("upload-zip-bomb", "upload", API_UPLOAD,
         "Archives are not accepted: a 2 MB zip that unpacks to 2 GiB is refused by type, never unpacked.",
         _upload(("files", "documents.zip", zip_bomb)),
         Expect(422, REFUSED, ("'documents.zip'", "unsupported file type .zip", "not unpacked"), "files")),
    Case("upload-nested-archive", "upload", API_UPLOAD,
         "A .tar.gz holding a .zip is refused by type, naming the file.",
         _upload(("files", "bundle.tar.gz", nested_archive)),
         Expect(422, REFUSED, ("'bundle.tar.gz'", "unsupported file type .gz"), "files")),
    Case("upload-docx-zip-bomb", "upload", API_UPLOAD,
         "A .docx is a zip: one whose part unpacks to 300 MiB is refused before it is opened.",
         _upload(("files", "report.docx", docx_bomb)),
         Expect(422, REFUSED, ("'report.docx'", "expands to 314,572,829 bytes", "zip bomb"), "files")),
    Case("upload-png-as-pdf", "upload", API_UPLOAD,
         "A picture named scan.pdf is refused as not a PDF.",
         _upload(("files", "scan.pdf", png_bytes())), Expect(422, REFUSED, ("'scan.pdf'", "not a PDF"), "files")),
    Case("upload-several-bad-files", "upload", API_UPLOAD,
         "Every refused file is named in one answer; nothing of the upload is kept.",
         _upload(("files", "ok.txt", b"fine text"), ("files", "a.exe", b"MZ"), ("files", "b.txt", b"")),
         Expect(422, REFUSED, ("'a.exe'", "unsupported file type .exe", "'b.txt'", "empty file"), "files")),
    Case("upload-absolute-path-name", "upload", API_UPLOAD,
         "'/etc/passwd' as a file name is cut to its last part, which has no type: refused, nothing written.",
         _upload(("files", "/etc/passwd", b"root:x:0:0")),
         Expect(422, REFUSED, ("'/etc/passwd'", "unsupported file type (none)"), "files")),
    Case("upload-blank-pdf", "upload", API_UPLOAD,
         "A PDF with no text layer (a scan) fails its job naming the file and suggesting OCR.",
         _upload(("files", "blank.pdf", blank_pdf())),
         Expect(202, JOB_INPUT, ("blank.pdf", "has no text", "OCR"), job="failed")),
    Case("upload-password-pdf", "upload", API_UPLOAD,
         "A password-protected PDF fails its job saying so.",
         _upload(("files", "locked.pdf", lambda tmp: blank_pdf("secret"))),
         Expect(202, JOB_INPUT, ("locked.pdf", "password-protected"), job="failed")),
    Case("upload-latin1-text", "upload", API_UPLOAD,
         "Latin-1 text fails its job naming the file, line and column of the first bad byte.",
         _upload(("files", "cafe.txt", "menu\ncafé au lait".encode("latin-1"))),
         Expect(202, JOB_INPUT, ("cafe.txt", "not UTF-8", "line 2, column 4"), job="failed")),
    Case("upload-jsonl-broken-line", "upload", API_UPLOAD,
         "A broken JSONL line fails the job naming file and line (and no server path).",
         _upload(("files", "docs.jsonl", _jsonl(*_docs(2), "{broken"))),
         Expect(202, JOB_INPUT, ("docs.jsonl: line 3", "invalid JSON"), job="failed")),
    Case("upload-jsonl-not-objects", "upload", API_UPLOAD,
         "A JSONL line that is an array, not an object, is named.",
         _upload(("files", "docs.jsonl", _jsonl(_docs(1)[0], [1, 2]))),
         Expect(202, JOB_INPUT, ("docs.jsonl: line 2", "expected an object, got list"), job="failed")),
    Case("upload-csv-no-text-column", "upload", API_UPLOAD,
         "A CSV without a text column is named with the columns expected and found.",
         _upload(("files", "docs.csv", b"a,b\n1,2\n")),
         Expect(202, JOB_INPUT, ("docs.csv", "no text column", "found a, b"), job="failed")),
    Case("upload-csv-open-quote", "upload", API_UPLOAD,
         "An unclosed quote (which would swallow the rest of the file) is named at its line.",
         _upload(("files", "docs.csv", b'id,text\n1,"hello\n2,world\n')),
         Expect(202, JOB_INPUT, ("docs.csv: line 2", "double quote"), job="failed")),
    Case("upload-csv-extra-cells", "upload", API_UPLOAD,
         "An unquoted comma in the text is refused, not silently cut off.",
         _upload(("files", "docs.csv", b"id,text\n1,hello, world\n")),
         Expect(202, JOB_INPUT, ("docs.csv: line 2", "3 cells but the header has 2 columns"), job="failed")),
    Case("upload-duplicate-document-ids", "upload", API_UPLOAD,
         "Two documents with one id are named, not merged.",
         _upload(("files", "docs.jsonl", _jsonl({"id": "a", "text": "one"}, {"id": "a", "text": "two"}))),
         Expect(202, JOB_INPUT, ("docs.jsonl", "duplicate document id 'a'"), job="failed")),
    Case("upload-qrels-unknown-documents", "upload", API_UPLOAD,
         "Judgements naming documents that are not in the corpus are listed by id.",
         _upload(("files", "docs.jsonl", _jsonl(*_docs(2))), ("queries", "q.jsonl", _jsonl({"id": "q1", "text": "x"})),
                 ("qrels", "qrels.tsv", b"q1\td9\t1\n")),
         Expect(202, JOB_INPUT, ("qrels.tsv", "unknown", "documents d9"), job="failed")),
    Case("upload-qrels-missing-score", "upload", API_UPLOAD,
         "A judgement line without its score is named by line.",
         _upload(("files", "docs.jsonl", _jsonl(*_docs(2))), ("queries", "q.jsonl", _jsonl({"id": "q1", "text": "x"})),
                 ("qrels", "qrels.tsv", b"query-id\tcorpus-id\tscore\nq1\td1\n")),
         Expect(202, JOB_INPUT, ("qrels.tsv: line 2", "expected query-id, corpus-id, score"), job="failed")),
    Case("upload-queries-without-qrels", "upload", API_UPLOAD,
         "Queries without judgements cannot be scored: said, instead of quietly generating queries.",
         _upload(("files", "docs.jsonl", _jsonl(*_docs(2))), ("queries", "q.jsonl", _jsonl({"id": "q1", "text": "x"}))),
         Expect(202, JOB_INPUT, ("queries were given without qrels",), job="failed")),
    Case("upload-over-file-limit", "upload", API_UPLOAD,
         "A file over ADVISOR_MAX_FILE_MB is refused naming it and the limit.",
         _upload(("files", "big.txt", b"y" * (4 * MIB))),
         Expect(413, TOO_LARGE, ("'big.txt'", "3,145,728-byte limit per file"))),
    Case("upload-over-total-limit", "upload", API_UPLOAD,
         "Uploads over ADVISOR_MAX_UPLOAD_MB together are refused before they are read.",
         _upload(*(("files", f"part{i}.txt", b"z" * (2 * MIB + 512 * 1024)) for i in range(3))),
         Expect(413, TOO_LARGE, ("limit",))),
    Case("upload-no-files", "upload", API_UPLOAD,
         "A form without corpus files is refused naming the missing field.",
         lambda tmp: {"files": [("notfiles", ("a.txt", b"text", "text/plain"))], "data": {"models": "bm25"}},
         Expect(422, BAD_BODY, ("files", "at least one corpus file"), "files")),
    Case("upload-wrong-content-type", "upload", API_UPLOAD,
         "A plain-text body is refused with the content types accepted.",
         lambda tmp: {"content": b"hello", "content_type": "text/plain"},
         Expect(415, "unsupported_media_type", ("application/json", "multipart/form-data"))),
    Case("upload-broken-multipart", "upload", API_UPLOAD,
         "A multipart body that does not parse is refused, not a 500.",
         lambda tmp: {"content": b"--XYZ\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--XYZ--\r\n",
                      "content_type": "multipart/form-data; boundary=XYZ"},
         Expect(422, BAD_BODY, ("body",), "body")),
    Case("upload-path-traversal", "upload", API_UPLOAD,
         "'../../etc/cron.d/evil.txt' lands in the job's folder as evil.txt; nothing is written outside it.",
         _upload(("files", "../../etc/cron.d/evil.txt", b"tenancy notice periods " * 20)),
         Expect(202, stored=("evil.txt",))),
    Case("upload-windows-path-traversal", "upload", API_UPLOAD,
         "Backslash traversal is cut the same way.",
         _upload(("files", "..\\..\\Windows\\win.txt", b"rent review clauses " * 20)),
         Expect(202, stored=("win.txt",))),
    Case("upload-control-characters-in-name", "upload", API_UPLOAD,
         "NUL and other control characters in a file name (sent raw) are replaced.",
         _raw_multipart(b"a\x00b\x07c.txt", b"deposit rules " * 20), Expect(202, stored=("a_b_c.txt",))),
    Case("upload-very-long-name", "upload", API_UPLOAD,
         "A 1,000-character name is cut to 100 characters and keeps its type.",
         _upload(("files", "n" * 1000 + ".txt", b"subletting consent " * 20)),
         Expect(202, stored=("n" * 96 + ".txt",))),
    Case("upload-name-over-header-limit", "upload", API_UPLOAD,
         "A 5,000-character name overflows the part header limit: refused saying so, nothing stored.",
         _upload(("files", "n" * 5000 + ".txt", b"text")),
         Expect(422, BAD_BODY, ("malformed multipart body", "header size exceeded"), "body")),
    Case("upload-duplicate-names", "upload", API_UPLOAD,
         "Two files with one name are both kept, the second renamed.",
         _upload(("files", "a.txt", b"first document text " * 10), ("files", "dir/a.txt", b"second one " * 10)),
         Expect(202, stored=("a-2.txt", "a.txt"))),
    Case("upload-json-missing-text", "upload", API_EVAL_JSON,
         "A JSON document without text is refused naming documents[0].text.",
         lambda tmp: {"json": {"documents": [{"id": "a"}]}},
         Expect(422, BAD_BODY, ("documents.0.text",), "documents.0.text")),
    Case("upload-json-duplicate-ids", "upload", API_EVAL_JSON,
         "Duplicate document ids in a JSON evaluation fail the job naming the id.",
         lambda tmp: {"json": {"documents": [{"id": "a", "text": "one"}, {"id": "a", "text": "two"}],
                               "models": ["bm25"]}},
         Expect(202, JOB_INPUT, ("duplicate document id 'a'",), job="failed")),
    Case("upload-json-qrels-unknown-document", "upload", API_EVAL_JSON,
         "JSON judgements naming an unknown document fail the job naming it.",
         lambda tmp: {"json": {"documents": _docs(2), "queries": [{"id": "q1", "text": "rent"}],
                               "qrels": [{"query_id": "q1", "doc_id": "nope"}], "models": ["bm25"]}},
         Expect(202, JOB_INPUT, ("documents nope",), job="failed")),
    Case("upload-json-id-with-tab", "upload", API_EVAL_JSON,
         "A document id with a tab would break the judgements file: refused naming the field.",
         lambda tmp: {"json": {"documents": [{"id": "a\tb", "text": "rent"}], "models": ["bm25"]}},
         Expect(422, BAD_BODY, ("documents.0.id",), "documents.0.id")),
    Case("upload-json-model-is-a-server-path", "upload", API_EVAL_JSON,
         "A model named by a server path is refused with one sentence, whether or not the path exists.",
         lambda tmp: {"json": {"documents": _docs(2), "models": ["/etc/passwd"]}},
         Expect(422, BAD_BODY, ("models.0", "should match pattern"), "models.0")),
    Case("upload-jsonl-huge-integer", "upload", API_UPLOAD,
         "A corpus line with a 5,000-digit integer fails the job naming the file and line (it was internal_error).",
         _upload(("files", "docs.jsonl", _jsonl({"id": "d1", "text": "a"}) + b'{"id": ' + b"9" * 5000
                  + b', "text": "b"}\n')),
         Expect(202, JOB_INPUT, ("docs.jsonl: line 2", "more than 4,300 digits"), job="failed")),
    Case("upload-pdf-pages-sharing-one-stream", "upload", API_UPLOAD,
         "A 300 KB PDF whose 2,000 pages share one 5 MB stream (hours of parsing) fails in seconds naming it.",
         _upload(("files", "contract.pdf", _pdf_bomb)),
         Expect(202, JOB_INPUT, ("contract.pdf", "decompress to over"), job="failed")),
    Case("upload-100mb-file-streamed", "upload", API_STREAM,
         "A real 100 MB upload to a server with the default limits (20 MB a file) is answered with 413 after "
         "about 20 MB, without the rest being sent or the server's memory growing.",
         lambda tmp: {"path": sparse_file(tmp / "big.txt", 100 * MIB)},
         Expect(413, TOO_LARGE, ("'big.txt'", "20,971,520-byte limit per file"))),
    # -- corpora through the CLI ----------------------------------------------------------------------------------
    Case("corpus-missing-path", "corpus", CLI_EVALUATE,
         "A corpus path that does not exist is named.",
         _evaluate(lambda tmp: tmp / "nowhere"), Expect(EXIT_BAD_INPUT, None, ("nowhere", "no such file"))),
    Case("corpus-empty-folder", "corpus", CLI_EVALUATE,
         "An empty folder is 'no documents found', not an empty evaluation.",
         _evaluate(lambda tmp: (tmp / "empty").mkdir() or tmp / "empty"),
         Expect(EXIT_BAD_INPUT, None, ("empty", "no documents found"))),
    Case("corpus-folder-of-problems", "corpus", CLI_EVALUATE,
         "With --strict, every bad file of a folder is listed together, each by its path in the folder.",
         _evaluate(_folder_of_problems, "--strict"),
         Expect(EXIT_BAD_INPUT, None, ("7 problems", "binary.txt: binary content", "latin1.md: not UTF-8",
                                       "image.png: unsupported file type .png", "docs.zip: unsupported file type .zip",
                                       "nested/inner.tar.gz: unsupported file type .gz", "rows.jsonl: line 2",
                                       "scan.pdf: document 'scan.pdf' has no text"))),
    Case("corpus-folder-of-problems-skipped", "corpus", CLI_EVALUATE,
         "By default the bad files are skipped and listed by path, and the check runs on what is readable.",
         _evaluate(_folder_of_problems),
         Expect(0, None, ("Skipped 7 file(s)", "binary.txt: binary content", "latin1.md: not UTF-8",
                          "image.png: unsupported file type .png", "nested/inner.tar.gz: unsupported file type .gz"))),
    Case("corpus-100mb-file", "corpus", CLI_EVALUATE,
         "A file over the 100 MB per-file limit is refused by its size, without being read.",
         _evaluate(lambda tmp: sparse_file(tmp / "huge.txt", 100 * MIB + 1)),
         Expect(EXIT_BAD_INPUT, None, ("huge.txt", "104,857,601 bytes", "104,857,600-byte limit per file"))),
    Case("corpus-zip-bomb", "corpus", CLI_EVALUATE,
         "A zip given as the corpus is refused by type and never unpacked.",
         _evaluate(lambda tmp: _write(tmp, "corpus.zip", zip_bomb(tmp))),
         Expect(EXIT_BAD_INPUT, None, ("corpus.zip", "unsupported file type .zip", "not unpacked"))),
    Case("corpus-beir-broken-line", "corpus", CLI_EVALUATE,
         "A broken line in a BEIR corpus.jsonl is named by line.",
         _evaluate(lambda tmp: _beir(tmp, corpus=_jsonl({"_id": "d1", "text": "a"}, '{"_id": "d2", "text": '))),
         Expect(EXIT_BAD_INPUT, None, ("corpus.jsonl: line 2", "invalid JSON"))),
    Case("corpus-beir-unknown-references", "corpus", CLI_EVALUATE,
         "Judgements naming unknown queries and documents list both, with the qrels file.",
         _evaluate(lambda tmp: _beir(tmp, qrels="query-id\tcorpus-id\tscore\nq1\td1\t1\nq9\td1\t1\nq1\td9\t1\n")),
         Expect(EXIT_BAD_INPUT, None, ("qrels/test.tsv", "queries q9", "documents d9"))),
    Case("corpus-beir-duplicate-query-ids", "corpus", CLI_EVALUATE,
         "A repeated query id is named.",
         _evaluate(lambda tmp: _beir(tmp, queries=_jsonl({"_id": "q1", "text": "a"}, {"_id": "q1", "text": "b"}))),
         Expect(EXIT_BAD_INPUT, None, ("queries.jsonl", "duplicate query id 'q1'"))),
    Case("corpus-qrels-empty", "corpus", CLI_EVALUATE,
         "An empty judgements file is named, not read as 'no judgements, generate queries'.",
         _evaluate(_with_judgements("empty.tsv", ""), "--queries", "{tmp}/q.jsonl", "--qrels", "{tmp}/empty.tsv"),
         Expect(EXIT_BAD_INPUT, None, ("empty.tsv", "empty file"))),
    Case("corpus-qrels-no-positive-score", "corpus", CLI_EVALUATE,
         "Judgements that are all 0 leave nothing to score: said, naming the file.",
         _evaluate(_with_judgements("zero.tsv", "q1\td1\t0\nq1\td2\t0\n"), "--queries", "{tmp}/q.jsonl",
                   "--qrels", "{tmp}/zero.tsv"),
         Expect(EXIT_BAD_INPUT, None, ("zero.tsv", "no judgements with a score above 0"))),
    Case("corpus-corrupt-pdf", "corpus", CLI_EVALUATE,
         "A truncated PDF is named as unreadable with the parser's reason.",
         _evaluate(lambda tmp: _write(tmp, "bad.pdf", b"%PDF-1.4\n1 0 obj garbage\n%%EOF")),
         Expect(EXIT_BAD_INPUT, None, ("bad.pdf: unreadable PDF",))),
    Case("corpus-text-named-docx", "corpus", CLI_EVALUATE,
         "A text file renamed .docx is named as not a zip package.",
         _evaluate(lambda tmp: _write(tmp, "fake.docx", b"just some text")),
         Expect(EXIT_BAD_INPUT, None, ("fake.docx", "not a zip package"))),
    Case("corpus-script-only-html", "corpus", CLI_EVALUATE,
         "An HTML page whose only content is a script has no text: named.",
         _evaluate(lambda tmp: _write(tmp, "page.html", "<html><script>run()</script></html>")),
         Expect(EXIT_BAD_INPUT, None, ("page.html", "has no text"))),
    Case("corpus-jsonl-deep-nesting", "corpus", CLI_EVALUATE,
         "100,000 nested arrays in a JSONL line are refused by line, not a RecursionError traceback.",
         _evaluate(lambda tmp: _write(tmp, "docs.jsonl", '{"id": "a", "text": ' + "[" * 100_000 + "\n")),
         Expect(EXIT_BAD_INPUT, None, ("docs.jsonl: line 1", "nested too deeply"))),
    Case("corpus-overlap-out-of-range", "corpus", CLI_EVALUATE,
         "An overlap of 5 chunks would skip text: refused with the range.",
         _evaluate(lambda tmp: _write(tmp, "a.txt", "text"), "--overlap", "5"),
         Expect(EXIT_BAD_INPUT, None, ("--overlap 5.0", "0 to 0.5"))),
    Case("corpus-negative-query-count", "corpus", CLI_EVALUATE,
         "A negative number of queries to generate is refused (it crashed with a ValueError).",
         _evaluate(lambda tmp: _write(tmp, "a.txt", "text"), "--n-queries", "-3"),
         Expect(EXIT_BAD_INPUT, None, ("--n-queries -3",))),
    Case("corpus-no-models", "corpus", CLI_EVALUATE,
         "An empty model list is refused (it evaluated nothing and exited 0).",
         _evaluate(lambda tmp: _write(tmp, "a.txt", "text"), "--models", ","),
         Expect(EXIT_BAD_INPUT, None, ("--models", "at least one candidate"))),
    Case("corpus-valid-oddities", "corpus", CLI_EVALUATE,
         "A ';'-separated CSV, UTF-16 text with its BOM and a hidden .git folder are fine: the evaluation runs.",
         _evaluate(_valid_oddities), Expect(0)),
    # -- Slack ----------------------------------------------------------------------------------------------------
    Case("slack-forged-signature", "slack", SLACK,
         "A request signed with another secret is refused; nothing is posted.",
         _slack(slack_event("EvForged"), lambda raw: slack_signature(raw, secret="not-the-secret")),
         Expect(401, None, ("invalid request",))),
    Case("slack-replayed-old-request", "slack", SLACK,
         "A correctly signed request replayed 10 minutes later is refused.",
         _slack(slack_event("EvReplay"), lambda raw: slack_signature(raw, ts=int(time.time()) - 600)),
         Expect(401, None, ("invalid request",))),
    Case("slack-future-timestamp", "slack", SLACK,
         "A timestamp 10 minutes ahead is refused too.",
         _slack(slack_event("EvFuture"), lambda raw: slack_signature(raw, ts=int(time.time()) + 600)),
         Expect(401, None, ("invalid request",))),
    Case("slack-non-numeric-timestamp", "slack", SLACK,
         "A timestamp that is not a number is refused with 401 (Bolt answered 500).",
         _slack(slack_event("EvTs"), lambda raw: {**slack_signature(raw), "X-Slack-Request-Timestamp": "yesterday"}),
         Expect(401, None, ("invalid request",))),
    Case("slack-unsigned", "slack", SLACK,
         "A request without a signature is refused.",
         _slack(slack_event("EvUnsigned"), lambda raw: {"X-Slack-Request-Timestamp": str(int(time.time()))}),
         Expect(401, None, ("invalid request",))),
    Case("slack-tampered-body", "slack", SLACK,
         "A body changed after signing is refused.",
         _slack(slack_event("EvTamper", "<@UBOT> medical"),
                lambda raw: slack_signature(raw.replace(b"medical", b"legal"))),
         Expect(401, None, ("invalid request",))),
    Case("slack-unsigned-malformed-json", "slack", SLACK,
         "Unsigned garbage is refused as unsigned (Bolt parsed it first and answered 500).",
         _slack("{not json", lambda raw: {"X-Slack-Request-Timestamp": str(int(time.time())),
                                          "X-Slack-Signature": "v0=00"}),
         Expect(401, None, ("invalid request",))),
    Case("slack-signed-malformed-json", "slack", SLACK,
         "A correctly signed body that is not JSON is refused with 400 (Bolt answered 500).",
         _slack("{not json", slack_signature), Expect(400, None, ("malformed body",))),
    Case("slack-signed-json-array", "slack", SLACK,
         "A correctly signed JSON array is refused with 400 (Bolt answered 500 and dropped the connection).",
         _slack("[1, 2]", slack_signature), Expect(400, None, ("malformed body", "JSON object"))),
    Case("slack-signed-non-utf8", "slack", SLACK,
         "A correctly signed body that is not UTF-8 is refused with 400.",
         _slack(b'{"type": "caf\xe9"}', slack_signature), Expect(400, None, ("malformed body", "not UTF-8"))),
    Case("slack-huge-body", "slack", SLACK,
         "A 2 MB body is refused for its size before it is read.",
         _slack("x" * 2_000_000, slack_signature), Expect(413, TOO_LARGE, ("limit",))),
    Case("slack-slash-command-replayed", "slack", SLACK,
         "A signed slash command sent three times (a replay) opens one consultation: an opener and one reply.",
         _slash_replays("13345224609.738474920.replay1", "legal contracts in German"), Expect(200, posts=2)),
    Case("slack-retries-answered-once", "slack", SLACK,
         "An event and its three retries (X-Slack-Retry-Num 1-3) get one reply; after the bad requests above "
         "the bot still answers.",
         _slack_retries("EvRetried"),
         Expect(200, posts=1)),
]
