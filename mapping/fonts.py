"""Streamlit's fonts, cut down to what this app can show.

Every first visit downloads Streamlit's fonts: more than half the map page's bytes
once the scripts are compressed. ``FontSubsets`` answers their URLs with subsets:

- Material Symbols Rounded, the icon font (375 KB, about 4,000 icons, each a ligature
  of its name): only the icons that can appear, every icon name Streamlit's own bundle
  mentions (a quoted name or ``:material/name:``) and every ``:material/name:`` in the
  app's sources; about 470 icons in 50 KB. An icon missing from the subset would show
  as blank space the width of its name; the browser tests measure every icon drawn.
- Source Sans, the text font (170 KB, Latin, Greek, Cyrillic and Vietnamese): Latin
  with its extensions, combining accents and punctuation, 106 KB. A letter outside it
  (the data's Hebrew, Japanese and Korean never were in it) is drawn by the browser's
  next font, as it is today.

Each subset is made once per font file and icon list (5-15 s of one thread, at the
lowest priority, started with the server) and kept on disk beside the compressed files;
until it is ready, Streamlit's whole font is served. The fonts' URLs are Streamlit's,
content-hashed and cached for a year by Streamlit's rules: the subsets are revalidated
instead (``no-cache`` with an ``ETag``), so an icon the app adds later reaches every
browser.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import re
import threading
from collections.abc import Iterable
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from mapping.precompressed import CACHE_DIR, REVALIDATE

# Streamlit's files: /static/media/MaterialSymbols-Rounded.<hash>.woff2 (icons) and
# /static/media/SourceSansVF-Upright.ttf.<hash>.woff2 (text, upright and italic).
ICON_FONT = re.compile(r"MaterialSymbols-[A-Za-z]+\.[A-Za-z0-9_-]+\.woff2")
TEXT_FONT = re.compile(r"SourceSans[A-Za-z0-9]*-[A-Za-z]+(?:\.ttf)?\.[A-Za-z0-9_-]+\.woff2")
FONT_PATH = re.compile(rf"/static/media/({ICON_FONT.pattern}|{TEXT_FONT.pattern})")
# The text font's letters kept: Latin and its extensions (Vietnamese included), IPA,
# combining accents, punctuation, super- and subscripts, currency, letterlike symbols,
# arrows and mathematical operators; Greek and Cyrillic are left to the next font.
TEXT_RANGES = (
    (0x20, 0x36F),
    (0x1E00, 0x1EFF),
    (0x2000, 0x22FF),
    (0xFB00, 0xFB06),
    (0xFFFD, 0xFFFD),
)
_APP_ICON = re.compile(r":material/([a-z0-9_]+):")
_QUOTED = re.compile(r"""["'`]([a-z0-9][a-z0-9_]*)["'`]""")
_LOG = logging.getLogger("atlas.fonts")
# The text font's Reserved Font Name, and what its subset is called instead.
RESERVED_NAME = "Source"
SUBSET_NAME = "AtlasLatin"
_LEGAL_NAMES = frozenset({0, 13, 14})  # copyright, licence, licence URL


def icons(font: TTFont) -> dict[str, str]:
    """Icon name -> its glyph: what the font's ligatures make of each name, spelt out."""
    letters = {glyph: chr(code) for code, glyph in font.getBestCmap().items()}
    found = {}
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for table in lookup.SubTable:
            table = getattr(table, "ExtSubTable", None) or table
            for first, ligatures in getattr(table, "ligatures", {}).items():
                for ligature in ligatures:
                    spelt = "".join(letters.get(g, "\ufffd") for g in [first, *ligature.Component])
                    found[spelt] = ligature.LigGlyph
    return found


def icon_names(frontend: Path, sources: Iterable[Path]) -> frozenset[str]:
    """Every icon name Streamlit's bundle mentions, and every ``:material/...:`` in ``sources``.

    A quoted lowercase word in the bundle counts (most are not icons; the font decides),
    so an icon named in Streamlit's code rather than as ``:material/name:`` is kept too.
    ``sources`` are Python files, or folders whose ``*.py`` files are read.
    """
    names: set[str] = set()
    for script in sorted((frontend / "static" / "js").glob("*.js")):
        text = script.read_text(encoding="utf-8", errors="replace")
        names.update(_QUOTED.findall(text))
        names.update(_APP_ICON.findall(text))
    files = [p for s in sources for p in (sorted(s.rglob("*.py")) if s.is_dir() else [s])]
    for source in files:
        names.update(_APP_ICON.findall(source.read_text(encoding="utf-8", errors="replace")))
    return frozenset(names)


def _options(*, layout_closure: bool) -> subset.Options:
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.layout_closure = layout_closure
    options.name_IDs = ["*"]
    options.notdef_outline = True
    return options


def _saved(font: TTFont) -> bytes:
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def subset_font(data: bytes, names: Iterable[str]) -> bytes:
    """``data`` (a woff2 icon font) with only the icons named ``names``, as woff2."""
    font = TTFont(io.BytesIO(data))
    every = icons(font)
    drawn = set(every.values())
    keep = [glyph for glyph in font.getGlyphOrder() if glyph not in drawn]
    keep += sorted({every[name] for name in names if name in every})
    # Letters make every ligature: keep only the ligatures of the icons asked for.
    cutter = subset.Subsetter(_options(layout_closure=False))
    cutter.populate(glyphs=keep)
    cutter.subset(font)
    return _saved(font)


def subset_text_font(data: bytes) -> bytes:
    """``data`` (a woff2 text font) with the letters of ``TEXT_RANGES`` only, as woff2."""
    font = TTFont(io.BytesIO(data))
    wanted = [
        code for code in font.getBestCmap() if any(low <= code <= high for low, high in TEXT_RANGES)
    ]
    cutter = subset.Subsetter(_options(layout_closure=True))
    cutter.populate(unicodes=wanted)
    cutter.subset(font)
    # Source Sans is under the SIL Open Font License with the Reserved Font Name "Source":
    # a modified version must not carry it. The copyright and licence records stay.
    for record in font["name"].names:
        text = record.toUnicode()
        if record.nameID not in _LEGAL_NAMES and RESERVED_NAME in text:
            record.string = text.replace(RESERVED_NAME, SUBSET_NAME)
    return _saved(font)


class FontSubsets:
    """ASGI middleware: Streamlit's fonts' URLs answered with their subsets, once made."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        frontend: Path,
        sources: tuple[Path, ...],
        cache_dir: Path | None = CACHE_DIR,
    ) -> None:
        self.app = app
        self.frontend = frontend
        self.sources = sources
        self.cache_dir = cache_dir
        self._subsets: dict[str, tuple[bytes, str]] = {}  # file name -> (subset, etag)
        self._started: set[str] = set()
        self._looked = False
        self._lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._looked:  # the server's first request (its health check): start now
            self._looked = True
            self.prepare()
        match = FONT_PATH.fullmatch(scope.get("path", "")) if scope["type"] == "http" else None
        if match is None or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        ready = self._subsets.get(match.group(1))
        if ready is None:
            self.prepare(match.group(1))
            await self.app(scope, receive, send)  # Streamlit's whole font, this time
            return
        body, etag = ready
        headers = {"Cache-Control": REVALIDATE, "ETag": etag}
        if etag in Headers(scope=scope).get("if-none-match", ""):
            response = Response(status_code=304, headers=headers)
        else:
            response = Response(body, headers=headers, media_type="font/woff2")
        await response(scope, receive, send)

    def prepare(self, name: str | None = None) -> None:
        """Start making the subset of font ``name`` (default: each) in the background."""
        fonts = [name] if name else [p.name for p in (self.frontend / "static/media").glob("*")]
        for font in fonts:
            if not FONT_PATH.fullmatch(f"/static/media/{font}"):
                continue
            with self._lock:
                if font in self._started:
                    continue
                self._started.add(font)
            worker = threading.Thread(target=self._make, args=(font,), daemon=True)
            worker.name = "fonts"
            worker.start()

    def _make(self, font: str) -> None:
        with contextlib.suppress(OSError):  # Linux: a thread's own nice value
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
        icon = ICON_FONT.fullmatch(font) is not None
        try:
            data = (self.frontend / "static" / "media" / font).read_bytes()
            names = icon_names(self.frontend, self.sources) if icon else frozenset()
        except OSError as error:
            _LOG.warning("cannot read the font %s: %s", font, error)
            return
        listed = "\n".join(sorted(names)) if icon else repr(TEXT_RANGES)
        key = hashlib.sha256(data + listed.encode()).hexdigest()
        stored = self.cache_dir / f"{key}.woff2" if self.cache_dir else None
        body = None
        if stored is not None and stored.is_file():
            body = stored.read_bytes()
        if body is None:
            body = subset_font(data, names) if icon else subset_text_font(data)
            if stored is not None:
                try:
                    stored.parent.mkdir(parents=True, exist_ok=True)
                    partial = stored.with_name(f"{stored.name}.{os.getpid()}.part")
                    partial.write_bytes(body)
                    partial.replace(stored)
                except OSError as error:
                    _LOG.warning("cannot keep the font in %s: %s", self.cache_dir, error)
        self._subsets[font] = (body, f'"{key[:20]}"')
