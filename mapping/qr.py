"""QR codes of the atlas's links, drawn offline as SVG by ``segno`` (pure Python).

A presenter puts the audience link on the screen as a QR code rather than reading a
URL out; the share box shows the same codes. The SVG has no fixed size (a ``viewBox``
only): the page sizes it, as large as a phone at the back of the hall needs. Error
correction M (15% of the code may be unreadable: a projector's glare, a head in the
way) and the standard four-module quiet zone; dark on white whatever the theme.

A page draws its codes as data URIs (no request). The share box's codes follow the
address bar, where the map keeps its view without a run (``mapping/assets/url.js``):
the browser redraws them from ``GET /qr.svg?link=<a link to this server>`` (``routes``),
each link's code made once and kept by browsers for a year.
"""

from __future__ import annotations

import asyncio
import base64
import functools
import hashlib
from urllib.parse import urlsplit

import segno
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from mapping import precompressed
from mapping.safety import escape_html, safe_url

ERROR_CORRECTION = "m"
QUIET_ZONE = 4
PATH = "/qr.svg"
# A version-40 code at level M holds 2,331 bytes; a view's link is a few hundred.
MAX_LINK = 2_000
# A served SVG is a document: it may run nothing and load nothing.
HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"}


@functools.lru_cache(maxsize=64)
def qr_svg(link: str, label: str = "") -> str:
    """Return an inline ``<svg>`` of ``link``'s QR code, named ``label`` for screen readers.

    Parameters
    ----------
    link : str
        An absolute http(s) URL.
    label : str
        What the image is (``role="img"``, ``aria-label``); escaped, never markup.

    Returns
    -------
    str
        One ``<svg>`` element with a ``viewBox`` and no width or height.

    Raises
    ------
    ValueError
        If ``link`` is not an absolute http(s) URL.
    """
    if not link or safe_url(link) != link:
        raise ValueError(f"a QR code is made for an absolute http(s) link, not {link!r}")
    code = segno.make(link, error=ERROR_CORRECTION, micro=False, boost_error=False)
    svg = code.svg_inline(
        scale=1, border=QUIET_ZONE, omitsize=True, dark="#000", light="#fff", svgclass="atlas-qr"
    )
    named = (
        'xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-label="{escape_html(label or link)}" shape-rendering="crispEdges" '
    )
    return svg.replace("<svg ", f"<svg {named}", 1)


def qr_img(link: str, label: str = "") -> str:
    """The QR code as an ``<img>`` (an SVG data URI) with ``label`` as its text alternative.

    Sanitised HTML (Streamlit's ``st.html``) keeps images with data URIs but drops inline
    SVG; an image is also what a visitor can save or drag onto a slide.
    """
    data = base64.b64encode(qr_svg(link).encode("utf-8")).decode("ascii")
    return (
        f'<img class="atlas-qr-code" src="data:image/svg+xml;base64,{data}" '
        f'alt="{escape_html(label or link)}">'
    )


def link_error(link: str, host: str) -> str:
    """Why ``/qr.svg`` draws no code of ``link`` asked for at ``host``, or "" when it does.

    Only this server's links get a code (the ``Host`` the browser asked): the route is
    the share box's, not a QR code service for any address.

    >>> link_error("http://hall.local:8501/audience?role=funding", "hall.local:8501")
    ''
    >>> link_error("https://elsewhere.example/", "hall.local:8501")
    'a QR code is drawn only for a link to this server (hall.local:8501)'
    """
    if not link or safe_url(link) != link:
        return "a QR code is drawn only for an absolute http(s) link"
    if len(link) > MAX_LINK:
        return f"a QR code is drawn for a link of at most {MAX_LINK:,} characters"
    if urlsplit(link).netloc.lower() != host.lower():
        return f"a QR code is drawn only for a link to this server ({host})"
    return ""


@functools.lru_cache(maxsize=256)
def served_svg(link: str) -> precompressed.Compressed:
    """``link``'s code as an SVG file, compressed (a few KB; made once per link)."""
    data = qr_svg(link).encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    return precompressed.Compressed(digest, "image/svg+xml", precompressed.quick(data), True)


async def endpoint(request: Request) -> Response:
    """``GET /qr.svg?link=...``: the code of a link to this server (400 for any other)."""
    link = request.query_params.get("link", "")
    error = link_error(link, request.headers.get("host", ""))
    if error:
        return PlainTextResponse(error, status_code=400, headers=HEADERS)
    entry = await asyncio.to_thread(served_svg, link)
    headers = Headers(scope=request.scope)
    encoding = precompressed.accepted(headers.get("accept-encoding", ""))
    # The address names the content (the link): kept a year, like a content-hashed file.
    return precompressed.response(entry, encoding, precompressed.YEAR, headers, extra=HEADERS)


def routes() -> list[BaseRoute]:
    """The share box's QR codes (``GET``/``HEAD /qr.svg``)."""
    return [Route(PATH, endpoint, methods=["GET", "HEAD"], name="qr")]
