"""Answers kept for the next identical request, and compressed once.

An answer is a pure function of the data's version and the request (its path, its query,
the format chosen): its ``ETag`` names exactly that. So the bytes of a JSON answer are
kept under its ETag (up to ``MAX_BYTES`` in all, the least recently used dropped first),
and gzipped at most once: Streamlit's gzip middleware compresses every answer afresh at
level 9 (2-3 ms of CPU for a 60 KB page of organisations, a third of what the server could
otherwise answer), while a kept answer is sent as it was compressed the first time (the
middleware leaves an answer that already has a ``Content-Encoding`` alone). A streamed
answer (every row as CSV or GeoJSON) is streamed the first time, compressed by
Streamlit's middleware as it goes, and kept as it passes if it turns out small enough.

Identical requests arriving together are answered once: while one request works an answer
out, the others wait for it (at most ``WAIT_S``) instead of all doing the same work (fifty
clients asking for the whole CSV at once made fifty copies of it and timed out).
"""

from __future__ import annotations

import asyncio
import gzip
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

MAX_BYTES = 64 * 1024 * 1024
MAX_ANSWER_BYTES = 2 * 1024 * 1024
# Below this, compressing saves too little (Streamlit's middleware uses the same floor).
MIN_GZIP_BYTES = 500
GZIP_LEVEL = 6
# How long a request waits for an identical one to finish its answer before making its own.
WAIT_S = 5.0


@dataclass
class Answer:
    """One kept answer: its body, its media type, and its gzipped body once asked for."""

    body: bytes
    media_type: str
    extra: dict[str, str]
    gzipped: bytes | None = field(default=None)

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzipped or b"")


def accepts_gzip(request: Request) -> bool:
    """Whether the client takes gzip (``Accept-Encoding: gzip``, not with ``q=0``)."""
    for part in request.headers.get("accept-encoding", "").split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip().lower() in ("gzip", "*"):
            quality = params.strip().removeprefix("q=").strip() if "q=" in params else "1"
            try:
                return float(quality) > 0
            except ValueError:
                return False
    return False


class Answers:
    """The kept answers, by ETag (thread-safe)."""

    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self._lock = threading.Lock()
        self._kept: OrderedDict[str, Answer] = OrderedDict()
        self._bytes = 0
        self.max_bytes = max_bytes
        # Answers being worked out, by ETag (touched on the server's event loop only).
        self._pending: dict[str, asyncio.Event] = {}

    async def settled(self, etag: str) -> Answer | None:
        """The kept answer, once an identical request working it out is done (or None)."""
        answer = self.get(etag)
        pending = self._pending.get(etag)
        if answer is not None or pending is None:
            return answer
        try:
            await asyncio.wait_for(pending.wait(), WAIT_S)
        except TimeoutError:
            # Never finished (a stream that never started): nobody waits for it again.
            if self._pending.get(etag) is pending:
                del self._pending[etag]
        return self.get(etag)

    def working(self, etag: str) -> None:
        """Say this request works the answer out (identical ones wait for it)."""
        self._pending.setdefault(etag, asyncio.Event())

    def done(self, etag: str) -> None:
        """Say the answer is worked out, kept or not: the waiting requests go on."""
        pending = self._pending.pop(etag, None)
        if pending is not None:
            pending.set()

    def get(self, etag: str) -> Answer | None:
        with self._lock:
            answer = self._kept.get(etag)
            if answer is not None:
                self._kept.move_to_end(etag)
            return answer

    def keep(self, etag: str, response: Response) -> Answer | None:
        """Keep a plain 200 answer small enough to keep; return it as kept (else None)."""
        body = getattr(response, "body", None)
        if response.status_code != 200 or body is None or len(body) > MAX_ANSWER_BYTES:
            return None
        if "no-store" in response.headers.get("cache-control", ""):
            return None  # an answer that says it holds something to ask again
        extra = {
            name: value
            for name, value in response.headers.items()
            if name.lower() == "content-disposition"
        }
        answer = Answer(bytes(body), response.media_type or "application/octet-stream", extra)
        self._store(etag, answer)
        return answer

    def keep_streamed(self, etag: str, response: StreamingResponse) -> StreamingResponse:
        """Let a streamed 200 answer through, keeping its bytes if they stay small enough."""
        extra = {k: v for k, v in response.headers.items() if k.lower() == "content-disposition"}
        media_type = response.headers.get("content-type", "application/octet-stream")
        pieces = response.body_iterator

        async def passing() -> AsyncIterator[bytes]:
            kept: list[bytes] | None = []
            size = 0
            try:
                async for piece in pieces:
                    data = piece if isinstance(piece, bytes) else piece.encode("utf-8")
                    if kept is not None:
                        size += len(data)
                        if size <= MAX_ANSWER_BYTES:
                            kept.append(data)
                        else:
                            kept = None  # too big to keep: just stream it
                    yield data
                if kept is not None:
                    self._store(etag, Answer(b"".join(kept), media_type, extra))
            finally:  # streamed to the end, or the client went away
                self.done(etag)

        response.body_iterator = passing()
        return response

    def _store(self, etag: str, answer: Answer) -> None:
        with self._lock:
            previous = self._kept.pop(etag, None)
            self._bytes -= previous.size if previous else 0
            self._kept[etag] = answer
            self._bytes += answer.size
            while self._bytes > self.max_bytes and self._kept:
                _, dropped = self._kept.popitem(last=False)
                self._bytes -= dropped.size

    def response(self, etag: str, answer: Answer, request: Request) -> Response:
        """The kept answer as a response, gzipped if the client takes it."""
        headers = dict(answer.extra)
        body = answer.body
        if len(body) >= MIN_GZIP_BYTES and accepts_gzip(request):
            if answer.gzipped is None:
                answer.gzipped = gzip.compress(body, GZIP_LEVEL, mtime=0)
                self._store(etag, answer)
            body = answer.gzipped
            # (An answer left as it is gets this from Streamlit's gzip middleware.)
            headers["Vary"] = "Accept-Encoding"
            headers["Content-Encoding"] = "gzip"
        response = Response(body, headers=headers)
        # The media type as the first answer had it, without Starlette adding a charset.
        response.headers["content-type"] = answer.media_type
        return response

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self._bytes = 0
        for etag in list(self._pending):
            self.done(etag)
