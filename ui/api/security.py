"""API guards: bearer tokens, a per-token rate limit and request size limits, applied before a body is read."""

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

from fastapi import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from knowledge.errors import SettingsError
from knowledge.settings import Settings

logger = logging.getLogger(__name__)

TOKENS_VAR = "ADVISOR_API_TOKENS"
TOKENS_FILE_VAR = "ADVISOR_API_TOKENS_FILE"
MB = 1024 * 1024
UPLOAD_PATH = "/v1/evaluations"


@dataclass(frozen=True)
class ApiLimits:
    """Size and rate limits, in bytes and requests per minute."""

    max_json_bytes: int = 1 * MB
    max_file_bytes: int = 20 * MB
    max_upload_bytes: int = 100 * MB
    rate_per_min: int = 60

    @classmethod
    def from_settings(cls, settings: Settings) -> ApiLimits:
        """The limits ``ADVISOR_MAX_UPLOAD_MB``, ``ADVISOR_MAX_FILE_MB`` and ``ADVISOR_RATE_LIMIT_PER_MIN`` set."""
        total = settings.max_upload_mb
        return cls(max_file_bytes=min(settings.max_file_mb, total) * MB, max_upload_bytes=total * MB,
                   rate_per_min=settings.rate_limit_per_min)

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


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """A JSON error with the ErrorBody shape."""
    return JSONResponse({"code": code, "message": message, "field": None}, status_code=status, headers=headers)


class ApiGuard:
    """ASGI middleware: auth + rate limit on ``/v1``, body size limits everywhere, before the body is read."""

    def __init__(self, app: ASGIApp, tokens: Sequence[str] | None, limits: ApiLimits) -> None:
        self.app = app
        self.digests = None if tokens is None else [hashlib.sha256(t.encode()).digest() for t in tokens]
        self.limits = limits
        self.bucket = TokenBucket(limits.rate_per_min)

    def _limit(self, scope: Scope) -> int:
        upload = scope["path"] == UPLOAD_PATH and scope["method"] == "POST"
        return self.limits.max_upload_bytes + 64 * 1024 if upload else self.limits.max_json_bytes

    def _key(self, scope: Scope, headers: dict[bytes, bytes]) -> str | JSONResponse:
        if self.digests is None:
            client = scope.get("client") or ("local", 0)
            return f"ip:{client[0]}"
        scheme, _, token = headers.get(b"authorization", b"").decode("latin-1").partition(" ")
        digest = hashlib.sha256(token.strip().encode()).digest()
        if scheme.lower() != "bearer" or not any(hmac.compare_digest(digest, d) for d in self.digests):
            return error_response(401, "unauthorized", "missing or invalid bearer token (Authorization: Bearer ...)",
                                  {"WWW-Authenticate": "Bearer"})
        return "token:" + digest.hex()[:16]  # never the token itself

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the request, then pass it on with a receive that counts body bytes."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        if scope["path"].startswith("/v1"):
            key = self._key(scope, headers)
            if isinstance(key, JSONResponse):
                await key(scope, receive, send)
                return
            wait = self.bucket.take(key)
            if wait:
                await error_response(429, "rate_limited", f"more than {self.limits.rate_per_min} requests a minute",
                                     {"Retry-After": str(math.ceil(wait))})(scope, receive, send)
                return
        limit = self._limit(scope)
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
