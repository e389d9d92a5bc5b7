"""QR codes of the atlas's links, drawn offline as SVG by ``segno`` (pure Python).

A presenter puts the audience link on the screen as a QR code rather than reading a
URL out; the share box shows the same codes. The SVG has no fixed size (a ``viewBox``
only): the page sizes it, as large as a phone at the back of the hall needs. Error
correction M (15% of the code may be unreadable: a projector's glare, a head in the
way) and the standard four-module quiet zone; dark on white whatever the theme.
"""

from __future__ import annotations

import base64
import functools

import segno

from mapping.safety import escape_html, safe_url

ERROR_CORRECTION = "m"
QUIET_ZONE = 4


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
