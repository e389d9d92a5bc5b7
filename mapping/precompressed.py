"""Static text files served compressed, each compressed once and never per request.

Streamlit serves its own bundle (``/static/...``) and the page (``/``) uncompressed on
purpose (compressing per request costs CPU on every hit), and compresses the app's
static files and component frames again for every request. ``PrecompressedFiles``
sits in front of both (an ASGI middleware, ``st.App(middleware=...)``): for a GET or
HEAD of a text file it knows, from a browser that accepts brotli or gzip, it answers
with that file's compressed bytes, made once per file content and kept in memory;
anything else goes on to Streamlit unchanged.

Each file is compressed twice. At once, when first asked for (a few tenths of a second
for the largest, in a worker thread, once however many visitors ask at the same
moment): zlib's gzip at level 9 and brotli at quality 5. Then, in one background thread
of the lowest priority, as small as the formats go: gzip by zopfli and brotli at
quality 11 (the first visit's 2.7 MB of scripts take about 30 s of CPU), kept on disk
in ``.cache/precompressed/`` (beside ``static/``, named by the content's SHA-256), so a
restarted server starts with them.

What each URL is, and how long a browser may keep it:

- ``/`` and a page's path (``/network``): Streamlit's ``index.html``, revalidated on
  every visit (``no-cache`` with an ``ETag``), as Streamlit does;
- ``/static/...``: Streamlit's content-hashed bundle, kept a year (``immutable``);
- ``/app/static/...``: the app's assets (``mapping.assets``); content-hashed names (the
  map's script bundle) kept a year, the rest revalidated;
- ``/component/<name>/...``: a component's frame; content-hashed names kept a year,
  the rest revalidated.

A path Streamlit would refuse, redirect or route elsewhere (an API route, the audience
page, ``/_stcore/...``) is always left to Streamlit.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import hashlib
import logging
import os
import queue
import re
import threading
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import brotli
import zopfli.gzip
from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.routing import Match
from starlette.types import ASGIApp, Receive, Scope, Send

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = PROJECT_ROOT / ".cache" / "precompressed"
YEAR = "public, immutable, max-age=31536000"
REVALIDATE = "no-cache"
# Smaller files gain less than the Content-Encoding header costs.
MIN_BYTES = 512
# What the browser says it accepts, in the order we prefer.
ENCODINGS = ("br", "gzip")
TEXT_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".geojson": "application/geo+json",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".wasm": "application/wasm",
}
# A bundler's content hash in a file name: "index.DormvYxC.js", "main.521860b0.js".
_HASHED = re.compile(r"\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9]+$")
# A page of a Streamlit app: one path segment (``/network``), served as index.html.
_PAGE = re.compile(r"/[A-Za-z0-9][A-Za-z0-9_-]*")
_SAFE_SEGMENT = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._@+~-]*")
_LOG = logging.getLogger("atlas.precompressed")
# What ``Store.report`` is told when the background thread starts and when it has caught up.
BEST_STARTED = "compressing files at their smallest in the background"
BEST_MADE = "compressed at their smallest"


@dataclass(frozen=True)
class Compressed:
    """One file's compressed forms, with what identifies them."""

    digest: str  # SHA-256 of the file's bytes, hex
    content_type: str
    bodies: dict[str, bytes]  # encoding -> body
    best: bool  # zopfli and brotli 11 (else the quick forms, until the upgrade)

    def etag(self, encoding: str) -> str:
        """A strong validator of one encoded form (it changes with the content)."""
        return f'"{self.digest[:20]}-{encoding}"'


def quick(data: bytes) -> dict[str, bytes]:
    """gzip (zlib level 9) and brotli (quality 5): a few tenths of a second for 1 MB."""
    return {
        "gzip": gzip.compress(data, compresslevel=9, mtime=0),
        "br": brotli.compress(data, quality=5),
    }


def best(data: bytes) -> dict[str, bytes]:
    """gzip by zopfli and brotli at quality 11: 5-15% smaller, about 100x slower."""
    return {"gzip": zopfli.gzip.compress(data), "br": brotli.compress(data, quality=11)}


@dataclass
class Store:
    """Every file's compressed forms: in memory, and the best ones also on disk.

    ``ready`` is the lock-free fast path; ``compress`` makes a file's quick forms once
    (concurrent callers wait for the one doing it) and queues its best forms for the
    background thread. Files are keyed by path, modification time and size, so a file
    rewritten at start-up (``static/``) is compressed again.
    """

    cache_dir: Path | None = CACHE_DIR
    upgrade: bool = True
    # Told when the background thread gets work (``BEST_STARTED``) and runs out (``BEST_MADE``).
    report: Callable[[str], None] | None = None
    _entries: dict[tuple, Compressed] = field(default_factory=dict)
    _locks: dict[tuple, asyncio.Lock] = field(default_factory=dict)
    _queue: queue.Queue = field(default_factory=queue.Queue)
    _worker: threading.Thread | None = None

    @staticmethod
    def key(path: Path, stat: os.stat_result) -> tuple:
        """What identifies a version of a file without reading it."""
        return (str(path), stat.st_mtime_ns, stat.st_size)

    def ready(self, path: Path, stat: os.stat_result) -> Compressed | None:
        """The file's compressed forms if they are made (no I/O)."""
        return self._entries.get(self.key(path, stat))

    async def compress(self, path: Path, stat: os.stat_result, content_type: str) -> Compressed:
        """Make the file's compressed forms once (in a worker thread) and keep them."""
        key = self.key(path, stat)
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            entry = self._entries.get(key)
            if entry is None:
                entry = await asyncio.to_thread(self._make, path, content_type)
                self._entries[key] = entry
                if not entry.best and self.upgrade:
                    self._queue_upgrade(key, path, entry)
        self._locks.pop(key, None)
        return entry

    def compress_now(self, path: Path, content_type: str) -> Compressed:
        """The best forms of ``path`` (made and stored on disk if missing): for a build step."""
        entry = self._make(path, content_type)
        if entry.best:
            return entry
        data = path.read_bytes()
        bodies = best(data)
        self._save(entry.digest, bodies)
        return Compressed(entry.digest, content_type, bodies, True)

    def _make(self, path: Path, content_type: str) -> Compressed:
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        stored = self._load(digest)
        if stored is not None:
            return Compressed(digest, content_type, stored, True)
        return Compressed(digest, content_type, quick(data), False)

    def _load(self, digest: str) -> dict[str, bytes] | None:
        if self.cache_dir is None:
            return None
        bodies = {}
        for encoding in ENCODINGS:
            try:
                bodies[encoding] = (self.cache_dir / f"{digest}.{encoding}").read_bytes()
            except OSError:
                return None
        return bodies

    def _save(self, digest: str, bodies: dict[str, bytes]) -> None:
        if self.cache_dir is None:
            return
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            for encoding, body in bodies.items():
                target = self.cache_dir / f"{digest}.{encoding}"
                partial = target.with_name(f"{target.name}.{os.getpid()}.part")
                partial.write_bytes(body)
                partial.replace(target)  # whole or absent, even with replicas sharing the folder
        except OSError as error:  # a read-only disk: the best forms live in memory only
            _LOG.warning("cannot keep compressed files in %s: %s", self.cache_dir, error)

    def _queue_upgrade(self, key: tuple, path: Path, entry: Compressed) -> None:
        if self._queue.unfinished_tasks == 0 and self.report is not None:
            self.report(BEST_STARTED)
        self._queue.put((key, path, entry))
        if self._worker is None or not self._worker.is_alive():
            self._worker = threading.Thread(target=self._upgrade, name="precompress", daemon=True)
            self._worker.start()

    def _upgrade(self) -> None:
        """The background thread: replace quick forms by the best ones, at the lowest priority."""
        with contextlib.suppress(OSError):  # Linux: a thread's own nice value
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
        made = 0
        while True:
            try:
                key, path, entry = self._queue.get(timeout=30)
            except queue.Empty:
                return
            try:
                data = path.read_bytes()
                # Rewritten since, the file's new version gets its own turn.
                if hashlib.sha256(data).hexdigest() == entry.digest:
                    bodies = best(data)
                    self._save(entry.digest, bodies)
                    self._entries[key] = Compressed(entry.digest, entry.content_type, bodies, True)
                    made += 1
            except OSError:
                pass  # gone since: nothing to upgrade
            finally:
                self._queue.task_done()
            if self._queue.unfinished_tasks == 0 and self.report is not None:
                self.report(f"{BEST_MADE}: {made} files")

    def wait_upgrades(self) -> None:
        """Wait until the background thread has made every best form queued (tests, builds)."""
        self._queue.join()


def accepted(header: str) -> str | None:
    """The encoding to answer with for an ``Accept-Encoding`` header, or None.

    >>> accepted("gzip, deflate, br, zstd")
    'br'
    >>> accepted("gzip, deflate")
    'gzip'
    >>> accepted("br;q=0, gzip;q=0.5")
    'gzip'
    >>> accepted("identity") is None
    True
    """
    weights: dict[str, float] = {}
    for item in header.lower().split(","):
        name, _, params = item.strip().partition(";")
        weight = 1.0
        for param in params.split(";"):
            label, _, value = param.strip().partition("=")
            if label == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        weights[name.strip()] = weight
    for encoding in ENCODINGS:
        if weights.get(encoding, weights.get("*", 0.0)) > 0:
            return encoding
    return None


@dataclass(frozen=True)
class Target:
    """A file a URL serves, and how long a browser may keep it."""

    path: Path
    cache_control: str


def _inside(root: Path, relative: str) -> Path | None:
    """``root/relative`` if every segment is plain and it is a file under ``root``."""
    segments = relative.split("/")
    if not all(_SAFE_SEGMENT.fullmatch(segment) for segment in segments):
        return None
    path = root.joinpath(*segments)
    try:
        resolved = path.resolve(strict=True)
    except OSError:
        return None
    if not resolved.is_file() or not resolved.is_relative_to(root.resolve()):
        return None
    return resolved


@dataclass(frozen=True)
class Locator:
    """Which file a URL path serves, as Streamlit would serve it, or None to leave it.

    ``frontend`` is Streamlit's own static folder; ``app_static`` the folder served at
    ``/app/static``; ``component_path(name)`` a declared component's folder (or None).
    """

    frontend: Path | None = None
    app_static: Path | None = None
    component_path: Callable[[str], str | None] | None = None

    def locate(self, path: str, elsewhere: Callable[[], bool] = lambda: False) -> Target | None:
        """The file for ``path``; ``elsewhere()`` says whether another route serves it."""
        if "\\" in path or "\x00" in path or "//" in path:
            return None
        if path.startswith("/app/static/") and self.app_static is not None:
            found = _inside(self.app_static, path.removeprefix("/app/static/"))
            if found is None:
                return None
            return Target(found, YEAR if _HASHED.search(found.name) else REVALIDATE)
        if path.startswith("/component/") and self.component_path is not None:
            name, _, relative = path.removeprefix("/component/").partition("/")
            folder = self.component_path(name) if name and relative else None
            found = _inside(Path(folder), relative) if folder else None
            if found is None:
                return None
            hashed = _HASHED.search(found.name) and found.suffix != ".html"
            return Target(found, YEAR if hashed else REVALIDATE)
        if self.frontend is None:
            return None
        if path.startswith("/static/"):
            found = _inside(self.frontend, path.lstrip("/"))
            return Target(found, YEAR) if found else None
        if path == "/" or (_PAGE.fullmatch(path) and not elsewhere()):
            # Streamlit's single-page fallback: every page is index.html.
            index = self.frontend / "index.html"
            return Target(index, REVALIDATE) if index.is_file() else None
        return None


class PrecompressedFiles:
    """ASGI middleware: known text files, compressed once, to browsers that accept it."""

    def __init__(self, app: ASGIApp, *, locator: Locator, store: Store | None = None) -> None:
        self.app = app
        self.locator = locator
        self.store = store if store is not None else Store()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        encoding = accepted(headers.get("accept-encoding", ""))
        target = None
        if encoding is not None and not headers.get("range"):
            target = self.locator.locate(scope["path"], lambda: _routed_elsewhere(scope))
        content_type = TEXT_TYPES.get(target.path.suffix.lower()) if target else None
        if target is None or content_type is None:
            await self.app(scope, receive, send)
            return
        try:
            stat = target.path.stat()
        except OSError:
            await self.app(scope, receive, send)
            return
        if stat.st_size < MIN_BYTES:
            await self.app(scope, receive, send)
            return
        entry = self.store.ready(target.path, stat) or await self.store.compress(
            target.path, stat, content_type
        )
        await response(entry, encoding, target.cache_control, headers)(scope, receive, send)


def response(
    entry: Compressed,
    encoding: str | None,
    cache_control: str,
    request_headers: Headers,
    extra: Mapping[str, str] | None = None,
) -> Response:
    """The response for ``entry`` in ``encoding`` (None: uncompressed), or 304 if it is known.

    ``extra`` headers go on both (a Content-Security-Policy, say).
    """
    etag = entry.etag(encoding or "identity")
    headers = {"Cache-Control": cache_control, "ETag": etag, "Vary": "Accept-Encoding"}
    headers.update(extra or {})
    if etag in _validators(request_headers.get("if-none-match", "")):
        return Response(status_code=304, headers=headers)
    headers["X-Content-Type-Options"] = "nosniff"
    if encoding is None:
        body = decompressed(entry)
    else:
        headers["Content-Encoding"] = encoding
        body = entry.bodies[encoding]
    # Starlette sends no body for HEAD, and Streamlit's gzip leaves an encoded body alone.
    return Response(body, headers=headers, media_type=entry.content_type)


def _validators(header: str) -> set[str]:
    """The entity tags of an ``If-None-Match`` header (weak ones compared as strong)."""
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


def _routed_elsewhere(scope: Scope) -> bool:
    """Whether a route other than Streamlit's static files answers this path."""
    app = scope.get("app")
    router = getattr(app, "router", None)
    for route in getattr(router, "routes", ()):
        if getattr(route, "name", "") == "static-assets":
            continue
        match, _ = route.matches(scope)
        if match is not Match.NONE:
            return True
    return False


def decompressed(entry: Compressed) -> bytes:
    """The original bytes (for a client that accepts no compression)."""
    return zlib.decompress(entry.bodies["gzip"], wbits=31)
