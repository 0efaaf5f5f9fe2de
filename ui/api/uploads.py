"""Multipart parsing that stops reading a request as soon as one file part passes the per-file limit."""

from __future__ import annotations

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request

from tools.documents.file_readers import upload_name


class _FileTooLarge(Exception):
    def __init__(self, filename: str, limit: int) -> None:
        super().__init__(f"{upload_name(filename)} is over the {limit:,}-byte limit per file")


class _LimitedParser(MultiPartParser):
    """Starlette's parser, counting each file part's bytes as they arrive (it would spool a 100 MB part first)."""

    def __init__(self, request: Request, max_file_bytes: int, max_files: int, max_fields: int) -> None:
        super().__init__(request.headers, request.stream(), max_files=max_files, max_fields=max_fields)
        self.max_file_bytes = max_file_bytes
        self._part_bytes = 0

    def on_part_begin(self) -> None:
        super().on_part_begin()
        self._part_bytes = 0

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        file = self._current_part.file
        if file is not None:
            self._part_bytes += end - start
            if self._part_bytes > self.max_file_bytes:
                raise _FileTooLarge(file.filename or "", self.max_file_bytes)
        super().on_part_data(data, start, end)


async def read_form(request: Request, max_file_bytes: int, max_files: int = 1000, max_fields: int = 20) -> FormData:
    """The request's multipart form; 413 naming the file the moment one is over ``max_file_bytes``.

    The rest of the body is never read: the server answers and closes the connection.

    Raises:
        HTTPException: 413 for a file over the limit, 400 for a body that is not valid multipart.
    """
    try:
        return await _LimitedParser(request, max_file_bytes, max_files, max_fields).parse()
    except _FileTooLarge as exc:
        raise HTTPException(413, str(exc)) from None
    except MultiPartException as exc:  # Starlette keeps python-multipart's reason (a header too long ...) as cause
        reason = f"{exc.message.rstrip('.')}: {exc.__cause__}" if exc.__cause__ else exc.message
        raise HTTPException(400, f"malformed multipart body ({reason})") from None
