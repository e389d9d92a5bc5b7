"""Embedding a view in another site: the ``<iframe>`` snippet, oEmbed, and who may frame the atlas.

An embed is a page of the atlas (the map, the Charts or the Network page) opened with
Streamlit's own ``embed=true``: the page then draws no sidebar, no page links and no
language switch, only the view its URL names, read-only, with a link to open it in the
atlas. ``iframe_html`` is the one way its snippet is written: the pages' "Embed" action
fills it in the browser (where the map's current view is known), and the oEmbed answer
(``mapping.api.oembed``) fills it on the server.

Which sites may frame the atlas comes from ``$ATLAS_EMBED_ORIGINS`` (space-separated
origins; any site by default) and is sent as ``Content-Security-Policy: frame-ancestors``
by ``FrameAncestorsMiddleware`` on every response.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from mapping.safety import escape_html

EMBED_ORIGINS_ENV = "ATLAS_EMBED_ORIGINS"
# Streamlit's own query parameters for embedding (not seen by the app's st.query_params).
EMBED_PARAMS = ("embed", "embed_options")


@dataclass(frozen=True)
class Embeddable:
    """A page that can be embedded: its path, its catalogue key, its snippet's default size."""

    path: str
    page: str
    width: int
    height: int


PAGES: Mapping[str, Embeddable] = {
    page.path: page
    for page in (
        Embeddable("", "map", 800, 600),
        Embeddable("charts", "charts", 800, 900),
        Embeddable("network", "network", 800, 760),
    )
}
BY_PAGE: Mapping[str, Embeddable] = {page.page: page for page in PAGES.values()}
MIN_SIZE, MAX_SIZE = 200, 4000
# An origin a site is framed from: a scheme, a host (``*.`` for its subdomains), a port.
_ORIGIN = re.compile(r"^https?://(\*\.)?[A-Za-z0-9.-]+(:\d{1,5})?$")
_KEYWORDS = ("*", "'self'", "'none'")


def frame_ancestors(text: str | None = None) -> str:
    """The ``frame-ancestors`` sources: ``$ATLAS_EMBED_ORIGINS`` (default ``*``, any site).

    Origins are separated by spaces or commas (``https://example.org https://*.example.net``);
    the atlas itself is always allowed (its pages frame its own map and graph).

    Raises
    ------
    ValueError
        Naming the first value that is not an origin, ``*``, ``'self'`` or ``'none'``.
    """
    text = os.environ.get(EMBED_ORIGINS_ENV, "") if text is None else text
    sources = [part for part in re.split(r"[\s,]+", text.strip()) if part]
    if not sources:
        return "*"
    for source in sources:
        if source not in _KEYWORDS and not _ORIGIN.match(source):
            raise ValueError(
                f"{EMBED_ORIGINS_ENV}: {source!r} is not an origin such as "
                "https://example.org (or *, 'self', 'none')"
            )
    if "'none'" in sources:
        return "'self'"  # nobody else; the atlas still frames its own map and graph
    if "*" in sources:
        return "*"
    return " ".join(dict.fromkeys(["'self'", *sources]))


class FrameAncestorsMiddleware:
    """ASGI middleware: ``Content-Security-Policy: frame-ancestors ...`` on every answer."""

    def __init__(self, app, sources: str | None = None) -> None:
        self.app = app
        self.header = f"frame-ancestors {frame_ancestors(sources)}".encode("latin-1")

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_policy(message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if not any(name.lower() == b"content-security-policy" for name, _ in headers):
                    headers.append((b"content-security-policy", self.header))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_policy)


def clamp(size: int | None, default: int, limit: int | None = None) -> int:
    """A snippet's size in pixels: ``size`` (or the default), within the allowed range."""
    value = default if size is None else size
    high = MAX_SIZE if limit is None else min(MAX_SIZE, limit)
    return max(min(value, high), min(MIN_SIZE, high))


def embed_url(page_url: str) -> str:
    """The address of a page as an embed: its query with ``embed=true``."""
    parts = urlsplit(page_url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k.lower() not in EMBED_PARAMS]
    query.append(("embed", "true"))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query, safe=","), ""))


def atlas_url(page_url: str) -> str:
    """The address of an embedded page in the atlas itself (without the embed parameters)."""
    parts = urlsplit(page_url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k.lower() not in EMBED_PARAMS]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query, safe=","), ""))


def iframe_html(src: str, width: int | str, height: int | str, title: str) -> str:
    """The ``<iframe>`` snippet of an embed: its address, size and a title for screen readers.

    Every value is escaped for an HTML attribute, so a title made of user text (a
    search) stays text.
    """
    return (
        f'<iframe src="{escape_html(src)}" width="{escape_html(width)}" '
        f'height="{escape_html(height)}" title="{escape_html(title)}" '
        'style="border:0;max-width:100%" loading="lazy" '
        'referrerpolicy="strict-origin-when-cross-origin"></iframe>'
    )


def page_of(url: str, base: str) -> tuple[Embeddable, str] | None:
    """The embeddable page a URL of this atlas shows, and its query; None for any other URL.

    ``base`` is the atlas's own address (``http://host:port``): a URL of another site,
    or of a page that cannot be embedded (Data, Present, About), is not this atlas's.
    """
    try:
        parts, home = urlsplit(url.strip()), urlsplit(base)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or parts.netloc.lower() != home.netloc.lower():
        return None
    path = parts.path.removeprefix(home.path.rstrip("/")).strip("/")
    page = PAGES.get(path)
    return None if page is None else (page, parts.query)
