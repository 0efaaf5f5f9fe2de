"""API guards: bearer tokens (each one a principal), rate limits, failed-token throttling and size limits.

All applied before a body is read; the principal is left in ``request.state.principal`` for the routes.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
import math
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from agent.principal import LOCAL, Principal
from knowledge.errors import SettingsError
from knowledge.settings import Settings

logger = logging.getLogger(__name__)

TOKENS_VAR = "ADVISOR_API_TOKENS"
TOKENS_FILE_VAR = "ADVISOR_API_TOKENS_FILE"
MIN_TOKEN_CHARS = 16
FAILED_AUTH_PER_MIN = 20  # wrong or missing tokens a client address may send a minute before it is throttled
MB = 1024 * 1024
UPLOAD_PATH = "/v1/evaluations"


@dataclass(frozen=True)
class ApiLimits:
    """Size and rate limits, in bytes and requests per minute."""

    max_json_bytes: int = 1 * MB
    max_file_bytes: int = 20 * MB
    max_upload_bytes: int = 100 * MB
    max_eval_json_bytes: int = 10 * MB  # a JSON evaluation is parsed in memory: kept far below the upload limit
    rate_per_min: int = 60
    quota_bytes: int = 1024 * MB  # per principal: uploads + results + checkpoints
    failed_auth_per_min: int = FAILED_AUTH_PER_MIN

    @classmethod
    def from_settings(cls, settings: Settings) -> ApiLimits:
        """The limits the ``ADVISOR_MAX_*_MB``, ``ADVISOR_RATE_LIMIT_PER_MIN`` and ``ADVISOR_QUOTA_MB`` set."""
        total = settings.max_upload_mb
        return cls(max_file_bytes=min(settings.max_file_mb, total) * MB, max_upload_bytes=total * MB,
                   max_eval_json_bytes=min(settings.max_json_eval_mb, total) * MB,
                   rate_per_min=settings.rate_limit_per_min, quota_bytes=settings.quota_mb * MB)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> ApiLimits:
        """The limits ``env`` sets (``Settings.from_env`` reads and checks them)."""
        return cls.from_settings(Settings.from_env(env))


def load_tokens(settings: Settings) -> list[str]:
    """The API tokens of ``ADVISOR_API_TOKENS`` (comma-separated) and ``ADVISOR_API_TOKENS_FILE`` (one a line)."""
    tokens = list(settings.api_tokens)
    if settings.api_tokens_file is not None:
        path = settings.api_tokens_file
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise SettingsError(f"{TOKENS_FILE_VAR}={path}: cannot read it ({exc.strerror or exc})") from exc
        tokens += [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]
    return list(dict.fromkeys(tokens))


def load_admin_tokens(settings: Settings) -> list[str]:
    """Admin tokens (``ADVISOR_API_ADMIN_TOKENS``): they see and list every principal's data."""
    return list(dict.fromkeys(settings.api_admin_tokens))


def token_principal(token: str, admin: bool = False) -> Principal:
    """The principal of a token: ``token:<first 16 hex digits of its SHA-256>`` (never the token itself)."""
    return Principal("token:" + hashlib.sha256(token.encode()).hexdigest()[:16], admin=admin)


def request_principal(request: Request) -> Principal:
    """The caller of a request (set by ApiGuard): use it as a FastAPI dependency on every route that reads data."""
    return getattr(request.state, "principal", None) or LOCAL


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_startup(tokens: Sequence[str], host: str, no_auth: bool) -> list[str] | None:
    """The tokens the server will accept, or None (auth off); refuse to start open on anything but loopback.

    Raises:
        SettingsError: no tokens, and not both ``--no-auth`` and a loopback host.
    """
    if tokens:
        short = [t for t in tokens if len(t) < MIN_TOKEN_CHARS]
        if short:
            logger.warning("%d API token(s) are short (under %d characters): easy to guess; make one with "
                           "`python -c 'import secrets; print(secrets.token_urlsafe(32))'`", len(short),
                           MIN_TOKEN_CHARS)
        return list(tokens)
    if no_auth and is_loopback(host):
        logger.warning("authentication is OFF (--no-auth on %s)", host)
        return None
    if no_auth:
        raise SettingsError(f"--no-auth is only allowed on a loopback host (127.0.0.1, ::1, localhost), not {host!r}; "
                            f"set {TOKENS_VAR} or {TOKENS_FILE_VAR} instead")
    raise SettingsError(f"no API tokens: set {TOKENS_VAR} (comma-separated) or {TOKENS_FILE_VAR} (one a line), "
                        "or pass --no-auth on a loopback host")


class TokenBucket:
    """Per-key token buckets: ``rate`` requests a minute, bursts up to ``rate``."""

    def __init__(self, rate_per_min: int, clock: Any = time.monotonic) -> None:
        self.capacity = float(rate_per_min)
        self.refill = rate_per_min / 60.0
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """Spend one request for ``key``; 0 if allowed, else the seconds until one is available."""
        with self._lock:
            now = self.clock()
            level, last = self._buckets.get(key, (self.capacity, now))
            level = min(self.capacity, level + (now - last) * self.refill)
            if level >= 1:
                self._buckets[key] = (level - 1, now)
                return 0.0
            self._buckets[key] = (level, now)
            return (1 - level) / self.refill

    def peek(self, key: str) -> float:
        """0 if ``key`` could spend a request now, else the seconds until it could (nothing is spent)."""
        with self._lock:
            now = self.clock()
            level, last = self._buckets.get(key, (self.capacity, now))
            level = min(self.capacity, level + (now - last) * self.refill)
            return 0.0 if level >= 1 else (1 - level) / self.refill


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """A JSON error with the ErrorBody shape."""
    return JSONResponse({"code": code, "message": message}, status_code=status, headers=headers)


class ApiGuard:
    """ASGI middleware: auth + rate limit on ``/v1``, body size limits everywhere, before the body is read."""

    def __init__(self, app: ASGIApp, tokens: Sequence[str] | None, limits: ApiLimits,
                 admin_tokens: Sequence[str] = ()) -> None:
        self.app = app
        admins = list(admin_tokens)
        self.digests = None if tokens is None and not admins else [
            (hashlib.sha256(t.encode()).digest(), t in admins) for t in dict.fromkeys([*(tokens or []), *admins])]
        self.limits = limits
        self.bucket = TokenBucket(limits.rate_per_min)
        self.failures = TokenBucket(limits.failed_auth_per_min)
        self._known: set[tuple[str, bytes]] = set()  # (address, digest) that authenticated: not locked out

    def _limit(self, scope: Scope, headers: dict[bytes, bytes]) -> int:
        upload = scope["path"] == UPLOAD_PATH and scope["method"] == "POST"
        if upload and headers.get(b"content-type", b"").startswith(b"application/json"):
            return self.limits.max_eval_json_bytes
        return self.limits.max_upload_bytes + 64 * 1024 if upload else self.limits.max_json_bytes

    def _key(self, scope: Scope, headers: dict[bytes, bytes]) -> tuple[str, Principal] | JSONResponse:
        address = (scope.get("client") or ("local", 0))[0]
        if self.digests is None:
            return f"ip:{address}", LOCAL
        scheme, _, token = headers.get(b"authorization", b"").decode("latin-1").partition(" ")
        digest = hashlib.sha256(token.strip().encode()).digest()
        admin = None
        for known, is_admin in self.digests:
            if hmac.compare_digest(digest, known):
                admin = is_admin
        if (address, digest) not in self._known:  # a client that keeps guessing waits, right token or not
            wait = self.failures.peek(address)
            if wait:
                return error_response(429, "rate_limited", "too many failed sign-ins from this address; wait",
                                      {"Retry-After": str(math.ceil(wait))})
        if scheme.lower() != "bearer" or admin is None:
            self.failures.take(address)
            logger.info("API request with a missing or invalid token from %s", address)
            return error_response(401, "unauthorized", "missing or invalid bearer token (Authorization: Bearer ...)",
                                  {"WWW-Authenticate": "Bearer"})
        if len(self._known) < 100_000:
            self._known.add((address, digest))
        principal = Principal("token:" + digest.hex()[:16], admin=admin)  # never the token itself
        return principal.id, principal

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the request, then pass it on with a receive that counts body bytes."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        if scope["path"].startswith("/v1"):
            found = self._key(scope, headers)
            if isinstance(found, JSONResponse):
                await found(scope, receive, send)
                return
            key, principal = found
            scope.setdefault("state", {})["principal"] = principal
            wait = self.bucket.take(key)
            if wait:
                await error_response(429, "rate_limited", f"more than {self.limits.rate_per_min} requests a minute",
                                     {"Retry-After": str(math.ceil(wait))})(scope, receive, send)
                return
        limit = self._limit(scope, headers)
        length = headers.get(b"content-length")
        if length and length.isdigit() and int(length) > limit:
            await error_response(413, "too_large", f"the request body is over the {limit:,}-byte limit")(
                scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise HTTPException(413, f"the request body is over the {limit:,}-byte limit")
            return message

        await self.app(scope, counted, send)
