"""Every view is a link: the permalink, the Share button, the copy-link box, export provenance.

The one home of sharing: ``share_action`` (the Share button at the top of a
page: the phone's own share sheet where the browser offers one, else it
copies the link) and ``share_box`` (the sidebar's link with a copy button).
Both give the address as it is when used (``mapping/assets/url.js``): the map
keeps its view and open organisation there without re-running the app.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import urlencode, urlsplit

import streamlit as st

from mapping import assets
from mapping.audience import PATH as AUDIENCE_PATH
from mapping.provenance import Provenance
from mapping.qr import qr_img
from mapping.safety import escape_html, safe_url
from mapping.ui.frame import Frame
from mapping.ui.language import _


def permalink() -> str:
    """Return the absolute link to this exact view (every query parameter), or "" if unknown."""
    base = st.context.url or ""
    if not safe_url(base):
        return ""
    query = urlencode(st.query_params.to_dict(), safe=",")
    return base.split("?", 1)[0].split("#", 1)[0] + (f"?{query}" if query else "")


def view_links(query: Mapping[str, str] | None = None) -> tuple[str, str]:
    """The audience link and the full atlas's link of a view (this page's, or ``query``).

    Both are absolute (a QR code is read by another device), on this server, or ""
    when the page's address is unknown.
    """
    base = safe_url(st.context.url or "")
    if not base:
        return "", ""
    parts = urlsplit(base)
    origin = f"{parts.scheme}://{parts.netloc}"
    params = st.query_params.to_dict() if query is None else dict(query)
    encoded = urlencode(params, safe=",")
    suffix = f"?{encoded}" if encoded else ""
    return f"{origin}{AUDIENCE_PATH}{suffix}", f"{origin}/{suffix}"


def show_qr_codes(codes: Sequence[tuple[str, str, int]], *, large: bool = False) -> None:
    """Show QR codes side by side: ``(caption, link, width in pixels)`` each, link under it.

    ``large`` sets the captions and links in type a hall can read (the Present page).
    """
    figures = "".join(
        f'<figure class="atlas-qr-figure" style="width: min({width}px, 100%)">'
        f"{qr_img(link, _('share.qr_alt', link=link))}"
        f'<figcaption dir="auto">{escape_html(caption)}</figcaption>'
        f'<p class="atlas-qr-link" dir="ltr">{escape_html(link)}</p></figure>'
        for caption, link, width in codes
    )
    size = " atlas-qr-large" if large else ""
    st.html(f'<div class="atlas-qr{size}">{figures}</div>{QR_STYLE}')


def share_qr() -> None:
    """The QR codes of this view's audience link and full link (in a closed expander)."""
    audience, full = view_links()
    if not audience:
        return
    with st.expander(_("share.qr_heading")):
        show_qr_codes([(_("share.qr_audience"), audience, 220), (_("share.qr_full"), full, 220)])


QR_STYLE = """<style>
.atlas-qr { display: flex; flex-wrap: wrap; gap: 1.2rem; align-items: flex-start; }
.atlas-qr-figure { margin: 0; }
.atlas-qr-figure img { display: block; width: 100%; height: auto; image-rendering: pixelated; }
.atlas-qr-figure figcaption { font-weight: 600; margin-top: .3rem; }
.atlas-qr-link { font-family: monospace; font-size: .75rem; overflow-wrap: anywhere; margin: 0; }
.atlas-qr-large { gap: 3rem; }
.atlas-qr-large figcaption { font-size: 2rem; line-height: 1.2; color: #000; }
.atlas-qr-large .atlas-qr-link { font-size: 1.25rem; color: #000; }
</style>"""


def provenance(frame: Frame) -> Provenance:
    """Return how the current view was made, for exports."""
    return Provenance.from_view(
        frame.filters,
        shown=len(frame.shown),
        total=len(frame.all),
        permalink=permalink(),
        names=dict(zip(frame.all["id"], frame.all["name"], strict=True)),
        undated=frame.undated,
    )


def share_action() -> None:
    """The Share button at the top of a page (under its title and sentence).

    On a phone it opens the system's share sheet (``navigator.share``); where
    the browser has none it copies the link and says so.
    """
    if not permalink():
        return
    st.html(
        SHARE_ACTION_HTML.format(
            label=escape_html(_("share.action")),
            help=escape_html(_("share.action_help")),
            copied=escape_html(_("share.copied")),
            title=escape_html(_("app.title")),
        )
        + assets.url_keeper_script(),
        unsafe_allow_javascript=True,
    )


def share_box() -> None:
    """Show the view's permalink with a copy button.

    The box and its button read the address bar when used, not this run's
    URL: the map keeps its centre, zoom and open organisation there without
    re-running the app (``mapping/assets/url.js``).
    """
    link = permalink()
    if not link:
        return
    st.caption(_("share.caption"))
    st.html(
        SHARE_HTML.format(
            link=escape_html(link),
            label=escape_html(_("share.label")),
            copy=escape_html(_("share.copy")),
            copied=escape_html(_("share.copied")),
        )
        + assets.url_keeper_script(),
        unsafe_allow_javascript=True,
    )
    share_qr()


SHARE_HTML = """<style>
.atlas-share {{ display: flex; gap: .4rem; align-items: center; flex-wrap: wrap; }}
.atlas-share input {{ flex: 1 1 10rem; min-width: 0; font: inherit; font-size: .8rem;
  padding: .35rem .5rem; border: 1px solid rgba(49, 51, 63, .3); border-radius: .4rem;
  direction: ltr; background: transparent; color: inherit; }}
.atlas-share button {{ font: inherit; font-size: .85rem; padding: .35rem .8rem;
  border: 1px solid rgba(49, 51, 63, .3); border-radius: .4rem; background: white;
  color: inherit; cursor: pointer; }}
.atlas-share button:hover {{ border-color: #ff4b4b; color: #ff4b4b; }}
.atlas-share [role=status] {{ font-size: .8rem; flex-basis: 100%; min-height: 1.1em; }}
</style>
<div class="atlas-share">
<input type="text" readonly value="{link}" aria-label="{label}" onfocus="this.select()">
<button type="button" data-copied="{copied}">{copy}</button>
<span role="status" aria-live="polite"></span>
</div>"""


SHARE_ACTION_HTML = """<style>
.atlas-share-action {{ display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; }}
.atlas-share-action button {{ font: inherit; font-size: .95rem; font-weight: 600;
  min-height: 2.5rem; padding: .35rem .9rem; border: 1px solid #005a8c; border-radius: .5rem;
  background: #fff; color: #005a8c; cursor: pointer; }}
.atlas-share-action button:hover {{ background: #eaf3f9; }}
.atlas-share-action button:focus-visible {{ outline: 3px solid #0072B2; outline-offset: 2px; }}
.atlas-share-action [role=status] {{ font-size: .9rem; color: #1b1b1b; }}
</style>
<div class="atlas-share-action">
<button type="button" title="{help}" data-copied="{copied}" data-title="{title}">{label}</button>
<span role="status" aria-live="polite"></span>
</div>"""
