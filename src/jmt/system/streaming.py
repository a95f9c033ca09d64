"""Responses that stream a large body without holding it in memory, under WSGI and ASGI alike.

Django's ``StreamingHttpResponse`` (and ``FileResponse``) over a *synchronous* iterator is consumed
whole into a list when served over ASGI (``StreamingHttpResponse.__aiter__`` calls
``sync_to_async(list)``) — the app runs under uvicorn, so a plain generator would buffer a
200,000-row export in memory. Over ASGI these helpers hand Django an *asynchronous* iterator that
pulls the synchronous one a few chunks at a time in the request's own thread (the database
connection and its server-side cursor live there); over WSGI (and Django's test client) they pass
the synchronous iterator as is.
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import IO

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIRequest
from django.http import HttpRequest, StreamingHttpResponse
from django.utils.http import content_disposition_header

FILE_BLOCK_SIZE = 64 * 1024
CHUNKS_PER_HOP = 8


def _async_chunks(chunks: Iterator[bytes]) -> AsyncIterator[bytes]:
    def take() -> list[bytes]:
        return list(itertools.islice(chunks, CHUNKS_PER_HOP))

    async def pull() -> AsyncIterator[bytes]:
        try:
            while True:
                batch = await sync_to_async(take, thread_sensitive=True)()
                if not batch:
                    return
                for chunk in batch:
                    yield chunk
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                await sync_to_async(close, thread_sensitive=True)()

    return pull()


def stream_response(
    request: HttpRequest,
    chunks: Iterable[bytes],
    *,
    content_type: str,
    filename: str,
    content_length: int | None = None,
) -> StreamingHttpResponse:
    """An attachment download whose body is produced chunk by chunk."""
    iterator = iter(chunks)
    body: Iterator[bytes] | AsyncIterator[bytes] = (
        _async_chunks(iterator) if isinstance(request, ASGIRequest) else iterator
    )
    response = StreamingHttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename) or "attachment"
    response["Cache-Control"] = "no-store"
    if content_length is not None:
        response["Content-Length"] = str(content_length)
    return response


def _file_blocks(handle: IO[bytes]) -> Iterator[bytes]:
    try:
        while block := handle.read(FILE_BLOCK_SIZE):
            yield block
    finally:
        handle.close()


def file_response(
    request: HttpRequest, handle: IO[bytes], *, content_type: str, filename: str
) -> StreamingHttpResponse:
    """Stream an open file (closed at the end); the length comes from the file."""
    position = handle.tell()
    handle.seek(0, 2)
    length = handle.tell() - position
    handle.seek(position)
    return stream_response(
        request, _file_blocks(handle), content_type=content_type, filename=filename, content_length=length
    )
