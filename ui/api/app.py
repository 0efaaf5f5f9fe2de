"""The REST API (FastAPI): consultations, one-shot recommendations, the model catalog and evaluation jobs."""

from __future__ import annotations

import contextlib
import json
import logging
import re
import shutil
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from typing import Annotated, Any

from fastapi import Body, Depends, FastAPI, Header, Query, Request, Response
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Match

from agent.evaluation_jobs import EvaluationJobs
from agent.principal import Principal
from agent.service import USAGE_TTL_S, AdvisorService
from agent.store import is_disk_full
from knowledge.errors import (
    AdvisorError,
    InputFileError,
    NotFoundError,
    ProfileError,
    QueueFullError,
    QuotaExceededError,
    ServiceUnavailableError,
    StorageFullError,
    ToolInputError,
)
from knowledge.settings import Settings
from tools.documents.file_readers import upload_problems
from tools.documents.uploads import sanitise_filename
from tools.encoders.candidates import require_offline_model
from tools.evaluation.retrieval_check import EvalRequest
from tools.profile.schema import RequirementProfile
from ui.api import schemas as m
from ui.api.security import ApiGuard, ApiLimits, request_principal
from ui.api.uploads import read_form

logger = logging.getLogger(__name__)
HTTP_CODES = {400: "bad_request", 401: "unauthorized", 404: "not_found", 405: "method_not_allowed",
              413: "too_large", 415: "unsupported_media_type", 422: "invalid_input", 429: "rate_limited",
              503: "unavailable", 507: "storage_full"}
Caller = Annotated[Principal, Depends(request_principal)]  # who asks: every route that reads or writes data takes it


def owned_consultation(consultation_id: str, principal: Caller, request: Request) -> str:
    """The path's consultation id once the caller may use it; another principal's answers 404 like an unknown id.

    Use it on any route under ``/v1/consultations/{consultation_id}``: ``consultation_id: OwnedConsultation``.
    """
    request.app.state.service.check_owner(consultation_id, principal)
    return consultation_id


OwnedConsultation = Annotated[str, Depends(owned_consultation)]
COMMON: dict[int | str, dict[str, Any]] = {
    401: {"model": m.ErrorBody, "description": "Missing or invalid bearer token", "headers": {
        "WWW-Authenticate": {"description": "Always `Bearer`", "required": True, "schema": {"type": "string"}}}},
    413: {"model": m.ErrorBody, "description": "The request body is over a size limit"},
    422: {"model": m.ErrorBody, "description": "Invalid input; `field` names the (first) offending field"},
    429: {"model": m.ErrorBody, "description": "Over the rate limit", "headers": {
        "Retry-After": {"description": "Seconds until a request is allowed again", "required": True,
                        "schema": {"type": "integer", "minimum": 1}}}},
    500: {"model": m.ErrorBody, "description": "Internal error; the server log has the details"},
}
NOT_FOUND = {**COMMON, 404: {"model": m.ErrorBody, "description": "No such resource (or another principal's)"}}
FULL: dict[int | str, dict[str, Any]] = {
    507: {"model": m.ErrorBody, "description": "No space left, or over the caller's disk quota"}}
CHUNK = 1024 * 1024


def _error(status: int, code: str, message: str, field: str | None = None,
           problems: dict[str, str] | None = None) -> JSONResponse:
    body = m.ErrorBody(code=code, message=message, field=field, problems=problems)
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status)


def advisor_error_response(exc: AdvisorError, data_dir: Any = None) -> JSONResponse:
    """The API's one mapping of the error hierarchy (knowledge/errors.py) to an HTTP answer.

    The caller can fix it: 404 for a named thing that does not exist, else 422 naming the field. The service could
    not do it: 507 for a full disk, 429 with Retry-After for a full job queue, else 503 with Retry-After.
    Anything else the advisor raised: 500. ``data_dir`` is replaced by "<data dir>" in the messages shown.
    """
    if isinstance(exc, ProfileError):
        return _error(422, "invalid_profile", str(exc), next(iter(exc.problems), None), exc.problems)
    if isinstance(exc, QuotaExceededError):
        return _error(507, "quota_exceeded", str(exc))
    if isinstance(exc, QueueFullError):
        response = _error(429, "queue_full", str(exc))
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    if isinstance(exc, NotFoundError | ToolInputError):  # a server path in the message is never echoed
        message = str(exc).replace(str(data_dir), "<data dir>") if data_dir is not None else str(exc)
        if isinstance(exc, NotFoundError):
            return _error(404, "not_found", message)
        return _error(422, "invalid_input", message, getattr(exc, "field", None))
    if isinstance(exc, StorageFullError):
        logger.error("%s", exc)  # the operator's line names the path; the caller's sentence does not
        return _error(507, "storage_full", exc.sentence)
    if isinstance(exc, ServiceUnavailableError):
        logger.error("service unavailable: %s", exc)  # the message may name internal hosts and paths
        response = _error(503, "service_unavailable", f"{exc.service} is unavailable right now; try again later "
                          "(the server log has the details)")
        if exc.retry_after_s:
            response.headers["Retry-After"] = str(exc.retry_after_s)
        return response
    logger.error("request failed: %s", type(exc).__name__, exc_info=exc)
    return _error(500, "internal_error", "the advisor failed on this request; the server log has the details")


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AdvisorError)
    async def advisor_error(request: Request, exc: AdvisorError) -> JSONResponse:
        return advisor_error_response(exc, getattr(request.app.state, "data_dir", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems: dict[str, str] = {}
        for err in exc.errors():
            if err["type"] == "json_invalid":  # its loc is a character offset, not a field
                problems.setdefault("body", f"invalid JSON: {err.get('ctx', {}).get('error', err['msg'])}")
                continue
            loc = [str(p) for p in err["loc"]]
            field = ".".join(loc[1:] if loc and loc[0] in ("body", "query", "path", "header") else loc) or "body"
            problems.setdefault(field, err["msg"])
        field, msg = next(iter(problems.items()), ("body", "invalid request"))
        return _error(422, "validation_error", f"{field}: {msg}", field, problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:
            # FastAPI and Starlette answer 400 for a body they cannot parse (not UTF-8, too deeply nested,
            # broken multipart) but 422 for one that is not JSON: one status for one mistake.
            detail = "could not be parsed" if exc.detail == "There was an error parsing the body" else str(exc.detail)
            cause = exc.__cause__  # FastAPI raises its 400 from the parser's error
            if isinstance(cause, UnicodeDecodeError):
                detail = f"not UTF-8 JSON (byte 0x{cause.object[cause.start]:02x} at offset {cause.start})"
            elif isinstance(cause, RecursionError):
                detail = "JSON nested too deeply"
            return _error(422, "validation_error", f"body: {detail}", "body", {"body": detail})
        response = _error(exc.status_code, HTTP_CODES.get(exc.status_code, "error"), str(exc.detail))
        response.headers.update(exc.headers or {})
        if exc.status_code == 405:  # Starlette lists only the first route's methods; a path may have several
            response.headers["Allow"] = ", ".join(_allowed_methods(app, request))
        return response

    @app.exception_handler(Exception)
    async def crash(_: Request, exc: Exception) -> JSONResponse:
        if is_disk_full(exc) or is_disk_full(exc.__cause__ or exc):  # an upload or a job folder on a full disk
            logger.error("no space left on the disk: %s", exc)
            return _error(507, "storage_full", "there is no space left on the server's disk; nothing was stored")
        logger.error("unhandled error: %s", type(exc).__name__, exc_info=exc)
        return _error(500, "internal_error", "internal error; the server log has the details")


def _allowed_methods(app: FastAPI, request: Request) -> list[str]:
    """Every method some route accepts on this request's path."""
    methods: set[str] = set()
    for route in app.router.routes:
        match, _ = route.matches({**request.scope, "method": ""})
        if match is not Match.NONE:
            methods |= getattr(route, "methods", None) or set()
    return sorted(methods)


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The generated schema plus the bodies read by hand (the profile and the JSON evaluation)."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for model in (RequirementProfile, m.EvaluationJSON):
        extra = model.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(extra.pop("$defs", {}))
        components[model.__name__] = extra
    schema.setdefault("components", {})["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
    schema["security"] = [{"bearer": []}]
    app.openapi_schema = schema
    return schema


EVAL_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"$ref": "#/components/schemas/EvaluationJSON"}},
    "multipart/form-data": {"schema": {"type": "object", "required": ["files"], "properties": {
        "files": {"type": "array", "minItems": 1, "items": {"type": "string", "format": "binary"}},
        "queries": {"type": "string", "format": "binary"}, "qrels": {"type": "string", "format": "binary"},
        "models": {"type": "string", "pattern": m.MODEL_LIST_PATTERN, "default": "minilm,bm25",
                   "description": f"comma-separated candidates, at most {m.MAX_MODELS}"}}}}}}}


DOCUMENTS_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["files"],
    "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"},
                             "description": "documents: txt md html pdf docx jsonl csv"}}}}}}}


async def _save_upload(upload: UploadFile, target: Any, limit: int) -> int:
    size = 0
    with target.open("wb") as out:
        while chunk := await upload.read(CHUNK):
            size += len(chunk)
            if size > limit:
                raise StarletteHTTPException(413, f"{upload.filename!r} is over the {limit:,}-byte limit per file")
            out.write(chunk)
    return size


def _write_json_job(folder: Any, body: m.EvaluationJSON) -> dict[str, Any]:
    (folder / "corpus").mkdir()
    corpus = folder / "corpus" / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": d.id, "text": d.text}, ensure_ascii=False) + "\n"
                              for d in body.documents), encoding="utf-8")
    paths: dict[str, Any] = {"corpus": corpus, "queries": None, "qrels": None}
    if body.queries:
        paths["queries"] = folder / "queries.jsonl"
        paths["queries"].write_text("".join(json.dumps({"id": q.id, "text": q.text}, ensure_ascii=False) + "\n"
                                            for q in body.queries), encoding="utf-8")
    if body.qrels:
        paths["qrels"] = folder / "qrels.tsv"
        paths["qrels"].write_text("query-id\tcorpus-id\tscore\n" + "".join(
            f"{q.query_id}\t{q.doc_id}\t{q.score}\n" for q in body.qrels), encoding="utf-8")
    return paths


async def _write_multipart_job(folder: Any, request: Request, limits: ApiLimits) -> dict[str, Any]:
    form = await read_form(request, limits.max_file_bytes)
    raw_models = form.get("models")
    if raw_models is not None and not (isinstance(raw_models, str) and re.fullmatch(m.MODEL_LIST_PATTERN, raw_models)):
        raise RequestValidationError([{"loc": ("body", "models"), "type": "value_error", "msg": (
            f"up to {m.MAX_MODELS} comma-separated candidates such as minilm,bm25,openai:<model>,<org>/<name>")}])
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
    if not files:
        raise RequestValidationError([{"loc": ("body", "files"), "msg": "at least one corpus file is required",
                                       "type": "missing"}])
    (folder / "corpus").mkdir()
    taken: set[str] = set()
    total = 0
    targets = [(u, folder / "corpus" / sanitise_filename(u.filename or "", taken)) for u in files]
    paths: dict[str, Any] = {"corpus": folder / "corpus", "queries": None, "qrels": None}
    for name in ("queries", "qrels"):
        upload = form.get(name)
        if isinstance(upload, UploadFile):
            suffix = sanitise_filename(upload.filename or "").rpartition(".")[2].lower()
            paths[name] = folder / f"{name}.{suffix or 'txt'}"
            targets.append((upload, paths[name]))
    for upload, target in targets:
        total += await _save_upload(upload, target, limits.max_file_bytes)
        if total > limits.max_upload_bytes:
            raise StarletteHTTPException(413, f"the upload is over the {limits.max_upload_bytes:,}-byte total limit")
    refused = upload_problems([(u.filename or "", target) for u, target in targets[: len(files)]])
    if refused:  # type, emptiness, binary content: answered now, not by a job that fails later
        raise RequestValidationError([{"loc": ("body", "files"), "type": "value_error", "msg": "; ".join(refused)}])
    paths["models"] = [s.strip() for s in raw_models.split(",")] if isinstance(raw_models, str) else None
    return paths


def _client_id(field: str, in_body: str | None, header: str | None) -> str | None:
    """The client's id for a request, from the body field or the Idempotency-Key header (422 when they differ)."""
    if in_body and header and in_body != header:
        raise RequestValidationError([{"loc": ("body", field), "type": "value_error",
                                       "msg": "differs from the Idempotency-Key header; give one or the same"}])
    return in_body or header


def _docs_page(app: FastAPI) -> str:
    """A route list rendered here (no script or style from a CDN: the server may be offline)."""
    import html

    rows = []
    for path, ops in app.openapi().get("paths", {}).items():
        for method, op in ops.items():
            rows.append(f"<tr><td><code>{method.upper()}</code></td><td><code>{html.escape(path)}</code></td>"
                        f"<td>{html.escape(op.get('summary') or '')}</td></tr>")
    return ("<!doctype html><html><head><meta charset='utf-8'><title>embedding-advisor API</title></head><body>"
            "<h1>embedding-advisor API</h1><p>The OpenAPI schema is at <a href='/openapi.json'>/openapi.json</a> "
            "(load it into any OpenAPI viewer). The interactive Swagger page is off: it loads its scripts from a "
            "CDN, which an offline server cannot reach.</p><table border='1' cellpadding='4'>"
            "<tr><th>Method</th><th>Path</th><th>What it does</th></tr>" + "".join(rows) + "</table></body></html>")


def _profile_edit_schema() -> dict[str, Any]:
    """PATCH /profile's body: some profile fields, each typed as in the profile or as text ("200k", "A100 80GB")."""
    from agent.state import PROFILE_FIELDS

    text = {"type": "string", "minLength": 1, "maxLength": 200}
    return {"type": "object", "minProperties": 1, "additionalProperties": False,
            "description": "field -> value; a value typed as in RequirementProfile, or as text a user would write",
            "properties": {f: {"anyOf": [{"$ref": f"#/components/schemas/RequirementProfile/properties/{f}"}, text]}
                           for f in PROFILE_FIELDS},
            "example": {"corpus_docs": 200000, "hardware": "A100 80GB"}}


def create_app(service: AdvisorService, settings: Settings, tokens: Sequence[str] | None,
               limits: ApiLimits | None = None, jobs: EvaluationJobs | None = None, slack_app: Any = None,
               admin_tokens: Sequence[str] = (), retention_days: float | None = None) -> FastAPI:
    """Build the API around a service.

    Args:
        service: the consultation facade.
        settings: process settings (data dir for uploads and evaluation output).
        tokens: accepted bearer tokens; None turns auth off (only after ``check_startup`` allowed it).
        limits: size, rate and quota limits (default: ApiLimits()).
        jobs: the evaluation workers (default: new ones under the data dir).
        slack_app: a slack-bolt App to mount at ``/slack/events`` (HTTP mode), or None.
        admin_tokens: tokens that may read and list every principal's consultations and jobs.
        retention_days: delete consultations not updated for this many days (at start-up, then every 6 hours).
    """
    limits = limits or ApiLimits()
    evidence = getattr(service, "evidence", None)
    if jobs is None:  # one worker per data dir: the consultations' checks and the evaluation jobs share it
        jobs = evidence.jobs if evidence is not None else EvaluationJobs(settings.data_dir, settings=settings)
    elif evidence is not None:
        evidence.use_jobs(jobs)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        stop = _retention(service, retention_days)
        yield
        stop.set()
        jobs.close()

    app = FastAPI(title="embedding-advisor", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Choose an embedding model: consultations, recommendations, catalog, evaluations.")
    app.state.jobs = jobs
    app.state.service = service
    app.state.data_dir = settings.data_dir
    app.add_middleware(ApiGuard, tokens=tokens, limits=limits, admin_tokens=admin_tokens)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    _install_error_handlers(app)

    counted: dict[str, tuple[float, int]] = {}  # principal -> (when, bytes): far below the quota, reused a while

    def check_quota(principal: Principal, recount: bool = True) -> None:
        """507 when the caller is at its quota; ``recount=False`` (a start: small) reuses a recent low count."""
        now = time.monotonic()
        seen = counted.get(principal.id)
        if not recount and seen is not None and now - seen[0] < USAGE_TTL_S and seen[1] < limits.quota_bytes // 2:
            return  # counting every checkpoint of a busy token on each start made a start O(consultations)
        used = jobs.usage_bytes(principal.id) + service.usage_bytes(principal)
        counted[principal.id] = (now, used)
        if used >= limits.quota_bytes:
            raise QuotaExceededError(used, limits.quota_bytes)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(_docs_page(app))

    @app.get("/healthz", response_model=m.Health, responses={500: {"model": m.ErrorBody}, 503: {"model": m.Health}},
             openapi_extra={"security": []})
    def healthz(response: Response) -> m.Health:
        """Liveness, the LLM mode, what is enabled and the evaluation workers (503 when none is alive)."""
        worker = jobs.health()
        if not worker["ok"]:
            response.status_code = 503
        return m.Health(status="ok" if worker["ok"] else "degraded", mode=service.mode, auth=tokens is not None,
                        slack=slack_app is not None, worker=m.WorkerHealth(**worker))

    @app.post("/v1/consultations", status_code=201, response_model=m.Reply, responses={**COMMON, **FULL})
    def start_consultation(principal: Caller, body: m.StartConsultation | None = None,
                           idempotency_key: Annotated[str | None, Header(
                               pattern=m.CLIENT_ID, description="Same as `request_id`.")] = None) -> m.Reply:
        """Start a consultation (owned by the caller); with a first message it is read at once.

        With a ``request_id`` (or an ``Idempotency-Key`` header) a resend after a lost reply starts nothing new.
        """
        check_quota(principal, recount=False)
        request_id = _client_id("request_id", body.request_id if body else None, idempotency_key)
        return service.start(body.message if body else None, request_id, principal=principal)

    @app.post("/v1/consultations/{consultation_id}/messages", response_model=m.Reply,
              responses={**NOT_FOUND, 507: {"model": m.ErrorBody, "description": "No space left to save the message"}})
    def send_message(consultation_id: str, body: m.MessageIn, principal: Caller, idempotency_key: Annotated[
            str | None, Header(pattern=m.CLIENT_ID, description="Same as `message_id`.")] = None,
                     ) -> m.Reply:
        """Send a message: the reply, the pending question, the profile and the recommendation when there is one.

        With a ``message_id`` (or an ``Idempotency-Key`` header) a resend after a lost reply is applied at most once.
        """
        message_id = _client_id("message_id", body.message_id, idempotency_key)
        return service.send(consultation_id, body.text, message_id, principal=principal)

    @app.patch("/v1/consultations/{consultation_id}/profile", response_model=m.Reply,
               responses={**NOT_FOUND, 422: {"model": m.ErrorBody, "description": "A field is unknown or invalid"}},
               openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                   "schema": _profile_edit_schema()}}}})
    def edit_profile(consultation_id: OwnedConsultation, changes: Annotated[dict[str, Any], Body()],
                     principal: Caller) -> m.Reply:
        """Edit profile fields: validated like every profile (a 422 names the field), stored as "edited".

        An existing short list is ranked again; the reply says what changed.
        """
        return service.edit_profile(consultation_id, changes, principal=principal)

    @app.get("/v1/consultations/{consultation_id}", response_model=m.ConsultationState, responses=NOT_FOUND)
    def get_consultation(consultation_id: str, principal: Caller) -> m.ConsultationState:
        """A consultation as it stands, with its transcript."""
        return service.state(consultation_id, principal=principal)

    @app.delete("/v1/consultations/{consultation_id}", status_code=204, responses=NOT_FOUND,
                response_class=Response)
    def delete_consultation(consultation_id: OwnedConsultation, principal: Caller) -> Response:
        """Delete a consultation: every turn stored, its list entry and its reports."""
        service.delete(consultation_id, principal=principal)
        return Response(status_code=204)

    @app.post("/v1/consultations/{consultation_id}/documents", status_code=201, response_model=m.DocumentsAttached,
              responses={**NOT_FOUND, 413: {"model": m.ErrorBody}}, openapi_extra=DOCUMENTS_BODY)
    async def attach_documents(consultation_id: OwnedConsultation, request: Request,
                               principal: Caller) -> m.DocumentsAttached:
        """Attach documents (multipart ``files``) to a consultation; ask the advisor to check the short list on them.

        The same limits and checks as evaluation uploads: size per file and in all, type, emptiness, binary content.
        """
        service.state(consultation_id, principal=principal)  # 404 for an unknown consultation, before the body
        if not request.headers.get("content-type", "").startswith("multipart/form-data"):
            raise StarletteHTTPException(415, "send multipart/form-data with one or more `files` parts")
        form = await read_form(request, limits.max_file_bytes)
        files = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
        if not files:
            raise RequestValidationError([{"loc": ("body", "files"), "msg": "at least one document is required",
                                           "type": "missing"}])
        from agent.attachments import attach_files

        staging = service.evidence.folder(consultation_id) / f".incoming-{uuid.uuid4().hex[:8]}"
        staging.mkdir(parents=True)
        try:
            names: set[str] = set()
            placed = [(u, staging / sanitise_filename(u.filename or "", names)) for u in files]
            total = sum(d["bytes"] for d in service.evidence.documents(consultation_id))
            for upload, path in placed:
                total += await _save_upload(upload, path, limits.max_file_bytes)
                if total > limits.max_upload_bytes:
                    raise StarletteHTTPException(413, f"the consultation's documents are over the "
                                                      f"{limits.max_upload_bytes:,}-byte total limit")
            try:
                done = attach_files(service.evidence, consultation_id, [(u.filename or "", p) for u, p in placed],
                                    max_file_bytes=limits.max_file_bytes, max_total_bytes=limits.max_upload_bytes,
                                    strict=True)
            except InputFileError as exc:  # the total was checked (413) while the files arrived
                raise RequestValidationError([{"loc": ("body", "files"), "type": "value_error",
                                               "msg": str(exc)}]) from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)  # a refused upload leaves nothing behind
        return m.DocumentsAttached(attached=done.attached,
                                   documents=service.evidence.documents(consultation_id),
                                   url=f"/v1/consultations/{consultation_id}")

    @app.get("/v1/consultations", response_model=m.ConsultationList, responses=COMMON)
    def list_consultations(principal: Caller, limit: Annotated[int, Query(ge=1, le=1000)] = 20,
                           offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0) -> m.ConsultationList:
        """The caller's consultations, newest first (an admin token lists everyone's)."""
        return m.ConsultationList(items=service.list(limit, offset, principal=principal), limit=limit, offset=offset)

    @app.post("/v1/recommendations", response_model=m.RecommendationResult, responses=COMMON,
              openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                  "schema": {"$ref": "#/components/schemas/RequirementProfile"}}}}})
    def recommend(profile: Annotated[dict[str, Any], Body()]) -> dict[str, Any]:
        """A ranked short list for a requirement profile: the object the batch command writes."""
        return service.recommend(profile)

    why_not_body = m.WhyNotRequest.model_json_schema()
    why_not_body["properties"]["profile"] = {"$ref": "#/components/schemas/RequirementProfile"}

    @app.post("/v1/why-not", response_model=m.WhyNotAnswer, responses=NOT_FOUND, openapi_extra={"requestBody": {
        "required": True, "content": {"application/json": {"schema": why_not_body}}}})
    def why_not(body: Annotated[dict[str, Any], Body()]) -> dict[str, Any]:
        """'Why not X?' (or 'X vs Y' with versus) for a profile: the constraint or the gap, in one sentence."""
        try:
            request = m.WhyNotRequest.model_validate(body)
        except ValidationError as exc:
            raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]) from None
        return service.why_not(request.model, request.profile, request.versus)

    @app.get("/v1/consultations/{consultation_id}/why-not", response_model=m.WhyNotAnswer, responses=NOT_FOUND)
    def consultation_why_not(consultation_id: str,
                             model: Annotated[str, Query(min_length=1, max_length=200)],
                             principal: Caller,
                             versus: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
                             ) -> dict[str, Any]:
        """'Why not X?' on a consultation's board: its profile as stated so far (the caller's consultations only)."""
        return service.why_not(model, versus=versus, consultation_id=consultation_id, principal=principal)

    @app.get("/v1/models", response_model=m.ModelSearchResult, responses=COMMON)
    def models_search(language: Annotated[str | None, Query(max_length=64, examples=["zh"])] = None,
                      max_params: Annotated[str | None, Query(pattern=m.MAX_PARAMS_PATTERN, max_length=24,
                                                              examples=["600M"])] = None,
                      min_context: Annotated[int | None, Query(ge=1)] = None, kind: m.SearchKind = "any",
                      license: m.SearchLicense = "any", domain: m.SearchDomain | None = None,
                      benchmark: Annotated[str | None, Query(max_length=100, examples=["MTEB(eng, v2)"])] = None,
                      sort: m.SearchSort = "score", limit: Annotated[int, Query(ge=1, le=200)] = 20) -> dict[str, Any]:
        """Search the model catalog (the filters of ``embedding-advisor models search``)."""
        from tools.catalog.lookup import search_models

        return search_models(language=language, max_params=max_params, min_context=min_context, kind=kind,
                             license=license, domain=domain, benchmark=benchmark, sort=sort, limit=limit)

    @app.get("/v1/models/{name:path}", response_model=m.ModelDetails, responses=NOT_FOUND)
    def models_show(name: Annotated[str, PathParam(examples=["BAAI/bge-m3"])]) -> dict[str, Any]:
        """Every fact about one model with its source, and its published scores."""
        from tools.catalog.lookup import show_model

        return show_model(name)

    @app.post("/v1/evaluations", status_code=202, response_model=m.EvaluationAccepted,
              responses={**COMMON, **FULL, 415: {"model": m.ErrorBody}}, openapi_extra=EVAL_BODY)
    async def start_evaluation(request: Request, principal: Caller) -> m.EvaluationAccepted:
        """Queue an evaluation of uploaded files (multipart) or JSON documents; poll its URL for the result.

        429 with Retry-After when the queue is full; 507 when the caller is over its disk quota.
        """
        content_type = request.headers.get("content-type", "")
        if not content_type.startswith(("application/json", "multipart/form-data")):
            raise StarletteHTTPException(415, "send application/json or multipart/form-data")
        check_quota(principal)
        jobs.check_capacity()
        body = None
        if content_type.startswith("application/json"):
            try:
                body = m.EvaluationJSON.model_validate_json(await request.body())
            except ValidationError as exc:
                raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]) from None
        job_id, folder = jobs.new_job()
        try:
            paths = _write_json_job(folder, body) if body else await _write_multipart_job(folder, request, limits)
            models = (body.models if body else paths.get("models")) or ["minilm", "bm25"]
            _named_models(models, folder)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)  # a rejected upload leaves nothing behind
            raise
        eval_request = EvalRequest(corpus=paths["corpus"], models=models, out_dir=jobs.out_dir(job_id),
                                   data_dir=settings.data_dir, queries=paths["queries"], qrels=paths["qrels"],
                                   milvus_uri=settings.milvus_uri, milvus_token=settings.milvus_token,
                                   openai_base_url=settings.embeddings_base_url,
                                   openai_api_key=settings.embeddings_api_key, device=settings.device,
                                   embeddings_concurrency=settings.embeddings_concurrency,
                                   encode_processes=settings.encode_processes)
        try:
            job = jobs.submit(job_id, eval_request, owner=principal.id)
        except QueueFullError:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return m.EvaluationAccepted(id=job_id, status=job["status"], url=f"/v1/evaluations/{job_id}")

    @app.get("/v1/evaluations/{job_id}", response_model=m.EvaluationStatus, responses=NOT_FOUND)
    def get_evaluation(job_id: str, principal: Caller) -> dict[str, Any]:
        """Status, progress and (when done) the results summary of an evaluation job."""
        return jobs.get(job_id, principal)

    @app.post("/v1/evaluations/{job_id}/cancel", response_model=m.EvaluationStatus, responses=NOT_FOUND)
    def cancel_evaluation(job_id: str, principal: Caller) -> dict[str, Any]:
        """Stop a pending or running job (its worker process is killed); status becomes ``cancelled``."""
        return jobs.cancel(job_id, principal)

    @app.delete("/v1/evaluations/{job_id}", status_code=204, responses=NOT_FOUND, response_class=Response)
    def delete_evaluation(job_id: str, principal: Caller) -> Response:
        """Cancel a job if it runs, then delete its results and uploads."""
        jobs.delete(job_id, principal)
        return Response(status_code=204)

    if slack_app is not None:
        from slack_bolt.adapter.fastapi import SlackRequestHandler

        handler = SlackRequestHandler(slack_app)

        @app.post("/slack/events", include_in_schema=False)
        async def slack_events(request: Request) -> Any:
            refused = slack_app.refusal(await request.body(), request.headers)
            if refused:  # what Bolt would answer with a 500 (a non-numeric timestamp, a body it cannot parse)
                return _error(refused[0], HTTP_CODES.get(refused[0], "error"), refused[1])
            return await handler.handle(request)

    return app


def _named_models(models: list[str], folder: Any) -> None:
    """Refuse candidates that would download a model or read the server's files; the answer says nothing of them.

    A path-like name gets one sentence whether or not it exists, so files cannot be probed.
    """
    for spec in models:
        text = spec.split(":", 1)[1] if spec.lower().startswith(("hybrid:", "hybrid-weighted:")) else spec
        problem = None
        if text.startswith(("/", ".", "~", "\\")) or "/../" in text or "\\" in text:
            problem = (f"{spec!r}: models are named, never given as server paths: use minilm, static, bm25, hybrid, "
                       "openai:<model>, or a Hugging Face id already cached on the server")
        else:
            try:  # built-ins, openai:<model>, or what is already on disk here
                require_offline_model(spec, [folder])
            except ToolInputError as exc:
                problem = str(exc).replace(str(folder), "<upload>")
        if problem:
            raise RequestValidationError([{"loc": ("body", "models"), "type": "value_error", "msg": problem}])


def _retention(service: AdvisorService, days: float | None) -> Any:
    """Purge old consultations now and every 6 hours in a thread; returns the event that stops it."""
    import threading

    stop = threading.Event()
    if not days:
        return stop

    def loop() -> None:
        while True:
            try:
                service.purge(days)
            except Exception:
                logger.exception("retention: purging old consultations failed")
            if stop.wait(6 * 3600):
                return

    threading.Thread(target=loop, name="retention", daemon=True).start()
    return stop
